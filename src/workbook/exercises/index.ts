/**
 * The registry of the workbooks' exercises: every topic's array, in the order of the course.
 * Each topic file exports one `readonly Exercise[]`; an exercise's `workbook` names the notebook
 * it belongs to (its file name without extension) and its id is unique across the course
 * (test/unit/workbook-exercises.test.ts checks both).
 */
import type { Exercise } from "../types";
import { energyExercises } from "./energy";
import { deterministicExercises } from "./deterministic";
import { stochasticExercises } from "./stochastic";
import { bonusExercises } from "./bonus";
import { hopfieldExercises } from "./hopfield";
import { boltzmannExercises } from "./boltzmann";
import { learningExercises } from "./learning";

/** Every exercise of the course, workbook by workbook, each workbook's smallest first. */
export const EXERCISES: readonly Exercise[] = Object.freeze([
  ...energyExercises,
  ...deterministicExercises,
  ...stochasticExercises,
  ...bonusExercises,
  ...hopfieldExercises,
  ...boltzmannExercises,
  ...learningExercises,
]);

/** The exercise with this id, or undefined. */
export function exerciseById(id: string): Exercise | undefined {
  return EXERCISES.find((exercise) => exercise.id === id);
}

/** The workbooks' names ("01-workbook-energy", ...), in course order, each once. */
export function workbookNames(): string[] {
  return [...new Set(EXERCISES.map((exercise) => exercise.workbook))];
}

/** The exercises of one workbook, in order. */
export function exercisesOf(workbook: string): Exercise[] {
  return EXERCISES.filter((exercise) => exercise.workbook === workbook);
}

/** The exercise's number as its heading shows it: "1.2" for the second of workbook 01. */
export function exerciseNumber(exercise: Exercise): string {
  const topic = Number.parseInt(exercise.workbook.slice(0, 2), 10);
  const index = exercisesOf(exercise.workbook).indexOf(exercise) + 1;
  return `${Number.isNaN(topic) ? exercise.workbook : topic}.${index}`;
}
