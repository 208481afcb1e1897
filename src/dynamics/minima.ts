/**
 * Local minima of an energy, found by descent from many starts: the memories a deterministic EBM
 * can recall.
 */
import type { Axis, Energy, Point } from "../types";
import { WORK_BUDGET, checkInteger, checkMaxWork, checkNonNegative, checkPositive, checkWork, message, readOptions } from "../validate";
import { checkAxes, gridPoint, MAX_GRID_POINTS } from "../gibbs/grid";
import { checkEnergy } from "../energy/checkEnergy";
import { checkStart } from "./start";
import { descendToRest, type RestSettings } from "./descendToRest";
import { passesMinimumTest } from "./localMinimum";
import { byEnergyThenPosition, collect, type Collected } from "./sameMinimum";

/** A local minimum found by descent. */
export interface FoundMinimum {
  /** Where it is (the lowest end point of the descents that reached it). */
  readonly x: number[];
  /** E at x. */
  readonly energy: number;
  /** How many starts ended in it. */
  readonly count: number;
  /** |grad E| at x. */
  readonly gradientNorm: number;
  /**
   * A name for figures and tables, when the minimum came with one: {@link basinMap} keeps the
   * labels of the minima it is given (a catalogue's `knownMinima`, such as "A"). Absent otherwise.
   */
  readonly label?: string;
}

/** Options of {@link findMinima}. */
export interface FindMinimaOptions {
  /** Starting points. Give these or `grid`, not both. */
  starts?: readonly Point[];
  /**
   * A grid of starts: one axis per variable, or a number of points per axis spread over
   * `energy.domain`. @default energy.domain with min(41, max(3, floor(4096^(1/n)))) points per axis
   */
  grid?: readonly Axis[] | number;
  /**
   * The descent step size, fixed. Too large a step for the landscape's curvature makes runs
   * diverge (eta must stay below 2 / the largest curvature). Left out, each descent fits its own
   * step to the landscape: halved until E falls enough, doubled after each step that does (see
   * `descendToRest`), which never diverges on a smooth energy. @default the adaptive step
   */
  eta?: number;
  /** The most steps per start. @default 100000 */
  maxIterations?: number;
  /** A descent has converged when |grad E| <= tolerance. @default 1e-8 */
  tolerance?: number;
  /**
   * End points closer than this are one minimum; end points up to 100 times farther apart are
   * one minimum too when no barrier separates them. @default 1e-3 * max(1, diameter of the starts' box)
   */
  mergeDistance?: number;
  /** A descent that leaves [-divergenceBound, divergenceBound] has diverged. @default 1e12 */
  divergenceBound?: number;
  /** The work budget: starts x maxIterations must not exceed it. @default 2e8 */
  maxWork?: number;
}

/** What {@link findMinima} returns. */
export interface MinimaSearch {
  /** The distinct local minima, lowest energy first (equal energies left to right). */
  readonly minima: FoundMinimum[];
  /** How many starts were tried. */
  readonly starts: number;
  /** Starts whose descent hit maxIterations before converging. */
  readonly notConverged: number;
  /** Starts whose descent diverged (or, on a grid, began where E or grad E is not finite). */
  readonly diverged: number;
  /** Starts whose descent stopped on a critical point that is not a minimum (a saddle or maximum). */
  readonly notMinima: number;
  /** The step: the fixed eta given, or "adaptive". */
  readonly eta: number | "adaptive";
  /**
   * Present when the search went badly: no minimum found, or at least half the starts diverged
   * or did not converge. Says what happened and what to change.
   */
  readonly warning?: string;
}

/**
 * Finds the distinct local minima of E by gradient descent x <- x - eta grad E(x) from many
 * starts (a grid over `energy.domain` unless `starts` or `grid` is given).
 *
 * Each descent runs until |grad E| <= tolerance. Its end point counts as a minimum only if it
 * passes the test of {@link isLocalMinimum} (vanishing gradient, no small move lowers E, a
 * positive semidefinite Hessian), so starts that land exactly on a maximum or saddle do not
 * produce false minima. End points that are the same minimum are merged (see `mergeDistance`).
 * The minima come sorted by energy, each with how many starts reached it. Without `eta` each
 * descent fits its step to the landscape (see `eta`), so the defaults work on every catalogued
 * landscape; with a fixed eta too large for the curvature the starts diverge, and the result's
 * `warning` says so and what to change. Cost: one gradient per step per start. Descent creeps
 * into a flat minimum (on x^4, |x_t| ~ 1 / sqrt(8 eta t)): raise
 * `tolerance` (1e-6) or `maxIterations` when starts come back as `notConverged`.
 *
 * @throws TypeError when `energy` is not an Energy or an option has the wrong kind.
 * @throws RangeError when both or neither of starts and grid can be used (no domain), a start has
 *   the wrong dimension or E or grad E is not finite there, the grid is empty, reversed, or too
 *   large, starts x maxIterations is above the work budget (`maxWork`), an option is out of
 *   range, or an option name is unknown.
 * @example
 * const well = energyFromFunction((x) => (x[0] ** 2 - 1) ** 2, {
 *   gradient: (x, _w, g) => { g[0] = 4 * x[0] * (x[0] ** 2 - 1); },
 * });
 * const found = findMinima(well, { grid: [{ min: -2, max: 2, count: 21 }] });
 * found.minima.map((m) => Math.round(m.x[0] * 1e6) / 1e6); // the wells at x = -1 and x = 1
 * // => [-1, 1]
 */
export function findMinima(energy: Energy, options?: FindMinimaOptions): MinimaSearch {
  const fn = "findMinima";
  const e = checkEnergy(fn, "energy", energy);
  const opts = readOptions<FindMinimaOptions>(fn, options, {
    starts: undefined,
    grid: undefined,
    eta: undefined,
    maxIterations: 100000,
    tolerance: 1e-8,
    mergeDistance: undefined,
    divergenceBound: 1e12,
    maxWork: WORK_BUDGET,
  });
  const eta: number | "adaptive" = opts.eta === undefined ? "adaptive" : checkPositive(fn, "options.eta", opts.eta);
  const maxIterations = checkInteger(fn, "options.maxIterations", opts.maxIterations, 0);
  const tolerance = checkNonNegative(fn, "options.tolerance", opts.tolerance);
  const bound = checkPositive(fn, "options.divergenceBound", opts.divergenceBound);
  const maxWork = checkMaxWork(fn, opts.maxWork);
  if (Array.isArray(opts.starts)) checkWork(fn, opts.starts.length * Math.max(1, maxIterations), "starts x options.maxIterations", maxWork);
  const starts = startsOf(fn, e, opts);
  checkWork(fn, starts.count * Math.max(1, maxIterations), "starts x options.maxIterations", maxWork);
  const mergeDistance =
    opts.mergeDistance === undefined
      ? 1e-3 * Math.max(1, starts.diameter)
      : checkPositive(fn, "options.mergeDistance", opts.mergeDistance);

  const n = e.dimension;
  const x = new Float64Array(n);
  const gradientBuffer = new Float64Array(n);
  const scratch = new Float64Array(n);
  const found: Collected[] = [];
  const settings: RestSettings = { eta, maxIterations, tolerance, bound, maxMove: starts.diameter > 0 ? 0.05 * starts.diameter : Infinity };
  let notConverged = 0;
  let diverged = 0;
  let notMinima = 0;
  for (let s = 0; s < starts.count; s++) {
    starts.write(s, x);
    if (!Number.isFinite(e.value(x))) {
      diverged++;
      continue;
    }
    const outcome = descendToRest(e, x, settings, gradientBuffer);
    if (outcome.status === "diverged") {
      diverged++;
      continue;
    }
    if (outcome.status === "max-iterations") {
      notConverged++;
      continue;
    }
    const value = e.value(x);
    if (!Number.isFinite(value)) {
      diverged++;
      continue;
    }
    if (!passesMinimumTest(e, x, outcome.stalled ? outcome.gradientNorm * (1 + 1e-9) : tolerance, 1e-3)) {
      notMinima++;
      continue;
    }
    collect(e, found, x, value, outcome.gradientNorm, mergeDistance, 100 * mergeDistance, scratch);
  }
  const minima = found
    .map((m) => ({ x: Array.from(m.x), energy: m.energy, count: m.count, gradientNorm: m.gradientNorm }))
    .sort(byEnergyThenPosition);
  const counts = { starts: starts.count, notConverged, diverged, notMinima };
  const warning = searchWarning(minima.length, counts, eta, maxIterations);
  return { minima, ...counts, eta, ...(warning === undefined ? {} : { warning }) };
}

/** What to say when a search went badly (nothing found, or half the starts lost). */
export function searchWarning(
  found: number,
  c: { starts: number; notConverged: number; diverged: number },
  eta: number | "adaptive",
  maxIterations: number,
): string | undefined {
  if (found > 0 && 2 * c.diverged < c.starts && 2 * c.notConverged < c.starts) return undefined;
  const parts: string[] = [];
  if (c.diverged > 0) {
    parts.push(
      `${c.diverged} of ${c.starts} starts diverged` +
        (eta === "adaptive" ? " (or began where E is not finite)" : ` at eta = ${eta}: the step is too large for the curvature (it must stay below 2 / the largest curvature); lower eta, or leave it out for the adaptive step`),
    );
  }
  if (c.notConverged > 0) {
    parts.push(`${c.notConverged} of ${c.starts} starts did not converge in ${maxIterations} iterations; raise maxIterations or tolerance${eta === "adaptive" ? "" : ", or raise eta"}`);
  }
  return `${found === 0 ? "no minimum found" : `only ${found} minim${found === 1 ? "um" : "a"} found`}: ${parts.join("; ") || "every descent stopped on a saddle or maximum"}`;
}

/** The starts of a search: how many, a way to write start s into a buffer, and their extent. */
interface Starts {
  count: number;
  write: (s: number, out: Float64Array) => void;
  /** The diagonal of the box the starts span. */
  diameter: number;
}

/** Reads `starts` or `grid` (or the energy's domain) into {@link Starts}. */
function startsOf(fn: string, e: Energy, opts: FindMinimaOptions): Starts {
  if (opts.starts !== undefined && !Array.isArray(opts.starts)) {
    throw new TypeError(message(fn, "options.starts", "an array of points", opts.starts));
  }
  const n = e.dimension;
  if (opts.starts !== undefined && opts.grid !== undefined) {
    throw new RangeError(message(fn, "options", "given starts or grid, not both", "both"));
  }
  if (opts.starts !== undefined) {
    if (!Array.isArray(opts.starts)) throw new TypeError(message(fn, "options.starts", "an array of points", opts.starts));
    if (opts.starts.length === 0) throw new RangeError(message(fn, "options.starts", "a non-empty array of points", opts.starts));
    const points = opts.starts.map((p, i) => checkStart(fn, `options.starts[${i}]`, e, p, `options.starts[${i}]`).x);
    const lower = new Float64Array(n).fill(Infinity);
    const upper = new Float64Array(n).fill(-Infinity);
    for (const p of points) {
      for (let i = 0; i < n; i++) {
        lower[i] = Math.min(lower[i], p[i]);
        upper[i] = Math.max(upper[i], p[i]);
      }
    }
    return { count: points.length, write: (s, out) => out.set(points[s]), diameter: diagonal(lower, upper) };
  }
  let axes: readonly Axis[];
  let arg = "options.grid";
  if (opts.grid === undefined || typeof opts.grid === "number") {
    const domain = e.domain;
    if (domain === undefined) {
      throw new RangeError(message(fn, "options", "given starts or grid when the energy has no domain", "neither"));
    }
    const defaultCount = Math.min(41, Math.max(3, Math.floor(Math.pow(4096, 1 / n))));
    const count =
      opts.grid === undefined ? defaultCount : checkInteger(fn, "options.grid", opts.grid, 2, MAX_GRID_POINTS);
    if (!Array.isArray(domain.lower) || !Array.isArray(domain.upper) || domain.lower.length !== n || domain.upper.length !== n) {
      throw new RangeError(message(fn, "energy.domain", `a box with ${n} lower and ${n} upper bounds`, domain));
    }
    axes = domain.lower.map((min, i) => ({ min, max: domain.upper[i], count }));
    arg = "energy.domain";
  } else {
    axes = opts.grid;
  }
  const grid = checkAxes(fn, arg, axes, n);
  const lower = Float64Array.from(grid.axes, (a) => a.min);
  const upper = Float64Array.from(grid.axes, (a) => a.max);
  return { count: grid.size, write: (s, out) => gridPoint(grid.points, s, out), diameter: diagonal(lower, upper) };
}

/** |upper - lower|, the diagonal of a box. */
function diagonal(lower: Float64Array, upper: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < lower.length; i++) sum += (upper[i] - lower[i]) ** 2;
  const d = Math.sqrt(sum);
  return Number.isFinite(d) ? d : 0;
}
