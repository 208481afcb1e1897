/**
 * Workbook 01 (energy): the coupled wells of the math track, E(x, y; c) = (x^2 - 1)^2 +
 * (y^2 - 1)^2 - c x y, written by the learner as a function, its gradient by hand, the same energy
 * as a formula, and the ratio of the Gibbs density at two states.
 *
 * Tolerances: the learner's arithmetic may order the same floating-point operations differently
 * from the reference; on these cases (|x|, |y| <= 2, |c| <= 3, energies below 30) that moves a
 * result by a few ulps, about 1e-14 relative, so 1e-9 (relative above size 1) leaves a wide
 * margin while every mistake below misses by 0.05 or more.
 */
import type { Exercise, ExerciseCase } from "../types";
import { createRandom } from "../../sampling";
import { energyFromFormula } from "../../energy";
import { closeNumbers, closeVectors } from "../compare";
import type { Energy } from "../../types";

const WORKBOOK = "01-workbook-energy";
/** See the file's comment. */
const TOL = 1e-9;

/** A number rounded to two decimals, so a case reads well in a verdict. */
const twoDecimals = (x: number): number => Math.round(x * 100) / 100;

/** Hand-picked points and couplings first (clear cases), then seeded ones in [-2, 2]^2. */
function pointCases(): ExerciseCase[] {
  const chosen: [number[], number][] = [
    [[1, 0.5], 0.5],
    [[0, 0], 0.5],
    [[-1, 1], 0.5],
    [[0.5, -1.2], 3],
  ];
  const random = createRandom("workbook 01 points", 0);
  for (let k = 0; k < 4; k++) {
    const point = [twoDecimals(4 * random.next() - 2), twoDecimals(4 * random.next() - 2)];
    chosen.push([point, k % 2 === 0 ? 0.5 : 3]);
  }
  return chosen.map(([point, c]) => ({ label: `point = [${point.join(", ")}], c = ${c}`, args: [point, c] }));
}

/** The reference energy of the coupled wells. */
function coupledValue(point: readonly number[], c: number): number {
  const [x, y] = point;
  return (x ** 2 - 1) ** 2 + (y ** 2 - 1) ** 2 - c * x * y;
}

/** Its gradient, [dE/dx, dE/dy]. */
function coupledGradient(point: readonly number[], c: number): number[] {
  const [x, y] = point;
  return [4 * x * (x ** 2 - 1) - c * y, 4 * y * (y ** 2 - 1) - c * x];
}

/** The formula of the coupled wells in mathjs syntax. */
const COUPLED_FORMULA = "(x^2 - 1)^2 + (y^2 - 1)^2 - c * x * y";

/** Formula energies compiled so far, by formula (each case would compile it again otherwise). */
const compiled = new Map<string, Energy>();

/** The energy of a formula string at a case's point, with the library's energyFromFormula. */
function formulaValue(returned: unknown, args: readonly unknown[]): unknown {
  if (typeof returned !== "string") return returned; // the shape check says what came back
  const [point, c] = args as [number[], number];
  let energy = compiled.get(returned);
  if (!energy) {
    try {
      energy = energyFromFormula(returned, { variables: ["x", "y"], parameters: { c: 1 } });
    } catch (error) {
      const power = returned.includes("**") ? " In a formula the power is ^ (x^2), not **." : "";
      throw new Error(`${(error as Error).message}.${power}`);
    }
    if (compiled.size > 50) compiled.clear();
    compiled.set(returned, energy);
  }
  return energy.withParameters({ c }).value(point);
}

/** The ratio of the Gibbs density at two states, from their energies. */
function visitRatio(energyA: number, energyB: number, beta: number): number {
  return Math.exp(-beta * (energyA - energyB));
}

/** The exercises of notebooks/01-workbook-energy.ipynb, smallest first. */
export const energyExercises: readonly Exercise[] = [
  {
    id: "energy-value",
    workbook: WORKBOOK,
    title: "The coupled wells as a function",
    functionName: "coupledWells",
    verified: "your energy equals (x^2 - 1)^2 + (y^2 - 1)^2 - c x y on 8 points and couplings",
    cases: pointCases,
    reference: coupledValue,
    shape: { kind: "number" },
    compare: closeNumbers(TOL),
    mistakes: [
      {
        name: "xor for power",
        hint: "In TypeScript ^ is bitwise XOR, not a power: write x ** 2 (or x * x), and (x ** 2 - 1) ** 2 for the square.",
        implementation: (point: number[], c: number) => {
          const [x, y] = point;
          return (x ^ 2 - 1) ^ 2 + (y ^ 2 - 1) ^ 2 - c * x * y; // as a learner would write it
        },
      },
      {
        name: "coupling sign",
        hint: "The coupling term has the wrong sign: the energy subtracts c * x * y, so for c > 0 aligned states (x y > 0) are lower.",
        implementation: (point: number[], c: number) => coupledValue(point, -c),
      },
      {
        name: "missing square",
        hint: "Each well is squared: (x ** 2 - 1) ** 2, not x ** 2 - 1.",
        implementation: (point: number[], c: number) => {
          const [x, y] = point;
          return x ** 2 - 1 + (y ** 2 - 1) - c * x * y;
        },
      },
      {
        name: "coupling forgotten",
        hint: "The coupling term - c * x * y is missing.",
        implementation: (point: number[]) => coupledValue(point, 0),
      },
    ],
  },
  {
    id: "energy-gradient",
    workbook: WORKBOOK,
    title: "Its gradient by hand",
    functionName: "coupledGradient",
    verified: "your gradient equals [4x(x^2 - 1) - c y, 4y(y^2 - 1) - c x] on 8 points and couplings",
    cases: pointCases,
    reference: coupledGradient,
    shape: { kind: "vector", length: () => 2 },
    compare: closeVectors(TOL),
    mistakes: [
      {
        name: "gradient sign",
        hint: "Your gradient has the wrong sign: it points downhill. The gradient points uphill, dE/dx = 4x(x^2 - 1) - c y, with no minus in front.",
        implementation: (point: number[], c: number) => coupledGradient(point, c).map((g) => -g),
      },
      {
        name: "missing factor 2",
        hint: "The chain rule gives two factors 2: the derivative of (x^2 - 1)^2 is 2 (x^2 - 1) * 2x = 4x(x^2 - 1).",
        implementation: (point: number[], c: number) => {
          const [x, y] = point;
          return [2 * x * (x ** 2 - 1) - c * y, 2 * y * (y ** 2 - 1) - c * x];
        },
      },
      {
        name: "swapped components",
        hint: "Your components are swapped: the first entry is dE/dx, the second dE/dy.",
        implementation: (point: number[], c: number) => coupledGradient(point, c).reverse(),
      },
      {
        name: "coupling term",
        hint: "The derivative of - c x y with respect to x is - c y (the other coordinate), and with respect to y it is - c x.",
        implementation: (point: number[], c: number) => {
          const [x, y] = point;
          return [4 * x * (x ** 2 - 1) - c * x, 4 * y * (y ** 2 - 1) - c * y];
        },
      },
    ],
  },
  {
    id: "energy-formula",
    workbook: WORKBOOK,
    title: "The same energy as a formula",
    functionName: "coupledFormula",
    verified: "your formula, read by energyFromFormula, gives the coupled wells' energy on 8 points and couplings",
    cases: pointCases,
    reference: () => COUPLED_FORMULA,
    answer: formulaValue,
    shape: { kind: "number" },
    compare: closeNumbers(TOL),
    mistakes: [
      {
        name: "coupling sign",
        hint: "The coupling term has the wrong sign: the formula ends in - c * x * y.",
        implementation: () => "(x^2 - 1)^2 + (y^2 - 1)^2 + c * x * y",
      },
      {
        name: "coupling forgotten",
        hint: "The coupling term - c * x * y is missing.",
        implementation: () => "(x^2 - 1)^2 + (y^2 - 1)^2",
      },
      {
        name: "missing square",
        hint: "Each well is squared: (x^2 - 1)^2, not x^2 - 1.",
        implementation: () => "(x^2 - 1) + (y^2 - 1) - c * x * y",
      },
    ],
  },
  {
    id: "visit-ratio",
    workbook: WORKBOOK,
    title: "How much more often? The Gibbs ratio",
    functionName: "visitRatio",
    verified: "your ratio equals exp(-beta (E(a) - E(b))) on 6 pairs of energies and betas",
    cases: () =>
      (
        [
          [1, 0, 1],
          [0, 1, 2],
          [0.5, 0.5, 3],
          [2, -0.5, 0.5],
          [-1.25, 0.75, 4],
          [3, 1, 0.25],
        ] as const
      ).map(([a, b, beta]) => ({ label: `E(a) = ${a}, E(b) = ${b}, beta = ${beta}`, args: [a, b, beta] })),
    reference: visitRatio,
    shape: { kind: "number" },
    compare: closeNumbers(TOL),
    mistakes: [
      {
        name: "upside down",
        hint: "Your ratio is upside down: the lower energy is visited more often, so p(a) / p(b) = exp(-beta * (E(a) - E(b))).",
        implementation: (a: number, b: number, beta: number) => visitRatio(b, a, beta),
      },
      {
        name: "divided by beta",
        hint: "beta multiplies the energy difference: exp(-beta * (E(a) - E(b))). Dividing by beta treats it as a temperature.",
        implementation: (a: number, b: number, beta: number) => Math.exp(-(a - b) / beta),
      },
      {
        name: "no exponential",
        hint: "That is the logarithm of the ratio: take Math.exp of it.",
        implementation: (a: number, b: number, beta: number) => -beta * (a - b),
      },
    ],
  },
];
