/**
 * The log-likelihood gradient of an RBM: exact (by enumeration of the hidden states) and its
 * contrastive-divergence estimate CD-k.
 */
import { streamRandom } from "../sampling/random";
import { checkInteger, checkMaxWork, checkSeed, checkWork, message, readOptions } from "../validate";
import { checkExact, forEachHidden, logPartitionOf } from "./exact";
import { CdWorkspace, hiddenProbabilities } from "./kernels";
import { checkBatch, checkRbm, sigmoid, type Rbm } from "./machine";

/** A gradient of the average log-likelihood, one entry per parameter. */
export interface RbmGradient {
  /** d/dW_ij, V x H row-major like the machine's weights. */
  readonly weights: Float64Array;
  /** d/db_i. */
  readonly visibleBiases: Float64Array;
  /** d/dc_j. */
  readonly hiddenBiases: Float64Array;
  /** "exact" or "CD-<k>". */
  readonly method: string;
}

/** Options of {@link rbmExactGradient}. */
export interface RbmExactGradientOptions {
  /** The work budget, in hidden state x V x H visits. @default 2e8 */
  maxWork?: number;
}

/**
 * The exact gradient of the average log-likelihood (1/M) sum_m log p(v_m) of an RBM, as the
 * difference of data and model expectations (Ackley, Hinton & Sejnowski 1985):
 *
 *   dL/dW_ij = <v_i p(h_j=1|v)>_data - <v_i h_j>_model,
 *   dL/db_i = <v_i>_data - <v_i>_model,   dL/dc_j = <p(h_j=1|v)>_data - <h_j>_model,
 *
 * with the model terms summed over the 2^H hidden states:
 * <v_i h_j>_model = sum_h p(h) sigmoid(b_i + (W h)_i) h_j, p(h) = exp(c.h + sum_i softplus(b_i + (W h)_i)) / Z.
 * The second term is what makes learning hard: it needs Z. Cost O(2^H V H).
 *
 * @param machine An RBM with at most 20 hidden units.
 * @param data One vector or an array of vectors of V values in [0, 1].
 * @throws TypeError when an argument has the wrong kind.
 * @throws RangeError when H > 20, data has the wrong shape or values, or the work is above the budget.
 * @example
 * const g = rbmExactGradient(rbm(2, 1), [[1, 1]]);
 * Array.from(g.visibleBiases); // <v>_data - <v>_model = 1 - 1/2 (W = 0)
 * // => [0.5, 0.5] (to about 1e-12)
 */
export function rbmExactGradient(machine: Rbm, data: readonly (readonly number[])[] | readonly number[], options?: RbmExactGradientOptions): RbmGradient {
  const fn = "rbmExactGradient";
  const m = checkRbm(fn, "machine", machine);
  const opts = readOptions(fn, options, { maxWork: undefined as number | undefined });
  const maxWork = checkMaxWork(fn, opts.maxWork);
  checkExact(fn, m, maxWork);
  const batch = checkBatch(fn, "data", data, m.visible, false);
  const V = m.visible;
  const H = m.hidden;
  checkWork(fn, 2 ** H * V * H + batch.count * V * H, "2^H x V x H + M x V x H", maxWork);
  const gW = new Float64Array(V * H);
  const gb = new Float64Array(V);
  const gc = new Float64Array(H);
  // Data terms.
  const ph = new Float64Array(batch.count * H);
  hiddenProbabilities(m.weights, m.hiddenBiases, batch.data, batch.count, V, H, ph);
  const inv = 1 / batch.count;
  for (let r = 0; r < batch.count; r++) {
    for (let i = 0; i < V; i++) {
      const x = batch.data[r * V + i] * inv;
      gb[i] += x;
      for (let j = 0; j < H; j++) gW[i * H + j] += x * ph[r * H + j];
    }
    for (let j = 0; j < H; j++) gc[j] += ph[r * H + j] * inv;
  }
  // Model terms.
  const logZ = logPartitionOf(m);
  forEachHidden(m, (h, a, logWeight) => {
    const p = Math.exp(logWeight - logZ);
    if (p === 0) return;
    for (let j = 0; j < H; j++) if (h[j] === 1) gc[j] -= p;
    for (let i = 0; i < V; i++) {
      const pv = p * sigmoid(a[i]);
      gb[i] -= pv;
      for (let j = 0; j < H; j++) if (h[j] === 1) gW[i * H + j] -= pv;
    }
  });
  return { weights: gW, visibleBiases: gb, hiddenBiases: gc, method: "exact" };
}

/** Options of {@link rbmCdGradient}. */
export interface RbmCdGradientOptions {
  /** Gibbs steps of the negative chain (CD-k). @default 1 */
  k?: number;
  /** Seed of the chains. Required. */
  seed: number | string;
  /** How many independent estimates to average (each over all the data). @default 1 */
  repeats?: number;
  /** The work budget, in unit updates: repeats x M x (V + H) x (k + 1). @default 2e8 */
  maxWork?: number;
}

/**
 * The contrastive-divergence estimate CD-k of the log-likelihood gradient (Hinton 2002): the
 * model term is replaced by the end of a k-step Gibbs chain started at each data vector,
 *
 *   v0 = data, h0 ~ p(h|v0), v1 ~ p(v|h0), h1 ~ p(h|v1), ..., vk ~ p(v|h_{k-1}),
 *   dW_ij = <v0_i p(h_j=1|v0)> - <vk_i p(h_j=1|vk)>,  db = <v0 - vk>,  dc = <p(h|v0) - p(h|vk)>.
 *
 * Cheap (no Z), but biased: its expectation differs from {@link rbmExactGradient} by a term
 * that shrinks as k grows and vanishes as k -> infinity (Carreira-Perpinan & Hinton 2005;
 * Fischer & Igel 2014). `repeats` averages independent estimates to show the mean.
 *
 * @param machine An RBM.
 * @param data One vector or an array of vectors of V values in [0, 1].
 * @throws TypeError when an argument has the wrong kind or the seed is missing.
 * @throws RangeError when data has the wrong shape or values, k or repeats is not a positive
 *   integer, an option is unknown, or the work is above the budget.
 * @example
 * const g = rbmCdGradient(rbm(2, 1), [[1, 1]], { k: 1, seed: 1, repeats: 4000 });
 * Array.from(g.visibleBiases, (x) => Math.round(x * 10) / 10); // about 1 - 1/2, like the exact
 * // => [0.5, 0.5]
 */
export function rbmCdGradient(machine: Rbm, data: readonly (readonly number[])[] | readonly number[], options: RbmCdGradientOptions): RbmGradient {
  const fn = "rbmCdGradient";
  const m = checkRbm(fn, "machine", machine);
  if (options === undefined) throw new TypeError(message(fn, "options", "an options object with a seed, such as { k: 1, seed: 1 }", options));
  const opts = readOptions(fn, options, { k: 1 as number, seed: undefined as number | string | undefined, repeats: 1 as number, maxWork: undefined as number | undefined });
  const k = checkInteger(fn, "options.k", opts.k, 1, 1e6);
  const seed = checkSeed(fn, "options.seed", opts.seed);
  const repeats = checkInteger(fn, "options.repeats", opts.repeats, 1, 1e9);
  const maxWork = checkMaxWork(fn, opts.maxWork);
  const batch = checkBatch(fn, "data", data, m.visible, false);
  const V = m.visible;
  const H = m.hidden;
  checkWork(fn, repeats * batch.count * (V + H) * (k + 1), "repeats x M x (V + H) x (k + 1)", maxWork);
  const work = new CdWorkspace(V, H, batch.count);
  const random = streamRandom(seed, "rbm cd gradient");
  const gW = new Float64Array(V * H);
  const gb = new Float64Array(V);
  const gc = new Float64Array(H);
  for (let r = 0; r < repeats; r++) {
    work.gradient(m.weights, m.visibleBiases, m.hiddenBiases, batch.data, batch.count, k, random);
    for (let q = 0; q < V * H; q++) gW[q] += work.gW[q] / repeats;
    for (let i = 0; i < V; i++) gb[i] += work.gb[i] / repeats;
    for (let j = 0; j < H; j++) gc[j] += work.gc[j] / repeats;
  }
  return { weights: gW, visibleBiases: gb, hiddenBiases: gc, method: `CD-${k}` };
}
