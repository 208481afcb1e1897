/**
 * Training an RBM by contrastive divergence (CD-k) or persistent contrastive divergence (PCD).
 */
import { streamRandom } from "../sampling/random";
import { shuffleInPlace } from "../sampling/shuffle";
import { checkBoolean, checkFunction, checkInteger, checkMaxWork, checkPositive, checkSeed, checkWork, message, readOptions } from "../validate";
import { logLikelihoodOf, logPartitionOf, MAX_EXACT_HIDDEN } from "./exact";
import { CdWorkspace } from "./kernels";
import { checkBatch, checkRbm, makeRbm, MAX_RBM_UNITS, rbm, toRows, type Rbm } from "./machine";

/** One line of the training history. */
export interface RbmTrainRecord {
  /** 0 before any update, then 1, 2, ... after each pass over the data. */
  readonly epoch: number;
  /**
   * The mean over the data of |v - p(v | h)|^2 with h ~ p(h | v), summed over the visible units,
   * measured on each minibatch as the epoch went (epoch 0: one pass without updates).
   */
  readonly reconstructionError: number;
  /** The exact average log-likelihood (1/M) sum_m log p(v_m), when it was computed (H <= 20). */
  readonly logLikelihood?: number;
}

/** Options of {@link rbmTrain}. */
export interface RbmTrainOptions {
  /** H, the number of hidden units (or take it from `init`). */
  hidden?: number;
  /** Passes over the data. Required. */
  epochs: number;
  /** Seed of the starting weights, the minibatch order and every Gibbs step. Required. */
  seed: number | string;
  /** Gibbs steps of the negative chain per update (CD-k, PCD-k). @default 1 */
  k?: number;
  /** Persistent CD (Tieleman 2008): the negative chains carry on across updates. @default false */
  persistent?: boolean;
  /** Vectors per minibatch (the last one may be smaller). @default 20 */
  batchSize?: number;
  /** eta, the step size of each update. @default 0.1 */
  learningRate?: number;
  /** The standard deviation of the starting weights. @default 0.01 */
  scale?: number;
  /** A machine to continue from (its V must match the data). Without it, a fresh one. */
  init?: Rbm;
  /**
   * Record the exact log-likelihood after each epoch (needs H <= 20 and binary data; costs
   * 2^H x V per epoch). @default true when H <= 16 and the data are binary
   */
  logLikelihood?: boolean;
  /** Called after each epoch (and once for epoch 0) with the record and a copy of the machine. */
  onEpoch?: (record: RbmTrainRecord, machine: Rbm) => void;
  /** The work budget, in unit updates: (epochs + 1) x M x (V + H) x (k + 1), plus 2^H x V per likelihood. @default 2e8 */
  maxWork?: number;
}

/** The result of {@link rbmTrain}. */
export interface RbmTrainResult {
  /** The trained machine. */
  readonly machine: Rbm;
  /** Epoch 0 (before training), then one record per epoch. */
  readonly history: RbmTrainRecord[];
  /** "CD-<k>" or "PCD-<k>". */
  readonly method: string;
  readonly seed: number | string;
  /** The final visible states of the persistent chains (PCD only). */
  readonly chains?: number[][];
}

/**
 * Trains a restricted Boltzmann machine on binary (or [0, 1]) data by stochastic gradient ascent
 * on the log-likelihood, with the model term estimated by a short Gibbs chain:
 *
 *   W += eta (<v h^T>_data - <v h^T>_chain),  b += eta (<v>_data - <v>_chain),  c += eta (<h>_data - <h>_chain),
 *
 * averages over a minibatch, p(h | v) in place of h. CD-k (Hinton 2002) starts the chain at the
 * minibatch and runs k steps v -> h -> v; PCD-k (Tieleman 2008) keeps `batchSize` chains that
 * carry on from one update to the next (started at the first minibatch), a better sample of the
 * model at the same cost. Minibatches are drawn in a seeded random order each epoch. A fresh
 * machine starts from W ~ N(0, scale^2), c = 0 and b_i = log(p_i / (1 - p_i)) from the data
 * means p_i clipped to [0.001, 0.999] (Hinton's practical guide, 2010). Same seed, same numbers.
 *
 * @param data M vectors of V values in [0, 1] (binary for the log-likelihood).
 * @throws TypeError when data or an option has the wrong kind, or the seed is missing.
 * @throws RangeError when data has the wrong shape or values, an option is out of range or
 *   unknown, the work is above the budget, or the weights overflow (learningRate too large).
 * @example
 * const data = [[1, 1, 0, 0], [0, 0, 1, 1], [1, 1, 0, 0], [0, 0, 1, 1]];
 * const fit = rbmTrain(data, { hidden: 2, epochs: 200, batchSize: 4, learningRate: 0.5, seed: 1 });
 * fit.history[200].logLikelihood! > fit.history[0].logLikelihood!; // log p(data) rose
 * // => true
 * fit.method;
 * // => "CD-1"
 */
export function rbmTrain(data: readonly (readonly number[])[], options: RbmTrainOptions): RbmTrainResult {
  const fn = "rbmTrain";
  if (options === undefined) throw new TypeError(message(fn, "options", "an options object such as { hidden: 16, epochs: 10, seed: 1 }", options));
  const opts = readOptions(fn, options, {
    hidden: undefined as number | undefined,
    epochs: undefined as number | undefined,
    seed: undefined as number | string | undefined,
    k: 1 as number,
    persistent: false as boolean,
    batchSize: 20 as number,
    learningRate: 0.1 as number,
    scale: 0.01 as number,
    init: undefined as Rbm | undefined,
    logLikelihood: undefined as boolean | undefined,
    onEpoch: undefined as RbmTrainOptions["onEpoch"],
    maxWork: undefined as number | undefined,
  });
  const epochs = checkInteger(fn, "options.epochs", opts.epochs, 1, 1e9);
  const seed = checkSeed(fn, "options.seed", opts.seed);
  const k = checkInteger(fn, "options.k", opts.k, 1, 1e6);
  const persistent = checkBoolean(fn, "options.persistent", opts.persistent);
  const batchSize = checkInteger(fn, "options.batchSize", opts.batchSize, 1, 1e6);
  const eta = checkPositive(fn, "options.learningRate", opts.learningRate);
  const onEpoch = opts.onEpoch === undefined ? undefined : (checkFunction(fn, "options.onEpoch", opts.onEpoch) as NonNullable<RbmTrainOptions["onEpoch"]>);
  const maxWork = checkMaxWork(fn, opts.maxWork);
  const init = opts.init === undefined ? undefined : checkRbm(fn, "options.init", opts.init);
  let H: number;
  if (init !== undefined) {
    H = init.hidden;
    if (opts.hidden !== undefined && opts.hidden !== H) throw new RangeError(message(fn, "options.hidden", `${H}, the hidden units of options.init (or left out)`, opts.hidden));
  } else {
    if (opts.hidden === undefined) throw new TypeError(message(fn, "options.hidden", "the number of hidden units (or options.init, a machine to continue from)", opts.hidden));
    H = checkInteger(fn, "options.hidden", opts.hidden, 1, MAX_RBM_UNITS);
  }
  if (!Array.isArray(data) || data.length === 0) throw new TypeError(message(fn, "data", "a non-empty array of vectors of values in [0, 1]", data));
  const V = init?.visible ?? (Array.isArray(data[0]) || ArrayBuffer.isView(data[0]) ? (data[0] as ArrayLike<number>).length : -1);
  if (!(V >= 1 && V <= MAX_RBM_UNITS)) throw new TypeError(message(fn, "data[0]", "a vector of values in [0, 1]", data[0]));
  const set = checkBatch(fn, "data", data, V, false);
  if (!set.binary && opts.logLikelihood === true) throw new RangeError(message(fn, "options.logLikelihood", "false when the data are not binary (0 or 1 only)", true));
  const wantLikelihood = opts.logLikelihood === undefined ? set.binary && H <= 16 : checkBoolean(fn, "options.logLikelihood", opts.logLikelihood);
  if (wantLikelihood && H > MAX_EXACT_HIDDEN) {
    throw new RangeError(`${fn}: options.logLikelihood needs at most ${MAX_EXACT_HIDDEN} hidden units (an exact sum over 2^H states), got ${H} hidden units`);
  }
  const M = set.count;
  const perEpoch = M * (V + H) * (k + 1) + (wantLikelihood ? 2 ** H * V : 0);
  checkWork(fn, (epochs + 1) * perEpoch, "(epochs + 1) x (M x (V + H) x (k + 1) + 2^H x V for the likelihood)", maxWork);

  // The parameters, owned by this run.
  let w: Float64Array;
  let b: Float64Array;
  let c: Float64Array;
  if (init !== undefined) {
    w = Float64Array.from(init.weights);
    b = Float64Array.from(init.visibleBiases);
    c = Float64Array.from(init.hiddenBiases);
  } else {
    const scale = checkPositive(fn, "options.scale", opts.scale);
    const fresh = rbm(V, H, { seed, scale });
    w = Float64Array.from(fresh.weights);
    c = new Float64Array(H);
    b = new Float64Array(V);
    for (let i = 0; i < V; i++) {
      let p = 0;
      for (let r = 0; r < M; r++) p += set.data[r * V + i];
      p = Math.min(0.999, Math.max(0.001, p / M));
      b[i] = Math.log(p / (1 - p));
    }
  }
  const name = init?.name ?? `RBM, ${V} visible, ${H} hidden`;
  const B = Math.min(batchSize, M);
  const work = new CdWorkspace(V, H, B);
  const order = new Uint32Array(M);
  for (let r = 0; r < M; r++) order[r] = r;
  const orderRandom = streamRandom(seed, "rbm order");
  const gibbs = streamRandom(seed, "rbm gibbs");
  const batch = new Float64Array(B * V);
  let chains: Float64Array | undefined;
  if (persistent) chains = Float64Array.from(set.data.subarray(0, B * V));

  const history: RbmTrainRecord[] = [];
  const snapshot = () => makeRbm(Float64Array.from(w), Float64Array.from(b), Float64Array.from(c), V, H, name);
  const record = (epoch: number, error: number): void => {
    let entry: RbmTrainRecord = { epoch, reconstructionError: error / M };
    if (wantLikelihood) {
      const m = makeRbm(w, b, c, V, H, name);
      entry = { ...entry, logLikelihood: logLikelihoodOf(m, set.data, M, logPartitionOf(m)).logLikelihood };
    }
    history.push(entry);
    if (onEpoch !== undefined) onEpoch(entry, snapshot());
  };

  for (let epoch = 0; epoch <= epochs; epoch++) {
    shuffleInPlace(orderRandom, order);
    let error = 0;
    for (let start = 0; start < M; start += B) {
      const count = Math.min(B, M - start);
      for (let r = 0; r < count; r++) {
        const from = order[start + r] * V;
        const to = r * V;
        for (let i = 0; i < V; i++) batch[to + i] = set.data[from + i];
      }
      const batchChains = chains === undefined ? undefined : count === B ? chains : chains.subarray(0, count * V);
      error += work.gradient(w, b, c, batch, count, k, gibbs, batchChains);
      if (epoch === 0) continue; // epoch 0 measures the starting machine
      work.update(w, b, c, eta);
    }
    if (!Number.isFinite(error) || !w.every(Number.isFinite)) {
      throw new RangeError(message(fn, "options.learningRate", `small enough to keep the weights finite (they overflowed at epoch ${epoch})`, eta));
    }
    record(epoch, error);
  }
  return {
    machine: makeRbm(w, b, c, V, H, name),
    history,
    method: `${persistent ? "PCD" : "CD"}-${k}`,
    seed,
    ...(chains === undefined ? {} : { chains: toRows(chains, B, V) }),
  };
}
