/**
 * The Metropolis-adjusted Langevin algorithm (MALA) over many chains.
 */
import type { Energy } from "../types";
import { runSampler, type SamplerOptions, type SamplerRun } from "./samplerRun";

/** Options of {@link mala}: `stepSize` is the time step eta. */
export type MalaOptions = SamplerOptions;

/**
 * Samples exp(-beta E(x)) / Z with the Metropolis-adjusted Langevin algorithm (Roberts and
 * Tweedie 1996, Bernoulli 2(4)). The Langevin step is a proposal,
 *
 *   y = x - eta grad E(x) + sqrt(2 eta / beta) z,   z ~ N(0, I),
 *
 * with density q(y | x) proportional to exp(-beta |y - x + eta grad E(x)|^2 / (4 eta)). It is
 * not symmetric, so the acceptance probability carries the ratio of both directions:
 * min(1, exp(log r)) with
 *
 *   log r = -beta (E(y) - E(x)) - beta / (4 eta) (|x - y + eta grad E(y)|^2 - |y - x + eta grad E(x)|^2).
 *
 * The chain is then exactly invariant for the Gibbs density at any eta (the bias of
 * {@link langevin} is gone); a large eta only lowers the acceptance rate. Proposals where E or
 * grad E is not finite are rejected.
 *
 * Chain c draws from the stream (seed, c): same seed, bit-identical samples, for any `threads`.
 * Cost: one E and one gradient evaluation per step and chain.
 *
 * @param energy The energy E with its gradient.
 * @param options beta, stepSize (eta), chains, steps, seed; optional burnIn, thin, init, threads, maxWork.
 * @throws TypeError when the energy is not an Energy, an option has the wrong kind, or the seed
 *   is missing.
 * @throws RangeError for an unknown option name, chains x (burnIn + steps) above the work budget
 *   (`maxWork`), an out-of-range option, an init of the wrong dimension, or E or grad E
 *   not finite at a start point.
 * @example
 * const bowl = energyFromFunction((x) => x[0] ** 2 / 2, { gradient: (x, w, g) => { g[0] = x[0]; } });
 * const run = mala(bowl, { beta: 1, stepSize: 0.5, chains: 1000, steps: 1000, burnIn: 100, seed: 1 });
 * run.acceptanceRate;   // => 0.9209981818181818
 * const mean = run.samples.reduce((s, v) => s + v, 0) / run.samples.length;
 * run.samples.reduce((s, v) => s + (v - mean) ** 2, 0) / run.samples.length; // 1 / (beta k) = 1: no bias
 * // => 1 (to about 0.01)
 */
export function mala(energy: Energy, options: MalaOptions): SamplerRun {
  return runSampler("mala", energy, options);
}
