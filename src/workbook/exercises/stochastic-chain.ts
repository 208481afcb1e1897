/**
 * Workbook 03's Metropolis chain with its random numbers passed in: the reference chain, the
 * seeded draws of its cases, and the histogram test against the exact Gibbs density.
 *
 * The order of draws (stated in the exercise): step t proposes y = x + stepSize * normals[t] and
 * accepts it when uniforms[t] < min(1, exp(-beta (E(y) - E(x)))); the state after step t (y when
 * accepted, x again when not) is recorded. This is the library's `metropolis` transition
 * (src/sampling/chains.ts); fed the normals and uniforms that sampler draws, the reference gives
 * its samples bit for bit (test/unit/workbook-stochastic.test.ts).
 */
import type { Energy } from "../../types";
import type { Figure } from "../../plot";
import { createRandom, histogram, totalVariation } from "../../sampling";
import { gibbsDensity } from "../../gibbs";
import { gibbsFigure } from "../../plot";
import { isArrayOrTyped } from "../compare";

/** One Metropolis chain with the draws given: the state after each step. */
export function referenceChain(
  energy: Energy,
  start: number,
  beta: number,
  stepSize: number,
  normals: readonly number[],
  uniforms: readonly number[],
): number[] {
  const states: number[] = [];
  let x = start;
  let e = energy.value([x]);
  for (let t = 0; t < normals.length; t++) {
    const y = x + stepSize * normals[t];
    const ey = energy.value([y]);
    if (uniforms[t] < Math.min(1, Math.exp(-beta * (ey - e)))) {
      x = y;
      e = ey;
    }
    states.push(x);
  }
  return states;
}

/** `steps` standard normals and `steps` uniforms in [0, 1) from the stream (seed, 0). */
export function chainDraws(seed: number, steps: number): { normals: number[]; uniforms: number[] } {
  const random = createRandom(seed);
  const normals: number[] = [];
  const uniforms: number[] = [];
  for (let t = 0; t < steps; t++) {
    normals.push(random.normal());
    uniforms.push(random.next());
  }
  return { normals, uniforms };
}

/**
 * How a long chain's histogram is judged: `bins` equal bins over `range` (plus one cell for
 * everything outside), against the exact Gibbs density on `grid` points over the same range;
 * `tolerance` is the largest total variation a right chain may show (its source: the unit test
 * runs the library's own sampler with the case's settings on 20 seeds; see stochastic.ts).
 */
export interface HistogramTest {
  readonly range: readonly [number, number];
  readonly bins: number;
  readonly tolerance: number;
}

/** The total variation between a chain's histogram and the exact Gibbs density at beta. */
export function chainDistance(energy: Energy, beta: number, states: ArrayLike<number>, test: HistogramTest): number {
  const [min, max] = test.range;
  const span = max - min;
  const exact = gibbsDensity(energy, { beta, axes: [{ min: min - span, max: max + span, count: 6001 }] });
  const counts = histogram(states, { bins: test.bins, range: [min, max], beta, energyName: energy.name });
  return totalVariation(counts, exact);
}

/** True for an array of finite numbers of the given length. */
export function isChain(value: unknown, length: number): value is ArrayLike<number> {
  if (!isArrayOrTyped(value) || value.length !== length) return false;
  for (let i = 0; i < value.length; i++) {
    const v = value[i];
    if (typeof v !== "number" || !Number.isFinite(v)) return false;
  }
  return true;
}

/**
 * The picture of a chain: the learner's histogram over the exact Gibbs density, the total
 * variation in the title beside the reference chain's (same draws).
 */
export function chainFigure(
  learner: (...args: any[]) => unknown,
  args: readonly unknown[],
  test: HistogramTest,
): Figure {
  const [energy, start, beta, stepSize, normals, uniforms] = args as [Energy, number, number, number, number[], number[]];
  const [min, max] = test.range;
  const exact = gibbsDensity(energy, { beta, axes: [{ min, max, count: 801 }] });
  const reference = referenceChain(energy, start, beta, stepSize, normals, uniforms);
  const referenceTv = chainDistance(energy, beta, reference, test);
  let mine: unknown;
  try {
    mine = learner(energy, start, beta, stepSize, normals.slice(), uniforms.slice());
  } catch {
    mine = undefined;
  }
  const steps = normals.length;
  if (!isChain(mine, steps)) {
    const counts = histogram(reference, { bins: test.bins, range: [min, max], beta, energyName: energy.name });
    return gibbsFigure([exact], {
      histograms: [counts],
      title: `The reference chain (${steps} steps; yours gave no chain of ${steps} numbers): TV ${referenceTv.toFixed(3)}`,
    });
  }
  const counts = histogram(mine, { bins: test.bins, range: [min, max], beta, energyName: energy.name });
  const tv = chainDistance(energy, beta, mine, test);
  return gibbsFigure([exact], {
    histograms: [counts],
    title: `Your chain (${steps} steps) over the exact density: TV ${tv.toFixed(3)} (reference chain ${referenceTv.toFixed(3)})`,
  });
}
