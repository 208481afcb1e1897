/**
 * Door checks shared by the dynamics and Gibbs functions: "is this an Energy?" and "can a run
 * start here?". Internal: not re-exported from the package.
 */
import type { Energy } from "../types";
import { checkPoint, describe, message } from "../validate";

/** Checks that `energy` looks like an {@link Energy}: value and gradient functions, a dimension. */
export function checkEnergy(fn: string, arg: string, energy: unknown): Energy {
  const e = energy as Energy;
  if (energy === null || typeof energy !== "object" || typeof e.value !== "function" || typeof e.gradient !== "function") {
    throw new TypeError(message(fn, arg, "an Energy (an object with value and gradient functions)", energy));
  }
  if (!(Number.isInteger(e.dimension) && e.dimension >= 1)) {
    throw new TypeError(message(fn, `${arg}.dimension`, "a positive integer", e.dimension));
  }
  return e;
}

/** A checked starting point, with E and grad E already evaluated there. */
export interface CheckedStart {
  /** A fresh copy of the point (the caller's array is never touched). */
  readonly x: Float64Array;
  /** E(x). */
  readonly value: number;
  /** grad E(x), a fresh array. */
  readonly gradient: Float64Array;
}

/** Euclidean norm |v| = sqrt(sum v_i^2). */
export function norm(v: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += v[i] * v[i];
  return Math.sqrt(s);
}

/** True when every entry is a finite number. */
export function allFinite(v: ArrayLike<number>): boolean {
  for (let i = 0; i < v.length; i++) if (!Number.isFinite(v[i])) return false;
  return true;
}

/**
 * Checks a starting point: the right dimension, finite coordinates, and finite E and grad E
 * there (a run from a point where the energy is NaN or infinite would only spread NaN).
 */
export function checkStart(fn: string, arg: string, energy: Energy, start: unknown): CheckedStart {
  const x = checkPoint(fn, arg, start, energy.dimension);
  const value = energy.value(x);
  const gradient = Float64Array.from(energy.gradient(x, new Float64Array(energy.dimension)));
  if (!Number.isFinite(value) || gradient.length !== energy.dimension || !allFinite(gradient)) {
    throw new RangeError(
      message(fn, arg, "a point where the energy and its gradient are finite", start) +
        ` (E = ${describe(value)}, grad E = ${describe(Array.from(gradient))})`,
    );
  }
  return { x, value, gradient };
}
