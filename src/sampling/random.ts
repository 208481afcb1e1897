/**
 * Seeded random numbers: one reproducible stream per (seed, stream index).
 *
 * The generator is xoshiro128** 1.1 by David Blackman and Sebastiano Vigna ("Scrambled linear
 * pseudorandom number generators", ACM Transactions on Mathematical Software 47(4), 2021;
 * reference C code at https://prng.di.unimi.it/xoshiro128starstar.c). Its state is four 32-bit
 * words, its period is 2^128 - 1, and one step costs a handful of 32-bit integer operations,
 * which JavaScript runs natively (`Math.imul`, `<<`, `>>>`).
 *
 * The four state words come from the seedrandom package's Alea generator (Johannes Baagoe)
 * keyed with the text `JSON.stringify([seed, stream])`, so the number 1 and the string "1" are
 * different seeds, and every stream index gives an unrelated starting point of the 2^128-long
 * cycle. The samplers give chain c the stream c, which is why their results do not depend on how
 * the chains are split across worker threads.
 */
import seedrandom from "seedrandom";
import { checkInteger, checkSeed, message } from "../validate";

/** 2^-31, 2^-32 and 2^-53: the steps of the uniform grids. */
const TWO_POW_MINUS_31 = 4.656612873077393e-10;
const TWO_POW_MINUS_32 = 2.3283064365386963e-10;
const TWO_POW_MINUS_53 = 1.1102230246251565e-16;

/** A seeded source of random numbers. Not thread-safe and not meant to be: one per chain. */
export interface SeededRandom {
  /** The seed the stream was derived from. */
  readonly seed: number | string;
  /** The stream: an index (the chain index in the samplers) or a label ("trial 3"). */
  readonly stream: number | string;
  /** The next raw 32-bit output of xoshiro128**, an integer in [0, 2^32). */
  nextUint32(): number;
  /** A uniform number in [0, 1) with 53 random bits (two 32-bit outputs). */
  next(): number;
  /** A uniform number in [0, 1) on the grid k / 2^32 (one 32-bit output): cheaper, coarser. */
  next32(): number;
  /**
   * A standard normal number, by the Marsaglia polar method: draw u, v uniform on (-1, 1) with
   * 32 bits each until 0 < s = u^2 + v^2 < 1, then u f and v f with f = sqrt(-2 ln(s) / s) are
   * two independent standard normals; the second one is kept for the next call.
   */
  normal(): number;
}

/**
 * xoshiro128** with a cached spare normal. The samplers use this class directly (no validation)
 * so that their inner loops stay monomorphic; `createRandom` is the checked public door.
 */
export class Xoshiro128StarStar implements SeededRandom {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;
  private hasSpare = false;
  private spare = 0;

  /** Starts from four state words (not all zero); `seed` and `stream` only label the stream. */
  constructor(
    words: readonly [number, number, number, number],
    readonly seed: number | string,
    readonly stream: number | string,
  ) {
    this.s0 = words[0] | 0;
    this.s1 = words[1] | 0;
    this.s2 = words[2] | 0;
    this.s3 = words[3] | 0;
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) throw new RangeError("xoshiro128**: the state must not be all zero");
  }

  nextUint32(): number {
    const s1 = this.s1;
    // result = rotl(s1 * 5, 7) * 9 (mod 2^32)
    const m = Math.imul(s1, 5);
    const result = Math.imul((m << 7) | (m >>> 25), 9) >>> 0;
    const t = s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= s1;
    this.s1 = s1 ^ this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    const s3 = this.s3;
    this.s3 = (s3 << 11) | (s3 >>> 21);
    return result;
  }

  next(): number {
    // The top 27 and 26 bits of two outputs, as in genrand_res53 of Matsumoto and Nishimura's MT19937.
    const high = this.nextUint32() >>> 5;
    const low = this.nextUint32() >>> 6;
    return (high * 67108864 + low) * TWO_POW_MINUS_53;
  }

  next32(): number {
    return this.nextUint32() * TWO_POW_MINUS_32;
  }

  normal(): number {
    if (this.hasSpare) {
      this.hasSpare = false;
      return this.spare;
    }
    let u: number;
    let v: number;
    let s: number;
    do {
      // (k + 0.5) / 2^31 - 1 for k in [0, 2^32): symmetric about 0 and never exactly 0 or +-1.
      u = (this.nextUint32() + 0.5) * TWO_POW_MINUS_31 - 1;
      v = (this.nextUint32() + 0.5) * TWO_POW_MINUS_31 - 1;
      s = u * u + v * v;
    } while (s >= 1);
    const f = Math.sqrt((-2 * Math.log(s)) / s);
    this.spare = v * f;
    this.hasSpare = true;
    return u * f;
  }
}

/**
 * A seeded random stream: xoshiro128** (Blackman and Vigna) started from a state that the
 * seedrandom package's Alea derives from `(seed, stream)`.
 *
 * Same seed and stream, same numbers, on every machine and every run. Different streams of one
 * seed are independent for all practical purposes (unrelated points of a 2^128 - 1 cycle).
 *
 * @param seed A finite number or a non-empty string.
 * @param stream A stream index, an integer >= 0, or a non-empty label such as "order". Streams
 *   1 and "1" are different. @default 0
 * @throws TypeError when the seed is missing or not a finite number or a non-empty string.
 * @throws RangeError when the stream is not an integer in [0, 2^53 - 1] or a non-empty string.
 * @example
 * const random = createRandom(42);
 * random.nextUint32();  // => 2486203946
 * random.next();        // => 0.12752468389821014
 * random.normal();      // => 0.26786487324045977
 */
export function createRandom(seed: number | string, stream: number | string = 0): SeededRandom {
  const fn = "createRandom";
  checkSeed(fn, "seed", seed);
  if (typeof stream === "string") {
    if (stream.length === 0) throw new RangeError(message(fn, "stream", "an integer >= 0 or a non-empty label", stream));
  } else checkInteger(fn, "stream", stream, 0, Number.MAX_SAFE_INTEGER);
  return streamRandom(seed, stream);
}

/** The stream (seed, stream) without validation: for the samplers' inner machinery. */
export function streamRandom(seed: number | string, stream: number | string): Xoshiro128StarStar {
  return new Xoshiro128StarStar(streamWords(seed, stream), seed, stream);
}

/**
 * The four xoshiro128** state words of the stream (seed, stream): Alea keyed with
 * `JSON.stringify([seed, stream])`, four `int32()` draws; never all zero.
 */
export function streamWords(seed: number | string, stream: number | string): [number, number, number, number] {
  const alea = seedrandom.alea(JSON.stringify([seed, stream]));
  const words: [number, number, number, number] = [alea.int32(), alea.int32(), alea.int32(), alea.int32()];
  // The all-zero state is the one fixed point of xoshiro; Alea reaches it with probability 2^-128.
  if ((words[0] | words[1] | words[2] | words[3]) === 0) words[0] = 1;
  return words;
}
