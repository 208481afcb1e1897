/**
 * The record of a descent or flow run: the kept points, their energies and times, in step.
 * Shared by gradientDescent and gradientFlow. Internal: not re-exported from the package.
 */
import type { DescentResult, StopReason } from "../types";

/** Keeps path, energies and times together; `finish` makes the common {@link DescentResult}. */
export class PathRecord {
  readonly path: number[][] = [];
  readonly energies: number[] = [];
  readonly times: number[] = [];

  /** Starts the record with the starting point at time 0. */
  constructor(start: ArrayLike<number>, energy: number) {
    this.add(start, energy, 0);
  }

  /** Keeps a point (copied), its energy and its time. */
  add(x: ArrayLike<number>, energy: number, time: number): void {
    this.path.push(Array.from(x));
    this.energies.push(energy);
    this.times.push(time);
  }

  /**
   * The run's result: the last point is kept if it was not already (a run that ends between two
   * `recordEvery` points still shows where it ended).
   */
  finish(x: ArrayLike<number>, energy: number, time: number, iterations: number, reason: StopReason): DescentResult {
    if (this.times[this.times.length - 1] !== time) this.add(x, energy, time);
    return {
      path: this.path,
      energies: this.energies,
      times: this.times,
      iterations,
      converged: reason === "converged",
      reason,
      final: Array.from(x),
      finalEnergy: energy,
    };
  }
}
