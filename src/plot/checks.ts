/**
 * Door checks for the figure builders: the shapes of src/types.ts, checked once, with messages
 * that name the builder and the argument (`descentFigure: results[1].energies must be ...`).
 * Internal to the plot area.
 */
import type { Energy, GibbsDensity, SamplerResult, StopReason } from "../types";
import { checkEnergy as checkIsEnergy, checkInteger, checkPositive, isArrayLike, message } from "../validate";

/** True for arrays and typed arrays (not DataView); the library's one test, re-exported for the figures. */
export { isArrayLike };

/** An object (not null, not an array). */
export function checkObject(fn: string, arg: string, value: unknown, expected: string): Record<string, unknown> {
  if (value === null || typeof value !== "object" || Array.isArray(value)) throw new TypeError(message(fn, arg, expected, value));
  return value as Record<string, unknown>;
}

/**
 * An Energy (the library's one check) whose variable names a figure can put on its axes, and,
 * when `dimensions` is given, of one of those dimensions (see {@link checkEnergyDimension}).
 */
export function checkEnergy(fn: string, arg: string, energy: unknown, dimensions?: readonly number[], hint = ""): Energy {
  const e = checkIsEnergy(fn, arg, energy);
  if (!Array.isArray(e.variables) || e.variables.length !== e.dimension) {
    throw new TypeError(message(fn, `${arg}.variables`, `${e.dimension} variable name(s)`, e.variables));
  }
  if (dimensions !== undefined) checkEnergyDimension(fn, arg, e, dimensions, hint);
  return e;
}

/** An energy of exactly the given dimension, with a hint to the right builder otherwise. */
export function checkEnergyDimension(fn: string, arg: string, energy: Energy, dimensions: readonly number[], hint: string): void {
  if (!dimensions.includes(energy.dimension)) {
    throw new RangeError(
      message(fn, `${arg}.dimension`, dimensions.length === 1 ? `${dimensions[0]}` : `one of ${dimensions.join(", ")}`, energy.dimension) +
        (hint ? `; ${hint}` : ""),
    );
  }
}

/** An array-like of finite numbers with an exact length (when given); returns a plain copy. */
export function checkNumbers(fn: string, arg: string, value: unknown, length?: number, minLength = 1): number[] {
  if (!isArrayLike(value)) throw new TypeError(message(fn, arg, "an array of finite numbers", value));
  if (length !== undefined && value.length !== length) {
    throw new RangeError(message(fn, arg, `an array of length ${length}`, value) + ` (length ${value.length})`);
  }
  if (value.length < minLength) throw new RangeError(message(fn, arg, `a non-empty array of finite numbers`, value));
  const out = new Array<number>(value.length);
  for (let i = 0; i < value.length; i++) {
    const v = value[i];
    if (typeof v !== "number" || !Number.isFinite(v)) throw new RangeError(message(fn, `${arg}[${i}]`, "a finite number", v));
    out[i] = v;
  }
  return out;
}

/** A strictly increasing array of finite numbers (a grid axis or histogram edges). */
export function checkIncreasing(fn: string, arg: string, value: unknown, minLength: number): number[] {
  const out = checkNumbers(fn, arg, value, undefined, minLength);
  if (out.length < minLength) throw new RangeError(message(fn, arg, `at least ${minLength} values`, value));
  for (let i = 1; i < out.length; i++) {
    if (!(out[i] > out[i - 1])) throw new RangeError(message(fn, arg, "strictly increasing", value) + ` (at index ${i})`);
  }
  return out;
}

/** A non-empty array (of results, densities, ...). */
export function checkNonEmptyArray<T>(fn: string, arg: string, value: unknown, expected: string): readonly T[] {
  if (!Array.isArray(value)) throw new TypeError(message(fn, arg, `a non-empty array of ${expected}`, value));
  if (value.length === 0) throw new RangeError(message(fn, arg, `a non-empty array of ${expected}`, value));
  return value as readonly T[];
}

/** A minimum to mark: where it is, and optionally its energy and a label. */
export interface MinimumMarker {
  readonly x: readonly number[];
  readonly energy?: number;
  readonly label?: string;
}

/** Checks minima markers against a dimension; returns plain copies. */
export function checkMinima(fn: string, arg: string, value: unknown, dimension: number): MinimumMarker[] {
  if (!Array.isArray(value)) throw new TypeError(message(fn, arg, "an array of minima { x, energy?, label? }", value));
  return value.map((m, i) => {
    const item = checkObject(fn, `${arg}[${i}]`, m, "a minimum { x, energy?, label? }");
    const x = checkNumbers(fn, `${arg}[${i}].x`, item.x, dimension);
    if (item.energy !== undefined && !(typeof item.energy === "number" && Number.isFinite(item.energy))) {
      throw new RangeError(message(fn, `${arg}[${i}].energy`, "a finite number", item.energy));
    }
    if (item.label !== undefined && typeof item.label !== "string") {
      throw new TypeError(message(fn, `${arg}[${i}].label`, "a string", item.label));
    }
    return { x, energy: item.energy as number | undefined, label: item.label as string | undefined };
  });
}

/** A descent result, checked and copied; a diverged run is cut at its first non-finite value. */
export interface CheckedDescent {
  path: number[][];
  energies: number[];
  times: number[];
  reason: StopReason;
  converged: boolean;
  /** The indices of the kept points where the run's energy rose (the run's own count), or undefined when it did not record them. */
  energyRises: number[] | undefined;
  /** The number of recorded points dropped because a diverged run became non-finite. */
  dropped: number;
}

/**
 * Checks one DescentResult: path, energies and times of equal, non-zero length; points of the
 * energy's dimension; finite values. A run whose reason is "diverged" may end in non-finite
 * values: those trailing points are dropped (and counted) instead of rejected, so the figure
 * can show the run up to where it blew up. `energyRises`, when present, must be indices into the
 * path; a run of another energy than `energyName` (when both are named) is refused.
 */
export function checkDescentResult(fn: string, arg: string, value: unknown, dimension: number, energyName?: string): CheckedDescent {
  const r = checkObject(fn, arg, value, "a DescentResult { path, energies, times, ... }");
  if (energyName !== undefined && typeof r.energyName === "string" && r.energyName !== energyName) {
    throw new RangeError(`${fn}: ${arg} is a run on the energy ${JSON.stringify(r.energyName)}, not on ${JSON.stringify(energyName)} that the figure draws`);
  }
  if (!Array.isArray(r.path)) throw new TypeError(message(fn, `${arg}.path`, "an array of points", r.path));
  if (!isArrayLike(r.energies)) throw new TypeError(message(fn, `${arg}.energies`, "an array of finite numbers", r.energies));
  if (!isArrayLike(r.times)) throw new TypeError(message(fn, `${arg}.times`, "an array of finite numbers", r.times));
  const n = r.path.length;
  if (n === 0) throw new RangeError(message(fn, `${arg}.path`, "a non-empty array of points", r.path));
  if (r.energies.length !== n) {
    throw new RangeError(message(fn, `${arg}.energies`, `an array of length ${n} (one per path point)`, r.energies) + ` (length ${r.energies.length})`);
  }
  if (r.times.length !== n) {
    throw new RangeError(message(fn, `${arg}.times`, `an array of length ${n} (one per path point)`, r.times) + ` (length ${r.times.length})`);
  }
  const diverged = r.reason === "diverged";
  const path: number[][] = [];
  const energies: number[] = [];
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const p = r.path[i];
    if (!isArrayLike(p) || p.length !== dimension) {
      throw new RangeError(message(fn, `${arg}.path[${i}]`, `a point of dimension ${dimension}`, p));
    }
    const point = Array.from(p as ArrayLike<number>);
    const e = (r.energies as ArrayLike<unknown>)[i];
    const t = (r.times as ArrayLike<unknown>)[i];
    const badCoordinate = point.findIndex((v) => typeof v !== "number" || !Number.isFinite(v));
    const badEnergy = typeof e !== "number" || !Number.isFinite(e);
    if (diverged && i > 0 && (badCoordinate >= 0 || badEnergy)) break;
    if (badCoordinate >= 0) throw new RangeError(message(fn, `${arg}.path[${i}][${badCoordinate}]`, "a finite number", point[badCoordinate]));
    if (badEnergy) throw new RangeError(message(fn, `${arg}.energies[${i}]`, "a finite number", e));
    if (typeof t !== "number" || !Number.isFinite(t)) throw new RangeError(message(fn, `${arg}.times[${i}]`, "a finite number", t));
    path.push(point);
    energies.push(e as number);
    times.push(t);
  }
  let energyRises: number[] | undefined;
  if (r.energyRises !== undefined) {
    if (!Array.isArray(r.energyRises)) throw new TypeError(message(fn, `${arg}.energyRises`, "an array of path indices", r.energyRises));
    energyRises = r.energyRises.map((i, k) => checkInteger(fn, `${arg}.energyRises[${k}]`, i, 1, n - 1)).filter((i) => i < path.length);
  }
  return {
    path,
    energies,
    times,
    reason: (r.reason as StopReason) ?? "max-iterations",
    converged: r.converged === true,
    energyRises,
    dropped: n - path.length,
  };
}

/** A Gibbs density checked against its grid; returns the grid size. */
export interface CheckedDensity {
  beta: number;
  /** The energy's name, when the density says. */
  energyName: string | undefined;
  /** The density as given (for the library's functions that take one). */
  source: GibbsDensity;
  axes: number[][];
  density: number[];
  energies: number[];
}

/** Checks one GibbsDensity (1D or 2D): axes increasing, density and energies one per grid point. */
export function checkGibbsDensity(fn: string, arg: string, value: unknown): CheckedDensity {
  const d = checkObject(fn, arg, value, "a GibbsDensity { beta, axes, density, energies, ... }");
  const beta = checkPositive(fn, `${arg}.beta`, d.beta);
  if (!Array.isArray(d.axes) || d.axes.length < 1 || d.axes.length > 2) {
    throw new RangeError(message(fn, `${arg}.axes`, "one or two grid axes", d.axes));
  }
  const axes = d.axes.map((a, k) => checkIncreasing(fn, `${arg}.axes[${k}]`, a, 2));
  const size = axes.reduce((s, a) => s * a.length, 1);
  const density = checkNumbers(fn, `${arg}.density`, d.density, size);
  const negative = density.findIndex((v) => v < 0);
  if (negative >= 0) throw new RangeError(message(fn, `${arg}.density[${negative}]`, "a non-negative number", density[negative]));
  const energies = checkNumbers(fn, `${arg}.energies`, d.energies, size);
  if (d.energyName !== undefined && typeof d.energyName !== "string") throw new TypeError(message(fn, `${arg}.energyName`, "a string", d.energyName));
  return { beta, energyName: d.energyName as string | undefined, source: value as GibbsDensity, axes, density, energies };
}

/** A histogram as the figures draw it, with the context that pairs it with a density. */
export interface CheckedHistogram {
  edges: number[];
  centers: number[];
  density: number[];
  beta: number | undefined;
  energyName: string | undefined;
}

/** Checks one Histogram: edges increasing, one centre, count and density per bin; beta and energyName when present. */
export function checkHistogram(fn: string, arg: string, value: unknown): CheckedHistogram {
  const h = checkObject(fn, arg, value, "a Histogram { edges, centers, counts, density, ... }");
  const edges = checkIncreasing(fn, `${arg}.edges`, h.edges, 2);
  const bins = edges.length - 1;
  const centers = checkNumbers(fn, `${arg}.centers`, h.centers, bins);
  const density = checkNumbers(fn, `${arg}.density`, h.density, bins);
  const beta = h.beta === undefined ? undefined : checkPositive(fn, `${arg}.beta`, h.beta);
  if (h.energyName !== undefined && typeof h.energyName !== "string") throw new TypeError(message(fn, `${arg}.energyName`, "a string", h.energyName));
  return { edges, centers, density, beta, energyName: h.energyName as string | undefined };
}

/** Checks the shape of a SamplerResult (not every sample: only the ones a figure draws). */
export function checkSamplerResult(fn: string, arg: string, value: unknown): SamplerResult {
  const r = checkObject(fn, arg, value, "a SamplerResult { samples, chains, samplesPerChain, ... }");
  const chains = checkInteger(fn, `${arg}.chains`, r.chains, 1);
  const perChain = checkInteger(fn, `${arg}.samplesPerChain`, r.samplesPerChain, 1);
  const dimension = checkInteger(fn, `${arg}.dimension`, r.dimension, 1);
  if (!isArrayLike(r.samples)) throw new TypeError(message(fn, `${arg}.samples`, "a Float64Array of samples", r.samples));
  const expected = chains * perChain * dimension;
  if (r.samples.length !== expected) {
    throw new RangeError(
      message(fn, `${arg}.samples`, `of length chains * samplesPerChain * dimension = ${expected}`, r.samples) + ` (length ${r.samples.length})`,
    );
  }
  checkAcceptance(fn, `${arg}.acceptanceRate`, r.acceptanceRate);
  return value as SamplerResult;
}

/** An acceptance rate in [0, 1]. */
export function checkAcceptance(fn: string, arg: string, value: unknown): number {
  if (typeof value !== "number") throw new TypeError(message(fn, arg, "a number in [0, 1]", value));
  if (!(value >= 0 && value <= 1)) throw new RangeError(message(fn, arg, "a number in [0, 1]", value));
  return value;
}

/** A boolean option with a default. */
export function booleanOption(fn: string, arg: string, value: unknown, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  if (typeof value !== "boolean") throw new TypeError(message(fn, arg, "true or false", value));
  return value;
}

/** An integer option with a default and bounds. */
export function integerOption(fn: string, arg: string, value: unknown, fallback: number, min: number, max: number): number {
  return value === undefined ? fallback : checkInteger(fn, arg, value, min, max);
}

/** A string option that must be one of a fixed list. */
export function choiceOption<T extends string>(fn: string, arg: string, value: unknown, choices: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if (typeof value !== "string" || !(choices as readonly string[]).includes(value)) {
    throw new RangeError(message(fn, arg, `one of ${choices.map((c) => JSON.stringify(c)).join(", ")}`, value));
  }
  return value as T;
}
