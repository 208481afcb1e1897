/**
 * Averages under a Gibbs density on a grid: <f> = integral f(x) p(x) dx.
 */
import type { GibbsDensity } from "../types";
import { checkFunction, describe, message } from "../validate";
import { checkDensity } from "./checkDensity";
import { gridPoint } from "./grid";

/**
 * The expectation of f under the density: <f> = integral f(x) p(x) dx ~ dV sum_i f(x_i) p_i.
 *
 * f receives each grid point as a fresh array [x] or [x, y] and must return a finite number
 * wherever p > 0 (points with p = 0 are skipped, so f may be infinite there). Cost: one call of f
 * per grid point with p > 0.
 *
 * @throws TypeError when `density` is not a GibbsDensity or `f` is not a function.
 * @throws RangeError when f returns something other than a finite number where p > 0.
 * @example
 * const bowl = energyFromFunction((x) => x[0] ** 2 / 2);
 * const p = gibbsDensity(bowl, { beta: 2, axes: [{ min: -10, max: 10, count: 2001 }] });
 * gibbsExpectation(p, (x) => x[0] ** 2); // <x^2> = 1 / beta for E = x^2 / 2
 * // => 0.5 (to about 1e-14)
 */
export function gibbsExpectation(density: GibbsDensity, f: (x: number[]) => number): number {
  const fn = "gibbsExpectation";
  const d = checkDensity(fn, "density", density);
  checkFunction(fn, "f", f);
  const point = new Float64Array(d.points.length);
  let sum = 0;
  for (let s = 0; s < d.size; s++) {
    const p = d.density[s];
    if (p === 0) continue;
    const x = Array.from(gridPoint(d.points, s, point));
    const v = f(x);
    if (typeof v !== "number" || !Number.isFinite(v)) {
      throw new RangeError(message(fn, "f", "a function returning a finite number where p > 0", v) + ` at ${describe(x)}`);
    }
    sum += v * p;
  }
  return sum * d.cellVolume;
}

/**
 * The mean of the density, one entry per axis: <x_k> = dV sum_i x_{i,k} p_i.
 *
 * @throws TypeError when `density` is not a GibbsDensity.
 * @example
 * const tilted = energyFromFunction((x) => (x[0] - 0.5) ** 2 / 2);
 * const p = gibbsDensity(tilted, { beta: 1, axes: [{ min: -10, max: 10, count: 2001 }] });
 * gibbsMean(p)[0]; // a Gaussian centred at 0.5
 * // => 0.5 (to about 1e-14)
 */
export function gibbsMean(density: GibbsDensity): number[] {
  const d = checkDensity("gibbsMean", "density", density);
  return meanOf(d.points, d.density, d.cellVolume);
}

/** The mean per axis, without validation. */
export function meanOf(points: readonly (readonly number[])[], density: ArrayLike<number>, cellVolume: number): number[] {
  const n = points.length;
  const point = new Float64Array(n);
  const sums = new Array<number>(n).fill(0);
  for (let s = 0; s < density.length; s++) {
    const p = density[s];
    if (p === 0) continue;
    gridPoint(points, s, point);
    for (let k = 0; k < n; k++) sums[k] += point[k] * p;
  }
  return sums.map((v) => v * cellVolume);
}
