/**
 * Kullback-Leibler divergence between two discrete distributions.
 */
import { checkWeightPair } from "./weights";

/**
 * The Kullback-Leibler divergence D(p || q) = sum_i p_i ln(p_i / q_i), in nats, of two discrete
 * distributions given as non-negative weights on the same cells (counts, bin masses, ...). Each
 * side is first normalised to sum to 1. Terms with p_i = 0 contribute 0; if some q_i = 0 where
 * p_i > 0 the divergence is Infinity (p puts mass where q has none). The result is >= 0 (tiny
 * negative rounding is clamped to 0). Not symmetric: D(p || q) != D(q || p) in general.
 *
 * For a histogram against a reference density:
 * `klDivergence(h.counts, binMasses(h, density))` (samples outside the range are ignored).
 *
 * @throws TypeError when p or q is not an array of numbers.
 * @throws RangeError when their lengths differ or are 0, a weight is negative or not finite, or
 *   a side sums to 0.
 * @example
 * klDivergence([1, 1], [1, 3]);   // ln(4/3) / 2
 * // => 0.14384103622589042
 * klDivergence([1, 1], [1, 0]);   // => Infinity
 */
export function klDivergence(p: ArrayLike<number>, q: ArrayLike<number>): number {
  const fn = "klDivergence";
  const [ps, qs] = checkWeightPair(fn, p, q);
  let sum = 0;
  for (let i = 0; i < ps.values.length; i++) {
    const pi = ps.values[i] / ps.total;
    if (pi === 0) continue;
    const qi = qs.values[i] / qs.total;
    if (qi === 0) return Infinity;
    sum += pi * Math.log(pi / qi);
  }
  return Math.max(0, sum);
}
