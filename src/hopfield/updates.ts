/**
 * The update rules of a Hopfield network on +-1 units, on typed arrays (private fast paths,
 * no validation: callers check at the door).
 *
 * Local field: h_i = sum_j W_ij s_j + b_i. Rule: s_i <- sign(h_i), and a tie keeps s_i.
 * Fields are kept up to date incrementally: flipping unit i changes every field by
 * h_j += (s_i' - s_i) W_ji = 2 s_i' W_ij (W symmetric), O(N) per flip.
 *
 * A tie is a field with |h_i| <= tol, where tol = 1e-9 * max_i (sum_j |W_ij| + |b_i|). This
 * makes ties exact in spite of rounding: Hebbian fields are multiples of 1/N, so a true tie
 * can come out as 1e-17 after incremental updates, and would otherwise flip a unit that the rule
 * keeps. Any field that is not a tie is many orders of magnitude above tol.
 */
import type { SeededRandom } from "../sampling/random";
import { shuffleIndices } from "./random";

/** Relative size of the band of fields treated as ties. */
export const TIE_RELATIVE_TOLERANCE = 1e-9;

/** The tie tolerance of a network: 1e-9 * max_i (sum_j |W_ij| + |b_i|). O(N^2). */
export function tieTolerance(w: Float64Array, b: Float64Array, n: number): number {
  const rowAbsSums = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let sum = 0;
    const row = i * n;
    for (let j = 0; j < n; j++) sum += Math.abs(w[row + j]);
    rowAbsSums[i] = sum;
  }
  return tieToleranceFromRows(rowAbsSums, b);
}

/** The tie tolerance from precomputed row sums sum_j |W_ij|. O(N). */
export function tieToleranceFromRows(rowAbsSums: Float64Array, b: Float64Array): number {
  let largest = 0;
  for (let i = 0; i < rowAbsSums.length; i++) largest = Math.max(largest, rowAbsSums[i] + Math.abs(b[i]));
  return TIE_RELATIVE_TOLERANCE * largest;
}

/** h = W s + b, written into `h`. O(N^2). */
export function computeFields(w: Float64Array, b: Float64Array, n: number, s: Int8Array, h: Float64Array): Float64Array {
  for (let i = 0; i < n; i++) {
    let sum = b[i];
    const row = i * n;
    for (let j = 0; j < n; j++) sum += w[row + j] * s[j];
    h[i] = sum;
  }
  return h;
}

/**
 * E(s) = -1/2 s^T W s - b^T s from up-to-date fields h = W s + b:
 * s.h = s^T W s + b.s, so E = -1/2 s.h - 1/2 b.s. O(N).
 */
export function energyFromFields(s: Int8Array, h: Float64Array, b: Float64Array, n: number): number {
  let sh = 0;
  let bs = 0;
  for (let i = 0; i < n; i++) {
    sh += s[i] * h[i];
    bs += b[i] * s[i];
  }
  return -0.5 * sh - 0.5 * bs;
}

/** Flips unit i and updates every field: h_j += 2 s_i' W_ij. O(N). */
export function flipUnit(w: Float64Array, n: number, s: Int8Array, h: Float64Array, i: number): void {
  const next = -s[i];
  s[i] = next;
  const delta = 2 * next;
  const row = i * n;
  for (let j = 0; j < n; j++) h[j] += delta * w[row + j];
}

/** How an asynchronous run went. */
export interface AsyncRun {
  /** Sweeps run, the last (fixed-point) check included. */
  iterations: number;
  /** Units flipped in total. */
  flips: number;
  /** True when a whole sweep flipped nothing: s is a fixed point. */
  converged: boolean;
}

/**
 * Asynchronous dynamics: each sweep visits every unit once in a fresh random order and sets
 * s_i <- sign(h_i) (ties keep s_i). Stops after a sweep without a flip (a fixed point) or
 * after `maxSweeps` sweeps. `s` and `h` (= W s + b on entry) are updated in place.
 * `onFlip(time)` is called after each flip with the time in sweeps (updates so far / N);
 * `onSweep(sweep)` after each sweep.
 */
export function runAsync(
  w: Float64Array,
  n: number,
  s: Int8Array,
  h: Float64Array,
  random: SeededRandom,
  maxSweeps: number,
  tol: number,
  onFlip?: (time: number) => void,
  onSweep?: (sweep: number) => void,
): AsyncRun {
  const order = new Int32Array(n);
  let flips = 0;
  for (let sweep = 1; sweep <= maxSweeps; sweep++) {
    shuffleIndices(random, order);
    let flipsThisSweep = 0;
    for (let k = 0; k < n; k++) {
      const i = order[k];
      // s_i h_i < 0 (beyond the tie band): sign(h_i) differs from s_i, so the unit flips.
      if (s[i] * h[i] < -tol) {
        flipUnit(w, n, s, h, i);
        flipsThisSweep++;
        if (onFlip !== undefined) onFlip(sweep - 1 + (k + 1) / n);
      }
    }
    flips += flipsThisSweep;
    if (onSweep !== undefined) onSweep(sweep);
    if (flipsThisSweep === 0) return { iterations: sweep, flips, converged: true };
  }
  return { iterations: maxSweeps, flips, converged: false };
}

/**
 * A cheaper way to compute all N fields h = W s + b than the O(N^2) product (for a Hebbian
 * network: from the P overlaps, lowRank.ts). Its fields must be within rounding of W s + b, so
 * that every decision (with the tie band) is the one W gives.
 */
export interface FieldSource {
  /** Writes h = W s + b into `h`. */
  fill(s: Int8Array, h: Float64Array): void;
  /**
   * Brings h up to date after the units changed[0..count) of s flipped (s holds the new
   * values; h and the source were up to date before), the cheaper way: flip by flip with W's
   * rows (O(N) each) or from the source (O(P) each, then a refill).
   */
  update(s: Int8Array, h: Float64Array, changed: Int32Array, count: number): void;
}

/** How a synchronous run went. */
export interface SyncRun {
  /** Parallel steps run, the last (fixed-point or cycle) check included. */
  steps: number;
  /** Unit changes in total. */
  flips: number;
  reason: "converged" | "cycle" | "max-iterations";
}

/**
 * Synchronous dynamics: every unit at once, s(t+1)_i = sign(h_i(t)) (ties keep s_i). With W
 * symmetric this ends in a fixed point or a 2-cycle s(t+1) = s(t-1) (Goles-Chacc,
 * Fogelman-Soulie & Pellegrin 1985); the run stops at the first of either, or after
 * `maxSteps`. `s` and `h` are updated in place; `onStep(step)` is called after each step.
 * A step updates h flip by flip (O(N) each, from W's rows), or lets `source` do it.
 */
export function runSync(
  w: Float64Array,
  n: number,
  s: Int8Array,
  h: Float64Array,
  maxSteps: number,
  tol: number,
  onStep?: (step: number) => void,
  source?: FieldSource,
): SyncRun {
  const previous = new Int8Array(n); // s(t - 1)
  const changed = new Int32Array(n);
  let hasPrevious = false;
  let flips = 0;
  for (let step = 1; step <= maxSteps; step++) {
    let count = 0;
    for (let i = 0; i < n; i++) {
      const hi = h[i];
      const next = hi > tol ? 1 : hi < -tol ? -1 : s[i];
      if (next !== s[i]) changed[count++] = i;
    }
    // Is s(t+1) equal to s(t-1)? Compare before overwriting s(t).
    const isCycle = hasPrevious && returnsToPrevious(s, changed, count, previous);
    previous.set(s);
    hasPrevious = true;
    if (source !== undefined) {
      for (let c = 0; c < count; c++) s[changed[c]] = -s[changed[c]];
      source.update(s, h, changed, count);
    } else {
      for (let c = 0; c < count; c++) flipUnit(w, n, s, h, changed[c]);
    }
    flips += count;
    if (onStep !== undefined) onStep(step);
    if (count === 0) return { steps: step, flips, reason: "converged" };
    if (isCycle) return { steps: step, flips, reason: "cycle" };
  }
  return { steps: maxSteps, flips, reason: "max-iterations" };
}

/**
 * True when flipping the units `changed[0..count)` (in increasing order) of `s` gives back
 * `previous`, and at least one unit flips: a synchronous step that closes a 2-cycle.
 */
export function returnsToPrevious(s: Int8Array, changed: Int32Array, count: number, previous: Int8Array): boolean {
  if (count === 0) return false;
  let c = 0;
  for (let i = 0; i < s.length; i++) {
    const next = c < count && changed[c] === i ? (c++, -s[i]) : s[i];
    if (next !== previous[i]) return false;
  }
  return true;
}
