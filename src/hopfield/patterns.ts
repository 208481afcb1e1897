/**
 * Patterns of +-1 units: random ones, noisy and partial copies, and the overlap that measures
 * how close two states are.
 */
import { createRandom } from "../sampling/random";
import { checkFiniteArray, checkInRange, checkInteger, checkMaxWork, checkSeed, checkWork, message, readOptions } from "../validate";
import { checkSpinVector } from "./checks";
import { randomSpin, sampleDistinct } from "./random";

/**
 * The overlap m = (1/N) sum_i a_i b_i of two states of N units (Amit, Gutfreund & Sompolinsky
 * 1985). For +-1 states m = 1 - 2 d / N with d the Hamming distance: 1 means equal, -1 means
 * one is the other flipped, about 0 means unrelated. Any finite numbers are accepted.
 *
 * @throws TypeError when a or b is not an array of numbers.
 * @throws RangeError when a or b is empty, holds a non-finite number, or their lengths differ.
 * @example
 * overlap([1, 1, -1, -1], [1, -1, -1, -1]);
 * // => 0.5
 */
export function overlap(a: readonly number[], b: readonly number[]): number {
  const fn = "overlap";
  const x = checkFiniteArray(fn, "a", a);
  const y = checkFiniteArray(fn, "b", b);
  if (x.length !== y.length) {
    throw new RangeError(message(fn, "b", `an array of ${x.length} numbers like a`, b) + ` (length ${y.length})`);
  }
  let sum = 0;
  for (let i = 0; i < x.length; i++) sum += x[i] * y[i];
  return sum / x.length;
}

/** Options of {@link randomPatterns}. */
export interface RandomPatternsOptions {
  /** The seed of every value. Required. */
  seed: number | string;
  /** The work budget, in values drawn (count x size). @default 2e8 */
  maxWork?: number;
}

/**
 * `count` random patterns of `size` units, each value +1 or -1 with probability 1/2,
 * independently: the "random memories" of the capacity analysis. Pattern mu is drawn from its
 * own stream of the seed, createRandom(seed, "pattern mu"), so the first patterns do not change
 * when the count grows.
 *
 * @throws RangeError when count is not an integer in [1, 10^6] or size a positive integer, an
 *   option is unknown, or count x size is above the work budget.
 * @throws TypeError when the seed is not a finite number or a non-empty string.
 * @example
 * const patterns = randomPatterns(3, 100, { seed: 42 });
 * [patterns.length, patterns[0].length];
 * // => [3, 100]
 */
export function randomPatterns(count: number, size: number, options: RandomPatternsOptions): number[][] {
  const fn = "randomPatterns";
  checkInteger(fn, "count", count, 1, 1_000_000);
  checkInteger(fn, "size", size, 1, 1e12);
  if (options === undefined) throw new TypeError(message(fn, "options", "an options object such as { seed: 1 }", options));
  const opts = readOptions(fn, options, { seed: undefined as number | string | undefined, maxWork: undefined as number | undefined });
  const seed = checkSeed(fn, "options.seed", opts.seed);
  checkWork(fn, count * size, "count x size", checkMaxWork(fn, opts.maxWork));
  const patterns: number[][] = [];
  for (let mu = 0; mu < count; mu++) {
    const random = createRandom(seed, `pattern ${mu}`);
    const p = new Array<number>(size);
    for (let i = 0; i < size; i++) p[i] = randomSpin(random);
    patterns.push(p);
  }
  return patterns;
}

/** Options of {@link corruptPattern}: give `flipFraction` or `flips`, and a seed. */
export interface CorruptOptions {
  /** Fraction of the units to flip, in [0, 1]; round(fraction * N) units flip. */
  flipFraction?: number;
  /** Exact number of units to flip, in [0, N]. */
  flips?: number;
  /** Seed of the choice of units. */
  seed: number | string;
}

/**
 * A noisy copy: flips exactly k distinct units chosen uniformly at random (k = `flips`, or
 * round(flipFraction * N)). The overlap with the original is then exactly 1 - 2k/N.
 *
 * @throws TypeError when the pattern is not an array of +-1 values or the seed is missing.
 * @throws RangeError when a value is not +1 or -1, both or neither of flipFraction and flips
 *   are given, or they are out of range.
 * @example
 * const noisy = corruptPattern([1, 1, 1, 1, 1, 1, 1, 1, 1, 1], { flips: 2, seed: 1 });
 * overlap(noisy, [1, 1, 1, 1, 1, 1, 1, 1, 1, 1]);
 * // => 0.6
 */
export function corruptPattern(pattern: readonly number[], options: CorruptOptions): number[] {
  const fn = "corruptPattern";
  if (options === undefined) throw new TypeError(message(fn, "options", "an options object such as { flips: 3, seed: 1 }", options));
  const opts = readOptions(fn, options, {
    flipFraction: undefined as number | undefined,
    flips: undefined as number | undefined,
    seed: undefined as number | string | undefined,
  });
  const s = checkSpinVector(fn, "pattern", pattern);
  const n = s.length;
  const count = flipCount(fn, opts.flipFraction, opts.flips, n);
  const seed = checkSeed(fn, "options.seed", opts.seed);
  const chosen = sampleDistinct(createRandom(seed, "corrupt"), n, count);
  for (let k = 0; k < chosen.length; k++) s[chosen[k]] = -s[chosen[k]];
  return Array.from(s);
}

/** Resolves flipFraction / flips to a number of units to flip. */
function flipCount(fn: string, flipFraction: unknown, flips: unknown, n: number): number {
  if ((flipFraction === undefined) === (flips === undefined)) {
    throw new RangeError(
      message(fn, "options", "an object with exactly one of flipFraction and flips", { flipFraction, flips }) +
        ` (flipFraction ${String(flipFraction)}, flips ${String(flips)})`,
    );
  }
  if (flips !== undefined) return checkInteger(fn, "options.flips", flips, 0, n);
  return Math.round(checkInRange(fn, "options.flipFraction", flipFraction, 0, 1) * n);
}

/** Options of {@link partialPattern}: say which units are known, and what the others become. */
export interface PartialOptions {
  /** Fraction of units kept, chosen at random (needs a seed); exclusive with `mask`. */
  keepFraction?: number;
  /** Which units are known: true (or 1) keeps the unit; exclusive with `keepFraction`. */
  mask?: readonly (boolean | number)[];
  /**
   * What unknown units become: "random" (+1 or -1 with probability 1/2, needs a seed), or a
   * fixed value +1 or -1 (for letter images, -1 is the blank background).
   * @default "random"
   */
  fill?: "random" | 1 | -1;
  /** Seed for keepFraction and for a random fill. */
  seed?: number | string;
}

/**
 * A partial cue: keeps some units of a pattern and replaces the others, either at random
 * (each +1 or -1 with probability 1/2) or with a fixed value. With `keepFraction`, exactly
 * round(keepFraction * N) units, chosen uniformly at random, are kept.
 *
 * @throws TypeError when the pattern is not an array of +-1 values, or a seed is needed and
 *   missing.
 * @throws RangeError when a value is not +1 or -1, both or neither of keepFraction and mask
 *   are given, the mask has the wrong length, or fill is not "random", 1 or -1.
 * @example
 * partialPattern([1, 1, -1, -1], { mask: [true, true, false, false], fill: 1 });
 * // => [1, 1, 1, 1]
 */
export function partialPattern(pattern: readonly number[], options: PartialOptions): number[] {
  const fn = "partialPattern";
  if (options === undefined) throw new TypeError(message(fn, "options", "an options object such as { keepFraction: 0.5, seed: 1 }", options));
  const opts = readOptions(fn, options, {
    keepFraction: undefined as number | undefined,
    mask: undefined as readonly (boolean | number)[] | undefined,
    fill: "random" as "random" | 1 | -1,
    seed: undefined as number | string | undefined,
  });
  const s = checkSpinVector(fn, "pattern", pattern);
  const n = s.length;
  const fill = opts.fill;
  if (fill !== "random" && fill !== 1 && fill !== -1) {
    throw new RangeError(message(fn, "options.fill", '"random", 1 or -1', fill));
  }
  if ((opts.keepFraction === undefined) === (opts.mask === undefined)) {
    throw new RangeError(
      message(fn, "options", "an object with exactly one of keepFraction and mask", opts) +
        ` (keepFraction ${String(opts.keepFraction)}, mask ${opts.mask === undefined ? "undefined" : "given"})`,
    );
  }
  const needsSeed = opts.keepFraction !== undefined || fill === "random";
  const seed = needsSeed ? checkSeed(fn, "options.seed", opts.seed) : undefined;
  const known = new Uint8Array(n);
  if (opts.mask !== undefined) {
    const mask = opts.mask as unknown;
    if (!Array.isArray(mask)) throw new TypeError(message(fn, "options.mask", `an array of ${n} booleans`, mask));
    if (mask.length !== n) {
      throw new RangeError(message(fn, "options.mask", `an array of ${n} booleans (one per unit)`, mask) + ` (length ${mask.length})`);
    }
    for (let i = 0; i < n; i++) {
      const m = mask[i];
      if (m === true || m === 1) known[i] = 1;
      else if (m !== false && m !== 0) throw new TypeError(message(fn, `options.mask[${i}]`, "true, false, 1 or 0", m));
    }
  } else {
    const keep = Math.round(checkInRange(fn, "options.keepFraction", opts.keepFraction, 0, 1) * n);
    const chosen = sampleDistinct(createRandom(seed!, "keep"), n, keep);
    for (let k = 0; k < chosen.length; k++) known[chosen[k]] = 1;
  }
  const random = fill === "random" ? createRandom(seed!, "fill") : undefined;
  const out = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    // The fill stream advances for every unit, so unit i's fill does not depend on the mask.
    const filler = random === undefined ? (fill as number) : randomSpin(random);
    out[i] = known[i] === 1 ? s[i] : filler;
  }
  return out;
}
