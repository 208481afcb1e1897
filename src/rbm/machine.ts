/**
 * The restricted Boltzmann machine as data: weights, biases, and the door checks of its inputs.
 *
 * Units are binary {0, 1}, the standard for RBMs (Smolensky 1986; Hinton 2002). The course's
 * Boltzmann machines use +-1 units; the two are the same family: with s = 2v - 1 and t = 2h - 1,
 * E(v, h) = -b.v - c.h - v^T W h becomes -1/4 s^T W t - (b + W 1/2)^T s / 2 - (c + W^T 1/2)^T t / 2
 * up to a constant, so a {0,1} machine with W is a +-1 machine with W / 4 and shifted biases.
 */
import { createRandom } from "../sampling/random";
import { checkInteger, checkNonNegative, checkSeed, isArrayLike, message, readOptions } from "../validate";

/** A restricted Boltzmann machine with binary {0, 1} visible and hidden units. */
export interface Rbm {
  /** V, the number of visible units. */
  readonly visible: number;
  /** H, the number of hidden units. */
  readonly hidden: number;
  /** W, V x H, row-major: W_ij = weights[i * H + j] couples visible i and hidden j. */
  readonly weights: Float64Array;
  /** b, one per visible unit. */
  readonly visibleBiases: Float64Array;
  /** c, one per hidden unit. */
  readonly hiddenBiases: Float64Array;
  /** A name for titles, such as "RBM, 64 visible, 16 hidden". */
  readonly name: string;
}

/** Options of {@link rbm}. */
export interface RbmOptions {
  /** Seed of the starting weights W_ij ~ N(0, scale^2). Without one, W = 0. */
  seed?: number | string;
  /** The standard deviation of the starting weights. @default 0.01 */
  scale?: number;
  /** A name for titles. @default "RBM, <V> visible, <H> hidden" */
  name?: string;
}

/** At most this many units on either side (W holds V x H numbers). */
export const MAX_RBM_UNITS = 10_000;

/**
 * Makes a restricted Boltzmann machine with V visible and H hidden binary {0, 1} units, energy
 *
 *   E(v, h) = -b.v - c.h - v^T W h,   p(v, h) = exp(-E(v, h)) / Z,
 *
 * with W_ij ~ N(0, scale^2) drawn from the seed (Hinton's "practical guide" uses scale 0.01)
 * and zero biases b = c = 0. The inverse temperature is beta = 1 (folded into W, b, c). With
 * s = 2v - 1 the machine is the course's +-1 Boltzmann machine with couplings W / 4 between
 * the layers and none within a layer.
 *
 * @param visible V, an integer in [1, 10000].
 * @param hidden H, an integer in [1, 10000].
 * @throws TypeError when an option has the wrong kind.
 * @throws RangeError when V or H is not an integer in [1, 10000], scale is negative, or an
 *   option is unknown.
 * @example
 * const machine = rbm(6, 4, { seed: 1 });
 * [machine.weights.length, machine.name];
 * // => [24, "RBM, 6 visible, 4 hidden"]
 */
export function rbm(visible: number, hidden: number, options?: RbmOptions): Rbm {
  const fn = "rbm";
  const v = checkInteger(fn, "visible", visible, 1, MAX_RBM_UNITS);
  const h = checkInteger(fn, "hidden", hidden, 1, MAX_RBM_UNITS);
  const opts = readOptions(fn, options, { seed: undefined as number | string | undefined, scale: 0.01 as number, name: undefined as string | undefined });
  const scale = checkNonNegative(fn, "options.scale", opts.scale);
  const seed = opts.seed === undefined ? undefined : checkSeed(fn, "options.seed", opts.seed);
  if (opts.name !== undefined && (typeof opts.name !== "string" || opts.name.length === 0)) {
    throw new TypeError(message(fn, "options.name", "a non-empty string", opts.name));
  }
  if (v * h > 1e8) throw new RangeError(message(fn, "hidden", `at most ${Math.floor(1e8 / v)} with ${v} visible units (W holds V x H numbers)`, hidden));
  const weights = new Float64Array(v * h);
  if (seed !== undefined && scale > 0) {
    const random = createRandom(seed, "rbm init");
    for (let k = 0; k < weights.length; k++) weights[k] = scale * random.normal();
  }
  return makeRbm(weights, new Float64Array(v), new Float64Array(h), v, h, opts.name);
}

/** Builds the machine object (internal: arrays already checked, owned by the machine). */
export function makeRbm(weights: Float64Array, visibleBiases: Float64Array, hiddenBiases: Float64Array, visible: number, hidden: number, name?: string): Rbm {
  return Object.freeze({ visible, hidden, weights, visibleBiases, hiddenBiases, name: name ?? `RBM, ${visible} visible, ${hidden} hidden` });
}

/** Checks that `value` is an Rbm with consistent, finite arrays. */
export function checkRbm(fn: string, arg: string, value: unknown): Rbm {
  const m = value as Partial<Rbm> | null;
  const ok =
    m !== null && typeof m === "object" &&
    Number.isInteger(m.visible) && Number.isInteger(m.hidden) && (m.visible as number) > 0 && (m.hidden as number) > 0 &&
    m.weights instanceof Float64Array && m.visibleBiases instanceof Float64Array && m.hiddenBiases instanceof Float64Array &&
    m.weights.length === (m.visible as number) * (m.hidden as number) &&
    m.visibleBiases.length === m.visible && m.hiddenBiases.length === m.hidden;
  if (!ok) throw new TypeError(message(fn, arg, "an RBM (from rbm or rbmTrain)", value));
  for (const a of [m.weights!, m.visibleBiases!, m.hiddenBiases!]) {
    for (let k = 0; k < a.length; k++) {
      if (!Number.isFinite(a[k])) throw new RangeError(message(fn, arg, "an RBM with finite weights and biases", value));
    }
  }
  return value as Rbm;
}

/** A batch of vectors after the door check: count x size, row-major. */
export interface Batch {
  readonly count: number;
  readonly size: number;
  readonly data: Float64Array;
  /** True when every value is exactly 0 or 1. */
  readonly binary: boolean;
}

/**
 * Reads one vector or an array of vectors of `size` values in [0, 1] (exactly 0 or 1 when
 * `binary`). A single vector (an array of numbers) is a batch of one.
 */
export function checkBatch(fn: string, arg: string, value: unknown, size: number, binary: boolean): Batch {
  const what = binary ? "values 0 or 1" : "values in [0, 1]";
  if (!isArrayLike(value)) throw new TypeError(message(fn, arg, `a vector of ${size} ${what}, or an array of such vectors`, value));
  const rows: ArrayLike<unknown>[] = value.length > 0 && typeof value[0] !== "number" ? (value as ArrayLike<unknown>[]) : [value];
  if (rows.length === 0 || rows.length > 1e7) throw new RangeError(message(fn, arg, `a non-empty array of vectors of ${size} ${what}`, value));
  const data = new Float64Array(rows.length * size);
  let allBinary = true;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    const name = rows.length === 1 && row === value ? arg : `${arg}[${r}]`;
    if (!isArrayLike(row)) throw new TypeError(message(fn, name, `a vector of ${size} ${what}`, row));
    if (row.length !== size) throw new RangeError(message(fn, name, `a vector of ${size} values (one per visible unit)`, row) + ` (length ${row.length})`);
    for (let i = 0; i < size; i++) {
      const x = row[i];
      if (typeof x !== "number" || !(x >= 0 && x <= 1) || (binary && x !== 0 && x !== 1)) {
        throw new RangeError(message(fn, `${name}[${i}]`, binary ? "0 or 1" : "a number in [0, 1]", x));
      }
      if (x !== 0 && x !== 1) allBinary = false;
      data[r * size + i] = x;
    }
  }
  return { count: rows.length, size, data, binary: allBinary };
}

/** The rows of a count x size array, as plain arrays (for results). */
export function toRows(data: Float64Array, count: number, size: number): number[][] {
  const out: number[][] = [];
  for (let r = 0; r < count; r++) out.push(Array.from(data.subarray(r * size, (r + 1) * size)));
  return out;
}

/** log(1 + e^x) without overflow or loss of precision. */
export function softplus(x: number): number {
  return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
}

/** 1 / (1 + e^-x). */
export function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}
