/**
 * The check of a workbook exercise: `check("id", learnerFunction)` runs the learner's function
 * on the exercise's seeded cases against the library's reference and prints one verdict.
 *
 * Order per case: call the learner (a throw of "not done yet" means the stub is still there;
 * any other throw is reported with its message, never a stack trace), check the answer's shape
 * (undefined, NaN, a wrong type or length), then compare it with the reference. On the first
 * failing case each known mistake of the exercise is run on the same case; when the learner's
 * answer equals the mistake's, its hint is printed. Every run gets fresh arguments from
 * `exercise.cases()`, so a function that changes its inputs cannot spoil the reference.
 */
import type { Exercise, Verdict } from "./types";
import { EXERCISES, exerciseById, exerciseNumber } from "./exercises";
import { VERDICT_MARKS, formatValue, wrapLines } from "./format";
import { shapeProblem } from "./shape";
import { sameAnswer } from "./compare";
import { recordVerdict } from "./progress";
import { describe } from "../validate";
import { show } from "../plot";

/** The message of the error the student version's stubs throw. */
export const NOT_DONE_MESSAGE = "not done yet";

/** The stub line that stands in place of a solution in the student version. */
export const STUB_LINE = `throw new Error("${NOT_DONE_MESSAGE}");`;

/** What a call of the learner's function gave. */
type Outcome = { readonly threw: false; readonly value: unknown } | { readonly threw: true; readonly error: unknown };

/** Calls a function, catching anything it throws. */
function attempt(fn: (...args: any[]) => unknown, args: readonly unknown[]): Outcome {
  try {
    return { threw: false, value: fn(...args) };
  } catch (error) {
    return { threw: true, error };
  }
}

/** The exercise's `answer` applied to a returned value (the value itself when there is none). */
function transform(exercise: Exercise, returned: unknown, args: readonly unknown[]): Outcome {
  if (!exercise.answer) return { threw: false, value: returned };
  const answer = exercise.answer;
  return attempt(() => answer(returned, args), []);
}

/** The message of a thrown value (Error from any realm, or anything else). */
function errorText(error: unknown): string {
  if (error !== null && typeof error === "object" && typeof (error as { message?: unknown }).message === "string") {
    const name = (error as { name?: unknown }).name;
    return `${typeof name === "string" && name !== "" ? name : "Error"}: ${(error as { message: string }).message}`;
  }
  return `${formatValue(error)} (thrown)`;
}

/** True when the thrown value is the stub's "not done yet". */
function isNotDone(error: unknown): boolean {
  const text = error !== null && typeof error === "object" ? (error as { message?: unknown }).message : error;
  return typeof text === "string" && text.trim().toLowerCase() === NOT_DONE_MESSAGE;
}

/** The hint of the first mistake whose answer on case `index` equals the learner's answer. */
function recognise(exercise: Exercise, index: number, got: unknown): { name: string; hint: string } | undefined {
  for (const mistake of exercise.mistakes) {
    const args = exercise.cases()[index].args;
    const wrong = attempt(mistake.implementation, args);
    if (wrong.threw) continue;
    const answer = transform(exercise, wrong.value, args);
    if (answer.threw) continue;
    let equal = false;
    try {
      equal = sameAnswer(answer.value, got) || exercise.compare(answer.value, got, args);
    } catch {
      equal = false;
    }
    if (equal) return { name: mistake.name, hint: mistake.hint };
  }
  return undefined;
}

/** The first line of a verdict that is not a pass. */
function heading(exercise: Exercise, what: string, index: number, total: number): string {
  return `${VERDICT_MARKS.fail}: ${exercise.functionName} (exercise ${exerciseNumber(exercise)}) ${what} on case ${index + 1} of ${total}`;
}

/** The verdict for a failing case: the lines, the recognised mistake, and the status. */
function failing(
  exercise: Exercise,
  status: "fail" | "error",
  first: string,
  index: number,
  label: string,
  expected: string,
  got: string,
  mistake: { name: string; hint: string } | undefined,
): Verdict {
  const lines = [first, `  case:     ${label}`, `  expected: ${expected}`, `  got:      ${got}`];
  if (mistake) lines.push(`  Hint: ${mistake.hint}`);
  else if (status === "error") lines.push("  Fix what the line above says, run the function's cell, then this check again.");
  else lines.push("  Work this case out by hand, fix the function, run its cell, then this check again.");
  return {
    exercise: exercise.id,
    workbook: exercise.workbook,
    status,
    message: lines.join("\n"),
    failingCase: { label, expected, got },
    ...(mistake ? { mistake: mistake.name, hint: mistake.hint } : {}),
  };
}

/**
 * Judges a learner's function on an exercise without printing or recording anything: the
 * verdict `check` prints. Never throws for the learner's mistakes.
 */
export function evaluate(exercise: Exercise, learner: (...args: any[]) => unknown): Verdict {
  const total = exercise.cases().length;
  for (let index = 0; index < total; index++) {
    const { label, args } = exercise.cases()[index];
    const referenceArgs = exercise.cases()[index].args;
    const referenceAnswer = transform(exercise, exercise.reference(...referenceArgs), referenceArgs);
    if (referenceAnswer.threw) throw referenceAnswer.error; // a bug of the exercise, not the learner's
    const reference = referenceAnswer.value;
    const outcome = attempt(learner, args);
    if (outcome.threw) {
      if (isNotDone(outcome.error)) {
        return {
          exercise: exercise.id,
          workbook: exercise.workbook,
          status: "not-done",
          message:
            `${VERDICT_MARKS["not-done"]}: ${exercise.functionName} (exercise ${exerciseNumber(exercise)}) still has ` +
            `the line ${STUB_LINE}\n  Replace that line with your code, run the cell, then run this check again.`,
        };
      }
      const first = heading(exercise, "threw an error", index, total);
      return failing(exercise, "error", first, index, label, formatValue(reference), `an error, ${errorText(outcome.error)}`, undefined);
    }
    const answered = transform(exercise, outcome.value, referenceArgs); // the learner may have changed `args`
    if (answered.threw) {
      const first = heading(exercise, "returned an answer that could not be used", index, total);
      const why = errorText(answered.error).replace(/^Error: /, "");
      return failing(exercise, "error", first, index, label, formatValue(reference), why, undefined);
    }
    const got = answered.value;
    const problem = shapeProblem(exercise.shape, got, referenceArgs, reference);
    if (problem) {
      const first = heading(exercise, "returned the wrong kind of answer", index, total);
      const expected = `${problem.expected}, here ${formatValue(reference)}`;
      return failing(exercise, "error", first, index, label, expected, problem.problem, recognise(exercise, index, got));
    }
    let right = false;
    try {
      right = exercise.compare(reference, got, referenceArgs);
    } catch {
      right = false;
    }
    if (!right) {
      const first = heading(exercise, "gave a different answer", index, total);
      return failing(exercise, "fail", first, index, label, formatValue(reference), formatValue(got), recognise(exercise, index, got));
    }
  }
  return {
    exercise: exercise.id,
    workbook: exercise.workbook,
    status: "pass",
    message: `${VERDICT_MARKS.pass}: ${exercise.functionName} (exercise ${exerciseNumber(exercise)}, ${exercise.title})\n  Verified: ${exercise.verified}.`,
  };
}

/** The exercise named by `id`, or a door error listing the ids. */
function exerciseFor(id: unknown): Exercise {
  const ids = EXERCISES.map((exercise) => exercise.id).join(", ");
  if (typeof id !== "string") {
    throw new TypeError(`check: id must be an exercise id (a string such as "energy-value"), got ${describe(id)}; the exercises are ${ids}`);
  }
  const exercise = exerciseById(id);
  if (!exercise) throw new RangeError(`check: id ${describe(id)} is not an exercise; the exercises are ${ids}`);
  return exercise;
}

/**
 * Checks a learner's function for a workbook exercise and prints one verdict: "✓ passed" with
 * what was verified, "✗ not yet" with the first failing case (case, expected, got) and a hint
 * when the answer is a known mistake, or "… not done yet" while the function still throws the
 * stub's `Error("not done yet")`. The verdict is kept for {@link progress}. Where the exercise
 * has a picture, a pass or a fail also draws the learner's result beside the reference.
 *
 * Prints and returns nothing, so a notebook cell shows the verdict exactly once (tslab and Deno
 * would also display a returned value). A learner's function that throws, returns undefined,
 * NaN, the wrong type or the wrong shape gets a verdict, never an error: check throws only when
 * `id` is not an exercise or `learner` is not a function.
 *
 * @throws TypeError or RangeError naming check, for an unknown id (listing the ids) or a
 *   `learner` that is not a function.
 * @example
 * check("energy-value", (point: number[]): number => { throw new Error("not done yet"); });
 * // prints "… not done yet: energyValue (exercise 1.1) still has the line ..."
 * // => undefined
 */
export function check(id: string, learner: (...args: any[]) => unknown): void {
  const exercise = exerciseFor(id);
  if (typeof learner !== "function") {
    throw new TypeError(
      `check: learner must be your function itself, as in check(${JSON.stringify(exercise.id)}, ${exercise.functionName}) ` +
        `(no parentheses after its name), got ${describe(learner)}`,
    );
  }
  const judged = evaluate(exercise, learner);
  const verdict = { ...judged, message: wrapLines(judged.message) };
  recordVerdict(verdict);
  console.log(verdict.message);
  if (exercise.figure && (verdict.status === "pass" || verdict.status === "fail")) drawFigure(exercise, learner);
}

/** Draws the exercise's picture of the learner's result; a picture that fails says so in one line. */
function drawFigure(exercise: Exercise, learner: (...args: any[]) => unknown): void {
  try {
    show(exercise.figure!(learner));
  } catch (error) {
    const text = errorText(error);
    if (!text.includes("no tslab display channel")) console.log(`  (The picture could not be drawn: ${text})`);
  }
}
