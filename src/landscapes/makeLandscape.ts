/**
 * The common shell of the catalogue landscapes: an immutable Energy with a hand-written value
 * and gradient, its formula, TeX, known minima and plotting box, a `recipe` (the constructor and
 * options that rebuild it in a worker thread), and `withParameters` that rebuilds the landscape
 * (minima included) from the changed parameters.
 */
import { checkParameters } from "../energy/fromFunction";
import type { Box, Energy, EnergyRecipe, KnownMinimum, Point } from "../types";
import { describe } from "../validate";

/**
 * An Energy from the catalogue: like any Energy, with the optional parts always present (the
 * formula, its TeX, the known minima and the plotting box).
 */
export interface LandscapeEnergy extends Energy {
  readonly formula: string;
  readonly tex: string;
  readonly knownMinima: readonly KnownMinimum[];
  readonly domain: Box;
  withParameters(changes: Readonly<Record<string, number>>): LandscapeEnergy;
}

/** What a catalogue constructor provides. */
export interface LandscapeSpec {
  readonly name: string;
  readonly variables: readonly string[];
  /** The parameters by name, as they appear in `formula`. */
  readonly parameters: Readonly<Record<string, number>>;
  /** The formula in mathjs syntax; `energyFromFormula(formula, ...)` gives the same values. */
  readonly formula: string;
  readonly tex: string;
  readonly knownMinima: readonly KnownMinimum[];
  readonly domain: Box;
  /** E(x) with the parameters already bound. */
  value(x: Point): number;
  /** Writes dE/dx into `out`. */
  gradient(x: Point, out: Float64Array): void;
  /** How a worker thread rebuilds it: the constructor's file, name and options. */
  readonly recipe: EnergyRecipe;
  /** Builds the landscape again from a full, merged parameter record (validated there). */
  rebuild(parameters: Readonly<Record<string, number>>): LandscapeEnergy;
}

/**
 * Merges `changes` into `current` after checking that every changed name exists and every value
 * is a finite number. Range checks specific to a landscape happen in its `rebuild`.
 *
 * @throws RangeError for an unknown parameter or a value that is not finite.
 */
export function mergeParameters(
  landscape: string,
  current: Readonly<Record<string, number>>,
  changes: unknown,
): Readonly<Record<string, number>> {
  const checked = checkParameters("withParameters", "changes", changes);
  for (const key of Object.keys(checked)) {
    if (!(key in current)) {
      throw new RangeError(
        `withParameters: unknown parameter ${describe(key)} for ${landscape}; its parameters are ${Object.keys(current).join(", ") || "(none)"}`,
      );
    }
  }
  return Object.freeze({ ...current, ...checked });
}

/**
 * Makes the frozen Energy of a catalogue landscape, with `extras` (such as `basinBoundary`)
 * added as further read-only properties.
 */
export function makeLandscape<T extends LandscapeEnergy = LandscapeEnergy>(spec: LandscapeSpec, extras: Partial<T> = {}): T {
  const n = spec.variables.length;
  const writeGradient = spec.gradient;
  const parameters = Object.freeze({ ...spec.parameters });
  const energy: LandscapeEnergy = {
    name: spec.name,
    dimension: n,
    variables: Object.freeze([...spec.variables]),
    parameters,
    formula: spec.formula,
    tex: spec.tex,
    gradientKind: "exact",
    knownMinima: Object.freeze(spec.knownMinima.map((m) => Object.freeze({ ...m, x: Object.freeze([...m.x]) }))),
    domain: Object.freeze({ lower: Object.freeze([...spec.domain.lower]), upper: Object.freeze([...spec.domain.upper]) }),
    recipe: Object.freeze({ ...spec.recipe }),
    value: spec.value,
    gradient(x: Point, out?: Float64Array): Float64Array {
      const g = out ?? new Float64Array(n);
      writeGradient(x, g);
      return g;
    },
    withParameters(changes: Readonly<Record<string, number>>): LandscapeEnergy {
      return spec.rebuild(mergeParameters(spec.name, parameters, changes));
    },
  };
  return Object.freeze({ ...energy, ...extras }) as T;
}
