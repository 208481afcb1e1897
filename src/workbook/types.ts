/**
 * The shapes of the workbooks' checks: an {@link Exercise} says how to test a learner's function,
 * a {@link Verdict} says how it went.
 *
 * A workbook cell defines a function between `// BEGIN SOLUTION` and `// END SOLUTION` lines (the
 * student version has `throw new Error("not done yet");` there instead), and the next cell calls
 * `check("exercise-id", theFunction)`. The check runs the learner's function on the exercise's
 * seeded cases, compares each answer with the library's reference, and on the first mismatch
 * tries the exercise's known {@link Mistake}s: when the learner's answer equals a mistake's answer,
 * the verdict carries that mistake's hint.
 */
import type { Figure } from "../plot/figure";

/** One input the learner's function is called with, described in words for the verdict. */
export interface ExerciseCase {
  /** The case in words: "x = [0.5, -1], eta = 0.1 on the quadratic bowl". */
  readonly label: string;
  /** The arguments, passed to the learner's function and to the reference alike. */
  readonly args: readonly unknown[];
}

/** A common wrong answer: an implementation of the mistake and what to tell the learner. */
export interface Mistake {
  /** Short name, as a test fixture refers to it: "sign error". */
  readonly name: string;
  /** What to do about it, one or two sentences: "Your step goes uphill: subtract eta * grad E." */
  readonly hint: string;
  /** The mistake itself: called with a case's args, it returns the wrong answer it produces. */
  readonly implementation: (...args: any[]) => unknown;
}

/** The kind of answer an exercise expects, for the friendly type and shape verdicts. */
export type AnswerShape =
  | { readonly kind: "number" }
  | { readonly kind: "boolean" }
  | { readonly kind: "string" }
  /** A vector of numbers (array or typed array); `length` from the case when omitted. */
  | { readonly kind: "vector"; readonly length?: (args: readonly unknown[]) => number }
  /** A matrix as an array of rows of numbers, rows x columns from the case. */
  | {
      readonly kind: "matrix";
      readonly rows: (args: readonly unknown[]) => number;
      readonly columns: (args: readonly unknown[]) => number;
    }
  /** Anything else: the exercise's `compare` judges it alone. */
  | { readonly kind: "any" };

/** One exercise of a workbook, with everything its check needs. */
export interface Exercise {
  /** The id the notebook passes to `check`: "gradient-step". Unique across the course. */
  readonly id: string;
  /** The workbook it belongs to, as its file name without extension: "02-workbook-deterministic". */
  readonly workbook: string;
  /** Its title in the workbook: "One gradient-descent step". */
  readonly title: string;
  /** The learner's function's name in the notebook, for messages: "gradientStep". */
  readonly functionName: string;
  /** What a pass verified, completing "Verified: ...": "your step equals x - eta * grad E(x) on 6 cases". */
  readonly verified: string;
  /** The seeded cases, smallest and clearest first. Must be deterministic. */
  readonly cases: () => readonly ExerciseCase[];
  /** The library's answer for a case's args. */
  readonly reference: (...args: any[]) => unknown;
  /**
   * Optional: turns what the learner's function returned into the answer that is shape-checked,
   * compared and shown (for example a formula string into its energy at the case's point). It is
   * applied to the reference's and the mistakes' returns too. An Error it throws is shown as the
   * verdict's "got" (a formula that does not parse), never as a stack trace.
   */
  readonly answer?: (returned: unknown, args: readonly unknown[]) => unknown;
  /** The shape of a right answer. */
  readonly shape: AnswerShape;
  /** Is `got` right, given the reference's answer? (Tolerance stated in the exercise's file.) */
  readonly compare: (expected: unknown, got: unknown, args: readonly unknown[]) => boolean;
  /** The common mistakes, most likely first. */
  readonly mistakes: readonly Mistake[];
  /** Optional picture: the learner's result beside the reference, drawn after a check. */
  readonly figure?: (learner: (...args: any[]) => unknown) => Figure;
}

/** How a check went. */
export type VerdictStatus = "pass" | "fail" | "not-done" | "error";

/** The result of `check(id, fn)`: one verdict, printed once, and kept for `progress()`. */
export interface Verdict {
  readonly exercise: string;
  readonly workbook: string;
  readonly status: VerdictStatus;
  /** The verdict as printed: one line, then the failing case and hint when there is one. */
  readonly message: string;
  /** The first failing case, when status is "fail" or "error". */
  readonly failingCase?: {
    readonly label: string;
    readonly expected: string;
    readonly got: string;
  };
  /** The name of the recognised mistake, when one matched. */
  readonly mistake?: string;
  /** The hint printed, when there is one. */
  readonly hint?: string;
}
