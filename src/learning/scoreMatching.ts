/**
 * Training the 2D energy by denoising score matching (Vincent 2011): no Z, no negatives.
 */
import { streamRandom } from "../sampling/random";
import { shuffleInPlace } from "../sampling/shuffle";
import { checkFunction, checkMaxWork, checkPositive, checkSeed, checkWork, checkInteger, message, readOptions } from "../validate";
import { checkNeuralEnergy } from "./contrastive";
import { makeNeuralEnergy, neuralEnergy, scoreLoss, type NeuralEnergy } from "./neuralEnergy";
import { Adam, checkCommon, checkPoints2d } from "./training";

/** One line of the history of {@link scoreMatchingTrain}. */
export interface ScoreMatchingRecord {
  readonly epoch: number;
  /** The mean of sigma^2 / 2 |grad E(x~) - (x~ - x) / sigma^2|^2 over the epoch. */
  readonly loss: number;
}

/** Options of {@link scoreMatchingTrain}. */
export interface ScoreMatchingOptions {
  /** Passes over the data. Required. */
  epochs: number;
  /** Seed of the start, the minibatches and the noise. Required. */
  seed: number | string;
  /** sigma, the standard deviation of the Gaussian noise added to the data. @default 0.3 */
  noise?: number;
  /** The energy to start from (a neuralEnergy); without it neuralEnergy({ units, seed }). */
  energy?: NeuralEnergy;
  /** K, softplus units of a fresh energy. @default 16 */
  units?: number;
  /** Points per update. @default 100 */
  batchSize?: number;
  /** The Adam step size. @default 0.01 */
  learningRate?: number;
  /** Called after each epoch with the record and the energy so far. */
  onEpoch?: (record: ScoreMatchingRecord, energy: NeuralEnergy) => void;
  /** The work budget, in epochs x M x units x 3. @default 2e8 */
  maxWork?: number;
}

/** The result of {@link scoreMatchingTrain}. */
export interface ScoreMatchingResult {
  readonly energy: NeuralEnergy;
  readonly history: ScoreMatchingRecord[];
  readonly noise: number;
  readonly seed: number | string;
}

/**
 * Fits the energy to 2D data by denoising score matching (Vincent 2011): corrupt each point,
 * x~ = x + sigma z, and make the model's score -grad E(x~) point back to the clean point,
 *
 *   L(theta) = E_{x, z} sigma^2 / 2 | grad_x E(x~; theta) - (x~ - x) / sigma^2 |^2,
 *
 * whose minimiser has -grad E = grad log p_sigma, the score of the data smoothed by N(0, sigma^2 I):
 * exp(-E) fits the data convolved with the noise (a Gaussian N(mu, S) is learned as
 * N(mu, S + sigma^2 I)). No partition function and no negative samples are needed; the score at
 * several noise levels is what diffusion models learn. The theta-gradient of L needs the mixed
 * derivatives d/dtheta grad_x E, analytic here. Parameters move by Adam.
 *
 * @param data M points [x, y].
 * @throws TypeError when data or an option has the wrong kind, or the seed is missing.
 * @throws RangeError when an option is out of range or unknown, the work is above the budget,
 *   or the parameters leave the finite numbers.
 * @example
 * const blob = [[1, 1], [1.2, 0.9], [0.8, 1.1], [1.1, 1.2], [0.9, 0.8]];
 * const fit = scoreMatchingTrain(blob, { epochs: 300, batchSize: 5, seed: 1, units: 4 });
 * fit.history[299].loss < fit.history[0].loss;
 * // => true
 */
export function scoreMatchingTrain(data: readonly (readonly number[])[], options: ScoreMatchingOptions): ScoreMatchingResult {
  const fn = "scoreMatchingTrain";
  if (options === undefined) throw new TypeError(message(fn, "options", "an options object such as { epochs: 50, seed: 1 }", options));
  const opts = readOptions(fn, options, {
    epochs: undefined as number | undefined,
    seed: undefined as number | string | undefined,
    noise: 0.3 as number,
    energy: undefined as NeuralEnergy | undefined,
    units: 16 as number,
    batchSize: 100 as number,
    learningRate: 0.01 as number,
    onEpoch: undefined as ScoreMatchingOptions["onEpoch"],
    maxWork: undefined as number | undefined,
  });
  const { epochs, batchSize, learningRate } = checkCommon(fn, opts);
  const seed = checkSeed(fn, "options.seed", opts.seed);
  const sigma = checkPositive(fn, "options.noise", opts.noise);
  const onEpoch = opts.onEpoch === undefined ? undefined : (checkFunction(fn, "options.onEpoch", opts.onEpoch) as NonNullable<ScoreMatchingOptions["onEpoch"]>);
  const maxWork = checkMaxWork(fn, opts.maxWork);
  const start = opts.energy === undefined ? undefined : checkNeuralEnergy(fn, "options.energy", opts.energy);
  const units = start?.units ?? checkInteger(fn, "options.units", opts.units, 1, 10_000);
  const points = checkPoints2d(fn, "data", data);
  const M = points.length / 2;
  checkWork(fn, epochs * M * units * 3, "epochs x M x units x 3", maxWork);
  const initial = start ?? neuralEnergy({ units, seed });
  const alpha = initial.confinement;
  const domain = initial.domain!;
  const theta = initial.theta;
  const random = streamRandom(seed, "score matching");
  const order = new Uint32Array(M).map((_, m) => m);
  const grad = new Float64Array(theta.length);
  const scratch = new Float64Array(2);
  const adam = new Adam(theta.length, learningRate);
  const s2 = sigma * sigma;
  const history: ScoreMatchingRecord[] = [];
  for (let epoch = 1; epoch <= epochs; epoch++) {
    shuffleInPlace(random, order);
    let total = 0;
    for (let begin = 0; begin < M; begin += batchSize) {
      const count = Math.min(batchSize, M - begin);
      grad.fill(0);
      for (let r = 0; r < count; r++) {
        const m = order[begin + r];
        const z0 = random.normal();
        const z1 = random.normal();
        // Target grad E(x~) = (x~ - x) / sigma^2 = z / sigma; the loss is scaled by sigma^2.
        total += s2 * scoreLoss(theta, units, alpha, points[2 * m] + sigma * z0, points[2 * m + 1] + sigma * z1, z0 / sigma, z1 / sigma, s2 / count, grad, scratch);
      }
      adam.step(theta, grad);
    }
    if (!theta.every(Number.isFinite)) throw new RangeError(message(fn, "options.learningRate", `small enough to keep the parameters finite (they overflowed at epoch ${epoch})`, learningRate));
    const record: ScoreMatchingRecord = { epoch, loss: total / M };
    history.push(record);
    if (onEpoch !== undefined) onEpoch(record, makeNeuralEnergy(theta, units, alpha, domain));
  }
  return { energy: makeNeuralEnergy(theta, units, alpha, domain), history, noise: sigma, seed };
}
