/**
 * Comparers for the workbooks' checks: is a learner's answer the reference's answer, within a
 * stated tolerance? Each exercise file picks one as its `compare` and says where its tolerance
 * comes from.
 *
 * A number `got` is close to `expected` within `tol` when |got - expected| <= tol * max(1,
 * |expected|): an absolute tolerance for numbers up to 1 in size, a relative one above. Arrays
 * and typed arrays are compared entry by entry (a plain array matches a typed array of the same
 * numbers); booleans and strings must be equal.
 */

/** True for arrays and typed arrays (not DataView). */
export function isArrayOrTyped(value: unknown): value is ArrayLike<unknown> {
  return Array.isArray(value) || (ArrayBuffer.isView(value) && !(value instanceof DataView));
}

/** |got - expected| <= tol * max(1, |expected|), both finite numbers. */
function closeNumber(expected: unknown, got: unknown, tol: number): boolean {
  if (typeof expected !== "number" || typeof got !== "number") return false;
  if (!Number.isFinite(expected) || !Number.isFinite(got)) return Object.is(expected, got);
  return Math.abs(got - expected) <= tol * Math.max(1, Math.abs(expected));
}

/** Checks a tolerance given to a comparer factory. */
function checkTolerance(fn: string, tol: unknown): number {
  if (typeof tol !== "number" || !(tol >= 0) || !Number.isFinite(tol)) {
    throw new RangeError(`${fn}: tol must be a non-negative finite number, got ${String(tol)}`);
  }
  return tol;
}

/** A comparer of two answers (the `compare` of an exercise). */
export type Comparer = (expected: unknown, got: unknown, args?: readonly unknown[]) => boolean;

/**
 * Numbers within `tol` (absolute up to size 1, relative above).
 *
 * @example
 * closeNumbers(1e-6)(2, 2 + 1e-9); // => true
 */
export function closeNumbers(tol: number): Comparer {
  const t = checkTolerance("closeNumbers", tol);
  return (expected, got) => closeNumber(expected, got, t);
}

/**
 * Vectors (arrays or typed arrays) of the same length, entry by entry within `tol`.
 *
 * @example
 * closeVectors(1e-6)([1, -2], Float64Array.of(1, -2)); // => true
 */
export function closeVectors(tol: number): Comparer {
  const t = checkTolerance("closeVectors", tol);
  return (expected, got) => {
    if (!isArrayOrTyped(expected) || !isArrayOrTyped(got) || expected.length !== got.length) return false;
    for (let i = 0; i < expected.length; i++) if (!closeNumber(expected[i], got[i], t)) return false;
    return true;
  };
}

/**
 * Matrices (arrays of rows) of the same size, entry by entry within `tol`.
 *
 * @example
 * closeMatrices(1e-9)([[0, 1], [1, 0]], [[0, 1], [1, 1e-12]]); // => true
 */
export function closeMatrices(tol: number): Comparer {
  const rows = closeVectors(tol);
  return (expected, got) => {
    if (!isArrayOrTyped(expected) || !isArrayOrTyped(got) || expected.length !== got.length) return false;
    for (let i = 0; i < expected.length; i++) if (!rows(expected[i], got[i])) return false;
    return true;
  };
}

/**
 * Any answer made of numbers, booleans, strings, arrays and plain objects: numbers within `tol`,
 * the rest equal, objects key by key (the same keys).
 *
 * @example
 * closeDeep(1e-9)({ x: [1, 2], done: true }, { x: [1, 2 + 1e-12], done: true }); // => true
 */
export function closeDeep(tol: number): Comparer {
  const t = checkTolerance("closeDeep", tol);
  const same = (a: unknown, b: unknown, depth: number): boolean => {
    if (depth > 20) return false;
    if (typeof a === "number") return closeNumber(a, b, t);
    if (isArrayOrTyped(a)) {
      if (!isArrayOrTyped(b) || a.length !== b.length) return false;
      for (let i = 0; i < a.length; i++) if (!same(a[i], b[i], depth + 1)) return false;
      return true;
    }
    if (a !== null && typeof a === "object") {
      if (b === null || typeof b !== "object" || isArrayOrTyped(b)) return false;
      const keys = Object.keys(a);
      if (keys.length !== Object.keys(b).length) return false;
      return keys.every((k) => Object.prototype.hasOwnProperty.call(b, k) && same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], depth + 1));
    }
    return Object.is(a, b);
  };
  return (expected, got) => same(expected, got, 0);
}

/**
 * Exactly equal answers (booleans, strings, integers, arrays of them), NaN equal to NaN.
 *
 * @example
 * [sameAnswer([1, -1], [1, -1]), sameAnswer(NaN, NaN), sameAnswer(true, 1)];
 * // => [true, true, false]
 */
export function sameAnswer(expected: unknown, got: unknown): boolean {
  return closeDeep(0)(expected, got);
}
