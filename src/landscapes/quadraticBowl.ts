import type { Point } from "../types";
import { checkFiniteArray, checkPositive, message, readOptions } from "../validate";
import { makeLandscape, type LandscapeEnergy } from "./makeLandscape";

/** Options of {@link quadraticBowl}. */
export interface QuadraticBowlOptions {
  /** Stiffness: one number for a round bowl, or [kx, ky] for an elongated one. @default 1 */
  k?: number | readonly [number, number];
  /** Where the bottom is. @default [0, 0] */
  center?: readonly [number, number];
}

/**
 * The quadratic bowl in 2D, the simplest landscape with one memory:
 *
 *   E(x, y) = 1/2 (kx (x - cx)^2 + ky (y - cy)^2),
 *   grad E = (kx (x - cx), ky (y - cy)).
 *
 * One minimum at the centre with E = 0. Its Gibbs distribution is a Gaussian with variances
 * 1 / (beta kx) and 1 / (beta ky), a closed form to test samplers against. With kx != ky,
 * gradient descent zig-zags across the narrow direction. The plotting domain is the square
 * centre +- 3 / sqrt(min(kx, ky)) (three standard deviations at beta = 1).
 *
 * @throws TypeError or RangeError when k is not a positive number (or two), or center is not
 *   two finite numbers.
 * @example
 * const bowl = quadraticBowl({ k: [1, 4], center: [1, 0] });
 * bowl.value([2, 1]);              // => 2.5
 * Array.from(bowl.gradient([2, 1])); // => [1, 4]
 */
export function quadraticBowl(options?: QuadraticBowlOptions): LandscapeEnergy {
  const fn = "quadraticBowl";
  const opts = readOptions<Required<QuadraticBowlOptions>>(fn, options, { k: 1, center: [0, 0] });
  const k = opts.k;
  let kx: number;
  let ky: number;
  if (typeof k === "number") {
    kx = ky = checkPositive(fn, "options.k", k);
  } else {
    const pair = checkPair(fn, "options.k", k, "a positive number or two: [kx, ky]");
    kx = checkPositive(fn, "options.k[0]", pair[0]);
    ky = checkPositive(fn, "options.k[1]", pair[1]);
  }
  const center = checkPair(fn, "options.center", opts.center, "two finite numbers [cx, cy]");
  return buildQuadraticBowl({ kx, ky, cx: center[0], cy: center[1] }, fn, "options");
}

/** Two finite numbers, copied; `expected` describes them in the message otherwise. */
function checkPair(fn: string, arg: string, value: unknown, expected: string): Float64Array {
  const pair = checkFiniteArray(fn, arg, value);
  if (pair.length !== 2) throw new RangeError(message(fn, arg, expected, value));
  return pair;
}

function buildQuadraticBowl(w: Readonly<Record<string, number>>, fn: string, prefix: string): LandscapeEnergy {
  const kx = checkPositive(fn, `${prefix}.kx`, w.kx);
  const ky = checkPositive(fn, `${prefix}.ky`, w.ky);
  const cx = w.cx;
  const cy = w.cy;
  const half = 3 / Math.sqrt(Math.min(kx, ky));
  return makeLandscape({
    name: "quadratic bowl",
    variables: ["x", "y"],
    parameters: { kx, ky, cx, cy },
    formula: "0.5 * (kx * (x - cx)^2 + ky * (y - cy)^2)",
    tex: "E(x, y) = \\tfrac{1}{2}\\left(k_x (x - c_x)^{2} + k_y (y - c_y)^{2}\\right)",
    knownMinima: [{ x: [cx, cy], energy: 0, label: "centre" }],
    domain: { lower: [cx - half, cy - half], upper: [cx + half, cy + half] },
    recipe: { module: __filename, export: "quadraticBowl", args: [{ k: [kx, ky], center: [cx, cy] }] },
    value(x: Point): number {
      const dx = x[0] - cx;
      const dy = x[1] - cy;
      return 0.5 * (kx * dx * dx + ky * dy * dy);
    },
    gradient(x: Point, out: Float64Array): void {
      out[0] = kx * (x[0] - cx);
      out[1] = ky * (x[1] - cy);
    },
    rebuild: (p) => buildQuadraticBowl(p, "withParameters", "changes"),
  });
}
