import { test } from "node:test";
import assert from "node:assert/strict";
import { hebbianWeights, hopfieldNetwork } from "../../src/hopfield/network";
import { randomPatterns } from "../../src/hopfield/patterns";

test("hebbianWeights: W_ij = (1/N) sum_mu xi_i xi_j, zero diagonal, symmetric (Hopfield 1982, eq. 2)", () => {
  const patterns = Object.freeze([Object.freeze([1, -1, 1, 1]), Object.freeze([-1, -1, 1, -1]), Object.freeze([1, 1, 1, -1])]);
  const net = hebbianWeights(patterns);
  assert.equal(net.size, 4);
  assert.equal(net.patternCount, 3);
  // Reference: the sum written out by hand, term by term.
  for (let i = 0; i < 4; i++) {
    for (let j = 0; j < 4; j++) {
      const expected = i === j ? 0 : patterns.reduce((sum, p) => sum + p[i] * p[j], 0) / 4;
      assert.equal(net.weights[i * 4 + j], expected, `W[${i}][${j}]`);
    }
  }
  assert.deepEqual(Array.from(net.biases), [0, 0, 0, 0]);
  assert.equal(net.name, "Hopfield network, N = 4, P = 3");
  assert.equal(hebbianWeights(patterns, { name: "three memories" }).name, "three memories");
});

test("hebbianWeights: the doc example values", () => {
  const net = hebbianWeights([[1, -1, 1], [1, 1, -1]]);
  assert.equal(net.weights[0 * 3 + 1], 0);
  assert.equal(net.weights[1 * 3 + 2], -0.6666666666666666);
});

test("hebbianWeights: bit-counted sums equal the plain sum for P > 32 (several words per unit)", () => {
  // Reference: the O(P N^2) double loop, with P = 70 so the bit strings span three 32-bit words.
  const patterns = randomPatterns(70, 40, { seed: "hebb words" });
  const net = hebbianWeights(patterns, { normalize: false });
  for (let i = 0; i < 40; i++) {
    for (let j = 0; j < 40; j++) {
      let sum = 0;
      if (i !== j) for (const p of patterns) sum += p[i] * p[j];
      assert.equal(net.weights[i * 40 + j], sum);
    }
  }
});

test("hebbianWeights: normalize false keeps integer sums; biases are copied", () => {
  const biases = Object.freeze([0.5, -0.25]);
  const net = hebbianWeights([[1, 1], [1, -1], [1, 1]], { normalize: false, biases });
  assert.deepEqual(Array.from(net.weights), [0, 1, 1, 0]);
  assert.deepEqual(Array.from(net.biases), [0.5, -0.25]);
});

test("hebbianWeights: rejects bad input with the message shape", () => {
  assert.throws(() => hebbianWeights([]), { name: "RangeError", message: /^hebbianWeights: patterns must be a non-empty array of patterns, got \[\]$/ });
  assert.throws(() => hebbianWeights([[1, -1, 1], [1, 1]]), {
    name: "RangeError",
    message: /^hebbianWeights: patterns\[1\] must be a pattern of 3 units like patterns\[0\], got \[1, 1\] \(length 2\)$/,
  });
  assert.throws(() => hebbianWeights([[1, 0, 1]]), { name: "RangeError", message: /^hebbianWeights: patterns\[0\]\[1\] must be \+1 or -1, got 0$/ });
  assert.throws(() => hebbianWeights([[1, NaN]]), { name: "RangeError", message: /patterns\[0\]\[1\] must be \+1 or -1, got NaN$/ });
  assert.throws(() => hebbianWeights("abc" as never), { name: "TypeError", message: /^hebbianWeights: patterns must be an array of patterns/ });
  assert.throws(() => hebbianWeights([[1, -1]], { normalize: 1 as never }), { name: "TypeError", message: /^hebbianWeights: options.normalize must be true or false, got 1$/ });
  assert.throws(() => hebbianWeights([[1, -1]], { normalise: false } as never), { name: "RangeError", message: /^hebbianWeights: options.normalise is not an option \(did you mean normalize\?\)/ });
  assert.throws(() => hebbianWeights([[1, -1]], { name: "" }), { name: "TypeError", message: /^hebbianWeights: options.name must be a non-empty string, got ""$/ });
  assert.throws(() => hebbianWeights([new Array(10_001).fill(1)]), { name: "RangeError", message: /^hebbianWeights: patterns\[0\] must have at most 10000 units \(W holds N\^2 numbers\), got 10001 units$/ });
  assert.throws(() => hebbianWeights([[1, -1]], { biases: [1] }), {
    name: "RangeError",
    message: /^hebbianWeights: options.biases must be an array of 2 finite numbers \(one per unit\), got \[1\] \(length 1\)$/,
  });
});

test("hopfieldNetwork: copies a valid W and b", () => {
  const W = Object.freeze([Object.freeze([0, 1]), Object.freeze([1, 0])]);
  const net = hopfieldNetwork(W, { biases: [0.5, 0] });
  assert.equal(net.size, 2);
  assert.deepEqual(Array.from(net.weights), [0, 1, 1, 0]);
  assert.deepEqual(Array.from(net.biases), [0.5, 0]);
  assert.equal(net.name, "Hopfield network, N = 2");
  // Rows have zero biases; a name can be given; a network given keeps its biases unless replaced.
  assert.deepEqual(Array.from(hopfieldNetwork(W).biases), [0, 0]);
  assert.equal(hopfieldNetwork(W, { name: "pair" }).name, "pair");
  assert.deepEqual(Array.from(hopfieldNetwork(net).biases), [0.5, 0]);
  assert.deepEqual(Array.from(hopfieldNetwork(net, { biases: [0, 1] }).biases), [0, 1]);
});

test("hopfieldNetwork: rejects W that is not square, not symmetric, or has a diagonal", () => {
  assert.throws(() => hopfieldNetwork([[0, 1], [1]]), { name: "RangeError", message: /^hopfieldNetwork: weights must be a square matrix \(2 rows of 2 numbers\), got row 1 of length 1$/ });
  assert.throws(() => hopfieldNetwork([[0, 0.5], [0.3, 0]]), {
    name: "RangeError",
    message: /^hopfieldNetwork: weights must be a symmetric matrix \(W\[i\]\[j\] = W\[j\]\[i\]\), got W\[0\]\[1\] = 0.5 and W\[1\]\[0\] = 0.3$/,
  });
  assert.throws(() => hopfieldNetwork([[1, 0], [0, 0]]), { name: "RangeError", message: /^hopfieldNetwork: weights must be a matrix with a zero diagonal, got W\[0\]\[0\] = 1$/ });
  assert.throws(() => hopfieldNetwork([[0, Infinity], [Infinity, 0]]), { name: "RangeError", message: /^hopfieldNetwork: weights\[0\]\[1\] must be a finite number, got Infinity$/ });
  assert.throws(() => hopfieldNetwork([]), { name: "RangeError", message: /^hopfieldNetwork: weights must be a non-empty square matrix, got \[\]$/ });
  assert.throws(() => hopfieldNetwork(3 as never), { name: "TypeError", message: /^hopfieldNetwork: weights must be a network or a square matrix/ });
  assert.throws(() => hopfieldNetwork([[0, 1], [1, 0]], { biases: [1, NaN] }), { name: "RangeError", message: /^hopfieldNetwork: options.biases\[1\] must be a finite number, got NaN$/ });
  assert.throws(() => hopfieldNetwork([[0, 1], [1, 0]], [1, 0] as never), { name: "TypeError", message: /^hopfieldNetwork: options must be an options object/ });
  assert.throws(() => hopfieldNetwork([[0, 1], [1, 0]], { bias: [1, 0] } as never), { name: "RangeError", message: /^hopfieldNetwork: options.bias is not an option \(did you mean biases\?\)/ });
  assert.throws(() => hopfieldNetwork(null as never), { name: "TypeError", message: /^hopfieldNetwork: weights must be a network/ });
  assert.throws(() => hopfieldNetwork([[0, 1e308, 1e308], [1e308, 0, 0], [1e308, 0, 0]]), { name: "RangeError", message: /^hopfieldNetwork: weights must be a network whose energies are finite/ });
});
