/**
 * Is a point a local minimum? The test behind {@link findMinima} and {@link basinMap}: a descent
 * that stops where the gradient vanishes may have stopped on a maximum or a saddle.
 */
import type { Energy, Point } from "../types";
import { checkPoint, checkPositive, readOptions } from "../validate";
import { checkEnergy } from "../energy/checkEnergy";
import { hessianFromGradient, isPositiveDefinite, norm } from "../linalg";

/** Options of {@link isLocalMinimum}. */
export interface LocalMinimumOptions {
  /** The largest |grad E| a minimum may have. @default 1e-6 */
  gradientTolerance?: number;
  /** Probe distance, relative: probes sit at radius * max(1, max_i |x_i|) from x. @default 1e-3 */
  radius?: number;
}

/**
 * True when x passes three checks of a local minimum of E:
 * 1. the gradient (nearly) vanishes: |grad E(x)| <= gradientTolerance;
 * 2. no small move lowers the energy: E(x + r v) >= E(x) - |grad E(x)| r for v = +-e_i and, up to
 *    dimension 10, v = +-(e_i +- e_j)/sqrt(2) (the allowance |grad E| r forgives the first-order
 *    slope left at an approximate minimum; a saddle or maximum drops by about |lambda| r^2 / 2);
 * 3. the Hessian, by central differences of the gradient, is positive semidefinite up to a
 *    tolerance (a Cholesky factorisation of H + 1e-6 max(1, max_i |H_ii|) I succeeds).
 *
 * Check 2 catches flat non-minima that the Hessian misses (x^3 at 0); check 3 catches saddles
 * whose downhill direction lies between the probes. Cost: 2n gradient and about 2n^2 energy
 * evaluations.
 *
 * @throws TypeError when `energy` is not an Energy or `x` is not an array of numbers.
 * @throws RangeError when `x` has the wrong dimension or an option is not a positive finite number.
 * @example
 * const well = energyFromFunction((x) => (x[0] ** 2 - 1) ** 2, {
 *   gradient: (x, _w, g) => { g[0] = 4 * x[0] * (x[0] ** 2 - 1); },
 * });
 * [isLocalMinimum(well, [1]), isLocalMinimum(well, [0])]; // a minimum; the maximum between the wells
 * // => [true, false]
 */
export function isLocalMinimum(energy: Energy, x: Point, options?: LocalMinimumOptions): boolean {
  const fn = "isLocalMinimum";
  const e = checkEnergy(fn, "energy", energy);
  const point = checkPoint(fn, "x", x, e.dimension);
  const opts = readOptions(fn, options, { gradientTolerance: 1e-6, radius: 1e-3 });
  const gradientTolerance = checkPositive(fn, "options.gradientTolerance", opts.gradientTolerance);
  const radius = checkPositive(fn, "options.radius", opts.radius);
  return passesMinimumTest(e, point, gradientTolerance, radius);
}

/** The test of {@link isLocalMinimum} without validation. `x` is not modified. */
export function passesMinimumTest(energy: Energy, x: Float64Array, gradientTolerance: number, radius: number): boolean {
  const n = x.length;
  const gradientNorm = norm(energy.gradient(x, new Float64Array(n)));
  if (!(gradientNorm <= gradientTolerance)) return false;
  const e0 = energy.value(x);
  if (!Number.isFinite(e0)) return false;

  // 2. Probes: no small move may lower E by more than the first-order allowance.
  let largest = 1;
  for (let i = 0; i < n; i++) largest = Math.max(largest, Math.abs(x[i]));
  const r = radius * largest;
  const floor = e0 - gradientNorm * r - 1e-14 * Math.max(1, Math.abs(e0));
  const probe = Float64Array.from(x);
  const lowered = (): boolean => energy.value(probe) < floor;
  for (let i = 0; i < n; i++) {
    for (const s of [r, -r]) {
      probe[i] = x[i] + s;
      const down = lowered();
      probe[i] = x[i];
      if (down) return false;
    }
  }
  if (n <= 10) {
    const d = r / Math.SQRT2;
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        for (const [si, sj] of [[d, d], [d, -d], [-d, d], [-d, -d]]) {
          probe[i] = x[i] + si;
          probe[j] = x[j] + sj;
          const down = lowered();
          probe[i] = x[i];
          probe[j] = x[j];
          if (down) return false;
        }
      }
    }
  }

  // 3. Hessian by central differences of the gradient, symmetrised, then Cholesky.
  const hessian = hessianFromGradient((p, out) => energy.gradient(p, out), x, 1e-4);
  let diagonal = 1;
  for (let i = 0; i < n; i++) diagonal = Math.max(diagonal, Math.abs(hessian[i][i]));
  return isPositiveDefinite(hessian, 1e-6 * diagonal);
}
