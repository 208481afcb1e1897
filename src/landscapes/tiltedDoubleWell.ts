import type { KnownMinimum, Point } from "../types";
import { checkFinite, readOptions } from "../validate";
import { makeLandscape, type LandscapeEnergy } from "./makeLandscape";

/** Options of {@link tiltedDoubleWell}. */
export interface TiltedDoubleWellOptions {
  /** The slope added to the double well: positive tilts lower the left well. @default 0.3 */
  tilt?: number;
}

/** Beyond |tilt| = 8 / sqrt(27) the higher well disappears (the cubic has one real root). */
export const CRITICAL_TILT = 8 / Math.sqrt(27);

/**
 * The real roots of x^3 - x + q = 0, ascending, by the trigonometric (three roots) or
 * hyperbolic (one root) formula for a depressed cubic, each polished by one Newton step.
 */
export function depressedCubicRoots(q: number): number[] {
  const scale = 2 / Math.sqrt(3);
  let roots: number[];
  if (27 * q * q < 4) {
    // x_k = (2/sqrt 3) cos(theta - 2 pi k / 3), theta = acos(-(3 sqrt 3 / 2) q) / 3.
    const theta = Math.acos((-3 * Math.sqrt(3) * q) / 2) / 3;
    roots = [0, 1, 2].map((k) => scale * Math.cos(theta - (2 * Math.PI * k) / 3));
  } else {
    // x = -sign(q) (2/sqrt 3) cosh(acosh((3 sqrt 3 / 2) |q|) / 3).
    roots = [-Math.sign(q) * scale * Math.cosh(Math.acosh((3 * Math.sqrt(3) * Math.abs(q)) / 2) / 3)];
  }
  return roots
    .map((x) => {
      const slope = 3 * x * x - 1;
      return slope === 0 ? x : x - (x * x * x - x + q) / slope;
    })
    .sort((a, b) => a - b);
}

/**
 * The double well with a tilt: one memory is deeper than the other.
 *
 *   E(x) = (x^2 - 1)^2 + tilt * x,   E'(x) = 4x^3 - 4x + tilt.
 *
 * The stationary points are the real roots of 4x^3 - 4x + tilt = 0, computed in closed form
 * (trigonometric formula for the cubic): for |tilt| < 8/sqrt(27) ~ 1.54 there are two minima
 * (the outer roots) and a barrier between them (the middle root); beyond, one minimum.
 * Plotting domain [-2, 2].
 *
 * @throws TypeError when tilt is not a number; RangeError when it is not finite.
 * @example
 * const tilted = tiltedDoubleWell({ tilt: 0.5 });
 * tilted.value([1]);                              // => 0.5
 * tilted.knownMinima.map((m) => m.label);         // => ["left well", "right well"]
 * tilted.knownMinima[0].energy < tilted.knownMinima[1].energy; // => true
 */
export function tiltedDoubleWell(options?: TiltedDoubleWellOptions): LandscapeEnergy {
  const fn = "tiltedDoubleWell";
  const opts = readOptions(fn, options, { tilt: 0.3 });
  return buildTiltedDoubleWell(opts.tilt, fn, "options.tilt");
}

function buildTiltedDoubleWell(tiltValue: unknown, fn: string, arg: string): LandscapeEnergy {
  const tilt = checkFinite(fn, arg, tiltValue);
  const value = (x: Point): number => {
    const x0 = x[0];
    const t = x0 * x0 - 1;
    return t * t + tilt * x0;
  };
  const roots = depressedCubicRoots(tilt / 4);
  const minima = roots.length === 3 ? [roots[0], roots[2]] : roots;
  const labels = roots.length === 3 ? ["left well", "right well"] : ["well"];
  const knownMinima: KnownMinimum[] = minima.map((x, i) => ({ x: [x], energy: value([x]), label: labels[i] }));
  return makeLandscape({
    name: "tilted double well",
    variables: ["x"],
    parameters: { tilt },
    formula: "(x^2 - 1)^2 + tilt * x",
    tex: "E(x) = \\left(x^{2} - 1\\right)^{2} + \\mathrm{tilt}\\, x",
    knownMinima,
    domain: { lower: [-2], upper: [2] },
    recipe: { module: __filename, export: "tiltedDoubleWell", args: [{ tilt }] },
    value,
    gradient(x: Point, out: Float64Array): void {
      const x0 = x[0];
      out[0] = 4 * x0 * (x0 * x0 - 1) + tilt;
    },
    rebuild: (p) => buildTiltedDoubleWell(p.tilt, "withParameters", "changes.tilt"),
  });
}
