/**
 * Training the 2D energy by the contrastive rule with short-run Langevin negatives and a replay
 * buffer (Du & Mordatch 2019).
 */
import { streamRandom } from "../sampling/random";
import { shuffleInPlace } from "../sampling/shuffle";
import { checkFunction, checkInRange, checkInteger, checkMaxWork, checkNonNegative, checkPositive, checkSeed, checkWork, message, readOptions } from "../validate";
import { energyGradient, energyValue, makeNeuralEnergy, neuralEnergy, type NeuralEnergy } from "./neuralEnergy";
import { Adam, checkCommon, checkPoints2d } from "./training";

/** One line of the history of {@link contrastiveTrain}. */
export interface ContrastiveRecord {
  readonly epoch: number;
  /** The mean energy of the data points seen in the epoch (pressed down). */
  readonly positiveEnergy: number;
  /** The mean energy of the Langevin negatives (pulled up). */
  readonly negativeEnergy: number;
  /** positiveEnergy - negativeEnergy, the contrastive loss (its gradient is the update). */
  readonly loss: number;
}

/** Options of {@link contrastiveTrain}. */
export interface ContrastiveOptions {
  /** Passes over the data. Required. */
  epochs: number;
  /** Seed of the start, the minibatches, the buffer and the Langevin noise. Required. */
  seed: number | string;
  /** The energy to start from (a neuralEnergy); without it neuralEnergy({ units, seed }). */
  energy?: NeuralEnergy;
  /** K, softplus units of a fresh energy. @default 16 */
  units?: number;
  /** Data points (and negatives) per update. @default 100 */
  batchSize?: number;
  /** The Adam step size. @default 0.01 */
  learningRate?: number;
  /** Langevin steps per negative (short-run). @default 20 */
  langevinSteps?: number;
  /** eta in x' = x - eta grad E(x) + sqrt(2 eta) z (beta = 1). @default 0.02 */
  stepSize?: number;
  /** Negatives kept in the replay buffer. @default 1000 */
  bufferSize?: number;
  /** The share of negatives started afresh, uniform over the energy's domain. @default 0.05 */
  reinitialize?: number;
  /** lambda of the penalty lambda (E(x+)^2 + E(x-)^2) that keeps energies near 0. @default 0 */
  energyPenalty?: number;
  /**
   * Called after each epoch with the record, the energy so far and a copy of the replay buffer
   * (the model's samples at that epoch, points [x, y]: snapshots for a figure across training).
   */
  onEpoch?: (record: ContrastiveRecord, energy: NeuralEnergy, buffer: number[][]) => void;
  /** The work budget, in epochs x M x (langevinSteps + 3) x units. @default 2e8 */
  maxWork?: number;
}

/** The result of {@link contrastiveTrain}. */
export interface ContrastiveResult {
  readonly energy: NeuralEnergy;
  readonly history: ContrastiveRecord[];
  /** The replay buffer at the end: the model's own samples ("dreams"). */
  readonly buffer: number[][];
  readonly seed: number | string;
}

/** The interleaved buffer x0, y0, x1, y1, ... as points [x, y]. */
function bufferRows(buffer: Float64Array): number[][] {
  const rows: number[][] = [];
  for (let q = 0; q < buffer.length / 2; q++) rows.push([buffer[2 * q], buffer[2 * q + 1]]);
  return rows;
}

/** Reads a NeuralEnergy option. */
export function checkNeuralEnergy(fn: string, arg: string, value: unknown): NeuralEnergy {
  const e = value as Partial<NeuralEnergy> | null;
  if (e === null || typeof e !== "object" || typeof e.parameterGradient !== "function" || typeof e.withTheta !== "function" || !Number.isInteger(e.units) || !(e.theta instanceof Float64Array)) {
    throw new TypeError(message(fn, arg, "a neural energy (from neuralEnergy or a trainer)", value));
  }
  return value as NeuralEnergy;
}

/**
 * Fits the energy to 2D data by the contrastive rule: maximum likelihood for p(x) = exp(-E(x)) / Z
 * has the gradient
 *
 *   d/dtheta [-log p] = <dE/dtheta>_data - <dE/dtheta>_model,
 *
 * so each update presses E down at a minibatch of data (positives) and lifts it at as many
 * samples of the model (negatives). The negatives come from short-run Langevin dynamics,
 * x' = x - eta grad E(x) + sqrt(2 eta) z, started from a replay buffer of earlier negatives
 * (a share `reinitialize` afresh, uniform over the energy's domain, [-4, 4]^2 by default), and written back: the buffer
 * is a persistent chain, as in Du & Mordatch (2019). Parameters move by Adam. The quadratic
 * confinement of the energy is fixed, so Z stays finite throughout.
 *
 * @param data M points [x, y].
 * @throws TypeError when data or an option has the wrong kind, or the seed is missing.
 * @throws RangeError when an option is out of range or unknown, the work is above the budget,
 *   or the energy leaves the finite numbers.
 * @example
 * const blob = [[1, 1], [1.2, 0.9], [0.8, 1.1], [1.1, 1.2], [0.9, 0.8]];
 * const fit = contrastiveTrain(blob, { epochs: 100, batchSize: 5, seed: 1, units: 4 });
 * fit.energy.value([1, 1]) < fit.energy.value([-2, -2]); // low where the data are
 * // => true
 */
export function contrastiveTrain(data: readonly (readonly number[])[], options: ContrastiveOptions): ContrastiveResult {
  const fn = "contrastiveTrain";
  if (options === undefined) throw new TypeError(message(fn, "options", "an options object such as { epochs: 50, seed: 1 }", options));
  const opts = readOptions(fn, options, {
    epochs: undefined as number | undefined,
    seed: undefined as number | string | undefined,
    energy: undefined as NeuralEnergy | undefined,
    units: 16 as number,
    batchSize: 100 as number,
    learningRate: 0.01 as number,
    langevinSteps: 20 as number,
    stepSize: 0.02 as number,
    bufferSize: 1000 as number,
    reinitialize: 0.05 as number,
    energyPenalty: 0 as number,
    onEpoch: undefined as ContrastiveOptions["onEpoch"],
    maxWork: undefined as number | undefined,
  });
  const { epochs, batchSize, learningRate } = checkCommon(fn, opts);
  const seed = checkSeed(fn, "options.seed", opts.seed);
  const steps = checkInteger(fn, "options.langevinSteps", opts.langevinSteps, 1, 1e6);
  const eta = checkPositive(fn, "options.stepSize", opts.stepSize);
  const bufferSize = checkInteger(fn, "options.bufferSize", opts.bufferSize, 1, 1e6);
  const reinit = checkInRange(fn, "options.reinitialize", opts.reinitialize, 0, 1);
  const lambda = checkNonNegative(fn, "options.energyPenalty", opts.energyPenalty);
  const onEpoch = opts.onEpoch === undefined ? undefined : (checkFunction(fn, "options.onEpoch", opts.onEpoch) as NonNullable<ContrastiveOptions["onEpoch"]>);
  const maxWork = checkMaxWork(fn, opts.maxWork);
  const start = opts.energy === undefined ? undefined : checkNeuralEnergy(fn, "options.energy", opts.energy);
  const units = start?.units ?? checkInteger(fn, "options.units", opts.units, 1, 10_000);
  const points = checkPoints2d(fn, "data", data);
  const M = points.length / 2;
  checkWork(fn, epochs * M * (steps + 3) * units + bufferSize, "epochs x M x (langevinSteps + 3) x units", maxWork);
  const initial = start ?? neuralEnergy({ units, seed });
  const alpha = initial.confinement;
  const domain = initial.domain!;
  const theta = initial.theta;
  const P = theta.length;
  const box = domain;
  const random = streamRandom(seed, "contrastive");
  const uniform = (d: number) => box.lower[d] + (box.upper[d] - box.lower[d]) * random.next();
  const buffer = new Float64Array(2 * bufferSize);
  for (let q = 0; q < bufferSize; q++) {
    buffer[2 * q] = uniform(0);
    buffer[2 * q + 1] = uniform(1);
  }
  const order = new Uint32Array(M).map((_, m) => m);
  const grad = new Float64Array(P);
  const g = new Float64Array(2);
  const adam = new Adam(P, learningRate);
  const noise = Math.sqrt(2 * eta);
  const history: ContrastiveRecord[] = [];
  /** grad += w dE/dtheta at (x0, x1); returns E there. */
  const addParameterGradient = (x0: number, x1: number, w: number): number => {
    let e = 0.5 * alpha * (x0 * x0 + x1 * x1);
    for (let k = 0; k < units; k++) {
      const a = theta[4 * k];
      const s = theta[4 * k + 1] * x0 + theta[4 * k + 2] * x1 + theta[4 * k + 3];
      const sp = s > 0 ? s + Math.log1p(Math.exp(-s)) : Math.log1p(Math.exp(s));
      const as = (a / (1 + Math.exp(-s))) * w;
      e += a * sp;
      grad[4 * k] += w * sp;
      grad[4 * k + 1] += as * x0;
      grad[4 * k + 2] += as * x1;
      grad[4 * k + 3] += as;
    }
    return e;
  };
  for (let epoch = 1; epoch <= epochs; epoch++) {
    shuffleInPlace(random, order);
    let sumPositive = 0;
    let sumNegative = 0;
    for (let begin = 0; begin < M; begin += batchSize) {
      const count = Math.min(batchSize, M - begin);
      grad.fill(0);
      const w = 1 / count;
      for (let r = 0; r < count; r++) {
        const m = order[begin + r];
        const e = energyValue(theta, units, alpha, points[2 * m], points[2 * m + 1]);
        sumPositive += e;
        addParameterGradient(points[2 * m], points[2 * m + 1], w * (1 + 2 * lambda * e));
      }
      for (let r = 0; r < count; r++) {
        const q = Math.floor(random.next() * bufferSize);
        let x0 = buffer[2 * q];
        let x1 = buffer[2 * q + 1];
        if (random.next() < reinit) {
          x0 = uniform(0);
          x1 = uniform(1);
        }
        for (let t = 0; t < steps; t++) {
          energyGradient(theta, units, alpha, x0, x1, g, 0);
          x0 += -eta * g[0] + noise * random.normal();
          x1 += -eta * g[1] + noise * random.normal();
        }
        buffer[2 * q] = x0;
        buffer[2 * q + 1] = x1;
        const e = energyValue(theta, units, alpha, x0, x1);
        sumNegative += e;
        addParameterGradient(x0, x1, -w * (1 - 2 * lambda * e));
      }
      adam.step(theta, grad);
    }
    if (!theta.every(Number.isFinite) || !buffer.every(Number.isFinite)) {
      throw new RangeError(message(fn, "options.stepSize", `small enough to keep the negatives finite (they overflowed at epoch ${epoch})`, eta));
    }
    const record: ContrastiveRecord = { epoch, positiveEnergy: sumPositive / M, negativeEnergy: sumNegative / M, loss: (sumPositive - sumNegative) / M };
    history.push(record);
    if (onEpoch !== undefined) onEpoch(record, makeNeuralEnergy(theta, units, alpha, domain), bufferRows(buffer));
  }
  return { energy: makeNeuralEnergy(theta, units, alpha, domain), history, buffer: bufferRows(buffer), seed };
}
