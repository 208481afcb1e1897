/**
 * Spread of a Gibbs density on a grid: variance (1D) and covariance matrix (any dimension).
 */
import type { GibbsDensity } from "../types";
import { message } from "../validate";
import { checkDensity } from "./checkDensity";
import { meanOf } from "./expectation";
import { gridPoint } from "./grid";

/**
 * The variance of a 1D density: Var x = <(x - <x>)^2> ~ dV sum_i (x_i - m)^2 p_i, with the mean m
 * computed first (two passes, so no cancellation from <x^2> - <x>^2).
 *
 * For E = k x^2 / 2 the Gibbs density is Gaussian with Var x = 1 / (beta k) (equipartition:
 * <k x^2 / 2> = 1 / (2 beta)). For 2D densities use {@link gibbsCovariance}.
 *
 * @throws TypeError when `density` is not a GibbsDensity.
 * @throws RangeError when the density is not 1D.
 * @example
 * const spring = energyFromFunction((x) => 4 * x[0] ** 2 / 2); // k = 4
 * const p = gibbsDensity(spring, { beta: 0.5, axes: [{ min: -10, max: 10, count: 2001 }] });
 * gibbsVariance(p); // 1 / (beta k)
 * // => 0.5 (to about 1e-14)
 */
export function gibbsVariance(density: GibbsDensity): number {
  const fn = "gibbsVariance";
  const d = checkDensity(fn, "density", density);
  if (d.points.length !== 1) {
    throw new RangeError(
      message(fn, "density", "a 1D density (use gibbsCovariance in more dimensions)", `a ${d.points.length}D density`),
    );
  }
  return covarianceOf(d.points, d.density, d.cellVolume)[0][0];
}

/**
 * The covariance matrix of a density: C_kl = <(x_k - <x_k>)(x_l - <x_l>)>, by the grid sum.
 *
 * @throws TypeError when `density` is not a GibbsDensity.
 * @example
 * const bowl = energyFromFunction((x) => (x[0] ** 2 + 4 * x[1] ** 2) / 2, { dimension: 2 });
 * const axis = { min: -8, max: 8, count: 321 };
 * const p = gibbsDensity(bowl, { beta: 1, axes: [axis, axis] });
 * const c = gibbsCovariance(p); // diag(1/1, 1/4): the off-diagonal entries are 0 to rounding
 * [c[0][0], c[1][1]].map((v) => Math.round(v * 1e6) / 1e6);
 * // => [1, 0.25]
 */
export function gibbsCovariance(density: GibbsDensity): number[][] {
  const d = checkDensity("gibbsCovariance", "density", density);
  return covarianceOf(d.points, d.density, d.cellVolume);
}

/** The covariance matrix, without validation. */
function covarianceOf(points: readonly (readonly number[])[], density: ArrayLike<number>, cellVolume: number): number[][] {
  const n = points.length;
  const mean = meanOf(points, density, cellVolume);
  const point = new Float64Array(n);
  const sums = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let s = 0; s < density.length; s++) {
    const p = density[s];
    if (p === 0) continue;
    gridPoint(points, s, point);
    for (let k = 0; k < n; k++) {
      const dk = point[k] - mean[k];
      for (let l = k; l < n; l++) sums[k][l] += dk * (point[l] - mean[l]) * p;
    }
  }
  for (let k = 0; k < n; k++) {
    for (let l = k; l < n; l++) {
      sums[k][l] *= cellVolume;
      sums[l][k] = sums[k][l];
    }
  }
  return sums;
}
