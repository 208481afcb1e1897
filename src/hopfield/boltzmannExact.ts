/**
 * The exact Gibbs distribution of a small fully visible Boltzmann machine, by enumeration.
 */
import { checkPositive } from "../validate";
import { readCouplings } from "./checks";
import type { HopfieldNetwork } from "./network";
import { checkEnumerable, fillState } from "./boltzmannStates";

/** The exact distribution p(s) = exp(-E(s)/T) / Z over the 2^N states. */
export interface BoltzmannDistribution {
  /** N, the number of units. */
  readonly size: number;
  /** The temperature T. */
  readonly T: number;
  /** p(s) for each state, index = stateIndex(s) = sum_i [s_i = +1] 2^i. Sums to 1. */
  readonly probabilities: Float64Array;
  /** E(s) = -1/2 s^T W s - b^T s for each state, same indexing. */
  readonly energies: Float64Array;
  /** log Z = log sum_s exp(-E(s)/T), by log-sum-exp (no overflow at small T). */
  readonly logZ: number;
  /** <s_i> under p. */
  readonly meanState: number[];
  /** <s_i s_j> under p (1 on the diagonal). */
  readonly correlations: number[][];
  /** <E> under p. */
  readonly meanEnergy: number;
  /** The entropy -sum p log p in nats; equals (<E> - F) / T with F = -T log Z. */
  readonly entropy: number;
}

/**
 * Enumerates all 2^N states of a fully visible Boltzmann machine with +-1 units and returns the
 * Gibbs distribution p(s) = exp(-E(s)/T) / Z, E(s) = -1/2 s^T W s - b^T s (Ackley, Hinton &
 * Sejnowski 1985). The index of state s is sum_i [s_i = +1] 2^i (see {@link stateIndex}).
 * log Z uses log-sum-exp, so any T > 0 works. Cost O(N^2 2^N); at most 20 units.
 *
 * @param W A network or N rows of N numbers (symmetric, zero diagonal).
 * @param b Biases, N numbers (undefined: zeros, or the network's biases).
 * @param T Temperature, > 0.
 * @throws TypeError when an argument has the wrong kind.
 * @throws RangeError when W is not square, symmetric with a zero diagonal, b is not N finite
 *   numbers, T is not positive, or N > 20 (the message gives the count of states).
 * @example
 * const exact = boltzmannExact([[0, 1], [1, 0]], [0, 0], 1);
 * exact.probabilities[3]; // p(+1, +1) = e / (2e + 2/e)
 * // => 0.4404 (to about 1e-4)
 */
export function boltzmannExact(
  W: HopfieldNetwork | readonly (readonly number[])[],
  b: readonly number[] | undefined,
  T: number,
): BoltzmannDistribution {
  const fn = "boltzmannExact";
  const { size: n, weights: w, biases } = readCouplings(fn, "W", W, b, "b");
  checkEnumerable(fn, "W", n);
  checkPositive(fn, "T", T);
  return enumerate(w, biases, n, T);
}

/** The enumeration itself (internal: inputs already checked). */
export function enumerate(w: Float64Array, b: Float64Array, n: number, T: number): BoltzmannDistribution {
  const count = 2 ** n;
  const energies = new Float64Array(count);
  const probabilities = new Float64Array(count);
  const s = new Int8Array(n);
  let largest = -Infinity;
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
    const logWeight = -e / T;
    if (logWeight > largest) largest = logWeight;
  }
  let sum = 0;
  for (let index = 0; index < count; index++) {
    const weight = Math.exp(-energies[index] / T - largest);
    probabilities[index] = weight;
    sum += weight;
  }
  const logZ = largest + Math.log(sum);
  const mean = new Float64Array(n);
  const second = new Float64Array(n * n);
  let meanEnergy = 0;
  let entropy = 0;
  for (let index = 0; index < count; index++) {
    const p = probabilities[index] / sum;
    probabilities[index] = p;
    if (p === 0) continue;
    meanEnergy += p * energies[index];
    entropy -= p * (-energies[index] / T - logZ);
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
  return { size: n, T, probabilities, energies, logZ, meanState: Array.from(mean), correlations, meanEnergy, entropy };
}
