/**
 * The energy of a Hopfield network (and of a fully visible Boltzmann machine) on +-1 units.
 */
import { message } from "../validate";
import { checkSpinVector, readCouplings } from "./checks";
import type { HopfieldNetwork } from "./network";
import { energyFromOverlaps, overlapsInto } from "./lowRank";
import { computeFields, energyFromFields } from "./updates";

/**
 * E(s) = -1/2 s^T W s - b^T s = -sum_{i<j} W_ij s_i s_j - sum_i b_i s_i (Hopfield 1982, eq. 7),
 * with W and b from the network (W given as rows has zero biases). It is also the energy of the
 * Boltzmann machine here. Cost O(N^2); for a network from `hebbianWeights`, O(P N / 32) from
 * the overlaps m = X s with the P stored patterns: s^T W s = (|m|^2 - P N) / N, exact integers
 * divided once (with normalize = false, not divided).
 *
 * @param network A {@link HopfieldNetwork}, or W as N rows of N numbers (zero biases).
 * @param s A state: N values +1 or -1.
 * @throws TypeError when an argument has the wrong kind, or a third argument is given (biases
 *   belong in the network: `hopfieldNetwork(W, { biases })`).
 * @throws RangeError when W is not square, symmetric with a zero diagonal, the network's biases
 *   are not N finite numbers, or s is not N values +-1.
 * @example
 * const net = hopfieldNetwork([[0, 1], [1, 0]], { biases: [0.5, 0] });
 * hopfieldEnergy(net, [1, 1]); // -1/2 (1 + 1) - 0.5
 * // => -1.5
 */
export function hopfieldEnergy(network: HopfieldNetwork | readonly (readonly number[])[], s: readonly number[]): number {
  const fn = "hopfieldEnergy";
  if (arguments.length > 2) {
    throw new TypeError(`${fn}: takes (network, s), got ${arguments.length} arguments; put the biases in the network: hopfieldEnergy(hopfieldNetwork(W, { biases }), s)`);
  }
  const { size: n, weights: w, biases: b, factors } = readCouplings(fn, "network", network);
  if (s === undefined) throw new TypeError(message(fn, "s", `an array of ${n} values +1 or -1`, s));
  const spins = checkSpinVector(fn, "s", s, n);
  if (factors !== undefined) return energyFromOverlaps(factors, b, spins, overlapsInto(factors, spins, new Int32Array(factors.count)));
  return energyFromFields(spins, computeFields(w, b, n, spins, new Float64Array(n)), b, n);
}
