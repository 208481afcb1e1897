/**
 * The energy of a Hopfield network (and of a fully visible Boltzmann machine) on +-1 units.
 */
import { message } from "../validate";
import { checkSpinVector, readCouplings } from "./checks";
import type { HopfieldNetwork } from "./network";
import { computeFields, energyFromFields } from "./updates";

/**
 * E(s) = -1/2 s^T W s - b^T s = -sum_{i<j} W_ij s_i s_j - sum_i b_i s_i (Hopfield 1982, eq. 7).
 *
 * Call it as `hopfieldEnergy(network, s)` or `hopfieldEnergy(W, b, s)` with W as rows and b
 * optional (undefined means zero biases). It is also the energy of the Boltzmann machine here.
 * Cost O(N^2).
 *
 * @throws TypeError when an argument has the wrong kind.
 * @throws RangeError when W is not square, symmetric with a zero diagonal, b is not N finite
 *   numbers, or s is not N values +-1.
 * @example
 * hopfieldEnergy([[0, 1], [1, 0]], [0.5, 0], [1, 1]); // -1/2 (1 + 1) - 0.5
 * // => -1.5
 */
export function hopfieldEnergy(network: HopfieldNetwork | readonly (readonly number[])[], state: readonly number[]): number;
export function hopfieldEnergy(
  weights: HopfieldNetwork | readonly (readonly number[])[],
  biases: readonly number[] | undefined,
  state: readonly number[],
): number;
export function hopfieldEnergy(
  weights: HopfieldNetwork | readonly (readonly number[])[],
  biasesOrState: readonly number[] | undefined,
  maybeState?: readonly number[],
): number {
  const fn = "hopfieldEnergy";
  const threeArguments = arguments.length >= 3;
  const biases = threeArguments ? biasesOrState : undefined;
  const state = threeArguments ? maybeState : biasesOrState;
  const { size: n, weights: w, biases: b } = readCouplings(fn, threeArguments ? "W" : "network", weights, biases, "b");
  if (state === undefined) throw new TypeError(message(fn, "s", `an array of ${n} values +1 or -1`, state));
  const s = checkSpinVector(fn, "s", state, n);
  return energyFromFields(s, computeFields(w, b, n, s, new Float64Array(n)), b, n);
}
