/**
 * Downsampling for figures: long paths and chains thinned to a few hundred points, so a figure
 * stays small and an animation has a bounded number of frames.
 */
import { checkInteger, message } from "../validate";

/**
 * Indices of at most `max` items out of `length`, evenly spaced, always keeping the first
 * (0) and the last (length - 1). Index k of the result is round(k (length - 1) / (max - 1)).
 * When length <= max every index is kept.
 *
 * @throws RangeError when length is not a non-negative integer or max is not an integer >= 2.
 * @example
 * downsampleIndices(11, 3);
 * // => [0, 5, 10]
 */
export function downsampleIndices(length: number, max: number): number[] {
  const fn = "downsampleIndices";
  checkInteger(fn, "length", length, 0);
  checkInteger(fn, "max", max, 2);
  if (length <= max) return Array.from({ length }, (_, i) => i);
  const out: number[] = [];
  for (let k = 0; k < max; k++) {
    const index = Math.round((k * (length - 1)) / (max - 1));
    if (out.length === 0 || index !== out[out.length - 1]) out.push(index);
  }
  return out;
}

/**
 * At most `max` items of `items`, evenly spaced, keeping the first and the last
 * (see {@link downsampleIndices}). Returns a new plain array; the input is not changed.
 *
 * @throws TypeError when items is not an array or typed array.
 * @throws RangeError when max is not an integer >= 2.
 * @example
 * downsample([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 3);
 * // => [0, 5, 10]
 */
export function downsample<T>(items: ArrayLike<T>, max: number): T[] {
  const fn = "downsample";
  const isArrayLike = Array.isArray(items) || (ArrayBuffer.isView(items) && !(items instanceof DataView));
  if (!isArrayLike) throw new TypeError(message(fn, "items", "an array or typed array", items));
  checkInteger(fn, "max", max, 2);
  return downsampleIndices(items.length, max).map((i) => items[i]);
}
