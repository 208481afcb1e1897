/**
 * When do two end points of descent stand for the same minimum? Internal, shared by
 * {@link findMinima} and {@link basinMap}.
 */
import type { Energy } from "../types";

/** Samples along the segment in the barrier test. */
const SEGMENT_SAMPLES = 32;

/**
 * True when a and b (both verified local minima, energies ea and eb) are the same minimum:
 * - they are within `mergeDistance` of each other, or
 * - they are within `barrierReach` and the straight segment between them never climbs above
 *   max(ea, eb) (sampled at 31 interior points). Two distinct strict minima always have a barrier
 *   on the segment joining them (E restricted to it has a local minimum at each end), while two
 *   approximations of one flat minimum (x^4 stops far from 0 at a small tolerance) do not.
 * `scratch` has length n.
 */
export function sameMinimum(
  energy: Energy,
  a: ArrayLike<number>,
  ea: number,
  b: ArrayLike<number>,
  eb: number,
  mergeDistance: number,
  barrierReach: number,
  scratch: Float64Array,
): boolean {
  const n = scratch.length;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += (a[i] - b[i]) ** 2;
  const distance = Math.sqrt(sum);
  if (distance <= mergeDistance) return true;
  if (distance > barrierReach) return false;
  const top = Math.max(ea, eb);
  const ceiling = top + 1e-12 * Math.max(1, Math.abs(top));
  for (let s = 1; s < SEGMENT_SAMPLES; s++) {
    const u = s / SEGMENT_SAMPLES;
    for (let i = 0; i < n; i++) scratch[i] = a[i] + u * (b[i] - a[i]);
    if (!(energy.value(scratch) <= ceiling)) return false;
  }
  return true;
}

/** A minimum being collected from end points: the lowest one seen stands for it. */
export interface Collected {
  x: Float64Array;
  energy: number;
  gradientNorm: number;
  count: number;
}

/**
 * Adds an end point (a verified minimum) to the list: into the first collected minimum it is the
 * same as, keeping whichever point is lower, or as a new one. Returns the index it went to.
 */
export function collect(
  energy: Energy,
  found: Collected[],
  x: Float64Array,
  value: number,
  gradientNorm: number,
  mergeDistance: number,
  barrierReach: number,
  scratch: Float64Array,
): number {
  for (let k = 0; k < found.length; k++) {
    const m = found[k];
    if (sameMinimum(energy, x, value, m.x, m.energy, mergeDistance, barrierReach, scratch)) {
      m.count++;
      if (value < m.energy) {
        m.x = Float64Array.from(x);
        m.energy = value;
        m.gradientNorm = gradientNorm;
      }
      return k;
    }
  }
  found.push({ x: Float64Array.from(x), energy: value, gradientNorm, count: 1 });
  return found.length - 1;
}

/**
 * Order of minima: by energy; energies equal to 1e-9 relative (as the two wells of a symmetric
 * double well, found only approximately) go by their coordinates (equal to 1e-6), first axis first.
 */
export function byEnergyThenPosition(a: { x: ArrayLike<number>; energy: number }, b: { x: ArrayLike<number>; energy: number }): number {
  const scale = Math.max(1, Math.abs(a.energy), Math.abs(b.energy));
  if (Math.abs(a.energy - b.energy) > 1e-9 * scale) return a.energy - b.energy;
  for (let i = 0; i < a.x.length; i++) {
    const gap = a.x[i] - b.x[i];
    if (Math.abs(gap) > 1e-6 * Math.max(1, Math.abs(a.x[i]))) return gap;
  }
  return a.energy - b.energy;
}
