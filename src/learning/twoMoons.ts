/**
 * Seeded "two moons": two interleaved half circles, a classic 2D data set.
 */
import { createRandom } from "../sampling/random";
import { checkInteger, checkNonNegative, checkSeed, message, readOptions } from "../validate";

/** Options of {@link twoMoons}. */
export interface TwoMoonsOptions {
  /** How many points (split as evenly as possible between the moons). Required. */
  count: number;
  /** Seed of the angles and the noise. Required. */
  seed: number | string;
  /** The standard deviation of the Gaussian noise added to each coordinate. @default 0.1 */
  noise?: number;
}

/** The result of {@link twoMoons}. */
export interface TwoMoons {
  /** The points [x, y]. */
  readonly samples: number[][];
  /** 0 for the upper moon, 1 for the lower one. */
  readonly labels: number[];
}

/**
 * Two interleaved half circles of radius 1 (as in scikit-learn's make_moons): the upper moon
 * (cos t, sin t) and the lower one (1 - cos t, 1/2 - sin t) for t uniform in [0, pi], each point
 * moved by N(0, noise^2) noise per coordinate. A density with no simple formula, for the
 * learned energies to find.
 *
 * @throws TypeError when an option has the wrong kind or the seed is missing.
 * @throws RangeError when count is not a positive integer, noise is negative, or an option is unknown.
 * @example
 * const moons = twoMoons({ count: 4, seed: 1, noise: 0 });
 * moons.labels;
 * // => [0, 1, 0, 1]
 */
export function twoMoons(options: TwoMoonsOptions): TwoMoons {
  const fn = "twoMoons";
  if (options === undefined) throw new TypeError(message(fn, "options", "an options object such as { count: 500, seed: 1 }", options));
  const opts = readOptions(fn, options, { count: undefined as number | undefined, seed: undefined as number | string | undefined, noise: 0.1 as number });
  const count = checkInteger(fn, "options.count", opts.count, 1, 1e7);
  const seed = checkSeed(fn, "options.seed", opts.seed);
  const noise = checkNonNegative(fn, "options.noise", opts.noise);
  const random = createRandom(seed, "two moons");
  const samples: number[][] = [];
  const labels: number[] = [];
  for (let n = 0; n < count; n++) {
    const label = n % 2;
    const t = Math.PI * random.next();
    const x = label === 0 ? Math.cos(t) : 1 - Math.cos(t);
    const y = label === 0 ? Math.sin(t) : 0.5 - Math.sin(t);
    samples.push([x + noise * random.normal(), y + noise * random.normal()]);
    labels.push(label);
  }
  return { samples, labels };
}
