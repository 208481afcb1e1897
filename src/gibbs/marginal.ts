/**
 * The marginal of a 2D Gibbs density: p(x) = integral p(x, y) dy, computed in log space.
 */
import type { GibbsDensity } from "../types";
import { checkPositive, isArrayLike, message } from "../validate";
import { checkDensity } from "./checkDensity";
import { logSumExpUnchecked } from "./logsumexp";

/**
 * The 1D marginal of a 2D Gibbs density along one axis: axis 0 keeps x and integrates y out,
 * p(x) = integral p(x, y) dy; axis 1 keeps y, p(y) = integral p(x, y) dx.
 *
 * The integral is the grid sum (rectangle rule, as in {@link gibbsDensity}), taken in log space
 * so that a cold density whose values underflow to 0 still has a finite marginal:
 *   log p(x_i) = logSumExp_j(log p(x_i, y_j)) + log dy,
 * with dy the spacing of the axis integrated out. The result is a GibbsDensity on the kept axis:
 * - `beta` and `logZ` are those of the 2D density (the same Z: integral exp(-beta F(x)) dx = Z);
 * - `energies` hold the free energy F(x) = -(1/beta) log integral exp(-beta E(x, y)) dy, so that
 *   p(x) = exp(-beta F(x)) / Z as for any Gibbs density (F = E for an energy that does not depend
 *   on y, up to the constant -(1/beta) log(y range));
 * - `cellVolume` is the spacing dx of the kept axis, so sum_i p_i dx = sum_ij p_ij dx dy = 1;
 * - `energyName` is that of the 2D density, and there is no `energy` (F is not an Energy).
 * A point where the whole column has p = 0 (log p = -Infinity) gets p = 0 and F = +Infinity.
 * Cost O(grid size); the input is not changed.
 *
 * @throws TypeError when `density` is not a GibbsDensity (or its logDensity is not an array).
 * @throws RangeError when the density is not 2D, `axis` is not 0 or 1, beta is not a positive
 *   finite number, logZ is not finite, or logDensity does not hold one number (not NaN or
 *   +Infinity) per grid point.
 * @example
 * const bowl = energyFromFunction((p) => p[0] ** 2 / 2 + 2 * p[1] ** 2, { dimension: 2 });
 * const axis = { min: -8, max: 8, count: 161 };
 * const joint = gibbsDensity(bowl, { beta: 1, axes: [axis, axis] });
 * const px = gibbsMarginal(joint, 0); // a standard normal in x: p(0) = 1 / sqrt(2 pi)
 * px.density[80];
 * // => 0.3989422804014327 (to about 1e-12)
 */
export function gibbsMarginal(density: GibbsDensity, axis: 0 | 1): GibbsDensity {
  const fn = "gibbsMarginal";
  const d = checkDensity(fn, "density", density);
  if (d.points.length !== 2) {
    throw new RangeError(message(fn, "density", "a 2D density (a marginal keeps one of two axes)", `a ${d.points.length}D density`));
  }
  if (axis !== 0 && axis !== 1) {
    if (typeof axis !== "number") throw new TypeError(message(fn, "axis", "0 (keep x) or 1 (keep y)", axis));
    throw new RangeError(message(fn, "axis", "0 (keep x) or 1 (keep y)", axis));
  }
  const beta = checkPositive(fn, "density.beta", density.beta);
  const logZ = density.logZ;
  if (typeof logZ !== "number" || !Number.isFinite(logZ)) throw new RangeError(message(fn, "density.logZ", "a finite number", logZ));
  const logDensity = density.logDensity as unknown;
  if (!isArrayLike(logDensity)) throw new TypeError(message(fn, "density.logDensity", "an array of numbers", logDensity));
  if (logDensity.length !== d.size) {
    throw new RangeError(message(fn, "density.logDensity", `an array of ${d.size} values (the grid size)`, logDensity));
  }
  const logs = logDensity as ArrayLike<unknown>;
  for (let s = 0; s < d.size; s++) {
    const v = logs[s];
    if (typeof v !== "number" || Number.isNaN(v) || v === Infinity) {
      throw new RangeError(message(fn, `density.logDensity[${s}]`, "a number or -Infinity (log 0)", v));
    }
  }

  const [xs, ys] = d.points;
  const nx = xs.length;
  const kept = axis === 0 ? xs : ys;
  const summed = axis === 0 ? ys : xs;
  const spacing = (a: readonly number[]) => (a[a.length - 1] - a[0]) / (a.length - 1);
  const step = spacing(summed);
  const logStep = Math.log(step);
  const column = new Float64Array(summed.length);
  const outLog = new Float64Array(kept.length);
  const outDensity = new Float64Array(kept.length);
  const freeEnergies = new Float64Array(kept.length);
  for (let k = 0; k < kept.length; k++) {
    for (let j = 0; j < summed.length; j++) column[j] = logs[axis === 0 ? k + nx * j : j + nx * k] as number;
    const value = logSumExpUnchecked(column) + logStep;
    outLog[k] = value;
    outDensity[k] = Math.exp(value);
    freeEnergies[k] = -(value + logZ) / beta;
  }
  return {
    beta,
    energyName: typeof density.energyName === "string" ? density.energyName : "unnamed energy",
    axes: [kept.slice()],
    density: outDensity,
    logDensity: outLog,
    energies: freeEnergies,
    logZ,
    cellVolume: spacing(kept),
  };
}
