// Workbooks: the learner writes the models' small algorithms; check() judges each one.

// The check of an exercise and the progress table of a workbook.
export { check } from "./check";
export { progress } from "./progress";
// The shapes of exercises and verdicts.
export type { Exercise, ExerciseCase, Mistake, AnswerShape, Verdict, VerdictStatus } from "./types";
