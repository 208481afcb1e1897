/**
 * A path between two states of a small network, one cheapest flip at a time, and the energy
 * barrier along it.
 */
import { checkNonNegative, readOptions } from "../validate";
import { indexOf, stateFromIndex } from "./boltzmannStates";
import { checkSpinVector } from "./checks";
import { LANDSCAPE_TOLERANCE, type SingleFlipOptions } from "./singleFlipMinima";
import { energyTolerance, readStateEnergies } from "./stateEnergies";

/** The result of {@link barrierPath}. */
export interface BarrierPath {
  /** The states along the path: path[0] = from, the last one = to; one unit flipped per step. */
  readonly path: number[][];
  /** stateIndex of each state of the path. */
  readonly indices: number[];
  /** flips[k] = the unit flipped from path[k] to path[k + 1] (d entries, d the Hamming distance). */
  readonly flips: number[];
  /** E of each state of the path. */
  readonly energies: number[];
  /** The step k of the highest energy along the path (the first one on a tie). */
  readonly peak: number;
  /** energies[peak], the top of the barrier. */
  readonly peakEnergy: number;
  /** peakEnergy - energies[0]: the climb from `from` (0 when the path only goes down). */
  readonly barrier: number;
  /** peakEnergy - energies[last]: the climb back from `to`. */
  readonly reverseBarrier: number;
}

/**
 * A path from one state to another over the landscape of a network of N <= 20 units, flipping
 * one of the units where they differ at each step, always the one that leaves the lowest energy
 * (a tie goes to the lowest unit). It takes exactly d steps, d the Hamming distance, and the
 * highest energy on it gives the barrier between the two states:
 *
 *   barrier = max_k E(path[k]) - E(from).
 *
 * Between two stored patterns this is the hill recall would have to climb to go from one memory
 * to the other. The greedy path need not be the lowest one (a path may also flip a unit twice),
 * so its barrier is an upper bound on the lowest barrier between the states. Cost O(N d) after
 * the O(2^N) door check of the energies.
 *
 * @param energies E(s) of all 2^N states, index = stateIndex(s), or an object with such an
 *   `energies` field (a BoltzmannDistribution from boltzmannExact).
 * @param from The start state, N values +-1.
 * @param to The target state, N values +-1.
 * @throws TypeError when an argument or option has the wrong kind.
 * @throws RangeError when there are not 2^N finite energies with N in [1, 20], a state is not N
 *   values +-1, tolerance is negative, or an option name is unknown.
 * @example
 * // Hebb's rule on A = ++++ and B = ++-- (N = 4): E(A) = E(B) = -1, and half way E = 0.
 * const W = hebbianWeights([[1, 1, 1, 1], [1, 1, -1, -1]]);
 * const energies = Array.from({ length: 16 }, (_, i) => hopfieldEnergy(W, stateFromIndex(i, 4)));
 * const route = barrierPath(energies, [1, 1, 1, 1], [1, 1, -1, -1]);
 * [route.indices, route.energies, route.barrier];
 * // => [[15, 11, 3], [-1, 0, -1], 1] (to about 1e-12)
 */
export function barrierPath(
  energies: ArrayLike<number> | { readonly energies: ArrayLike<number> },
  from: readonly number[],
  to: readonly number[],
  options?: SingleFlipOptions,
): BarrierPath {
  const fn = "barrierPath";
  const { size: n, energies: e } = readStateEnergies(fn, "energies", energies);
  const start = indexOf(checkSpinVector(fn, "from", from, n));
  const target = indexOf(checkSpinVector(fn, "to", to, n));
  const opts = readOptions(fn, options, { tolerance: LANDSCAPE_TOLERANCE as number | undefined });
  const tol = energyTolerance(e, checkNonNegative(fn, "options.tolerance", opts.tolerance));
  const indices = [start];
  const flips: number[] = [];
  let current = start;
  while (current !== target) {
    let next = -1;
    let unit = -1;
    for (let i = 0; i < n; i++) {
      const bit = 1 << i;
      if ((current & bit) === (target & bit)) continue;
      const candidate = current ^ bit;
      if (next < 0 || e[candidate] < e[next] - tol) {
        next = candidate;
        unit = i;
      }
    }
    current = next;
    indices.push(current);
    flips.push(unit);
  }
  const pathEnergies = indices.map((i) => e[i]);
  let peak = 0;
  for (let k = 1; k < pathEnergies.length; k++) if (pathEnergies[k] > pathEnergies[peak]) peak = k;
  const peakEnergy = pathEnergies[peak];
  return {
    path: indices.map((i) => stateFromIndex(i, n)),
    indices,
    flips,
    energies: pathEnergies,
    peak,
    peakEnergy,
    barrier: peakEnergy - pathEnergies[0],
    reverseBarrier: peakEnergy - pathEnergies[pathEnergies.length - 1],
  };
}
