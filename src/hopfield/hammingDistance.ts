/**
 * The Hamming distance between two states of +-1 units.
 */
import { checkSpinVector } from "./checks";

/**
 * The number of units on which two +-1 states differ:
 *
 *   d(a, b) = sum_i [a_i != b_i] = (N - a . b) / 2,
 *
 * so the overlap m = (1/N) a . b is 1 - 2 d / N. A state and its mirror image -a are N apart;
 * on the landscape of a small network, d counts the single flips that lead from one state to the
 * other. Cost O(N).
 *
 * @param a A state, N values +1 or -1.
 * @param b Another state of the same N units.
 * @throws TypeError when a or b is not an array of +-1 values.
 * @throws RangeError when a value is not +1 or -1, or the lengths differ.
 * @example
 * hammingDistance([1, -1, 1, 1], [1, 1, -1, 1]);
 * // => 2
 * hammingDistance([1, -1, 1], [-1, 1, -1]); // the mirror image
 * // => 3
 */
export function hammingDistance(a: readonly number[], b: readonly number[]): number {
  const fn = "hammingDistance";
  const x = checkSpinVector(fn, "a", a);
  const y = checkSpinVector(fn, "b", b, x.length);
  let d = 0;
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) d++;
  return d;
}
