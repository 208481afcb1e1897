/**
 * Total variation distance between a histogram and a reference density.
 */
import type { Histogram } from "../types";
import { checkBoolean, readOptions } from "../validate";
import { referenceMasses, type ReferenceDensity } from "./binMasses";

/** Options of {@link totalVariation}. */
export interface TotalVariationOptions {
  /**
   * Compare shapes on the histogram's range only: rescale the bin masses of both sides to sum
   * to 1 (for an unnormalised reference such as exp(-beta E(x))). @default false
   */
  normalize?: boolean;
}

/**
 * The total variation distance between the samples of a histogram and a reference density q,
 * both coarsened to the same cells: the bins, plus one cell for everything outside the range.
 *
 *   TV = 1/2 sum_i |p_i - q_i| + 1/2 |p_out - q_out|,
 *
 * with p_i = counts_i / total and p_out = outside / total (the samples' masses), q_i the mass of
 * bin i under q (see `binMasses`: Simpson's rule for a function and for a Gibbs density that
 * carries its energy, on exp(-beta E(x) - log Z); the exact integral of the linear interpolant of
 * the grid values for one that does not, such as a marginal; the midpoint rule for values at the
 * bin centres), and q_out = max(0, 1 - sum_i q_i), which assumes q integrates to 1 over the
 * whole space. With `normalize: true` the outside cell is dropped and both p and q are rescaled
 * to sum to 1 over the bins. TV lies in [0, 1]; it is at most the total variation between the
 * underlying distributions (coarsening can only lose differences), and for n independent
 * samples of q it is about sqrt(bins / (2 pi n)) from sampling noise alone.
 *
 * Given a GibbsDensity, the histogram must come from the same beta (and energy, when both name
 * theirs): a density at another beta is refused rather than compared.
 *
 * @param histogram A histogram from `histogram()`.
 * @param density A 1D GibbsDensity (from gibbsDensity, temperatureSweep or gibbsMarginal), a
 *   normalised density as a function of x, or its values at the bin centres.
 * @throws TypeError for a histogram or density of the wrong kind; RangeError for a negative or
 *   non-finite density value, values that do not match the bins, a Gibbs density at another
 *   beta or of another energy than the histogram's, or an unknown option name.
 * @example
 * const h = histogram([0.1, 0.2, 0.3, 0.6], { bins: 2, range: [0, 1] });
 * totalVariation(h, (x) => 1);   // => 0.25
 * const run = metropolis(doubleWell(), { beta: 2, stepSize: 0.8, chains: 20, steps: 500, seed: 1 });
 * const p = gibbsDensity(doubleWell(), { beta: 2, axes: [{ min: -3, max: 3, count: 601 }] });
 * totalVariation(histogram(run, { bins: 30, range: [-2.5, 2.5] }), p) < 0.1; // the density itself, no lambda
 * // => true
 */
export function totalVariation(histogram: Histogram, density: ReferenceDensity, options?: TotalVariationOptions): number {
  const fn = "totalVariation";
  const q = referenceMasses(fn, histogram, density);
  const opts = readOptions(fn, options, { normalize: false });
  const normalize = checkBoolean(fn, "options.normalize", opts.normalize);
  const counts = histogram.counts;
  if (normalize) {
    const inside = histogram.total - histogram.outside;
    const qSum = q.reduce((a, b) => a + b, 0);
    if (inside === 0 || qSum === 0) return inside === 0 && qSum === 0 ? 0 : 1;
    let sum = 0;
    for (let i = 0; i < q.length; i++) sum += Math.abs(counts[i] / inside - q[i] / qSum);
    return sum / 2;
  }
  let sum = 0;
  let qInside = 0;
  for (let i = 0; i < q.length; i++) {
    sum += Math.abs(counts[i] / histogram.total - q[i]);
    qInside += q[i];
  }
  sum += Math.abs(histogram.outside / histogram.total - Math.max(0, 1 - qInside));
  return sum / 2;
}
