/**
 * The shapes that flow between the parts of the library.
 *
 * Data flows one way: `energy` and `landscapes` make an {@link Energy}; `dynamics`, `gibbs` and
 * `sampling` take one and return plain result objects; `plot` turns results into figures.
 */

/** A point of the state space R^n, as the library accepts it. */
export type Point = ArrayLike<number>;

/** A local minimum that is known in closed form or from the literature. */
export interface KnownMinimum {
  /** Where it is. */
  readonly x: readonly number[];
  /** E at x (rounded where the source gives it rounded). */
  readonly energy: number;
  /** A short label for figures and tables, such as "left memory" or "A". */
  readonly label?: string;
}

/** An axis-aligned box [lower_i, upper_i] in R^n: where a landscape is worth looking. */
export interface Box {
  readonly lower: readonly number[];
  readonly upper: readonly number[];
}

/**
 * How to rebuild an energy in another thread: `require(module)[export](...args)` must return an
 * energy that computes the same numbers. Functions cannot be sent to a worker thread, so the
 * samplers split chains across threads only for energies that carry a recipe.
 */
export interface EnergyRecipe {
  /** An absolute file path or a package name that `require()` resolves (`__filename` works). */
  readonly module: string;
  /** The name of the exported factory function. */
  readonly export: string;
  /** The factory's arguments: structured-cloneable data (numbers, strings, arrays, plain objects). */
  readonly args: readonly unknown[];
}

/**
 * An energy function E(x, w): R^n x R^p -> R, with its gradient in x.
 *
 * Every dynamics, Gibbs and sampling function accepts this one type. Make one with
 * `energyFromFunction`, `energyFromFormula`, or a catalogue landscape such as `doubleWell()`.
 * Energies are immutable: `withParameters` returns a new energy and leaves this one unchanged.
 */
export interface Energy {
  /** A human-readable name, for titles: "double well". */
  readonly name: string;
  /** n, the dimension of the state x. */
  readonly dimension: number;
  /** Names of the state variables, length n: ["x"] or ["x", "y"]. */
  readonly variables: readonly string[];
  /** The parameters w by name, with their current values (frozen). */
  readonly parameters: Readonly<Record<string, number>>;
  /** The formula in mathjs syntax, when there is one: "(x^2 - 1)^2 + tilt * x". */
  readonly formula?: string;
  /** The formula as TeX, for a markdown cell or a figure title. */
  readonly tex?: string;
  /** The gradient as TeX, one entry per variable (symbolic energies only). */
  readonly gradientTex?: readonly string[];
  /** How the gradient is computed. */
  readonly gradientKind: "exact" | "symbolic" | "central-difference";
  /** Minima known in closed form or from the literature (catalogue landscapes). */
  readonly knownMinima?: readonly KnownMinimum[];
  /** A box where the interesting part of the landscape lies (for grids and figures). */
  readonly domain?: Box;
  /** How to rebuild this energy in a worker thread (optional; see {@link EnergyRecipe}). */
  readonly recipe?: EnergyRecipe;
  /** E(x, w). Fast path: no validation, x must have length n. */
  value(x: Point): number;
  /**
   * The gradient of E in x. Fast path: no validation. Writes into `out` when given
   * (length n) and returns it; otherwise returns a new array.
   */
  gradient(x: Point, out?: Float64Array): Float64Array;
  /** A new energy with some parameters changed (no re-parsing, no recompiling). */
  withParameters(changes: Readonly<Record<string, number>>): Energy;
}

/** Why a descent or flow stopped. */
export type StopReason = "converged" | "max-iterations" | "diverged" | "energy-increased";

/** The result of gradient descent or gradient flow. */
export interface DescentResult {
  /** x_0, x_1, ..., one point per recorded step (path[0] is the start). */
  readonly path: number[][];
  /** E(x_t) for each recorded point. */
  readonly energies: number[];
  /** Time stamps: the step index for discrete descent, t for gradient flow. */
  readonly times: number[];
  /** Steps taken. */
  readonly iterations: number;
  /** True when the gradient norm (or the step) fell below the tolerance. */
  readonly converged: boolean;
  /** Why the run stopped. */
  readonly reason: StopReason;
  /** The last point reached. */
  readonly final: number[];
  /** E at the last point. */
  readonly finalEnergy: number;
  /**
   * Where the energy rose: the indices i into `path` (and `energies`, `times`) of the points
   * reached by a step that raised E beyond the run's rise tolerance, E_i - E_prev >
   * tol * max(1, |E_prev|), with E_prev the energy one step earlier. Every such point is kept in
   * `path` whatever `recordEvery` says. Computed once by the run; figures read it.
   */
  readonly energyRises: number[];
  /** The name of the energy the run descended (figures check it against the energy they draw). */
  readonly energyName?: string;
}

/** A regular grid along one axis: `count` points from `min` to `max` inclusive. */
export interface Axis {
  readonly min: number;
  readonly max: number;
  readonly count: number;
}

/** A density (or any field) on a 1D or 2D grid. Values are stored row-major: index = i + nx * j. */
export interface GridField {
  /** Grid coordinates along each axis (1 or 2 axes). */
  readonly axes: number[][];
  /** The values, length = product of the axis lengths. */
  readonly values: Float64Array;
}

/** The Gibbs distribution p(x) = exp(-beta E(x)) / Z on a grid. */
export interface GibbsDensity {
  readonly beta: number;
  /** The name of the energy, such as "double well" (figures pair densities and samples by it). */
  readonly energyName: string;
  /**
   * The energy itself, when the density was made from one (gibbsDensity, temperatureSweep): exact
   * bin masses and curvatures use it. Absent for a marginal, whose `energies` are free energies.
   */
  readonly energy?: Energy;
  /** Grid coordinates along each axis (1 or 2 axes). */
  readonly axes: number[][];
  /** p(x) as a density (integrates to 1 with the cell volume). */
  readonly density: Float64Array;
  /** log p(x). */
  readonly logDensity: Float64Array;
  /** The energy at each grid point. */
  readonly energies: Float64Array;
  /** log Z, with Z approximated by the grid sum times the cell volume. */
  readonly logZ: number;
  /** The volume of one grid cell (dx, or dx * dy). */
  readonly cellVolume: number;
}

/** A histogram normalised as a density. */
export interface Histogram {
  /** Bin edges, length bins + 1. */
  readonly edges: number[];
  /** Bin centres, length bins. */
  readonly centers: number[];
  /** Counts per bin. */
  readonly counts: number[];
  /** counts / (total * binWidth): integrates to 1 over the covered range. */
  readonly density: number[];
  /** Samples that fell outside the edges. */
  readonly outside: number;
  /** All samples, those outside included. */
  readonly total: number;
  /** The inverse temperature of the run the samples came from (from a sampler result, or given). */
  readonly beta?: number;
  /** The seed of that run (from a sampler result). */
  readonly seed?: number | string;
  /** The name of the energy that was sampled (from a sampler result, or given). */
  readonly energyName?: string;
}

/** The result of a sampler run over many independent chains. */
export interface SamplerResult {
  /** The sampler: "metropolis", "langevin" or "mala". */
  readonly method: string;
  /** The seed every random number came from. */
  readonly seed: number | string;
  readonly beta: number;
  /** Number of chains and of kept samples per chain. */
  readonly chains: number;
  readonly samplesPerChain: number;
  readonly dimension: number;
  /**
   * Kept samples, chain-major: sample s of chain c, coordinate d is at
   * ((c * samplesPerChain) + s) * dimension + d.
   */
  readonly samples: Float64Array;
  /** Accepted proposals / proposals over all chains (1 for unadjusted Langevin). */
  readonly acceptanceRate: number;
  /** Acceptance rate of each chain. */
  readonly chainAcceptanceRates: Float64Array;
  /** The final state of each chain, chain-major. */
  readonly finalStates: Float64Array;
  /** Transitions per chain after the burn-in, as asked (one sweep over the units for the Boltzmann machine). */
  readonly steps: number;
  /** Transitions per chain run first and not kept. */
  readonly burnIn: number;
  /** Every `thin`-th state after the burn-in was kept: samplesPerChain = floor(steps / thin). */
  readonly thin: number;
  /** The name of the energy (or network) that was sampled, such as "double well". */
  readonly energyName: string;
}
