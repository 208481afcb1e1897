/**
 * Basins of attraction of a 1D energy as intervals: which starting points roll into which minimum.
 */
import type { Axis, Energy, Point } from "../types";
import { checkEnergy, checkMaxWork, checkWork, isArrayLike, message, readOptions } from "../validate";
import { checkAxis, MAX_GRID_POINTS, pointsOf } from "../gibbs/grid";

/** The most minima one call takes (as {@link basinMap}). */
export const MAX_BASIN_MINIMA = 10_000;

/** The basin of one minimum of a 1D energy: the interval [lower, upper] of starting points. */
export interface BasinInterval {
  readonly lower: number;
  readonly upper: number;
  /** The minimum it drains into. */
  readonly minimum: number;
  /** The minimum's label, when it has one ("A"). */
  readonly label?: string;
}

/** Options of {@link basinIntervals}. */
export interface BasinIntervalsOptions {
  /** The grid the energy is sampled on to find the boundaries: its ends bound the outer basins. Required. */
  axis: Axis;
  /**
   * The minima: points [x] or objects { x: [x], label? } inside the axis; at most 10,000.
   * @default energy.knownMinima
   */
  minima?: readonly (Point | { readonly x: Point; readonly label?: string })[];
  /** The work budget (grid points). @default 2e8 */
  maxWork?: number;
}

/**
 * The basins of attraction of the minima of a 1D energy, as intervals. Gradient descent with a
 * small step (and gradient flow) from x_0 moves downhill and never crosses a maximum, so the
 * boundary between two neighbouring minima a < b is the highest point of E between them. Here it
 * is the highest grid point of `axis` strictly between them (their midpoint if there is none);
 * the outer basins run to the ends of the axis. The minima are taken in order of position; the
 * intervals come back in the order of `minima`, each [lower, upper] sharing its ends with its
 * neighbours. Accurate to one grid spacing. Cost: one energy evaluation per grid point, and one
 * pass over the grid for all the boundaries.
 *
 * @throws TypeError when energy is not an Energy, the minima are not points, or an option has
 *   the wrong kind.
 * @throws RangeError when the energy is not 1D, the axis is malformed or larger than
 *   MAX_GRID_POINTS, no minima are given and the energy knows none, more than 10,000 minima are
 *   given, a minimum lies outside the axis, E is NaN on the grid, or an option name is unknown.
 * @example
 * basinIntervals(doubleWell(), { axis: { min: -2, max: 2, count: 401 } }).map((b) => [b.lower, b.upper]);
 * // => [[-2, 0], [0, 2]]
 */
export function basinIntervals(energy: Energy, options: BasinIntervalsOptions): BasinInterval[] {
  const fn = "basinIntervals";
  const e = checkEnergy(fn, "energy", energy);
  if (e.dimension !== 1) throw new RangeError(message(fn, "energy.dimension", "1 (basins as intervals are 1D; use basinMap in 2D)", e.dimension));
  const opts = readOptions(fn, options, { axis: undefined as Axis | undefined, minima: undefined as BasinIntervalsOptions["minima"], maxWork: undefined as number | undefined });
  const axis = checkAxis(fn, "options.axis", opts.axis);
  if (axis.count > MAX_GRID_POINTS) throw new RangeError(message(fn, "options.axis.count", `at most ${MAX_GRID_POINTS} points`, axis.count));
  checkWork(fn, axis.count, "options.axis.count (energy evaluations)", checkMaxWork(fn, opts.maxWork));
  const source = opts.minima ?? e.knownMinima;
  const arg = opts.minima === undefined ? "energy.knownMinima" : "options.minima";
  if (!Array.isArray(source) || source.length === 0) {
    throw new RangeError(message(fn, arg, "a non-empty array of minima (give options.minima when the energy knows none)", source));
  }
  if (source.length > MAX_BASIN_MINIMA) {
    throw new RangeError(message(fn, arg, `at most ${MAX_BASIN_MINIMA} minima`, source) + ` (${source.length} minima)`);
  }
  const minima = source.map((m: unknown, k) => {
    const item = m !== null && typeof m === "object" && !isArrayLike(m) ? (m as { x?: unknown; label?: unknown }) : { x: m };
    const x = item.x;
    const v = isArrayLike(x) && x.length === 1 ? x[0] : x;
    if (typeof v !== "number" || !Number.isFinite(v)) throw new RangeError(message(fn, `${arg}[${k}]`, "a 1D point [x] with x finite", m));
    if (v < axis.min || v > axis.max) throw new RangeError(message(fn, `${arg}[${k}]`, `a point inside the axis [${axis.min}, ${axis.max}]`, m));
    if (item.label !== undefined && typeof item.label !== "string") throw new TypeError(message(fn, `${arg}[${k}].label`, "a string", item.label));
    return { x: v, label: item.label as string | undefined };
  });
  const xs = pointsOf(axis);
  const energies = xs.map((x) => {
    const value = e.value([x]);
    if (Number.isNaN(value)) throw new RangeError(message(fn, "energy", "a number at every grid point", value) + ` at x = ${x}`);
    return value;
  });
  const order = minima.map((_, k) => k).sort((a, b) => minima[a].x - minima[b].x);
  const out = new Array<BasinInterval>(minima.length);
  let lower = axis.min;
  // The minima in order of position, and the grid points strictly between neighbours: one pass.
  let next = 0; // the first grid index right of the current minimum
  for (let r = 0; r < order.length; r++) {
    const k = order[r];
    let upper = axis.max;
    if (r + 1 < order.length) {
      const a = minima[k].x;
      const b = minima[order[r + 1]].x;
      let best = -Infinity;
      upper = (a + b) / 2;
      while (next < xs.length && xs[next] <= a) next++;
      for (let i = next; i < xs.length && xs[i] < b; i++) {
        if (energies[i] > best) {
          best = energies[i];
          upper = xs[i];
        }
      }
    }
    out[k] = { lower, upper, minimum: minima[k].x, ...(minima[k].label !== undefined ? { label: minima[k].label } : {}) };
    lower = upper;
  }
  return out;
}
