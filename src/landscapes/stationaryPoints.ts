/**
 * Locating stationary points (minima, maxima, saddles) of catalogue landscapes at construction.
 *
 * These are internal tools, run once per landscape on its exact gradient:
 * - `criticalPoints1D`: every sign change of E'(x) on a fine grid, bisected to machine precision;
 * - `descendToMinimum`: the library's adaptive descent (dynamics/descendToRest.ts), which only
 *   goes downhill and so ends in a minimum (not a saddle) from a start inside a basin, polished
 *   by Newton steps;
 * - `newtonStationaryPoint`: plain Newton on the gradient, which also converges to saddles.
 * The Hessian (src/linalg.ts) is the central difference of the exact gradient; it only steers
 * Newton's steps, so its O(h^2) error slows the last iterations slightly but does not move the
 * point found.
 */
import { descendToRest } from "../dynamics/descendToRest";
import { hessianFromGradient, isPositiveDefinite, norm, solveLinear, type GradientFunction } from "../linalg";

/** A zero of E' in 1D and whether E has a minimum or a maximum there. */
export interface CriticalPoint1D {
  readonly x: number;
  readonly kind: "minimum" | "maximum";
}

/** Bisects f on [a, b] with f(a), f(b) of opposite signs until the interval cannot shrink. */
function bisect(f: (x: number) => number, a: number, b: number, fa: number, fb: number): number {
  for (let i = 0; i < 2000; i++) {
    const m = a + (b - a) / 2;
    if (m <= a || m >= b) break;
    const fm = f(m);
    if (fm === 0) return m;
    if (fm < 0 === fa < 0) {
      a = m;
      fa = fm;
    } else {
      b = m;
      fb = fm;
    }
  }
  return Math.abs(fa) <= Math.abs(fb) ? a : b;
}

/**
 * The zeros of `derivative` on [lower, upper] where it changes sign, found by sampling
 * `cells + 1` grid points and bisecting each bracket to machine precision. A minimum is a
 * change from - to +, a maximum from + to -. Zeros without a sign change (inflection points,
 * or two zeros closer than a cell) are not reported.
 */
export function criticalPoints1D(derivative: (x: number) => number, lower: number, upper: number, cells: number): CriticalPoint1D[] {
  const found: CriticalPoint1D[] = [];
  let previousX = NaN;
  let previousF = 0;
  for (let i = 0; i <= cells; i++) {
    const x = i === cells ? upper : lower + ((upper - lower) * i) / cells;
    const f = derivative(x);
    if (f === 0 || Number.isNaN(f)) continue;
    if (!Number.isNaN(previousX) && f < 0 !== previousF < 0) {
      found.push({
        x: bisect(derivative, previousX, x, previousF, f),
        kind: previousF < 0 ? "minimum" : "maximum",
      });
    }
    previousX = x;
    previousF = f;
  }
  return found;
}

type Gradient = GradientFunction;

/**
 * Goes downhill from `start` to a local minimum and polishes it: the adaptive descent of
 * {@link descendToRest} (which only goes downhill, so it ends in a minimum, not a saddle, from a
 * start inside a basin), then Newton steps on the gradient while they lower |grad E|. The point
 * is then as exact as the gradient's rounding allows.
 *
 * @returns the minimum and whether its Hessian is positive definite.
 */
export function descendToMinimum(
  value: (x: ArrayLike<number>) => number,
  gradient: Gradient,
  start: ArrayLike<number>,
): { x: number[]; energy: number; isMinimum: boolean } {
  const n = start.length;
  const x = Float64Array.from(start);
  const energy = { value, gradient: (p: ArrayLike<number>, out?: Float64Array) => {
    const g = out ?? new Float64Array(n);
    gradient(p, g);
    return g;
  } };
  descendToRest(energy, x, { eta: "adaptive", maxIterations: 100_000, tolerance: 0, bound: Infinity }, new Float64Array(n));
  const polished = newtonStationaryPoint(gradient, x);
  return { x: polished, energy: value(polished), isMinimum: isPositiveDefinite(hessianFromGradient(gradient, polished, 1e-5)) };
}

/**
 * Newton's method on the gradient from `start`: converges to the nearby stationary point of
 * any kind (minimum, maximum or saddle). Iterates while the gradient norm keeps falling.
 */
export function newtonStationaryPoint(gradient: Gradient, start: ArrayLike<number>): number[] {
  const n = start.length;
  let x = Float64Array.from(start);
  const g = new Float64Array(n);
  gradient(x, g);
  let gNorm = norm(g);
  for (let iteration = 0; iteration < 100 && gNorm > 0; iteration++) {
    const step = solveLinear(hessianFromGradient(gradient, x, 1e-5), g.map((v) => -v));
    if (step === undefined) break;
    const next = x.map((v, i) => v + step[i]);
    const nextG = new Float64Array(n);
    gradient(next, nextG);
    const nextNorm = norm(nextG);
    if (!(nextNorm < gNorm)) break;
    x = next;
    g.set(nextG);
    gNorm = nextNorm;
  }
  return Array.from(x);
}
