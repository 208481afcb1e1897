import { test } from "node:test";
import assert from "node:assert/strict";
import seedrandom from "seedrandom";
import { boltzmannGibbsSample } from "../../src/hopfield/boltzmannGibbs";
import { boltzmannExact } from "../../src/hopfield/boltzmannExact";
import { hopfieldEnergy } from "../../src/hopfield/energy";
import { hebbianWeights } from "../../src/hopfield/network";

function randomMachine(n: number, seed: string): { W: number[][]; b: number[] } {
  const rng = seedrandom.alea(seed);
  const W = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) W[i][j] = W[j][i] = 2 * rng() - 1;
  return { W, b: Array.from({ length: n }, () => rng() - 0.5) };
}

function totalVariation(p: ArrayLike<number>, q: ArrayLike<number>): number {
  let sum = 0;
  for (let k = 0; k < p.length; k++) sum += Math.abs(p[k] - q[k]);
  return sum / 2;
}

test("Gibbs histogram matches exact enumeration: TV < 0.02 at 10^5 sweeps (N = 5, three machines)", () => {
  // Reference: boltzmannExact (enumeration of the 32 states). With ~10^5 weakly correlated
  // samples the expected TV is about 0.005 (seen 0.004-0.007 for these seeds); 0.02 is the bound.
  for (const name of ["a", "b", "c"]) {
    const { W, b } = randomMachine(5, name);
    const exact = boltzmannExact(W, b, 1);
    const run = boltzmannGibbsSample(W, b, { T: 1, sweeps: 100_000, burnIn: 100, seed: name });
    const frequencies = run.frequencies!;
    assert.ok(Math.abs(frequencies.reduce((a, f) => a + f, 0) - 1) < 1e-12);
    assert.equal(run.counts!.reduce((a, c) => a + c, 0), 100_000);
    const tv = totalVariation(frequencies, exact.probabilities);
    assert.ok(tv < 0.02, `machine ${name}: TV ${tv}`);
    run.meanState.forEach((m, i) => assert.ok(Math.abs(m - exact.meanState[i]) < 0.02, `<s_${i}>`));
    // The mean energy of the samples approaches <E>.
    const meanEnergy = run.energies.reduce((a, e) => a + e, 0) / run.sweeps;
    assert.ok(Math.abs(meanEnergy - exact.meanEnergy) < 0.02, `<E> ${meanEnergy} vs ${exact.meanEnergy}`);
  }
});

test("Gibbs at T = 2 matches exact too (the temperature enters as h / T)", () => {
  const { W, b } = randomMachine(4, "warm");
  const exact = boltzmannExact(W, b, 2);
  const run = boltzmannGibbsSample(W, b, { T: 2, sweeps: 50_000, seed: 2 });
  assert.ok(totalVariation(run.frequencies!, exact.probabilities) < 0.02);
});

test("Gibbs: the doc example, two coupled units", () => {
  const run = boltzmannGibbsSample([[0, 1], [1, 0]], [0, 0], { T: 1, sweeps: 20000, seed: 3 });
  assert.ok(Math.abs(run.frequencies![3] - 0.4404) < 0.01);
});

test("Gibbs: recorded energies and samples agree with hopfieldEnergy; same seed, same run", () => {
  const { W, b } = randomMachine(6, "record");
  const run = boltzmannGibbsSample(W, b, { sweeps: 200, seed: 7, keepSamples: true });
  assert.equal(run.samples!.length, 200);
  run.samples!.forEach((s, k) => assert.ok(Math.abs(run.energies[k] - hopfieldEnergy(W, b, s)) < 1e-12));
  assert.deepEqual(run.final, run.samples![199]);
  const again = boltzmannGibbsSample(W, b, { sweeps: 200, seed: 7, keepSamples: true });
  assert.deepEqual(again, run);
  const other = boltzmannGibbsSample(W, b, { sweeps: 200, seed: 8, keepSamples: true });
  assert.notDeepEqual(other.samples, run.samples);
  assert.equal(boltzmannGibbsSample(W, b, { sweeps: 10, seed: 7 }).samples, undefined);
});

test("Gibbs at low T stays in the stored pattern's valley; init is used and not mutated", () => {
  const xi = Object.freeze([1, -1, 1, 1, -1, -1, 1, -1, 1, 1]);
  const net = hebbianWeights([xi]);
  const run = boltzmannGibbsSample(net, undefined, { T: 0.05, sweeps: 500, seed: 1, init: xi });
  // A flip costs dE = 2 h_i s_i = 2 (N - 1)/N = 1.8: at T = 0.05, probability 1 / (1 + e^36) per update.
  assert.equal(run.flipRate, 0);
  assert.deepEqual(run.final, [...xi]);
  assert.deepEqual(run.meanState, [...xi]);
});

test("Gibbs: no state counts above 20 units (only means and energies)", () => {
  const { W, b } = randomMachine(25, "big");
  const run = boltzmannGibbsSample(W, b, { sweeps: 50, seed: 1 });
  assert.equal(run.counts, undefined);
  assert.equal(run.frequencies, undefined);
  assert.equal(run.meanState.length, 25);
  assert.equal(run.energies.length, 50);
});

test("boltzmannGibbsSample: rejects bad input with the message shape", () => {
  const W = [[0, 1], [1, 0]];
  assert.throws(() => boltzmannGibbsSample(W, [0, 0], { sweeps: 10 } as never), { name: "TypeError", message: /^boltzmannGibbsSample: options.seed must be a finite number or a non-empty string/ });
  assert.throws(() => boltzmannGibbsSample(W, [0, 0], { sweeps: 0, seed: 1 }), { name: "RangeError", message: /^boltzmannGibbsSample: options.sweeps must be an integer in \[1, 1000000000\], got 0$/ });
  assert.throws(() => boltzmannGibbsSample(W, [0, 0], { sweeps: 10, seed: 1, T: 0 }), { name: "RangeError", message: /^boltzmannGibbsSample: options.T must be a positive finite number, got 0$/ });
  assert.throws(() => boltzmannGibbsSample(W, [0, 0], { sweeps: 10, seed: 1, burnIn: -1 }), { name: "RangeError", message: /^boltzmannGibbsSample: options.burnIn must be an integer in \[0, 1000000000\], got -1$/ });
  assert.throws(() => boltzmannGibbsSample(W, [0, 0], { sweeps: 10, seed: 1, init: [1, 0] }), { name: "RangeError", message: /^boltzmannGibbsSample: options.init\[1\] must be \+1 or -1, got 0$/ });
  assert.throws(() => boltzmannGibbsSample([[0, 1], [0.5, 0]], [0, 0], { sweeps: 10, seed: 1 }), { name: "RangeError", message: /^boltzmannGibbsSample: W must be a symmetric matrix/ });
});
