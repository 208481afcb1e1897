/**
 * The references and common mistakes of workbook 06 (the Boltzmann machine), on plain arrays as
 * a learner writes them. Conventions are the library's (src/hopfield): units +-1, a unit is +1
 * with probability 1 / (1 + exp(-2 beta h)) (boltzmannExact's conditional), a Gibbs sweep visits
 * units 0..N-1 and sets unit i to +1 when its uniform is below that probability
 * (boltzmannGibbsSample), and learning adds eta (<s_i s_j>_data - <s_i s_j>_model) to W_ij for
 * i != j and eta (<s_i>_data - <s_i>_model) to b_i, with correlations, not covariances
 * (boltzmannLearn). test/unit/workbook-boltzmann.test.ts checks each against the library.
 */
import { field } from "./hopfield-reference";

type Rows = readonly (readonly number[])[];

/** P(s_i = +1) for a +-1 unit with field h at inverse temperature beta: 1 / (1 + e^{-2 beta h}). */
export function probabilityUp(h: number, beta: number): number {
  return 1 / (1 + Math.exp(-2 * beta * h));
}

/** How a Gibbs sweep goes wrong (or not). */
export interface SweepVariant {
  /** P(+1) from (h, beta). @default probabilityUp */
  readonly probability?: (h: number, beta: number) => number;
  /** +1 when u < p (right) or when u > p (upside down). */
  readonly upsideDown?: boolean;
  /** Fields from the state before the sweep. */
  readonly synchronous?: boolean;
  /** Ignore the uniforms: s_i = +1 when p > 1/2. */
  readonly deterministic?: boolean;
}

/** One systematic-scan Gibbs sweep with the uniforms given: unit i uses uniforms[i]. */
export function gibbsSweepWith(W: Rows, b: readonly number[], s: readonly number[], beta: number, uniforms: readonly number[], variant: SweepVariant = {}): number[] {
  const probability = variant.probability ?? probabilityUp;
  const next = [...s];
  for (let i = 0; i < s.length; i++) {
    const p = probability(field(W, b, variant.synchronous === true ? s : next, i), beta);
    const u = variant.deterministic === true ? 0.5 : uniforms[i];
    next[i] = (variant.upsideDown === true ? u > p : u < p) ? 1 : -1;
  }
  return next;
}

/** The statistics of a data set or a model: means <s_i> and correlations <s_i s_j>. */
export interface Moments {
  readonly meanState: readonly number[];
  readonly correlations: Rows;
}

/** <s_i> and <s_i s_j> over the data (optionally summed, not averaged: a mistake). */
export function dataMoments(data: Rows, average = true): Moments {
  const n = data[0].length;
  const m = average ? data.length : 1;
  const meanState = new Array<number>(n).fill(0);
  const correlations = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (const x of data) {
    for (let i = 0; i < n; i++) {
      meanState[i] += x[i];
      for (let j = 0; j < n; j++) correlations[i][j] += x[i] * x[j];
    }
  }
  for (let i = 0; i < n; i++) {
    meanState[i] /= m;
    for (let j = 0; j < n; j++) correlations[i][j] /= m;
  }
  return { meanState, correlations };
}

/** Covariances <s_i s_j> - <s_i><s_j> in place of the correlations (a mistake). */
export function covariances(moments: Moments): Moments {
  const mu = moments.meanState;
  return { meanState: mu, correlations: moments.correlations.map((row, i) => row.map((c, j) => c - mu[i] * mu[j])) };
}

/** How a learning step goes wrong (or not). */
export interface StepVariant {
  /** model - data instead of data - model. */
  readonly flipped?: boolean;
  /** Use these data moments instead of the averages (summed data, covariances). */
  readonly dataMoments?: Moments;
  /** Use these model moments instead of the given ones (covariances). */
  readonly modelMoments?: Moments;
  /** Leave the diagonal as the rule makes it (it is not zeroed). */
  readonly keepDiagonal?: boolean;
  /** Leave the biases alone. */
  readonly skipBiases?: boolean;
}

/** One learning step: W_ij += eta (data - model) for i != j, b_i += eta (data - model). */
export function learningStepWith(W: Rows, b: readonly number[], data: Rows, model: Moments, eta: number, variant: StepVariant = {}): { weights: number[][]; biases: number[] } {
  const d = variant.dataMoments ?? dataMoments(data);
  const mo = variant.modelMoments ?? model;
  const sign = variant.flipped === true ? -1 : 1;
  const weights = W.map((row, i) =>
    row.map((w, j) => (i === j && variant.keepDiagonal !== true ? 0 : w + sign * eta * (d.correlations[i][j] - mo.correlations[i][j]))),
  );
  const biases = b.map((bi, i) => (variant.skipBiases === true ? bi : bi + sign * eta * (d.meanState[i] - mo.meanState[i])));
  return { weights, biases };
}
