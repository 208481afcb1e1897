/**
 * `checkEnergyAt`: a learner's check of a hand-made energy at one point.
 */
import type { Energy, Point } from "../types";
import { checkPoint, checkPositive, describe, readOptions } from "../validate";
import { differenceGradient } from "../linalg";
import { checkEnergy, checkFiniteAt } from "./checkEnergy";

/** Options of {@link checkEnergyAt}. */
export interface CheckEnergyAtOptions {
  /**
   * The largest accepted gap between the energy's gradient and the central difference of its
   * values, relative to max(1, the largest |component|). @default 1e-6
   */
  tolerance?: number;
  /** The relative step h of the central difference (h_i = step * max(1, |x_i|)). @default 1e-5 */
  step?: number;
}

/** What {@link checkEnergyAt} found at the point. */
export interface EnergyCheck {
  /** E(x). */
  readonly value: number;
  /** The energy's own gradient at x. */
  readonly gradient: number[];
  /** The central differences (E(x + h e_i) - E(x - h e_i)) / 2h. */
  readonly differences: number[];
  /** max_i |gradient_i - differences_i| / max(1, max_i |gradient_i|, max_i |differences_i|). */
  readonly gradientError: number;
}

/**
 * Checks an energy at a point x, as a test of an energy you wrote yourself: E(x) and every
 * component of grad E(x) must be finite numbers, and the gradient must agree with the central
 * difference of the values, dE/dx_i ~ (E(x + h e_i) - E(x - h e_i)) / (2h), to `tolerance`
 * (relative, see {@link EnergyCheck}). A hand-written gradient with a sign or a factor wrong
 * fails here, not a thousand descent steps later. For an energy whose gradient is itself a
 * central difference (`energyFromFunction` without `gradient`) the comparison is trivially met.
 *
 * @returns E(x), the gradient, its central differences and the relative gap between them.
 * @throws TypeError when energy is not an Energy or x is not an array of numbers.
 * @throws RangeError when x has the wrong dimension, E or grad E is not finite at x (the message
 *   names the point and the value), or the gradient differs from the central difference by more
 *   than the tolerance (the message names the component).
 * @example
 * checkEnergyAt(doubleWell(), [0.5]).value; // => 0.5625
 * const wrong = energyFromFunction((x) => x[0] ** 2, { gradient: (x, _w, g) => { g[0] = x[0]; } });
 * checkEnergyAt(wrong, [3]);
 * // throws RangeError("checkEnergyAt: the gradient of energy \"custom energy\" disagrees with the central difference of its values at x = [3]: dE/dx = 3, the difference gives 6 (relative gap 0.5 > tolerance 0.000001)")
 * checkEnergyAt(energyFromFormula("x * log(x)", { variables: ["x"] }), [-1]);
 * // throws RangeError('checkEnergyAt: energy "x * log(x)" has a value that is not finite at the point x = [-1]: E = NaN')
 */
export function checkEnergyAt(energy: Energy, x: Point, options?: CheckEnergyAtOptions): EnergyCheck {
  const fn = "checkEnergyAt";
  const e = checkEnergy(fn, "energy", energy);
  const point = checkPoint(fn, "x", x, e.dimension);
  const opts = readOptions(fn, options, { tolerance: 1e-6, step: 1e-5 });
  const tolerance = checkPositive(fn, "options.tolerance", opts.tolerance);
  const step = checkPositive(fn, "options.step", opts.step);
  const value = checkFiniteAt(fn, e, point, { label: "the point" });
  const n = e.dimension;
  const gradient = Array.from(e.gradient(point, new Float64Array(n)));
  const differences = Array.from(differenceGradient((p) => e.value(p), point, step, new Float64Array(n)));
  let scale = 1;
  for (let i = 0; i < n; i++) scale = Math.max(scale, Math.abs(gradient[i]), Math.abs(differences[i]));
  let gradientError = 0;
  let worst = 0;
  for (let i = 0; i < n; i++) {
    const gap = Math.abs(gradient[i] - differences[i]) / scale;
    if (!(gap <= gradientError)) {
      gradientError = gap;
      worst = i;
    }
  }
  if (!(gradientError <= tolerance)) {
    const variable = e.variables?.[worst] ?? `x${worst + 1}`;
    throw new RangeError(
      `${fn}: the gradient of energy ${describe(e.name)} disagrees with the central difference of its values at ` +
        `x = [${Array.from(point).join(", ")}]: dE/d${variable} = ${describe(gradient[worst])}, the difference gives ` +
        `${describe(round(differences[worst]))} (relative gap ${describe(round(gradientError))} > tolerance ${describe(tolerance)})`,
    );
  }
  return { value, gradient, differences, gradientError };
}

/** Nine significant digits, for a message. */
function round(v: number): number {
  return Number.isFinite(v) ? Number(v.toPrecision(9)) : v;
}
