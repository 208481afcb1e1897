/**
 * Total variation distance between two discrete distributions.
 */
import { checkWeightPair } from "./weights";

/**
 * The total variation distance between two discrete distributions given as non-negative weights
 * on the same states (counts, frequencies, exact probabilities), each first normalised to sum
 * to 1:
 *
 *   TV(p, q) = 1/2 sum_i |p_i - q_i| = max over sets A of |p(A) - q(A)|.
 *
 * It lies in [0, 1]: 0 for equal distributions, 1 for distributions on disjoint states. For the
 * empirical frequencies of n independent draws from q it is, from sampling noise alone, about
 * 1/2 sum_i sqrt(2 q_i (1 - q_i) / (pi n)). Symmetric, unlike {@link klDivergence}.
 * For a histogram against a density on a continuous space, see `totalVariation`.
 *
 * @throws TypeError when p or q is not an array of numbers.
 * @throws RangeError when their lengths differ or are 0, a weight is negative or not finite, or
 *   a side sums to 0.
 * @example
 * totalVariationDistance([1, 1], [1, 3]);   // (1/2) (|1/2 - 1/4| + |1/2 - 3/4|)
 * // => 0.25
 * totalVariationDistance([0.2, 0.8], [20, 80]);   // weights are normalised first
 * // => 0
 */
export function totalVariationDistance(p: ArrayLike<number>, q: ArrayLike<number>): number {
  const [ps, qs] = checkWeightPair("totalVariationDistance", p, q);
  let sum = 0;
  for (let i = 0; i < ps.values.length; i++) sum += Math.abs(ps.values[i] / ps.total - qs.values[i] / qs.total);
  return Math.min(1, sum / 2);
}
