/**
 * Kullback-Leibler divergence between two discrete distributions.
 */
import { isArrayLike, message } from "../validate";

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
  const ps = weights(fn, "p", p);
  const qs = weights(fn, "q", q);
  if (ps.values.length !== qs.values.length) {
    throw new RangeError(message(fn, "q", `an array as long as p (${ps.values.length})`, q) + ` (length ${qs.values.length})`);
  }
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

/** Non-negative finite weights with a positive sum. */
function weights(fn: string, arg: string, value: unknown): { values: ArrayLike<number>; total: number } {
  if (!isArrayLike(value)) {
    throw new TypeError(message(fn, arg, "an array of non-negative numbers", value));
  }
  const values = value as ArrayLike<unknown>;
  if (values.length === 0) throw new RangeError(message(fn, arg, "a non-empty array of non-negative numbers", value));
  let total = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (typeof v !== "number") throw new TypeError(message(fn, `${arg}[${i}]`, "a non-negative finite number", v));
    if (!(v >= 0 && v < Infinity)) throw new RangeError(message(fn, `${arg}[${i}]`, "a non-negative finite number", v));
    total += v;
  }
  if (!(total > 0)) throw new RangeError(message(fn, arg, "weights with a positive sum", value));
  return { values: values as ArrayLike<number>, total };
}
