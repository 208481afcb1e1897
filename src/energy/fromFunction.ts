import type { Box, Energy, KnownMinimum, Point } from "../types";
import { checkFunction, checkInteger, message, describe, readOptions } from "../validate";
import { differenceGradient } from "../linalg";
import { checkBox, checkKnownMinima } from "./checkEnergy";

/** What `energyFromFunction` needs besides the energy itself. */
export interface FunctionEnergyOptions {
  /** n, the dimension of x. @default 1 */
  dimension?: number;
  /** Names of the variables. @default ["x"] in 1D, ["x", "y"] in 2D, ["x1", ..., "xn"] otherwise */
  variables?: readonly string[];
  /** The parameters w with their values. @default {} */
  parameters?: Readonly<Record<string, number>>;
  /** The exact gradient, if you have it; otherwise a central difference is used. */
  gradient?: (x: Point, w: Readonly<Record<string, number>>, out: Float64Array) => Float64Array | void;
  /** A name for titles. @default "custom energy" */
  name?: string;
  /** A TeX rendering of the formula, if you want one shown. */
  tex?: string;
  /** Minima known in closed form. */
  knownMinima?: readonly KnownMinimum[];
  /** Where the landscape is worth looking. */
  domain?: Box;
  /** The relative step of the central difference. @default 1e-5 */
  differenceStep?: number;
}

/**
 * Default variable names for dimension n: x in 1D, x and y in 2D, x1 ... xn otherwise.
 *
 * @example
 * [defaultVariables(1), defaultVariables(2), defaultVariables(3)];
 * // => [["x"], ["x", "y"], ["x1", "x2", "x3"]]
 */
export function defaultVariables(n: number): string[] {
  if (n === 1) return ["x"];
  if (n === 2) return ["x", "y"];
  return Array.from({ length: n }, (_, i) => `x${i + 1}`);
}

/**
 * Makes an {@link Energy} from a TypeScript function E(x, w).
 *
 * Without an exact gradient, the gradient is the central difference
 * dE/dx_i ~ (E(x + h e_i) - E(x - h e_i)) / (2h), with h = step * max(1, |x_i|),
 * accurate to O(h^2) (about 1e-10 relative for smooth energies at the default step).
 *
 * @throws TypeError when `value` is not a function or an option has the wrong kind.
 * @throws RangeError when the dimension is not a positive integer, the variable names do not
 *   match it, or a parameter is not finite.
 * @example
 * const bowl = energyFromFunction((x, w) => 0.5 * w.k * x[0] ** 2, { parameters: { k: 2 } });
 * bowl.value([3]);        // => 9
 * bowl.gradient([3])[0];  // the central difference of k x^2 / 2 at x = 3: k x = 6
 * // => 6 (to about 1e-9)
 */
export function energyFromFunction(
  value: (x: Point, w: Readonly<Record<string, number>>) => number,
  options?: FunctionEnergyOptions,
): Energy {
  const fn = "energyFromFunction";
  checkFunction(fn, "value", value);
  const opts = readOptions<FunctionEnergyOptions>(fn, options, {
    dimension: 1,
    variables: undefined,
    parameters: {},
    gradient: undefined,
    name: "custom energy",
    tex: undefined,
    knownMinima: undefined,
    domain: undefined,
    differenceStep: 1e-5,
  });
  const dimension = checkInteger(fn, "options.dimension", opts.dimension, 1, 1_000_000);
  const variables = opts.variables ?? defaultVariables(dimension);
  if (!Array.isArray(variables) || variables.length !== dimension || variables.some((v) => typeof v !== "string" || v === "")) {
    throw new RangeError(message(fn, "options.variables", `${dimension} non-empty name${dimension === 1 ? "" : "s"}`, variables));
  }
  if (opts.gradient !== undefined) checkFunction(fn, "options.gradient", opts.gradient);
  const step = opts.differenceStep;
  if (!(typeof step === "number" && step > 0 && step < 1)) {
    throw new RangeError(message(fn, "options.differenceStep", "a number in (0, 1)", step));
  }
  const parameters = checkParameters(fn, "options.parameters", opts.parameters);
  if (typeof opts.name !== "string") throw new TypeError(message(fn, "options.name", "a string", opts.name));
  if (opts.tex !== undefined && typeof opts.tex !== "string") throw new TypeError(message(fn, "options.tex", "a string", opts.tex));
  return makeFunctionEnergy(value, {
    dimension,
    variables: Object.freeze([...variables]),
    parameters,
    gradient: opts.gradient,
    name: opts.name,
    tex: opts.tex,
    knownMinima: opts.knownMinima === undefined ? undefined : checkKnownMinima(fn, "options.knownMinima", opts.knownMinima, dimension),
    domain: opts.domain === undefined ? undefined : checkBox(fn, "options.domain", opts.domain, dimension),
    step,
  });
}

interface Resolved {
  dimension: number;
  variables: readonly string[];
  parameters: Readonly<Record<string, number>>;
  gradient?: (x: Point, w: Readonly<Record<string, number>>, out: Float64Array) => Float64Array | void;
  name: string;
  tex?: string;
  knownMinima?: readonly KnownMinimum[];
  domain?: Box;
  step: number;
}

/**
 * Checks a parameter record: a plain object of finite numbers. Returns a frozen copy.
 *
 * @throws TypeError when `parameters` is not a plain object; RangeError naming the first
 *   parameter whose value is not a finite number.
 * @example
 * checkParameters("energyFromFunction", "options.parameters", { k: 2 }); // => { "k": 2 }
 * checkParameters("energyFromFunction", "options.parameters", { k: NaN });
 * // throws RangeError("energyFromFunction: options.parameters.k must be a finite number, got NaN")
 */
export function checkParameters(fn: string, arg: string, parameters: unknown): Readonly<Record<string, number>> {
  if (parameters === null || typeof parameters !== "object" || Array.isArray(parameters)) {
    throw new TypeError(message(fn, arg, "an object of named finite numbers", parameters));
  }
  const copy: Record<string, number> = {};
  for (const [key, v] of Object.entries(parameters as Record<string, unknown>)) {
    if (typeof v !== "number" || !Number.isFinite(v)) throw new RangeError(message(fn, `${arg}.${key}`, "a finite number", v));
    copy[key] = v;
  }
  return Object.freeze(copy);
}

function makeFunctionEnergy(
  value: (x: Point, w: Readonly<Record<string, number>>) => number,
  r: Resolved,
): Energy {
  const w = r.parameters;
  const n = r.dimension;
  const scratch = new Float64Array(n);
  const bound = (x: Point) => value(x, w);
  const gradient = r.gradient
    ? (x: Point, out?: Float64Array): Float64Array => {
        const g = out ?? new Float64Array(n);
        const returned = r.gradient!(x, w, g);
        return returned instanceof Float64Array ? returned : g;
      }
    : (x: Point, out?: Float64Array): Float64Array => differenceGradient(bound, x, r.step, out ?? new Float64Array(n), scratch);
  const energy: Energy = {
    name: r.name,
    dimension: n,
    variables: r.variables,
    parameters: w,
    tex: r.tex,
    gradientKind: r.gradient ? "exact" : "central-difference",
    knownMinima: r.knownMinima,
    domain: r.domain,
    value: (x: Point) => value(x, w),
    gradient,
    withParameters(changes: Readonly<Record<string, number>>): Energy {
      const checked = checkParameters("withParameters", "changes", changes);
      for (const key of Object.keys(checked)) {
        if (!(key in w)) {
          throw new RangeError(
            `withParameters: unknown parameter ${describe(key)} for ${r.name}; its parameters are ${Object.keys(w).join(", ") || "(none)"}`,
          );
        }
      }
      return makeFunctionEnergy(value, { ...r, parameters: Object.freeze({ ...w, ...checked }) });
    },
  };
  return Object.freeze(energy);
}
