/**
 * What the three samplers share: their options, the checks at the door, the start points, the
 * choice of threads, and the result object.
 */
import { checkEnergy, checkFiniteAt } from "../energy/checkEnergy";
import type { Energy, EnergyRecipe, Point, SamplerResult } from "../types";
import { WORK_BUDGET, checkInteger, checkMaxWork, checkPoint, checkPositive, checkSeed, checkWork, isArrayLike, message, readOptions } from "../validate";
import { keptPerChain, runChains, type ChainBuffers, type ChainPlan, type SamplerMethod } from "./chains";
import { float64Buffer, runChainsInThreads } from "./threads";

/** Options of `metropolis`, `langevin` and `mala`. */
export interface SamplerOptions {
  /** The inverse temperature beta of the target density exp(-beta E(x)) / Z. */
  beta: number;
  /**
   * Metropolis: the standard deviation of the Gaussian proposal, per coordinate.
   * Langevin and MALA: the time step eta.
   */
  stepSize: number;
  /** How many independent chains. */
  chains: number;
  /** Transitions per chain after the burn-in. */
  steps: number;
  /** Transitions per chain run first and not kept. @default 0 */
  burnIn?: number;
  /** Keep every `thin`-th state after the burn-in: floor(steps / thin) samples per chain. @default 1 */
  thin?: number;
  /**
   * Where the chains start: one point for all chains (a number in 1D, or an array of n numbers);
   * one point per chain (an array of `chains` points); or `chains * n` numbers chain-major, such
   * as the `finalStates` of an earlier run.
   * @default the centre of `energy.domain` when the energy has one, else the origin
   */
  init?: number | Point | readonly Point[];
  /** The seed every random number comes from: a finite number or a non-empty string. Required. */
  seed: number | string;
  /**
   * Threads to split the chains across (worker_threads; the calling thread is one of them).
   * Used only when the energy carries a `recipe` to rebuild it in a worker; the numbers are
   * identical for every thread count, because chain c always draws from the stream (seed, c).
   * The calling thread blocks until all threads are done; with more than one thread the result's
   * arrays live on SharedArrayBuffers. When the energy has no recipe, one thread runs and
   * `threadsNote` says so.
   * @default 1
   */
  threads?: number;
  /**
   * The work budget: chains x (burnIn + steps) transitions must not exceed it (a call above is
   * refused at once, with the number to pass here if you mean it). @default 2e8
   */
  maxWork?: number;
}

/** A sampler's result: the shared {@link SamplerResult} plus how the run was made. */
export interface SamplerRun extends SamplerResult {
  /** The step size used (proposal standard deviation, or eta). */
  readonly stepSize: number;
  /** Threads that actually ran chains (1 when the energy has no recipe). */
  readonly threadsUsed: number;
  /** Why fewer threads ran than were asked for, when that happened. */
  readonly threadsNote?: string;
}

/** Every option of the samplers, with its default (undefined: required, or no default). */
const SAMPLER_DEFAULTS: SamplerOptions = {
  beta: undefined as unknown as number,
  stepSize: undefined as unknown as number,
  chains: undefined as unknown as number,
  steps: undefined as unknown as number,
  burnIn: 0,
  thin: 1,
  init: undefined,
  seed: undefined as unknown as number,
  threads: 1,
  maxWork: WORK_BUDGET,
};

/** At most this many numbers are stored (800 MB of samples). */
export const MAX_STORED_NUMBERS = 100_000_000;

/** Checks a recipe before it travels to a worker. */
function checkRecipe(fn: string, recipe: unknown): EnergyRecipe {
  const r = recipe as EnergyRecipe;
  if (recipe === null || typeof recipe !== "object") throw new TypeError(message(fn, "energy.recipe", "an object {module, export, args}", recipe));
  if (typeof r.module !== "string" || r.module === "" || r.module.startsWith(".")) {
    throw new TypeError(message(fn, "energy.recipe.module", "an absolute path or a package name", r.module));
  }
  if (typeof r.export !== "string" || r.export === "") throw new TypeError(message(fn, "energy.recipe.export", "a non-empty string", r.export));
  if (!Array.isArray(r.args)) throw new TypeError(message(fn, "energy.recipe.args", "an array", r.args));
  return r;
}

/** The start point of every chain, chain-major (chains x n), and whether they were given per chain. */
export function resolveStarts(fn: string, energy: Energy, init: unknown, chains: number): { starts: Float64Array; perChain: boolean } {
  const n = energy.dimension;
  const starts = new Float64Array(chains * n);
  if (init === undefined) {
    const box = energy.domain;
    for (let d = 0; d < n; d++) {
      const centre = box ? (box.lower[d] + box.upper[d]) / 2 : 0;
      for (let c = 0; c < chains; c++) starts[c * n + d] = Number.isFinite(centre) ? centre : 0;
    }
    return { starts, perChain: false };
  }
  const expected =
    `a point of dimension ${n}, ${chains} points (one per chain), or ${chains * n} numbers (chains x dimension, chain-major)`;
  if (typeof init === "number") {
    const point = checkPoint(fn, "init", init, n);
    for (let c = 0; c < chains; c++) starts.set(point, c * n);
    return { starts, perChain: false };
  }
  if (!isArrayLike(init)) throw new TypeError(message(fn, "init", expected, init));
  if (init.length > 0 && isArrayLike(init[0])) {
    if (init.length !== chains) throw new RangeError(message(fn, "init", expected, init) + ` (${init.length} points)`);
    for (let c = 0; c < chains; c++) starts.set(checkPoint(fn, `init[${c}]`, init[c], n), c * n);
    return { starts, perChain: true };
  }
  if (init.length === n) {
    const point = checkPoint(fn, "init", init, n);
    for (let c = 0; c < chains; c++) starts.set(point, c * n);
    return { starts, perChain: false };
  }
  if (init.length === chains * n) {
    starts.set(checkPoint(fn, "init", init, chains * n));
    return { starts, perChain: true };
  }
  throw new RangeError(message(fn, "init", expected, init) + ` (length ${init.length})`);
}

/** Checks every option and the start points, then runs the sampler. */
export function runSampler(fn: SamplerMethod, energyArgument: unknown, optionsArgument: SamplerOptions): SamplerRun {
  const energy = checkEnergy(fn, "energy", energyArgument);
  const options = readOptions(fn, optionsArgument, SAMPLER_DEFAULTS);
  const beta = checkPositive(fn, "beta", options.beta);
  const stepSize = checkPositive(fn, "stepSize", options.stepSize);
  const chains = checkInteger(fn, "chains", options.chains, 1, 10_000_000);
  const steps = checkInteger(fn, "steps", options.steps, 1, 1e12);
  const burnIn = checkInteger(fn, "burnIn", options.burnIn, 0, 1e12);
  const thin = checkInteger(fn, "thin", options.thin, 1, steps);
  checkWork(fn, chains * (burnIn + steps), "chains x (burnIn + steps)", checkMaxWork(fn, options.maxWork));
  const seed = checkSeed(fn, "seed", options.seed);
  const threads = checkInteger(fn, "threads", options.threads, 1, 64);
  const n = energy.dimension;
  const plan: ChainPlan = { method: fn, seed, beta, stepSize, burnIn, steps, thin, dimension: n, chains };
  const kept = keptPerChain(plan);
  const stored = chains * kept * n;
  if (stored > MAX_STORED_NUMBERS) {
    throw new RangeError(
      `${fn}: chains x floor(steps / thin) x dimension must be at most ${MAX_STORED_NUMBERS} stored numbers, got ${stored}; ` +
        `raise thin, or lower steps or chains`,
    );
  }
  const { starts, perChain } = resolveStarts(fn, energy, options.init, chains);

  // E (and grad E for the Langevin samplers) must be finite where every chain starts.
  const startEnergies = new Float64Array(chains);
  for (let c = 0; c < chains; c++) {
    const x = starts.subarray(c * n, (c + 1) * n);
    const label = options.init === undefined ? "the default start" : perChain ? `init[${c}]` : "init";
    startEnergies[c] = checkFiniteAt(fn, energy, x, { gradient: fn !== "metropolis", label });
  }

  let threadsUsed = Math.min(threads, chains);
  let threadsNote: string | undefined;
  if (threads > chains) threadsNote = `${threads} threads were asked for ${chains} chain${chains === 1 ? "" : "s"}: one chain per thread at most`;
  if (threadsUsed > 1 && energy.recipe === undefined) {
    threadsUsed = 1;
    threadsNote = "the energy has no recipe, so worker threads cannot rebuild it: ran on one thread";
  }
  const shared = threadsUsed > 1;
  const buffers: ChainBuffers = {
    starts: shared ? copyToShared(starts) : starts,
    samples: float64Buffer(stored, shared),
    finalStates: float64Buffer(chains * n, shared),
    accepted: float64Buffer(chains, shared),
  };
  if (shared) {
    const recipe = checkRecipe(fn, energy.recipe);
    runChainsInThreads(fn, energy, recipe, plan, buffers, startEnergies, threadsUsed);
  } else {
    runChains(energy, plan, buffers, 0, chains);
  }

  const transitions = burnIn + steps;
  const chainAcceptanceRates = new Float64Array(chains);
  let acceptedTotal = 0;
  for (let c = 0; c < chains; c++) {
    chainAcceptanceRates[c] = buffers.accepted[c] / transitions;
    acceptedTotal += buffers.accepted[c];
  }
  const result: SamplerRun = {
    method: fn,
    seed,
    beta,
    chains,
    samplesPerChain: kept,
    dimension: n,
    samples: buffers.samples,
    acceptanceRate: acceptedTotal / (chains * transitions),
    chainAcceptanceRates,
    finalStates: buffers.finalStates,
    stepSize,
    steps,
    burnIn,
    thin,
    energyName: energy.name,
    threadsUsed,
    ...(threadsNote === undefined ? {} : { threadsNote }),
  };
  return result;
}

/** A SharedArrayBuffer-backed copy. */
function copyToShared(values: Float64Array): Float64Array {
  const copy = float64Buffer(values.length, true);
  copy.set(values);
  return copy;
}
