/**
 * Samples of an RBM from long block-Gibbs chains.
 */
import { streamRandom } from "../sampling/random";
import { checkInteger, checkMaxWork, checkPositive, checkSeed, checkWork, message, readOptions } from "../validate";
import { hiddenProbabilities, sampleBernoulli, transpose, visibleProbabilities } from "./kernels";
import { checkBatch, checkRbm, type Rbm } from "./machine";

/** Options of {@link rbmSample}. */
export interface RbmSampleOptions {
  /** Independent chains. @default 1 */
  chains?: number;
  /** Gibbs steps (v -> h -> v) per chain after the burn-in. Required. */
  steps: number;
  /** Steps run first and not kept. @default 0 */
  burnIn?: number;
  /** Keep every thin-th visible state. @default 1 */
  thin?: number;
  /** The inverse temperature: the chain samples p(v, h) proportional to exp(-beta E(v, h)). @default 1 */
  beta?: number;
  /** Seed of the chains (chain c draws from the stream (seed, c)). Required. */
  seed: number | string;
  /** Starting visible states: one vector (every chain) or one per chain, values 0 or 1. @default random */
  init?: readonly number[] | readonly (readonly number[])[];
  /** The work budget, in unit updates: chains x (burnIn + steps) x (V + H). @default 2e8 */
  maxWork?: number;
}

/** The result of {@link rbmSample}. */
export interface RbmSampleResult {
  /** Kept visible states, chain-major: sample s of chain c is samples[c * samplesPerChain + s]. */
  readonly samples: number[][];
  /** The last visible state of each chain. */
  readonly finalStates: number[][];
  /** p(v = 1 | h) at the last step of each chain: a smooth picture of where the chain is. */
  readonly finalProbabilities: number[][];
  readonly chains: number;
  readonly samplesPerChain: number;
  readonly steps: number;
  readonly burnIn: number;
  readonly thin: number;
  readonly beta: number;
  readonly seed: number | string;
  readonly energyName: string;
}

/**
 * Draws visible states from an RBM by block Gibbs sampling: the layers are conditionally
 * independent, so one step samples every hidden unit at once, then every visible unit,
 *
 *   h ~ p(h_j = 1 | v) = sigmoid(beta (c_j + (v^T W)_j)),   v ~ p(v_i = 1 | h) = sigmoid(beta (b_i + (W h)_i)),
 *
 * a Markov chain whose stationary distribution is p(v, h) proportional to exp(-beta E(v, h)).
 * Long chains give the model's "dreams"; at beta > 1 they settle in the deepest valleys.
 * Chain c draws from the stream (seed, c). Cost O(V H) per step and chain.
 *
 * @param machine An RBM.
 * @throws TypeError when an argument has the wrong kind or the seed is missing.
 * @throws RangeError when an option is out of range or unknown, init has the wrong shape, or
 *   the work is above the budget.
 * @example
 * const run = rbmSample(rbm(4, 2), { chains: 3, steps: 10, seed: 1 });
 * [run.samples.length, run.finalStates[0].length];
 * // => [30, 4]
 */
export function rbmSample(machine: Rbm, options: RbmSampleOptions): RbmSampleResult {
  const fn = "rbmSample";
  const m = checkRbm(fn, "machine", machine);
  if (options === undefined) throw new TypeError(message(fn, "options", "an options object such as { steps: 1000, seed: 1 }", options));
  const opts = readOptions(fn, options, {
    chains: 1 as number,
    steps: undefined as number | undefined,
    burnIn: 0 as number,
    thin: 1 as number,
    beta: 1 as number,
    seed: undefined as number | string | undefined,
    init: undefined as RbmSampleOptions["init"],
    maxWork: undefined as number | undefined,
  });
  const chains = checkInteger(fn, "options.chains", opts.chains, 1, 1e6);
  const steps = checkInteger(fn, "options.steps", opts.steps, 1, 1e12);
  const burnIn = checkInteger(fn, "options.burnIn", opts.burnIn, 0, 1e12);
  const thin = checkInteger(fn, "options.thin", opts.thin, 1, 1e12);
  const beta = checkPositive(fn, "options.beta", opts.beta);
  const seed = checkSeed(fn, "options.seed", opts.seed);
  const maxWork = checkMaxWork(fn, opts.maxWork);
  const V = m.visible;
  const H = m.hidden;
  checkWork(fn, chains * (burnIn + steps) * (V + H), "chains x (burnIn + steps) x (V + H)", maxWork);
  const samplesPerChain = Math.floor(steps / thin);
  if (chains * samplesPerChain * V > 5e7) throw new RangeError(message(fn, "options.thin", `large enough to keep at most 5e7 numbers (chains x steps / thin x V)`, thin));
  let start: Float64Array | undefined;
  if (opts.init !== undefined) {
    const init = checkBatch(fn, "options.init", opts.init, V, true);
    if (init.count !== 1 && init.count !== chains) throw new RangeError(message(fn, "options.init", `one vector or ${chains} (one per chain)`, opts.init) + ` (${init.count} vectors)`);
    start = init.data;
  }
  // beta E: scale the parameters once.
  const w = m.weights.map((x) => beta * x);
  const b = m.visibleBiases.map((x) => beta * x);
  const c = m.hiddenBiases.map((x) => beta * x);
  const wt = new Float64Array(V * H);
  transpose(w, V, H, wt);
  const v = new Float64Array(V);
  const ph = new Float64Array(H);
  const h = new Float64Array(H);
  const pv = new Float64Array(V);
  const samples: number[][] = [];
  const finalStates: number[][] = [];
  const finalProbabilities: number[][] = [];
  for (let chain = 0; chain < chains; chain++) {
    const random = streamRandom(seed, chain);
    if (start === undefined) for (let i = 0; i < V; i++) v[i] = random.next32() < 0.5 ? 1 : 0;
    else v.set(start.subarray(start.length === V ? 0 : chain * V, start.length === V ? V : (chain + 1) * V));
    for (let t = 1; t <= burnIn + steps; t++) {
      hiddenProbabilities(w, c, v, 1, V, H, ph);
      sampleBernoulli(ph, H, random, h);
      visibleProbabilities(wt, b, h, 1, V, H, pv);
      sampleBernoulli(pv, V, random, v);
      if (t > burnIn && (t - burnIn) % thin === 0) samples.push(Array.from(v));
    }
    finalStates.push(Array.from(v));
    finalProbabilities.push(Array.from(pv));
  }
  return { samples, finalStates, finalProbabilities, chains, samplesPerChain, steps, burnIn, thin, beta, seed, energyName: m.name };
}
