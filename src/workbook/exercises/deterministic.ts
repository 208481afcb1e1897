/**
 * Workbook 02 (deterministic EBMs, notebooks/02-workbook-deterministic.ipynb): one gradient step,
 * a descent loop, the Lyapunov check along a path, and the largest safe step of a quadratic bowl.
 *
 * References are the library's own functions wherever one exists: `gradientDescent` for the step
 * and the loop, `energyRises` for the Lyapunov check. The safe step 2 / lambda_max has no library
 * function; its reference is the closed form for a 2 x 2 symmetric matrix, checked against
 * gradientDescent just below and just above it in test/unit/workbook-deterministic.test.ts.
 *
 * Tolerances: the learner's arithmetic is the library's (x_i - eta g_i, the same energy and
 * gradient calls), so answers agree to rounding, about 1e-15; 1e-9 (absolute up to size 1,
 * relative above, see ../compare.ts) leaves room for another order of operations and never lets a
 * named mistake through (each differs from the reference by 1e-3 or more on its first failing case).
 */
import type { Energy, DescentResult } from "../../types";
import type { Exercise, ExerciseCase } from "../types";
import type { Figure } from "../../plot";
import { gradientDescent, energyRises } from "../../dynamics";
import { twoMemories, doubleWell, quadraticBowl } from "../../landscapes";
import { descentFigure } from "../../plot";
import { closeMatrices, closeNumbers, closeVectors, isArrayOrTyped, sameAnswer } from "../compare";

const WORKBOOK = "02-workbook-deterministic";

/** Answers agree to this (absolute up to size 1, relative above): see the file comment. */
const TOLERANCE = 1e-9;

/** The Euclidean norm of a gradient, as the learner is asked to compute it. */
function norm(g: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < g.length; i++) s += g[i] * g[i];
  return Math.sqrt(s);
}

/** x + scale * g, as a plain array. */
function plus(x: readonly number[], scale: number, g: ArrayLike<number>): number[] {
  return x.map((xi, i) => xi + scale * g[i]);
}

// ---------------------------------------------------------------------------------------------
// Exercise 2.1: one gradient-descent step.

const memories = twoMemories();
const well = doubleWell();
const bowl = quadraticBowl({ k: [1, 4] });
const shiftedBowl = quadraticBowl({ k: [1, 4], center: [1, 0] });

/** The library's step: one iteration of gradientDescent, with no stopping rule in the way. */
function referenceStep(energy: Energy, x: readonly number[], eta: number): number[] {
  return gradientDescent(energy, x, { eta, maxIterations: 1, tolerance: 0, stopOnEnergyIncrease: false }).final;
}

const gradientStep: Exercise = {
  id: "gradient-step",
  workbook: WORKBOOK,
  title: "One gradient-descent step",
  functionName: "gradientStep",
  verified: "your step equals x - eta * grad E(x) (the library's gradientDescent) on 5 cases, in 1D and 2D",
  cases: (): ExerciseCase[] => [
    { label: "x = [-0.9], eta = 0.1 on the two memories", args: [memories, [-0.9], 0.1] },
    { label: "x = [0.5], eta = 0.1 on the double well", args: [well, [0.5], 0.1] },
    { label: "x = [2], eta = 0.05 on the double well", args: [well, [2], 0.05] },
    { label: "x = [2, 1], eta = 0.1 on the quadratic bowl k = [1, 4]", args: [bowl, [2, 1], 0.1] },
    { label: "x = [-1.2, 0.3], eta = 0.3 on the bowl k = [1, 4] centred at [1, 0]", args: [shiftedBowl, [-1.2, 0.3], 0.3] },
  ],
  reference: referenceStep,
  shape: { kind: "vector", length: (args) => (args[1] as readonly number[]).length },
  compare: closeVectors(TOLERANCE),
  mistakes: [
    {
      name: "sign error",
      hint: "Your step goes uphill: it adds the gradient. The gradient points up the slope, so subtract it: x - eta * grad E(x).",
      implementation: (energy: Energy, x: number[], eta: number) => plus(x, eta, energy.gradient(x)),
    },
    {
      name: "forgot eta",
      hint: "Your step is the whole gradient: multiply it by the step size eta before subtracting it.",
      implementation: (energy: Energy, x: number[], _eta: number) => plus(x, -1, energy.gradient(x)),
    },
    {
      name: "forgot x",
      hint: "You returned only the change -eta * grad E(x): add it to the current point x.",
      implementation: (energy: Energy, x: number[], eta: number) => Array.from(energy.gradient(x), (g) => -eta * g),
    },
  ],
};

// ---------------------------------------------------------------------------------------------
// Exercise 2.2: the descent loop.

/** The library's path: gradientDescent with the learner's stopping rules and nothing else. */
function referencePath(energy: Energy, start: readonly number[], eta: number, tolerance: number, maxIterations: number): number[][] {
  return gradientDescent(energy, start, { eta, tolerance, maxIterations, stopOnEnergyIncrease: false }).path;
}

/**
 * The loop with knobs for its mistakes: `stepTest` stops on the step eta |g| rather than |g|;
 * `afterStep` steps first and tests afterwards; `extra` steps this many more times; `sign` -1
 * climbs; `keepStart` false leaves x_0 out; `ignoreTolerance` runs all maxIterations steps.
 */
function loopWith(
  flags: { stepTest?: boolean; afterStep?: boolean; extra?: number; sign?: number; keepStart?: boolean; ignoreTolerance?: boolean },
) {
  return (energy: Energy, start: number[], eta: number, tolerance: number, maxIterations: number): number[][] => {
    let x = start.slice();
    const path: number[][] = flags.keepStart === false ? [] : [x];
    const stops = (g: ArrayLike<number>) => !flags.ignoreTolerance && (flags.stepTest ? eta * norm(g) : norm(g)) <= tolerance;
    const limit = maxIterations + (flags.extra ?? 0);
    for (let t = 0; t < limit; t++) {
      const g = energy.gradient(x);
      if (!flags.afterStep && stops(g)) break;
      x = plus(x, -(flags.sign ?? 1) * eta, g);
      path.push(x);
      if (flags.afterStep && stops(energy.gradient(x))) break;
    }
    return path;
  };
}

/**
 * A learner's path as a DescentResult for descentFigure, or undefined when it is not a path. Its
 * stop reason: "converged" when the gradient at its end is at most `tolerance`, else
 * "max-iterations".
 */
function asDescent(energy: Energy, path: unknown, tolerance: number): DescentResult | undefined {
  if (!isArrayOrTyped(path) || path.length === 0) return undefined;
  const points: number[][] = [];
  for (const p of Array.from(path as ArrayLike<unknown>)) {
    if (!isArrayOrTyped(p) || p.length !== energy.dimension) return undefined;
    const point = Array.from(p as ArrayLike<unknown>);
    if (!point.every((v) => typeof v === "number" && Number.isFinite(v))) return undefined;
    points.push(point as number[]);
  }
  const energies = points.map((p) => energy.value(p));
  if (!energies.every(Number.isFinite)) return undefined;
  const last = points.length - 1;
  const converged = norm(energy.gradient(points[last])) <= tolerance;
  return {
    path: points,
    energies,
    times: points.map((_, i) => i),
    iterations: last,
    converged,
    reason: converged ? "converged" : "max-iterations",
    final: points[last],
    finalEnergy: energies[last],
    energyRises: energyRises(energies),
    energyName: energy.name,
  };
}

/** The first case of the loop, drawn: the learner's path beside the library's. */
const LOOP_FIGURE = { start: [-0.5], eta: 0.1, tolerance: 1e-6, maxIterations: 1000 };

function loopFigure(learner: (...args: any[]) => unknown): Figure {
  const { start, eta, tolerance, maxIterations } = LOOP_FIGURE;
  const reference = gradientDescent(memories, start, { eta, tolerance, maxIterations, stopOnEnergyIncrease: false });
  let mine: DescentResult | undefined;
  try {
    mine = asDescent(memories, learner(memories, start.slice(), eta, tolerance, maxIterations), tolerance);
  } catch {
    mine = undefined;
  }
  const runs = mine ? [reference, mine] : [reference];
  const labels = mine ? ["the library's gradientDescent", "your descend"] : ["the library's gradientDescent"];
  const title = mine ? "Your descent path beside the library's" : "The library's descent path (yours did not give a path)";
  return descentFigure(memories, runs, { labels, title });
}

const descentLoop: Exercise = {
  id: "descent-loop",
  workbook: WORKBOOK,
  title: "A descent loop that knows when to stop",
  functionName: "descend",
  verified:
    "your path equals the library's gradientDescent path (start included, a stop on |grad E| <= tolerance " +
    "tested before each step, at most maxIterations steps) on 6 cases",
  cases: (): ExerciseCase[] => [
    { label: "two memories from [-0.5], eta = 0.1, tolerance 1e-6, at most 1000 steps", args: [memories, [-0.5], 0.1, 1e-6, 1000] },
    { label: "two memories from [-0.9], eta = 0.1, tolerance 1e-6, at most 1000 steps", args: [memories, [-0.9], 0.1, 1e-6, 1000] },
    { label: "quadratic bowl k = [1, 4] from [2, 1], eta = 0.1, tolerance 1e-3, at most 1000 steps", args: [bowl, [2, 1], 0.1, 1e-3, 1000] },
    { label: "two memories from [-0.5], eta = 0.1, tolerance 1e-6, at most 5 steps", args: [memories, [-0.5], 0.1, 1e-6, 5] },
    { label: "quadratic bowl k = [1, 4] from its minimum [0, 0], eta = 0.1, tolerance 1e-6, at most 10 steps", args: [bowl, [0, 0], 0.1, 1e-6, 10] },
    { label: "double well from [0.5], eta = 0.1, tolerance 1e-6, at most 0 steps", args: [well, [0.5], 0.1, 1e-6, 0] },
  ],
  reference: referencePath,
  shape: { kind: "any" },
  compare: closeMatrices(TOLERANCE),
  mistakes: [
    {
      name: "sign error",
      hint: "Your path climbs: each step must subtract eta * grad E(x), as in exercise 2.1.",
      implementation: loopWith({ sign: -1 }),
    },
    {
      name: "stops on the step",
      hint: "You stop when the step eta * |grad E| is small; stop when the gradient itself is small: |grad E(x)| <= tolerance.",
      implementation: loopWith({ stepTest: true }),
    },
    {
      name: "never stops early",
      hint: "Your loop always takes maxIterations steps: before each step, stop when |grad E(x)| <= tolerance.",
      implementation: loopWith({ ignoreTolerance: true }),
    },
    {
      name: "forgot the start",
      hint: "Your path leaves out the start: put the starting point in first, then one point per step.",
      implementation: loopWith({ keepStart: false }),
    },
    {
      name: "one step too many",
      hint: "Your loop takes maxIterations + 1 steps: take at most maxIterations (the path then has at most maxIterations + 1 points).",
      implementation: loopWith({ extra: 1 }),
    },
    {
      name: "tests after the step",
      hint: "You step before testing: test |grad E(x)| <= tolerance (and the step count) before each step, so a start at a minimum, or maxIterations = 0, gives a path of just the start.",
      implementation: loopWith({ afterStep: true }),
    },
  ],
  figure: loopFigure,
};

// ---------------------------------------------------------------------------------------------
// Exercise 2.3: the Lyapunov check along a path.

/** The library's answer: energyRises on the energies along the path. */
function referenceRises(energy: Energy, path: readonly (readonly number[])[], tolerance: number): number[] {
  return energyRises(path.map((p) => energy.value(p)), { tolerance });
}

/** The check with a wrong comparison `rose(before, after, first, tolerance)`, and an index shift. */
function risesWith(rose: (before: number, after: number, first: number, tolerance: number) => boolean, shift = 0) {
  return (energy: Energy, path: number[][], tolerance: number): number[] => {
    const e = path.map((p) => energy.value(p));
    const out: number[] = [];
    for (let i = 1; i < e.length; i++) if (rose(e[i - 1], e[i], e[0], tolerance)) out.push(i + shift);
    return out;
  };
}

/** A descent path to test the check on (the library's). */
function run(energy: Energy, start: number[], eta: number, maxIterations: number): number[][] {
  return gradientDescent(energy, start, { eta, maxIterations, stopOnEnergyIncrease: false }).path;
}

/** Rounding-sized wobbles: E rises by about 1e-16 at index 1 and falls after. */
const WOBBLE = [[1e-3, 0], [1e-3 + 1e-13, 0], [5e-4, 0]];
/** A path high up the bowl (E about 5e5): a rise of 1e-7 is 2e-13 of E, below a relative 1e-12. */
const HIGH = [[1000, 0], [999, 0], [999 + 1e-10, 0], [990, 0]];

const lyapunovCheck: Exercise = {
  id: "lyapunov-check",
  workbook: WORKBOOK,
  title: "Does the energy ever rise?",
  functionName: "energyRisesAlong",
  verified:
    "your indices equal the library's energyRises: i where E(path[i]) - E(path[i-1]) > tolerance * max(1, |E(path[i-1])|), on 6 paths",
  cases: (): ExerciseCase[] => [
    { label: "the two memories path from [-0.9] with eta = 0.1 (30 steps), tolerance 1e-12", args: [memories, run(memories, [-0.9], 0.1, 30), 1e-12] },
    { label: "the two memories path from [-1] with eta = 1 (30 steps), tolerance 1e-12", args: [memories, run(memories, [-1], 1, 30), 1e-12] },
    { label: "the bowl k = [1, 4] path from [1, 1] with eta = 0.6 > 2 / 4 (8 steps), tolerance 1e-12", args: [bowl, run(bowl, [1, 1], 0.6, 8), 1e-12] },
    { label: "three points near the bowl's minimum, E rising by 1e-16 then falling, tolerance 1e-12", args: [bowl, WOBBLE, 1e-12] },
    { label: "the same three points, tolerance 0", args: [bowl, WOBBLE, 0] },
    { label: "four points high up the bowl (E about 5e5), a rise of 1e-7 at index 2, tolerance 1e-12", args: [bowl, HIGH, 1e-12] },
  ],
  reference: referenceRises,
  shape: { kind: "any" },
  compare: sameAnswer,
  mistakes: [
    {
      name: "wrong neighbours",
      hint: "Your indices are one too small: report i, the point where E went up, comparing E(path[i]) with E(path[i - 1]).",
      implementation: risesWith((before, after, _first, tol) => after - before > tol * Math.max(1, Math.abs(before)), -1),
    },
    {
      name: "reports falls",
      hint: "You report where E went down: a rise is E(path[i]) - E(path[i - 1]) > tolerance * max(1, |E(path[i - 1])|).",
      implementation: risesWith((before, after, _first, tol) => before - after > tol * Math.max(1, Math.abs(before))),
    },
    {
      name: "absolute tolerance",
      hint: "Scale the tolerance by the size of the energy: E(path[i]) - E(path[i - 1]) > tolerance * max(1, |E(path[i - 1])|).",
      implementation: risesWith((before, after, _first, tol) => after - before > tol),
    },
    {
      name: "ignores the tolerance",
      hint: "You count rises of rounding size (1e-16) too: a rise must exceed tolerance * max(1, |E(path[i - 1])|).",
      implementation: risesWith((before, after) => after > before),
    },
    {
      name: "compares with the start",
      hint: "You compare each point with the start: compare it with the point just before it, path[i - 1].",
      implementation: risesWith((_before, after, first, tol) => after - first > tol * Math.max(1, Math.abs(first))),
    },
  ],
};

// ---------------------------------------------------------------------------------------------
// Exercise 2.4: the largest safe step of a quadratic bowl.

/** The eigenvalues of the symmetric 2 x 2 matrix [[a, b], [b, c]], largest first. */
function eigenvalues2(h: readonly (readonly number[])[]): [number, number] {
  const a = h[0][0];
  const b = h[0][1];
  const c = h[1][1];
  const mean = (a + c) / 2;
  const radius = Math.hypot((a - c) / 2, b);
  return [mean + radius, mean - radius];
}

/** 2 / lambda_max: descent on E = x^T H x / 2 converges for 0 < eta < 2 / lambda_max (math notebook 02). */
function safeStep(h: readonly (readonly number[])[]): number {
  return 2 / eigenvalues2(h)[0];
}

const safeStepExercise: Exercise = {
  id: "safe-step",
  workbook: WORKBOOK,
  title: "The largest safe step for a quadratic bowl",
  functionName: "largestSafeStep",
  verified: "your step equals 2 / lambda_max, lambda_max the largest eigenvalue of the Hessian, on 5 bowls",
  cases: (): ExerciseCase[] => [
    { label: "H = [[1, 0], [0, 4]] (the bowl k = [1, 4])", args: [[[1, 0], [0, 4]]] },
    { label: "H = [[4, 0], [0, 1]]", args: [[[4, 0], [0, 1]]] },
    { label: "H = [[2, 1], [1, 2]] (eigenvalues 3 and 1)", args: [[[2, 1], [1, 2]]] },
    { label: "H = [[5, 2], [2, 2]] (eigenvalues 6 and 1)", args: [[[5, 2], [2, 2]]] },
    { label: "H = [[3, -1], [-1, 3]] (eigenvalues 4 and 2)", args: [[[3, -1], [-1, 3]]] },
  ],
  reference: safeStep,
  shape: { kind: "number" },
  compare: closeNumbers(TOLERANCE),
  mistakes: [
    {
      name: "1 / L",
      hint: "1 / lambda_max is the best single step, not the largest safe one: descent still converges up to 2 / lambda_max.",
      implementation: (h: number[][]) => 1 / eigenvalues2(h)[0],
    },
    {
      name: "smallest curvature",
      hint: "You used the smallest curvature: the steepest direction (the largest eigenvalue) sets the limit, eta < 2 / lambda_max.",
      implementation: (h: number[][]) => 2 / eigenvalues2(h)[1],
    },
    {
      name: "diagonal only",
      hint: "The diagonal entries are the curvatures along the axes only: with off-diagonal entries, use the largest eigenvalue of H.",
      implementation: (h: number[][]) => 2 / Math.max(h[0][0], h[1][1]),
    },
    {
      name: "trace",
      hint: "The trace is the sum of both eigenvalues: take the largest eigenvalue, (a + c) / 2 + sqrt(((a - c) / 2)^2 + b^2).",
      implementation: (h: number[][]) => 2 / (h[0][0] + h[1][1]),
    },
  ],
};

/** The exercises of notebooks/02-workbook-deterministic.ipynb, smallest first. */
export const deterministicExercises: readonly Exercise[] = [gradientStep, descentLoop, lyapunovCheck, safeStepExercise];
