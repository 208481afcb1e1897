/**
 * How many random patterns a Hopfield network can hold: the storage-capacity experiment.
 */
import { createRandom } from "../sampling/random";
import { checkInRange, checkInteger, checkMaxWork, checkSeed, checkWork, isArrayLike, message, readOptions } from "../validate";
import { couplingRows, hebbianFactors, integerFieldsInto, overlapsInto, runAsyncIntegerFields } from "./lowRank";
import { hebbianMatrix } from "./network";
import { sampleDistinct } from "./random";
import { computeFields, flipUnit, runAsync, tieTolerance } from "./updates";

/** The critical load of the Hebbian network, alpha_c ~ 0.138 (Amit, Gutfreund & Sompolinsky 1987, Annals of Physics 173:30; about 0.14 in their 1985 PRL). */
export const HOPFIELD_CRITICAL_LOAD = 0.138;

/** Options of {@link hopfieldCapacity}. */
export interface CapacityOptions {
  /** N, the number of units. */
  N: number;
  /** The loads alpha = P / N to try; P = max(1, round(alpha N)). */
  loads: readonly number[];
  /** Independent networks (fresh random patterns) per load. */
  trials: number;
  /** Seed of every pattern, corruption and update order. */
  seed: number | string;
  /** Fraction of units flipped in the cue (0 starts exactly at the pattern). @default 0 */
  flipFraction?: number;
  /** Stored patterns used as cues in each network: min(P, probes). @default 20 */
  probes?: number;
  /** A recall counts as a success when the final overlap is at least this. @default 0.95 */
  recallThreshold?: number;
  /** Sweep limit of each recall. @default 100 */
  maxIterations?: number;
  /**
   * The work budget, in unit updates: the sum over loads of trials x (P + probes x
   * (maxIterations + 1)) x N. @default 2e8
   */
  maxWork?: number;
}

/** The outcome at one load. */
export interface CapacityPoint {
  /** The load asked for. */
  readonly load: number;
  /** P, the number of stored patterns. */
  readonly patternCount: number;
  /** P / N, the load actually used (P is rounded). */
  readonly effectiveLoad: number;
  /** Mean overlap of the final state with the cued pattern, over all recalls. */
  readonly meanOverlap: number;
  /** Fraction of recalls whose final overlap is at least the threshold. */
  readonly recallFraction: number;
  /** Fraction of the units of stored patterns that are unstable where they are (s_i h_i < 0). */
  readonly unstableFraction: number;
  /** The signal-to-noise prediction of that fraction: 1/2 erfc(1 / sqrt(2 alpha)). */
  readonly predictedUnstableFraction: number;
  /** Mean number of sweeps (iterations) to the fixed point. */
  readonly meanIterations: number;
  /** Every final overlap (trials x probes), for a histogram. */
  readonly overlaps: number[];
}

/** The result of {@link hopfieldCapacity}. */
export interface CapacityResult {
  readonly N: number;
  readonly trials: number;
  readonly seed: number | string;
  readonly flipFraction: number;
  readonly recallThreshold: number;
  /** Recalls per load: trials x min(P, probes). */
  readonly points: CapacityPoint[];
  /** 0.138, for the figure's reference line. */
  readonly criticalLoad: number;
}

/**
 * The storage experiment of Hopfield (1982) and Amit, Gutfreund & Sompolinsky (1985): for each
 * load alpha = P/N, store P random patterns with Hebb's rule, start asynchronous recall at a
 * stored pattern (with a fraction of its units flipped, if asked), run to a fixed point, and
 * measure the overlap m = (1/N) sum_i xi_i s_i of the end state with that pattern.
 *
 * Theory for large N: below alpha_c ~ 0.138 the patterns sit next to stable states with overlap
 * above 0.967; above it retrieval collapses (AGS 1985, PRL 55, 1530; Phys. Rev. A 35, 2293,
 * 1987). Hopfield's simulations put the limit near 0.15 N. At finite N the drop is smoother.
 * A recall counts as successful when the final overlap is at least `recallThreshold` (0.95,
 * below the 0.967 of the retrieval state at alpha_c). Also reported: the fraction of unstable
 * units at the stored patterns, against 1/2 erfc(1/sqrt(2 alpha)) (Hertz, Krogh & Palmer 1991,
 * eq. 2.12).
 *
 * Each trial draws its patterns from its own stream of the seed (keyed by P and the trial), so
 * a load's numbers do not depend on the other loads in the list. W is never formed: each cue's
 * fields come from the P overlaps with the stored patterns in exact integers (O(P N / 8)), then
 * stay up to date flip by flip (O(N) each) from the integer couplings C_ij = P - 2 d_ij (d_ij
 * the patterns where units i and j differ, counted with bits), a row of C made the first time
 * its unit flips and shared by the cues of that network; the decisions, and so the results, are
 * those of recall with W. See bench/README.md for timings (N = 2000, 8 loads, 5 trials,
 * 20 cues: a few seconds). The work bound, the sum over loads
 * of trials x (P + probes x (maxIterations + 1)) x N unit updates, must be within the budget.
 *
 * @throws TypeError when an option has the wrong kind or the seed is missing.
 * @throws RangeError when N is not an integer in [2, 5000], loads is empty or has a value
 *   outside (0, 2], trials, probes or maxIterations is not a positive integer, flipFraction or
 *   recallThreshold is outside [0, 1], an option is unknown, or the work is above the budget.
 * @example
 * const result = hopfieldCapacity({ N: 200, loads: [0.05, 0.3], trials: 2, seed: 7 });
 * result.points.map((p) => p.recallFraction > 0.5);
 * // => [true, false]
 */
export function hopfieldCapacity(options: CapacityOptions): CapacityResult {
  const fn = "hopfieldCapacity";
  if (options === undefined) throw new TypeError(message(fn, "options", "an options object", options));
  const opts = readOptions(fn, options, {
    N: undefined as number | undefined,
    loads: undefined as readonly number[] | undefined,
    trials: undefined as number | undefined,
    seed: undefined as number | string | undefined,
    flipFraction: 0 as number,
    probes: 20 as number,
    recallThreshold: 0.95 as number,
    maxIterations: 100 as number,
    maxWork: undefined as number | undefined,
  });
  const n = checkInteger(fn, "options.N", opts.N, 2, 5000);
  const loads = opts.loads as unknown;
  if (!isArrayLike(loads)) throw new TypeError(message(fn, "options.loads", "an array of loads P/N", loads));
  if (loads.length === 0) throw new RangeError(message(fn, "options.loads", "a non-empty array of loads P/N", loads));
  const loadList: number[] = [];
  for (let k = 0; k < loads.length; k++) {
    const load = loads[k];
    if (typeof load !== "number") throw new TypeError(message(fn, `options.loads[${k}]`, "a number in (0, 2]", load));
    if (!(load > 0 && load <= 2)) throw new RangeError(message(fn, `options.loads[${k}]`, "a number in (0, 2]", load));
    loadList.push(load);
  }
  const trials = checkInteger(fn, "options.trials", opts.trials, 1, 10_000);
  const seed = checkSeed(fn, "options.seed", opts.seed);
  const flipFraction = checkInRange(fn, "options.flipFraction", opts.flipFraction, 0, 1);
  const probes = checkInteger(fn, "options.probes", opts.probes, 1, 100_000);
  const threshold = checkInRange(fn, "options.recallThreshold", opts.recallThreshold, 0, 1);
  const maxIterations = checkInteger(fn, "options.maxIterations", opts.maxIterations, 1, 1e12);
  const maxWork = checkMaxWork(fn, opts.maxWork);
  let work = 0;
  for (const load of loadList) {
    const P = Math.max(1, Math.round(load * n));
    work += trials * (P + Math.min(P, probes) * (maxIterations + 1)) * n;
  }
  checkWork(fn, work, "sum over loads of trials x (P + probes x (maxIterations + 1)) x N", maxWork);

  const points = loadList.map((load) => capacityPoint({ n, load, trials, seed, flipFraction, probes, threshold, maxIterations }, "low-rank"));
  return { N: n, trials, seed, flipFraction, recallThreshold: threshold, points, criticalLoad: HOPFIELD_CRITICAL_LOAD };
}

/** The settings of one load of the experiment, after the door checks. */
export interface CapacitySettings {
  readonly n: number;
  readonly load: number;
  readonly trials: number;
  readonly seed: number | string;
  readonly flipFraction: number;
  readonly probes: number;
  readonly threshold: number;
  readonly maxIterations: number;
}

/**
 * One point of the capacity curve (internal: no validation). `method` "low-rank" (what
 * {@link hopfieldCapacity} uses) never builds W: fields come from the P overlaps in exact
 * integers, and a flip updates them from the row of C it needs, made once per network (see
 * lowRank.ts); "general" builds W and runs the general path. Both make the same
 * decisions from the same seeded streams, so they return identical points (tested).
 */
export function capacityPoint(settings: CapacitySettings, method: "low-rank" | "general"): CapacityPoint {
  const { n, load, trials, seed, flipFraction, probes, threshold, maxIterations } = settings;
  const P = Math.max(1, Math.round(load * n));
  const cues = Math.min(P, probes);
  const flips = Math.round(flipFraction * n);
  const s = new Int8Array(n);
  const h = new Float64Array(n);
  const zeroBiases = new Float64Array(n);
  const m = new Int32Array(P);
  const k = new Int32Array(n);
  const tables = new Int32Array(Math.ceil(P / 8) * 256);
  const overlaps: number[] = [];
  let recalled = 0;
  let unstable = 0;
  let iterations = 0;
  for (let t = 0; t < trials; t++) {
    const data = new Int8Array(P * n);
    const patternStream = createRandom(seed, `capacity P ${P} trial ${t}`);
    // next32() < 0.5 exactly when the top bit of the raw 32-bit draw is 0 (the same patterns).
    for (let q = 0; q < data.length; q++) data[q] = patternStream.nextUint32() < 0x80000000 ? -1 : 1;
    const factors = hebbianFactors(data, P, n, 1 / n);
    // Low-rank: with zero biases the field is K_i / N with K_i an integer, and the general
    // path's tie band (1e-9 x the largest row sum <= 1e-9 (N - 1) P / N, below 1/N for
    // N <= 5000, P <= 2N) holds only K_i = 0: the exact test s_i K_i < 0 decides the same.
    // The rows of C that the cues need are computed once per network and shared.
    const rows = method === "low-rank" ? couplingRows(factors) : undefined;
    const w = method === "general" ? hebbianMatrix(factors) : undefined;
    const tol = w === undefined ? 0 : tieTolerance(w, zeroBiases, n);
    for (let mu = 0; mu < cues; mu++) {
      const pattern = data.subarray(mu * n, (mu + 1) * n);
      s.set(pattern);
      const random = createRandom(seed, `capacity P ${P} trial ${t} cue ${mu}`);
      const chosen = sampleDistinct(random, n, flips);
      let run;
      if (rows !== undefined) {
        integerFieldsInto(factors, s, overlapsInto(factors, s, m), k, tables);
        for (let i = 0; i < n; i++) if (s[i] * k[i] < 0) unstable++;
        if (chosen.length > 0) {
          for (let c = 0; c < chosen.length; c++) s[chosen[c]] = -s[chosen[c]];
          integerFieldsInto(factors, s, overlapsInto(factors, s, m), k, tables);
        }
        run = runAsyncIntegerFields(rows, s, k, random, maxIterations);
      } else {
        computeFields(w!, zeroBiases, n, s, h);
        for (let i = 0; i < n; i++) if (s[i] * h[i] < -tol) unstable++;
        for (let c = 0; c < chosen.length; c++) flipUnit(w!, n, s, h, chosen[c]);
        run = runAsync(w!, n, s, h, random, maxIterations, tol);
      }
      let overlap = 0;
      for (let i = 0; i < n; i++) overlap += pattern[i] * s[i];
      overlap /= n;
      overlaps.push(overlap);
      if (overlap >= threshold) recalled++;
      iterations += run.iterations;
    }
  }
  const recalls = trials * cues;
  return {
    load,
    patternCount: P,
    effectiveLoad: P / n,
    meanOverlap: overlaps.reduce((a, x) => a + x, 0) / recalls,
    recallFraction: recalled / recalls,
    unstableFraction: unstable / (recalls * n),
    predictedUnstableFraction: unstableProbability(P / n),
    meanIterations: iterations / recalls,
    overlaps,
  };
}

/**
 * The probability that a unit of a stored random pattern is unstable in a Hebbian network at
 * load alpha = P/N, from the signal-to-noise argument: the crosstalk is about Gaussian with
 * variance alpha, so P_error = 1/2 erfc(1 / sqrt(2 alpha)) (Hertz, Krogh & Palmer 1991,
 * "Introduction to the Theory of Neural Computation", eq. 2.12). It describes the first update
 * only; errors then spread, which is what the capacity experiment measures.
 *
 * @throws RangeError when alpha is not a positive finite number.
 * @example
 * hopfieldErrorProbability(0.138); // about 0.36 % of the units
 * // => 0.003552 (to about 1e-6)
 */
export function hopfieldErrorProbability(alpha: number): number {
  const fn = "hopfieldErrorProbability";
  if (typeof alpha !== "number") throw new TypeError(message(fn, "alpha", "a positive finite number", alpha));
  if (!(alpha > 0 && Number.isFinite(alpha))) throw new RangeError(message(fn, "alpha", "a positive finite number", alpha));
  return unstableProbability(alpha);
}

function unstableProbability(alpha: number): number {
  return 0.5 * erfc(1 / Math.sqrt(2 * alpha));
}

/**
 * The complementary error function, with fractional error below 1.2e-7 everywhere (the
 * Chebyshev fit `erfcc` of Press et al., Numerical Recipes in C, 2nd ed., section 6.2).
 */
export function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const value =
    t *
    Math.exp(
      -z * z -
        1.26551223 +
        t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 +
          t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? value : 2 - value;
}
