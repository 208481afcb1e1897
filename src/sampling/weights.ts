/**
 * Reading a discrete distribution given as non-negative weights (counts, probabilities, bin
 * masses): shared by the distances between discrete distributions.
 */
import { isArrayLike, message } from "../validate";

/** Weights that passed {@link checkWeights}, with their sum. */
export interface Weights {
  readonly values: ArrayLike<number>;
  readonly total: number;
}

/**
 * Checks that `value` is a non-empty array of non-negative finite numbers with a positive sum.
 *
 * @throws TypeError when it is not an array of numbers.
 * @throws RangeError when it is empty, a weight is negative or not finite, or the sum is 0.
 */
export function checkWeights(fn: string, arg: string, value: unknown): Weights {
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

/**
 * Checks two weight arrays over the same cells: each as {@link checkWeights}, and equally long.
 *
 * @throws RangeError when their lengths differ (the message names `q` and both lengths).
 */
export function checkWeightPair(fn: string, p: unknown, q: unknown): [Weights, Weights] {
  const ps = checkWeights(fn, "p", p);
  const qs = checkWeights(fn, "q", q);
  if (ps.values.length !== qs.values.length) {
    throw new RangeError(message(fn, "q", `an array as long as p (${ps.values.length})`, q) + ` (length ${qs.values.length})`);
  }
  return [ps, qs];
}
