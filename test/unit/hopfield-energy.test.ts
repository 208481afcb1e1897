import { test } from "node:test";
import assert from "node:assert/strict";
import seedrandom from "seedrandom";
import { hopfieldEnergy } from "../../src/hopfield/energy";
import { hebbianWeights, hopfieldNetwork } from "../../src/hopfield/network";

/** A random symmetric N x N matrix with zero diagonal, entries uniform in [-1, 1]. */
function randomSymmetric(n: number, seed: string): number[][] {
  const rng = seedrandom.alea(seed);
  const W = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) W[i][j] = W[j][i] = 2 * rng() - 1;
  return W;
}

test("hopfieldEnergy: the doc example, -1/2 s^T W s - b^T s", () => {
  assert.equal(hopfieldEnergy(hopfieldNetwork([[0, 1], [1, 0]], { biases: [0.5, 0] }), [1, 1]), -1.5);
});

test("hopfieldEnergy: equals -sum_{i<j} W_ij s_i s_j - sum_i b_i s_i on random networks", () => {
  // Reference: the pair sum written out directly (Hopfield 1982, eq. 7).
  for (let k = 0; k < 5; k++) {
    const n = 7;
    const W = randomSymmetric(n, `energy ${k}`);
    const rng = seedrandom.alea(`state ${k}`);
    const b = Array.from({ length: n }, () => rng() - 0.5);
    const s = Array.from({ length: n }, () => (rng() < 0.5 ? -1 : 1));
    let expected = 0;
    for (let i = 0; i < n; i++) {
      expected -= b[i] * s[i];
      for (let j = i + 1; j < n; j++) expected -= W[i][j] * s[i] * s[j];
    }
    assert.ok(Math.abs(hopfieldEnergy(hopfieldNetwork(W, { biases: b }), s) - expected) < 1e-12);
    // Rows have zero biases.
    assert.ok(Math.abs(hopfieldEnergy(W, s) - (expected + b.reduce((a, bi, i) => a + bi * s[i], 0))) < 1e-12);
  }
});

test("hopfieldEnergy: a stored pattern and its negative share the energy -(N-1)/2 (one pattern, no bias)", () => {
  // With W = (1/N) xi xi^T minus the diagonal: s^T W s = (N^2 - N)/N at s = +-xi.
  const xi = [1, -1, -1, 1, 1, -1, 1, 1, -1, 1];
  const net = hebbianWeights([xi]);
  assert.ok(Math.abs(hopfieldEnergy(net, xi) - -4.5) < 1e-12);
  assert.ok(Math.abs(hopfieldEnergy(net, xi.map((v) => -v)) - -4.5) < 1e-12);
});

test("hopfieldEnergy: the network's biases are used", () => {
  const net = hebbianWeights([[1, 1]], { biases: [1, 2] });
  // W_01 = 1/2: E(+1, +1) = -1/2 - 3.
  assert.equal(hopfieldEnergy(net, [1, 1]), -3.5);
});

test("hopfieldEnergy: rejects bad input", () => {
  assert.throws(() => hopfieldEnergy([[0, 1], [1, 0]], [1, 0]), { name: "RangeError", message: /^hopfieldEnergy: s\[1\] must be \+1 or -1, got 0$/ });
  assert.throws(() => hopfieldEnergy([[0, 1], [1, 0]], [1]), { name: "RangeError", message: /^hopfieldEnergy: s must be a state of 2 units, got \[1\] \(length 1\)$/ });
  assert.throws(() => hopfieldEnergy([[0, 1], [2, 0]], [1, 1]), { name: "RangeError", message: /^hopfieldEnergy: network must be a symmetric matrix/ });
  assert.throws(() => hopfieldEnergy([[0, 1], [1, 0]], undefined as never), { name: "TypeError", message: /^hopfieldEnergy: s must be an array of 2 values \+1 or -1, got undefined$/ });
  // The old three-argument form (W, b, s) is refused with the way to give biases.
  assert.throws(() => (hopfieldEnergy as (...args: unknown[]) => number)([[0, 1], [1, 0]], [0, 0], [1, 1]), {
    name: "TypeError",
    message: /^hopfieldEnergy: takes \(network, s\), got 3 arguments; put the biases in the network: hopfieldEnergy\(hopfieldNetwork\(W, \{ biases \}\), s\)$/,
  });
});
