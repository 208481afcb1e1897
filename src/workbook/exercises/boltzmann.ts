/**
 * Workbook 06 (the Boltzmann machine): the stochastic unit, one Gibbs sweep with the random
 * numbers passed in, and one step of the learning rule on a tiny machine.
 *
 * Tolerances: probabilities within 1e-12 (1 / (1 + e^{-x}) and (1 + tanh(x/2)) / 2 agree to a
 * few 1e-16); states +-1 exactly (the sweep's uniforms are never within 1e-6 of a unit's
 * probability, so rounding cannot turn a comparison); learned weights and biases within 1e-12
 * (sums of M <= 20 terms of size 1, times eta <= 0.5).
 */
import { boltzmannExact, corruptPattern, hebbianWeights, hopfieldNetwork, randomPatterns } from "../../hopfield";
import { createRandom } from "../../sampling";
import type { Exercise } from "../types";
import { closeDeep, closeNumbers, sameAnswer } from "../compare";
import { covariances, dataMoments, gibbsSweepWith, learningStepWith, probabilityUp, type Moments } from "./boltzmann-reference";

const WORKBOOK = "06-workbook-boltzmann";

type Rows = readonly (readonly number[])[];

/** W of a library network as N rows. */
function rowsOf(net: { size: number; weights: ArrayLike<number> }): number[][] {
  const n = net.size;
  return Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => net.weights[i * n + j]));
}

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

/** Exercise 6.1: the stochastic unit. */
const stochasticUnit: Exercise = {
  id: "stochastic-unit",
  workbook: WORKBOOK,
  title: "The stochastic unit",
  functionName: "probabilityUp",
  verified: "your probability equals 1 / (1 + exp(-2 beta h)) on 6 cases (within 1e-12), strong fields included",
  cases: () => [
    { label: "h = 0.5, beta = 3", args: [0.5, 3] },
    { label: "h = 0, beta = 1", args: [0, 1] },
    { label: "h = -1, beta = 0.5", args: [-1, 0.5] },
    { label: "h = 2, beta = 0.25", args: [2, 0.25] },
    { label: "h = 400, beta = 2 (a strong field: the unit is surely +1)", args: [400, 2] },
    { label: "h = -400, beta = 2 (surely -1)", args: [-400, 2] },
  ],
  reference: (h: number, beta: number) => probabilityUp(h, beta),
  shape: { kind: "number" },
  compare: closeNumbers(1e-12),
  mistakes: [
    {
      name: "missing factor 2",
      hint: "For units +-1 the two states differ in energy by 2h, so the exponent is -2 beta h (1 / (1 + exp(-beta h)) is for 0/1 units).",
      implementation: (h: number, beta: number) => sigmoid(beta * h),
    },
    {
      name: "beta inverted",
      hint: "beta multiplies the field (beta is 1 / temperature): exp(-2 * beta * h), not exp(-2 * h / beta).",
      implementation: (h: number, beta: number) => sigmoid((2 * h) / beta),
    },
    {
      name: "beta missing",
      hint: "Include beta: the larger beta (calmer), the surer the unit follows its field, exp(-2 * beta * h).",
      implementation: (h: number) => sigmoid(2 * h),
    },
    {
      name: "sign",
      hint: "A positive field must make +1 likelier: 1 / (1 + exp(-2 beta h)), with the minus sign.",
      implementation: (h: number, beta: number) => sigmoid(-2 * beta * h),
    },
    {
      name: "exp overflow",
      hint: "exp(2 beta h) overflows to Infinity for a strong field, and Infinity / Infinity is NaN: write 1 / (1 + Math.exp(-2 * beta * h)).",
      implementation: (h: number, beta: number) => Math.exp(2 * beta * h) / (1 + Math.exp(2 * beta * h)),
    },
  ],
};

/** The cases of the sweep: uniforms from a seed, none within 1e-6 of its unit's probability. */
function gibbsCases() {
  const six = randomPatterns(2, 6, { seed: 1 });
  const W6 = rowsOf(hebbianWeights(six));
  const b6 = [0.3, -0.2, 0, 0.1, 0, -0.4];
  const random = createRandom(606, "gibbs uniforms");
  const uniforms6 = Array.from({ length: 6 }, () => Math.round(random.next() * 1000) / 1000);
  return [
    {
      label: "W = [[0, 1], [1, 0]], b = [0, 0], s = [-1, 1], beta = 1, uniforms [0.5, 0.3]",
      args: [[[0, 1], [1, 0]], [0, 0], [-1, 1], 1, [0.5, 0.3]],
    },
    {
      label: "W = [[0, -1, 0.5], [-1, 0, 1], [0.5, 1, 0]], b = [0.2, 0, -0.3], s = [1, 1, -1], beta = 0.5, uniforms [0.2, 0.65, 0.5]",
      args: [[[0, -1, 0.5], [-1, 0, 1], [0.5, 1, 0]], [0.2, 0, -0.3], [1, 1, -1], 0.5, [0.2, 0.65, 0.5]],
    },
    {
      label: `two memories of 6 units, b = [${b6.join(", ")}], s = [1, 1, -1, -1, 1, -1], beta = 2, uniforms [${uniforms6.join(", ")}]`,
      args: [W6, b6, [1, 1, -1, -1, 1, -1], 2, uniforms6],
    },
  ];
}

/** Exercise 6.2: one Gibbs sweep. */
const gibbsSweep: Exercise = {
  id: "gibbs-sweep",
  workbook: WORKBOOK,
  title: "One Gibbs sweep",
  functionName: "gibbsSweep",
  verified: "your sweep equals the library's scan (units 0 to N-1, unit i is +1 when uniforms[i] < P(+1)) on 3 cases",
  cases: gibbsCases,
  reference: (W: Rows, b: number[], s: number[], beta: number, uniforms: number[]) => gibbsSweepWith(W, b, s, beta, uniforms),
  shape: { kind: "vector" },
  compare: sameAnswer,
  mistakes: [
    {
      name: "comparison upside down",
      hint: "Set the unit to +1 when the uniform is below its probability (uniforms[i] < p): then +1 comes with probability p.",
      implementation: (W: Rows, b: number[], s: number[], beta: number, u: number[]) => gibbsSweepWith(W, b, s, beta, u, { upsideDown: true }),
    },
    {
      name: "synchronous",
      hint: "Each unit's field must see the units already redrawn in this sweep: update the state in place, unit after unit.",
      implementation: (W: Rows, b: number[], s: number[], beta: number, u: number[]) => gibbsSweepWith(W, b, s, beta, u, { synchronous: true }),
    },
    {
      name: "missing factor 2",
      hint: "The probability of +1 for a +-1 unit is 1 / (1 + exp(-2 beta h)): the factor 2 is missing (exercise 6.1).",
      implementation: (W: Rows, b: number[], s: number[], beta: number, u: number[]) =>
        gibbsSweepWith(W, b, s, beta, u, { probability: (h, bt) => sigmoid(bt * h) }),
    },
    {
      name: "deterministic",
      hint: "Draw, do not decide: compare uniforms[i] with the probability instead of following the field's sign.",
      implementation: (W: Rows, b: number[], s: number[], beta: number, u: number[]) => gibbsSweepWith(W, b, s, beta, u, { deterministic: true }),
    },
  ],
};

/** The model's moments at (W, b), beta = 1, by exact enumeration: what the learner is given. */
function modelMoments(W: Rows, b: readonly number[]): Moments {
  const exact = boltzmannExact(hopfieldNetwork(W, { biases: b }), { beta: 1 });
  return { meanState: exact.meanState, correlations: exact.correlations };
}

/** The cases of the learning step: tiny machines with their exact model moments. */
function learningCases() {
  const pairData = [[1, 1], [1, 1], [-1, -1]];
  const three = [[0, 0.5, -0.25], [0.5, 0, 0.75], [-0.25, 0.75, 0]];
  const threeBias = [0.1, -0.3, 0.2];
  const threeData = [[1, 1, -1], [1, -1, -1], [-1, 1, 1], [1, 1, 1]];
  const memories = randomPatterns(2, 6, { seed: 1 });
  const examples = Array.from({ length: 20 }, (_, k) =>
    k < 8 ? memories[k % 2] : corruptPattern(memories[k % 2], { flips: 1, seed: k }),
  );
  const W6 = rowsOf(hebbianWeights(memories));
  const b6 = new Array(6).fill(0);
  const zero2 = [[0, 0], [0, 0]];
  return [
    {
      label: "2 units from W = 0, b = 0; data [1, 1], [1, 1], [-1, -1]; eta = 0.5",
      args: [zero2, [0, 0], pairData, modelMoments(zero2, [0, 0]), 0.5],
    },
    {
      label: "3 units, W = [[0, 0.5, -0.25], [0.5, 0, 0.75], [-0.25, 0.75, 0]], b = [0.1, -0.3, 0.2]; 4 data vectors; eta = 0.1",
      args: [three, threeBias, threeData, modelMoments(three, threeBias), 0.1],
    },
    {
      label: "6 units from Hebb's W of two memories; the 20 examples of the track notebooks; eta = 0.09",
      args: [W6, b6, examples, modelMoments(W6, b6), 0.09],
    },
  ];
}

/** Exercise 6.3: one step of the learning rule. */
const learningStep: Exercise = {
  id: "learning-step",
  workbook: WORKBOOK,
  title: "One step of learning",
  functionName: "learningStep",
  verified:
    "your step adds eta (data - model) to every W_ij (i != j, the diagonal stays 0) and b_i, as boltzmannLearn does, on 3 machines (within 1e-12)",
  cases: learningCases,
  reference: (W: Rows, b: number[], data: Rows, model: Moments, eta: number) => learningStepWith(W, b, data, model, eta),
  shape: { kind: "any" },
  compare: closeDeep(1e-12),
  mistakes: [
    {
      name: "sign flipped",
      hint: "Data minus model: raise W_ij where pairs agree more in the data than in the model's dreams, eta * (data - model).",
      implementation: (W: Rows, b: number[], data: Rows, model: Moments, eta: number) => learningStepWith(W, b, data, model, eta, { flipped: true }),
    },
    {
      name: "data summed",
      hint: "Average over the data (divide the sums by the number of vectors M), as the model's moments are averages.",
      implementation: (W: Rows, b: number[], data: Rows, model: Moments, eta: number) =>
        learningStepWith(W, b, data, model, eta, { dataMoments: dataMoments(data, false) }),
    },
    {
      name: "covariance",
      hint: "Use correlations <s_i s_j>, as the model's are, not covariances <s_i s_j> - <s_i><s_j>.",
      implementation: (W: Rows, b: number[], data: Rows, model: Moments, eta: number) =>
        learningStepWith(W, b, data, model, eta, { dataMoments: covariances(dataMoments(data)), modelMoments: covariances(model) }),
    },
    {
      name: "covariance, diagonal not zero",
      hint: "Use correlations <s_i s_j>, not covariances, and keep the diagonal of W at 0 (no unit connects to itself).",
      implementation: (W: Rows, b: number[], data: Rows, model: Moments, eta: number) =>
        learningStepWith(W, b, data, model, eta, {
          dataMoments: covariances(dataMoments(data)),
          modelMoments: covariances(model),
          keepDiagonal: true,
        }),
    },
    {
      name: "biases not learned",
      hint: "Learn the biases too: b_i += eta * (<s_i>_data - <s_i>_model).",
      implementation: (W: Rows, b: number[], data: Rows, model: Moments, eta: number) => learningStepWith(W, b, data, model, eta, { skipBiases: true }),
    },
  ],
};

/** The exercises of workbook 06, smallest first. */
export const boltzmannExercises: readonly Exercise[] = [stochasticUnit, gibbsSweep, learningStep];
