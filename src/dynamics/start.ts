/**
 * The door check of a run that starts from a point: "can a descent start here?". Internal to
 * the dynamics: not re-exported from the package.
 */
import { checkFiniteAt } from "../energy/checkEnergy";
import type { Energy } from "../types";
import { checkPoint } from "../validate";

/** A checked starting point, with E and grad E already evaluated there. */
export interface CheckedStart {
  /** A fresh copy of the point (the caller's array is never touched). */
  readonly x: Float64Array;
  /** E(x). */
  readonly value: number;
  /** grad E(x), a fresh array. */
  readonly gradient: Float64Array;
}

/**
 * Checks a starting point: the energy's dimension and finite coordinates ({@link checkPoint}),
 * then a finite E and grad E there ({@link checkFiniteAt}): a run from a point where either is
 * NaN or infinite would only spread NaN.
 *
 * @param arg The argument's name, for a point of the wrong kind or dimension: "start".
 * @param label How the point is called when E or grad E is not finite there.
 * @throws TypeError or RangeError from checkPoint; RangeError from checkFiniteAt.
 */
export function checkStart(fn: string, arg: string, energy: Energy, start: unknown, label = "the starting point"): CheckedStart {
  const x = checkPoint(fn, arg, start, energy.dimension);
  const value = checkFiniteAt(fn, energy, x, { label });
  const gradient = Float64Array.from(energy.gradient(x, new Float64Array(energy.dimension)));
  return { x, value, gradient };
}
