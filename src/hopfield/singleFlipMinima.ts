/**
 * The single-flip local minima of a small network: the states no single flip can lower.
 */
import { checkNonNegative, readOptions } from "../validate";
import { energyTolerance, isSingleFlipMinimum, readStateEnergies } from "./stateEnergies";

/** Options of {@link singleFlipMinima}, {@link classifyMinima} and {@link barrierPath}. */
export interface SingleFlipOptions {
  /**
   * Relative tolerance of energy comparisons: a flip lowers E only when it lowers it by more than
   * tolerance * max(1, max_s |E(s)|), so rounding in the energies is not read as a descent.
   * @default 1e-12
   */
  tolerance?: number;
}

/** The default of {@link SingleFlipOptions.tolerance}. */
export const LANDSCAPE_TOLERANCE = 1e-12;

/**
 * The single-flip local minima of a network of N <= 20 units, from the energies of all its
 * 2^N states: the states s with
 *
 *   E(s with unit i flipped) >= E(s)   for every unit i.
 *
 * For E(s) = -1/2 s^T W s - b^T s a flip of unit i changes the energy by 2 s_i h_i, with the
 * local field h_i = sum_j W_ij s_j + b_i, so these are the states with s_i h_i >= 0 for all i:
 * exactly the fixed points of asynchronous Hopfield recall (a tie keeps the unit), where recall
 * can end. They include the stored patterns (at low load), their mirror images -xi (E(-s) =
 * E(s) without biases) and spurious minima such as mixtures of patterns (Amit, Gutfreund &
 * Sompolinsky 1985); see {@link classifyMinima}. Cost O(N 2^N).
 *
 * @param energies E(s) of all 2^N states, index = stateIndex(s) = sum_i [s_i = +1] 2^i, or an
 *   object with such an `energies` field (a BoltzmannDistribution from boltzmannExact).
 * @returns The indices of the minima, ascending (stateFromIndex(index, N) gives each state).
 * @throws TypeError when energies is not an array (or an object with one), or an option has the
 *   wrong kind.
 * @throws RangeError when there are not 2^N finite energies with N in [1, 20], tolerance is
 *   negative, or an option name is unknown.
 * @example
 * // Two units that like to agree, E(s) = -s1 s2: states --, +-, -+, ++ (index order).
 * singleFlipMinima([-1, 1, 1, -1]);
 * // => [0, 3]
 * // Three units, E = -(s1 s2 + s1 s3 + s2 s3): only the two aligned states.
 * const W = [[0, 1, 1], [1, 0, 1], [1, 1, 0]];
 * const energies = [0, 1, 2, 3, 4, 5, 6, 7].map((i) => hopfieldEnergy(W, stateFromIndex(i, 3)));
 * singleFlipMinima(energies);
 * // => [0, 7]
 */
export function singleFlipMinima(
  energies: ArrayLike<number> | { readonly energies: ArrayLike<number> },
  options?: SingleFlipOptions,
): number[] {
  const fn = "singleFlipMinima";
  const { size, energies: e } = readStateEnergies(fn, "energies", energies);
  const opts = readOptions(fn, options, { tolerance: LANDSCAPE_TOLERANCE as number | undefined });
  const tol = energyTolerance(e, checkNonNegative(fn, "options.tolerance", opts.tolerance));
  return minimaOf(e, size, tol);
}

/** The minima of checked energies (internal fast path). */
export function minimaOf(energies: Float64Array, n: number, tol: number): number[] {
  const out: number[] = [];
  for (let index = 0; index < energies.length; index++) if (isSingleFlipMinimum(energies, n, index, tol)) out.push(index);
  return out;
}
