/**
 * Workbook 07 (learning): the free energy of an RBM, one CD-1 gradient with the random numbers
 * passed in, one Langevin step with the noise passed in, and the contrastive gradient of a
 * learnable 2D energy.
 *
 * Tolerances: free energies within 1e-12 (sums of at most 10 softplus terms of size up to 800:
 * relative 1e-12 above size 1); CD-1 gradients within 1e-12 (averages of products of numbers in
 * [0, 1]; the uniforms stay more than 1e-9 away from their unit's probability, so rounding
 * cannot turn a draw: test/unit/workbook-learning.test.ts checks it); Langevin steps and
 * contrastive gradients within 1e-12 (a few operations on numbers of size up to 10).
 */
import { rbmFreeEnergy } from "../../rbm";
import { makeRbm } from "../../rbm/machine";
import { neuralEnergy, twoMoons } from "../../learning";
import { createRandom } from "../../sampling";
import { streamRandom } from "../../sampling/random";
import type { Exercise } from "../types";
import { closeDeep, closeNumbers, closeVectors } from "../compare";
import { cd1With, contrastiveGradientWith, freeEnergyWith, langevinStepWith, type CdUniforms } from "./learning-reference";

const WORKBOOK = "07-workbook-learning";

type Rows = readonly (readonly number[])[];

/** The library's machine for W (V rows of H), b, c. */
export function machineOf(W: Rows, b: readonly number[], c: readonly number[]) {
  return makeRbm(Float64Array.from(W.flat()), Float64Array.from(b), Float64Array.from(c), b.length, c.length);
}

/** A V x H matrix of N(0, scale^2) numbers, rounded to 3 decimals so a label can show them. */
function seededWeights(V: number, H: number, scale: number, seed: number): number[][] {
  const random = createRandom(seed, "workbook rbm");
  return Array.from({ length: V }, () => Array.from({ length: H }, () => Math.round(scale * random.normal() * 1000) / 1000));
}

/** Seeded binary vectors. */
function seededBinary(M: number, V: number, seed: number): number[][] {
  const random = createRandom(seed, "workbook data");
  return Array.from({ length: M }, () => Array.from({ length: V }, () => (random.next() < 0.5 ? 1 : 0)));
}

/** Exercise 7.1: the free energy of an RBM. */
const freeEnergy: Exercise = {
  id: "rbm-free-energy",
  workbook: WORKBOOK,
  title: "The free energy",
  functionName: "freeEnergy",
  verified: "your F(v) equals the library's rbmFreeEnergy on 4 machines (within 1e-12), a field of 800 included",
  cases: () => [
    { label: "V = 2, H = 1, W = [[0], [0]], b = [0, 0], c = [0], v = [1, 0]", args: [[[0], [0]], [0, 0], [0], [1, 0]] },
    {
      label: "V = 3, H = 2, W = [[0.5, -1], [0.25, 0.75], [-0.5, 1]], b = [0.1, -0.2, 0.3], c = [-0.4, 0.2], v = [1, 0, 1]",
      args: [[[0.5, -1], [0.25, 0.75], [-0.5, 1]], [0.1, -0.2, 0.3], [-0.4, 0.2], [1, 0, 1]],
    },
    {
      label: "V = 6, H = 4, W from seed 71, b = [0.2, -0.1, 0, 0.3, -0.3, 0.1], c = [0.5, -0.5, 0.25, 0], v = [1, 1, 0, 1, 0, 0]",
      args: [seededWeights(6, 4, 1, 71), [0.2, -0.1, 0, 0.3, -0.3, 0.1], [0.5, -0.5, 0.25, 0], [1, 1, 0, 1, 0, 0]],
    },
    {
      label: "V = 2, H = 2, W = [[400, -400], [400, -400]], b = [1, -1], c = [0, 0], v = [1, 1] (fields +800 and -800)",
      args: [[[400, -400], [400, -400]], [1, -1], [0, 0], [1, 1]],
    },
  ],
  reference: (W: Rows, b: number[], c: number[], v: number[]) => rbmFreeEnergy(machineOf(W, b, c), v),
  shape: { kind: "number" },
  compare: closeNumbers(1e-12),
  mistakes: [
    {
      name: "sign",
      hint: "F(v) = -b.v - sum_j softplus(...), with both minus signs: a likely v has a low free energy.",
      implementation: (W: Rows, b: number[], c: number[], v: number[]) => freeEnergyWith(W, b, c, v, { flipped: true }),
    },
    {
      name: "visible bias missing",
      hint: "Include the visible term -b.v = -sum_i b[i] * v[i]: the visible units have biases too.",
      implementation: (W: Rows, b: number[], c: number[], v: number[]) => freeEnergyWith(W, b, c, v, { noVisibleBias: true }),
    },
    {
      name: "hidden bias missing",
      hint: "Start each hidden unit's input at its bias: x_j = c[j] + sum_i v[i] * W[i][j], then softplus(x_j).",
      implementation: (W: Rows, b: number[], c: number[], v: number[]) => freeEnergyWith(W, b, c, v, { noHiddenBias: true }),
    },
    {
      name: "softplus overflow",
      hint: "Math.log(1 + Math.exp(x)) overflows to Infinity for x = 800: for x > 0 write softplus(x) = x + Math.log1p(Math.exp(-x)).",
      implementation: (W: Rows, b: number[], c: number[], v: number[]) => freeEnergyWith(W, b, c, v, { naive: true }),
    },
  ],
};

/**
 * The uniforms of the library's CD-1 on a minibatch of M vectors: the stream rbmCdGradient draws
 * from (seed, "rbm cd gradient"), next32(), M x H for h0 and then M x V for v1.
 */
export function cdUniforms(seed: number, M: number, V: number, H: number): CdUniforms {
  const random = streamRandom(seed, "rbm cd gradient");
  const hidden = Array.from({ length: M }, () => Array.from({ length: H }, () => random.next32()));
  const visible = Array.from({ length: M }, () => Array.from({ length: V }, () => random.next32()));
  return { hidden, visible };
}

/** The data of the workbook's tiny RBM: two patterns of 6 units and their one-flip variants. */
export const SIX_UNIT_DATA: readonly (readonly number[])[] = [
  [1, 1, 1, 0, 0, 0],
  [0, 0, 0, 1, 1, 1],
  [1, 1, 0, 0, 0, 0],
  [0, 0, 0, 0, 1, 1],
  [1, 1, 1, 0, 0, 1],
  [1, 0, 0, 1, 1, 1],
];

/** The cases of CD-1: tiny machines and minibatches, the uniforms of seeds that the library's rbmCdGradient draws. */
function cdCases() {
  const W3 = [[0.5, -1], [1, 0.25], [-0.5, 0.75]];
  const W4 = seededWeights(4, 3, 1, 72);
  const W6 = seededWeights(6, 4, 0.5, 73);
  return [
    {
      label: "V = 3, H = 2, W = [[0.5, -1], [1, 0.25], [-0.5, 0.75]], b = [0.1, 0, -0.2], c = [0, 0.3]; batch [[1, 0, 1], [0, 1, 1]]; uniforms of seed 1",
      args: [W3, [0.1, 0, -0.2], [0, 0.3], [[1, 0, 1], [0, 1, 1]], cdUniforms(1, 2, 3, 2)],
    },
    {
      label: "V = 4, H = 3, W from seed 72, b = [0, 0.5, -0.5, 0], c = [0.2, -0.2, 0]; 5 random vectors; uniforms of seed 2",
      args: [W4, [0, 0.5, -0.5, 0], [0.2, -0.2, 0], seededBinary(5, 4, 72), cdUniforms(2, 5, 4, 3)],
    },
    {
      label: "V = 6, H = 4, W from seed 73, b = c = 0; the 6 vectors of the workbook's data; uniforms of seed 3",
      args: [W6, [0, 0, 0, 0, 0, 0], [0, 0, 0, 0], SIX_UNIT_DATA.map((v) => [...v]), cdUniforms(3, 6, 6, 4)],
    },
  ];
}

type CdArgs = [Rows, number[], number[], Rows, CdUniforms];

/** Exercise 7.2: one CD-1 gradient. */
const cd1: Exercise = {
  id: "cd1-gradient",
  workbook: WORKBOOK,
  title: "The CD-1 gradient",
  functionName: "cd1Gradient",
  verified:
    "your gradient equals the library's rbmCdGradient (k = 1) fed the same uniforms on 3 minibatches (within 1e-12): data statistics minus those of one Gibbs step, averaged",
  cases: cdCases,
  reference: (...args: CdArgs) => cd1With(...args),
  shape: { kind: "any" },
  compare: closeDeep(1e-12),
  mistakes: [
    {
      name: "sampled h in the statistics",
      hint: "Use the probabilities p(h_j = 1 | v) in the statistics, on both sides; the sampled h0 only drives the reconstruction v1.",
      implementation: (...args: CdArgs) => cd1With(...args, { sampledStatistics: true }),
    },
    {
      name: "no Gibbs step",
      hint: "Your negative phase is the data itself, so everything cancels: draw h0 from p(h | v0), then v1 from p(v | h0), and use v1 and p(h | v1).",
      implementation: (...args: CdArgs) => cd1With(...args, { noGibbsStep: true }),
    },
    {
      name: "reconstruction not drawn",
      hint: "Draw the reconstruction: v1[i] = 1 when uniforms.visible[m][i] < p(v_i = 1 | h0), else 0 (not the probability itself).",
      implementation: (...args: CdArgs) => cd1With(...args, { meanReconstruction: true }),
    },
    {
      name: "comparison upside down",
      hint: "A unit is 1 when its uniform is below its probability (u < p): then it is 1 with probability p.",
      implementation: (...args: CdArgs) => cd1With(...args, { upsideDown: true }),
    },
    {
      name: "sign",
      hint: "Data minus reconstruction: the update raises W where the data's pairs are more active than the model's.",
      implementation: (...args: CdArgs) => cd1With(...args, { flipped: true }),
    },
    {
      name: "summed over the batch",
      hint: "Average over the minibatch: divide every sum by M, the number of data vectors.",
      implementation: (...args: CdArgs) => cd1With(...args, { summed: true }),
    },
  ],
};

/** A bowl E = (k1 x^2 + k2 y^2) / 2 and the double well E = (x^2 - 1)^2, as gradients. */
const bowl1 = (x: number[]) => [x[0]];
const bowl2 = (x: number[]) => [x[0], 4 * x[1]];
const well = (x: number[]) => [4 * x[0] * (x[0] * x[0] - 1)];

type LangevinArgs = [number[], (x: number[]) => number[], number, number, number[]];

/** Exercise 7.3: one Langevin step. */
const langevinStep: Exercise = {
  id: "langevin-step",
  workbook: WORKBOOK,
  title: "A Langevin step",
  functionName: "langevinStep",
  verified: "your step equals x - eta grad E(x) + sqrt(2 eta / beta) z, as the library's langevin moves, on 4 cases (within 1e-12)",
  cases: () => [
    { label: "E = x^2 / 2 (grad E = x), x = [1], eta = 0.1, beta = 4, z = [0.5]", args: [[1], bowl1, 0.1, 4, [0.5]] },
    { label: "E = (x^2 + 4 y^2) / 2, x = [0.5, -1], eta = 0.05, beta = 1, z = [-1.2, 0.3]", args: [[0.5, -1], bowl2, 0.05, 1, [-1.2, 0.3]] },
    { label: "E = (x^2 - 1)^2, x = [0.8], eta = 0.01, beta = 2, z = [1.5]", args: [[0.8], well, 0.01, 2, [1.5]] },
    { label: "E = x^2 / 2, x = [-2], eta = 0.2, beta = 0.5, z = [0] (no noise)", args: [[-2], bowl1, 0.2, 0.5, [0]] },
  ],
  reference: (...args: LangevinArgs) => langevinStepWith(...args),
  shape: { kind: "vector" },
  compare: closeVectors(1e-12),
  mistakes: [
    {
      name: "uphill",
      hint: "Go downhill: subtract eta * grad E(x), as gradient descent does; the noise is what lets the chain climb.",
      implementation: (...args: LangevinArgs) => langevinStepWith(...args, { uphill: true }),
    },
    {
      name: "missing factor 2",
      hint: "The noise's size is Math.sqrt(2 * eta / beta), with the 2: without it the chain samples as if beta were twice as large.",
      implementation: (...args: LangevinArgs) => langevinStepWith(...args, { noise: (eta, beta) => Math.sqrt(eta / beta) }),
    },
    {
      name: "beta multiplies",
      hint: "Divide by beta: the larger beta (calmer), the smaller the noise, Math.sqrt(2 * eta / beta).",
      implementation: (...args: LangevinArgs) => langevinStepWith(...args, { noise: (eta, beta) => Math.sqrt(2 * eta * beta) }),
    },
    {
      name: "beta missing",
      hint: "Include beta in the noise, Math.sqrt(2 * eta / beta): as written the chain always samples at beta = 1.",
      implementation: (...args: LangevinArgs) => langevinStepWith(...args, { noise: (eta) => Math.sqrt(2 * eta) }),
    },
    {
      name: "square root missing",
      hint: "The noise is Math.sqrt(2 * eta / beta) * z, a square root: a random walk's spread grows like the square root of time.",
      implementation: (...args: LangevinArgs) => langevinStepWith(...args, { noise: (eta, beta) => (2 * eta) / beta }),
    },
  ],
};

/** dE/dtheta of the neural energy with these parameters, as a plain array. */
function parameterGradientOf(units: number, seed: number) {
  const energy = neuralEnergy({ units, seed });
  return (x: number[]) => Array.from(energy.parameterGradient(x));
}

type ContrastiveArgs = [(x: number[]) => number[], Rows, Rows];

/** Exercise 7.4: the contrastive gradient. */
const contrastiveGradient: Exercise = {
  id: "contrastive-gradient",
  workbook: WORKBOOK,
  title: "The contrastive gradient",
  functionName: "contrastiveGradient",
  verified: "your gradient equals the mean of dE/dtheta over the data minus its mean over the negatives on 3 cases (within 1e-12)",
  cases: () => {
    const moons = twoMoons({ count: 8, seed: 74 }).samples;
    const random = createRandom(74, "workbook negatives");
    const negatives = Array.from({ length: 5 }, () => [8 * random.next() - 4, 8 * random.next() - 4]);
    return [
      {
        label: "E = theta . x (dE/dtheta = x); data [[1, 2], [3, 0]]; negatives [[0, 0], [-1, 1], [2, -2]]",
        args: [(x: number[]) => [...x], [[1, 2], [3, 0]], [[0, 0], [-1, 1], [2, -2]]],
      },
      {
        label: "a neural energy of 2 units (seed 1, 8 parameters); data [[0.5, 0], [1, 1], [-1, 0.5]]; negatives [[2, 2], [-3, 1]]",
        args: [parameterGradientOf(2, 1), [[0.5, 0], [1, 1], [-1, 0.5]], [[2, 2], [-3, 1]]],
      },
      {
        label: "a neural energy of 8 units (seed 2); 8 points of two moons (seed 74); 5 uniform negatives in [-4, 4]^2",
        args: [parameterGradientOf(8, 2), moons, negatives],
      },
    ];
  },
  reference: (...args: ContrastiveArgs) => contrastiveGradientWith(...args),
  shape: { kind: "vector" },
  compare: closeVectors(1e-12),
  mistakes: [
    {
      name: "sign",
      hint: "Data minus negatives: the gradient of the loss; a step against it presses E down at the data and lifts it at the negatives.",
      implementation: (...args: ContrastiveArgs) => contrastiveGradientWith(...args, { flipped: true }),
    },
    {
      name: "negatives missing",
      hint: "Subtract the negatives' mean of dE/dtheta: without it the step lowers E everywhere, and nothing stops it.",
      implementation: (...args: ContrastiveArgs) => contrastiveGradientWith(...args, { dataOnly: true }),
    },
    {
      name: "summed",
      hint: "Take means, not sums: divide the data's sum by the number of data points and the negatives' by the number of negatives.",
      implementation: (...args: ContrastiveArgs) => contrastiveGradientWith(...args, { summed: true }),
    },
    {
      name: "one count for both",
      hint: "Divide the negatives' sum by the number of negatives (negatives.length), not by the number of data points.",
      implementation: (...args: ContrastiveArgs) => contrastiveGradientWith(...args, { oneCount: true }),
    },
  ],
};

/** The exercises of workbook 07, smallest first. */
export const learningExercises: readonly Exercise[] = [freeEnergy, cd1, langevinStep, contrastiveGradient];
