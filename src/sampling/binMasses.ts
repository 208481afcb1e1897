/**
 * The probability a reference density gives to each bin of a histogram.
 */
import type { Histogram } from "../types";
import { checkFunction, message } from "../validate";

/** A reference density: a function of x, or its values at the bin centres. */
export type ReferenceDensity = ((x: number) => number) | ArrayLike<number>;

/** Sub-intervals per bin of the composite Simpson rule (even). */
const SIMPSON_INTERVALS = 16;

/**
 * The mass q_i of each histogram bin [a_i, b_i] under a reference density q:
 * - q a function: q_i = integral of q over the bin by the composite Simpson rule with 16
 *   sub-intervals (error at most width^5 max|q''''| / (180 * 16^4) per bin: about 1e-12 for a
 *   standard normal density and bins of width 0.1);
 * - q an array of values at the bin centres: the midpoint rule q_i = q(c_i) (b_i - a_i).
 *
 * The masses are not renormalised: their sum is the reference's mass inside the histogram range.
 *
 * @throws TypeError when the histogram is not one or the reference is neither a function nor an
 *   array; RangeError when the array's length is not the number of bins or a density value is
 *   negative or not finite.
 * @example
 * const h = histogram([0.25, 0.75], { bins: 2, range: [0, 1] });
 * binMasses(h, (x) => 2 * x);   // => [0.25, 0.75]
 */
export function binMasses(histogram: Histogram, density: ReferenceDensity): number[] {
  return referenceMasses("binMasses", histogram, density);
}

/** Checks a 1D histogram's fields. */
export function checkHistogram(fn: string, arg: string, histogram: unknown): Histogram {
  const h = histogram as Histogram;
  const ok =
    histogram !== null &&
    typeof histogram === "object" &&
    Array.isArray(h.edges) &&
    Array.isArray(h.counts) &&
    h.counts.length >= 1 &&
    h.edges.length === h.counts.length + 1 &&
    Number.isInteger(h.total) &&
    Number.isInteger(h.outside) &&
    h.total >= 1;
  if (!ok) throw new TypeError(message(fn, arg, "a histogram (from histogram())", histogram));
  return h;
}

/** binMasses with the caller's name in its messages. */
export function referenceMasses(fn: string, histogram: unknown, density: unknown): number[] {
  const h = checkHistogram(fn, "histogram", histogram);
  const bins = h.counts.length;
  const masses = new Array<number>(bins);
  const check = (value: unknown, where: string): number => {
    if (typeof value !== "number" || !(value >= 0 && value < Infinity)) {
      throw new RangeError(message(fn, where, "a non-negative finite density", value));
    }
    return value;
  };
  if (typeof density === "function") {
    checkFunction(fn, "density", density);
    const q = density as (x: number) => number;
    for (let i = 0; i < bins; i++) {
      const a = h.edges[i];
      const width = h.edges[i + 1] - a;
      const step = width / SIMPSON_INTERVALS;
      let sum = 0;
      for (let k = 0; k <= SIMPSON_INTERVALS; k++) {
        const x = k === SIMPSON_INTERVALS ? h.edges[i + 1] : a + k * step;
        const weight = k === 0 || k === SIMPSON_INTERVALS ? 1 : k % 2 === 1 ? 4 : 2;
        sum += weight * check(q(x), `density(${x})`);
      }
      masses[i] = (sum * step) / 3;
    }
    return masses;
  }
  if (Array.isArray(density) || (ArrayBuffer.isView(density) && !(density instanceof DataView))) {
    const values = density as ArrayLike<unknown>;
    if (values.length !== bins) {
      throw new RangeError(message(fn, "density", `${bins} values (one per bin centre)`, density) + ` (length ${values.length})`);
    }
    for (let i = 0; i < bins; i++) masses[i] = check(values[i], `density[${i}]`) * (h.edges[i + 1] - h.edges[i]);
    return masses;
  }
  throw new TypeError(message(fn, "density", "a function of x or an array of values at the bin centres", density));
}
