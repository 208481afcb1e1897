/**
 * Door checks for energies, shared by every function that takes one (dynamics, Gibbs densities,
 * samplers, figures).
 *
 * `checkEnergy` refuses something that is not an Energy; `checkFiniteAt` refuses a point where
 * the energy (and, when the caller needs it, its gradient) is not a finite number, so a sampler
 * or a descent fails at the door with a clear message instead of producing NaN a million steps
 * later. `checkBox` and `checkKnownMinima` check the optional parts.
 * Internal: the package exports `checkEnergyAt` (checkEnergyAt.ts), a learner's version.
 */
import type { Box, Energy, KnownMinimum, Point } from "../types";
import { describe, message } from "../validate";

// `checkEnergy` lives with the other door checks in validate.ts (figures use it too); it is
// re-exported here for the library's own modules.
export { checkEnergy } from "../validate";

/** What `checkFiniteAt` checks besides the value. */
export interface FiniteAtOptions {
  /** Also require a finite gradient (samplers that use it: Langevin, MALA, descent). @default true */
  gradient?: boolean;
  /** How the point is called in the message. @default "the starting point" */
  label?: string;
}

function pointText(x: Point): string {
  return `[${Array.from(x, (v) => describe(v)).join(", ")}]`;
}

/**
 * Evaluates E(x) (and dE/dx unless told not to) and refuses the point when either is not a
 * finite number. Call it once at the door of a descent or a sampler, on each starting point.
 *
 * @returns E(x), so the caller need not evaluate it again.
 * @throws RangeError `<fn>: energy "<name>" has a value that is not finite at the starting point
 *   x = [..]: E = NaN` (or the same for a gradient component, naming it), or when the gradient
 *   does not have one component per dimension.
 * @example
 * checkFiniteAt("langevin", doubleWell(), [0.5]); // => 0.5625
 * checkFiniteAt("langevin", energyFromFormula("log(x)", { variables: ["x"] }), [-1]);
 * // throws RangeError('langevin: energy "log(x)" has a value that is not finite at the starting point x = [-1]: E = NaN')
 */
export function checkFiniteAt(fn: string, energy: Energy, x: Point, options: FiniteAtOptions = {}): number {
  const label = options.label ?? "the starting point";
  const value = energy.value(x);
  if (!Number.isFinite(value)) {
    throw new RangeError(
      `${fn}: energy ${describe(energy.name)} has a value that is not finite at ${label} x = ${pointText(x)}: E = ${describe(value)}`,
    );
  }
  if (options.gradient ?? true) {
    const g = energy.gradient(x, new Float64Array(energy.dimension));
    if (g.length !== energy.dimension) {
      throw new RangeError(
        `${fn}: energy ${describe(energy.name)} has a gradient of ${g.length} component${g.length === 1 ? "" : "s"} at ${label} ` +
          `x = ${pointText(x)}, expected ${energy.dimension} (one per dimension)`,
      );
    }
    for (let i = 0; i < g.length; i++) {
      if (!Number.isFinite(g[i])) {
        const variable = energy.variables?.[i] ?? `x${i + 1}`;
        throw new RangeError(
          `${fn}: energy ${describe(energy.name)} has a gradient that is not finite at ${label} x = ${pointText(x)}: ` +
            `dE/d${variable} = ${describe(g[i])}`,
        );
      }
    }
  }
  return value;
}

/**
 * Checks a plotting box for dimension n: `lower` and `upper` arrays of n finite numbers with
 * lower[i] < upper[i]. Returns a frozen copy.
 *
 * @throws TypeError for the wrong kind, RangeError for wrong lengths or an empty interval.
 * @example
 * checkBox("energyFromFormula", "options.domain", { lower: [-2], upper: [2] }, 1); // => { "lower": [-2], "upper": [2] }
 */
export function checkBox(fn: string, arg: string, value: unknown, dimension: number): Box {
  const box = value as Partial<Box> | null;
  if (box === null || typeof box !== "object" || !Array.isArray(box.lower) || !Array.isArray(box.upper)) {
    throw new TypeError(message(fn, arg, "a box { lower: number[], upper: number[] }", value));
  }
  const lower = box.lower as unknown[];
  const upper = box.upper as unknown[];
  if (lower.length !== dimension || upper.length !== dimension) {
    throw new RangeError(message(fn, arg, `a box with ${dimension} lower and ${dimension} upper bounds`, value));
  }
  for (let i = 0; i < dimension; i++) {
    const lo = lower[i];
    const hi = upper[i];
    if (typeof lo !== "number" || typeof hi !== "number" || !Number.isFinite(lo) || !Number.isFinite(hi) || !(lo < hi)) {
      throw new RangeError(message(fn, `${arg} axis ${i}`, "finite bounds with lower < upper", [lo, hi]));
    }
  }
  return Object.freeze({ lower: Object.freeze([...(lower as number[])]), upper: Object.freeze([...(upper as number[])]) });
}

/**
 * Checks a list of known minima for dimension n: each `{ x: n finite numbers, energy: finite,
 * label?: string }`. Returns a frozen deep copy.
 *
 * @throws TypeError or RangeError naming the offending entry.
 * @example
 * checkKnownMinima("energyFromFormula", "options.knownMinima", [{ x: [1], energy: 0 }], 1).length; // => 1
 */
export function checkKnownMinima(fn: string, arg: string, value: unknown, dimension: number): readonly KnownMinimum[] {
  if (!Array.isArray(value)) throw new TypeError(message(fn, arg, "an array of { x, energy, label? }", value));
  return Object.freeze(
    value.map((entry: unknown, k) => {
      const m = entry as Partial<KnownMinimum> | null;
      const name = `${arg}[${k}]`;
      if (m === null || typeof m !== "object") throw new TypeError(message(fn, name, "an object { x, energy, label? }", entry));
      const x = m.x as unknown;
      if (!Array.isArray(x) || x.length !== dimension || x.some((v) => typeof v !== "number" || !Number.isFinite(v))) {
        throw new RangeError(message(fn, `${name}.x`, `an array of ${dimension} finite numbers`, x));
      }
      if (typeof m.energy !== "number" || !Number.isFinite(m.energy)) {
        throw new RangeError(message(fn, `${name}.energy`, "a finite number", m.energy));
      }
      if (m.label !== undefined && typeof m.label !== "string") {
        throw new TypeError(message(fn, `${name}.label`, "a string", m.label));
      }
      const copy: KnownMinimum = { x: Object.freeze([...(x as number[])]), energy: m.energy, ...(m.label !== undefined ? { label: m.label } : {}) };
      return Object.freeze(copy);
    }),
  );
}
