/**
 * Filling in the hidden part of a partly seen input with an RBM.
 */
import { streamRandom } from "../sampling/random";
import { checkInteger, checkMaxWork, checkSeed, checkWork, isArrayLike, message, readOptions } from "../validate";
import { hiddenProbabilities, sampleBernoulli, transpose, visibleProbabilities } from "./kernels";
import { checkBatch, checkRbm, toRows, type Rbm } from "./machine";

/** Options of {@link rbmComplete}. */
export interface RbmCompleteOptions {
  /** Which visible units are seen (true) and kept clamped; the others are filled in. Required. */
  known: readonly boolean[];
  /** "gibbs" (sampling, averaged) or "mean-field" (deterministic fixed-point iteration). @default "gibbs" */
  method?: "gibbs" | "mean-field";
  /** Gibbs steps kept (averaged) or mean-field iterations. @default 200 */
  steps?: number;
  /** Gibbs steps run first and not averaged. @default 50 */
  burnIn?: number;
  /** Seed of the Gibbs chains (required for "gibbs"). */
  seed?: number | string;
  /** The work budget, in unit updates: vectors x (burnIn + steps) x (V + H). @default 2e8 */
  maxWork?: number;
}

/** The result of {@link rbmComplete}. */
export interface RbmCompleteResult {
  /** p(v_i = 1 | seen units) for each vector: the seen units as given, the others estimated. */
  readonly probabilities: number[][];
  /** The completion as 0/1: probabilities rounded at 1/2. */
  readonly states: number[][];
  /** The mask, as given. */
  readonly known: boolean[];
  readonly method: "gibbs" | "mean-field";
  readonly energyName: string;
}

/**
 * Fills in the unseen visible units of one or more inputs, the seen ones held fixed (clamped):
 *
 *   gibbs:       h ~ p(h | v), then v_u ~ p(v_u | h) for the unseen units u only, repeated;
 *                returns the average of p(v_u = 1 | h) over the kept steps (Rao-Blackwellised),
 *                an estimate of p(v_u = 1 | v_seen) that converges as steps grow;
 *   mean-field:  q_u <- sigmoid(b_u + sum_j W_uj sigmoid(c_j + sum_i v_i W_ij)), v_u = q_u,
 *                from q_u = 1/2, a deterministic fixed-point iteration (fast, approximate).
 *
 * Unseen entries of the input are ignored. Chain r (input r) draws from the stream (seed, r).
 *
 * @param machine An RBM.
 * @param data One vector or an array of vectors of V values in [0, 1].
 * @throws TypeError when an argument has the wrong kind, or the seed is missing for "gibbs".
 * @throws RangeError when data or known has the wrong shape, an option is out of range or
 *   unknown, or the work is above the budget.
 * @example
 * const done = rbmComplete(rbm(3, 2), [1, 0, 0], { known: [true, true, false], method: "mean-field" });
 * done.probabilities[0]; // W = 0, b = 0: the unseen unit is a coin flip
 * // => [1, 0, 0.5]
 */
export function rbmComplete(machine: Rbm, data: readonly (readonly number[])[] | readonly number[], options: RbmCompleteOptions): RbmCompleteResult {
  const fn = "rbmComplete";
  const m = checkRbm(fn, "machine", machine);
  if (options === undefined) throw new TypeError(message(fn, "options", "an options object with the mask, such as { known: [true, false, ...], seed: 1 }", options));
  const opts = readOptions(fn, options, {
    known: undefined as readonly boolean[] | undefined,
    method: "gibbs" as string,
    steps: 200 as number,
    burnIn: 50 as number,
    seed: undefined as number | string | undefined,
    maxWork: undefined as number | undefined,
  });
  const V = m.visible;
  const H = m.hidden;
  if (!isArrayLike(opts.known)) throw new TypeError(message(fn, "options.known", `an array of ${V} true/false values (true = seen)`, opts.known));
  if (opts.known.length !== V) throw new RangeError(message(fn, "options.known", `an array of ${V} true/false values (one per visible unit)`, opts.known) + ` (length ${opts.known.length})`);
  const known = Array.from(opts.known as ArrayLike<unknown>, (x, i) => {
    if (typeof x !== "boolean") throw new TypeError(message(fn, `options.known[${i}]`, "true or false", x));
    return x;
  });
  const method = opts.method;
  if (method !== "gibbs" && method !== "mean-field") throw new RangeError(message(fn, "options.method", '"gibbs" or "mean-field"', method));
  const steps = checkInteger(fn, "options.steps", opts.steps, 1, 1e9);
  const burnIn = checkInteger(fn, "options.burnIn", opts.burnIn, 0, 1e9);
  const seed = method === "gibbs" ? checkSeed(fn, "options.seed", opts.seed) : opts.seed === undefined ? undefined : checkSeed(fn, "options.seed", opts.seed);
  const maxWork = checkMaxWork(fn, opts.maxWork);
  const batch = checkBatch(fn, "data", data, V, false);
  checkWork(fn, batch.count * (burnIn + steps) * (V + H), "vectors x (burnIn + steps) x (V + H)", maxWork);
  const unseen: number[] = [];
  for (let i = 0; i < V; i++) if (!known[i]) unseen.push(i);
  const wt = new Float64Array(V * H);
  transpose(m.weights, V, H, wt);
  const out = new Float64Array(batch.count * V);
  const v = new Float64Array(V);
  const ph = new Float64Array(H);
  const h = new Float64Array(H);
  const pv = new Float64Array(V);
  for (let r = 0; r < batch.count; r++) {
    v.set(batch.data.subarray(r * V, (r + 1) * V));
    const o = r * V;
    for (let i = 0; i < V; i++) out[o + i] = v[i];
    if (unseen.length === 0) continue;
    if (method === "mean-field") {
      for (const u of unseen) v[u] = 0.5;
      for (let t = 0; t < steps; t++) {
        hiddenProbabilities(m.weights, m.hiddenBiases, v, 1, V, H, ph);
        visibleProbabilities(wt, m.visibleBiases, ph, 1, V, H, pv);
        for (const u of unseen) v[u] = pv[u];
      }
      for (const u of unseen) out[o + u] = v[u];
    } else {
      const random = streamRandom(seed!, r);
      for (const u of unseen) v[u] = random.next32() < 0.5 ? 1 : 0;
      for (const u of unseen) out[o + u] = 0;
      for (let t = 1; t <= burnIn + steps; t++) {
        hiddenProbabilities(m.weights, m.hiddenBiases, v, 1, V, H, ph);
        sampleBernoulli(ph, H, random, h);
        visibleProbabilities(wt, m.visibleBiases, h, 1, V, H, pv);
        for (const u of unseen) {
          v[u] = random.next32() < pv[u] ? 1 : 0;
          if (t > burnIn) out[o + u] += pv[u] / steps;
        }
      }
    }
  }
  const probabilities = toRows(out, batch.count, V);
  const states = probabilities.map((row) => row.map((p) => (p > 0.5 ? 1 : 0)));
  return { probabilities, states, known, method, energyName: m.name };
}
