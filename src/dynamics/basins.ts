/**
 * Basins of attraction on a grid: for each starting state, which memory does descent recall?
 */
import type { Axis, Energy, Point } from "../types";
import { WORK_BUDGET, checkInteger, checkMaxWork, checkNonNegative, checkPoint, checkPositive, checkWork, message, readOptions } from "../validate";
import { checkAxes, gridPoint } from "../gibbs/grid";
import { checkEnergy } from "../energy/checkEnergy";
import { norm } from "../linalg";
import { descendToRest, type RestSettings } from "./descendToRest";
import { passesMinimumTest } from "./localMinimum";
import { searchWarning, type FoundMinimum } from "./minima";
import { byEnergyThenPosition, collect, sameMinimum, type Collected } from "./sameMinimum";

/** Options of {@link basinMap}. */
export interface BasinMapOptions {
  /** The grid of starts: one axis per variable of the energy. Required. */
  axes: readonly Axis[];
  /**
   * The minima to label by, as points or objects with `x` and an optional `label` (a catalogue's
   * `knownMinima` fits). Labels then index this list, in its order, and each found minimum keeps
   * the given `label` (so {@link basinMapFigure} names the basins by it). @default the minima the
   *   descents themselves find, sorted by energy (unlabelled)
   */
  minima?: readonly (Point | { readonly x: Point; readonly label?: string })[];
  /**
   * The descent step size, fixed (the map is then the basins of x <- x - eta grad E). Left out,
   * each descent fits its step to the landscape as in {@link findMinima}, moving at most 1% of
   * the grid's diagonal per step. @default the adaptive step
   */
  eta?: number;
  /** The most steps per start. @default 10000 */
  maxIterations?: number;
  /** A descent has converged when |grad E| <= tolerance. @default 1e-6 */
  tolerance?: number;
  /** End points this close are one minimum (see {@link findMinima}). @default 1e-3 * max(1, grid diagonal) */
  mergeDistance?: number;
  /** A descent that leaves [-divergenceBound, divergenceBound] has diverged. @default 1e12 */
  divergenceBound?: number;
  /** The work budget: grid points x maxIterations must not exceed it. @default 2e8 */
  maxWork?: number;
}

/** What {@link basinMap} returns. Fields on the grid are laid out first axis fastest (index i + nx * j). */
export interface BasinMap {
  /** The grid coordinates along each axis. */
  readonly axes: number[][];
  /**
   * For each grid start, the index in `minima` of the minimum its descent ended in; -1 when it did
   * not converge, diverged (or began where E is not finite), stopped on a saddle or maximum, or
   * (with given minima) ended in a minimum not in the list.
   */
  readonly labels: Int32Array;
  /**
   * The minima, each with `count` = the number of grid starts in its basin, and the `label` of
   * the given minimum when `options.minima` carried one.
   */
  readonly minima: FoundMinimum[];
  /** Steps each descent took. */
  readonly iterations: Int32Array;
  /** The step size used: the fixed eta given, or "adaptive". */
  readonly eta: number | "adaptive";
  /** Present when most starts were lost (diverged or not converged): what happened and what to change. */
  readonly warning?: string;
}

/**
 * Labels every point of a grid with the minimum that gradient descent x <- x - eta grad E(x)
 * from that point ends in: a picture of the basins of attraction, the sets of states that recall
 * each memory.
 *
 * For a small step the map approaches the basins of the gradient flow, whose borders are the
 * stable manifolds of saddles and maxima (on (x^2 - 1)^2 the border is x = 0). A larger step may
 * move borders, or send starts across them. End points are checked with the test of
 * {@link isLocalMinimum} and merged as in {@link findMinima}. Cost: one gradient per step per
 * grid point (a 100 x 100 grid is 10^4 descents).
 *
 * @throws TypeError when `energy` is not an Energy or an option has the wrong kind.
 * @throws RangeError when the axes do not match the energy's dimension, an axis is empty or
 *   reversed, the grid is too large, grid points x maxIterations is above the work budget
 *   (`maxWork`), more than 10,000 minima are given or one has the wrong dimension or a
 *   non-finite energy, an option is out of range, or an option name is unknown.
 * @example
 * const well = energyFromFunction((x) => (x[0] ** 2 - 1) ** 2, {
 *   gradient: (x, _w, g) => { g[0] = 4 * x[0] * (x[0] ** 2 - 1); },
 * });
 * const map = basinMap(well, { axes: [{ min: -2, max: 2, count: 5 }] });
 * Array.from(map.labels); // x = -2, -1 go left; x = 0 is the maximum; x = 1, 2 go right
 * // => [0, 0, -1, 1, 1]
 * const named = basinMap(well, { axes: [{ min: -2, max: 2, count: 5 }],
 *   minima: [{ x: [-1], label: "left" }, { x: [1], label: "right" }] });
 * named.minima.map((m) => `${m.label}: ${m.count} starts`); // the given labels are kept
 * // => ["left: 2 starts", "right: 2 starts"]
 */
export function basinMap(energy: Energy, options: BasinMapOptions): BasinMap {
  const fn = "basinMap";
  const e = checkEnergy(fn, "energy", energy);
  const opts = readOptions<BasinMapOptions>(fn, options, {
    axes: undefined as unknown as readonly Axis[],
    minima: undefined,
    eta: undefined,
    maxIterations: 10000,
    tolerance: 1e-6,
    mergeDistance: undefined,
    divergenceBound: 1e12,
    maxWork: WORK_BUDGET,
  });
  const grid = checkAxes(fn, "options.axes", opts.axes, e.dimension);
  const eta: number | "adaptive" = opts.eta === undefined ? "adaptive" : checkPositive(fn, "options.eta", opts.eta);
  const maxIterations = checkInteger(fn, "options.maxIterations", opts.maxIterations, 0);
  const tolerance = checkNonNegative(fn, "options.tolerance", opts.tolerance);
  const bound = checkPositive(fn, "options.divergenceBound", opts.divergenceBound);
  checkWork(fn, grid.size * Math.max(1, maxIterations), "grid points x options.maxIterations", checkMaxWork(fn, opts.maxWork));
  let diagonal = 0;
  for (const a of grid.axes) diagonal += (a.max - a.min) ** 2;
  const mergeDistance =
    opts.mergeDistance === undefined
      ? 1e-3 * Math.max(1, Math.sqrt(diagonal))
      : checkPositive(fn, "options.mergeDistance", opts.mergeDistance);
  const given = opts.minima === undefined ? undefined : checkMinima(fn, "options.minima", e, opts.minima);
  const givenLabels = opts.minima === undefined ? [] : checkLabels(fn, "options.minima", opts.minima);

  const n = e.dimension;
  const x = new Float64Array(n);
  const gradientBuffer = new Float64Array(n);
  const scratch = new Float64Array(n);
  const labels = new Int32Array(grid.size).fill(-1);
  const iterations = new Int32Array(grid.size);
  const found: Collected[] = given ?? [];
  const order = new Float64Array(given?.length ?? 0);
  const settings: RestSettings = { eta, maxIterations, tolerance, bound, maxMove: 0.01 * Math.sqrt(diagonal) };
  let diverged = 0;
  let notConverged = 0;
  for (let s = 0; s < grid.size; s++) {
    gridPoint(grid.points, s, x);
    if (!Number.isFinite(e.value(x))) {
      diverged++;
      continue;
    }
    const outcome = descendToRest(e, x, settings, gradientBuffer);
    iterations[s] = outcome.iterations;
    if (outcome.status !== "converged") {
      if (outcome.status === "diverged") diverged++;
      else notConverged++;
      continue;
    }
    const value = e.value(x);
    const gradientTolerance = outcome.stalled ? outcome.gradientNorm * (1 + 1e-9) : tolerance;
    if (!Number.isFinite(value) || !passesMinimumTest(e, x, gradientTolerance, 1e-3)) continue;
    if (given === undefined) {
      labels[s] = collect(e, found, x, value, outcome.gradientNorm, mergeDistance, 100 * mergeDistance, scratch);
    } else {
      labels[s] = matchGiven(e, given, order, x, value, mergeDistance, scratch);
      if (labels[s] >= 0) given[labels[s]].count++;
    }
  }
  let minima: FoundMinimum[] = found.map((m, k) => {
    const label = givenLabels[k];
    const minimum = { x: Array.from(m.x), energy: m.energy, count: m.count, gradientNorm: m.gradientNorm };
    return label === undefined ? minimum : { ...minimum, label };
  });
  if (given === undefined) {
    // Sort by energy and relabel.
    const sorted = minima.map((m, k) => ({ ...m, k })).sort(byEnergyThenPosition);
    const relabel = new Int32Array(sorted.length);
    sorted.forEach((m, rank) => (relabel[m.k] = rank));
    for (let s = 0; s < labels.length; s++) if (labels[s] >= 0) labels[s] = relabel[labels[s]];
    minima = sorted.map(({ x: at, energy: value, count, gradientNorm }) => ({ x: at, energy: value, count, gradientNorm }));
  }
  const warning = searchWarning(minima.length, { starts: grid.size, diverged, notConverged }, eta, maxIterations);
  return { axes: grid.points, labels, minima, iterations, eta, ...(warning === undefined ? {} : { warning }) };
}

/** At most this many given minima (each end point is matched against them, nearest first). */
const MAX_GIVEN_MINIMA = 10_000;

/** Checks the given minima: points of the right dimension with finite E. */
function checkMinima(fn: string, arg: string, e: Energy, minima: unknown): Collected[] {
  if (!Array.isArray(minima)) throw new TypeError(message(fn, arg, "an array of points", minima));
  if (minima.length === 0) throw new RangeError(message(fn, arg, "a non-empty array of points", minima));
  if (minima.length > MAX_GIVEN_MINIMA) {
    throw new RangeError(message(fn, arg, `at most ${MAX_GIVEN_MINIMA} points`, minima) + ` (${minima.length} points)`);
  }
  return minima.map((m, k) => {
    const raw = m !== null && typeof m === "object" && !Array.isArray(m) && !ArrayBuffer.isView(m) ? (m as { x: unknown }).x : m;
    const x = checkPoint(fn, `${arg}[${k}]`, raw, e.dimension);
    const value = e.value(x);
    if (!Number.isFinite(value)) {
      throw new RangeError(message(fn, `${arg}[${k}]`, "a point where the energy is finite", raw) + ` (E = ${value})`);
    }
    return { x, energy: value, gradientNorm: norm(e.gradient(x, new Float64Array(e.dimension))), count: 0 };
  });
}

/** The optional `label` of each given minimum (undefined for a bare point or an unlabelled one). */
function checkLabels(fn: string, arg: string, minima: readonly unknown[]): (string | undefined)[] {
  return minima.map((m, k) => {
    if (m === null || typeof m !== "object" || Array.isArray(m) || ArrayBuffer.isView(m)) return undefined;
    const label = (m as { label?: unknown }).label;
    if (label !== undefined && typeof label !== "string") throw new TypeError(message(fn, `${arg}[${k}].label`, "a string", label));
    return label as string | undefined;
  });
}

/** The index of the given minimum that end point x is (nearest first), or -1. */
function matchGiven(
  e: Energy,
  given: Collected[],
  order: Float64Array,
  x: Float64Array,
  value: number,
  mergeDistance: number,
  scratch: Float64Array,
): number {
  // Distances to each given minimum; try them nearest first.
  for (let k = 0; k < given.length; k++) {
    let sum = 0;
    for (let i = 0; i < x.length; i++) sum += (x[i] - given[k].x[i]) ** 2;
    order[k] = sum;
  }
  const tried = new Uint8Array(given.length);
  for (let round = 0; round < given.length; round++) {
    let best = -1;
    for (let k = 0; k < given.length; k++) if (!tried[k] && (best < 0 || order[k] < order[best])) best = k;
    tried[best] = 1;
    if (sameMinimum(e, x, value, given[best].x, given[best].energy, mergeDistance, 100 * mergeDistance, scratch)) return best;
    if (Math.sqrt(order[best]) > 100 * mergeDistance) return -1;
  }
  return -1;
}
