/**
 * Maximum-likelihood learning of a small fully visible Boltzmann machine, with exact statistics.
 */
import { checkInteger, checkOptions, checkPositive, checkSeed } from "../validate";
import { checkSpinPatterns } from "./checks";
import { enumerate, type BoltzmannDistribution } from "./boltzmannExact";
import { checkEnumerable, indexOf } from "./boltzmannStates";
import { seededUniform } from "./random";

/** Options of {@link boltzmannLearn}. */
export interface BoltzmannLearnOptions {
  /** Gradient steps, each on the whole data set. */
  epochs: number;
  /** eta, the step size. */
  learningRate: number;
  /** Temperature of the model, > 0. @default 1 */
  T?: number;
  /**
   * Seed of the starting weights: W_ij uniform in [-0.01, 0.01] (symmetric). Without a seed the
   * machine starts from W = 0, b = 0 (the uniform distribution).
   */
  seed?: number | string;
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
  /** The learned weights, N rows of N numbers: hand them to boltzmannExact(W, b, T). */
  readonly W: number[][];
  readonly b: number[];
  readonly T: number;
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
 * The exact gradient of the average log-likelihood is these differences divided by T; the 1/T
 * is folded into eta. The log-likelihood is concave in (W, b), and its curvature is bounded by
 * the number of parameters D = N(N+1)/2 (over T^2), so every step with eta < 2T / D raises it and
 * KL(data || model) = -H(data) - logLikelihood falls; larger steps usually work too but can
 * oscillate. At the optimum the model's means and correlations equal the data's (moment
 * matching). Cost per epoch O(N^2 2^N).
 *
 * @param data M vectors of N values +-1 (N <= 20).
 * @throws TypeError when data is not an array of +-1 arrays or an option has the wrong kind.
 * @throws RangeError when data is empty, vectors disagree in length, a value is not +-1,
 *   N > 20, epochs is not a positive integer, or learningRate or T is not positive.
 * @example
 * const fit = boltzmannLearn([[1, 1], [1, 1], [-1, -1]], { epochs: 200, learningRate: 0.5 });
 * fit.history[200].klDataModel < 0.01; // the pair is fitted: both units agree, mostly +1
 * // => true
 */
export function boltzmannLearn(data: readonly (readonly number[])[], options: BoltzmannLearnOptions): BoltzmannLearnResult {
  const fn = "boltzmannLearn";
  const opts = checkOptions(fn, "options", options);
  const set = checkSpinPatterns(fn, "data", data);
  const n = set.size;
  checkEnumerable(fn, "data", n);
  const epochs = checkInteger(fn, "options.epochs", opts.epochs, 1, 1_000_000);
  const eta = checkPositive(fn, "options.learningRate", opts.learningRate);
  const T = checkPositive(fn, "options.T", opts.T ?? 1);
  const seed = opts.seed === undefined ? undefined : checkSeed(fn, "options.seed", opts.seed);

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
    const uniform = seededUniform(seed, "boltzmann init");
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        const v = 0.02 * uniform() - 0.01;
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
      if (p > 0) logLikelihood += p * Math.log(model.probabilities[k]);
    }
    history.push({ epoch, klDataModel: -dataEntropy - logLikelihood, logLikelihood });
  };

  let model = enumerate(w, b, n, T);
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
    model = enumerate(w, b, n, T);
    record(epoch, model);
  }

  const rows: number[][] = [];
  for (let i = 0; i < n; i++) rows.push(Array.from(w.subarray(i * n, (i + 1) * n)));
  const dataCorrelations: number[][] = [];
  for (let i = 0; i < n; i++) dataCorrelations.push(Array.from(dataSecond.subarray(i * n, (i + 1) * n)));
  return {
    W: rows,
    b: Array.from(b),
    T,
    history,
    dataDistribution,
    dataMeanState: Array.from(dataMean),
    dataCorrelations,
    model,
  };
}
