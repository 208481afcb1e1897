import { test } from "node:test";
import assert from "node:assert/strict";
import seedrandom from "seedrandom";
import { boltzmannExact } from "../../src/hopfield/boltzmannExact";
import { stateFromIndex } from "../../src/hopfield/boltzmannStates";
import { hopfieldEnergy } from "../../src/hopfield/energy";
import { hebbianWeights } from "../../src/hopfield/network";

function randomMachine(n: number, seed: string, scale = 1): { W: number[][]; b: number[] } {
  const rng = seedrandom.alea(seed);
  const W = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) W[i][j] = W[j][i] = scale * (2 * rng() - 1);
  return { W, b: Array.from({ length: n }, () => scale * (rng() - 0.5)) };
}

test("exact: probabilities sum to 1 and equal exp(-E/T - log Z) with E from hopfieldEnergy", () => {
  for (let n = 1; n <= 9; n++) {
    const { W, b } = randomMachine(n, `sum ${n}`, 2);
    const T = 0.5 + n / 4;
    const exact = boltzmannExact(W, b, T);
    assert.equal(exact.probabilities.length, 2 ** n);
    const total = exact.probabilities.reduce((a, p) => a + p, 0);
    assert.ok(Math.abs(total - 1) < 1e-12, `n = ${n}: sum ${total}`);
    for (let k = 0; k < 2 ** n; k++) {
      const e = hopfieldEnergy(W, b, stateFromIndex(k, n));
      assert.ok(Math.abs(exact.energies[k] - e) < 1e-12);
      assert.ok(Math.abs(exact.probabilities[k] - Math.exp(-e / T - exact.logZ)) < 1e-12);
    }
  }
});

test("exact: two coupled units in closed form (the doc example)", () => {
  // E(++) = E(--) = -J, E(+-) = E(-+) = +J; Z = 2 e^{J/T} + 2 e^{-J/T}.
  const J = 1;
  const exact = boltzmannExact([[0, J], [J, 0]], [0, 0], 1);
  const Z = 2 * Math.E + 2 / Math.E;
  assert.ok(Math.abs(exact.logZ - Math.log(Z)) < 1e-14);
  assert.ok(Math.abs(exact.probabilities[3] - Math.E / Z) < 1e-15);
  assert.ok(Math.abs(exact.probabilities[1] - 1 / Math.E / Z) < 1e-15);
  assert.equal(exact.probabilities[3].toFixed(4), "0.4404");
  // <s_0 s_1> = tanh(J / T).
  assert.ok(Math.abs(exact.correlations[0][1] - Math.tanh(1)) < 1e-15);
});

test("exact: independent units, log Z = sum_i log(2 cosh(b_i / T)) and <s_i> = tanh(b_i / T)", () => {
  const b = [0.3, -1.2, 0, 2.5, -0.05];
  const T = 0.7;
  const W = b.map(() => b.map(() => 0));
  const exact = boltzmannExact(W, b, T);
  const logZ = b.reduce((a, bi) => a + Math.log(2 * Math.cosh(bi / T)), 0);
  assert.ok(Math.abs(exact.logZ - logZ) < 1e-13);
  b.forEach((bi, i) => assert.ok(Math.abs(exact.meanState[i] - Math.tanh(bi / T)) < 1e-14));
  // Independent units: <s_i s_j> = <s_i><s_j>.
  assert.ok(Math.abs(exact.correlations[0][3] - Math.tanh(b[0] / T) * Math.tanh(b[3] / T)) < 1e-14);
});

test("exact: moments and entropy agree with direct sums; S = (<E> - F) / T", () => {
  const n = 6;
  const { W, b } = randomMachine(n, "moments", 1.5);
  const T = 1.3;
  const exact = boltzmannExact(W, b, T);
  const mean = new Array(n).fill(0);
  let entropy = 0;
  let meanEnergy = 0;
  for (let k = 0; k < 2 ** n; k++) {
    const p = exact.probabilities[k];
    const s = stateFromIndex(k, n);
    s.forEach((v, i) => (mean[i] += p * v));
    entropy -= p * Math.log(p);
    meanEnergy += p * exact.energies[k];
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) assert.ok(exact.correlations[i][j] === exact.correlations[j][i]);
    }
  }
  mean.forEach((m, i) => assert.ok(Math.abs(exact.meanState[i] - m) < 1e-14));
  assert.ok(Math.abs(exact.entropy - entropy) < 1e-12);
  assert.ok(Math.abs(exact.meanEnergy - meanEnergy) < 1e-12);
  const F = -T * exact.logZ;
  assert.ok(Math.abs(exact.entropy - (exact.meanEnergy - F) / T) < 1e-12);
  for (let i = 0; i < n; i++) assert.equal(exact.correlations[i][i], 1);
});

test("exact: small T concentrates on the lowest-energy states, large T spreads evenly", () => {
  // One stored pattern, no bias: the two ground states +-xi share the mass at small T.
  const xi = [1, -1, -1, 1, 1, -1, 1, 1];
  const net = hebbianWeights([xi]);
  const cold = boltzmannExact(net, undefined, 0.02);
  const k = xi.reduce((a, v, i) => a + (v === 1 ? 2 ** i : 0), 0);
  const kNegative = 2 ** 8 - 1 - k;
  assert.ok(Math.abs(cold.probabilities[k] - 0.5) < 1e-12);
  assert.ok(Math.abs(cold.probabilities[kNegative] - 0.5) < 1e-12);
  // A small bias along xi breaks the tie: all the mass moves to xi.
  const tilted = boltzmannExact(net, xi.map((v) => 0.01 * v), 0.001);
  assert.ok(tilted.probabilities[k] > 1 - 1e-12);
  assert.ok(Number.isFinite(tilted.logZ));
  // log Z ~ -E_min / T at small T: E(xi) = -(N - 1)/2 - 0.01 N.
  assert.ok(Math.abs(tilted.logZ - (3.5 + 0.08) / 0.001) < 1e-9);
  // Large T: every state has probability 2^-8.
  const hot = boltzmannExact(net, undefined, 1e9);
  for (const p of hot.probabilities) assert.ok(Math.abs(p - 1 / 256) < 1e-10);
});

test("exact: rejects too many units with the count, bad T and bad couplings", () => {
  const big = Array.from({ length: 21 }, () => new Array(21).fill(0));
  assert.throws(() => boltzmannExact(big, undefined, 1), {
    name: "RangeError",
    message: /^boltzmannExact: W must have at most 20 units for exact enumeration \(2\^N states\), got 21 units \(2097152 states\)$/,
  });
  assert.throws(() => boltzmannExact([[0, 1], [1, 0]], [0, 0], 0), { name: "RangeError", message: /^boltzmannExact: T must be a positive finite number, got 0$/ });
  assert.throws(() => boltzmannExact([[0, 1], [1, 0]], [0, 0], -1), { name: "RangeError", message: /^boltzmannExact: T must be a positive finite number, got -1$/ });
  assert.throws(() => boltzmannExact([[0, 1], [1, 0]], [0, 0], "1" as never), { name: "TypeError", message: /^boltzmannExact: T must be a positive finite number, got "1"$/ });
  assert.throws(() => boltzmannExact([[0, 1, 0], [1, 0, 0]], undefined, 1), { name: "RangeError", message: /^boltzmannExact: W must be a square matrix \(2 rows of 2 numbers\), got row 0 of length 3$/ });
  assert.throws(() => boltzmannExact([[0, 1], [1, 0]], [0, 0, 0], 1), { name: "RangeError", message: /^boltzmannExact: b must be an array of 2 finite numbers/ });
});
