import { test } from "node:test";
import assert from "node:assert/strict";
import seedrandom from "seedrandom";
import { denseHopfieldEnergy, denseHopfieldIterate, denseHopfieldUpdate } from "../../src/hopfield/dense";
import { randomPatterns } from "../../src/hopfield/patterns";

function close(a: number[], b: number[], tolerance: number): boolean {
  return a.length === b.length && a.every((v, i) => Math.abs(v - b[i]) <= tolerance);
}

test("dense update retrieves a stored pattern in one step at large beta (Ramsauer et al. 2020, sec. 2: after one update the error is exponentially small in the separation)", () => {
  // 50 random +-1 patterns of 64 units: the cue is pattern 7 with 16 units flipped (overlap 0.5).
  // Its score beta x_7.xi = 32 beta beats the others (|x_mu.xi| ~ 8) by ~20 beta, so at beta = 5
  // the softmax puts weight 1 - O(exp(-100)) on pattern 7.
  const patterns = randomPatterns(50, 64, { seed: "dense" });
  const cue = patterns[7].map((v, i) => (i < 16 ? -v : v));
  const next = denseHopfieldUpdate(patterns, cue, 5);
  assert.ok(close(next, patterns[7], 1e-12));
  // The doc example.
  assert.ok(close(denseHopfieldUpdate([[1, 1, -1], [-1, 1, 1]], [0.9, 0.2, -0.5], 50), [1, 1, -1], 1e-15));
});

test("dense update: xi_new = sum_mu softmax(beta X xi)_mu x_mu, written out for two patterns", () => {
  // Scores beta x.xi = (1 * 0.5, 1 * 0.25) with beta = 1: p_1 = 1 / (1 + exp(-0.25)).
  const p1 = 1 / (1 + Math.exp(-0.25));
  const next = denseHopfieldUpdate([[1, 0], [0, 1]], [0.5, 0.25], 1);
  assert.ok(close(next, [p1, 1 - p1], 1e-15));
});

test("dense update at tiny beta averages the patterns (the global fixed point, Ramsauer et al. 2020)", () => {
  const patterns = [[1, 2, 3], [-1, 0, 5], [3, -2, 1]];
  const next = denseHopfieldUpdate(patterns, [0.3, -0.2, 0.1], 1e-9);
  assert.ok(close(next, [1, 0, 3], 1e-8));
});

test("dense update stays finite at huge beta (stable softmax)", () => {
  const next = denseHopfieldUpdate([[1, 0], [0, 1]], [0.6, 0.4], 1e6);
  assert.deepEqual(next, [1, 0]);
  const tie = denseHopfieldUpdate([[1, 0], [0, 1]], [0.5, 0.5], 1e300);
  assert.deepEqual(tie, [0.5, 0.5]);
});

test("dense energy: the closed form for orthonormal patterns, and 0 <= E <= 2 M^2", () => {
  // -log(e + 1) + 1/2 + log 2 + 1/2 (the doc example).
  const expected = -Math.log(Math.E + 1) + 0.5 + Math.LN2 + 0.5;
  assert.ok(Math.abs(denseHopfieldEnergy([[1, 0], [0, 1]], [1, 0], 1) - expected) < 1e-15);
  const rng = seedrandom.alea("bounds");
  const patterns = Array.from({ length: 6 }, () => Array.from({ length: 4 }, () => 2 * rng() - 1));
  const M2 = Math.max(...patterns.map((p) => p.reduce((a, v) => a + v * v, 0)));
  for (let k = 0; k < 50; k++) {
    // States in the convex hull of the patterns (where the update maps), beta from 0.1 to 20.
    const weights = patterns.map(() => rng());
    const total = weights.reduce((a, w) => a + w, 0);
    const xi = [0, 1, 2, 3].map((d) => patterns.reduce((a, p, mu) => a + (weights[mu] / total) * p[d], 0));
    const e = denseHopfieldEnergy(patterns, xi, 0.1 + 20 * rng());
    assert.ok(e >= -1e-12 && e <= 2 * M2 + 1e-12, `E = ${e}`);
  }
});

test("dense iteration never raises the energy (Ramsauer et al. 2020: each update is a concave-convex procedure step) and converges", () => {
  const rng = seedrandom.alea("descent");
  for (let k = 0; k < 20; k++) {
    const patterns = Array.from({ length: 5 }, () => Array.from({ length: 8 }, () => 2 * rng() - 1));
    const start = Array.from({ length: 8 }, () => 2 * rng() - 1);
    const run = denseHopfieldIterate(patterns, start, { beta: 0.5 + 4 * rng(), maxIterations: 200, tolerance: 1e-10 });
    for (let t = 1; t < run.energies.length; t++) assert.ok(run.energies[t] <= run.energies[t - 1] + 1e-12);
    assert.equal(run.converged, true);
    assert.equal(run.reason, "converged");
    assert.equal(run.path.length, run.iterations + 1);
    assert.deepEqual(run.times, run.path.map((_, t) => t));
    assert.equal(run.attention.length, run.iterations);
    for (const p of run.attention) assert.ok(Math.abs(p.reduce((a, v) => a + v, 0) - 1) < 1e-12);
    assert.deepEqual(run.final, run.path[run.iterations]);
    assert.equal(run.finalEnergy, run.energies[run.iterations]);
  }
});

test("dense iteration: the doc example puts all the weight on the first pattern after one step", () => {
  const run = denseHopfieldIterate([[1, 1, -1], [-1, 1, 1]], [0.9, 0.2, -0.5], { beta: 50 });
  assert.ok(Math.abs(run.attention[0][0] - 1) < 1e-30);
  assert.ok(close(run.path[1], [1, 1, -1], 1e-15));
  assert.equal(run.converged, true);
  assert.equal(run.iterations, 2);
  // One update is not enough to see it stop moving: max-iterations.
  const short = denseHopfieldIterate([[1, 1, -1], [-1, 1, 1]], [0.9, 0.2, -0.5], { beta: 50, maxIterations: 1 });
  assert.deepEqual([short.reason, short.converged, short.iterations], ["max-iterations", false, 1]);
});

test("dense functions: inputs are not mutated; bad input is rejected", () => {
  const patterns = Object.freeze([Object.freeze([1, 0]), Object.freeze([0, 1])]);
  const state = Object.freeze([0.2, 0.1]);
  denseHopfieldUpdate(patterns, state, 2);
  denseHopfieldIterate(patterns, state, { beta: 2 });
  assert.throws(() => denseHopfieldUpdate([[1, 0], [1]], [1, 0], 1), { name: "RangeError", message: /^denseHopfieldUpdate: patterns\[1\] must be a pattern of 2 numbers like patterns\[0\], got \[1\] \(length 1\)$/ });
  assert.throws(() => denseHopfieldUpdate([[1, 0]], [1, 0, 0], 1), { name: "RangeError", message: /^denseHopfieldUpdate: state must be a state of 2 numbers \(the pattern length\), got \[1, 0, 0\] \(length 3\)$/ });
  assert.throws(() => denseHopfieldUpdate([[1, 0]], [1, 0], 0), { name: "RangeError", message: /^denseHopfieldUpdate: beta must be a positive finite number, got 0$/ });
  assert.throws(() => denseHopfieldUpdate([], [1, 0], 1), { name: "RangeError", message: /^denseHopfieldUpdate: patterns must be a non-empty array of patterns, got \[\]$/ });
  assert.throws(() => denseHopfieldEnergy([[1, NaN]], [1, 0], 1), { name: "RangeError", message: /^denseHopfieldEnergy: patterns\[0\]\[1\] must be a finite number, got NaN$/ });
  assert.throws(() => denseHopfieldIterate([[1, 0]], [1, 0], { beta: -1 }), { name: "RangeError", message: /^denseHopfieldIterate: options.beta must be a positive finite number, got -1$/ });
  assert.throws(() => denseHopfieldIterate([[1, 0]], [1, 0], { beta: 1, maxIterations: 0 }), { name: "RangeError", message: /^denseHopfieldIterate: options.maxIterations must be an integer in \[1, 1000000000000\], got 0$/ });
  assert.throws(() => denseHopfieldIterate([[1, 0]], [1, 0], { beta: 1, maxSteps: 5 } as never), { name: "RangeError", message: /^denseHopfieldIterate: options.maxSteps is not an option/ });
  assert.throws(() => denseHopfieldIterate([[1, 0]], [1, 0], undefined as never), { name: "TypeError", message: /^denseHopfieldIterate: options must be an options object/ });
  assert.throws(() => denseHopfieldIterate([[1, 0]], [1, 0], { beta: 1, maxIterations: 1e12 }), { name: "RangeError", message: /^denseHopfieldIterate: maxIterations x P x d = 2e\+12 is above the work budget/ });
});
