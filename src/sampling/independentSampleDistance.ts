/**
 * The sampling-noise floor of a total variation distance: how far perfect draws land.
 */
import { checkInteger, checkMaxWork, checkSeed, checkWork, readOptions } from "../validate";
import { createRandom } from "./random";
import { totalVariationDistance } from "./totalVariationDistance";
import { checkWeights } from "./weights";

/** Options of {@link independentSampleDistance}. */
export interface IndependentSampleOptions {
  /** How many independent draws make one sample (the size of the sample being judged). */
  draws: number;
  /** How many such samples to draw and average over (default 10). */
  repeats?: number;
  /** The seed: the same seed gives the same distances. */
  seed?: number | string;
  /** The work budget in draws (default the library's WORK_BUDGET). */
  maxWork?: number;
}

/** What {@link independentSampleDistance} measured. */
export interface IndependentSampleDistance {
  /** The mean total variation distance over the repeats. */
  readonly mean: number;
  /** The distance of each repeat, in order. */
  readonly distances: readonly number[];
  readonly draws: number;
  readonly repeats: number;
  readonly seed: number | string;
}

/**
 * The total variation distance that perfect sampling shows: draws `draws` independent states
 * from the distribution q (non-negative weights, normalised first), counts them, and measures
 * TV(counts, q) = 1/2 sum_i |n_i / n - q_i|; repeats that `repeats` times from one seeded stream.
 *
 * A sampler whose frequencies are as far from q as this is as good as independent draws of
 * the same size; the excess over it is the price of the chain's memory (autocorrelation). For
 * large n the mean is about 1/2 sum_i sqrt(2 q_i (1 - q_i) / (pi n)). Each draw inverts the
 * cumulative distribution by bisection: cost O(repeats x draws x log K) for K states.
 *
 * @param q The distribution: K non-negative weights with a positive sum.
 * @param options `{ draws, repeats = 10, seed = 1, maxWork }`.
 * @throws TypeError / RangeError when q is not an array of non-negative weights with a positive
 *   sum, draws or repeats is not a positive integer, or the work is above the budget.
 * @example
 * // One draw from (0.3, 0.7) lands 0.7 away with chance 0.3 and 0.3 away with chance 0.7.
 * const floor = independentSampleDistance([0.3, 0.7], { draws: 1, repeats: 4, seed: 1 });
 * floor.distances.every((d) => Math.abs(d - 0.7) < 1e-12 || Math.abs(d - 0.3) < 1e-12);
 * // => true
 */
export function independentSampleDistance(
  q: ArrayLike<number>,
  options: IndependentSampleOptions,
): IndependentSampleDistance {
  const fn = "independentSampleDistance";
  const weights = checkWeights(fn, "q", q);
  const o = readOptions(fn, options, { draws: undefined as unknown, repeats: 10 as unknown,
    seed: 1 as unknown, maxWork: undefined as unknown });
  const draws = checkInteger(fn, "options.draws", o.draws, 1);
  const repeats = checkInteger(fn, "options.repeats", o.repeats, 1);
  const seed = checkSeed(fn, "options.seed", o.seed);
  checkWork(fn, draws * repeats, "options.draws x options.repeats", checkMaxWork(fn, o.maxWork));

  const k = weights.values.length;
  const cumulative = new Float64Array(k);
  let running = 0;
  for (let i = 0; i < k; i++) {
    running += weights.values[i] / weights.total;
    cumulative[i] = running;
  }
  const random = createRandom(seed, fn);
  const distances: number[] = [];
  const counts = new Float64Array(k);
  for (let r = 0; r < repeats; r++) {
    counts.fill(0);
    for (let n = 0; n < draws; n++) counts[stateAt(cumulative, random.next() * running)] += 1;
    distances.push(totalVariationDistance(counts, weights.values));
  }
  const mean = distances.reduce((sum, d) => sum + d, 0) / repeats;
  return { mean, distances, draws, repeats, seed };
}

/** The first index whose cumulative weight is above u (bisection); states of weight 0 never. */
function stateAt(cumulative: Float64Array, u: number): number {
  let low = 0;
  let high = cumulative.length - 1;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (cumulative[middle] > u) high = middle;
    else low = middle + 1;
  }
  return low;
}
