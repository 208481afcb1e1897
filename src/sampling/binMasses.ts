/**
 * The probability a reference density gives to each bin of a histogram.
 */
import type { GibbsDensity, Histogram } from "../types";
import { describe, isArrayLike, message } from "../validate";

/** A reference density: a function of x, its values at the bin centres, or a 1D Gibbs density. */
export type ReferenceDensity = ((x: number) => number) | ArrayLike<number> | GibbsDensity;

/** Sub-intervals per bin of the composite Simpson rule (even). */
const SIMPSON_INTERVALS = 16;

/**
 * The mass q_i of each histogram bin [a_i, b_i] under a reference density q:
 * - q a function: q_i = integral of q over the bin by the composite Simpson rule with 16
 *   sub-intervals (error at most width^5 max|q''''| / (180 * 16^4) per bin: about 1e-12 for a
 *   standard normal density and bins of width 0.1);
 * - q an array of values at the bin centres: the midpoint rule q_i = q(c_i) (b_i - a_i);
 * - q a 1D GibbsDensity that carries its energy (from gibbsDensity or temperatureSweep): the same
 *   Simpson rule on the exact density exp(-beta E(x) - log Z), E evaluated off the grid;
 * - q a 1D GibbsDensity without one (a marginal): the exact integral over the bin of the
 *   piecewise-linear interpolant of the grid values (0 outside the grid), accurate to O(dx^2).
 *
 * The masses are not renormalised: their sum is the reference's mass inside the histogram range.
 * A Gibbs density at another beta than the histogram's, or of another energy, is refused.
 *
 * @throws TypeError when the histogram is not one or the reference is none of these; RangeError
 *   when the array's length is not the number of bins, a density value is negative or not
 *   finite, or a Gibbs density is not 1D or does not match the histogram's beta or energy.
 * @example
 * const h = histogram([0.25, 0.75], { bins: 2, range: [0, 1] });
 * binMasses(h, (x) => 2 * x);   // => [0.25, 0.75]
 */
export function binMasses(histogram: Histogram, density: ReferenceDensity): number[] {
  return referenceMasses("binMasses", histogram, density);
}

/** Checks a 1D histogram's fields. Internal. */
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
  for (let i = 0; i < h.edges.length; i++) {
    if (typeof h.edges[i] !== "number" || !Number.isFinite(h.edges[i]) || (i > 0 && !(h.edges[i] > h.edges[i - 1]))) {
      throw new RangeError(message(fn, `${arg}.edges`, "increasing finite numbers", h.edges) + ` (at index ${i})`);
    }
  }
  return h;
}

/** True for an object shaped like a GibbsDensity (axes and density arrays). */
function isGibbsDensity(value: unknown): value is GibbsDensity {
  const d = value as GibbsDensity;
  return value !== null && typeof value === "object" && !isArrayLike(value) && Array.isArray(d.axes) && isArrayLike(d.density);
}

/** binMasses with the caller's name in its messages. Internal. */
export function referenceMasses(fn: string, histogram: unknown, density: unknown): number[] {
  const h = checkHistogram(fn, "histogram", histogram);
  const bins = h.counts.length;
  const check = (value: unknown, where: string): number => {
    if (typeof value !== "number" || !(value >= 0 && value < Infinity)) {
      throw new RangeError(message(fn, where, "a non-negative finite density", value));
    }
    return value;
  };
  if (typeof density === "function") return simpsonMasses(h, density as (x: number) => number, (v, x) => check(v, `density(${x})`));
  if (isArrayLike(density)) {
    const values = density as ArrayLike<unknown>;
    if (values.length !== bins) {
      throw new RangeError(message(fn, "density", `${bins} values (one per bin centre)`, density) + ` (length ${values.length})`);
    }
    return Array.from({ length: bins }, (_, i) => check(values[i], `density[${i}]`) * (h.edges[i + 1] - h.edges[i]));
  }
  if (isGibbsDensity(density)) return gibbsMasses(fn, h, density, check);
  throw new TypeError(message(fn, "density", "a function of x, an array of values at the bin centres, or a 1D GibbsDensity", density));
}

/** Simpson's rule with SIMPSON_INTERVALS sub-intervals on every bin. */
function simpsonMasses(h: Histogram, q: (x: number) => number, check: (value: unknown, x: number) => number): number[] {
  return h.counts.map((_, i) => {
    const a = h.edges[i];
    const step = (h.edges[i + 1] - a) / SIMPSON_INTERVALS;
    let sum = 0;
    for (let k = 0; k <= SIMPSON_INTERVALS; k++) {
      const x = k === SIMPSON_INTERVALS ? h.edges[i + 1] : a + k * step;
      const weight = k === 0 || k === SIMPSON_INTERVALS ? 1 : k % 2 === 1 ? 4 : 2;
      sum += weight * check(q(x), x);
    }
    return (sum * step) / 3;
  });
}

/** Bin masses of a 1D Gibbs density, after checking it matches the histogram's context. */
function gibbsMasses(fn: string, h: Histogram, d: GibbsDensity, check: (value: unknown, where: string) => number): number[] {
  if (d.axes.length !== 1) throw new RangeError(message(fn, "density", "a 1D GibbsDensity (use gibbsMarginal for 2D)", `a ${d.axes.length}D density`));
  const beta = d.beta;
  if (typeof beta !== "number" || !(beta > 0 && beta < Infinity)) throw new RangeError(message(fn, "density.beta", "a positive finite number", beta));
  if (h.beta !== undefined && Math.abs(h.beta - beta) > 1e-12 * Math.max(1, Math.abs(beta))) {
    throw new RangeError(`${fn}: the histogram was sampled at beta = ${h.beta} but the density has beta = ${beta}; compare it with the density at the same beta`);
  }
  if (h.energyName !== undefined && typeof d.energyName === "string" && h.energyName !== d.energyName) {
    throw new RangeError(`${fn}: the histogram comes from energy ${describe(h.energyName)} but the density is of ${describe(d.energyName)}`);
  }
  const xs = d.axes[0];
  const p = d.density;
  if (!Array.isArray(xs) || xs.length < 2 || p.length !== xs.length) {
    throw new RangeError(message(fn, "density", "a GibbsDensity with one density value per grid point", d));
  }
  const energy = d.energy;
  if (energy !== undefined && typeof energy.value === "function" && typeof d.logZ === "number" && Number.isFinite(d.logZ)) {
    const logZ = d.logZ;
    const point = [0];
    return simpsonMasses(h, (x) => {
      point[0] = x;
      return Math.exp(-beta * energy.value(point) - logZ);
    }, (v, x) => check(v, `the density at x = ${x}`));
  }
  for (let i = 0; i < p.length; i++) check(p[i], `density.density[${i}]`);
  return h.counts.map((_, i) => linearMass(xs, p, h.edges[i], h.edges[i + 1]));
}

/** The integral over [a, b] of the piecewise-linear interpolant of (xs, p), 0 outside [xs_0, xs_last]. */
function linearMass(xs: readonly number[], p: ArrayLike<number>, a: number, b: number): number {
  const lo = Math.max(a, xs[0]);
  const hi = Math.min(b, xs[xs.length - 1]);
  if (!(hi > lo)) return 0;
  // The first cell [xs_j, xs_j+1] that reaches past lo (binary search).
  let left = 0;
  let right = xs.length - 2;
  while (left < right) {
    const mid = (left + right + 1) >> 1;
    if (xs[mid] <= lo) left = mid;
    else right = mid - 1;
  }
  const at = (j: number, x: number) => p[j] + ((p[j + 1] - p[j]) * (x - xs[j])) / (xs[j + 1] - xs[j]);
  let sum = 0;
  for (let j = left; j < xs.length - 1 && xs[j] < hi; j++) {
    const u = Math.max(lo, xs[j]);
    const v = Math.min(hi, xs[j + 1]);
    if (v > u) sum += ((at(j, u) + at(j, v)) / 2) * (v - u);
  }
  return sum;
}
