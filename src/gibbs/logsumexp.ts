/**
 * log(sum_i exp(v_i)) without overflow or underflow: the way every partition function here is
 * computed.
 */
import { message } from "../validate";

/**
 * log-sum-exp: log(sum_i exp(v_i)) = m + log(sum_i exp(v_i - m)) with m = max_i v_i.
 *
 * Shifting by the largest value makes every exponent <= 0, so nothing overflows, and the largest
 * term is exp(0) = 1, so the sum cannot underflow to 0. Entries equal to -Infinity (log 0) add
 * nothing; if all are -Infinity the result is -Infinity; any +Infinity gives +Infinity.
 * Cost O(n), two passes.
 *
 * @throws TypeError when `values` is not an array (or typed array) of numbers.
 * @throws RangeError when `values` is empty or holds NaN.
 * @example
 * logSumExp([1000, 1000]); // exp(1000) overflows, the answer does not: 1000 + log 2
 * // => 1000.6931471805599
 */
export function logSumExp(values: ArrayLike<number>): number {
  const fn = "logSumExp";
  const isArrayLike = Array.isArray(values) || (ArrayBuffer.isView(values) && !(values instanceof DataView));
  if (!isArrayLike) throw new TypeError(message(fn, "values", "an array of numbers", values));
  if (values.length === 0) throw new RangeError(message(fn, "values", "a non-empty array of numbers", values));
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (typeof v !== "number") throw new TypeError(message(fn, `values[${i}]`, "a number", v));
    if (Number.isNaN(v)) throw new RangeError(message(fn, `values[${i}]`, "a number (not NaN)", v));
  }
  return logSumExpUnchecked(values);
}

/** {@link logSumExp} without validation (values must not hold NaN). */
export function logSumExpUnchecked(values: ArrayLike<number>): number {
  let m = -Infinity;
  for (let i = 0; i < values.length; i++) if (values[i] > m) m = values[i];
  if (m === -Infinity || m === Infinity) return m;
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += Math.exp(values[i] - m);
  return m + Math.log(sum);
}
