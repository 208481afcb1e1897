import { test } from "node:test";
import assert from "node:assert/strict";
import { independentSampleDistance } from "../../src/sampling/independentSampleDistance";

test("independentSampleDistance: one draw from (0.3, 0.7) has mean distance 0.42 exactly in expectation", () => {
  // Exact enumeration: the draw is state 0 with chance 0.3 (TV = 0.7) or state 1 with chance
  // 0.7 (TV = 0.3), so E[TV] = 0.3 * 0.7 + 0.7 * 0.3 = 0.42. Every single distance is one of the two.
  const run = independentSampleDistance([0.3, 0.7], { draws: 1, repeats: 20000, seed: 4 });
  for (const d of run.distances) assert.ok(Math.abs(d - 0.7) < 1e-12 || Math.abs(d - 0.3) < 1e-12, String(d));
  // Standard error of the mean: sd 0.2 * 0.458 = 0.0917 per draw / sqrt(20000) = 6.5e-4; 5 sigma.
  assert.ok(Math.abs(run.mean - 0.42) < 0.0033, `mean ${run.mean}`);
  // The share of draws landing on state 0 (TV 0.7) is 0.3 within 5 sigma (sd 0.0032).
  const share = run.distances.filter((d) => d > 0.5).length / run.distances.length;
  assert.ok(Math.abs(share - 0.3) < 0.017, `share ${share}`);
});

test("independentSampleDistance: large samples match the normal approximation 1/2 sum sqrt(2 q(1-q)/(pi n))", () => {
  // For n draws, |n_i/n - q_i| has mean sqrt(2 q_i (1 - q_i) / (pi n)) to O(1/n) (the
  // binomial's mean absolute deviation, de Moivre); for 4 equal states, n = 10000:
  // 1/2 * 4 * sqrt(2 * 0.1875 / (pi * 1e4)) = 0.006910.
  const run = independentSampleDistance([1, 1, 1, 1], { draws: 10000, repeats: 400, seed: 7 });
  const expected = 0.5 * 4 * Math.sqrt((2 * 0.1875) / (Math.PI * 1e4));
  // The TV of one repeat has sd about 0.4 of its mean; over 400 repeats the mean's relative
  // error is about 2%: 8% is 4 sigma.
  assert.ok(Math.abs(run.mean / expected - 1) < 0.08, `${run.mean} vs ${expected}`);
});

test("independentSampleDistance: weights are normalised, zero weights are never drawn, the same seed repeats", () => {
  const a = independentSampleDistance([0, 2, 0, 6], { draws: 50, repeats: 5, seed: "s" });
  const b = independentSampleDistance([0, 0.25, 0, 0.75], { draws: 50, repeats: 5, seed: "s" });
  assert.deepEqual(a.distances, b.distances);
  assert.equal(a.repeats, 5);
  assert.equal(a.draws, 50);
  const c = independentSampleDistance([0, 0.25, 0, 0.75], { draws: 50, repeats: 5, seed: "t" });
  assert.notDeepEqual(a.distances, c.distances);
  // A point mass is always hit exactly.
  const sure = independentSampleDistance([0, 1, 0], { draws: 7, repeats: 3, seed: 1 });
  assert.deepEqual(sure.distances, [0, 0, 0]);
});

test("independentSampleDistance: refuses bad input at the door, naming itself", () => {
  assert.throws(() => independentSampleDistance([1, -1], { draws: 5 }), /^RangeError: independentSampleDistance: q\[1\]/);
  assert.throws(() => independentSampleDistance([1, 1], { draws: 0 }), /independentSampleDistance: options.draws/);
  assert.throws(() => independentSampleDistance([1, 1], { draws: 2.5 }), /independentSampleDistance: options.draws/);
  assert.throws(() => independentSampleDistance([1, 1], { draws: 1e9, repeats: 10 }), /work budget/);
  assert.throws(() => independentSampleDistance([1, 1], { draws: 5, repeat: 3 } as never), /did you mean repeats/);
});
