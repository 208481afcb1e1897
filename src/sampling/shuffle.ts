/**
 * Shuffling with the library's seeded source (internal: not exported from the package).
 */
import type { SeededRandom } from "./random";

/** A mutable list of numbers: an array or a typed array. */
interface NumberList {
  readonly length: number;
  [index: number]: number;
}

/**
 * Puts `items` in a uniformly random order, in place (Fisher-Yates, from the last position
 * down: position i swaps with j = floor(u (i + 1)), one `random.next()` per position), and
 * returns it. The same stream gives the same order.
 */
export function shuffleInPlace<T extends NumberList>(random: SeededRandom, items: T): T {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random.next() * (i + 1));
    const t = items[i];
    items[i] = items[j];
    items[j] = t;
  }
  return items;
}
