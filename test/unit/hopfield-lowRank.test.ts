// The low-rank path (fields from the P overlaps of the stored patterns, src/hopfield/lowRank.ts)
// against the general path (fields from W): the same decisions, so the same states, times,
// iterations, flips and overlaps; energies to 1e-12 relative.
import { test } from "node:test";
import assert from "node:assert/strict";
import seedrandom from "seedrandom";
import { hopfieldRecall, type HopfieldRecallResult } from "../../src/hopfield/recall";
import { hebbianMatrix, hebbianWeights, hopfieldNetwork } from "../../src/hopfield/network";
import { hopfieldEnergy } from "../../src/hopfield/energy";
import { corruptPattern, randomPatterns } from "../../src/hopfield/patterns";
import { capacityPoint } from "../../src/hopfield/capacity";
import { couplingMatrix, energyFromOverlaps, hebbianFactors, integerFieldsInto, overlapsInto, runAsyncLowRank, runSyncLowRank } from "../../src/hopfield/lowRank";
import { computeFields, energyFromFields, runAsync, runSync, tieTolerance } from "../../src/hopfield/updates";
import { createRandom } from "../../src/sampling/random";

const rowsOf = (w: Float64Array, n: number) => Array.from({ length: n }, (_, i) => Array.from(w.subarray(i * n, (i + 1) * n)));

function closeEnergy(a: number, b: number, what: string): void {
  assert.ok(Math.abs(a - b) <= 1e-12 * Math.max(Math.abs(a), Math.abs(b)), `${what}: ${a} vs ${b}`);
}

function assertSameRun(fast: HopfieldRecallResult, general: HopfieldRecallResult, what: string): void {
  assert.deepEqual({ ...fast, energies: [], finalEnergy: 0 }, { ...general, energies: [], finalEnergy: 0 }, what);
  assert.equal(fast.energies.length, general.energies.length);
  fast.energies.forEach((e, k) => closeEnergy(e, general.energies[k], `${what}, energy ${k}`));
  closeEnergy(fast.finalEnergy, general.finalEnergy, `${what}, final energy`);
}

/** Integer biases (exact ties with the integer fields of normalize = false) or small reals. */
function biasesFor(kind: number, n: number, seed: string): number[] | undefined {
  const rng = seedrandom.alea(seed);
  if (kind === 0) return undefined;
  if (kind === 1) return Array.from({ length: n }, () => Math.floor(rng() * 5) - 2);
  return Array.from({ length: n }, () => 0.2 * (rng() - 0.5));
}

test("recall: Hebbian networks on the low-rank path match W as rows (async and sync, biases, normalize)", () => {
  let cases = 0;
  for (let k = 0; k < 36; k++) {
    const n = 24 + 17 * (k % 6);
    const P = 1 + ((k * 7) % Math.floor(n / 2)); // P <= N/2: the low-rank path is chosen
    const normalize = k % 2 === 0;
    const biases = biasesFor(k % 3, n, `bias ${k}`);
    const patterns = randomPatterns(P, n, { seed: `lr ${k}` });
    const net = hebbianWeights(patterns, { normalize, biases });
    const general = hopfieldNetwork(rowsOf(net.weights, n), { biases, name: net.name });
    const cue = corruptPattern(patterns[0], { flipFraction: 0.1 + 0.05 * (k % 5), seed: k });
    for (const options of [{ seed: k, record: "flip" as const }, { seed: k + 100 }, { mode: "sync" as const }, { mode: "sync" as const, record: "ends" as const }]) {
      const fast = hopfieldRecall(net, cue, { ...options, patterns });
      assertSameRun(fast, hopfieldRecall(general, cue, { ...options, patterns }), `case ${k}, ${JSON.stringify(options)}`);
      cases++;
    }
    // hopfieldNetwork(net) keeps the patterns (new biases: still the low-rank path).
    const rebiased = hopfieldNetwork(net, { biases: biasesFor(2, n, `re ${k}`) });
    const rebiasedRows = hopfieldNetwork(rowsOf(net.weights, n), { biases: Array.from(rebiased.biases), name: rebiased.name });
    assertSameRun(hopfieldRecall(rebiased, cue, { seed: 3 }), hopfieldRecall(rebiasedRows, cue, { seed: 3 }), `case ${k}, rebiased`);
  }
  assert.equal(cases, 144);
});

test("energy identity: s^T W s = |X s|^2 - P N (times the scale), on random states", () => {
  for (let k = 0; k < 20; k++) {
    const n = 10 + 13 * k;
    const P = 1 + (k % 9);
    const patterns = randomPatterns(P, n, { seed: `energy ${k}` });
    const biases = biasesFor(k % 3, n, `energy bias ${k}`);
    const net = hebbianWeights(patterns, { normalize: k % 2 === 0, biases });
    const general = hopfieldNetwork(rowsOf(net.weights, n), { biases });
    for (let r = 0; r < 5; r++) {
      const s = corruptPattern(patterns[r % P], { flipFraction: 0.5, seed: r });
      closeEnergy(hopfieldEnergy(net, s), hopfieldEnergy(general, s), `network ${k}, state ${r}`);
    }
    // The integer identity itself: sum_i s_i K_i = |m|^2 - P N.
    const data = new Int8Array(P * n);
    patterns.forEach((p, mu) => data.set(p, mu * n));
    const f = hebbianFactors(data, P, n, 1);
    const s = Int8Array.from(corruptPattern(patterns[0], { flipFraction: 0.3, seed: k }));
    const m = overlapsInto(f, s, new Int32Array(P));
    const kField = integerFieldsInto(f, s, m, new Int32Array(n));
    let sk = 0;
    for (let i = 0; i < n; i++) sk += s[i] * kField[i];
    assert.equal(sk, m.reduce((a, x) => a + x * x, 0) - P * n);
    // ... and K equals W s computed from the integer couplings.
    const c = couplingMatrix(f);
    for (let i = 0; i < n; i++) {
      let sum = 0;
      for (let j = 0; j < n; j++) sum += c[i * n + j] * s[j];
      assert.equal(kField[i], sum);
    }
  }
});

test("low-rank runs match the general runs directly, P above N/2 and with the couplings kept (long runs)", () => {
  for (let k = 0; k < 24; k++) {
    const n = 40 + 9 * k;
    const P = Math.round(n * (0.1 + 0.05 * (k % 16)));
    const normalize = k % 2 === 0;
    const scale = normalize ? 1 / n : 1;
    const patterns = randomPatterns(P, n, { seed: `direct ${k}` });
    const data = new Int8Array(P * n);
    patterns.forEach((p, mu) => data.set(p, mu * n));
    const w = hebbianMatrix(data, P, n, scale);
    const b = Float64Array.from(biasesFor(k % 3, n, `direct bias ${k}`) ?? new Array(n).fill(0));
    const tol = tieTolerance(w, b, n);
    const cue = Int8Array.from(corruptPattern(patterns[0], { flipFraction: 0.25, seed: k }));
    // Async: tables only, couplings from the start (ledger already spent), and the default rule.
    for (const spent of [-Infinity, Infinity, 0]) {
      const f = hebbianFactors(data, P, n, scale);
      const s1 = cue.slice();
      const h = computeFields(w, b, n, s1, new Float64Array(n));
      const flips1: number[] = [];
      const general = runAsync(w, n, s1, h, createRandom(k, "direct"), 200, tol, (t) => flips1.push(t));
      const s2 = cue.slice();
      const m = overlapsInto(f, s2, new Int32Array(P));
      const flips2: number[] = [];
      const fast = runAsyncLowRank(f, b, s2, m, createRandom(k, "direct"), 200, tol, (t) => flips2.push(t), undefined, { spent });
      assert.deepEqual(fast, general, `async ${k}, spent ${spent}`);
      assert.deepEqual(flips2, flips1);
      assert.deepEqual(s2, s1);
      assert.deepEqual(m, overlapsInto(f, s2, new Int32Array(P)), "the overlaps were kept up to date");
      closeEnergy(energyFromOverlaps(f, b, s2, m), energyFromFields(s1, h, b, n), `async ${k} energy`);
    }
    const f = hebbianFactors(data, P, n, scale);
    const s1 = cue.slice();
    const h = computeFields(w, b, n, s1, new Float64Array(n));
    const general = runSync(w, n, s1, h, 200, tol);
    const s2 = cue.slice();
    const m = overlapsInto(f, s2, new Int32Array(P));
    assert.deepEqual(runSyncLowRank(f, b, s2, m, 200, tol), general, `sync ${k}`);
    assert.deepEqual(s2, s1);
    closeEnergy(energyFromOverlaps(f, b, s2, m), energyFromFields(s1, h, b, n), `sync ${k} energy`);
  }
});

test("capacity: the low-rank and the general paths give identical points (seeded, small N)", () => {
  const settings = { n: 150, trials: 2, seed: 3, flipFraction: 0.1, probes: 10, threshold: 0.95, maxIterations: 100 };
  for (const load of [0.05, 0.14, 0.2, 0.3, 1.0]) {
    assert.deepEqual(capacityPoint({ ...settings, load }, "low-rank"), capacityPoint({ ...settings, load }, "general"), `load ${load}`);
  }
  const exact = { ...settings, n: 97, flipFraction: 0, trials: 3 };
  assert.deepEqual(capacityPoint({ ...exact, load: 0.16 }, "low-rank"), capacityPoint({ ...exact, load: 0.16 }, "general"));
});
