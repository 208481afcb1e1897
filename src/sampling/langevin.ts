/**
 * Unadjusted Langevin dynamics (the Euler-Maruyama discretisation) over many chains.
 */
import type { Energy } from "../types";
import { runSampler, type SamplerOptions, type SamplerRun } from "./samplerRun";

/** Options of {@link langevin}: `stepSize` is the time step eta. */
export type LangevinOptions = SamplerOptions;

/**
 * Runs unadjusted Langevin dynamics (ULA): the Euler-Maruyama discretisation of
 * dx = -grad E(x) dt + sqrt(2 / beta) dW, whose stationary density is exp(-beta E(x)) / Z:
 *
 *   x' = x - eta grad E(x) + sqrt(2 eta / beta) z,   z ~ N(0, I).
 *
 * There is no accept/reject step (acceptanceRate is 1), so the chain samples a density that is
 * only close to the Gibbs density, with a bias that grows with eta. On E = k x^2 / 2 the
 * recursion is x' = (1 - eta k) x + sqrt(2 eta / beta) z, whose stationary variance is
 * 1 / (beta k (1 - eta k / 2)) instead of 1 / (beta k); it diverges for eta k >= 2. Use
 * {@link mala} to remove the bias.
 *
 * Chain c draws from the stream (seed, c): same seed, bit-identical samples, for any `threads`.
 * Cost: one gradient evaluation per step and chain.
 *
 * @param energy The energy E; its gradient drives the chains.
 * @param options beta, stepSize (eta), chains, steps, seed; optional burnIn, thin, init, threads, maxWork.
 * @throws TypeError when the energy is not an Energy, an option has the wrong kind, or the seed
 *   is missing.
 * @throws RangeError for an unknown option name, chains x (burnIn + steps) above the work budget
 *   (`maxWork`), an out-of-range option, an init of the wrong dimension, E or grad E not
 *   finite at a start point, or a chain that leaves the finite numbers (eta too large).
 * @example
 * const bowl = energyFromFunction((x) => x[0] ** 2 / 2, { gradient: (x, w, g) => { g[0] = x[0]; } });
 * const run = langevin(bowl, { beta: 1, stepSize: 0.5, chains: 1000, steps: 1000, burnIn: 100, seed: 1 });
 * run.acceptanceRate;   // => 1
 * const mean = run.samples.reduce((s, v) => s + v, 0) / run.samples.length;
 * run.samples.reduce((s, v) => s + (v - mean) ** 2, 0) / run.samples.length; // 1 / (1 - eta k / 2), not 1: the bias
 * // => 1.333 (to about 0.01)
 */
export function langevin(energy: Energy, options: LangevinOptions): SamplerRun {
  return runSampler("langevin", energy, options);
}
