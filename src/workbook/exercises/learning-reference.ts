/**
 * The references and common mistakes of workbook 07 (learning), on plain arrays as a learner
 * writes them. Conventions are the library's: an RBM has {0, 1} units, W is V rows of H numbers
 * (W[i][j] couples visible i and hidden j), b the visible and c the hidden biases (src/rbm);
 * CD-1 draws h0 from p(h | v0), v1 from p(v | h0), a unit being 1 when its uniform is below its
 * probability, and keeps p(h | v) in the statistics (rbmCdGradient); a Langevin step is
 * x - eta grad E(x) + sqrt(2 eta / beta) z (langevin); the contrastive gradient of the loss
 * -log p is <dE/dtheta>_data - <dE/dtheta>_negatives (contrastiveTrain).
 * test/unit/workbook-learning.test.ts checks each against the library.
 */

type Rows = readonly (readonly number[])[];

/** log(1 + e^x) without overflow. */
export function softplus(x: number): number {
  return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
}

/** 1 / (1 + e^-x). */
export function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

/** How a free energy goes wrong (or not). */
export interface FreeEnergyVariant {
  /** log(1 + exp(x)) written as is: Infinity for large x. */
  readonly naive?: boolean;
  /** +b.v + sum softplus: the sign of F flipped. */
  readonly flipped?: boolean;
  /** The visible term -b.v left out. */
  readonly noVisibleBias?: boolean;
  /** c_j left out of the softplus. */
  readonly noHiddenBias?: boolean;
}

/** F(v) = -b.v - sum_j softplus(c_j + sum_i v_i W_ij). */
export function freeEnergyWith(W: Rows, b: readonly number[], c: readonly number[], v: readonly number[], variant: FreeEnergyVariant = {}): number {
  const plus = variant.naive === true ? (x: number) => Math.log(1 + Math.exp(x)) : softplus;
  let f = 0;
  if (variant.noVisibleBias !== true) for (let i = 0; i < v.length; i++) f -= b[i] * v[i];
  for (let j = 0; j < c.length; j++) {
    let x = variant.noHiddenBias === true ? 0 : c[j];
    for (let i = 0; i < v.length; i++) x += v[i] * W[i][j];
    f -= plus(x);
  }
  return variant.flipped === true ? -f : f;
}

/** The uniforms of one CD-1 step: hidden[m][j] draws h0, visible[m][i] draws v1. */
export interface CdUniforms {
  readonly hidden: Rows;
  readonly visible: Rows;
}

/** A CD-1 gradient as the learner returns it. */
export interface CdAnswer {
  weights: number[][];
  visibleBiases: number[];
  hiddenBiases: number[];
}

/** How a CD-1 step goes wrong (or not). */
export interface CdVariant {
  /** The sampled h0 (0 or 1) in the data statistics instead of p(h | v0). */
  readonly sampledStatistics?: boolean;
  /** Sums over the minibatch, not averages. */
  readonly summed?: boolean;
  /** Reconstruction minus data. */
  readonly flipped?: boolean;
  /** No Gibbs step: the negative phase is the data itself (v1 = v0). */
  readonly noGibbsStep?: boolean;
  /** v1 = p(v | h0), the probabilities, not a draw. */
  readonly meanReconstruction?: boolean;
  /** h0 = 1 when the uniform is above p (the comparison upside down). */
  readonly upsideDown?: boolean;
}

/** p(h_j = 1 | v) for every j. */
export function hiddenGiven(W: Rows, c: readonly number[], v: readonly number[]): number[] {
  return c.map((cj, j) => {
    let x = cj;
    for (let i = 0; i < v.length; i++) x += v[i] * W[i][j];
    return sigmoid(x);
  });
}

/** p(v_i = 1 | h) for every i. */
export function visibleGiven(W: Rows, b: readonly number[], h: readonly number[]): number[] {
  return b.map((bi, i) => {
    let x = bi;
    for (let j = 0; j < h.length; j++) x += W[i][j] * h[j];
    return sigmoid(x);
  });
}

/**
 * One CD-1 gradient on a minibatch, the uniforms given: for each data vector v0,
 * h0_j = [u_hidden < p(h_j|v0)], v1_i = [u_visible < p(v_i|h0)], then the averages of
 * v0_i p(h_j|v0) - v1_i p(h_j|v1), v0_i - v1_i and p(h_j|v0) - p(h_j|v1).
 */
export function cd1With(W: Rows, b: readonly number[], c: readonly number[], batch: Rows, uniforms: CdUniforms, variant: CdVariant = {}): CdAnswer {
  const V = b.length;
  const H = c.length;
  const M = batch.length;
  const weights = Array.from({ length: V }, () => new Array<number>(H).fill(0));
  const visibleBiases = new Array<number>(V).fill(0);
  const hiddenBiases = new Array<number>(H).fill(0);
  const scale = (variant.summed === true ? 1 : 1 / M) * (variant.flipped === true ? -1 : 1);
  batch.forEach((v0, m) => {
    const ph0 = hiddenGiven(W, c, v0);
    const h0 = ph0.map((p, j) => ((variant.upsideDown === true ? uniforms.hidden[m][j] > p : uniforms.hidden[m][j] < p) ? 1 : 0));
    const pv1 = visibleGiven(W, b, h0);
    const v1 = variant.noGibbsStep === true ? [...v0] : variant.meanReconstruction === true ? pv1 : pv1.map((p, i) => (uniforms.visible[m][i] < p ? 1 : 0));
    const ph1 = hiddenGiven(W, c, v1);
    const positive = variant.sampledStatistics === true ? h0 : ph0;
    for (let i = 0; i < V; i++) {
      visibleBiases[i] += scale * (v0[i] - v1[i]);
      for (let j = 0; j < H; j++) weights[i][j] += scale * (v0[i] * positive[j] - v1[i] * ph1[j]);
    }
    for (let j = 0; j < H; j++) hiddenBiases[j] += scale * (positive[j] - ph1[j]);
  });
  return { weights, visibleBiases, hiddenBiases };
}

/** How a Langevin step goes wrong (or not). */
export interface LangevinVariant {
  /** The noise's size from eta and beta. @default sqrt(2 eta / beta) */
  readonly noise?: (eta: number, beta: number) => number;
  /** x + eta grad E: uphill. */
  readonly uphill?: boolean;
}

/** x' = x - eta grad E(x) + sqrt(2 eta / beta) z. */
export function langevinStepWith(x: readonly number[], gradE: (x: number[]) => ArrayLike<number>, eta: number, beta: number, z: readonly number[], variant: LangevinVariant = {}): number[] {
  const g = gradE([...x]);
  const size = variant.noise ? variant.noise(eta, beta) : Math.sqrt((2 * eta) / beta);
  const sign = variant.uphill === true ? 1 : -1;
  return x.map((xi, d) => xi + sign * eta * g[d] + size * z[d]);
}

/** How a contrastive gradient goes wrong (or not). */
export interface ContrastiveVariant {
  /** negatives - data. */
  readonly flipped?: boolean;
  /** Sums, not means. */
  readonly summed?: boolean;
  /** The data term alone (no negatives). */
  readonly dataOnly?: boolean;
  /** Both sums divided by the number of data points. */
  readonly oneCount?: boolean;
}

/** <dE/dtheta>_data - <dE/dtheta>_negatives. */
export function contrastiveGradientWith(dEdTheta: (x: number[]) => ArrayLike<number>, data: Rows, negatives: Rows, variant: ContrastiveVariant = {}): number[] {
  const mean = (points: Rows, count: number): number[] => {
    let total: number[] = [];
    for (const x of points) {
      const g = dEdTheta([...x]);
      if (total.length === 0) total = new Array<number>(g.length).fill(0);
      for (let p = 0; p < g.length; p++) total[p] += g[p];
    }
    return total.map((t) => (variant.summed === true ? t : t / count));
  };
  const positive = mean(data, data.length);
  const negative = mean(negatives, variant.oneCount === true ? data.length : negatives.length);
  const sign = variant.flipped === true ? -1 : 1;
  return positive.map((p, k) => sign * (p - (variant.dataOnly === true ? 0 : negative[k])));
}
