/**
 * Stored, mirror and spurious: the single-flip minima of a small network, named against the
 * patterns it was meant to store.
 */
import { checkNonNegative, message, readOptions } from "../validate";
import { indexOf, stateFromIndex } from "./boltzmannStates";
import { checkSpinVector } from "./checks";
import { LANDSCAPE_TOLERANCE, minimaOf, type SingleFlipOptions } from "./singleFlipMinima";
import { energyTolerance, isSingleFlipMinimum, readStateEnergies } from "./stateEnergies";

/** What a single-flip minimum is, against the given patterns. */
export type MinimumKind = "stored" | "mirror" | "spurious";

/** One single-flip minimum of {@link classifyMinima}. */
export interface ClassifiedMinimum {
  /** stateIndex(s) = sum_i [s_i = +1] 2^i. */
  readonly index: number;
  /** The state, N values +-1. */
  readonly state: number[];
  /** E(s). */
  readonly energy: number;
  /** "stored": a given pattern; "mirror": the negative -xi of one (and not a pattern itself); "spurious": neither. */
  readonly kind: MinimumKind;
  /** The (first) pattern mu it equals ("stored") or mirrors ("mirror"); undefined when spurious. */
  readonly pattern: number | undefined;
}

/** The result of {@link classifyMinima}. */
export interface MinimaClassification {
  /** N, the number of units. */
  readonly size: number;
  /** Every single-flip minimum, in index order, with its kind. */
  readonly minima: ClassifiedMinimum[];
  /** Patterns mu (ascending) whose xi^mu is a single-flip minimum: stored and stable. */
  readonly stored: number[];
  /** Patterns mu whose mirror image -xi^mu is a single-flip minimum and not itself a given pattern. */
  readonly mirrors: number[];
  /** State indices of the spurious minima (neither a pattern nor a mirror image), ascending. */
  readonly spurious: number[];
  /** Patterns mu whose xi^mu is NOT a single-flip minimum: some flip lowers E (recall leaves it). */
  readonly unstable: number[];
  /** stateIndex(xi^mu) for each pattern. */
  readonly patternIndices: number[];
  /** stateIndex(-xi^mu) for each pattern. */
  readonly mirrorIndices: number[];
}

/**
 * Finds the single-flip local minima of a network of N <= 20 units (see
 * {@link singleFlipMinima}) and names each against the patterns xi^1..xi^P it was meant to
 * store:
 *
 * - "stored": the minimum is a pattern xi^mu;
 * - "mirror": it is a mirror image -xi^mu (without biases E(-s) = E(s), so Hebb's rule stores
 *   every -xi^mu with xi^mu), and not itself one of the patterns;
 * - "spurious": neither, such as the symmetric mixture sign(xi^1 + xi^2 + xi^3) of three
 *   patterns (Amit, Gutfreund & Sompolinsky 1985).
 *
 * It also lists the patterns that are not minima (`unstable`): a single flip lowers their
 * energy, so recall started there walks away. Cost O(N 2^N + P N).
 *
 * @param energies E(s) of all 2^N states, index = stateIndex(s), or an object with such an
 *   `energies` field (a BoltzmannDistribution from boltzmannExact).
 * @param patterns The patterns, each N values +-1 (may be empty: every minimum is then spurious).
 * @throws TypeError when energies or patterns has the wrong kind, or an option has the wrong kind.
 * @throws RangeError when there are not 2^N finite energies with N in [1, 20], a pattern is not N
 *   values +-1, tolerance is negative, or an option name is unknown.
 * @example
 * // Three units that like to agree, E = -(s1 s2 + s1 s3 + s2 s3): -3 aligned, +1 otherwise.
 * const energies = [-3, 1, 1, 1, 1, 1, 1, -3];
 * const found = classifyMinima(energies, [[1, 1, 1]]);
 * found.minima.map((m) => [m.index, m.kind]);
 * // => [[0, "mirror"], [7, "stored"]]
 * [found.stored, found.mirrors, found.spurious];
 * // => [[0], [0], []]
 */
export function classifyMinima(
  energies: ArrayLike<number> | { readonly energies: ArrayLike<number> },
  patterns: readonly (readonly number[])[],
  options?: SingleFlipOptions,
): MinimaClassification {
  const fn = "classifyMinima";
  const { size: n, energies: e } = readStateEnergies(fn, "energies", energies);
  if (!Array.isArray(patterns)) throw new TypeError(message(fn, "patterns", `an array of patterns of ${n} values +-1 (possibly empty)`, patterns));
  const opts = readOptions(fn, options, { tolerance: LANDSCAPE_TOLERANCE as number | undefined });
  const tol = energyTolerance(e, checkNonNegative(fn, "options.tolerance", opts.tolerance));
  const patternIndices: number[] = [];
  const mirrorIndices: number[] = [];
  patterns.forEach((p, mu) => {
    const xi = checkSpinVector(fn, `patterns[${mu}]`, p, n);
    patternIndices.push(indexOf(xi));
    mirrorIndices.push(indexOf(xi.map((v) => -v)));
  });
  const minima: ClassifiedMinimum[] = minimaOf(e, n, tol).map((index) => {
    const stored = patternIndices.indexOf(index);
    const mirror = stored >= 0 ? -1 : mirrorIndices.indexOf(index);
    const kind: MinimumKind = stored >= 0 ? "stored" : mirror >= 0 ? "mirror" : "spurious";
    return { index, state: stateFromIndex(index, n), energy: e[index], kind, pattern: stored >= 0 ? stored : mirror >= 0 ? mirror : undefined };
  });
  const isPattern = (index: number) => patternIndices.includes(index);
  const stableAt = (index: number) => isSingleFlipMinimum(e, n, index, tol);
  const all = patternIndices.map((_, mu) => mu);
  return {
    size: n,
    minima,
    stored: all.filter((mu) => stableAt(patternIndices[mu])),
    mirrors: all.filter((mu) => !isPattern(mirrorIndices[mu]) && stableAt(mirrorIndices[mu])),
    spurious: minima.filter((m) => m.kind === "spurious").map((m) => m.index),
    unstable: all.filter((mu) => !stableAt(patternIndices[mu])),
    patternIndices,
    mirrorIndices,
  };
}
