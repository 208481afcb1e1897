import type { Point } from "../types";
import { checkPositive, readOptions } from "../validate";
import { makeLandscape, type LandscapeEnergy } from "./makeLandscape";

/** Options of {@link doubleWell}. */
export interface DoubleWellOptions {
  /** The height of the barrier at x = 0 above the two minima. @default 1 */
  barrier?: number;
  /** Where the minima are: x = -position and x = +position. @default 1 */
  position?: number;
}

/**
 * The symmetric double well, two equal memories separated by a barrier:
 *
 *   E(x) = barrier * ((x / position)^2 - 1)^2,
 *   E'(x) = 4 * barrier * ((x / position)^2 - 1) * x / position^2.
 *
 * Minima at x = -position and x = +position with E = 0; a maximum at x = 0 with E = barrier.
 * With the defaults this is (x^2 - 1)^2. The plotting domain is [-2 position, 2 position].
 *
 * @throws TypeError when an option is not a number; RangeError when it is not positive and
 *   finite, or is not an option of doubleWell.
 * @example
 * const well = doubleWell({ barrier: 2 });
 * well.value([0]);                 // => 2
 * well.knownMinima.map((m) => m.x[0]); // => [-1, 1]
 * well.gradient([0.5])[0];         // => -3
 */
export function doubleWell(options?: DoubleWellOptions): LandscapeEnergy {
  const fn = "doubleWell";
  const opts = readOptions(fn, options, { barrier: 1, position: 1 });
  return buildDoubleWell(opts, fn, "options");
}

function buildDoubleWell(w: Readonly<Record<string, number>>, fn: string, prefix: string): LandscapeEnergy {
  const barrier = checkPositive(fn, `${prefix}.barrier`, w.barrier);
  const position = checkPositive(fn, `${prefix}.position`, w.position);
  const inverse = 1 / position;
  const slope = (4 * barrier) / (position * position);
  return makeLandscape({
    name: "double well",
    variables: ["x"],
    parameters: { barrier, position },
    formula: "barrier * ((x / position)^2 - 1)^2",
    tex: "E(x) = \\mathrm{barrier}\\left(\\left(\\frac{x}{\\mathrm{position}}\\right)^{2} - 1\\right)^{2}",
    knownMinima: [
      { x: [-position], energy: 0, label: "left well" },
      { x: [position], energy: 0, label: "right well" },
    ],
    domain: { lower: [-2 * position], upper: [2 * position] },
    recipe: { module: __filename, export: "doubleWell", args: [{ barrier, position }] },
    value(x: Point): number {
      const u = x[0] * inverse;
      const t = u * u - 1;
      return barrier * t * t;
    },
    gradient(x: Point, out: Float64Array): void {
      const x0 = x[0];
      const u = x0 * inverse;
      out[0] = slope * (u * u - 1) * x0;
    },
    rebuild: (p) => buildDoubleWell(p, "withParameters", "changes"),
  });
}
