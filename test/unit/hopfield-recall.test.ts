import { test } from "node:test";
import assert from "node:assert/strict";
import seedrandom from "seedrandom";
import { hopfieldRecall } from "../../src/hopfield/recall";
import { hebbianWeights, hopfieldNetwork } from "../../src/hopfield/network";
import { hopfieldEnergy } from "../../src/hopfield/energy";
import { corruptPattern, randomPatterns } from "../../src/hopfield/patterns";

/** A random symmetric N x N matrix with zero diagonal, entries standard normal (Box-Muller). */
function randomSymmetric(n: number, seed: string): number[][] {
  const rng = seedrandom.alea(seed);
  const normal = () => Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());
  const W = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) W[i][j] = W[j][i] = normal();
  return W;
}

function randomState(n: number, seed: string): number[] {
  const rng = seedrandom.alea(seed);
  return Array.from({ length: n }, () => (rng() < 0.5 ? -1 : 1));
}

test("async recall never raises the energy (Hopfield 1982: dE = -(s_i' - s_i) h_i <= 0), 40 random networks", () => {
  for (let k = 0; k < 40; k++) {
    const n = 12 + (k % 5) * 7;
    const W = randomSymmetric(n, `async energy ${k}`);
    const rng = seedrandom.alea(`bias ${k}`);
    const biases = k % 2 === 0 ? undefined : Array.from({ length: n }, () => rng() - 0.5);
    const net = hopfieldNetwork(W, { biases });
    const run = hopfieldRecall(net, randomState(n, `start ${k}`), { seed: k, record: "flip", maxIterations: 1000 });
    // Every recorded state is one flip after the previous one; each flip lowers E.
    for (let t = 1; t < run.energies.length; t++) {
      assert.ok(run.energies[t] < run.energies[t - 1] + 1e-9, `network ${k}, flip ${t}: ${run.energies[t - 1]} -> ${run.energies[t]}`);
    }
    // The recorded energies are the energies of the recorded states (checked independently).
    const last = run.path.length - 1;
    assert.ok(Math.abs(run.energies[last] - hopfieldEnergy(net, run.path[last])) < 1e-9);
    // Asynchronous dynamics on a symmetric zero-diagonal network always reach a fixed point.
    assert.equal(run.reason, "converged");
    assert.equal(run.converged, true);
    assert.equal(run.flips, run.path.length - 1);
    // Fixed point: every unit agrees with the sign of its field (checked by brute force).
    const s = run.final;
    for (let i = 0; i < n; i++) {
      let h = biases === undefined ? 0 : biases[i];
      for (let j = 0; j < n; j++) h += W[i][j] * s[j];
      assert.ok(s[i] * h >= -1e-9, `unit ${i} is unstable`);
    }
  }
});

test("stored patterns are fixed points at low load (N = 100, P = 3, ten seeds)", () => {
  // Signal-to-noise (Hertz, Krogh & Palmer 1991, sec. 2.2): crosstalk variance ~ P/N = 0.03, so a
  // unit is unstable with probability 1/2 erfc(1/sqrt(0.06)) ~ 1e-8: every pattern is stable.
  for (let seed = 0; seed < 10; seed++) {
    const patterns = randomPatterns(3, 100, { seed });
    const net = hebbianWeights(patterns);
    for (const p of patterns) {
      const run = hopfieldRecall(net, p, { seed, patterns });
      assert.equal(run.flips, 0);
      assert.equal(run.iterations, 1);
      assert.equal(run.reason, "converged");
      assert.deepEqual(run.final, p);
    }
  }
});

test("recall from a 10% corrupted pattern returns to it at low load (N = 200, P = 10)", () => {
  // Load 0.05 is far below alpha_c = 0.138 (Amit, Gutfreund & Sompolinsky 1985); the cue has
  // overlap 0.8, well inside the basin.
  const patterns = randomPatterns(10, 200, { seed: "low load" });
  const net = hebbianWeights(patterns);
  for (let mu = 0; mu < patterns.length; mu++) {
    const cue = corruptPattern(patterns[mu], { flipFraction: 0.1, seed: mu });
    const run = hopfieldRecall(net, cue, { seed: mu, patterns });
    assert.ok(Math.abs(run.overlaps[0][mu] - 0.8) < 1e-12);
    assert.equal(run.finalOverlaps[mu], 1);
    assert.deepEqual(run.final, patterns[mu]);
    for (let t = 1; t < run.energies.length; t++) assert.ok(run.energies[t] <= run.energies[t - 1] + 1e-12);
  }
});

test("sync recall ends in a fixed point or a 2-cycle (Goles-Chacc, Fogelman-Soulie & Pellegrin 1985)", () => {
  let cycles = 0;
  let fixed = 0;
  for (let k = 0; k < 40; k++) {
    const n = 20 + k;
    const W = randomSymmetric(n, `sync ${k}`);
    const run = hopfieldRecall(W, randomState(n, `sync start ${k}`), { mode: "sync", maxIterations: 500 });
    assert.notEqual(run.reason, "max-iterations");
    const t = run.path.length - 1;
    if (run.reason === "converged") {
      fixed++;
      assert.equal(run.converged, true);
      assert.deepEqual(run.path[t], run.path[t - 1]);
    } else {
      cycles++;
      assert.equal(run.converged, false);
      assert.deepEqual(run.path[t], run.path[t - 2]);
      assert.notDeepEqual(run.path[t], run.path[t - 1]);
    }
    // Each step is s(t+1) = sign(W s(t)) (checked independently on the last step).
    const prev = run.path[t - 1];
    for (let i = 0; i < n; i++) {
      let h = 0;
      for (let j = 0; j < n; j++) h += W[i][j] * prev[j];
      assert.equal(run.path[t][i], h > 0 ? 1 : -1);
    }
  }
  // Both endings occur on random symmetric couplings (counts for these seeds).
  assert.ok(cycles > 0 && fixed > 0, `cycles ${cycles}, fixed points ${fixed}`);
});

test("sync recall of a 2-cycle by hand: two units with W_01 = -1 started at (+1, +1)", () => {
  // s(1) = sign(W s(0)) = (-1, -1), s(2) = (+1, +1) = s(0): a 2-cycle.
  const run = hopfieldRecall([[0, -1], [-1, 0]], [1, 1], { mode: "sync" });
  assert.equal(run.reason, "cycle");
  assert.deepEqual(run.path, [[1, 1], [-1, -1], [1, 1]]);
  assert.equal(run.iterations, 2);
  // Async from the same start reaches a fixed point (one of the two antiparallel states).
  const async = hopfieldRecall([[0, -1], [-1, 0]], [1, 1], { seed: 3 });
  assert.equal(async.reason, "converged");
  assert.equal(async.final[0], -async.final[1]);
});

test("a tie (h_i = 0) keeps the unit, also when rounding leaves h_i = -5.6e-17", () => {
  // W_01 = 0.3 and W_02 = 0.1 + 0.2 (= 0.30000000000000004 in doubles), W_12 = -1. At s = (1, 1, -1):
  // h_0 = 0.3 - (0.1 + 0.2) = 0 exactly in the reals (a tie: s_0 stays), h_1 = 1.3, h_2 = -0.7,
  // so s is a fixed point. In doubles h_0 = -5.55e-17; the tie band keeps it a tie.
  const W = [[0, 0.3, 0.1 + 0.2], [0.3, 0, -1], [0.1 + 0.2, -1, 0]];
  assert.ok(0.3 - (0.1 + 0.2) < 0);
  for (const mode of ["async", "sync"] as const) {
    const run = hopfieldRecall(W, [1, 1, -1], { mode, seed: 1 });
    assert.deepEqual(run.final, [1, 1, -1], mode);
    assert.equal(run.flips, 0);
    assert.equal(run.reason, "converged");
  }
  // A real field of the same size as the weights is not a tie: h_0 = 0.3 - 0.6 flips s_0.
  const run = hopfieldRecall([[0, 0.3, 0.6], [0.3, 0, -1], [0.6, -1, 0]], [1, 1, -1], { seed: 1 });
  assert.equal(run.final[0], -1);
});

test("recording: sweep, flip (every k-th) and ends; times and overlaps line up", () => {
  const patterns = randomPatterns(4, 60, { seed: "record" });
  const net = hebbianWeights(patterns);
  const cue = corruptPattern(patterns[0], { flipFraction: 0.3, seed: 2 });
  const bySweep = hopfieldRecall(net, cue, { seed: 5, patterns });
  assert.equal(bySweep.path.length, bySweep.iterations + 1);
  assert.deepEqual(bySweep.times, Array.from({ length: bySweep.iterations + 1 }, (_, k) => k));
  assert.equal(bySweep.overlaps.length, bySweep.path.length);
  assert.deepEqual(bySweep.finalOverlaps, bySweep.overlaps[bySweep.overlaps.length - 1]);
  const byFlip = hopfieldRecall(net, cue, { seed: 5, patterns, record: "flip" });
  assert.equal(byFlip.path.length, byFlip.flips + 1);
  assert.deepEqual(byFlip.final, bySweep.final);
  for (let t = 1; t < byFlip.path.length; t++) {
    const differences = byFlip.path[t].filter((v, i) => v !== byFlip.path[t - 1][i]).length;
    assert.equal(differences, 1);
    assert.ok(byFlip.times[t] > byFlip.times[t - 1]);
  }
  const every3 = hopfieldRecall(net, cue, { seed: 5, record: "flip", recordEvery: 3 });
  assert.equal(every3.path.length, 1 + Math.ceil(byFlip.flips / 3));
  assert.deepEqual(every3.path[every3.path.length - 1], byFlip.final);
  assert.deepEqual(every3.overlaps, []);
  const ends = hopfieldRecall(net, cue, { seed: 5, record: "ends" });
  assert.deepEqual(ends.path, [cue, bySweep.final]);
  assert.deepEqual(ends.times, [0, bySweep.iterations]);
});

test("same seed gives identical runs; inputs are not mutated", () => {
  const patterns = Object.freeze(randomPatterns(8, 80, { seed: "same seed" }).map((p) => Object.freeze(p)));
  const net = hebbianWeights(patterns);
  const weightsBefore = Float64Array.from(net.weights);
  const cue = Object.freeze(corruptPattern(patterns[1], { flipFraction: 0.25, seed: 9 }));
  const a = hopfieldRecall(net, cue, { seed: "s", patterns, record: "flip" });
  const b = hopfieldRecall(net, cue, { seed: "s", patterns, record: "flip" });
  assert.deepEqual(a, b);
  const c = hopfieldRecall(net, cue, { seed: "t", patterns, record: "flip" });
  assert.notDeepEqual(a.times, c.times);
  assert.deepEqual(net.weights, weightsBefore);
});

test("hopfieldRecall: the doc example, two wrong units of eight are repaired", () => {
  const memory = [1, -1, 1, -1, 1, -1, 1, -1];
  const net = hebbianWeights([memory]);
  const run = hopfieldRecall(net, [-1, -1, 1, -1, 1, -1, 1, 1], { seed: 1, patterns: [memory] });
  assert.deepEqual([run.reason, run.finalOverlaps[0]], ["converged", 1]);
  assert.equal(run.energyName, "Hopfield network, N = 8, P = 1");
  // One pattern: E(xi) = -(N - 1)/2 = -3.5 is the minimum, reached after the two flips.
  assert.equal(run.finalEnergy, -3.5);
  assert.equal(run.flips, 2);
});

test("max-iterations is reported when the limit is hit", () => {
  const patterns = randomPatterns(3, 100, { seed: "limit" });
  const net = hebbianWeights(patterns);
  const cue = corruptPattern(patterns[0], { flipFraction: 0.4, seed: 1 });
  const run = hopfieldRecall(net, cue, { seed: 1, maxIterations: 1 });
  assert.equal(run.reason, "max-iterations");
  assert.equal(run.converged, false);
  assert.equal(run.iterations, 1);
});

test("hopfieldRecall: rejects bad input with the message shape", () => {
  const net = hebbianWeights([[1, -1, 1]]);
  assert.throws(() => hopfieldRecall(net, [1, -1, 1]), {
    name: "TypeError",
    message: /^hopfieldRecall: options.seed must be a finite number or a non-empty string \(an explicit seed\), got undefined$/,
  });
  assert.throws(() => hopfieldRecall(net, [1, -1], { seed: 1 }), { name: "RangeError", message: /^hopfieldRecall: cue must be a state of 3 units, got \[1, -1\] \(length 2\)$/ });
  assert.throws(() => hopfieldRecall(net, [1, 0.5, 1], { seed: 1 }), { name: "RangeError", message: /^hopfieldRecall: cue\[1\] must be \+1 or -1, got 0.5$/ });
  assert.throws(() => hopfieldRecall(net, null as never, { seed: 1 }), { name: "TypeError", message: /^hopfieldRecall: cue must be an array of \+1\/-1 values, got null$/ });
  assert.throws(() => hopfieldRecall(net, [1, 1, 1], { mode: "parallel" as never }), { name: "RangeError", message: /^hopfieldRecall: options.mode must be "async" or "sync", got "parallel"$/ });
  assert.throws(() => hopfieldRecall(net, [1, 1, 1], { mode: "sync", record: "flip" }), { name: "RangeError", message: /^hopfieldRecall: options.record must be "sweep" or "ends" in sync mode, got "flip"$/ });
  assert.throws(() => hopfieldRecall(net, [1, 1, 1], { seed: 1, maxIterations: 0 }), { name: "RangeError", message: /^hopfieldRecall: options.maxIterations must be an integer in \[1, 1000000000000\], got 0$/ });
  assert.throws(() => hopfieldRecall(net, [1, 1, 1], { seed: 1, patterns: [[1, 1]] }), { name: "RangeError", message: /^hopfieldRecall: options.patterns\[0\] must be a state of 3 units/ });
  assert.throws(() => hopfieldRecall([[0, 1, 0], [1, 0, 0], [0, 0.5, 0]], [1, 1, 1], { seed: 1 }), {
    name: "RangeError",
    message: /^hopfieldRecall: network must be a symmetric matrix \(W\[i\]\[j\] = W\[j\]\[i\]\), got W\[1\]\[2\] = 0 and W\[2\]\[1\] = 0.5$/,
  });
  const broken = { size: 2, weights: new Float64Array(3), biases: new Float64Array(2), name: "broken" };
  assert.throws(() => hopfieldRecall(broken, [1, 1], { seed: 1 }), { name: "TypeError", message: /^hopfieldRecall: network.weights must be a Float64Array of 4 numbers/ });
  const badBiases = { size: 2, weights: new Float64Array([0, 1, 1, 0]), biases: new Float64Array(3), name: "bad biases" };
  assert.throws(() => hopfieldRecall(badBiases, [1, 1], { seed: 1 }), { name: "RangeError", message: /^hopfieldRecall: network.biases must be an array of 2 finite numbers/ });
  // The biases belong to the network: the old option is refused, and so are the old names.
  assert.throws(() => hopfieldRecall(hopfieldNetwork([[0, 1], [1, 0]]), [1, 1], { seed: 1, biases: [0, 0] } as never), { name: "RangeError", message: /^hopfieldRecall: options.biases is not an option/ });
  assert.throws(() => hopfieldRecall(net, [1, 1, 1], { seed: 1, maxSweeps: 5 } as never), { name: "RangeError", message: /^hopfieldRecall: options.maxSweeps is not an option/ });
  assert.throws(() => hopfieldRecall(net, [1, 1, 1], { seed: 1, maxIteration: 5 } as never), { name: "RangeError", message: /^hopfieldRecall: options.maxIteration is not an option \(did you mean maxIterations\?\)/ });
  assert.throws(() => hopfieldRecall(net, [1, 1, 1], "sync" as never), { name: "TypeError", message: /^hopfieldRecall: options must be an options object/ });
});

test("hopfieldRecall: refuses work above the budget at once", () => {
  const net = hebbianWeights([[1, -1, 1]]);
  const start = performance.now();
  assert.throws(() => hopfieldRecall(net, [1, 1, 1], { seed: 1, maxIterations: 1e9 }), {
    name: "RangeError",
    message: /^hopfieldRecall: N x \(maxIterations \+ 1\) = 3e\+9 is above the work budget of 2e\+8 steps; ask for less, or pass \{ maxWork: 3\.0e\+9 \}/,
  });
  assert.ok(performance.now() - start < 100);
  // A raised budget lets it run; a fixed point ends it after one sweep anyway.
  assert.equal(hopfieldRecall(net, [1, -1, 1], { seed: 1, maxIterations: 1e9, maxWork: 1e10 }).iterations, 1);
});

test("the first record is a fresh plain copy of the cue, whatever kind of array the cue is", () => {
  const patterns = randomPatterns(6, 90, { seed: "first record" });
  const net = hebbianWeights(patterns);
  const cue = corruptPattern(patterns[2], { flipFraction: 0.2, seed: 4 });
  class Spins extends Array<number> {}
  const subclassed = Spins.from(cue);
  const withConstructor = cue.slice();
  (withConstructor as unknown as { constructor: unknown }).constructor = Spins;
  for (const given of [cue, Object.freeze(cue.slice()), subclassed, withConstructor, Int8Array.from(cue), Float64Array.from(cue)]) {
    for (const mode of ["sync", "async"] as const) {
      const run = hopfieldRecall(net, given as readonly number[], { mode, seed: 3, record: "ends" });
      const first = run.path[0];
      assert.equal(Object.getPrototypeOf(first), Array.prototype);
      assert.deepEqual(first, cue);
      assert.notEqual(first, given);
      assert.notEqual(run.final, run.path[run.path.length - 1]);
      first[0] = -first[0]; // the caller's cue is untouched
      assert.equal(given[0], cue[0]);
    }
  }
});

test("biases on a Hebbian network: changed in place between calls, zero of either sign, the same energies", () => {
  const n = 120;
  const patterns = randomPatterns(9, n, { seed: "biases in place" });
  const cue = corruptPattern(patterns[0], { flipFraction: 0.3, seed: 2 });
  const biases = Array.from({ length: n }, (_, i) => ((i * 13) % 7 - 3) / 20);
  const net = hebbianWeights(patterns, { biases: biases.map(() => 0) });
  const b = net.biases as Float64Array;
  const zeros = hopfieldRecall(net, cue, { mode: "sync" });
  b.forEach((_, i) => (b[i] = i % 2 === 0 ? -0 : 0)); // still zero: the same run, bit for bit
  const negativeZeros = hopfieldRecall(net, cue, { mode: "sync" });
  assert.deepEqual(negativeZeros, zeros);
  for (let k = 0; k < zeros.energies.length; k++) assert.ok(Object.is(negativeZeros.energies[k], zeros.energies[k]));
  b.set(biases); // now biased: tolerance and energies follow the new biases
  const biased = hopfieldRecall(net, cue, { mode: "sync" });
  const fresh = hopfieldRecall(hebbianWeights(patterns, { biases }), cue, { mode: "sync" });
  assert.deepEqual(biased, { ...fresh, energyName: biased.energyName });
  for (let k = 0; k < biased.path.length; k++) {
    assert.ok(Math.abs(biased.energies[k] - hopfieldEnergy(net, biased.path[k])) < 1e-9);
  }
  b.fill(0); // and back
  assert.deepEqual(hopfieldRecall(net, cue, { mode: "sync" }), zeros);
});
