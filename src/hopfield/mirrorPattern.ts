/**
 * The mirror image of a state of +-1 units.
 */
import { checkSpinVector } from "./checks";

/**
 * The state with every unit flipped, -s. With no biases a Hopfield network's energy
 * E(s) = -1/2 s^T W s is even, E(-s) = E(s), so the mirror of every stored pattern is a
 * valley as deep as the pattern's own: the network remembers each memory and its negative.
 * Biases break that symmetry. Cost O(N).
 *
 * @param pattern A state, N values +1 or -1.
 * @returns A new array of N values, -pattern.
 * @throws TypeError when pattern is not an array of +-1 values.
 * @throws RangeError when a value is not +1 or -1.
 * @example
 * mirrorPattern([1, -1, -1, 1]);
 * // => [-1, 1, 1, -1]
 */
export function mirrorPattern(pattern: readonly number[]): number[] {
  const s = checkSpinVector("mirrorPattern", "pattern", pattern);
  return Array.from(s, (v) => -v);
}
