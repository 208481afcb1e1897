/**
 * Maximum-likelihood learning of a small fully visible Boltzmann machine, with exact statistics.
 */
import { createRandom } from "../sampling/random";
import { checkInteger, checkMaxWork, checkPositive, checkSeed, checkWork, message, readOptions } from "../validate";
import { absoluteRowSums, checkSpinPatterns, rememberLibraryNetwork } from "./checks";
import { enumerate, type BoltzmannDistribution } from "./boltzmannExact";
import { checkEnumerable, indexOf } from "./boltzmannStates";
import type { HopfieldNetwork } from "./network";

/** Options of {@link boltzmannLearn}. */
export interface BoltzmannLearnOptions {
  /** Gradient steps, each on the whole data set. */
  epochs: number;
  /** eta, the step size. */
  learningRate: number;
  /** The inverse temperature beta = 1 / T of the model, > 0. @default 1 */
  beta?: number;
  /**
   * Seed of the starting weights: W_ij uniform in [-0.01, 0.01] (symmetric). Without a seed the
   * machine starts from W = 0, b = 0 (the uniform distribution).
   */
  seed?: number | string;
  /** The work budget, in state x unit visits: (epochs + 1) x 2^N x N. @default 2e8 */
  maxWork?: number;
}

/** One line of the learning history. */
export interface BoltzmannLearnRecord {
  /** 0 before any step, then 1, 2, ... after each step. */
  readonly epoch: number;
  /** KL(data || model) = sum_s p_data(s) log(p_data(s) / p_model(s)), in nats. */
  readonly klDataModel: number;
  /** The average log-likelihood (1/M) sum_m log p_model(x_m) of the data, in nats. */
  readonly logLikelihood: number;
}

/** The result of {@link boltzmannLearn}. */
export interface BoltzmannLearnResult {
  /**
   * The learned machine: weights W, biases b and the name "Boltzmann machine, N = <N>, learned";
   * hand it to boltzmannExact, boltzmannGibbsSample or hopfieldRecall like any network.
   */
  readonly network: HopfieldNetwork;
  /** The inverse temperature of the model. */
  readonly beta: number;
  /** KL and log-likelihood before learning (epoch 0) and after each epoch. */
  readonly history: BoltzmannLearnRecord[];
  /** The empirical distribution of the data, index = stateIndex(s). */
  readonly dataDistribution: Float64Array;
  /** <s_i> and <s_i s_j> over the data. */
  readonly dataMeanState: number[];
  readonly dataCorrelations: number[][];
  /** The exact distribution of the learned machine. */
  readonly model: BoltzmannDistribution;
}

/**
 * Fits a fully visible Boltzmann machine to data by gradient ascent on the log-likelihood, with
 * the model's statistics computed exactly by enumeration (Ackley, Hinton & Sejnowski 1985):
 *
 *   dW_ij = eta (<s_i s_j>_data - <s_i s_j>_model),   db_i = eta (<s_i>_data - <s_i>_model).
 *
 * The exact gradient of the average log-likelihood is beta times these differences; the beta
 * is folded into eta. The log-likelihood is concave in (W, b), and its curvature is bounded by
 * the number of parameters D = N(N+1)/2 (times beta^2), so every step with eta < 2 / (beta D)
 * raises it and
 * KL(data || model) = -H(data) - logLikelihood falls; larger steps usually work too but can
 * oscillate. At the optimum the model's means and correlations equal the data's (moment
 * matching). Cost per epoch O(N^2 2^N); the work, (epochs + 1) x 2^N x N, must be within the
 * budget (`maxWork`).
 *
 * @param data M vectors of N values +-1 (N <= 20).
 * @throws TypeError when data is not an array of +-1 arrays or an option has the wrong kind.
 * @throws RangeError when data is empty, vectors disagree in length, a value is not +-1,
 *   N > 20, epochs is not a positive integer, learningRate or beta is not positive, an option
 *   is unknown, or the work is above the budget.
 * @example
 * const fit = boltzmannLearn([[1, 1], [1, 1], [-1, -1]], { epochs: 200, learningRate: 0.5 });
 * fit.history[200].klDataModel < 0.01; // the pair is fitted: both units agree, mostly +1
 * // => true
 * fit.network.name;
 * // => "Boltzmann machine, N = 2, learned"
 */
export function boltzmannLearn(data: readonly (readonly number[])[], options: BoltzmannLearnOptions): BoltzmannLearnResult {
  const fn = "boltzmannLearn";
  if (options === undefined) throw new TypeError(message(fn, "options", "an options object such as { epochs: 100, learningRate: 0.1 }", options));
  const opts = readOptions(fn, options, {
    epochs: undefined as number | undefined,
    learningRate: undefined as number | undefined,
    beta: 1 as number,
    seed: undefined as number | string | undefined,
    maxWork: undefined as number | undefined,
  });
  const epochs = checkInteger(fn, "options.epochs", opts.epochs, 1, 1e12);
  const eta = checkPositive(fn, "options.learningRate", opts.learningRate);
  const beta = checkPositive(fn, "options.beta", opts.beta);
  const seed = opts.seed === undefined ? undefined : checkSeed(fn, "options.seed", opts.seed);
  const maxWork = checkMaxWork(fn, opts.maxWork);
  const set = checkSpinPatterns(fn, "data", data);
  const n = set.size;
  checkEnumerable(fn, "data", n);
  checkWork(fn, (epochs + 1) * 2 ** n * n, "(epochs + 1) x 2^N states x N units", maxWork);
  const name = `Boltzmann machine, N = ${n}, learned`;

  // Data statistics.
  const m = set.count;
  const dataDistribution = new Float64Array(2 ** n);
  const dataMean = new Float64Array(n);
  const dataSecond = new Float64Array(n * n);
  for (let k = 0; k < m; k++) {
    const x = set.data.subarray(k * n, (k + 1) * n);
    dataDistribution[indexOf(x)] += 1 / m;
    for (let i = 0; i < n; i++) {
      dataMean[i] += x[i] / m;
      for (let j = 0; j < n; j++) dataSecond[i * n + j] += (x[i] * x[j]) / m;
    }
  }
  let dataEntropy = 0;
  for (let k = 0; k < dataDistribution.length; k++) {
    const p = dataDistribution[k];
    if (p > 0) dataEntropy -= p * Math.log(p);
  }

  // Starting point.
  const w = new Float64Array(n * n);
  const b = new Float64Array(n);
  if (seed !== undefined) {
    const random = createRandom(seed, "boltzmann init");
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        const v = 0.02 * random.next() - 0.01;
        w[i * n + j] = v;
        w[j * n + i] = v;
      }
    }
  }

  const history: BoltzmannLearnRecord[] = [];
  const record = (epoch: number, model: BoltzmannDistribution): void => {
    let logLikelihood = 0;
    for (let k = 0; k < dataDistribution.length; k++) {
      const p = dataDistribution[k];
      if (p > 0) logLikelihood += p * model.logDensity[k];
    }
    history.push({ epoch, klDataModel: -dataEntropy - logLikelihood, logLikelihood });
  };

  let model = enumerate(w, b, n, beta, name);
  record(0, model);
  for (let epoch = 1; epoch <= epochs; epoch++) {
    for (let i = 0; i < n; i++) {
      b[i] += eta * (dataMean[i] - model.meanState[i]);
      for (let j = i + 1; j < n; j++) {
        const step = eta * (dataSecond[i * n + j] - model.correlations[i][j]);
        w[i * n + j] += step;
        w[j * n + i] += step;
      }
    }
    model = enumerate(w, b, n, beta, name);
    // Each step moves a parameter by at most 2 eta: only an absurd eta makes E(s) overflow.
    if (!Number.isFinite(model.logZ)) {
      throw new RangeError(message(fn, "options.learningRate", `small enough to keep the energies finite (they overflowed at epoch ${epoch})`, eta));
    }
    record(epoch, model);
  }

  const dataCorrelations: number[][] = [];
  for (let i = 0; i < n; i++) dataCorrelations.push(Array.from(dataSecond.subarray(i * n, (i + 1) * n)));
  // The update keeps W exactly symmetric with a zero diagonal, and finite: a valid network.
  const rowAbsSums = new Float64Array(n);
  absoluteRowSums(w, n, rowAbsSums);
  const network = rememberLibraryNetwork({ size: n, weights: w, biases: b, name }, rowAbsSums);
  return {
    network,
    beta,
    history,
    dataDistribution,
    dataMeanState: Array.from(dataMean),
    dataCorrelations,
    model,
  };
}
