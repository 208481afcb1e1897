/**
 * Checks made at the door of every public function.
 *
 * One message shape everywhere: `<function>: <argument> must be <expectation>, got <value>`.
 * `RangeError` for a value of the right kind but out of range, `TypeError` for the wrong kind.
 *
 * @example
 * checkPositive("metropolis", "beta", -1);
 * // throws RangeError("metropolis: beta must be a positive finite number, got -1")
 */

import type { Energy } from "./types";

/**
 * Renders a received value for an error message: short, and unambiguous about its kind
 * (strings quoted, at most four array items, a typed array by its type and length).
 *
 * @example
 * [describe("1"), describe(-0), describe([1, 2, 3, 4, 5]), describe(new Float64Array(3))];
 * // => ["\"1\"", "-0", "[1, 2, 3, 4, ... (5 items)]", "Float64Array of length 3"]
 */
export function describe(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value.length > 60 ? value.slice(0, 57) + "..." : value);
  if (typeof value === "number") return Object.is(value, -0) ? "-0" : String(value);
  if (value === null || value === undefined) return String(value);
  if (typeof value === "function") return "a function";
  if (Array.isArray(value)) {
    const head = value.slice(0, 4).map(describe).join(", ");
    return `[${head}${value.length > 4 ? `, ... (${value.length} items)` : ""}]`;
  }
  if (ArrayBuffer.isView(value)) return `${value.constructor.name} of length ${(value as unknown as ArrayLike<number>).length}`;
  if (typeof value === "object") return "an object";
  return String(value);
}

/**
 * Checks that `value` is an Energy: an object with a positive integer `dimension` and `value`
 * and `gradient` functions.
 *
 * @throws TypeError naming the function and the argument otherwise.
 * @example
 * const well = doubleWell();
 * checkEnergy("metropolis", "energy", well) === well; // => true
 * checkEnergy("metropolis", "energy", (x: number) => x * x);
 * // throws TypeError("metropolis: energy must be an Energy (from energyFromFormula, energyFromFunction or a landscape such as doubleWell()), got a function")
 */
export function checkEnergy(fn: string, arg: string, value: unknown): Energy {
  const candidate = value as Partial<Energy> | null;
  const ok =
    candidate !== null &&
    typeof candidate === "object" &&
    typeof candidate.value === "function" &&
    typeof candidate.gradient === "function" &&
    Number.isInteger(candidate.dimension) &&
    (candidate.dimension as number) > 0;
  if (!ok) {
    throw new TypeError(
      message(fn, arg, "an Energy (from energyFromFormula, energyFromFunction or a landscape such as doubleWell())", value),
    );
  }
  return value as Energy;
}

/** True for arrays and typed arrays (not DataView): the array-likes every check accepts. */
export function isArrayLike(value: unknown): value is ArrayLike<unknown> {
  return Array.isArray(value) || (ArrayBuffer.isView(value) && !(value instanceof DataView));
}

/** Builds the message shared by every validation error. */
export function message(fn: string, arg: string, expected: string, got: unknown): string {
  return `${fn}: ${arg} must be ${expected}, got ${describe(got)}`;
}

/** Throws a TypeError unless `value` is a number (NaN included: that is a RangeError below). */
function checkNumberType(fn: string, arg: string, value: unknown, expected: string): asserts value is number {
  if (typeof value !== "number") throw new TypeError(message(fn, arg, expected, value));
}

/** A finite number (not NaN, not +-Infinity). */
export function checkFinite(fn: string, arg: string, value: unknown): number {
  checkNumberType(fn, arg, value, "a finite number");
  if (!Number.isFinite(value)) throw new RangeError(message(fn, arg, "a finite number", value));
  return value;
}

/** A finite number > 0. */
export function checkPositive(fn: string, arg: string, value: unknown): number {
  checkNumberType(fn, arg, value, "a positive finite number");
  if (!(value > 0 && Number.isFinite(value))) throw new RangeError(message(fn, arg, "a positive finite number", value));
  return value;
}

/** A finite number >= 0. */
export function checkNonNegative(fn: string, arg: string, value: unknown): number {
  checkNumberType(fn, arg, value, "a non-negative finite number");
  if (!(value >= 0 && Number.isFinite(value))) throw new RangeError(message(fn, arg, "a non-negative finite number", value));
  return value;
}

/** An integer in [min, max]. */
export function checkInteger(fn: string, arg: string, value: unknown, min = -Infinity, max = Infinity): number {
  const expected =
    min === -Infinity && max === Infinity ? "an integer"
    : max === Infinity ? `an integer >= ${min}`
    : min === -Infinity ? `an integer <= ${max}`
    : `an integer in [${min}, ${max}]`;
  checkNumberType(fn, arg, value, expected);
  if (!(Number.isInteger(value) && value >= min && value <= max)) throw new RangeError(message(fn, arg, expected, value));
  return value;
}

/** A number in the closed interval [min, max]. */
export function checkInRange(fn: string, arg: string, value: unknown, min: number, max: number): number {
  const expected = `a number in [${min}, ${max}]`;
  checkNumberType(fn, arg, value, expected);
  if (!(value >= min && value <= max)) throw new RangeError(message(fn, arg, expected, value));
  return value;
}

/** A seed: a finite number or a non-empty string. Randomness always flows from one. */
export function checkSeed(fn: string, arg: string, value: unknown): number | string {
  if (typeof value === "string" && value.length > 0) return value;
  if (typeof value === "number" && Number.isFinite(value)) return value;
  throw new TypeError(message(fn, arg, "a finite number or a non-empty string (an explicit seed)", value));
}

/** A boolean. */
export function checkBoolean(fn: string, arg: string, value: unknown): boolean {
  if (typeof value !== "boolean") throw new TypeError(message(fn, arg, "true or false", value));
  return value;
}

/** A function. */
export function checkFunction(fn: string, arg: string, value: unknown): Function {
  if (typeof value !== "function") throw new TypeError(message(fn, arg, "a function", value));
  return value;
}

/**
 * A point of R^n: an array (or typed array) of `dimension` finite numbers.
 * Returns a fresh Float64Array copy, so the caller's array is never mutated.
 */
export function checkPoint(fn: string, arg: string, value: unknown, dimension: number): Float64Array {
  if (!isArrayLike(value)) {
    if (dimension === 1 && typeof value === "number") {
      checkFinite(fn, arg, value);
      return Float64Array.of(value);
    }
    throw new TypeError(message(fn, arg, `an array of ${dimension} finite number${dimension === 1 ? "" : "s"}`, value));
  }
  const values = value as ArrayLike<unknown>;
  if (values.length !== dimension) {
    throw new RangeError(message(fn, arg, `a point of dimension ${dimension}`, value) + ` (dimension ${values.length})`);
  }
  const out = new Float64Array(dimension);
  for (let i = 0; i < dimension; i++) {
    const v = values[i];
    if (typeof v !== "number" || !Number.isFinite(v)) {
      throw new RangeError(message(fn, `${arg}[${i}]`, "a finite number", v));
    }
    out[i] = v;
  }
  return out;
}

/** A non-empty array of finite numbers; returned as a copy. */
export function checkFiniteArray(fn: string, arg: string, value: unknown, minLength = 1): Float64Array {
  if (!isArrayLike(value)) throw new TypeError(message(fn, arg, "an array of finite numbers", value));
  const values = value as ArrayLike<unknown>;
  if (values.length < minLength) {
    throw new RangeError(message(fn, arg, `an array of at least ${minLength} finite number${minLength === 1 ? "" : "s"}`, value));
  }
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (typeof v !== "number" || !Number.isFinite(v)) throw new RangeError(message(fn, `${arg}[${i}]`, "a finite number", v));
    out[i] = v;
  }
  return out;
}

/**
 * The one options checker of the library: refuses anything but a plain object (or undefined),
 * refuses option names the function does not know (suggesting the closest known name), and fills
 * the defaults of options left out or set to `undefined`. It checks names, not values: each
 * function then checks the values it reads with the checks above. A default of `undefined`
 * marks an option without a default (required, or optional with no value).
 *
 * @example
 * readOptions("gradientDescent", { eta: 0.1 }, { eta: 0.01, maxIterations: 10000 });
 * // => { "eta": 0.1, "maxIterations": 10000 }
 * readOptions("gradientDescent", { maxIteration: 5 }, { eta: 0.01, maxIterations: 10000 });
 * // throws RangeError("gradientDescent: options.maxIteration is not an option (did you mean maxIterations?); the options are eta, maxIterations")
 */
export function readOptions<D extends object>(fn: string, value: unknown, defaults: D, arg = "options"): D {
  if (value === undefined) return { ...defaults };
  if (value === null || typeof value !== "object" || Array.isArray(value) || ArrayBuffer.isView(value)) {
    throw new TypeError(message(fn, arg, "an options object", value));
  }
  const known = Object.keys(defaults);
  const out = { ...defaults } as Record<string, unknown>;
  for (const [key, given] of Object.entries(value as Record<string, unknown>)) {
    if (!known.includes(key)) {
      const near = closestName(key, known);
      const hint = near === undefined ? "" : ` (did you mean ${near}?)`;
      throw new RangeError(`${fn}: ${arg}.${key} is not an option${hint}; the options are ${known.join(", ") || "(none)"}`);
    }
    if (given !== undefined) out[key] = given;
  }
  return out as D;
}

/** The known name within edit distance 2 of `name` (or differing only in case), if any. */
function closestName(name: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  for (const candidate of known) {
    const d = candidate.toLowerCase() === name.toLowerCase() ? 0 : editDistance(name, candidate);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

/** Levenshtein distance, for short option names only. */
function editDistance(a: string, b: string): number {
  if (a.length > 64 || b.length > 64) return Infinity;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min(previous[j] + 1, current[j - 1] + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length];
}

/**
 * The work budget: how many elementary steps (an energy evaluation, a unit update, a grid
 * point) one call may take by default. About 10 to 60 seconds on a laptop; a call above it
 * is refused at the door rather than left to block a notebook for minutes.
 */
export const WORK_BUDGET = 2e8;

/**
 * Refuses a call whose total work is above its budget, with a message that says how to ask for
 * more. `work` counts elementary steps; `what` says what was counted.
 *
 * @example
 * checkWork("metropolis", 1000 * 1e9, "chains x (burnIn + steps)");
 * // throws RangeError("metropolis: chains x (burnIn + steps) = 1e+12 is above the work budget of 2e+8 steps; ask for less, or pass { maxWork: 1.0e+12 } if you mean it (roughly 834 min or more)")
 */
export function checkWork(fn: string, work: number, what: string, maxWork: number = WORK_BUDGET): void {
  if (!(work <= maxWork * (1 + WORK_SLACK))) {
    const seconds = work / 2e7;
    const time = seconds < 120 ? `${Math.ceil(seconds)} s` : `${Math.ceil(seconds / 60)} min`;
    throw new RangeError(
      `${fn}: ${what} = ${shortNumber(work)} is above the work budget of ` +
        `${maxWork.toExponential(0)} steps; ask for less, or pass { maxWork: ${roundedUp(work)} } ` +
        `if you mean it (roughly ${time} or more)`,
    );
  }
}

/** Three significant digits without trailing zeros after the point: 1e+12, 4.1e+10, 200. */
function shortNumber(value: number): string {
  const text = value.toPrecision(3);
  return text.includes(".") ? text.replace(/0+(e|$)/, "$1").replace(/\.(e|$)/, "$1") : text;
}

/** The budget is a rough one: work within this fraction above it still passes (3e9 + 3 under 3.0e+9). */
const WORK_SLACK = 1e-6;

/** Two significant digits, rounded up so the suggested budget covers the work: 201 -> "2.1e+2". */
function roundedUp(value: number): string {
  if (!Number.isFinite(value) || value <= 0) return String(value);
  let exponent = Math.floor(Math.log10(value));
  let tenths = Math.ceil((value / 10 ** (exponent - 1)) / (1 + WORK_SLACK));
  if (tenths >= 100) {
    tenths = 10;
    exponent++;
  }
  return `${(tenths / 10).toFixed(1)}e+${exponent}`;
}

/** A `maxWork` option: a positive number of steps; `undefined` gives the default budget. */
export function checkMaxWork(fn: string, value: unknown): number {
  if (value === undefined) return WORK_BUDGET;
  return checkPositive(fn, "maxWork", value);
}
