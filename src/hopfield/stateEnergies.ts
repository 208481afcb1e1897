/**
 * The door check shared by the landscape-analysis functions (internal to this folder): the
 * energies E(s) of all 2^N states of a small network, index = stateIndex(s).
 */
import { checkFiniteArray, isArrayLike, message } from "../validate";
import { MAX_ENUMERATION_UNITS } from "./boltzmannStates";

/** The energies of every state of an enumerated network, after the door check. */
export interface StateEnergies {
  /** N, the number of units. */
  readonly size: number;
  /** E(s) for each of the 2^N states, index = stateIndex(s) = sum_i [s_i = +1] 2^i (a copy). */
  readonly energies: Float64Array;
}

/**
 * Reads `value`: an array (or typed array) of 2^N finite energies with N in [1, maxUnits], or an
 * object with such an `energies` field (a BoltzmannDistribution). Returns a copy and N.
 */
export function readStateEnergies(fn: string, arg: string, value: unknown, maxUnits: number = MAX_ENUMERATION_UNITS): StateEnergies {
  const expected = `2^N finite energies, one per state (index = stateIndex(s)), with N from 1 to ${maxUnits}`;
  const fromObject = !isArrayLike(value) && value !== null && typeof value === "object";
  const raw = fromObject ? (value as { energies?: unknown }).energies : value;
  const name = fromObject ? `${arg}.energies` : arg;
  if (!isArrayLike(raw)) {
    throw new TypeError(message(fn, arg, "an array of 2^N energies (or an object with an energies field, such as a BoltzmannDistribution)", value));
  }
  const n = Math.round(Math.log2(raw.length));
  if (!(raw.length >= 2 && 2 ** n === raw.length && n <= maxUnits)) {
    throw new RangeError(message(fn, name, expected, raw) + ` (length ${raw.length})`);
  }
  return { size: n, energies: checkFiniteArray(fn, name, raw) };
}

/**
 * The absolute tolerance for comparing energies: `relative` * max(1, max_s |E(s)|). A flip lowers
 * E only when it lowers it by more than this (rounding in E is not a descent).
 */
export function energyTolerance(energies: Float64Array, relative: number): number {
  let scale = 1;
  for (let i = 0; i < energies.length; i++) scale = Math.max(scale, Math.abs(energies[i]));
  return relative * scale;
}

/** True when no single flip lowers E(index) by more than `tol` (inputs already checked). */
export function isSingleFlipMinimum(energies: Float64Array, n: number, index: number, tol: number): boolean {
  const e = energies[index];
  for (let i = 0; i < n; i++) if (energies[index ^ (1 << i)] < e - tol) return false;
  return true;
}
