/**
 * Gibbs sampling of a fully visible Boltzmann machine with +-1 units.
 */
import { streamRandom } from "../sampling/random";
import { MAX_STORED_NUMBERS } from "../sampling/samplerRun";
import type { SamplerResult } from "../types";
import { checkInteger, checkMaxWork, checkPositive, checkSeed, checkWork, isArrayLike, message, readOptions } from "../validate";
import { checkArgumentCount, checkSpinVector, readCouplings } from "./checks";
import type { HopfieldNetwork } from "./network";
import { MAX_ENUMERATION_UNITS, indexOf } from "./boltzmannStates";
import { randomSpin } from "./random";
import { computeFields, energyFromFields, flipUnit } from "./updates";

/** Options of {@link boltzmannGibbsSample}. */
export interface BoltzmannGibbsOptions {
  /** The inverse temperature beta = 1 / T, > 0. @default 1 */
  beta?: number;
  /** Kept steps per chain after the burn-in; one step is one sweep over the N units. */
  steps: number;
  /** Steps run first in each chain and not kept. @default 0 */
  burnIn?: number;
  /** Keep every `thin`-th state after the burn-in: floor(steps / thin) samples per chain. @default 1 */
  thin?: number;
  /** Independent chains; chain c draws from the stream (seed, c). @default 1 */
  chains?: number;
  /** The seed of every random start and unit update. Required. */
  seed: number | string;
  /**
   * Where the chains start: one state of N values +-1 for all chains; one state per chain (an
   * array of `chains` states); or `chains * N` values chain-major, such as the `finalStates` of
   * an earlier run.
   * @default a random state per chain, drawn from its stream
   */
  init?: readonly number[] | readonly (readonly number[])[] | Float64Array;
  /** The work budget, in unit updates: chains x (burnIn + steps) x N. @default 2e8 */
  maxWork?: number;
}

/**
 * The result of {@link boltzmannGibbsSample}: the shared {@link SamplerResult} (method "gibbs",
 * dimension N, samples of +-1 values) plus the visits of each state, the energies and the means.
 */
export interface BoltzmannSamples extends SamplerResult {
  /**
   * Visits of each state over the kept samples of all chains, index = stateIndex(s) (N <= 20
   * only; undefined for larger N).
   */
  readonly counts: Float64Array | undefined;
  /** counts / (chains x samplesPerChain): the empirical distribution (N <= 20 only). */
  readonly frequencies: Float64Array | undefined;
  /** E(s) of each kept sample, chain-major like the samples (chains x samplesPerChain). */
  readonly energies: Float64Array;
  /** The average of s_i over the kept samples of all chains. */
  readonly meanState: number[];
}

/**
 * Samples p(s) = exp(-beta E(s)) / Z, E(s) = -1/2 s^T W s - b^T s, by Gibbs sampling (Geman &
 * Geman 1984; the Boltzmann machine of Ackley, Hinton & Sejnowski 1985), with W and b from the
 * network. One step is a sweep that visits the units in order 0..N-1 (a systematic scan) and
 * redraws unit i from its conditional P(s_i = +1 | rest) = 1 / (1 + exp(-2 beta h_i)),
 * h_i = sum_j W_ij s_j + b_i. Every such update leaves p invariant, so each chain converges to
 * p. After the burn-in, every `thin`-th state is kept. Chain c draws every number (its random
 * start, then its updates) from the stream createRandom(seed, c), so a chain's samples do not
 * depend on how many other chains run. Fields are updated incrementally: O(N) per flip.
 *
 * The acceptance rate is the fraction of unit updates that changed the unit (burn-in included):
 * the flip rate. The work, chains x (burnIn + steps) x N unit updates, must be within the
 * budget (`maxWork`), and the kept samples within 1e8 numbers (raise `thin`).
 *
 * @param network A {@link HopfieldNetwork}, or W as N rows of N numbers (zero biases).
 * @throws TypeError when an argument has the wrong kind or the seed is missing.
 * @throws RangeError when W is not square, symmetric with a zero diagonal, init has the wrong
 *   length or values, beta is not positive, steps / burnIn / thin / chains are out of range, an
 *   option is unknown, or the work or the samples are above their limits.
 * @example
 * const run = boltzmannGibbsSample([[0, 1], [1, 0]], { beta: 1, steps: 100000, seed: 3 });
 * run.frequencies![3]; // exact p(+1, +1) = e / (2e + 2/e) = 0.4404; sampling error about 0.003
 * // => 0.44 (to about 0.01)
 */
export function boltzmannGibbsSample(network: HopfieldNetwork | readonly (readonly number[])[], options: BoltzmannGibbsOptions): BoltzmannSamples {
  const fn = "boltzmannGibbsSample";
  checkArgumentCount(fn, arguments.length, 2, "(network, options)");
  if (options === undefined) throw new TypeError(message(fn, "options", "an options object such as { steps: 1000, seed: 1 }", options));
  const opts = readOptions(fn, options, {
    beta: 1 as number,
    steps: undefined as number | undefined,
    burnIn: 0 as number,
    thin: 1 as number,
    chains: 1 as number,
    seed: undefined as number | string | undefined,
    init: undefined as BoltzmannGibbsOptions["init"],
    maxWork: undefined as number | undefined,
  });
  const beta = checkPositive(fn, "options.beta", opts.beta);
  const steps = checkInteger(fn, "options.steps", opts.steps, 1, 1e12);
  const burnIn = checkInteger(fn, "options.burnIn", opts.burnIn, 0, 1e12);
  const thin = checkInteger(fn, "options.thin", opts.thin, 1, steps);
  const chains = checkInteger(fn, "options.chains", opts.chains, 1, 10_000_000);
  const seed = checkSeed(fn, "options.seed", opts.seed);
  const maxWork = checkMaxWork(fn, opts.maxWork);
  const { size: n, weights: w, biases, name } = readCouplings(fn, "network", network, "Boltzmann machine");
  checkWork(fn, chains * (burnIn + steps) * n, "chains x (burnIn + steps) x N", maxWork);
  const kept = Math.floor(steps / thin);
  const stored = chains * kept * n;
  if (stored > MAX_STORED_NUMBERS) {
    throw new RangeError(
      `${fn}: chains x floor(steps / thin) x N must be at most ${MAX_STORED_NUMBERS} stored numbers, got ${stored}; ` +
        "raise thin, or lower steps or chains",
    );
  }
  const starts = readStarts(fn, opts.init, chains, n);

  const samples = new Float64Array(stored);
  const energies = new Float64Array(chains * kept);
  const finalStates = new Float64Array(chains * n);
  const chainAcceptanceRates = new Float64Array(chains);
  const counts = n <= MAX_ENUMERATION_UNITS ? new Float64Array(2 ** n) : undefined;
  const sum = new Float64Array(n);
  const s = new Int8Array(n);
  const h = new Float64Array(n);
  const twoBeta = 2 * beta;
  let flipsTotal = 0;
  for (let c = 0; c < chains; c++) {
    const random = streamRandom(seed, c);
    if (starts === undefined) for (let i = 0; i < n; i++) s[i] = randomSpin(random);
    else s.set(starts.subarray(c * n, (c + 1) * n));
    computeFields(w, biases, n, s, h);
    let flips = 0;
    let k = c * kept;
    let untilKept = thin;
    for (let t = 0; t < burnIn + steps; t++) {
      for (let i = 0; i < n; i++) {
        const pUp = 1 / (1 + Math.exp(-twoBeta * h[i]));
        const next = random.next() < pUp ? 1 : -1;
        if (next !== s[i]) {
          flipUnit(w, n, s, h, i);
          flips++;
        }
      }
      if (t < burnIn || --untilKept > 0) continue;
      untilKept = thin;
      energies[k] = energyFromFields(s, h, biases, n);
      const offset = k * n;
      for (let i = 0; i < n; i++) {
        samples[offset + i] = s[i];
        sum[i] += s[i];
      }
      if (counts !== undefined) counts[indexOf(s)] += 1;
      k++;
    }
    for (let i = 0; i < n; i++) finalStates[c * n + i] = s[i];
    chainAcceptanceRates[c] = flips / ((burnIn + steps) * n);
    flipsTotal += flips;
  }
  const total = chains * kept;
  let frequencies: Float64Array | undefined;
  if (counts !== undefined) {
    frequencies = new Float64Array(counts.length);
    for (let j = 0; j < counts.length; j++) frequencies[j] = counts[j] / total;
  }
  return {
    method: "gibbs",
    seed,
    beta,
    chains,
    samplesPerChain: kept,
    dimension: n,
    samples,
    acceptanceRate: flipsTotal / (chains * (burnIn + steps) * n),
    chainAcceptanceRates,
    finalStates,
    steps,
    burnIn,
    thin,
    energyName: name,
    counts,
    frequencies,
    energies,
    meanState: Array.from(sum, (v) => v / total),
  };
}

/** The start of each chain, chain-major (chains x N values +-1), or undefined for random starts. */
function readStarts(fn: string, init: unknown, chains: number, n: number): Int8Array | undefined {
  if (init === undefined) return undefined;
  const expected = `one state of ${n} values +-1, ${chains} such states (one per chain), or ${chains * n} values chain-major`;
  if (!isArrayLike(init)) throw new TypeError(message(fn, "options.init", expected, init));
  const starts = new Int8Array(chains * n);
  if (init.length > 0 && isArrayLike(init[0])) {
    if (init.length !== chains) throw new RangeError(message(fn, "options.init", expected, init) + ` (${init.length} states for ${chains} chains)`);
    for (let c = 0; c < chains; c++) starts.set(checkSpinVector(fn, `options.init[${c}]`, init[c], n), c * n);
    return starts;
  }
  if (init.length === n) {
    const one = checkSpinVector(fn, "options.init", init, n);
    for (let c = 0; c < chains; c++) starts.set(one, c * n);
    return starts;
  }
  if (init.length === chains * n) return checkSpinVector(fn, "options.init", init, chains * n);
  throw new RangeError(message(fn, "options.init", expected, init) + ` (length ${init.length})`);
}
