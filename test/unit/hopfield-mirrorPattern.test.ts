import { test } from "node:test";
import assert from "node:assert/strict";
import { mirrorPattern } from "../../src/hopfield/mirrorPattern";
import { hammingDistance } from "../../src/hopfield/hammingDistance";
import { hebbianWeights, hopfieldEnergy, randomPatterns } from "../../src/hopfield";

test("mirrorPattern: flips every unit, N away from the pattern, and twice is the identity", () => {
  const [p] = randomPatterns(1, 9, { seed: 2 });
  const m = mirrorPattern(p);
  assert.equal(hammingDistance(p, m), 9);
  assert.deepEqual(mirrorPattern(m), p);
});

test("mirrorPattern: without biases a mirror is exactly as deep as its pattern (E is even)", () => {
  // E(-s) = -1/2 (-s)^T W (-s) = E(s): equal to rounding for every stored pattern.
  const patterns = randomPatterns(3, 12, { seed: 5 });
  const net = hebbianWeights(patterns);
  for (const p of patterns) {
    assert.ok(Math.abs(hopfieldEnergy(net, mirrorPattern(p)) - hopfieldEnergy(net, p)) < 1e-12);
  }
});

test("mirrorPattern: refuses what is not a +-1 state, naming itself", () => {
  assert.throws(() => mirrorPattern([1, 0, -1]), /^RangeError: mirrorPattern: pattern/);
  assert.throws(() => mirrorPattern("abc" as never), /mirrorPattern: pattern/);
});
