/**
 * The inner loops of the RBM (internal): conditionals of whole minibatches and the CD-k / PCD
 * gradient, in preallocated Float64Arrays, with no allocation per element or per batch.
 *
 * Both layers are mostly binary, so a product v W only visits the rows W_i of the units with
 * v_i != 0 (zeros are skipped), and W h the rows of W^T of the units with h_j != 0: the work
 * follows the active units, each row is read contiguously, and blocks of 4 outputs are summed
 * in local variables (register blocking).
 */
import type { Xoshiro128StarStar } from "../sampling/random";

/**
 * out_rj = sigmoid(bias_j + sum_i x_ri M_ij) for `count` rows x (count x n) and M (n x m),
 * row-major. The non-zero x_ri of a row are listed first; then each block of 4 outputs is summed
 * in 4 local variables over that list (register blocking: no store until the sums are done).
 */
function sigmoidProduct(m: Float64Array, bias: Float64Array, x: Float64Array, count: number, n: number, width: number, out: Float64Array): void {
  const at = scratchIndex(n);
  const coef = scratchCoefficients(n);
  for (let r = 0; r < count; r++) {
    const xo = r * n;
    let active = 0;
    for (let i = 0; i < n; i++) {
      const v = x[xo + i];
      if (v !== 0) {
        at[active] = i * width;
        coef[active++] = v;
      }
    }
    const o = r * width;
    let j = 0;
    for (; j + 4 <= width; j += 4) {
      let s0 = bias[j];
      let s1 = bias[j + 1];
      let s2 = bias[j + 2];
      let s3 = bias[j + 3];
      for (let a = 0; a < active; a++) {
        const wo = at[a] + j;
        const v = coef[a];
        s0 += v * m[wo];
        s1 += v * m[wo + 1];
        s2 += v * m[wo + 2];
        s3 += v * m[wo + 3];
      }
      out[o + j] = 1 / (1 + Math.exp(-s0));
      out[o + j + 1] = 1 / (1 + Math.exp(-s1));
      out[o + j + 2] = 1 / (1 + Math.exp(-s2));
      out[o + j + 3] = 1 / (1 + Math.exp(-s3));
    }
    for (; j < width; j++) {
      let s = bias[j];
      for (let a = 0; a < active; a++) s += coef[a] * m[at[a] + j];
      out[o + j] = 1 / (1 + Math.exp(-s));
    }
  }
}

let indexScratch = new Int32Array(64);
let coefficientScratch = new Float64Array(64);
function scratchIndex(n: number): Int32Array {
  if (indexScratch.length < n) indexScratch = new Int32Array(n);
  return indexScratch;
}
function scratchCoefficients(n: number): Float64Array {
  if (coefficientScratch.length < n) coefficientScratch = new Float64Array(n);
  return coefficientScratch;
}

/** p_rj = sigmoid(c_j + sum_i v_ri W_ij) for `count` rows of v. */
export function hiddenProbabilities(w: Float64Array, c: Float64Array, v: Float64Array, count: number, V: number, H: number, out: Float64Array): void {
  sigmoidProduct(w, c, v, count, V, H, out);
}

/** p_ri = sigmoid(b_i + sum_j W_ij h_rj) for `count` rows of h, with wt = W^T (H x V). */
export function visibleProbabilities(wt: Float64Array, b: Float64Array, h: Float64Array, count: number, V: number, H: number, out: Float64Array): void {
  sigmoidProduct(wt, b, h, count, H, V, out);
}

/** out_k = 1 with probability p_k, else 0 (one 32-bit draw each). */
export function sampleBernoulli(p: Float64Array, length: number, random: Xoshiro128StarStar, out: Float64Array): void {
  for (let k = 0; k < length; k++) out[k] = random.next32() < p[k] ? 1 : 0;
}

/** wt = W^T: H x V from V x H. */
export function transpose(w: Float64Array, V: number, H: number, wt: Float64Array): void {
  for (let i = 0; i < V; i++) {
    const wo = i * H;
    for (let j = 0; j < H; j++) wt[j * V + i] = w[wo + j];
  }
}

/**
 * out_ij = sum_r (a_ri p_rj - b_ri q_rj): the data term minus the chain term of dW, one pass,
 * each block of 4 entries of a row of out summed in local variables over the rows r where a_ri
 * or b_ri is non-zero.
 */
function outerDifference(a: Float64Array, p: Float64Array, b: Float64Array, q: Float64Array, count: number, V: number, H: number, out: Float64Array): void {
  const rows = scratchIndex(count);
  const x = scratchCoefficients(2 * count);
  for (let i = 0; i < V; i++) {
    let active = 0;
    for (let r = 0; r < count; r++) {
      const u = a[r * V + i];
      const v = b[r * V + i];
      if (u === 0 && v === 0) continue;
      rows[active] = r * H;
      x[2 * active] = u;
      x[2 * active + 1] = v;
      active++;
    }
    const o = i * H;
    let j = 0;
    for (; j + 4 <= H; j += 4) {
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      for (let k = 0; k < active; k++) {
        const po = rows[k] + j;
        const u = x[2 * k];
        const v = x[2 * k + 1];
        s0 += u * p[po] - v * q[po];
        s1 += u * p[po + 1] - v * q[po + 1];
        s2 += u * p[po + 2] - v * q[po + 2];
        s3 += u * p[po + 3] - v * q[po + 3];
      }
      out[o + j] = s0;
      out[o + j + 1] = s1;
      out[o + j + 2] = s2;
      out[o + j + 3] = s3;
    }
    for (; j < H; j++) {
      let s = 0;
      for (let k = 0; k < active; k++) s += x[2 * k] * p[rows[k] + j] - x[2 * k + 1] * q[rows[k] + j];
      out[o + j] = s;
    }
  }
}

/**
 * The buffers of CD-k and PCD for minibatches of up to `capacity` rows, and one gradient step.
 * `gradient` fills gW, gb, gc with the minibatch averages of
 *   dW = <v h^T>_data - <v h^T>_chain,   db = <v>_data - <v>_chain,   dc = <h>_data - <h>_chain,
 * with p(h | v) in place of h on both sides (Hinton 2002), and returns the summed squared
 * reconstruction error sum_r |v0_r - p(v | h0_r)|^2 of the batch.
 */
export class CdWorkspace {
  readonly wt: Float64Array;
  readonly ph0: Float64Array;
  readonly h: Float64Array;
  readonly pv: Float64Array;
  readonly vk: Float64Array;
  readonly phk: Float64Array;
  readonly gW: Float64Array;
  readonly gb: Float64Array;
  readonly gc: Float64Array;

  constructor(readonly V: number, readonly H: number, readonly capacity: number) {
    this.wt = new Float64Array(V * H);
    this.ph0 = new Float64Array(capacity * H);
    this.h = new Float64Array(capacity * H);
    this.pv = new Float64Array(capacity * V);
    this.vk = new Float64Array(capacity * V);
    this.phk = new Float64Array(capacity * H);
    this.gW = new Float64Array(V * H);
    this.gb = new Float64Array(V);
    this.gc = new Float64Array(H);
  }

  /**
   * One CD-k (or PCD-k, when `chains` holds the persistent visible states of `count` chains,
   * advanced in place) gradient on the rows v0 (count x V). wt must equal W^T.
   */
  gradient(w: Float64Array, b: Float64Array, c: Float64Array, v0: Float64Array, count: number, k: number, random: Xoshiro128StarStar, chains?: Float64Array): number {
    const { V, H, wt, ph0, h, pv, vk, phk, gW, gb, gc } = this;
    hiddenProbabilities(w, c, v0, count, V, H, ph0);
    sampleBernoulli(ph0, count * H, random, h);
    // The reconstruction p(v | h0).
    visibleProbabilities(wt, b, h, count, V, H, pv);
    let error = 0;
    for (let q = 0; q < count * V; q++) {
      const d = v0[q] - pv[q];
      error += d * d;
    }
    if (chains !== undefined) {
      // PCD: the negative chain continues from its own state, not from the data.
      hiddenProbabilities(w, c, chains, count, V, H, phk);
      sampleBernoulli(phk, count * H, random, h);
      visibleProbabilities(wt, b, h, count, V, H, pv);
    }
    for (let step = 1; step <= k; step++) {
      if (step > 1) visibleProbabilities(wt, b, h, count, V, H, pv);
      sampleBernoulli(pv, count * V, random, vk);
      hiddenProbabilities(w, c, vk, count, V, H, phk);
      if (step < k) sampleBernoulli(phk, count * H, random, h);
    }
    if (chains !== undefined) chains.set(vk.subarray(0, count * V));
    outerDifference(v0, ph0, vk, phk, count, V, H, gW);
    const scale = 1 / count;
    for (let q = 0; q < V * H; q++) gW[q] *= scale;
    gb.fill(0);
    gc.fill(0);
    for (let r = 0; r < count; r++) {
      for (let i = 0; i < V; i++) gb[i] += v0[r * V + i] - vk[r * V + i];
      for (let j = 0; j < H; j++) gc[j] += ph0[r * H + j] - phk[r * H + j];
    }
    for (let i = 0; i < V; i++) gb[i] *= scale;
    for (let j = 0; j < H; j++) gc[j] *= scale;
    return error;
  }
}
