// Synchronous recall in pattern space (src/hopfield/syncOverlaps.ts) against runSync with W
// (updates.ts): the same states, steps, flips and stop reasons, and m = X s kept exact, on random
// Hebbian networks with and without biases, normalize true and false, loads up to 1 (where
// 2-cycles and long runs happen).
import { test } from "node:test";
import assert from "node:assert/strict";
import seedrandom from "seedrandom";
import { energyFromOverlaps, hebbianFactors, integerFieldsInto, lowRankFields, overlapsInto } from "../../src/hopfield/lowRank";
import { wasmFields } from "../../src/hopfield/fieldsWasm";
import { hebbianMatrix } from "../../src/hopfield/network";
import { corruptPattern, randomPatterns } from "../../src/hopfield/patterns";
import { fieldsFromPatterns, runSyncOverlaps, startOverlaps } from "../../src/hopfield/syncOverlaps";
import { computeFields, energyFromFields, runSync, tieTolerance } from "../../src/hopfield/updates";

test("runSyncOverlaps equals runSync with W: states, steps, flips, reason; m = X s on exit", () => {
  const reasons = new Set<string>();
  for (let k = 0; k < 60; k++) {
    const n = 20 + 23 * (k % 7);
    const P = Math.max(1, Math.round(n * [0.05, 0.12, 0.3, 0.6, 1.0][k % 5]));
    const normalize = k % 2 === 0;
    const scale = normalize ? 1 / n : 1;
    const rng = seedrandom.alea(`sync biases ${k}`);
    const biasKind = k % 3;
    const b = Float64Array.from({ length: n }, () => (biasKind === 0 ? 0 : biasKind === 1 ? Math.floor(rng() * 5) - 2 : 0.2 * (rng() - 0.5)));
    const patterns = randomPatterns(P, n, { seed: `sync ${k}` });
    const data = new Int8Array(P * n);
    patterns.forEach((p, mu) => data.set(p, mu * n));
    const f = hebbianFactors(data, P, n, scale);
    const w = hebbianMatrix(f);
    const tol = tieTolerance(w, b, n);
    for (const flipFraction of [0, 0.2, 0.45]) {
      const cue = Int8Array.from(corruptPattern(patterns[k % P], { flipFraction, seed: k }));
      for (const maxSteps of [1, 3, 200]) {
        const s1 = cue.slice();
        const h1 = computeFields(w, b, n, s1, new Float64Array(n));
        const general = runSync(w, n, s1, h1, maxSteps, tol);
        const s2 = cue.slice();
        const m = startOverlaps(f, s2, new Int32Array(P));
        const steps: number[] = [];
        const fast = runSyncOverlaps(f, w, b, s2, m, maxSteps, tol, (step) => steps.push(step));
        const what = `case ${k} (N = ${n}, P = ${P}), flips ${flipFraction}, maxSteps ${maxSteps}`;
        assert.deepEqual(fast, general, what);
        assert.deepEqual(s2, s1, what);
        assert.deepEqual(steps, Array.from({ length: fast.steps }, (_, t) => t + 1));
        assert.deepEqual(m, overlapsInto(f, s2, new Int32Array(P)), `${what}: m = X s`);
        const e1 = energyFromFields(s1, h1, b, n);
        const e2 = energyFromOverlaps(f, b, s2, m);
        assert.ok(Math.abs(e1 - e2) <= 1e-12 * Math.max(1, Math.abs(e1)), `${what}: energy ${e2} vs ${e1}`);
        reasons.add(fast.reason);
      }
    }
  }
  assert.deepEqual([...reasons].sort(), ["converged", "cycle", "max-iterations"]);
});

test("fieldsWasm: m and h (bit for bit) and the flipping units equal the JavaScript sums", () => {
  for (let k = 0; k < 40; k++) {
    const n = 1 + 37 * (k % 9) + (k % 4);
    const P = 1 + ((k * 13) % 150);
    const scale = k % 2 === 0 ? 1 / n : 1;
    const rng = seedrandom.alea(`fields ${k}`);
    const b = Float64Array.from({ length: n }, () => (k % 3 === 0 ? 0 : 0.3 * (rng() - 0.5)));
    const patterns = randomPatterns(P, n, { seed: `fields ${k}` });
    const data = new Int8Array(P * n);
    patterns.forEach((p, mu) => data.set(p, mu * n));
    const f = hebbianFactors(data, P, n, scale);
    const fields = wasmFields(f, b);
    assert.ok(fields !== undefined, "WebAssembly is there");
    for (let r = 0; r < 3; r++) {
      const s = Int8Array.from(corruptPattern(patterns[r % P], { flipFraction: 0.3, seed: `${k} ${r}` }));
      const m = overlapsInto(f, s, new Int32Array(P));
      const mWasm = new Int32Array(P);
      fields.overlaps(s, mWasm);
      assert.deepEqual(mWasm, m, `overlaps, case ${k}`);
      const kField = integerFieldsInto(f, s, m, new Int32Array(n));
      const h = Float64Array.from(kField, (x, i) => scale * x + b[i]);
      const tol = 1e-9 * n;
      const changed: number[] = [];
      h.forEach((hi, i) => {
        if (hi > tol ? s[i] < 0 : hi < -tol && s[i] > 0) changed.push(i);
      });
      const count = fields.refill(s, m, tol);
      assert.deepEqual(fields.h, h, `h, case ${k}`);
      assert.deepEqual(Array.from(fields.changed.subarray(0, count)), changed, `changed, case ${k}`);
    }
    // The recall path starts in WebAssembly when given the biases: the same m.
    const s = Int8Array.from(patterns[0]);
    assert.deepEqual(startOverlaps(f, s, new Int32Array(P), b), overlapsInto(f, s, new Int32Array(P)));
  }
});

test("fieldsFromPatterns (the start of async recall) equals lowRankFields' fill bit for bit", () => {
  for (let k = 0; k < 12; k++) {
    const n = 30 + 41 * k;
    const P = 1 + ((k * 11) % 90);
    const rng = seedrandom.alea(`start ${k}`);
    const b = Float64Array.from({ length: n }, () => (k % 2 === 0 ? 0 : rng() - 0.5));
    const patterns = randomPatterns(P, n, { seed: `start ${k}` });
    const data = new Int8Array(P * n);
    patterns.forEach((p, mu) => data.set(p, mu * n));
    const f = hebbianFactors(data, P, n, 1 / n);
    const s = Int8Array.from(corruptPattern(patterns[0], { flipFraction: 0.25, seed: k }));
    const expected = new Float64Array(n);
    lowRankFields(f, b, hebbianMatrix(f)).fill(s, expected);
    const h = new Float64Array(n);
    assert.equal(fieldsFromPatterns(f, b, s, h), true);
    assert.deepEqual(h, expected, `case ${k}`);
  }
});
