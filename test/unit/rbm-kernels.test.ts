// The RBM's fast inner loops (src/rbm/kernels.ts) against the plain formulas, bit for bit. The
// kernel lists the ones of binary rows, adds rows of W without multiplying, reads W down its
// columns for p(v | h), sums blocks of 8 outputs in registers and forms dW from [p | -q | p - q];
// when V and H are multiples of 8 the sums run in WebAssembly SIMD (two lanes). None of that may
// change a number. The reference below is the dense textbook loop, every sum
// taken in index order (bias first), drawing the same 32-bit uniforms in the same order.
import { test } from "node:test";
import assert from "node:assert/strict";
import { digits } from "../../src/learning";
import { streamRandom, type Xoshiro128StarStar } from "../../src/sampling/random";
import { rbm } from "../../src/rbm";
import { CdWorkspace, hiddenProbabilities, sampleBernoulli, transpose, visibleProbabilities } from "../../src/rbm/kernels";

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

/** CD-k (or PCD-k with `chains`) by the dense formulas: dW, db, dc and the reconstruction error. */
function reference(w: Float64Array, b: Float64Array, c: Float64Array, v0: Float64Array, count: number, V: number, H: number, k: number, random: Xoshiro128StarStar, chains?: Float64Array) {
  const hidden = (v: Float64Array) => {
    const p = new Float64Array(count * H);
    for (let r = 0; r < count; r++) {
      for (let j = 0; j < H; j++) {
        let s = c[j];
        for (let i = 0; i < V; i++) s += v[r * V + i] * w[i * H + j];
        p[r * H + j] = sigmoid(s);
      }
    }
    return p;
  };
  const visible = (h: Float64Array) => {
    const p = new Float64Array(count * V);
    for (let r = 0; r < count; r++) {
      for (let i = 0; i < V; i++) {
        let s = b[i];
        for (let j = 0; j < H; j++) s += h[r * H + j] * w[i * H + j];
        p[r * V + i] = sigmoid(s);
      }
    }
    return p;
  };
  const sample = (p: Float64Array) => p.map((x) => (random.next32() < x ? 1 : 0));
  const ph0 = hidden(v0);
  let h = sample(ph0);
  let pv = visible(h);
  let error = 0;
  for (let q = 0; q < count * V; q++) error += (v0[q] - pv[q]) ** 2;
  if (chains !== undefined) {
    h = sample(hidden(chains.subarray(0, count * V)));
    pv = visible(h);
  }
  let vk = new Float64Array(0);
  let phk = new Float64Array(0);
  for (let step = 1; step <= k; step++) {
    if (step > 1) pv = visible(h);
    vk = sample(pv);
    phk = hidden(vk);
    if (step < k) h = sample(phk);
  }
  const scale = 1 / count;
  const gW = new Float64Array(V * H);
  for (let i = 0; i < V; i++) {
    for (let j = 0; j < H; j++) {
      let s = 0;
      for (let r = 0; r < count; r++) s += v0[r * V + i] * ph0[r * H + j] - vk[r * V + i] * phk[r * H + j];
      gW[i * H + j] = s * scale;
    }
  }
  const gb = new Float64Array(V);
  const gc = new Float64Array(H);
  for (let r = 0; r < count; r++) {
    for (let i = 0; i < V; i++) gb[i] += v0[r * V + i] - vk[r * V + i];
    for (let j = 0; j < H; j++) gc[j] += ph0[r * H + j] - phk[r * H + j];
  }
  return { gW: gW, gb: gb.map((x) => x * scale), gc: gc.map((x) => x * scale), error, vk };
}

/** Equal as numbers, entry by entry (+0 and -0 count as equal). */
function same(actual: ArrayLike<number>, expected: ArrayLike<number>, label: string): void {
  assert.equal(actual.length, expected.length, `${label}: length`);
  for (let q = 0; q < expected.length; q++) {
    if (actual[q] !== expected[q]) assert.fail(`${label}[${q}]: ${actual[q]} !== ${expected[q]}`);
  }
}

const images = digits({ binarize: true }).images;
const gray = digits().images.map((row) => row.map((x) => x / 16));

const cases: { name: string; rows: number[][]; V: number; H: number; count: number; capacity: number; k: number; persistent?: boolean }[] = [
  { name: "digits, 64 x 64, CD-1", rows: images.slice(0, 20), V: 64, H: 64, count: 20, capacity: 20, k: 1 },
  { name: "digits, 64 x 13, CD-3, a short batch", rows: images.slice(40, 47), V: 64, H: 13, count: 7, capacity: 20, k: 3 },
  { name: "37 visible x 21 hidden (not multiples of 8), PCD-2", rows: images.slice(0, 9).map((r) => r.slice(0, 37)), V: 37, H: 21, count: 9, capacity: 9, k: 2, persistent: true },
  { name: "grey levels (the weighted path), 64 x 30, CD-1", rows: gray.slice(0, 11), V: 64, H: 30, count: 11, capacity: 16, k: 1 },
  { name: "grey chains, binary data, PCD-1", rows: images.slice(3, 8), V: 64, H: 9, count: 5, capacity: 5, k: 1, persistent: true },
  // V and H multiples of 8: the WebAssembly SIMD sums (where WebAssembly is there, as in Node).
  { name: "SIMD path, 64 x 64, CD-3, a short batch", rows: images.slice(60, 73), V: 64, H: 64, count: 13, capacity: 20, k: 3 },
  { name: "SIMD path, grey levels (weighted rows), 64 x 32, CD-2", rows: gray.slice(20, 31), V: 64, H: 32, count: 11, capacity: 16, k: 2 },
  { name: "SIMD path, grey chains, 64 x 16, PCD-2", rows: images.slice(80, 88), V: 64, H: 16, count: 8, capacity: 8, k: 2, persistent: true },
  { name: "SIMD path, 16 visible x 8 hidden, PCD-1", rows: images.slice(0, 6).map((r) => r.slice(24, 40)), V: 16, H: 8, count: 6, capacity: 6, k: 1, persistent: true },
];

for (const { name, rows, V, H, count, capacity, k, persistent } of cases) {
  test(`CdWorkspace.gradient equals the dense formulas bit for bit: ${name}`, () => {
    const m = rbm(V, H, { seed: 7, scale: 0.5 });
    const w = Float64Array.from(m.weights);
    const b = Float64Array.from({ length: V }, (_, i) => 0.2 * Math.sin(i));
    const c = Float64Array.from({ length: H }, (_, j) => -0.1 * Math.cos(j));
    const v0 = Float64Array.from(rows.flat());
    const chainRows = name.includes("grey chains") ? gray.slice(100, 100 + count) : images.slice(200, 200 + count);
    const chains = persistent ? Float64Array.from(chainRows.flatMap((r) => r.slice(0, V))) : undefined;
    const work = new CdWorkspace(V, H, capacity);
    const fast = streamRandom(3, "kernels");
    const slow = streamRandom(3, "kernels");
    const expectedChains = chains === undefined ? undefined : Float64Array.from(chains);
    // Two steps in a row, with the update between: the workspace's state must not leak.
    for (let step = 0; step < 2; step++) {
      const expected = reference(w, b, c, v0, count, V, H, k, slow, expectedChains);
      const error = work.gradient(w, b, c, v0, count, k, fast, chains);
      assert.equal(error, expected.error, "reconstruction error");
      same(work.gW, expected.gW, "gW");
      same(work.gb, expected.gb, "gb");
      same(work.gc, expected.gc, "gc");
      same(work.vk.subarray(0, count * V), expected.vk, "vk");
      if (chains !== undefined) {
        expectedChains!.set(expected.vk);
        same(chains, expectedChains!, "chains");
      }
      work.update(w, b, c, 0.1);
    }
    assert.equal(fast.next32(), slow.next32(), "both drew the same number of uniforms");
  });
}

test("the SIMD path's sigmoids fall back to Math.exp for exp's special cases (s = 0, |s| >= 700)", () => {
  const V = 16;
  const H = 8;
  for (const [label, scale, zeroRow] of [["s = 0 exactly (c = 0, a row of zeros)", 0.3, true], ["|s| >= 700 (huge weights)", 400, false]] as const) {
    const w = Float64Array.from(rbm(V, H, { seed: 4, scale }).weights);
    const b = new Float64Array(V);
    const c = new Float64Array(H);
    const rows = images.slice(10, 14).map((r) => r.slice(24, 40));
    if (zeroRow) rows[1] = new Array(V).fill(0);
    const v0 = Float64Array.from(rows.flat());
    const work = new CdWorkspace(V, H, 4);
    const expected = reference(w, b, c, v0, 4, V, H, 1, streamRandom(8, "special"));
    assert.equal(work.gradient(w, b, c, v0, 4, 1, streamRandom(8, "special")), expected.error, `${label}: error`);
    same(work.gW, expected.gW, `${label}: gW`);
    same(work.gc, expected.gc, `${label}: gc`);
    same(work.ph0.subarray(0, 4 * H), Float64Array.from({ length: 4 * H }, (_, q) => {
      const r = Math.floor(q / H);
      let sum = c[q % H];
      for (let i = 0; i < V; i++) sum += v0[r * V + i] * w[i * H + (q % H)];
      return sigmoid(sum);
    }), `${label}: p(h | v0)`);
  }
});

test("CdWorkspace.update takes the step W += eta gW, b += eta gb, c += eta gc (scalar and SIMD paths)", () => {
  for (const [V, H] of [[5, 3], [16, 8]]) {
    const work = new CdWorkspace(V, H, 2);
    const v0 = Float64Array.from({ length: 2 * V }, (_, q) => (q * 7) % 3 === 0 ? 1 : 0);
    const w = Float64Array.from(rbm(V, H, { seed: 2, scale: 0.3 }).weights);
    const b = new Float64Array(V);
    const c = new Float64Array(H);
    work.gradient(w, b, c, v0, 2, 1, streamRandom(1, "update"));
    const expected = w.map((x, q) => x + 0.5 * work.gW[q]);
    work.update(w, b, c, 0.5);
    same(w, expected, `W (${V} x ${H})`);
    same(b, work.gb.map((x) => 0.5 * x), "b");
    same(c, work.gc.map((x) => 0.5 * x), "c");
  }
});

test("the minibatch conditionals equal the dense formulas, binary and grey rows", () => {
  const V = 64;
  const H = 19;
  const m = rbm(V, H, { seed: 5, scale: 0.4 });
  const c = Float64Array.from({ length: H }, (_, j) => 0.05 * j);
  const b = Float64Array.from({ length: V }, (_, i) => -0.01 * i);
  const rows = [...images.slice(0, 3), ...gray.slice(3, 6)];
  const v = Float64Array.from(rows.flat());
  const ph = new Float64Array(rows.length * H);
  hiddenProbabilities(m.weights, c, v, rows.length, V, H, ph);
  const expected = new Float64Array(rows.length * H);
  rows.forEach((row, r) => {
    for (let j = 0; j < H; j++) {
      let s = c[j];
      for (let i = 0; i < V; i++) s += row[i] * m.weights[i * H + j];
      expected[r * H + j] = sigmoid(s);
    }
  });
  same(ph, expected, "p(h | v)");
  const h = new Float64Array(rows.length * H);
  sampleBernoulli(ph, ph.length, streamRandom(9, "h"), h);
  const check = streamRandom(9, "h");
  same(h, ph.map((p) => (check.next32() < p ? 1 : 0)), "h ~ p(h | v)");
  const wt = new Float64Array(V * H);
  transpose(m.weights, V, H, wt);
  const pv = new Float64Array(rows.length * V);
  visibleProbabilities(wt, b, h, rows.length, V, H, pv);
  const expectedV = new Float64Array(rows.length * V);
  for (let r = 0; r < rows.length; r++) {
    for (let i = 0; i < V; i++) {
      let s = b[i];
      for (let j = 0; j < H; j++) s += h[r * H + j] * m.weights[i * H + j];
      expectedV[r * V + i] = sigmoid(s);
    }
  }
  same(pv, expectedV, "p(v | h)");
});
