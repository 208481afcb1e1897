/**
 * Where the Gibbs mass sits: the most probable grid point, and the probability near a point (to
 * watch the density collapse onto the minima as beta grows).
 */
import type { GibbsDensity, Point } from "../types";
import { checkNonNegative, checkPoint } from "../validate";
import { checkDensity } from "./checkDensity";
import { gridPoint } from "./grid";

/**
 * The probability of the ball |x - point| <= radius: P ~ dV sum over grid points x_i in the ball
 * of p_i. Each grid point stands for its whole cell, so the answer is exact only up to the cells
 * the sphere cuts. As beta -> infinity the mass near the global minima tends to 1.
 *
 * @throws TypeError when `density` is not a GibbsDensity or `point` is not an array of numbers.
 * @throws RangeError when `point` does not match the density's dimension or radius is not a
 *   non-negative finite number.
 * @example
 * const well = energyFromFunction((x) => (x[0] ** 2 - 1) ** 2);
 * const cold = gibbsDensity(well, { beta: 100, axes: [{ min: -2, max: 2, count: 4001 }] });
 * Math.round(massNear(cold, [1], 0.5) * 1e6) / 1e6; // half the mass in each well
 * // => 0.5
 */
export function massNear(density: GibbsDensity, point: Point, radius: number): number {
  const fn = "massNear";
  const d = checkDensity(fn, "density", density);
  const centre = checkPoint(fn, "point", point, d.points.length);
  const r = checkNonNegative(fn, "radius", radius);
  const n = d.points.length;
  const x = new Float64Array(n);
  let sum = 0;
  for (let s = 0; s < d.size; s++) {
    const p = d.density[s];
    if (p === 0) continue;
    gridPoint(d.points, s, x);
    let dist2 = 0;
    for (let k = 0; k < n; k++) dist2 += (x[k] - centre[k]) ** 2;
    if (dist2 <= r * r) sum += p;
  }
  return sum * d.cellVolume;
}

/** The most probable grid point of a density. */
export interface GibbsMode {
  /** The grid point with the largest density (the first one, first axis fastest, on ties). */
  readonly x: number[];
  /** Its index in the grid. */
  readonly index: number;
  /** p there. */
  readonly density: number;
}

/**
 * The mode: the grid point where p is largest, which is where E is smallest on the grid (for any
 * beta > 0). Cost O(grid size).
 *
 * @throws TypeError when `density` is not a GibbsDensity.
 * @example
 * const tilted = energyFromFunction((x) => (x[0] ** 2 - 1) ** 2 + 0.25 * x[0]);
 * const p = gibbsDensity(tilted, { beta: 10, axes: [{ min: -2, max: 2, count: 401 }] });
 * gibbsMode(p).x; // the deeper, left well (the exact minimum is at -1.0299)
 * // => [-1.03]
 */
export function gibbsMode(density: GibbsDensity): GibbsMode {
  const d = checkDensity("gibbsMode", "density", density);
  let best = 0;
  for (let s = 1; s < d.size; s++) if (d.density[s] > d.density[best]) best = s;
  return {
    x: Array.from(gridPoint(d.points, best, new Float64Array(d.points.length))),
    index: best,
    density: d.density[best],
  };
}
