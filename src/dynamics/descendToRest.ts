/**
 * The one descent to a minimum inside the library: the inner loop of {@link findMinima} and
 * {@link basinMap}, and the first stage of locating a catalogue landscape's minima. It keeps no
 * path, only where it comes to rest. Internal: no validation.
 */
import type { Energy } from "../types";
import { norm } from "../linalg";

/** How a descent to rest ended. */
export type RestStatus = "converged" | "max-iterations" | "diverged";

/** Where and how a descent came to rest. */
export interface RestOutcome {
  status: RestStatus;
  /** Steps taken. */
  iterations: number;
  /** |grad E| at the point where it stopped. */
  gradientNorm: number;
  /**
   * True when the adaptive step could no longer lower E or |grad E| (the point is then a
   * minimum to the precision of the energy's rounding, even if |grad E| > tolerance).
   */
  stalled: boolean;
}

/** What a descent to rest needs of an energy. */
export type Descendable = Pick<Energy, "value" | "gradient">;

/** The settings of one descent. */
export interface RestSettings {
  /** A fixed step eta, or "adaptive" (see {@link descendToRest}). */
  readonly eta: number | "adaptive";
  readonly maxIterations: number;
  /** Converged when |grad E| <= tolerance. */
  readonly tolerance: number;
  /** Diverged when a coordinate leaves [-bound, bound]. */
  readonly bound: number;
  /** Adaptive step only: no step moves x by more than this. @default Infinity */
  readonly maxMove?: number;
}

/** Halvings of the adaptive step before the descent counts as stalled. */
const MAX_HALVINGS = 60;

/**
 * Steepest descent x <- x - eta_t grad E(x) until |grad E| <= tolerance ("converged"),
 * maxIterations steps ("max-iterations"), or a coordinate leaves [-bound, bound] or turns
 * non-finite ("diverged"). Moves `x` in place; `gradientBuffer` (length n) is scratch.
 *
 * With a fixed `eta` every step is eta grad E (plain gradient descent: too large a step for the
 * curvature diverges). With `eta: "adaptive"` each step is halved until it lowers E by at least
 * half the first-order prediction (Armijo), t |grad E|^2 / 2, or, once that prediction is below
 * the rounding floor of E (1e-14 max(1, |E|)), until it does not raise E beyond the floor and
 * lowers |grad E|; after an accepted step the
 * next trial step is doubled. So the descent never diverges on a smooth energy, and it fits its
 * step to the curvature of each landscape. When no step helps, the point is a minimum to
 * rounding precision: "converged" with `stalled: true`.
 */
export function descendToRest(energy: Descendable, x: Float64Array, settings: RestSettings, gradientBuffer: Float64Array): RestOutcome {
  return settings.eta === "adaptive"
    ? adaptiveDescent(energy, x, settings, gradientBuffer)
    : fixedDescent(energy, x, settings.eta, settings, gradientBuffer);
}

function fixedDescent(energy: Descendable, x: Float64Array, eta: number, s: RestSettings, gradientBuffer: Float64Array): RestOutcome {
  const n = x.length;
  let t = 0;
  for (;;) {
    const g = energy.gradient(x, gradientBuffer);
    const gradientNorm = norm(g);
    if (!Number.isFinite(gradientNorm)) return { status: "diverged", iterations: t, gradientNorm, stalled: false };
    if (gradientNorm <= s.tolerance) return { status: "converged", iterations: t, gradientNorm, stalled: false };
    if (t >= s.maxIterations) return { status: "max-iterations", iterations: t, gradientNorm, stalled: false };
    let outside = false;
    for (let i = 0; i < n; i++) {
      const xi = x[i] - eta * g[i];
      x[i] = xi;
      if (!(Math.abs(xi) <= s.bound)) outside = true;
    }
    t++;
    if (outside) return { status: "diverged", iterations: t, gradientNorm: NaN, stalled: false };
  }
}

function adaptiveDescent(energy: Descendable, x: Float64Array, s: RestSettings, gradientBuffer: Float64Array): RestOutcome {
  const n = x.length;
  const maxMove = s.maxMove ?? Infinity;
  const g = Float64Array.from(energy.gradient(x, gradientBuffer));
  let gradientNorm = norm(g);
  let value = energy.value(x);
  if (!Number.isFinite(gradientNorm) || !Number.isFinite(value)) return { status: "diverged", iterations: 0, gradientNorm, stalled: false };
  const trial = new Float64Array(n);
  let step = 1 / Math.max(1, gradientNorm);
  let t = 0;
  for (;;) {
    if (gradientNorm <= s.tolerance) return { status: "converged", iterations: t, gradientNorm, stalled: false };
    if (t >= s.maxIterations) return { status: "max-iterations", iterations: t, gradientNorm, stalled: false };
    if (step * gradientNorm > maxMove) step = maxMove / gradientNorm;
    const floor = 1e-14 * Math.max(1, Math.abs(value));
    let accepted = false;
    for (let halvings = 0; halvings < MAX_HALVINGS; halvings++, step /= 2) {
      for (let i = 0; i < n; i++) trial[i] = x[i] - step * g[i];
      const trialValue = energy.value(trial);
      if (!(trialValue <= value + floor)) continue; // also refuses NaN
      // Below the rounding floor of E a fall in E means nothing: then only a fall in |grad E| counts.
      const predicted = 0.5 * step * gradientNorm * gradientNorm;
      const atFloor = predicted <= floor;
      if (!atFloor && !(trialValue <= value - predicted)) continue;
      const trialGradient = energy.gradient(trial, gradientBuffer);
      const trialNorm = norm(trialGradient);
      if (!Number.isFinite(trialNorm)) continue;
      if (!atFloor || trialNorm < gradientNorm) {
        x.set(trial);
        g.set(trialGradient);
        value = trialValue;
        gradientNorm = trialNorm;
        accepted = true;
        break;
      }
    }
    if (!accepted) return { status: "converged", iterations: t, gradientNorm, stalled: true };
    t++;
    for (let i = 0; i < n; i++) {
      if (!(Math.abs(x[i]) <= s.bound)) return { status: "diverged", iterations: t, gradientNorm, stalled: false };
    }
    step *= 2;
  }
}
