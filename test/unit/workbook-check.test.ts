// The check engine (src/workbook/check.ts, progress.ts): each kind of verdict on small exercises
// made up here, the printing of check() (exactly one console.log, nothing returned), its door
// checks, and the progress table. Expected numbers are worked out by hand in the comments.
import { test } from "node:test";
import assert from "node:assert/strict";
import { check, progress } from "../../src";
import { evaluate, STUB_LINE } from "../../src/workbook/check";
import { clearVerdicts, latestVerdict, progressTable } from "../../src/workbook/progress";
import { closeMatrices, closeNumbers, closeVectors, closeDeep, sameAnswer } from "../../src/workbook/compare";
import { formatValue } from "../../src/workbook/format";
import type { Exercise } from "../../src/workbook/types";

/** Doubling a number: cases 1, 2.5, -3 (answers 2, 5, -6); a known mistake adds instead. */
const doubling: Exercise = {
  id: "test-double",
  workbook: "09-workbook-test",
  title: "Double it",
  functionName: "double",
  verified: "your function doubles 3 numbers",
  cases: () => [1, 2.5, -3].map((x) => ({ label: `x = ${x}`, args: [x] })),
  reference: (x: number) => 2 * x,
  shape: { kind: "number" },
  compare: closeNumbers(1e-12),
  mistakes: [
    { name: "adds two", hint: "Multiply by 2, do not add 2.", implementation: (x: number) => x + 2 },
    { name: "overflow", hint: "Your number overflowed: work with logarithms.", implementation: () => NaN },
  ],
};

/** A 2-vector [x, -x] and a 2 x 2 matrix [[x, 0], [0, x]]. */
const pair: Exercise = {
  ...doubling,
  id: "test-pair",
  functionName: "pair",
  cases: () => [{ label: "x = 3", args: [3] }],
  reference: (x: number) => [x, -x],
  shape: { kind: "vector", length: () => 2 },
  compare: closeVectors(1e-12),
  mistakes: [],
};
const diagonal: Exercise = {
  ...pair,
  id: "test-diagonal",
  functionName: "diagonal",
  reference: (x: number) => [[x, 0], [0, x]],
  shape: { kind: "matrix", rows: () => 2, columns: () => 2 },
  compare: closeMatrices(1e-12),
};

const notDone = () => {
  throw new Error("not done yet");
};

test("the stub's 'not done yet' gives the not-done verdict with the line to replace", () => {
  const verdict = evaluate(doubling, notDone);
  assert.equal(verdict.status, "not-done");
  assert.equal(verdict.message, `… not done yet: double (exercise 9.0) still has the line ${STUB_LINE}\n  Replace that line with your code, run the cell, then run this check again.`);
  assert.equal(STUB_LINE, 'throw new Error("not done yet");');
});

test("a throw is an error verdict naming the case and the error, without a stack trace", () => {
  const verdict = evaluate(doubling, (x: number) => (x > 2 ? (null as unknown as number[])[0] : 2 * x));
  assert.equal(verdict.status, "error");
  assert.equal(verdict.failingCase?.label, "x = 2.5"); // case 1 (x = 1) passes, case 2 throws
  assert.match(verdict.message, /^✗ not yet: double \(exercise 9\.0\) threw an error on case 2 of 3\n/);
  assert.match(verdict.failingCase!.got, /^an error, TypeError: Cannot read properties of null/);
  assert.doesNotMatch(verdict.message, /\n\s+at /);
  // A thrown non-Error is shown too.
  assert.equal(evaluate(doubling, () => { throw "oops"; }).failingCase?.got, 'an error, "oops" (thrown)'); // prettier-ignore
});

test("NaN, undefined and the wrong type are error verdicts saying what came back", () => {
  const nan = evaluate(doubling, () => NaN);
  assert.equal(nan.status, "error");
  assert.equal(nan.failingCase?.got, "NaN (not a number)");
  assert.equal(nan.failingCase?.expected, "a finite number, here 2");
  assert.equal(nan.mistake, "overflow"); // the NaN mistake is still recognised
  const missing = evaluate(doubling, () => undefined);
  assert.equal(missing.failingCase?.got, "undefined (is a `return` missing?)");
  const text = evaluate(doubling, (x: number) => String(2 * x));
  assert.equal(text.failingCase?.got, 'a string: "2"');
  assert.equal(evaluate(doubling, () => Infinity).failingCase?.got, "Infinity (it overflowed)");
});

test("the wrong shape: a vector or matrix of the wrong size, or a NaN entry", () => {
  const short = evaluate(pair, () => [3]);
  assert.equal(short.status, "error");
  assert.equal(short.failingCase?.expected, "a vector of 2 numbers, here [3, -3]");
  assert.equal(short.failingCase?.got, "an array of 1 entry: [3]");
  assert.equal(evaluate(pair, () => [3, NaN]).failingCase?.got, "entry 1 is NaN in [3, NaN]");
  assert.equal(evaluate(pair, () => 3).failingCase?.got, "a number: 3");
  const rows = evaluate(diagonal, () => [[3, 0]]);
  assert.equal(rows.failingCase?.expected, "a 2 x 2 matrix (an array of 2 rows of 2 numbers), here [[3, 0], [0, 3]]");
  assert.equal(rows.failingCase?.got, "1 row: [[3, 0]]");
  assert.equal(evaluate(diagonal, () => [[3, 0], [0]]).failingCase?.got, "row 1 has 1 entries: [0]");
  assert.equal(evaluate(diagonal, () => [[3, 0], [0, 3]]).status, "pass");
  assert.equal(evaluate(pair, () => Float64Array.of(3, -3)).status, "pass"); // a typed array is a vector too
});

test("a pass says what was verified; a fail shows case, expected, got, and the hint of a known mistake", () => {
  const pass = evaluate(doubling, (x: number) => x * 2);
  assert.deepEqual(pass, {
    exercise: "test-double",
    workbook: "09-workbook-test",
    status: "pass",
    message: "✓ passed: double (exercise 9.0, Double it)\n  Verified: your function doubles 3 numbers.",
  });
  // x + 2 agrees at x = 2 only; at x = 1 it gives 3 where 2 is expected.
  const fail = evaluate(doubling, (x: number) => x + 2);
  assert.equal(fail.status, "fail");
  assert.equal(fail.mistake, "adds two");
  assert.equal(
    fail.message,
    "✗ not yet: double (exercise 9.0) gave a different answer on case 1 of 3\n" +
      "  case:     x = 1\n  expected: 2\n  got:      3\n  Hint: Multiply by 2, do not add 2.",
  );
  // An unknown wrong answer: no hint, a suggestion instead.
  const unknown = evaluate(doubling, (x: number) => 4 * x); // 4 at x = 1: no mistake gives that
  assert.equal(unknown.hint, undefined);
  assert.match(unknown.message, /got: {6}4\n  Work this case out by hand/);
});

test("the learner's function gets its own copy of the arguments", () => {
  const input: Exercise = {
    ...pair,
    cases: () => [{ label: "v = [1, 2]", args: [[1, 2]] }],
    reference: (v: number[]) => [v[0], v[1]],
  };
  // A learner that changes its input in place must not change what the reference sees.
  const verdict = evaluate(input, (v: number[]) => {
    v[0] = 100;
    return [1, 2];
  });
  assert.equal(verdict.status, "pass");
});

test("an answer transform that throws (a formula that does not parse) is an error verdict with its message", () => {
  const formula: Exercise = {
    ...doubling,
    reference: () => "ok",
    answer: (returned) => {
      if (returned !== "ok") throw new Error(`cannot read ${JSON.stringify(returned)}`);
      return 1;
    },
    mistakes: [],
  };
  const verdict = evaluate(formula, () => "x **");
  assert.equal(verdict.status, "error");
  assert.equal(verdict.failingCase?.got, 'cannot read "x **"');
  assert.equal(evaluate(formula, () => "ok").status, "pass");
});

test("check prints its verdict exactly once, returns nothing, and keeps it for progress", () => {
  clearVerdicts();
  const printed: string[] = [];
  const original = console.log;
  console.log = (...parts: unknown[]) => void printed.push(parts.join(" "));
  let returned: unknown = "not called";
  try {
    returned = check("visit-ratio", (a: number, b: number, beta: number) => Math.exp(-beta * (a - b)));
  } finally {
    console.log = original;
  }
  assert.equal(returned, undefined);
  assert.equal(printed.length, 1);
  assert.match(printed[0], /^✓ passed: visitRatio \(exercise 1\.4, /);
  assert.equal(latestVerdict("visit-ratio")?.status, "pass");
});

test("check refuses an unknown id (listing the ids) and a learner that is not a function", () => {
  assert.throws(() => check("no-such-exercise", () => 1), (error: Error) => {
    assert.ok(error instanceof RangeError);
    assert.match(error.message, /^check: id "no-such-exercise" is not an exercise; the exercises are energy-value, energy-gradient, /);
    return true;
  });
  assert.throws(() => check(42 as unknown as string, () => 1), /^TypeError: check: id must be an exercise id/);
  assert.throws(
    () => check("energy-value", 0.5 as unknown as () => number),
    /^TypeError: check: learner must be your function itself, as in check\("energy-value", coupledWells\) \(no parentheses after its name\), got 0\.5$/,
  );
});

test("progress prints the table of a workbook with the latest verdict of each exercise", () => {
  clearVerdicts();
  const quiet = console.log;
  console.log = () => undefined;
  try {
    check("energy-value", notDone);
    check("energy-value", (p: number[], c: number) => (p[0] ** 2 - 1) ** 2 + (p[1] ** 2 - 1) ** 2 - c * p[0] * p[1]);
    check("energy-gradient", notDone);
    check("energy-formula", () => "x +");
  } finally {
    console.log = quiet;
  }
  assert.equal(
    progressTable("01-workbook-energy"),
    [
      "Workbook 01-workbook-energy: 1 of 4 exercises passed.",
      "  ✓ passed         1.1   The coupled wells as a function (energy-value)",
      "  … not done yet   1.2   Its gradient by hand (energy-gradient)",
      "  ✗ not yet        1.3   The same energy as a formula (energy-formula)",
      "  · not checked    1.4   How much more often? The Gibbs ratio (visit-ratio)",
    ].join("\n"),
  );
  const printed: string[] = [];
  console.log = (...parts: unknown[]) => void printed.push(parts.join(" "));
  try {
    assert.equal(progress("01-workbook-energy"), undefined);
  } finally {
    console.log = quiet;
  }
  assert.deepEqual(printed, [progressTable("01-workbook-energy")]);
  assert.throws(() => progress("01-workbook-energie"), /^RangeError: progress: workbook must be one of "01-workbook-energy", /);
  assert.throws(() => progress(undefined as unknown as string), /^TypeError: progress: workbook must be a workbook's name/);
});

test("the comparers: tolerance absolute up to size 1, relative above; shapes must match", () => {
  assert.equal(closeNumbers(1e-6)(1000, 1000.0009), true); // 9e-4 <= 1e-6 * 1000
  assert.equal(closeNumbers(1e-6)(1000, 1000.002), false);
  assert.equal(closeNumbers(1e-6)(0.001, 0.0010009), true); // 9e-7 <= 1e-6 * 1
  assert.equal(closeNumbers(1e-6)(1, NaN), false);
  assert.equal(closeVectors(0)([1, 2], [1, 2, 3]), false);
  assert.equal(closeMatrices(0)([[1]], [[1], [2]]), false);
  assert.equal(closeDeep(1e-9)({ a: 1 }, { a: 1, b: 2 }), false);
  assert.equal(sameAnswer([NaN, Infinity], [NaN, Infinity]), true);
  assert.throws(() => closeNumbers(-1), /^RangeError: closeNumbers: tol must be a non-negative finite number, got -1$/);
  assert.equal(formatValue([[1, 2], [3, 4]]), "[[1, 2], [3, 4]]");
  assert.equal(formatValue(Array.from({ length: 10 }, (_, i) => i)), "[0, 1, 2, 3, 4, 5, 6, 7, ... (10 in all)]");
});
