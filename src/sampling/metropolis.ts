/**
 * Random-walk Metropolis-Hastings over many independent chains.
 */
import type { Energy } from "../types";
import { runSampler, type SamplerOptions, type SamplerRun } from "./samplerRun";

/** Options of {@link metropolis}: `stepSize` is the proposal standard deviation sigma. */
export type MetropolisOptions = SamplerOptions;

/**
 * Samples the Gibbs density p(x) = exp(-beta E(x)) / Z with random-walk Metropolis-Hastings
 * (Metropolis et al. 1953; Hastings 1970).
 *
 * From x, propose y = x + sigma z with z ~ N(0, I) (sigma = `stepSize`); the proposal is
 * symmetric, so it is accepted with probability min(1, exp(-beta (E(y) - E(x)))), and otherwise
 * the chain stays at x (and x is recorded again). Proposals where E is NaN or +Infinity are
 * rejected, so an energy may return +Infinity outside its support.
 *
 * Each chain c draws its random numbers from the stream (seed, c) of `createRandom`: the samples
 * are bit-identical for the same seed, whatever `threads` is. In 1D the loop runs without any
 * allocation, the generator inlined. Cost: one E evaluation per step and chain.
 *
 * @param energy The energy E (any dimension).
 * @param options beta, stepSize, chains, steps, seed; optional burnIn, thin, init, threads, maxWork.
 * @returns The kept samples (chain-major), acceptance rates, final states, and how it ran.
 * @throws TypeError when the energy is not an Energy, an option has the wrong kind, or the seed
 *   is missing.
 * @throws RangeError for an unknown option name, chains x (burnIn + steps) above the work budget
 *   (`maxWork`), when beta or stepSize is not a positive finite number, chains, steps,
 *   burnIn, thin or threads is not an integer in its range, init has the wrong dimension, or E is
 *   not finite at a start point.
 * @example
 * const well = energyFromFunction((x) => (x[0] ** 2 - 1) ** 2, { gradient: (x, w, g) => { g[0] = 4 * x[0] * (x[0] ** 2 - 1); } });
 * const run = metropolis(well, { beta: 1, stepSize: 0.5, chains: 100, steps: 1000, seed: 7 });
 * run.samples.length;    // => 100000
 * run.acceptanceRate;    // => 0.72591
 */
export function metropolis(energy: Energy, options: MetropolisOptions): SamplerRun {
  return runSampler("metropolis", energy, options);
}
