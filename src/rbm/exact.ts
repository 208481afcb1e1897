/**
 * Exact log Z and log-likelihood of an RBM, by summing over the hidden states (H <= 20).
 */
import { checkMaxWork, checkWork, readOptions } from "../validate";
import { freeEnergyOf } from "./freeEnergy";
import { checkBatch, checkRbm, softplus, type Rbm } from "./machine";

/** At most this many hidden units for an exact sum over 2^H states. */
export const MAX_EXACT_HIDDEN = 20;

/** Options of {@link rbmLogPartition} and {@link rbmLogLikelihood}. */
export interface RbmExactOptions {
  /** The work budget, in hidden state x visible unit visits (2^H x V). @default 2e8 */
  maxWork?: number;
}

/** The result of {@link rbmLogLikelihood}. */
export interface RbmLogLikelihood {
  /** The average (1/M) sum_m log p(v_m), in nats. */
  readonly logLikelihood: number;
  /** log p(v_m) = -F(v_m) - log Z for each vector. */
  readonly logProbabilities: number[];
  /** log Z. */
  readonly logZ: number;
  /** The machine's name. */
  readonly energyName: string;
}

/**
 * Visits the 2^H hidden states in Gray-code order (one unit flips between neighbours), keeping
 * a_i = b_i + sum_j W_ij h_j up to date in O(V) per state, and calls `visit(h, a, logWeight)`
 * with logWeight = c.h + sum_i softplus(a_i) = log sum_v exp(-E(v, h)). Internal.
 */
export function forEachHidden(m: Rbm, visit: (h: Uint8Array, a: Float64Array, logWeight: number) => void): void {
  const V = m.visible;
  const H = m.hidden;
  const w = m.weights;
  const h = new Uint8Array(H);
  const a = Float64Array.from(m.visibleBiases);
  let ch = 0;
  const count = 2 ** H;
  for (let t = 0; t < count; t++) {
    if (t > 0) {
      // The unit to flip: the lowest set bit of t.
      let j = 0;
      while (((t >>> j) & 1) === 0) j++;
      const sign = h[j] === 0 ? 1 : -1;
      h[j] ^= 1;
      ch += sign * m.hiddenBiases[j];
      for (let i = 0; i < V; i++) a[i] += sign * w[i * H + j];
    }
    let logWeight = ch;
    for (let i = 0; i < V; i++) logWeight += softplus(a[i]);
    visit(h, a, logWeight);
  }
}

/** log Z by a streamed log-sum-exp over the hidden states (internal: inputs checked). */
export function logPartitionOf(m: Rbm): number {
  let max = -Infinity;
  let sum = 0;
  forEachHidden(m, (_h, _a, x) => {
    if (x > max) {
      sum = sum * Math.exp(max - x) + 1;
      max = x;
    } else sum += Math.exp(x - max);
  });
  return max + Math.log(sum);
}

/** Refuses machines with too many hidden units, or work above the budget. */
export function checkExact(fn: string, m: Rbm, maxWork: number): void {
  if (m.hidden > MAX_EXACT_HIDDEN) {
    throw new RangeError(`${fn}: machine must have at most ${MAX_EXACT_HIDDEN} hidden units for an exact sum over the 2^H hidden states, got ${m.hidden} hidden units`);
  }
  checkWork(fn, 2 ** m.hidden * m.visible, "2^H hidden states x V visible units", maxWork);
}

/**
 * The exact log partition function of an RBM, summing the visible units out in closed form:
 *
 *   Z = sum_{v,h} exp(b.v + c.h + v^T W h) = sum_h exp(c.h) prod_i (1 + exp(b_i + sum_j W_ij h_j)),
 *   log Z = logsumexp over h of [ c.h + sum_i softplus(b_i + (W h)_i) ],
 *
 * over the 2^H hidden states (so H <= 20), in Gray-code order: O(2^H V) work.
 *
 * @param machine An RBM with at most 20 hidden units.
 * @throws TypeError when machine is not an RBM or an option has the wrong kind.
 * @throws RangeError when H > 20, an option is unknown, or 2^H V is above the work budget.
 * @example
 * rbmLogPartition(rbm(3, 2)); // W = 0: Z = 2^(3 + 2) = 32
 * // => 3.4657359027997265 (to about 1e-12)
 */
export function rbmLogPartition(machine: Rbm, options?: RbmExactOptions): number {
  const fn = "rbmLogPartition";
  const m = checkRbm(fn, "machine", machine);
  const opts = readOptions(fn, options, { maxWork: undefined as number | undefined });
  checkExact(fn, m, checkMaxWork(fn, opts.maxWork));
  return logPartitionOf(m);
}

/**
 * The exact log-likelihood of binary data under an RBM with few hidden units:
 *
 *   log p(v) = -F(v) - log Z,   F(v) = -b.v - sum_j softplus(c_j + (v^T W)_j),
 *
 * with log Z from {@link rbmLogPartition}. Returns the average over the vectors (the quantity
 * maximum likelihood raises) and each log p(v_m).
 *
 * @param machine An RBM with at most 20 hidden units.
 * @param data One vector or an array of vectors of V values 0 or 1.
 * @throws TypeError when an argument has the wrong kind.
 * @throws RangeError when H > 20, a vector has the wrong length or a value other than 0 or 1,
 *   an option is unknown, or the work is above the budget.
 * @example
 * const fit = rbmLogLikelihood(rbm(3, 2), [[1, 0, 1], [0, 0, 0]]);
 * fit.logLikelihood; // W = 0: every v has p(v) = 1/8
 * // => -2.0794415416798357 (to about 1e-12)
 */
export function rbmLogLikelihood(machine: Rbm, data: readonly (readonly number[])[] | readonly number[], options?: RbmExactOptions): RbmLogLikelihood {
  const fn = "rbmLogLikelihood";
  const m = checkRbm(fn, "machine", machine);
  const opts = readOptions(fn, options, { maxWork: undefined as number | undefined });
  const maxWork = checkMaxWork(fn, opts.maxWork);
  checkExact(fn, m, maxWork);
  const batch = checkBatch(fn, "data", data, m.visible, true);
  checkWork(fn, 2 ** m.hidden * m.visible + batch.count * m.visible * m.hidden, "2^H x V + M x V x H", maxWork);
  const logZ = logPartitionOf(m);
  return { ...logLikelihoodOf(m, batch.data, batch.count, logZ), logZ, energyName: m.name };
}

/** The average and per-vector log p(v) (internal: inputs checked). */
export function logLikelihoodOf(m: Rbm, data: Float64Array, count: number, logZ: number): { logLikelihood: number; logProbabilities: number[] } {
  const logProbabilities = new Array<number>(count);
  let total = 0;
  for (let r = 0; r < count; r++) {
    const lp = -freeEnergyOf(m, data, r * m.visible) - logZ;
    logProbabilities[r] = lp;
    total += lp;
  }
  return { logLikelihood: total / count, logProbabilities };
}
