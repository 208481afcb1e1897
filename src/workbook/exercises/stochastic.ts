/**
 * Workbook 03 (stochastic EBMs, notebooks/03-workbook-stochastic.ipynb): the Gibbs density on a
 * grid with log-sum-exp, the Metropolis acceptance probability, and a whole Metropolis chain
 * whose histogram is compared with the exact density.
 *
 * References: `gibbsDensity` for the density (the library computes it in log space); the rule
 * min(1, exp(-beta (E(y) - E(x)))) of the library's `metropolis` (src/sampling/chains.ts) for the
 * acceptance; the same transition with the draws passed in for the chain (stochastic-chain.ts,
 * checked bit for bit against `metropolis` in test/unit/workbook-stochastic.test.ts).
 *
 * Tolerances: the density and the probability agree with the reference to 1e-9 (absolute up to
 * size 1, relative above; see ../compare.ts): a learner's arithmetic differs from the library's
 * by rounding only, about 1e-13 at beta = 100. The chain: the same states to 1e-9, or, for the
 * long chains, a histogram within the case's total variation of the exact density (see
 * CHAIN_TESTS for where each tolerance comes from).
 */
import type { Energy } from "../../types";
import type { Exercise, ExerciseCase } from "../types";
import { gibbsDensity, axisPoints } from "../../gibbs";
import { doubleWell, twoMemories, tiltedDoubleWell } from "../../landscapes";
import { energyFromFormula } from "../../energy";
import { closeNumbers, closeVectors, isArrayOrTyped } from "../compare";
import { chainDistance, chainDraws, chainFigure, isChain, referenceChain, type HistogramTest } from "./stochastic-chain";

const WORKBOOK = "03-workbook-stochastic";

/** Answers agree to this (absolute up to size 1, relative above): see the file comment. */
const TOLERANCE = 1e-9;

// ---------------------------------------------------------------------------------------------
// Exercise 3.1: the Gibbs density on a grid, with log-sum-exp.

const well = doubleWell();
const memories = twoMemories();
const tilted = tiltedDoubleWell({ tilt: 0.3 });
/** The double well shifted down by 10: at beta = 100 the weights reach exp(1000) (math notebook 03). */
const sunk = energyFromFormula("(x^2 - 1)^2 - 10", { variables: ["x"], name: "double well - 10" });
/** Shifted up by 10: at beta = 100 every weight exp(-beta E) underflows to 0. */
const raised = energyFromFormula("(x^2 - 1)^2 + 10", { variables: ["x"], name: "double well + 10" });

/** The library's density on the grid xs (evenly spaced, as axisPoints makes it). */
function referenceDensity(energy: Energy, beta: number, xs: readonly number[]): number[] {
  const axis = { min: xs[0], max: xs[xs.length - 1], count: xs.length };
  return Array.from(gibbsDensity(energy, { beta, axes: [axis] }).density);
}

/** The density from the weights w_i = exp(-beta E_i) directly, with knobs for the mistakes. */
function naiveDensity(options: { exponent?: (e: number, beta: number) => number; cellWidth?: boolean }) {
  return (energy: Energy, beta: number, xs: number[]): number[] => {
    const exponent = options.exponent ?? ((e: number, b: number) => -b * e);
    const dx = options.cellWidth === false ? 1 : xs[1] - xs[0];
    const weights = xs.map((x) => Math.exp(exponent(energy.value([x]), beta)));
    const z = weights.reduce((s, w) => s + w, 0) * dx;
    return weights.map((w) => w / z);
  };
}

/** The density in log space (log-sum-exp), with a wrong exponent or no cell width. */
function stableDensity(options: { exponent?: (e: number, beta: number) => number; cellWidth?: boolean }) {
  return (energy: Energy, beta: number, xs: number[]): number[] => {
    const exponent = options.exponent ?? ((e: number, b: number) => -b * e);
    const dx = options.cellWidth === false ? 1 : xs[1] - xs[0];
    const v = xs.map((x) => exponent(energy.value([x]), beta));
    const m = Math.max(...v);
    const logZ = m + Math.log(v.reduce((s, vi) => s + Math.exp(vi - m), 0)) + Math.log(dx);
    return v.map((vi) => Math.exp(vi - logZ));
  };
}

/** True when some entry is not a finite number. */
function hasNonFinite(values: ArrayLike<unknown>): boolean {
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (typeof v !== "number" || !Number.isFinite(v)) return true;
  }
  return false;
}

/**
 * Densities entry by entry within TOLERANCE. A right answer is always finite, so an `expected`
 * with a non-finite entry is a mistake's answer (the overflowing exp): the learner's answer
 * matches it when it also has a non-finite entry, wherever the NaN or Infinity landed.
 */
function compareDensities(expected: unknown, got: unknown): boolean {
  if (!isArrayOrTyped(expected) || !isArrayOrTyped(got) || expected.length !== got.length) return false;
  if (hasNonFinite(expected)) return hasNonFinite(got);
  return closeVectors(TOLERANCE)(expected, got);
}

const grid = (min: number, max: number, count: number): number[] => axisPoints({ min, max, count });

const gibbsNormalise: Exercise = {
  id: "gibbs-normalise",
  workbook: WORKBOOK,
  title: "The Gibbs density on a grid, with log-sum-exp",
  functionName: "gibbsOnGrid",
  verified:
    "your density equals the library's gibbsDensity, exp(-beta E_i - log Z) with log Z by log-sum-exp " +
    "and the cell width, on 5 grids, including beta = 100 where exp(-beta E) over- and underflows",
  cases: (): ExerciseCase[] => [
    { label: "double well, beta = 2, 41 points from -2 to 2 (dx = 0.1)", args: [well, 2, grid(-2, 2, 41)] },
    { label: "two memories, beta = 4, 201 points from -5 to 5 (dx = 0.05)", args: [memories, 4, grid(-5, 5, 201)] },
    { label: "tilted double well (tilt 0.3), beta = 0.5, 81 points from -2 to 2", args: [tilted, 0.5, grid(-2, 2, 81)] },
    { label: "double well shifted down by 10, beta = 100 (weights up to exp(1000)), 401 points from -2 to 2", args: [sunk, 100, grid(-2, 2, 401)] },
    { label: "double well shifted up by 10, beta = 100 (weights below exp(-1000)), 401 points from -2 to 2", args: [raised, 100, grid(-2, 2, 401)] },
  ],
  reference: referenceDensity,
  shape: { kind: "any" },
  compare: compareDensities,
  mistakes: [
    {
      name: "exp overflow",
      hint:
        "Use log-sum-exp: exp(-beta E) overflowed or underflowed, and the division gave NaN. Compute " +
        "log Z = m + log(sum_i exp(v_i - m)) + log(dx) with v_i = -beta E_i and m the largest v_i, then p_i = exp(v_i - log Z).",
      implementation: naiveDensity({}),
    },
    {
      name: "forgot the cell width",
      hint: "Your values sum to 1, but a density integrates to 1: Z is the sum times the cell width dx = xs[1] - xs[0].",
      implementation: stableDensity({ cellWidth: false }),
    },
    {
      name: "beta upside down",
      hint: "You divided by beta: the weight is exp(-beta * E); beta = 1 / temperature multiplies the energy.",
      implementation: stableDensity({ exponent: (e, b) => -e / b }),
    },
    {
      name: "missing minus",
      hint: "Your density peaks where the energy is high: the weight is exp(-beta * E), with a minus sign.",
      implementation: stableDensity({ exponent: (e, b) => b * e }),
    },
  ],
};

// ---------------------------------------------------------------------------------------------
// Exercise 3.2: the Metropolis acceptance probability.

/** min(1, exp(-beta (E_proposed - E_now))), the rule of the library's metropolis. */
function acceptance(energyNow: number, energyProposed: number, beta: number): number {
  return Math.min(1, Math.exp(-beta * (energyProposed - energyNow)));
}

const metropolisAccept: Exercise = {
  id: "metropolis-accept",
  workbook: WORKBOOK,
  title: "The Metropolis acceptance probability",
  functionName: "acceptProbability",
  verified: "your probability equals min(1, exp(-beta (E_proposed - E_now))) on 7 cases, uphill, downhill, level and extreme",
  cases: (): ExerciseCase[] => [
    { label: "E_now = 0, E_proposed = 0.5, beta = 2 (uphill)", args: [0, 0.5, 2] },
    { label: "E_now = 1, E_proposed = 0.2, beta = 2 (downhill)", args: [1, 0.2, 2] },
    { label: "E_now = 0.3, E_proposed = 0.3, beta = 5 (level)", args: [0.3, 0.3, 5] },
    { label: "E_now = 0, E_proposed = 1, beta = 0.5 (uphill, hot)", args: [0, 1, 0.5] },
    { label: "E_now = -2, E_proposed = 1, beta = 3 (far uphill)", args: [-2, 1, 3] },
    { label: "E_now = 0, E_proposed = 800, beta = 1 (exp(-800) is 0 in floating point)", args: [0, 800, 1] },
    { label: "E_now = 5, E_proposed = -800, beta = 1 (exp(805) overflows)", args: [5, -800, 1] },
  ],
  reference: acceptance,
  shape: { kind: "number" },
  compare: closeNumbers(TOLERANCE),
  mistakes: [
    {
      name: "ratio upside down",
      hint: "Your ratio is upside down: uphill moves must be the unlikely ones, so use exp(-beta (E_proposed - E_now)).",
      implementation: (now: number, proposed: number, beta: number) => Math.min(1, Math.exp(beta * (proposed - now))),
    },
    {
      name: "missing beta",
      hint: "The temperature is missing: multiply the energy difference by beta, exp(-beta (E_proposed - E_now)).",
      implementation: (now: number, proposed: number) => Math.min(1, Math.exp(-(proposed - now))),
    },
    {
      name: "beta upside down",
      hint: "You divided by beta: multiply, exp(-beta (E_proposed - E_now)); beta = 1 / temperature multiplies the energy.",
      implementation: (now: number, proposed: number, beta: number) => Math.min(1, Math.exp(-(proposed - now) / beta)),
    },
    {
      name: "always rejects uphill",
      hint: "An uphill move is not always rejected: it is accepted with probability exp(-beta (E_proposed - E_now)).",
      implementation: (now: number, proposed: number) => (proposed > now ? 0 : 1),
    },
    {
      name: "no min(1, ...)",
      hint: "A probability is at most 1: take min(1, exp(-beta (E_proposed - E_now))), so downhill moves get 1.",
      implementation: (now: number, proposed: number, beta: number) => Math.exp(-beta * (proposed - now)),
    },
  ],
};

// ---------------------------------------------------------------------------------------------
// Exercise 3.3: a whole Metropolis chain, the random numbers passed in.

/** The number of steps of the long chains. */
const LONG = 20000;

/**
 * The histogram tests of the long chains, by energy. Tolerances: the library's own sampler
 * (metropolis, one chain, the case's beta, stepSize, start and length, no burn-in) on seeds 1 to
 * 20 gives a total variation to the exact density of at most 0.032 (double well, beta 2; mean
 * 0.025) and 0.041 (two memories, beta 4; mean 0.030) with these bins (test/unit/
 * workbook-stochastic.test.ts asserts both stay below the tolerances); the tolerances add about
 * 50% to those maxima. Every named mistake that returns a chain of the right length lies far
 * above: 0.15 (missing beta, double well), 0.42 (missing beta, two memories), over 0.9 for the
 * others, on the cases' own draws.
 */
const CHAIN_TESTS = new Map<Energy, HistogramTest>([
  [well, { range: [-2.5, 2.5], bins: 40, tolerance: 0.05 }],
  [memories, { range: [-3.5, 3.5], bins: 56, tolerance: 0.06 }],
]);

/** Exported for the unit test: the tests of the long chains, by energy. */
export const chainTests: ReadonlyMap<Energy, HistogramTest> = CHAIN_TESTS;

function chainCases(): ExerciseCase[] {
  const short = chainDraws(3, 8);
  const first = chainDraws(11, LONG);
  const second = chainDraws(12, LONG);
  return [
    { label: "double well from x = 1, beta = 2, stepSize 0.5, 8 steps", args: [well, 1, 2, 0.5, short.normals, short.uniforms] },
    { label: `double well from x = 1, beta = 2, stepSize 1, ${LONG} steps (seed 11)`, args: [well, 1, 2, 1, first.normals, first.uniforms] },
    { label: `two memories from x = 1, beta = 4, stepSize 1, ${LONG} steps (seed 12)`, args: [memories, 1, 4, 1, second.normals, second.uniforms] },
  ];
}

/**
 * Two chains agree when they are the same states (to TOLERANCE), or when both are long chains
 * whose histograms lie within the case's total variation of the exact Gibbs density: a chain
 * that reads the draws in another order still samples the right density. A mistake's chain is
 * never that close (see CHAIN_TESTS), so it matches a learner's only state by state.
 */
function compareChains(expected: unknown, got: unknown, args: readonly unknown[] = []): boolean {
  if (!isArrayOrTyped(expected) || !isArrayOrTyped(got) || expected.length !== got.length) return false;
  if (closeVectors(TOLERANCE)(expected, got)) return true;
  const [energy, , beta] = args as [Energy, number, number];
  const test = CHAIN_TESTS.get(energy);
  if (!test || got.length < LONG || !isChain(got, got.length) || !isChain(expected, expected.length)) return false;
  return chainDistance(energy, beta, got, test) <= test.tolerance && chainDistance(energy, beta, expected, test) <= test.tolerance;
}

/** The chain with a wrong acceptance probability `accept(dE, beta)`, or recording accepted moves only. */
function chainWith(accept: (dE: number, beta: number) => number, acceptedOnly = false) {
  return (energy: Energy, start: number, beta: number, stepSize: number, normals: number[], uniforms: number[]): number[] => {
    const states: number[] = [];
    let x = start;
    for (let t = 0; t < normals.length; t++) {
      const y = x + stepSize * normals[t];
      const moved = uniforms[t] < accept(energy.value([y]) - energy.value([x]), beta);
      if (moved) x = y;
      if (moved || !acceptedOnly) states.push(x);
    }
    return states;
  };
}

const metropolisChain: Exercise = {
  id: "metropolis-chain",
  workbook: WORKBOOK,
  title: "A whole Metropolis chain",
  functionName: "metropolisChain",
  verified:
    `your chain equals the reference chain on the same random numbers (8 steps), and on two chains of ${LONG} steps ` +
    "its histogram is within total variation 0.05 and 0.06 of the exact Gibbs density",
  cases: chainCases,
  reference: referenceChain,
  shape: { kind: "any" },
  compare: compareChains,
  mistakes: [
    {
      name: "ratio upside down",
      hint: "Your chain climbs: accept with probability min(1, exp(-beta (E(y) - E(x)))), uphill moves the unlikely ones.",
      implementation: chainWith((dE, beta) => Math.min(1, Math.exp(beta * dE))),
    },
    {
      name: "missing beta",
      hint: "Your chain samples beta = 1: multiply the energy difference by beta in the acceptance probability.",
      implementation: chainWith((dE) => Math.min(1, Math.exp(-dE))),
    },
    {
      name: "always rejects uphill",
      hint: "Your chain never goes uphill, so it sits in one valley: accept an uphill move when uniforms[t] < exp(-beta (E(y) - E(x))).",
      implementation: chainWith((dE) => (dE > 0 ? 0 : 1)),
    },
    {
      name: "records accepted moves only",
      hint: "Record the state after every step: when the move is rejected the chain stays at x, and x is recorded again.",
      implementation: chainWith((dE, beta) => Math.min(1, Math.exp(-beta * dE)), true),
    },
  ],
  figure: (learner) => {
    const args = chainCases()[1].args;
    return chainFigure(learner, args, CHAIN_TESTS.get(well)!);
  },
};

/** The exercises of notebooks/03-workbook-stochastic.ipynb, smallest first. */
export const stochasticExercises: readonly Exercise[] = [gibbsNormalise, metropolisAccept, metropolisChain];
