/**
 * Gibbs sampling of a fully visible Boltzmann machine with +-1 units.
 */
import { checkBoolean, checkInteger, checkOptions, checkPositive, checkSeed } from "../validate";
import { checkSpinVector, readCouplings } from "./checks";
import type { HopfieldNetwork } from "./network";
import { MAX_ENUMERATION_UNITS, indexOf } from "./boltzmannStates";
import { randomSpin, seededUniform } from "./random";
import { computeFields, energyFromFields, flipUnit } from "./updates";

/** Options of {@link boltzmannGibbsSample}. */
export interface BoltzmannGibbsOptions {
  /** Temperature, > 0. @default 1 */
  T?: number;
  /** Kept sweeps: one sample after each sweep past the burn-in. */
  sweeps: number;
  /** Sweeps run first and thrown away. @default 0 */
  burnIn?: number;
  /** Seed of the random start (when no init) and of every unit update. */
  seed: number | string;
  /** Start state, N values +-1. @default a random state from the seed */
  init?: readonly number[];
  /** Also return every kept state as an array (memory: sweeps x N). @default false */
  keepSamples?: boolean;
}

/** The result of {@link boltzmannGibbsSample}. */
export interface BoltzmannSamples {
  readonly seed: number | string;
  readonly T: number;
  readonly size: number;
  readonly sweeps: number;
  readonly burnIn: number;
  /**
   * Visits of each state over the kept sweeps, index = stateIndex(s) (N <= 20 only; undefined
   * for larger N).
   */
  readonly counts: Float64Array | undefined;
  /** counts / sweeps: the empirical distribution, same indexing (N <= 20 only). */
  readonly frequencies: Float64Array | undefined;
  /** E(s) after each kept sweep. */
  readonly energies: Float64Array;
  /** The average of s_i over the kept sweeps. */
  readonly meanState: number[];
  /** Every kept state, when keepSamples is true; otherwise undefined. */
  readonly samples: number[][] | undefined;
  /** The state after the last sweep. */
  readonly final: number[];
  /** Unit updates that changed the unit / all unit updates (burn-in included). */
  readonly flipRate: number;
}

/**
 * Samples p(s) = exp(-E(s)/T) / Z, E(s) = -1/2 s^T W s - b^T s, by Gibbs sampling (Geman &
 * Geman 1984; the Boltzmann machine of Ackley, Hinton & Sejnowski 1985). Each sweep visits the
 * units in order 0..N-1 (a systematic scan) and redraws unit i from its conditional
 * P(s_i = +1 | rest) = 1 / (1 + exp(-2 h_i / T)), h_i = sum_j W_ij s_j + b_i. Every such update
 * leaves p invariant, so the chain converges to p. One sample is kept after each sweep past the
 * burn-in. Fields are updated incrementally: O(N) per flip.
 *
 * @param W A network or N rows of N numbers (symmetric, zero diagonal).
 * @param b Biases, N numbers (undefined: zeros, or the network's biases).
 * @throws TypeError when an argument has the wrong kind or the seed is missing.
 * @throws RangeError when W is not square, symmetric with a zero diagonal, b or init has the
 *   wrong length or values, T is not positive, or sweeps / burnIn are not integers >= 1 / >= 0.
 * @example
 * const run = boltzmannGibbsSample([[0, 1], [1, 0]], [0, 0], { T: 1, sweeps: 20000, seed: 3 });
 * run.frequencies![3]; // exact p(+1, +1) = 0.4404
 * // => 0.44 (to about 0.01)
 */
export function boltzmannGibbsSample(
  W: HopfieldNetwork | readonly (readonly number[])[],
  b: readonly number[] | undefined,
  options: BoltzmannGibbsOptions,
): BoltzmannSamples {
  const fn = "boltzmannGibbsSample";
  const opts = checkOptions(fn, "options", options);
  const { size: n, weights: w, biases } = readCouplings(fn, "W", W, b, "b");
  const T = checkPositive(fn, "options.T", opts.T ?? 1);
  const sweeps = checkInteger(fn, "options.sweeps", opts.sweeps, 1, 1e9);
  const burnIn = checkInteger(fn, "options.burnIn", opts.burnIn ?? 0, 0, 1e9);
  const seed = checkSeed(fn, "options.seed", opts.seed);
  const keepSamples = opts.keepSamples === undefined ? false : checkBoolean(fn, "options.keepSamples", opts.keepSamples);
  const uniform = seededUniform(seed, "gibbs");
  let s: Int8Array;
  if (opts.init !== undefined) s = checkSpinVector(fn, "options.init", opts.init, n);
  else {
    s = new Int8Array(n);
    for (let i = 0; i < n; i++) s[i] = randomSpin(uniform);
  }

  const h = computeFields(w, biases, n, s, new Float64Array(n));
  const counts = n <= MAX_ENUMERATION_UNITS ? new Float64Array(2 ** n) : undefined;
  const energies = new Float64Array(sweeps);
  const sum = new Float64Array(n);
  const samples: number[][] | undefined = keepSamples ? [] : undefined;
  const twoOverT = 2 / T;
  let flips = 0;
  for (let sweep = 0; sweep < burnIn + sweeps; sweep++) {
    for (let i = 0; i < n; i++) {
      const pUp = 1 / (1 + Math.exp(-twoOverT * h[i]));
      const next = uniform() < pUp ? 1 : -1;
      if (next !== s[i]) {
        flipUnit(w, n, s, h, i);
        flips++;
      }
    }
    const kept = sweep - burnIn;
    if (kept < 0) continue;
    energies[kept] = energyFromFields(s, h, biases, n);
    for (let i = 0; i < n; i++) sum[i] += s[i];
    if (counts !== undefined) counts[indexOf(s)] += 1;
    if (samples !== undefined) samples.push(Array.from(s));
  }
  let frequencies: Float64Array | undefined;
  if (counts !== undefined) {
    frequencies = new Float64Array(counts.length);
    for (let k = 0; k < counts.length; k++) frequencies[k] = counts[k] / sweeps;
  }
  return {
    seed,
    T,
    size: n,
    sweeps,
    burnIn,
    counts,
    frequencies,
    energies,
    meanState: Array.from(sum, (v) => v / sweeps),
    samples,
    final: Array.from(s),
    flipRate: flips / (n * (burnIn + sweeps)),
  };
}
