/**
 * Seeded randomness for the Hopfield and Boltzmann code (private to this folder).
 *
 * Every random choice here flows from an explicit seed: the generator is seedrandom's Alea,
 * seeded with the string form of the seed, optionally followed by a stream label so that
 * independent parts of one experiment (trial 3 of load 2, say) draw from their own streams
 * and do not depend on the order in which the parts run.
 */
import seedrandom from "seedrandom";

/** A source of uniform numbers in [0, 1). */
export type Uniform = () => number;

/**
 * A uniform generator in [0, 1) seeded by `seed` (and a stream label, when given).
 * The same seed and label always give the same sequence.
 */
export function seededUniform(seed: number | string, stream?: string): Uniform {
  const key = stream === undefined ? String(seed) : `${String(seed)}/${stream}`;
  return seedrandom.alea(key);
}

/** +1 or -1 with probability 1/2 each. */
export function randomSpin(uniform: Uniform): number {
  return uniform() < 0.5 ? -1 : 1;
}

/** Fills `order` with 0..n-1 in a uniformly random order (Fisher-Yates), in place. */
export function shuffleIndices(uniform: Uniform, order: Int32Array): Int32Array {
  const n = order.length;
  for (let i = 0; i < n; i++) order[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(uniform() * (i + 1));
    const t = order[i];
    order[i] = order[j];
    order[j] = t;
  }
  return order;
}

/**
 * `count` distinct indices drawn uniformly from {0, ..., n - 1} (a partial Fisher-Yates
 * shuffle), in the order they were drawn.
 */
export function sampleDistinct(uniform: Uniform, n: number, count: number): Int32Array {
  const pool = new Int32Array(n);
  for (let i = 0; i < n; i++) pool[i] = i;
  for (let k = 0; k < count; k++) {
    const j = k + Math.floor(uniform() * (n - k));
    const t = pool[k];
    pool[k] = pool[j];
    pool[j] = t;
  }
  return pool.slice(0, count);
}
