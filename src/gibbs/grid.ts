/**
 * Regular grids: the points of one axis, and the checked product grid that the Gibbs densities and
 * basin maps are computed on.
 *
 * Layout of every field on a grid: the first axis runs fastest, so in 2D the value at
 * (x_i, y_j) sits at index i + nx * j (as {@link GridField} says), and in n dimensions at
 * i_1 + n_1 * (i_2 + n_2 * (i_3 + ...)).
 */
import type { Axis } from "../types";
import { checkFinite, checkInteger, message } from "../validate";

/**
 * The largest grid any function here accepts: 2 * 10^7 points (160 MB per Float64Array; a Gibbs
 * density keeps three), checked before anything is allocated or evaluated.
 */
export const MAX_GRID_POINTS = 2e7;

/**
 * The `count` points of an axis, evenly spaced from `min` to `max` inclusive:
 * x_i = ((count - 1 - i) * min + i * max) / (count - 1), i = 0 .. count - 1, with x_0 = min and
 * x_{count-1} = max exactly.
 *
 * Written this way (rather than min + i * step) a symmetric axis (min = -max) is exactly
 * symmetric, x_{count-1-i} = -x_i, so an odd count puts a point at exactly 0.
 *
 * @throws TypeError when `axis` is not an object with numbers min, max, count.
 * @throws RangeError when min or max is not finite, max <= min (an empty or reversed axis), or
 *   count is not an integer >= 2 or is above {@link MAX_GRID_POINTS}.
 * @example
 * axisPoints({ min: -1, max: 1, count: 5 });
 * // => [-1, -0.5, 0, 0.5, 1]
 */
export function axisPoints(axis: Axis): number[] {
  const fn = "axisPoints";
  const checked = checkAxis(fn, "axis", axis);
  if (checked.count > MAX_GRID_POINTS) {
    throw new RangeError(message(fn, "axis.count", `at most ${MAX_GRID_POINTS} points`, checked.count));
  }
  return pointsOf(checked);
}

/** Internal: the points of an already checked axis (the library's one way to lay out an axis). */
export function pointsOf(axis: Axis): number[] {
  const { min, max, count } = axis;
  const last = count - 1;
  const points = new Array<number>(count);
  for (let i = 1; i < last; i++) points[i] = ((last - i) * min + i * max) / last;
  points[0] = min;
  points[last] = max;
  return points;
}

/** Checks one axis {min, max, count}: finite ends, max > min, integer count >= 2. */
export function checkAxis(fn: string, arg: string, axis: unknown): Axis {
  if (axis === null || typeof axis !== "object" || Array.isArray(axis)) {
    throw new TypeError(message(fn, arg, "an axis {min, max, count}", axis));
  }
  const a = axis as Axis;
  const min = checkFinite(fn, `${arg}.min`, a.min);
  const max = checkFinite(fn, `${arg}.max`, a.max);
  if (!(max > min)) {
    throw new RangeError(message(fn, `${arg}.max`, `greater than ${arg}.min = ${min} (an empty or reversed axis)`, max));
  }
  if (!Number.isFinite(max - min)) {
    throw new RangeError(message(fn, arg, "an axis whose width max - min is finite", `min ${min}, max ${max}`));
  }
  const count = checkInteger(fn, `${arg}.count`, a.count, 2);
  return { min, max, count };
}

/** A checked grid: its axes, their points, and the sizes derived from them. */
export interface CheckedGrid {
  /** The axes as given (checked copies). */
  readonly axes: Axis[];
  /** The points of each axis. */
  readonly points: number[][];
  /** The number of points along each axis. */
  readonly counts: number[];
  /** The spacing along each axis: (max - min) / (count - 1). */
  readonly spacings: number[];
  /** The total number of grid points, the product of the counts. */
  readonly size: number;
  /** The volume of one cell: the product of the spacings. */
  readonly cellVolume: number;
}

/**
 * Checks a list of axes against the dimension of an energy and returns the grid they span.
 * Refuses more than {@link MAX_GRID_POINTS} points, saying how many were asked for.
 */
export function checkAxes(fn: string, arg: string, axes: unknown, dimension: number): CheckedGrid {
  const expected = `an array of ${dimension} ax${dimension === 1 ? "is" : "es"} {min, max, count}, one per variable of the energy`;
  if (!Array.isArray(axes)) throw new TypeError(message(fn, arg, expected, axes));
  if (axes.length !== dimension) {
    throw new RangeError(message(fn, arg, expected, axes) + ` (${axes.length} ax${axes.length === 1 ? "is" : "es"})`);
  }
  const checked = axes.map((axis, i) => checkAxis(fn, `${arg}[${i}]`, axis));
  const counts = checked.map((a) => a.count);
  const size = counts.reduce((p, c) => p * c, 1);
  if (size > MAX_GRID_POINTS) {
    throw new RangeError(
      `${fn}: ${arg} must describe at most ${MAX_GRID_POINTS} grid points, got ${size} (${counts.join(" x ")})`,
    );
  }
  const spacings = checked.map((a) => (a.max - a.min) / (a.count - 1));
  const cellVolume = spacings.reduce((p, h) => p * h, 1);
  if (!(cellVolume > 0 && Number.isFinite(cellVolume))) {
    throw new RangeError(message(fn, arg, "axes whose cell volume is a positive finite number", cellVolume));
  }
  return { axes: checked, points: checked.map(pointsOf), counts, spacings, size, cellVolume };
}

/**
 * Writes the coordinates of grid point `index` into `out` (first axis fastest). Internal fast
 * path: no validation.
 */
export function gridPoint(points: readonly (readonly number[])[], index: number, out: Float64Array): Float64Array {
  let rest = index;
  for (let d = 0; d < points.length; d++) {
    const axis = points[d];
    const n = axis.length;
    const i = rest % n;
    out[d] = axis[i];
    rest = (rest - i) / n;
  }
  return out;
}
