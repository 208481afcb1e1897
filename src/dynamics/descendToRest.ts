/**
 * The inner loop of {@link findMinima} and {@link basinMap}: plain gradient descent that keeps no
 * path and evaluates no energy, only where it comes to rest. Internal: no validation.
 */
import type { Energy } from "../types";
import { norm } from "./vectors";

/** How a descent to rest ended. */
export type RestStatus = "converged" | "max-iterations" | "diverged";

/** Where and how a descent came to rest. */
export interface RestOutcome {
  status: RestStatus;
  /** Steps taken. */
  iterations: number;
  /** |grad E| at the point where it stopped. */
  gradientNorm: number;
}

/**
 * x <- x - eta grad E(x) until |grad E| <= tolerance ("converged"), maxIterations steps
 * ("max-iterations"), or a coordinate leaves [-bound, bound] or turns non-finite ("diverged").
 * Moves `x` in place; `gradientBuffer` (length n) is scratch.
 */
export function descendToRest(
  energy: Energy,
  x: Float64Array,
  eta: number,
  maxIterations: number,
  tolerance: number,
  bound: number,
  gradientBuffer: Float64Array,
): RestOutcome {
  const n = x.length;
  let t = 0;
  for (;;) {
    const g = energy.gradient(x, gradientBuffer);
    const gradientNorm = norm(g);
    if (!Number.isFinite(gradientNorm)) return { status: "diverged", iterations: t, gradientNorm };
    if (gradientNorm <= tolerance) return { status: "converged", iterations: t, gradientNorm };
    if (t >= maxIterations) return { status: "max-iterations", iterations: t, gradientNorm };
    let outside = false;
    for (let i = 0; i < n; i++) {
      const xi = x[i] - eta * g[i];
      x[i] = xi;
      if (!(Math.abs(xi) <= bound)) outside = true;
    }
    t++;
    if (outside) return { status: "diverged", iterations: t, gradientNorm: NaN };
  }
}
