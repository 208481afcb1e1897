// The WebAssembly count of the Hebbian weights (src/hopfield/gramWasm.ts) against the JavaScript
// count (the integer couplings of lowRank.ts): the same doubles for W and for the row sums
// sum_j |W_ij| (added in order j = 0, 1, ..., N - 1), on random patterns of many shapes.
import { test } from "node:test";
import assert from "node:assert/strict";
import { completeCouplings, couplingRows, hebbianFactors } from "../../src/hopfield/lowRank";
import { wasmGram } from "../../src/hopfield/gramWasm";
import { hebbianMatrix } from "../../src/hopfield/network";
import { randomPatterns } from "../../src/hopfield/patterns";

function reference(data: Int8Array, P: number, n: number, scale: number): { w: Float64Array; sums: Float64Array } {
  const c = completeCouplings(couplingRows(hebbianFactors(data, P, n, scale)));
  const w = new Float64Array(n * n);
  const sums = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let sum = 0;
    for (let j = 0; j < n; j++) {
      w[i * n + j] = c[i * n + j] * scale;
      sum += Math.abs(w[i * n + j]);
    }
    sums[i] = sum;
  }
  return { w, sums };
}

test("wasmGram: W and its row sums equal the JavaScript count bit for bit (P across word edges, N not a multiple of 4, several chunks)", () => {
  const shapes: [number, number][] = [[1, 1], [1, 7], [2, 5], [31, 9], [32, 33], [33, 34], [50, 61], [63, 17], [64, 40], [65, 23], [120, 101], [129, 30], [200, 13], [70, 300], [5, 1003]];
  for (const [P, n] of shapes) {
    for (const normalize of [true, false]) {
      const scale = normalize ? 1 / n : 1;
      const patterns = randomPatterns(P, n, { seed: `gram ${P} ${n}` });
      const data = new Int8Array(P * n);
      patterns.forEach((p, mu) => data.set(p, mu * n));
      const f = hebbianFactors(data, P, n, scale);
      const w = new Float64Array(n * n).fill(NaN); // every entry must be written
      const sums = new Float64Array(n).fill(NaN);
      assert.equal(wasmGram(P, n, scale, f.columnWords, f.words, w, sums), true, `P = ${P}, N = ${n}: WebAssembly is there`);
      const ref = reference(data, P, n, scale);
      assert.deepEqual(w, ref.w, `W, P = ${P}, N = ${n}, normalize ${normalize}`);
      assert.deepEqual(sums, ref.sums, `row sums, P = ${P}, N = ${n}, normalize ${normalize}`);
      // hebbianMatrix (the path hebbianWeights takes) gives the same.
      const viaMatrix = new Float64Array(n);
      assert.deepEqual(hebbianMatrix(f, viaMatrix), ref.w);
      assert.deepEqual(viaMatrix, ref.sums);
    }
  }
});

test("wasmGram: identical columns (d = 0 off the diagonal) keep P scale; the diagonal is 0", () => {
  const n = 9;
  const one = [1, -1, 1, 1, -1, -1, 1, -1, 1];
  const patterns = [one, one.map((v, i) => (i < 4 ? v : -v))];
  const data = new Int8Array(2 * n);
  patterns.forEach((p, mu) => data.set(p, mu * n));
  const f = hebbianFactors(data, 2, n, 1 / n);
  const w = new Float64Array(n * n);
  wasmGram(2, n, 1 / n, f.columnWords, f.words, w, new Float64Array(n));
  assert.deepEqual(w, reference(data, 2, n, 1 / n).w);
  for (let i = 0; i < n; i++) assert.equal(w[i * n + i], 0);
});
