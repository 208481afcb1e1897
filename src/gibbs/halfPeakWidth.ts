/**
 * How wide a 1D Gibbs density is: the width of the region where it is above half its peak.
 */
import type { GibbsDensity } from "../types";
import { message } from "../validate";
import { checkDensity } from "./checkDensity";

/**
 * The half-peak width of a 1D density: the total length of the set where p(x) >= p_max / 2,
 * each grid point above half the peak standing for its cell (half the gap to each neighbour):
 *
 *   width = sum over i with p_i >= p_max / 2 of (x_{i+1} - x_{i-1}) / 2   (one-sided at the ends).
 *
 * For one Gaussian valley E ~ k x^2 / 2 it is the full width at half maximum,
 * 2 sqrt(2 ln 2 / (beta k)), so it shrinks like 1 / sqrt(beta) as the density collapses onto the
 * minimum; with several valleys it adds their widths. Accurate to about one grid spacing.
 *
 * @throws TypeError when `density` is not a GibbsDensity.
 * @throws RangeError when the density is not 1D.
 * @example
 * const spring = energyFromFunction((x) => x[0] ** 2 / 2); // k = 1
 * const p = gibbsDensity(spring, { beta: 1, axes: [{ min: -5, max: 5, count: 10001 }] });
 * halfPeakWidth(p); // 2 sqrt(2 ln 2) = 2.3548...
 * // => 2.3548 (to about 1e-3)
 */
export function halfPeakWidth(density: GibbsDensity): number {
  const fn = "halfPeakWidth";
  const d = checkDensity(fn, "density", density);
  if (d.points.length !== 1) throw new RangeError(message(fn, "density", "a 1D density", `a ${d.points.length}D density`));
  const xs = d.points[0];
  let peak = 0;
  for (let i = 0; i < xs.length; i++) if (d.density[i] > peak) peak = d.density[i];
  let width = 0;
  for (let i = 0; i < xs.length; i++) {
    if (d.density[i] >= peak / 2) {
      const left = i > 0 ? (xs[i] - xs[i - 1]) / 2 : 0;
      const right = i < xs.length - 1 ? (xs[i + 1] - xs[i]) / 2 : 0;
      width += left + right;
    }
  }
  return width;
}
