/**
 * Numbering the 2^N states of N units +-1, for exact enumeration and histograms.
 *
 * Mapping: unit i contributes bit i (unit 0 is the least significant bit), with bit 1 for
 * s_i = +1 and bit 0 for s_i = -1. So index = sum_i [s_i = +1] 2^i: all -1 is state 0, all +1
 * is state 2^N - 1, and [+1, -1, -1] is state 1.
 */
import { checkInteger, message } from "../validate";
import { checkSpinVector } from "./checks";

/** Exact enumeration visits 2^N states: at most 20 units (about a million states). */
export const MAX_ENUMERATION_UNITS = 20;

/** Units a state index can number exactly (indices stay below 2^53). */
const MAX_INDEX_UNITS = 52;

/**
 * The index of a +-1 state: sum_i [s_i = +1] 2^i (unit 0 is the lowest bit).
 *
 * @throws TypeError when s is not an array of +-1 values.
 * @throws RangeError when a value is not +1 or -1, or s has more than 52 units.
 * @example
 * stateIndex([1, -1, 1]); // 1 + 4
 * // => 5
 */
export function stateIndex(s: readonly number[]): number {
  const fn = "stateIndex";
  const spins = checkSpinVector(fn, "s", s);
  if (spins.length > MAX_INDEX_UNITS) {
    throw new RangeError(message(fn, "s", `a state of at most ${MAX_INDEX_UNITS} units`, s) + ` (length ${spins.length})`);
  }
  return indexOf(spins);
}

/**
 * The +-1 state of N units with the given index (the inverse of {@link stateIndex}).
 *
 * @throws RangeError when N is not an integer in [1, 52] or the index is not an integer in
 *   [0, 2^N - 1].
 * @example
 * stateFromIndex(5, 3);
 * // => [1, -1, 1]
 */
export function stateFromIndex(index: number, N: number): number[] {
  const fn = "stateFromIndex";
  checkInteger(fn, "N", N, 1, MAX_INDEX_UNITS);
  checkInteger(fn, "index", index, 0, 2 ** N - 1);
  const s = new Array<number>(N);
  let rest = index;
  for (let i = 0; i < N; i++) {
    s[i] = rest % 2 === 1 ? 1 : -1;
    rest = Math.floor(rest / 2);
  }
  return s;
}

/** Index of an Int8Array state (internal fast path, N <= 52). */
export function indexOf(s: Int8Array): number {
  let index = 0;
  let bit = 1;
  for (let i = 0; i < s.length; i++) {
    if (s[i] === 1) index += bit;
    bit *= 2;
  }
  return index;
}

/** Writes the state with the given index into `s` (internal fast path, N <= 30). */
export function fillState(index: number, s: Int8Array): Int8Array {
  for (let i = 0; i < s.length; i++) s[i] = (index >>> i) & 1 ? 1 : -1;
  return s;
}

/** Throws when N units are too many to enumerate, naming the count. */
export function checkEnumerable(fn: string, arg: string, n: number): void {
  if (n > MAX_ENUMERATION_UNITS) {
    throw new RangeError(
      `${fn}: ${arg} must have at most ${MAX_ENUMERATION_UNITS} units for exact enumeration ` +
        `(2^N states), got ${n} units (${n <= MAX_INDEX_UNITS ? 2 ** n : `2^${n}`} states)`,
    );
  }
}
