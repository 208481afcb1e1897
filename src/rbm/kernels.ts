/**
 * The inner loops of the RBM (internal): conditionals of whole minibatches and the CD-k / PCD
 * gradient, in preallocated Float64Arrays, with no allocation per element or per batch.
 *
 * Both layers are mostly binary, so a product v W only visits the rows W_i of the units with
 * v_i != 0 (zeros are skipped), and W h the columns of the units with h_j != 0: the work
 * follows the active units, and blocks of 8 outputs are summed in local variables (register
 * blocking). A binary row adds entries of W without multiplying (1 x W_ij = W_ij exactly). The
 * CD gradient keeps each sampled row as the list of its ones, written while it is drawn (no
 * branch), so the next product starts at once. When V and H are multiples of 8 and WebAssembly
 * is there, CdWorkspace runs the sums, the sigmoids and the step in SIMD (simdKernels.ts, two
 * lanes); otherwise these JavaScript loops, which read W down its columns for p(v | h) and so
 * keep no copy of W^T. Every sum is taken in the same order as the plain loop (bias first, then
 * the index ascending), so the numbers do not depend on the path, the blocking or these
 * shortcuts: they are bit for bit those of the dense formulas summed in that order
 * (test/unit/rbm-kernels.test.ts checks this against them, on both paths).
 */
import type { Xoshiro128StarStar } from "../sampling/random";
import { compiledSums, SimdBuffers, sigmoidInPlace } from "./simdKernels";

/**
 * out_rj = sigmoid(bias_j + sum_i x_ri M_ij) for `count` rows x (count x n) and M (n x m),
 * row-major. The non-zero x_ri of each row are listed first (as offsets i m into M, see
 * listRows); then blocks of 8 outputs are summed in 8 local variables over a row's list
 * (register blocking: no store until the sums are done). Rows of zeros and ones (the usual case:
 * data and samples) add the rows of M without multiplying (1 x M_ij = M_ij exactly). Every
 * output is summed in the same order, bias first then i ascending, whatever the block.
 */
function sigmoidProduct(m: Float64Array, bias: Float64Array, x: Float64Array, count: number, n: number, width: number, out: Float64Array): void {
  const lists = scratchIndex(count * n);
  const coef = scratchCoefficients(count * n);
  const lengths = scratchLengths(count);
  if (listRows(x, count, n, width, lists, coef, lengths)) sigmoidOfLists(m, bias, lists, lengths, count, n, width, out);
  else for (let r = 0; r < count; r++) sumWeightedRows(m, bias, lists, coef, r * n, lengths[r], width, out, r * width);
}

/** out_(o+j) = sigmoid(bias_j + sum_a coef_a m_(at_a + j)), base <= a < base + active, for j < width (any row). */
function sumWeightedRows(m: Float64Array, bias: Float64Array, at: Int32Array, coef: Float64Array, base: number, active: number, width: number, out: Float64Array, o: number): void {
  const end = base + active;
  let j = 0;
  for (; j + 4 <= width; j += 4) {
    let s0 = bias[j];
    let s1 = bias[j + 1];
    let s2 = bias[j + 2];
    let s3 = bias[j + 3];
    for (let a = base; a < end; a++) {
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
    for (let a = base; a < end; a++) s += coef[a] * m[at[a] + j];
    out[o + j] = 1 / (1 + Math.exp(-s));
  }
}

let indexScratch = new Int32Array(64);
let coefficientScratch = new Float64Array(64);
/** Where a row's term of dW starts in `mix`, by code (see outerDifference). */
const mixParts = new Int32Array(4);
let lengthScratch = new Int32Array(64);
function scratchLengths(n: number): Int32Array {
  if (lengthScratch.length < n) lengthScratch = new Int32Array(n);
  return lengthScratch;
}
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
  for (let k = 0; k < length; k++) out[k] = +(random.next32() < p[k]); // no branch to mispredict
}

/** wt = W^T: H x V from V x H (written row by row of wt, the reads strided). */
export function transpose(w: Float64Array, V: number, H: number, wt: Float64Array): void {
  for (let j = 0; j < H; j++) {
    const to = j * V;
    for (let i = 0; i < V; i++) wt[to + i] = w[i * H + j];
  }
}

/**
 * Lists the non-zero entries of `count` rows x (count x n): row r's entries x_ri != 0, i
 * ascending, as offsets i * width into the matrix the rows will multiply (at lists[r n + a],
 * a < lengths[r]) with their values in coef (same places). Returns true when every entry is 0
 * or 1. The append has no branch (the slot is written, then kept or not).
 */
function listRows(x: Float64Array, count: number, n: number, width: number, lists: Int32Array, coef: Float64Array, lengths: Int32Array): boolean {
  let binary = true;
  for (let r = 0; r < count; r++) {
    const o = r * n;
    let length = 0;
    for (let i = 0; i < n; i++) {
      const v = x[o + i];
      lists[o + length] = i * width;
      coef[o + length] = v;
      length += +(v !== 0);
      if (v * (v - 1) !== 0) binary = false; // neither 0 nor 1
    }
    lengths[r] = length;
  }
  return binary;
}

/**
 * out_k = 1 with probability p_k, else 0, for the `count` rows of p (count x n), one 32-bit draw
 * each in the order of k (as {@link sampleBernoulli}), and the list of each row's ones as offsets
 * i * width (as {@link listRows}).
 */
function sampleRows(p: Float64Array, count: number, n: number, random: Xoshiro128StarStar, out: Float64Array, width: number, lists: Int32Array, lengths: Int32Array): void {
  for (let r = 0; r < count; r++) {
    const o = r * n;
    let length = 0;
    for (let i = 0; i < n; i++) {
      const bit = +(random.next32() < p[o + i]);
      out[o + i] = bit;
      lists[o + length] = i * width;
      length += bit;
    }
    lengths[r] = length;
  }
}

/**
 * out_rj = sigmoid(bias_j + sum_i x_ri M_ij) for the listed rows (binary: the coefficients are
 * 1). Blocks of 8 columns of M outside, rows inside, so every row reuses a block (8 n numbers)
 * while it is in the first-level cache.
 */
function sigmoidOfLists(m: Float64Array, bias: Float64Array, lists: Int32Array, lengths: Int32Array, count: number, n: number, width: number, out: Float64Array): void {
  let j = 0;
  for (; j + 8 <= width; j += 8) {
    const b0 = bias[j];
    const b1 = bias[j + 1];
    const b2 = bias[j + 2];
    const b3 = bias[j + 3];
    const b4 = bias[j + 4];
    const b5 = bias[j + 5];
    const b6 = bias[j + 6];
    const b7 = bias[j + 7];
    for (let r = 0; r < count; r++) {
      let s0 = b0;
      let s1 = b1;
      let s2 = b2;
      let s3 = b3;
      let s4 = b4;
      let s5 = b5;
      let s6 = b6;
      let s7 = b7;
      const end = r * n + lengths[r];
      for (let a = r * n; a < end; a++) {
        const wo = lists[a] + j;
        s0 += m[wo];
        s1 += m[wo + 1];
        s2 += m[wo + 2];
        s3 += m[wo + 3];
        s4 += m[wo + 4];
        s5 += m[wo + 5];
        s6 += m[wo + 6];
        s7 += m[wo + 7];
      }
      const o = r * width + j;
      out[o] = 1 / (1 + Math.exp(-s0));
      out[o + 1] = 1 / (1 + Math.exp(-s1));
      out[o + 2] = 1 / (1 + Math.exp(-s2));
      out[o + 3] = 1 / (1 + Math.exp(-s3));
      out[o + 4] = 1 / (1 + Math.exp(-s4));
      out[o + 5] = 1 / (1 + Math.exp(-s5));
      out[o + 6] = 1 / (1 + Math.exp(-s6));
      out[o + 7] = 1 / (1 + Math.exp(-s7));
    }
  }
  for (; j < width; j++) {
    for (let r = 0; r < count; r++) {
      let s = bias[j];
      const end = r * n + lengths[r];
      for (let a = r * n; a < end; a++) s += m[lists[a] + j];
      out[r * width + j] = 1 / (1 + Math.exp(-s));
    }
  }
}

/**
 * out_ri = sigmoid(bias_i + sum_j M_ij h_rj) for the listed binary rows h (offsets j), with M
 * width x n row-major (the weights W, V x H, for p(v | h)): blocks of 8 outputs i read 8 rows
 * of M at the listed columns, so no transposed copy of W has to be kept up to date after each
 * update. Each output is summed bias first, then j ascending (as with W^T's rows).
 */
function sigmoidOfListsByColumns(m: Float64Array, bias: Float64Array, lists: Int32Array, lengths: Int32Array, count: number, n: number, width: number, out: Float64Array): void {
  for (let r = 0; r < count; r++) {
    const base = r * n;
    const end = base + lengths[r];
    const o = r * width;
    let i = 0;
    for (; i + 8 <= width; i += 8) {
      const row = i * n;
      let s0 = bias[i];
      let s1 = bias[i + 1];
      let s2 = bias[i + 2];
      let s3 = bias[i + 3];
      let s4 = bias[i + 4];
      let s5 = bias[i + 5];
      let s6 = bias[i + 6];
      let s7 = bias[i + 7];
      for (let a = base; a < end; a++) {
        const wo = row + lists[a];
        s0 += m[wo];
        s1 += m[wo + n];
        s2 += m[wo + 2 * n];
        s3 += m[wo + 3 * n];
        s4 += m[wo + 4 * n];
        s5 += m[wo + 5 * n];
        s6 += m[wo + 6 * n];
        s7 += m[wo + 7 * n];
      }
      out[o + i] = 1 / (1 + Math.exp(-s0));
      out[o + i + 1] = 1 / (1 + Math.exp(-s1));
      out[o + i + 2] = 1 / (1 + Math.exp(-s2));
      out[o + i + 3] = 1 / (1 + Math.exp(-s3));
      out[o + i + 4] = 1 / (1 + Math.exp(-s4));
      out[o + i + 5] = 1 / (1 + Math.exp(-s5));
      out[o + i + 6] = 1 / (1 + Math.exp(-s6));
      out[o + i + 7] = 1 / (1 + Math.exp(-s7));
    }
    for (; i < width; i++) {
      let s = bias[i];
      for (let a = base; a < end; a++) s += m[i * n + lists[a]];
      out[o + i] = 1 / (1 + Math.exp(-s));
    }
  }
}

/**
 * out_ij = scale sum_r (a_ri p_rj - b_ri q_rj): the data term minus the chain term of dW, one
 * pass, each block of 8 entries of a row of out summed in local variables over the rows r where
 * a_ri or b_ri is non-zero, r ascending. When every a_ri and b_ri is 0 or 1 (`binary`: binary
 * data and samples) the term is one of p_r, -q_r or p_r - q_r, read from `mix` = [p | -q | p - q]
 * (3 count x H, filled here) without multiplying: the same numbers, since 1 p - 0 q = p and
 * 0 p - 1 q = -q exactly.
 */
function outerDifference(a: Float64Array, p: Float64Array, b: Float64Array, q: Float64Array, count: number, V: number, H: number, scale: number, binary: boolean, mix: Float64Array, out: Float64Array): void {
  const rows = scratchIndex(count);
  if (!binary) {
    outerDifferenceWeighted(a, p, b, q, count, V, H, scale, rows, scratchCoefficients(2 * count), out);
    return;
  }
  const n = count * H;
  for (let k = 0; k < n; k++) {
    const u = p[k];
    const v = q[k];
    mix[k] = u;
    mix[n + k] = -v;
    mix[2 * n + k] = u - v;
  }
  // Where row r's term starts in mix, by code = a_ri + 2 b_ri: (none), p_r, -q_r, p_r - q_r.
  const parts = mixParts;
  parts[1] = 0;
  parts[2] = n;
  parts[3] = 2 * n;
  for (let i = 0; i < V; i++) {
    let active = 0;
    for (let r = 0; r < count; r++) {
      const code = (a[r * V + i] + 2 * b[r * V + i]) | 0;
      rows[active] = parts[code] + r * H;
      active += +(code !== 0);
    }
    const o = i * H;
    let j = 0;
    for (; j + 8 <= H; j += 8) {
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      let s4 = 0;
      let s5 = 0;
      let s6 = 0;
      let s7 = 0;
      for (let k = 0; k < active; k++) {
        const mo = rows[k] + j;
        s0 += mix[mo];
        s1 += mix[mo + 1];
        s2 += mix[mo + 2];
        s3 += mix[mo + 3];
        s4 += mix[mo + 4];
        s5 += mix[mo + 5];
        s6 += mix[mo + 6];
        s7 += mix[mo + 7];
      }
      out[o + j] = s0 * scale;
      out[o + j + 1] = s1 * scale;
      out[o + j + 2] = s2 * scale;
      out[o + j + 3] = s3 * scale;
      out[o + j + 4] = s4 * scale;
      out[o + j + 5] = s5 * scale;
      out[o + j + 6] = s6 * scale;
      out[o + j + 7] = s7 * scale;
    }
    for (; j < H; j++) {
      let s = 0;
      for (let k = 0; k < active; k++) s += mix[rows[k] + j];
      out[o + j] = s * scale;
    }
  }
}

/** {@link outerDifference} for any a and b (values in [0, 1]): the products are formed. */
function outerDifferenceWeighted(a: Float64Array, p: Float64Array, b: Float64Array, q: Float64Array, count: number, V: number, H: number, scale: number, rows: Int32Array, x: Float64Array, out: Float64Array): void {
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
      out[o + j] = s0 * scale;
      out[o + j + 1] = s1 * scale;
      out[o + j + 2] = s2 * scale;
      out[o + j + 3] = s3 * scale;
    }
    for (; j < H; j++) {
      let s = 0;
      for (let k = 0; k < active; k++) s += x[2 * k] * p[rows[k] + j] - x[2 * k + 1] * q[rows[k] + j];
      out[o + j] = s * scale;
    }
  }
}

/**
 * The buffers of CD-k and PCD for minibatches of up to `capacity` rows, and one gradient step.
 * `gradient` fills gW, gb, gc with the minibatch averages of
 *   dW = <v h^T>_data - <v h^T>_chain,   db = <v>_data - <v>_chain,   dc = <h>_data - <h>_chain,
 * with p(h | v) in place of h on both sides (Hinton 2002), and returns the summed squared
 * reconstruction error sum_r |v0_r - p(v | h0_r)|^2 of the batch. `update` then takes the step
 * W += eta gW, b += eta gb, c += eta gc. On the SIMD path ph0, pv, phk and gW are views of the
 * workspace's WebAssembly memory (a fixed size, so they stay valid); W, b and c stay the caller's.
 */
export class CdWorkspace {
  readonly ph0: Float64Array;
  readonly h: Float64Array;
  readonly pv: Float64Array;
  readonly vk: Float64Array;
  readonly phk: Float64Array;
  readonly gW: Float64Array;
  readonly gb: Float64Array;
  readonly gc: Float64Array;
  /** The ones of v0, h and vk, row by row, as offsets into the matrix each multiplies. */
  private readonly listV0: Int32Array;
  private readonly coefV0: Float64Array;
  private readonly listH: Int32Array;
  private readonly listVk: Int32Array;
  private readonly lengthV0: Int32Array;
  private readonly lengthH: Int32Array;
  private readonly lengthVk: Int32Array;
  /** [ph0 | -phk | ph0 - phk], the terms of dW for binary rows (see outerDifference). */
  private readonly mix: Float64Array;

  /** The WebAssembly buffers, when the SIMD path serves (V and H multiples of 8). */
  private readonly simd: SimdBuffers | undefined;

  constructor(readonly V: number, readonly H: number, readonly capacity: number) {
    const compiled = V % 8 === 0 && H % 8 === 0 ? compiledSums() : null;
    const simd = compiled === null ? undefined : new SimdBuffers(compiled, V, H, capacity);
    this.simd = simd;
    const f64 = (at: number | undefined, length: number) => (simd === undefined || at === undefined ? new Float64Array(length) : simd.view(at, length));
    const i32 = (at: number | undefined, length: number) => (simd === undefined || at === undefined ? new Int32Array(length) : simd.intView(at, length));
    this.ph0 = f64(simd?.ph0, capacity * H);
    this.h = new Float64Array(capacity * H);
    this.pv = f64(simd?.pv, capacity * V);
    this.vk = new Float64Array(capacity * V);
    this.phk = f64(simd?.phk, capacity * H);
    this.gW = f64(simd?.gW, V * H);
    this.gb = new Float64Array(V);
    this.gc = new Float64Array(H);
    this.listV0 = i32(simd?.listV0, capacity * V);
    this.coefV0 = new Float64Array(capacity * V);
    this.listH = i32(simd?.listH, capacity * H);
    this.listVk = i32(simd?.listVk, capacity * V);
    this.lengthV0 = i32(simd?.lengthV0, capacity);
    this.lengthH = i32(simd?.lengthH, capacity);
    this.lengthVk = i32(simd?.lengthVk, capacity);
    this.mix = f64(simd?.mix, 3 * capacity * H);
  }

  /**
   * One CD-k (or PCD-k, when `chains` holds the persistent visible states of `count` chains,
   * advanced in place) gradient on the rows v0 (count x V).
   */
  gradient(w: Float64Array, b: Float64Array, c: Float64Array, v0: Float64Array, count: number, k: number, random: Xoshiro128StarStar, chains?: Float64Array): number {
    if (this.simd !== undefined) return this.gradientSimd(this.simd, w, b, c, v0, count, k, random, chains);
    const { V, H, ph0, h, pv, vk, phk, gW, listV0, coefV0, listH, listVk, lengthV0, lengthH, lengthVk } = this;
    const binary = listRows(v0, count, V, H, listV0, coefV0, lengthV0);
    if (binary) sigmoidOfLists(w, c, listV0, lengthV0, count, V, H, ph0);
    else for (let r = 0; r < count; r++) sumWeightedRows(w, c, listV0, coefV0, r * V, lengthV0[r], H, ph0, r * H);
    sampleRows(ph0, count, H, random, h, 1, listH, lengthH);
    // The reconstruction p(v | h0).
    sigmoidOfListsByColumns(w, b, listH, lengthH, count, H, V, pv);
    let error = 0;
    for (let q = 0; q < count * V; q++) {
      const d = v0[q] - pv[q];
      error += d * d;
    }
    if (chains !== undefined) {
      // PCD: the negative chain continues from its own state, not from the data.
      hiddenProbabilities(w, c, chains, count, V, H, phk);
      sampleRows(phk, count, H, random, h, 1, listH, lengthH);
      sigmoidOfListsByColumns(w, b, listH, lengthH, count, H, V, pv);
    }
    for (let step = 1; step <= k; step++) {
      if (step > 1) sigmoidOfListsByColumns(w, b, listH, lengthH, count, H, V, pv);
      sampleRows(pv, count, V, random, vk, H, listVk, lengthVk);
      sigmoidOfLists(w, c, listVk, lengthVk, count, V, H, phk);
      if (step < k) sampleRows(phk, count, H, random, h, 1, listH, lengthH);
    }
    if (chains !== undefined) chains.set(vk.subarray(0, count * V));
    const scale = 1 / count;
    outerDifference(v0, ph0, vk, phk, count, V, H, scale, binary, this.mix, gW);
    this.biasGradients(v0, count, scale);
    return error;
  }

  /**
   * {@link gradient} with the sums in WebAssembly: the same steps, the same draws, the same
   * numbers. W, W^T, b and c are copied into the module's memory first (so the caller's arrays
   * stay the truth), the sums land in ph0, pv, phk and gW (views of that memory), and the
   * sigmoids, the draws and the lists are made in JavaScript.
   */
  private gradientSimd(s: SimdBuffers, w: Float64Array, b: Float64Array, c: Float64Array, v0: Float64Array, count: number, k: number, random: Xoshiro128StarStar, chains?: Float64Array): number {
    const { V, H, ph0, h, pv, vk, phk, gW, listV0, coefV0, listH, listVk, lengthV0, lengthH, lengthVk, mix } = this;
    s.f64.set(w.subarray(0, V * H), s.w / 8);
    s.f64.set(b.subarray(0, V), s.b / 8);
    s.f64.set(c.subarray(0, H), s.c / 8);
    s.transpose(s.w, s.wt, V, H);
    // Lists of byte offsets: v0 and vk into the rows of W (8 H bytes each), h into W^T's (8 V).
    const binary = listRows(v0, count, V, 8 * H, listV0, coefV0, lengthV0);
    if (binary) {
      s.sums(s.w, s.c, s.listV0, s.lengthV0, count, V, H, s.ph0);
      sigmoidInPlace(s, s.ph0, count * H);
    } else {
      hiddenProbabilities(w, c, v0, count, V, H, ph0);
    }
    sampleRows(ph0, count, H, random, h, 8 * V, listH, lengthH);
    // The reconstruction p(v | h0).
    s.sums(s.wt, s.b, s.listH, s.lengthH, count, H, V, s.pv);
    sigmoidInPlace(s, s.pv, count * V);
    let error = 0;
    for (let q = 0; q < count * V; q++) {
      const d = v0[q] - pv[q];
      error += d * d;
    }
    if (chains !== undefined) {
      // PCD: the negative chain continues from its own state, not from the data.
      hiddenProbabilities(w, c, chains, count, V, H, phk);
      sampleRows(phk, count, H, random, h, 8 * V, listH, lengthH);
      s.sums(s.wt, s.b, s.listH, s.lengthH, count, H, V, s.pv);
      sigmoidInPlace(s, s.pv, count * V);
    }
    for (let step = 1; step <= k; step++) {
      if (step > 1) {
        s.sums(s.wt, s.b, s.listH, s.lengthH, count, H, V, s.pv);
        sigmoidInPlace(s, s.pv, count * V);
      }
      sampleRows(pv, count, V, random, vk, 8 * H, listVk, lengthVk);
      s.sums(s.w, s.c, s.listVk, s.lengthVk, count, V, H, s.phk);
      sigmoidInPlace(s, s.phk, count * H);
      if (step < k) sampleRows(phk, count, H, random, h, 8 * V, listH, lengthH);
    }
    if (chains !== undefined) chains.set(vk.subarray(0, count * V));
    const scale = 1 / count;
    if (binary) {
      // dW row i = the sum of p_r, -q_r or p_r - q_r over the rows r where v0_ri or vk_ri is 1
      // (as outerDifference), summed from 0 in wasm, then times 1 / count.
      const n = count * H;
      for (let q = 0; q < n; q++) {
        const u = ph0[q];
        const v = phk[q];
        mix[q] = u;
        mix[n + q] = -v;
        mix[2 * n + q] = u - v;
      }
      const parts = mixParts;
      parts[1] = 0;
      parts[2] = 8 * n;
      parts[3] = 16 * n;
      const rows = s.intView(s.listRows, V * count);
      const lengths = s.intView(s.lengthRows, V);
      const { gb, gc } = this;
      for (let i = 0; i < V; i++) {
        let active = 0;
        let sum = 0; // gb_i, summed over r as in biasGradients
        const o = i * count;
        for (let r = 0; r < count; r++) {
          const u = v0[r * V + i];
          const v = vk[r * V + i];
          sum += u - v;
          const code = (u + 2 * v) | 0;
          rows[o + active] = parts[code] + 8 * r * H;
          active += +(code !== 0);
        }
        lengths[i] = active;
        gb[i] = sum * scale;
      }
      s.sums(s.mix, s.zero, s.listRows, s.lengthRows, V, count, H, s.gW);
      s.scale(s.gW, s.gW + 8 * V * H, scale);
      // gc_j = sum_r (ph0_rj - phk_rj), r ascending: the rows of the p - q part of mix, listed.
      const all = s.intView(s.listAll, count);
      for (let r = 0; r < count; r++) all[r] = 8 * (2 * n + r * H);
      s.i32[s.lengthAll / 4] = count;
      s.sums(s.mix, s.zero, s.listAll, s.lengthAll, 1, count, H, s.gc);
      s.scale(s.gc, s.gc + 8 * H, scale);
      gc.set(s.view(s.gc, H));
      return error;
    }
    outerDifference(v0, ph0, vk, phk, count, V, H, scale, false, mix, gW);
    this.biasGradients(v0, count, scale);
    return error;
  }

  /** gb = (1 / count) sum_r (v0_r - vk_r), gc = (1 / count) sum_r (ph0_r - phk_r), r ascending. */
  private biasGradients(v0: Float64Array, count: number, scale: number): void {
    const { V, H, ph0, vk, phk, gb, gc } = this;
    gb.fill(0);
    gc.fill(0);
    for (let r = 0; r < count; r++) {
      for (let i = 0; i < V; i++) gb[i] += v0[r * V + i] - vk[r * V + i];
      for (let j = 0; j < H; j++) gc[j] += ph0[r * H + j] - phk[r * H + j];
    }
    for (let i = 0; i < V; i++) gb[i] *= scale;
    for (let j = 0; j < H; j++) gc[j] *= scale;
  }

  /** The step after {@link gradient}: W_ij += eta gW_ij, b_i += eta gb_i, c_j += eta gc_j. */
  update(w: Float64Array, b: Float64Array, c: Float64Array, eta: number): void {
    const { V, H, gW, gb, gc, simd } = this;
    if (simd === undefined) {
      for (let q = 0; q < V * H; q++) w[q] += eta * gW[q];
    } else {
      // The same sums, two at a time in the module's copy of W, then copied back.
      simd.f64.set(w.subarray(0, V * H), simd.w / 8);
      simd.addScaled(simd.w, simd.gW, simd.w + 8 * V * H, eta);
      w.set(simd.view(simd.w, V * H));
    }
    for (let i = 0; i < V; i++) b[i] += eta * gb[i];
    for (let j = 0; j < H; j++) c[j] += eta * gc[j];
  }
}
