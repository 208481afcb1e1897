/**
 * The record of a descent or flow run: the kept points, their energies and times, in step, and
 * where the energy rose. Shared by gradientDescent and gradientFlow, with the one rule of what
 * counts as a rise ({@link energyRises}).
 */
import type { DescentResult, StopReason } from "../types";
import { checkNonNegative, isArrayLike, message, readOptions } from "../validate";

/** The default rise tolerance: relative, so rounding noise near a minimum is not a rise. */
export const RISE_TOLERANCE = 1e-12;

/** The one rule: E rose from `before` to `after` when after - before > tolerance * max(1, |before|). */
export function rose(before: number, after: number, tolerance: number): boolean {
  return after - before > tolerance * Math.max(1, Math.abs(before));
}

/** Options of {@link energyRises}. */
export interface EnergyRisesOptions {
  /** Relative tolerance: a rise counts when E_i - E_{i-1} > tolerance * max(1, |E_{i-1}|). @default 1e-12 */
  tolerance?: number;
}

/**
 * The indices i where a recorded sequence of energies rose from the entry before:
 * E_i - E_{i-1} > tolerance * max(1, |E_{i-1}|). The descents compute this once, step by step
 * with their own tolerance, and carry it as `energyRises`; use this for any other sequence (a
 * Hopfield recall, a sampler's energies). Non-finite entries never count as rises.
 *
 * @throws TypeError when `energies` is not an array of numbers or an option has the wrong kind.
 * @throws RangeError when tolerance is negative or not finite, or an option name is unknown.
 * @example
 * energyRises([3, 2, 2.5, 1, 1.2]);
 * // => [2, 4]
 * energyRises([1, 1.1, 1.15], { tolerance: 0.07 }); // rises of at least 7% only
 * // => [1]
 */
export function energyRises(energies: ArrayLike<number>, options?: EnergyRisesOptions): number[] {
  const fn = "energyRises";
  if (!isArrayLike(energies)) throw new TypeError(message(fn, "energies", "an array of numbers", energies));
  const opts = readOptions(fn, options, { tolerance: RISE_TOLERANCE });
  const tolerance = checkNonNegative(fn, "options.tolerance", opts.tolerance);
  const out: number[] = [];
  for (let i = 1; i < energies.length; i++) {
    const before = energies[i - 1];
    const after = energies[i];
    if (typeof after !== "number" || typeof before !== "number") {
      throw new TypeError(message(fn, `energies[${typeof after !== "number" ? i : i - 1}]`, "a number", typeof after !== "number" ? after : before));
    }
    if (Number.isFinite(before) && Number.isFinite(after) && rose(before, after, tolerance)) out.push(i);
  }
  return out;
}

/**
 * Keeps path, energies and times together, and the indices of the kept points where E rose;
 * `finish` makes the common {@link DescentResult}. Internal: not re-exported from the package.
 */
export class PathRecord {
  readonly path: number[][] = [];
  readonly energies: number[] = [];
  readonly times: number[] = [];
  readonly rises: number[] = [];

  /** Starts the record with the starting point at time 0; `energyName` goes into the result. */
  constructor(start: ArrayLike<number>, energy: number, private readonly energyName?: string) {
    this.add(start, energy, 0);
  }

  /** Keeps a point (copied), its energy and its time; a point at the time last kept is not kept twice. */
  add(x: ArrayLike<number>, energy: number, time: number): void {
    if (this.times.length > 0 && this.times[this.times.length - 1] === time) return;
    this.path.push(Array.from(x));
    this.energies.push(energy);
    this.times.push(time);
  }

  /**
   * Applies the rise rule to one step from energy `before` to the point (x, after) at `time`.
   * A rise is kept in the path at once (whatever the record interval) and its index noted.
   * Returns whether E rose.
   */
  step(x: ArrayLike<number>, before: number, after: number, time: number, tolerance: number): boolean {
    if (!rose(before, after, tolerance)) return false;
    this.add(x, after, time);
    this.rises.push(this.path.length - 1);
    return true;
  }

  /**
   * The run's result: the last point is kept if it was not already (a run that ends between two
   * `recordEvery` points still shows where it ended).
   */
  finish(x: ArrayLike<number>, energy: number, time: number, iterations: number, reason: StopReason): DescentResult {
    this.add(x, energy, time);
    return {
      path: this.path,
      energies: this.energies,
      times: this.times,
      iterations,
      converged: reason === "converged",
      reason,
      final: Array.from(x),
      finalEnergy: energy,
      energyRises: this.rises,
      ...(this.energyName !== undefined ? { energyName: this.energyName } : {}),
    };
  }
}
