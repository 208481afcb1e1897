/**
 * The shape check of a learner's answer, made before any comparison: a friendly sentence when
 * the answer is not even the kind of thing the exercise asks for (undefined, NaN, a string for a
 * number, two entries for three).
 */
import type { AnswerShape } from "./types";
import { isArrayOrTyped } from "./compare";
import { formatValue } from "./format";

/** What is wrong with an answer's shape, in words. */
export interface ShapeProblem {
  /** What a right answer looks like: "a vector of 2 numbers". */
  readonly expected: string;
  /** What came back and why it does not fit: "undefined (is a `return` missing?)". */
  readonly problem: string;
}

/** A length from a shape's function, or from the reference's answer when that is an array. */
function lengthFrom(make: ((args: readonly unknown[]) => number) | undefined, args: readonly unknown[], reference: unknown): number | undefined {
  if (make) return make(args);
  return isArrayOrTyped(reference) ? reference.length : undefined;
}

/** Words for the kind of value that came back. */
function kindOf(value: unknown): string {
  if (value === undefined) return "undefined (is a `return` missing?)";
  if (value === null) return "null";
  if (typeof value === "number" && Number.isNaN(value)) return "NaN (not a number)";
  if (isArrayOrTyped(value)) return `an array of ${value.length} entr${value.length === 1 ? "y" : "ies"}: ${formatValue(value)}`;
  if (typeof value === "object") return `an object: ${formatValue(value)}`;
  if (typeof value === "function") return "a function (call it, or return its value)";
  return `a ${typeof value}: ${formatValue(value)}`;
}

/** The first entry of an array that is not a finite number, in words, or undefined. */
function badEntry(values: ArrayLike<unknown>, where: string): string | undefined {
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (typeof v !== "number") return `${where}entry ${i} is ${kindOf(v)}`;
    if (!Number.isFinite(v)) return `${where}entry ${i} is ${formatValue(v)} in ${formatValue(values)}`;
  }
  return undefined;
}

/**
 * What is wrong with `got` for an answer of this shape on a case with these `args`, or
 * undefined when the shape fits (the comparison then decides). `reference` is the library's
 * answer, which gives a vector its length when the shape does not say.
 *
 * @example
 * shapeProblem({ kind: "vector" }, [1], [], [1, 2]);
 * // => { "expected": "a vector of 2 numbers", "problem": "an array of 1 entry: [1]" }
 */
export function shapeProblem(shape: AnswerShape, got: unknown, args: readonly unknown[], reference: unknown): ShapeProblem | undefined {
  switch (shape.kind) {
    case "number": {
      const expected = "a finite number";
      if (typeof got !== "number") return { expected, problem: kindOf(got) };
      if (!Number.isFinite(got)) return { expected, problem: Number.isNaN(got) ? kindOf(got) : `${formatValue(got)} (it overflowed)` };
      return undefined;
    }
    case "boolean":
    case "string":
      return typeof got === shape.kind ? undefined : { expected: `a ${shape.kind}`, problem: kindOf(got) };
    case "vector": {
      const n = lengthFrom(shape.length, args, reference);
      const expected = n === undefined ? "an array of numbers" : `a vector of ${n} number${n === 1 ? "" : "s"}`;
      if (!isArrayOrTyped(got)) return { expected, problem: kindOf(got) };
      if (n !== undefined && got.length !== n) return { expected, problem: kindOf(got) };
      const bad = badEntry(got, "");
      return bad === undefined ? undefined : { expected, problem: bad };
    }
    case "matrix": {
      const rows = shape.rows(args);
      const columns = shape.columns(args);
      const expected = `a ${rows} x ${columns} matrix (an array of ${rows} rows of ${columns} numbers)`;
      if (!isArrayOrTyped(got)) return { expected, problem: kindOf(got) };
      if (got.length !== rows) return { expected, problem: `${got.length} row${got.length === 1 ? "" : "s"}: ${formatValue(got)}` };
      for (let i = 0; i < rows; i++) {
        const row = got[i];
        if (!isArrayOrTyped(row)) return { expected, problem: `row ${i} is ${kindOf(row)}` };
        if (row.length !== columns) return { expected, problem: `row ${i} has ${row.length} entries: ${formatValue(row)}` };
        const bad = badEntry(row, `row ${i}, `);
        if (bad !== undefined) return { expected, problem: bad };
      }
      return undefined;
    }
    case "any":
      return got === undefined ? { expected: "an answer", problem: kindOf(got) } : undefined;
  }
}
