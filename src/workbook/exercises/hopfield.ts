/**
 * Workbook 05 (the Hopfield network): Hebb's rule, the energy, one asynchronous sweep, and
 * recall of a damaged letter with the learner's own sweep.
 *
 * Tolerances: weights within 1e-12 (Hebbian weights are sums of P terms +-1/N: the learner's
 * order of additions changes them by a few 1e-16); energies within 1e-9 (a sum of N^2 terms of
 * size up to 1, N <= 49: rounding below 1e-12). States are +-1 and compared exactly; the sweep's
 * cases use weights that are multiples of 1/4, 1/8 or integers, so every field is exact in
 * floating point and a tie is exactly 0.
 */
import { hebbianWeights, hopfieldEnergy, hopfieldNetwork, letterPatterns, corruptPattern, randomPatterns } from "../../hopfield";
import { patternFigure } from "../../plot";
import { createRandom } from "../../sampling";
import { shuffleInPlace } from "../../sampling/shuffle";
import type { Exercise } from "../types";
import { closeMatrices, closeNumbers, sameAnswer } from "../compare";
import { hebbWith, quadraticParts, recallBy, sweepWith } from "./hopfield-reference";

const WORKBOOK = "05-workbook-hopfield";

type Rows = readonly (readonly number[])[];

/** W of a library network as N rows. */
function rowsOf(net: { size: number; weights: ArrayLike<number> }): number[][] {
  const n = net.size;
  return Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => net.weights[i * n + j]));
}


/** Exercise 5.1: Hebb's rule. */
const hebbRule: Exercise = {
  id: "hebb-rule",
  workbook: WORKBOOK,
  title: "Hebb's rule",
  functionName: "hebb",
  verified: "your W equals (1/N) sum_mu xi xi^T with a zero diagonal on 3 sets of patterns (within 1e-12)",
  cases: () => [
    { label: "P = 2 patterns of N = 3 units: [1, -1, 1] and [1, 1, -1]", args: [[[1, -1, 1], [1, 1, -1]]] },
    { label: "P = 3 random patterns of N = 8 units (seed 5)", args: [randomPatterns(3, 8, { seed: 5 })] },
    { label: 'the letters "IRUX" (P = 4, N = 49)', args: [letterPatterns("IRUX").patterns] },
  ],
  reference: (patterns: Rows) => rowsOf(hebbianWeights(patterns)),
  shape: { kind: "matrix", rows: (args) => (args[0] as Rows)[0].length, columns: (args) => (args[0] as Rows)[0].length },
  compare: closeMatrices(1e-12),
  mistakes: [
    {
      name: "missing 1/N",
      hint: "Your weights are N times too large: divide the sum by N, the number of units.",
      implementation: (patterns: Rows) => hebbWith(patterns, 1),
    },
    {
      name: "1/P instead of 1/N",
      hint: "Divide by N, the number of units (the length of a pattern), not by P, the number of patterns.",
      implementation: (patterns: Rows) => hebbWith(patterns, 1 / patterns.length),
    },
    {
      name: "non-zero diagonal",
      hint: "Set the diagonal to 0: a unit has no connection to itself (W[i][i] = 0).",
      implementation: (patterns: Rows) => hebbWith(patterns, 1 / patterns[0].length, { zeroDiagonal: false }),
    },
    {
      name: "0/1 units",
      hint: "Use the patterns' values +1 and -1 as they are: with 0 and 1 an off pair adds nothing, and W is not Hebb's.",
      implementation: (patterns: Rows) => hebbWith(patterns, 1 / patterns[0].length, { zeroOne: true }),
    },
  ],
};

/** Exercise 5.2: the Hopfield energy. */
const energyExercise: Exercise = {
  id: "hopfield-energy",
  workbook: WORKBOOK,
  title: "The energy of a state",
  functionName: "energy",
  verified: "your energy equals -1/2 s^T W s - b.s (hopfieldEnergy) on 3 states (within 1e-9)",
  cases: () => {
    const six = randomPatterns(2, 6, { seed: 1 });
    const letters = letterPatterns("IRUX").patterns;
    return [
      { label: "W = [[0, 1], [1, 0]], b = [0.5, 0], s = [1, 1]", args: [[[0, 1], [1, 0]], [0.5, 0], [1, 1]] },
      {
        label: "two memories of 6 units, b = [0.3, -0.2, 0, 0.1, 0, -0.4], s = [1, 1, -1, -1, 1, -1]",
        args: [rowsOf(hebbianWeights(six)), [0.3, -0.2, 0, 0.1, 0, -0.4], [1, 1, -1, -1, 1, -1]],
      },
      {
        label: 'the letters "IRUX", b = 0, s = the R with 10 pixels flipped',
        args: [rowsOf(hebbianWeights(letters)), new Array(49).fill(0), corruptPattern(letters[1], { flips: 10, seed: 3 })],
      },
    ];
  },
  reference: (W: Rows, b: number[], s: number[]) => hopfieldEnergy(hopfieldNetwork(W, { biases: b }), s),
  shape: { kind: "number" },
  compare: closeNumbers(1e-9),
  mistakes: [
    {
      name: "missing 1/2",
      hint: "Each pair is counted twice in s^T W s (W[i][j] and W[j][i]): multiply it by 1/2.",
      implementation: (W: Rows, b: number[], s: number[]) => {
        const { sWs, bs } = quadraticParts(W, b, s);
        return -sWs - bs;
      },
    },
    {
      name: "sign",
      hint: "The energy is minus the agreement: E = -1/2 s^T W s - b.s, low when connected units agree as W asks.",
      implementation: (W: Rows, b: number[], s: number[]) => {
        const { sWs, bs } = quadraticParts(W, b, s);
        return 0.5 * sWs + bs;
      },
    },
    {
      name: "bias sign",
      hint: "The bias term enters with a minus sign too: E = -1/2 s^T W s - b.s.",
      implementation: (W: Rows, b: number[], s: number[]) => {
        const { sWs, bs } = quadraticParts(W, b, s);
        return -0.5 * sWs + bs;
      },
    },
    {
      name: "bias halved",
      hint: "Only the pair term is halved: E = -1/2 s^T W s - b.s, not -1/2 (s^T W s + b.s).",
      implementation: (W: Rows, b: number[], s: number[]) => {
        const { sWs, bs } = quadraticParts(W, b, s);
        return -0.5 * (sWs + bs);
      },
    },
  ],
};

/** The cases of the sweep: exact fields (integer or dyadic weights), ties included. */
function sweepCases() {
  const eight = randomPatterns(3, 8, { seed: 2 });
  const random = createRandom(505, "sweep order");
  const order8 = shuffleInPlace(random, [0, 1, 2, 3, 4, 5, 6, 7]);
  return [
    {
      label: "W = [[0, 1, -1], [1, 0, 1], [-1, 1, 0]], b = 0, s = [1, -1, 1], order [2, 0, 1]",
      args: [[[0, 1, -1], [1, 0, 1], [-1, 1, 0]], [0, 0, 0], [1, -1, 1], [2, 0, 1]],
    },
    {
      label: "W = [[0, 1, 1], [1, 0, -1], [1, -1, 0]], b = [0, 0.5, -1.5], s = [1, 1, 1], order [0, 1, 2]",
      args: [[[0, 1, 1], [1, 0, -1], [1, -1, 0]], [0, 0.5, -1.5], [1, 1, 1], [0, 1, 2]],
    },
    {
      label: `3 memories of 8 units, b = 0, s = the first with 3 units flipped, order [${order8.join(", ")}]`,
      args: [rowsOf(hebbianWeights(eight)), new Array(8).fill(0), corruptPattern(eight[0], { flips: 3, seed: 4 }), order8],
    },
  ];
}

/** Exercise 5.3: one asynchronous sweep. */
const asyncSweep: Exercise = {
  id: "async-sweep",
  workbook: WORKBOOK,
  title: "One asynchronous sweep",
  functionName: "sweep",
  verified: "your sweep equals the asynchronous rule (units in the given order, a tie keeps its value) on 3 cases, so its energy never rose",
  cases: sweepCases,
  reference: (W: Rows, b: number[], s: number[], order: number[]) => sweepWith(W, b, s, order),
  shape: { kind: "vector" },
  // Equal to the rule's state, whose energy never rises (test/unit/workbook-hopfield.test.ts).
  compare: sameAnswer,
  mistakes: [
    {
      name: "synchronous",
      hint: "Use the new values at once: unit i's field must see the units already updated in this sweep (change s in place, one unit at a time).",
      implementation: (W: Rows, b: number[], s: number[], order: number[]) => sweepWith(W, b, s, order, { synchronous: true }),
    },
    {
      name: "wrong order",
      hint: "Visit the units in the given order (for (const i of order)), not 0, 1, 2, ...",
      implementation: (W: Rows, b: number[], s: number[]) => sweepWith(W, b, s, s.map((_, i) => i)),
    },
    {
      name: "Math.sign",
      hint: "Math.sign(0) is 0, not a unit value: on a tie (h = 0) keep the unit as it is.",
      implementation: (W: Rows, b: number[], s: number[], order: number[]) => sweepWith(W, b, s, order, { rule: "Math.sign" }),
    },
    {
      name: "tie to +1",
      hint: "On a tie (h = 0) keep the unit as it is; setting it to +1 can change a state the rule leaves alone.",
      implementation: (W: Rows, b: number[], s: number[], order: number[]) => sweepWith(W, b, s, order, { rule: "tie to +1" }),
    },
    {
      name: "bias missing",
      hint: "Add the bias to the field: h_i = sum_j W[i][j] s[j] + b[i].",
      implementation: (W: Rows, b: number[], s: number[], order: number[]) => sweepWith(W, b, s, order, { useBias: false }),
    },
    {
      name: "sign flipped",
      hint: "Each unit takes the sign of its field (+1 when h > 0): yours goes against it, uphill.",
      implementation: (W: Rows, b: number[], s: number[], order: number[]) => sweepWith(W, b, s, order, { rule: "flipped" }),
    },
  ],
};

/** One sweep as a function of the state: what the recall exercise is given. */
type Step = (s: number[]) => number[];

/**
 * The cases of the recall: damaged letters of "IRUX", each with one sweep in a fixed order
 * (the reference sweep, so the check judges the loop alone). The second needs more than one
 * sweep.
 */
function recallCases() {
  const letters = letterPatterns("IRUX").patterns;
  const W = rowsOf(hebbianWeights(letters));
  const zero = new Array(49).fill(0);
  const forward = Array.from({ length: 49 }, (_, i) => i);
  const backward = [...forward].reverse();
  const step = (order: number[]): Step => (s) => sweepWith(W, zero, s, order);
  const damaged = (k: number, flips: number, seed: number) => corruptPattern(letters[k], { flips, seed });
  return [
    { label: "the R with 10 of 49 pixels flipped (seed 3); step: one sweep, units 0 to 48", args: [step(forward), damaged(1, 10, 3)] },
    { label: "the U with 16 pixels flipped (seed 1); step: one sweep, units 0 to 48", args: [step(forward), damaged(2, 16, 1)] },
    { label: "the R with 16 pixels flipped (seed 11); step: one sweep, units 48 down to 0", args: [step(backward), damaged(1, 16, 11)] },
  ];
}

/** Exercise 5.4: recall, sweeping until nothing changes. */
const recallLetter: Exercise = {
  id: "recall-letter",
  workbook: WORKBOOK,
  title: "Recall a damaged letter",
  functionName: "recall",
  verified: "your recall equals sweeping until a sweep changes nothing, on 3 damaged letters",
  cases: recallCases,
  reference: (step: Step, cue: number[]) => recallBy(step, cue),
  shape: { kind: "vector" },
  compare: sameAnswer,
  mistakes: [
    {
      name: "never moves on",
      hint: "Each sweep must start where the last one ended: set s = next before the next sweep.",
      implementation: (step: Step, cue: number[]) => {
        const next = step(cue);
        return next.every((v, i) => v === cue[i]) ? next : cue;
      },
    },
    {
      name: "one sweep only",
      hint: "One sweep is not always enough: repeat sweeps until one changes nothing.",
      implementation: (step: Step, cue: number[]) => step(cue),
    },
  ],
  figure: (learner) => {
    const [step, cue] = recallCases()[0].args as [Step, number[]];
    let yours: number[];
    let label = "your recall";
    try {
      const got = learner(step, cue);
      const ok = Array.isArray(got) && got.length === cue.length && got.every((v) => v === 1 || v === -1);
      yours = ok ? (got as number[]) : new Array(cue.length).fill(0);
      if (!ok) label = "yours: not a +-1 state";
    } catch {
      yours = new Array(cue.length).fill(0);
      label = "yours: it threw";
    }
    return patternFigure([cue, yours, recallBy(step, cue)], {
      width: 7,
      height: 7,
      labels: ["the damaged R", label, "the reference"],
      title: "Recall of the damaged R, sweeping units 0 to 48",
    });
  },
};

/** The exercises of workbook 05, smallest first. */
export const hopfieldExercises: readonly Exercise[] = [hebbRule, energyExercise, asyncSweep, recallLetter];

