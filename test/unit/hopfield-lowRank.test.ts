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
import { couplingRow, couplingRows, hebbianFactors, integerFieldsInto, lowRankFields, overlapsInto, runAsyncIntegerFields } from "../../src/hopfield/lowRank";
import { computeFields, energyFromFields, runAsync, runSync, tieTolerance } from "../../src/hopfield/updates";
import { createRandom } from "../../src/sampling/random";
import { shuffleIndices } from "../../src/hopfield/random";

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
    // ... and K equals C s with the rows of C made on demand, in a scrambled order (some
    // computed from the bits, some copied from the symmetric rows already there).
    const rows = couplingRows(f);
    const w = hebbianMatrix(f);
    const order = shuffleIndices(createRandom(k, "rows"), new Int32Array(n));
    for (let q = 0; q < n; q++) {
      const i = order[q];
      if (rows.ready[i] === 1) continue;
      const row = couplingRow(rows, i);
      let sum = 0;
      for (let j = 0; j < n; j++) {
        sum += rows.c[row + j] * s[j];
        assert.equal(rows.c[row + j], w[i * n + j]); // scale 1: W = C
      }
      assert.equal(kField[i], sum);
    }
    // Past N / 4 rows the rest was completed in one pass (copies and counts mixed): all of C.
    assert.equal(rows.count, n);
    assert.deepEqual(Array.from(rows.c), Array.from(w));
  }
});

test("the general dynamics with low-rank fields, and the integer async run, match W directly", () => {
  // Reference: runAsync / runSync with W and fields from computeFields (the general path).
  for (let k = 0; k < 24; k++) {
    const n = 40 + 9 * k;
    const P = Math.round(n * (0.1 + 0.05 * (k % 16)));
    const normalize = k % 2 === 0;
    const scale = normalize ? 1 / n : 1;
    const patterns = randomPatterns(P, n, { seed: `direct ${k}` });
    const data = new Int8Array(P * n);
    patterns.forEach((p, mu) => data.set(p, mu * n));
    const f = hebbianFactors(data, P, n, scale);
    const w = hebbianMatrix(f);
    const b = Float64Array.from(biasesFor(k % 3, n, `direct bias ${k}`) ?? new Array(n).fill(0));
    const tol = tieTolerance(w, b, n);
    const cue = Int8Array.from(corruptPattern(patterns[0], { flipFraction: 0.25, seed: k }));
    const h1 = computeFields(w, b, n, cue.slice(), new Float64Array(n));
    const source = lowRankFields(f, b, w);
    const h2 = new Float64Array(n);
    source.fill(cue.slice(), h2);
    h1.forEach((h, i) => assert.ok(Math.abs(h - h2[i]) <= 1e-12 * (1 + Math.abs(h)), `fields ${k}, unit ${i}`));
    // Sync: refilled from the overlaps after steps with many flips, flip by flip otherwise.
    const s1 = cue.slice();
    const g1 = computeFields(w, b, n, s1, new Float64Array(n));
    const general = runSync(w, n, s1, g1, 200, tol);
    const s2 = cue.slice();
    const g2 = new Float64Array(n);
    source.fill(s2, g2);
    assert.deepEqual(runSync(w, n, s2, g2, 200, tol, undefined, source), general, `sync ${k}`);
    assert.deepEqual(s2, s1);
    closeEnergy(energyFromFields(s2, g2, b, n), energyFromFields(s1, g1, b, n), `sync ${k} energy`);
    if (!normalize || k % 3 !== 0) continue;
    // The capacity experiment's integer run (zero biases), against runAsync with W.
    const zero = new Float64Array(n);
    const s3 = cue.slice();
    const h3 = computeFields(w, zero, n, s3, new Float64Array(n));
    const reference = runAsync(w, n, s3, h3, createRandom(k, "direct"), 200, tieTolerance(w, zero, n));
    const s4 = cue.slice();
    const k4 = integerFieldsInto(f, s4, overlapsInto(f, s4, new Int32Array(P)), new Int32Array(n));
    const rows = couplingRows(f);
    assert.deepEqual(runAsyncIntegerFields(rows, s4, k4, createRandom(k, "direct"), 200), reference, `async ${k}`);
    assert.deepEqual(s4, s3);
    assert.deepEqual(k4, integerFieldsInto(f, s4, overlapsInto(f, s4, new Int32Array(P)), new Int32Array(n)), "K kept up to date");
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
