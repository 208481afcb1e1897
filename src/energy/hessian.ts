/**
 * The Hessian of an energy: its curvature at a point.
 */
import type { Energy, Point } from "../types";
import { checkPoint, describe, message, readOptions } from "../validate";
import { hessianFromGradient } from "../linalg";
import { checkEnergy, checkFiniteAt } from "./checkEnergy";

/** Options of {@link hessian}. */
export interface HessianOptions {
  /**
   * The relative step h of the differences (h_i = step * max(1, |x_i|)).
   * @default 1e-5 when the energy has an exact or symbolic gradient, 1e-4 otherwise
   */
  step?: number;
}

/**
 * The Hessian matrix of E at x, H_ij = d^2 E / dx_i dx_j: the curvature that decides whether a
 * critical point is a minimum (H positive definite), how fast descent converges near it (a step
 * eta is stable when eta < 2 / lambda_max(H)), and how much Gibbs mass its valley holds at low
 * temperature (Laplace: proportional to det(H)^(-1/2)).
 *
 * When the energy has an exact or symbolic gradient, each column is a central difference of
 * the gradient, H e_j ~ (grad E(x + h_j e_j) - grad E(x - h_j e_j)) / (2 h_j), accurate to O(h^2)
 * (about 1e-9 relative at the default step). When its gradient is itself a central difference
 * (`energyFromFunction` without one), second differences of the values are used instead,
 * H_ii ~ (E(x + h e_i) - 2 E(x) + E(x - h e_i)) / h^2 and the four-point formula for H_ij, which
 * avoids nesting one difference in another (about 1e-7 relative at the default step). Either
 * way the result is symmetrised, H <- (H + H^T) / 2.
 *
 * @param energy Any Energy.
 * @param x The point, of the energy's dimension.
 * @returns The n x n matrix as rows of numbers.
 * @throws TypeError when energy is not an Energy or an option has the wrong kind.
 * @throws RangeError when x has the wrong dimension or a non-finite coordinate, E or its
 *   gradient is not finite at x, options.step is not in (0, 0.1], or an entry of the Hessian
 *   comes out non-finite (the message names it).
 * @example
 * hessian(doubleWell(), [1]);   // E = (x^2 - 1)^2: E'' = 12 x^2 - 4 = 8 at x = 1
 * // => [[8]] (to about 1e-8)
 * const saddle = energyFromFormula("x^2 - y^2 + x*y", { variables: ["x", "y"] });
 * hessian(saddle, [0.3, -2]);
 * // => [[2, 1], [1, -2]] (to about 1e-8)
 */
export function hessian(energy: Energy, x: Point | readonly number[], options?: HessianOptions): number[][] {
  const fn = "hessian";
  checkEnergy(fn, "energy", energy);
  const point = checkPoint(fn, "x", x, energy.dimension);
  const opts = readOptions<HessianOptions>(fn, options, { step: undefined });
  const fromValues = energy.gradientKind === "central-difference";
  const step = opts.step ?? (fromValues ? 1e-4 : 1e-5);
  if (typeof step !== "number") throw new TypeError(message(fn, "options.step", "a number in (0, 0.1]", step));
  if (!(step > 0 && step <= 0.1)) throw new RangeError(message(fn, "options.step", "a number in (0, 0.1]", step));
  const centre = checkFiniteAt(fn, energy, point, { label: "the point" }); // E(x)

  const n = energy.dimension;
  const h = Array.from(point, (xi) => step * Math.max(1, Math.abs(xi)));
  const H = fromValues ? secondDifferences(energy, point, centre, h) : hessianFromGradient((p, out) => energy.gradient(p, out), point, step);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      if (!Number.isFinite(H[i][j])) {
        throw new RangeError(
          `${fn}: the Hessian of energy ${describe(energy.name)} is not finite at x = [${Array.from(point).join(", ")}]: ` +
            `H[${i}][${j}] = ${describe(H[i][j])} (is E smooth there?)`,
        );
      }
    }
  }
  return H;
}

/** Second differences of the values (centre = E(x)): the three-point rule on the diagonal, four points off it. */
function secondDifferences(energy: Energy, x: Float64Array, centre: number, h: readonly number[]): number[][] {
  const n = x.length;
  const H = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  const p = Float64Array.from(x);
  const at = (i: number, di: number, j: number, dj: number): number => {
    p[i] += di;
    p[j] += dj;
    const v = energy.value(p);
    p[i] = x[i];
    p[j] = x[j];
    return v;
  };
  for (let i = 0; i < n; i++) {
    H[i][i] = (at(i, h[i], i, 0) - 2 * centre + at(i, -h[i], i, 0)) / (h[i] * h[i]);
    for (let j = i + 1; j < n; j++) {
      const mixed = at(i, h[i], j, h[j]) - at(i, h[i], j, -h[j]) - at(i, -h[i], j, h[j]) + at(i, -h[i], j, -h[j]);
      H[i][j] = H[j][i] = mixed / (4 * h[i] * h[j]);
    }
  }
  return H;
}
