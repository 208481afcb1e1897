/**
 * Random choices for the Hopfield and Boltzmann code (private to this folder), drawn from the
 * library's one seeded source, {@link createRandom} / `streamRandom` of src/sampling/random.ts
 * (xoshiro128**). Every function here takes the stream to draw from, so each part of an
 * experiment (trial 3 of load 2, chain 5, the update order of a recall) draws from its own
 * labelled stream of the seed and does not depend on the order in which the parts run.
 */
import type { SeededRandom } from "../sampling/random";
import { shuffleInPlace } from "../sampling/shuffle";

/** +1 or -1 with probability 1/2 each (one 32-bit draw). */
export function randomSpin(random: SeededRandom): number {
  return random.next32() < 0.5 ? -1 : 1;
}

/** Fills `order` with 0..n-1 in a uniformly random order (Fisher-Yates), in place. */
export function shuffleIndices(random: SeededRandom, order: Int32Array): Int32Array {
  const n = order.length;
  for (let i = 0; i < n; i++) order[i] = i;
  return shuffleInPlace(random, order);
}

/**
 * `count` distinct indices drawn uniformly from {0, ..., n - 1} (a partial Fisher-Yates
 * shuffle), in the order they were drawn.
 */
export function sampleDistinct(random: SeededRandom, n: number, count: number): Int32Array {
  const pool = new Int32Array(n);
  for (let i = 0; i < n; i++) pool[i] = i;
  for (let k = 0; k < count; k++) {
    const j = k + Math.floor(random.next() * (n - k));
    const t = pool[k];
    pool[k] = pool[j];
    pool[j] = t;
  }
  return pool.slice(0, count);
}
