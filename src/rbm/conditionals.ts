/**
 * The two conditionals of an RBM, p(h | v) and p(v | h), and seeded draws from them.
 */
import { streamRandom } from "../sampling/random";
import { checkSeed, message, readOptions } from "../validate";
import { hiddenProbabilities, sampleBernoulli, transpose, visibleProbabilities } from "./kernels";
import { checkBatch, checkRbm, toRows, type Rbm } from "./machine";

/** Options of {@link rbmHiddenGivenVisible} and {@link rbmVisibleGivenHidden}. */
export interface RbmConditionalOptions {
  /** With a seed, also draw one binary sample per input (stream (seed, "rbm conditional")). */
  seed?: number | string;
}

/** The result of a conditional: probabilities, and samples when a seed was given. */
export interface RbmConditional {
  /** p(unit = 1 | the other layer), one row per input. */
  readonly probabilities: number[][];
  /** One 0/1 draw per unit and input (only with a seed). */
  readonly samples?: number[][];
}

function conditional(fn: string, layer: "hidden" | "visible", machine: Rbm, given: unknown, options: RbmConditionalOptions | undefined): RbmConditional {
  const m = checkRbm(fn, "machine", machine);
  const opts = readOptions(fn, options, { seed: undefined as number | string | undefined });
  const seed = opts.seed === undefined ? undefined : checkSeed(fn, "options.seed", opts.seed);
  const V = m.visible;
  const H = m.hidden;
  const inSize = layer === "hidden" ? V : H;
  const outSize = layer === "hidden" ? H : V;
  const batch = checkBatch(fn, layer === "hidden" ? "v" : "h", given, inSize, false);
  if (batch.count * V * H > 2e8) throw new RangeError(message(fn, layer === "hidden" ? "v" : "h", "at most 2e8 / (V x H) vectors", `${batch.count} vectors`));
  const p = new Float64Array(batch.count * outSize);
  if (layer === "hidden") hiddenProbabilities(m.weights, m.hiddenBiases, batch.data, batch.count, V, H, p);
  else {
    const wt = new Float64Array(V * H);
    transpose(m.weights, V, H, wt);
    visibleProbabilities(wt, m.visibleBiases, batch.data, batch.count, V, H, p);
  }
  const probabilities = toRows(p, batch.count, outSize);
  if (seed === undefined) return { probabilities };
  const s = new Float64Array(p.length);
  sampleBernoulli(p, p.length, streamRandom(seed, "rbm conditional"), s);
  return { probabilities, samples: toRows(s, batch.count, outSize) };
}

/**
 * The hidden layer given the visible one. The hidden units are independent given v:
 *
 *   p(h_j = 1 | v) = sigmoid(c_j + sum_i v_i W_ij),   sigmoid(x) = 1 / (1 + e^-x).
 *
 * @param machine An RBM.
 * @param v One visible vector or an array of them (values in [0, 1]).
 * @throws TypeError when an argument has the wrong kind.
 * @throws RangeError when v has the wrong length or values, or an option is unknown.
 * @example
 * rbmHiddenGivenVisible(rbm(2, 1), [1, 0]).probabilities; // W = 0, c = 0: a coin flip
 * // => [[0.5]]
 */
export function rbmHiddenGivenVisible(machine: Rbm, v: readonly number[] | readonly (readonly number[])[], options?: RbmConditionalOptions): RbmConditional {
  return conditional("rbmHiddenGivenVisible", "hidden", machine, v, options);
}

/**
 * The visible layer given the hidden one. The visible units are independent given h:
 *
 *   p(v_i = 1 | h) = sigmoid(b_i + sum_j W_ij h_j).
 *
 * @param machine An RBM.
 * @param h One hidden vector or an array of them (values in [0, 1]).
 * @throws TypeError when an argument has the wrong kind.
 * @throws RangeError when h has the wrong length or values, or an option is unknown.
 * @example
 * rbmVisibleGivenHidden(rbm(2, 1), [1], { seed: 1 }).probabilities;
 * // => [[0.5, 0.5]]
 */
export function rbmVisibleGivenHidden(machine: Rbm, h: readonly number[] | readonly (readonly number[])[], options?: RbmConditionalOptions): RbmConditional {
  return conditional("rbmVisibleGivenHidden", "visible", machine, h, options);
}
