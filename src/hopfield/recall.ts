/**
 * Recall in a Hopfield network: start from a cue and let the units follow their local fields
 * until nothing changes.
 */
import { createRandom } from "../sampling/random";
import { MAX_STORED_NUMBERS } from "../sampling/samplerRun";
import { checkInteger, checkMaxWork, checkSeed, checkWork, message, readOptions } from "../validate";
import { checkSpinPatterns, checkSpinVector, readCouplings, type SpinPatterns } from "./checks";
import type { HopfieldNetwork } from "./network";
import { energyFromOverlaps, lowRankFields, preferOverlaps, type HebbianFactors } from "./lowRank";
import { fieldsFromPatterns, runSyncOverlaps, startOverlaps } from "./syncOverlaps";
import { computeFields, energyFromFields, runAsync, runSync, tieToleranceFromRows } from "./updates";

/** Options of {@link hopfieldRecall}. */
export interface HopfieldRecallOptions {
  /**
   * "async": one unit at a time, in a fresh random order each sweep (needs a seed); the energy
   * never rises. "sync": all units at once; ends in a fixed point or a 2-cycle.
   * @default "async"
   */
  mode?: "async" | "sync";
  /** Seed of the update order (required in async mode, ignored in sync mode). */
  seed?: number | string;
  /** At most this many iterations: sweeps (async) or parallel steps (sync). @default 100 */
  maxIterations?: number;
  /** Patterns whose overlaps with each recorded state are reported (usually the stored ones). */
  patterns?: readonly (readonly number[])[];
  /**
   * What to record: "sweep" = the state after every iteration (sweep or sync step); "flip" =
   * after every `recordEvery`-th flip (async only: for animations); "ends" = the start and the
   * end only.
   * @default "sweep"
   */
  record?: "sweep" | "flip" | "ends";
  /** With record "flip": keep every k-th flip. @default 1 */
  recordEvery?: number;
  /** The work budget, in unit updates: N x (maxIterations + 1). @default 2e8 */
  maxWork?: number;
}

/** Why a recall stopped: at a fixed point, in a 2-cycle (sync only), or at maxIterations. */
export type HopfieldStopReason = "converged" | "cycle" | "max-iterations";

/** The result of {@link hopfieldRecall}. */
export interface HopfieldRecallResult {
  readonly mode: "async" | "sync";
  /** The seed of the update order (async), undefined in sync mode. */
  readonly seed: number | string | undefined;
  /** The network's name (such as "Hopfield network, N = 49, P = 4"). */
  readonly energyName: string;
  /** Recorded states; path[0] is the cue and the last one is the final state. */
  readonly path: number[][];
  /** Time of each recorded state in iterations (fractions of a sweep when recording flips). */
  readonly times: number[];
  /** E(s) = -1/2 s^T W s - b^T s of each recorded state. */
  readonly energies: number[];
  /** overlaps[k][mu] = (1/N) sum_i xi_i^mu s_i for recorded state k; [] without patterns. */
  readonly overlaps: number[][];
  readonly final: number[];
  readonly finalEnergy: number;
  /** Overlaps of the final state with each pattern; [] without patterns. */
  readonly finalOverlaps: number[];
  /** True when the final state is a fixed point: no unit wants to change. */
  readonly converged: boolean;
  readonly reason: HopfieldStopReason;
  /** Iterations run, sweeps (async) or parallel steps (sync), the final check included. */
  readonly iterations: number;
  /** Single-unit changes in total. */
  readonly flips: number;
}

/**
 * Runs Hopfield dynamics from the cue: each update sets s_i <- sign(h_i) with the local field
 * h_i = sum_j W_ij s_j + b_i (W and b from the network); a tie (h_i = 0, to 1e-9 of the largest
 * row sum of |W| plus |b|) keeps s_i.
 *
 * Async mode (Hopfield 1982) updates one unit at a time, every unit once per sweep in a random
 * order drawn from the seed. A flip changes the energy by dE = -(s_i' - s_i) h_i < 0, so E never
 * rises and the run ends at a fixed point (a sweep without flips: reason "converged"). Sync mode
 * updates all units at once from the same fields; it ends in a fixed point ("converged") or a
 * 2-cycle ("cycle"). Either stops at `maxIterations` ("max-iterations"). Fields are updated
 * incrementally, O(N) per flip, after one O(N^2) start. A network from {@link hebbianWeights}
 * computes all N fields from the P overlaps m = X s instead (W = (X^T X - P I)/N, so
 * h_i = (sum_mu X_mu,i m_mu - P s_i)/N + b_i, the sums in exact integers): O(P N / 8) to
 * start (unless that costs more than W s: tiny N, huge P); in sync mode every step works so,
 * keeping only m (a step with few flips moves the fields with W's rows), and the energies come
 * from m; the same decisions, hence the same path, iterations and flips as with W (energies to
 * about 1e-15 relative). A network from {@link hebbianWeights} or {@link hopfieldNetwork}
 * was checked when made, so the door costs O(N) here; W given as rows (or a network object
 * made by hand) is checked in full (finite, symmetric, zero diagonal), another O(N^2), about
 * 1.5 ms at N = 1000. The work bound N x (maxIterations + 1)
 * must be within the budget, and the recorded states within 1e8 numbers (record "ends", or a
 * larger `recordEvery`).
 *
 * @param network A {@link HopfieldNetwork}, or W as N rows of N numbers (zero biases).
 * @param cue The start: N values +1 or -1 (not modified).
 * @throws TypeError when an argument has the wrong kind, or async mode has no seed.
 * @throws RangeError when W is not square, symmetric with a zero diagonal; the cue or a pattern
 *   is not N values +-1; maxIterations or recordEvery is not a positive integer; record "flip"
 *   is asked in sync mode; an option is unknown; or the work or the record is above its limit.
 * @example
 * const memory = [1, -1, 1, -1, 1, -1, 1, -1];
 * const net = hebbianWeights([memory]);
 * const cue = [-1, -1, 1, -1, 1, -1, 1, 1]; // two units wrong
 * const run = hopfieldRecall(net, cue, { seed: 1, patterns: [memory] });
 * [run.reason, run.finalOverlaps[0]];
 * // => ["converged", 1]
 */
export function hopfieldRecall(
  network: HopfieldNetwork | readonly (readonly number[])[],
  cue: readonly number[],
  options?: HopfieldRecallOptions,
): HopfieldRecallResult {
  const fn = "hopfieldRecall";
  const opts = readOptions(fn, options, {
    mode: "async" as "async" | "sync",
    seed: undefined as number | string | undefined,
    maxIterations: 100 as number,
    patterns: undefined as readonly (readonly number[])[] | undefined,
    record: "sweep" as "sweep" | "flip" | "ends",
    recordEvery: 1 as number,
    maxWork: undefined as number | undefined,
  });
  const mode = opts.mode;
  if (mode !== "async" && mode !== "sync") throw new RangeError(message(fn, "options.mode", '"async" or "sync"', mode));
  const seed = mode === "async" ? checkSeed(fn, "options.seed", opts.seed) : undefined;
  const maxIterations = checkInteger(fn, "options.maxIterations", opts.maxIterations, 1, 1e12);
  const record = opts.record;
  if (record !== "sweep" && record !== "flip" && record !== "ends") {
    throw new RangeError(message(fn, "options.record", '"sweep", "flip" or "ends"', record));
  }
  if (record === "flip" && mode === "sync") {
    throw new RangeError(message(fn, "options.record", '"sweep" or "ends" in sync mode', record));
  }
  const recordEvery = checkInteger(fn, "options.recordEvery", opts.recordEvery, 1, 1e12);
  const maxWork = checkMaxWork(fn, opts.maxWork);
  const couplings = readCouplings(fn, "network", network);
  const n = couplings.size;
  const s = checkSpinVector(fn, "cue", cue, n);
  const patterns: SpinPatterns | undefined =
    opts.patterns === undefined ? undefined : checkSpinPatterns(fn, "options.patterns", opts.patterns, n);
  checkWork(fn, n * (maxIterations + 1), "N x (maxIterations + 1)", maxWork);

  const { weights: w, biases: b } = couplings;
  const { tol, zeroBiases } = biasFacts(couplings.rowAbsSums, b);
  // A Hebbian network (from hebbianWeights) computes its fields from the P overlaps m = X s
  // (exact integers): O(P N / 8) instead of O(N^2), within one rounding of W s + b.
  const factors = couplings.factors;
  const lowRank = factors !== undefined && preferOverlaps(factors);
  // Sync mode on a Hebbian network runs in pattern space (syncOverlaps.ts): only m = X s is
  // kept, never h or W; the energies come from m.
  const overlapsOnly = lowRank && mode === "sync";
  const m = overlapsOnly ? startOverlaps(factors!, s, new Int32Array(factors!.count), b) : undefined;
  const source = lowRank && !overlapsOnly ? lowRankFields(factors!, b, w) : undefined;
  const h = overlapsOnly ? undefined : new Float64Array(n);
  if (h !== undefined) {
    if (source === undefined) computeFields(w, b, n, s, h);
    else if (!fieldsFromPatterns(factors!, b, s, h)) source.fill(s, h);
  }
  const energy = (): number =>
    h !== undefined
      ? energyFromFields(s, h, b, n)
      : zeroBiases
        ? overlapEnergyWithoutBiases(factors!, m!)
        : energyFromOverlaps(factors!, b, s, m!);

  const path: number[][] = [];
  const times: number[] = [];
  const energies: number[] = [];
  const overlaps: number[][] = [];
  const perRecord = n + (patterns === undefined ? 0 : patterns.count) + 2;
  let stored = 0;
  const take = (time: number, start = false): void => {
    stored += perRecord;
    if (stored > MAX_STORED_NUMBERS) {
      throw new RangeError(
        `${fn}: the recorded states must be at most ${MAX_STORED_NUMBERS} numbers, got more after ${path.length} states; ` +
          'record "ends", or raise recordEvery',
      );
    }
    path.push(start ? startRecord(cue, s) : toArray(s));
    times.push(time);
    energies.push(energy());
    if (patterns !== undefined) overlaps.push(patternOverlaps(patterns, s));
  };
  take(0, true);

  let iterations: number;
  let flips: number;
  let reason: HopfieldStopReason;
  if (mode === "async") {
    let flipCount = 0;
    let lastTime = 0;
    const onFlip =
      record === "flip"
        ? (time: number) => {
            flipCount++;
            lastTime = time;
            if (flipCount % recordEvery === 0) take(time);
          }
        : undefined;
    const onSweep = record === "sweep" ? (sweep: number) => take(sweep) : undefined;
    const random = createRandom(seed!, "recall order");
    const run = runAsync(w, n, s, h!, random, maxIterations, tol, onFlip, onSweep);
    iterations = run.iterations;
    flips = run.flips;
    reason = run.converged ? "converged" : "max-iterations";
    if (record === "flip" && flipCount % recordEvery !== 0) take(lastTime);
    if (record === "ends") take(iterations);
  } else {
    const onStep = record === "sweep" ? (step: number) => take(step) : undefined;
    const run =
      h === undefined
        ? runSyncOverlaps(factors!, w, b, s, m!, maxIterations, tol, onStep)
        : runSync(w, n, s, h, maxIterations, tol, onStep, source);
    iterations = run.steps;
    flips = run.flips;
    reason = run.reason;
    if (record === "ends") take(iterations);
  }
  return {
    mode,
    seed,
    energyName: couplings.name,
    path,
    times,
    energies,
    overlaps,
    // Every record mode takes the final state last, so the final values are copies of the
    // last record's (computed the same way: the same numbers).
    final: path[path.length - 1].slice(),
    finalEnergy: energies[energies.length - 1],
    finalOverlaps: patterns === undefined ? [] : overlaps[overlaps.length - 1].slice(),
    converged: reason === "converged",
    reason,
    iterations,
    flips,
  };
}

/**
 * The tie tolerance of (row sums, biases) and whether every bias is zero, kept per biases
 * array. Both arrays come from readCouplings and are never written (a library network gets
 * the same checked biases array back while its biases are unchanged), so a later call with
 * the same pair reads the same numbers and skips the O(N) pass.
 */
const biasFactsOf = new WeakMap<Float64Array, { rows: Float64Array; tol: number; zeroBiases: boolean }>();

function biasFacts(rows: Float64Array, b: Float64Array): { tol: number; zeroBiases: boolean } {
  let facts = biasFactsOf.get(b);
  if (facts === undefined || facts.rows !== rows) {
    let zeroBiases = true;
    for (let i = 0; i < b.length; i++) if (b[i] !== 0) zeroBiases = false;
    facts = { rows, tol: tieToleranceFromRows(rows, b), zeroBiases };
    biasFactsOf.set(b, facts);
  }
  return facts;
}

/**
 * energyFromOverlaps (lowRank.ts) when every b_i is +-0: there b.s sums to +0 exactly and
 * x - (+0) = x, so E = -1/2 scale (|m|^2 - P N), the same double, without the O(N) pass.
 */
function overlapEnergyWithoutBiases(f: HebbianFactors, m: Int32Array): number {
  let q = 0; // s^T C s = |m|^2 - P N, an exact integer (below 2^53 for N <= 10^4)
  for (let mu = 0; mu < f.count; mu++) q += m[mu] * m[mu];
  q -= f.count * f.size;
  return -0.5 * (q * f.scale);
}

/**
 * The first record, the cue as a plain array. A plain Array cue (checked: every value is the
 * number +1 or -1, the values of s) is copied with slice, a builtin that is fast from the
 * first call, where the loop of toArray runs in the interpreter; any other cue from s.
 */
function startRecord(cue: readonly number[], s: Int8Array): number[] {
  if (Array.isArray(cue) && Object.getPrototypeOf(cue) === Array.prototype && !Object.prototype.hasOwnProperty.call(cue, "constructor")) {
    return cue.slice();
  }
  return toArray(s);
}

/** A plain array copy of a state (Array.from walks an iterator: several times slower). */
function toArray(s: Int8Array): number[] {
  const out = new Array<number>(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s[i];
  return out;
}

/** m_mu = (1/N) sum_i xi_i^mu s_i for every pattern. */
function patternOverlaps(patterns: SpinPatterns, s: Int8Array): number[] {
  const n = patterns.size;
  const out = new Array<number>(patterns.count);
  for (let mu = 0; mu < patterns.count; mu++) {
    let sum = 0;
    const offset = mu * n;
    for (let i = 0; i < n; i++) sum += patterns.data[offset + i] * s[i];
    out[mu] = sum / n;
  }
  return out;
}
