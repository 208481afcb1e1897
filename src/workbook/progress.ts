/**
 * The learner's progress: the latest verdict of every exercise checked in this session (the
 * kernel's lifetime), and the table `progress(workbook)` prints at the end of a workbook.
 */
import type { Verdict } from "./types";
import { exerciseNumber, exercisesOf, workbookNames } from "./exercises";
import { NOT_CHECKED_MARK, VERDICT_MARKS } from "./format";
import { describe } from "../validate";

/** The latest verdict per exercise id, for this session. */
const latest = new Map<string, Verdict>();

/** Keeps a verdict as the latest of its exercise (check calls this). */
export function recordVerdict(verdict: Verdict): void {
  latest.set(verdict.exercise, verdict);
}

/** The latest verdict of an exercise in this session, or undefined. */
export function latestVerdict(id: string): Verdict | undefined {
  return latest.get(id);
}

/** Forgets every verdict (a fresh session; the tests use it). */
export function clearVerdicts(): void {
  latest.clear();
}

/** Checks a workbook name at the door of progress. */
function checkWorkbook(workbook: unknown): string {
  const names = workbookNames();
  const list = names.map((n) => `"${n}"`).join(", ");
  if (typeof workbook !== "string") {
    throw new TypeError(`progress: workbook must be a workbook's name such as "01-workbook-energy", got ${describe(workbook)}; the workbooks are ${list}`);
  }
  if (!names.includes(workbook)) {
    throw new RangeError(`progress: workbook must be one of ${list}, got ${describe(workbook)}`);
  }
  return workbook;
}

/**
 * The progress table of a workbook as text: a first line "N of M exercises passed", then one
 * line per exercise with the mark of its latest verdict in this session (or "not checked").
 *
 * @throws TypeError or RangeError naming progress when `workbook` is not a workbook's name.
 * @example
 * progressTable("01-workbook-energy").split("\n")[0].startsWith("Workbook 01-workbook-energy:");
 * // => true
 */
export function progressTable(workbook: string): string {
  const name = checkWorkbook(workbook);
  const exercises = exercisesOf(name);
  const rows = exercises.map((exercise) => {
    const verdict = latest.get(exercise.id);
    const mark = verdict ? VERDICT_MARKS[verdict.status] : NOT_CHECKED_MARK;
    return `  ${mark.padEnd(16)} ${exerciseNumber(exercise).padEnd(5)} ${exercise.title} (${exercise.id})`;
  });
  const passed = exercises.filter((exercise) => latest.get(exercise.id)?.status === "pass").length;
  const all = passed === exercises.length ? " Well done: every exercise passes." : "";
  return [`Workbook ${name}: ${passed} of ${exercises.length} exercises passed.${all}`, ...rows].join("\n");
}

/**
 * Prints the learner's progress through a workbook: each exercise with the mark of its latest
 * check in this session ("✓ passed", "✗ not yet", "… not done yet", "· not checked"). Prints
 * and returns nothing, so a notebook cell shows the table once.
 *
 * @throws TypeError or RangeError naming progress when `workbook` is not a workbook's name.
 * @example
 * progress("01-workbook-energy"); // prints the table of workbook 01
 * // => undefined
 */
export function progress(workbook: string): void {
  console.log(progressTable(workbook));
}
