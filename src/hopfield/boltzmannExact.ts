/**
 * The exact Gibbs distribution of a small fully visible Boltzmann machine, by enumeration.
 */
import { logSumExpUnchecked } from "../gibbs/logsumexp";
import { checkMaxWork, checkPositive, checkWork, message, readOptions } from "../validate";
import { checkArgumentCount, readCouplings } from "./checks";
import type { HopfieldNetwork } from "./network";
import { checkEnumerable, fillState } from "./boltzmannStates";

/**
 * The exact distribution p(s) = exp(-beta E(s)) / Z over the 2^N states: the fields of a
 * `GibbsDensity` over discrete states (beta, density, logDensity, energies, logZ, energyName),
 * plus the moments.
 */
export interface BoltzmannDistribution {
  /** The inverse temperature beta = 1 / T. */
  readonly beta: number;
  /** N, the number of units. */
  readonly size: number;
  /** p(s) for each state, index = stateIndex(s) = sum_i [s_i = +1] 2^i. Sums to 1. */
  readonly density: Float64Array;
  /** log p(s) = -beta E(s) - log Z, same indexing (finite even where p(s) underflows to 0). */
  readonly logDensity: Float64Array;
  /** E(s) = -1/2 s^T W s - b^T s for each state, same indexing. */
  readonly energies: Float64Array;
  /** log Z = log sum_s exp(-beta E(s)), by log-sum-exp (no overflow at large beta). */
  readonly logZ: number;
  /** The network's name (such as "Hopfield network, N = 6, P = 2"). */
  readonly energyName: string;
  /** <s_i> under p. */
  readonly meanState: number[];
  /** <s_i s_j> under p (1 on the diagonal). */
  readonly correlations: number[][];
  /** <E> under p. */
  readonly meanEnergy: number;
  /** The entropy -sum p log p in nats; equals beta (<E> - F) with F = -log(Z) / beta. */
  readonly entropy: number;
}

/** Options of {@link boltzmannExact}. */
export interface BoltzmannExactOptions {
  /** The inverse temperature beta = 1 / T, > 0. @default 1 */
  beta?: number;
  /** The work budget, in state x unit visits (2^N x N). @default 2e8 */
  maxWork?: number;
}

/**
 * Enumerates all 2^N states of a fully visible Boltzmann machine with +-1 units and returns the
 * Gibbs distribution p(s) = exp(-beta E(s)) / Z, E(s) = -1/2 s^T W s - b^T s (Ackley, Hinton &
 * Sejnowski 1985), with W and b from the network. The index of state s is
 * sum_i [s_i = +1] 2^i (see {@link stateIndex}). log Z uses log-sum-exp, so any beta > 0 works.
 * Under p, each unit's conditional given the others is
 * P(s_i = +1 | rest) = 1 / (1 + exp(-2 beta h_i)) with h_i = sum_j W_ij s_j + b_i, the rule
 * the Gibbs sampler draws from. Cost O(N^2 2^N); at most 20 units.
 *
 * @param network A {@link HopfieldNetwork}, or W as N rows of N numbers (zero biases).
 * @throws TypeError when an argument has the wrong kind.
 * @throws RangeError when W is not square, symmetric with a zero diagonal, the biases are not N
 *   finite numbers, beta is not positive, an option is unknown, or N > 20 (the message gives
 *   the count of states).
 * @example
 * const exact = boltzmannExact([[0, 1], [1, 0]], { beta: 1 });
 * exact.density[3]; // p(+1, +1) = e / (2e + 2/e)
 * // => 0.4404 (to about 1e-4)
 */
export function boltzmannExact(network: HopfieldNetwork | readonly (readonly number[])[], options?: BoltzmannExactOptions): BoltzmannDistribution {
  const fn = "boltzmannExact";
  checkArgumentCount(fn, arguments.length, 2, "(network, options)");
  const opts = readOptions(fn, options, { beta: 1 as number, maxWork: undefined as number | undefined });
  const beta = checkPositive(fn, "options.beta", opts.beta);
  const maxWork = checkMaxWork(fn, opts.maxWork);
  // Rows are counted before they are read: too many to enumerate is said at once, in O(1).
  if (Array.isArray(network)) checkEnumerable(fn, "network", network.length);
  const { size: n, weights: w, biases, name } = readCouplings(fn, "network", network, "Boltzmann machine");
  checkEnumerable(fn, "network", n);
  checkWork(fn, 2 ** n * n, "2^N states x N units", maxWork);
  const exact = enumerate(w, biases, n, beta, name);
  if (!Number.isFinite(exact.logZ)) {
    throw new RangeError(message(fn, "options.beta", "small enough that beta E(s) stays finite for every state", beta));
  }
  return exact;
}

/** The enumeration itself (internal: inputs already checked). */
export function enumerate(w: Float64Array, b: Float64Array, n: number, beta: number, energyName: string): BoltzmannDistribution {
  const count = 2 ** n;
  const energies = new Float64Array(count);
  const logDensity = new Float64Array(count);
  const s = new Int8Array(n);
  for (let index = 0; index < count; index++) {
    fillState(index, s);
    let e = 0;
    for (let i = 0; i < n; i++) {
      let pair = 0;
      const row = i * n;
      for (let j = i + 1; j < n; j++) pair += w[row + j] * s[j];
      e -= s[i] * (pair + b[i]);
    }
    energies[index] = e;
    logDensity[index] = -beta * e;
  }
  const logZ = logSumExpUnchecked(logDensity);
  const density = new Float64Array(count);
  const mean = new Float64Array(n);
  const second = new Float64Array(n * n);
  let meanEnergy = 0;
  let entropy = 0;
  for (let index = 0; index < count; index++) {
    const logP = logDensity[index] - logZ;
    logDensity[index] = logP;
    const p = Math.exp(logP);
    density[index] = p;
    if (p === 0) continue;
    meanEnergy += p * energies[index];
    entropy -= p * logP;
    fillState(index, s);
    for (let i = 0; i < n; i++) {
      const ps = p * s[i];
      mean[i] += ps;
      const row = i * n;
      for (let j = i + 1; j < n; j++) second[row + j] += ps * s[j];
    }
  }
  const correlations: number[][] = [];
  for (let i = 0; i < n; i++) {
    const row = new Array<number>(n);
    for (let j = 0; j < n; j++) row[j] = i === j ? 1 : i < j ? second[i * n + j] : second[j * n + i];
    correlations.push(row);
  }
  return { beta, size: n, density, logDensity, energies, logZ, energyName, meanState: Array.from(mean), correlations, meanEnergy, entropy };
}
