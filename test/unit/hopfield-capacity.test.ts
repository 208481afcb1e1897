import { test } from "node:test";
import assert from "node:assert/strict";
import { HOPFIELD_CRITICAL_LOAD, erfc, hopfieldCapacity, hopfieldErrorProbability } from "../../src/hopfield/capacity";
import { capacityBreakdown } from "../../src/hopfield/capacityBreakdown";

/**
 * The exact probability that a unit of a stored pattern is unstable in a Hebbian network with zero
 * diagonal: xi_i h_i = ((N - 1) + X) / N where X is a sum of K = (P - 1)(N - 1) independent fair
 * +-1 terms (for one unit, the crosstalk terms xi_i^mu xi_i^nu xi_j^nu xi_j^mu are independent
 * coins). Unstable iff X < -(N - 1), i.e. B = (X + K) / 2 ~ Binomial(K, 1/2) is below (K - N + 1) / 2.
 */
function exactUnstableProbability(N: number, P: number): number {
  const K = (P - 1) * (N - 1);
  const threshold = (K - N + 1) / 2;
  let logPmf = -K * Math.LN2;
  let sum = 0;
  for (let k = 0; k < threshold; k++) {
    sum += Math.exp(logPmf);
    logPmf += Math.log((K - k) / (k + 1));
  }
  return sum;
}

test("capacity: recall is near perfect at load 0.05 and poor at load 0.2 (N = 300, 5% flipped cues)", () => {
  // Amit, Gutfreund & Sompolinsky (1985): retrieval breaks down at alpha_c = 0.138 for large N;
  // at N = 300 the drop is smoothed, so the bounds are loose but on either side of it.
  const result = hopfieldCapacity({ N: 300, loads: [0.05, 0.2], trials: 3, seed: "capacity", flipFraction: 0.05 });
  const [low, high] = result.points;
  assert.equal(low.patternCount, 15);
  assert.equal(high.patternCount, 60);
  assert.equal(low.overlaps.length, 3 * 15);
  assert.equal(high.overlaps.length, 3 * 20);
  assert.ok(low.recallFraction >= 0.95, `recall at 0.05: ${low.recallFraction}`);
  assert.ok(low.meanOverlap >= 0.99, `overlap at 0.05: ${low.meanOverlap}`);
  assert.ok(high.recallFraction <= 0.5, `recall at 0.2: ${high.recallFraction}`);
  assert.ok(high.meanOverlap <= 0.85, `overlap at 0.2: ${high.meanOverlap}`);
  assert.ok(high.meanIterations > low.meanIterations);
  assert.equal(result.criticalLoad, HOPFIELD_CRITICAL_LOAD);
  // The reported fraction is the count of overlaps at or above the threshold.
  assert.equal(high.recallFraction, high.overlaps.filter((m) => m >= 0.95).length / high.overlaps.length);
});

test("capacity: the fraction of unstable units matches the exact binomial crosstalk probability", () => {
  // N = 300, P = 60: exact probability 0.01195 (the Gaussian 1/2 erfc(1/sqrt(2 alpha)) gives 0.0127).
  // 5 trials x 20 cues x 300 units = 30000 units, about 360 unstable. Units of one network share
  // its couplings, so the count varies more than a binomial one: over seeds 1-5 the measured
  // fraction ranged over 0.0122-0.0145; a 25% band allows for that.
  const result = hopfieldCapacity({ N: 300, loads: [0.2], trials: 5, seed: 21 });
  const exact = exactUnstableProbability(300, 60);
  assert.ok(Math.abs(exact - 0.01195) < 0.00001, `exact ${exact}`);
  const measured = result.points[0].unstableFraction;
  assert.ok(Math.abs(measured - exact) < 0.25 * exact, `measured ${measured}, exact ${exact}`);
  assert.equal(result.points[0].predictedUnstableFraction, hopfieldErrorProbability(0.2));
});

test("hopfieldErrorProbability: 1/2 erfc(1/sqrt(2 alpha)) against tabulated erfc", () => {
  // erfc(1) = 0.157299207050285, erfc(2) = 0.004677734981047266 (Abramowitz & Stegun, table 7.1).
  assert.ok(Math.abs(hopfieldErrorProbability(0.5) / (0.157299207050285 / 2) - 1) < 2e-7);
  assert.ok(Math.abs(hopfieldErrorProbability(0.125) / (0.004677734981047266 / 2) - 1) < 2e-7);
  assert.ok(Math.abs(erfc(-1) - (2 - 0.157299207050285)) < 2e-7);
  assert.ok(Math.abs(erfc(0) - 1) < 2e-7);
  // The doc example: 0.36% of the units at alpha_c.
  assert.equal(hopfieldErrorProbability(0.138).toFixed(4), "0.0036");
  assert.throws(() => hopfieldErrorProbability(0), { name: "RangeError", message: /^hopfieldErrorProbability: alpha must be a positive finite number, got 0$/ });
});

test("capacity: same seed gives identical results; a load's numbers do not depend on the other loads", () => {
  const a = hopfieldCapacity({ N: 120, loads: [0.1, 0.2], trials: 2, seed: 5, flipFraction: 0.1 });
  const b = hopfieldCapacity({ N: 120, loads: [0.1, 0.2], trials: 2, seed: 5, flipFraction: 0.1 });
  assert.deepEqual(a, b);
  const only = hopfieldCapacity({ N: 120, loads: [0.2], trials: 2, seed: 5, flipFraction: 0.1 });
  assert.deepEqual(only.points[0], a.points[1]);
  const other = hopfieldCapacity({ N: 120, loads: [0.2], trials: 2, seed: 6, flipFraction: 0.1 });
  assert.notDeepEqual(other.points[0].overlaps, a.points[1].overlaps);
});

test("capacity: the doc example", () => {
  const result = hopfieldCapacity({ N: 200, loads: [0.05, 0.3], trials: 2, seed: 7 });
  assert.deepEqual(result.points.map((p) => p.recallFraction > 0.5), [true, false]);
});

test("hopfieldCapacity: rejects bad options", () => {
  const base = { N: 100, loads: [0.1], trials: 1, seed: 1 };
  assert.throws(() => hopfieldCapacity(undefined as never), { name: "TypeError", message: /^hopfieldCapacity: options must be an options object, got undefined$/ });
  assert.throws(() => hopfieldCapacity({ ...base, N: 1 }), { name: "RangeError", message: /^hopfieldCapacity: options.N must be an integer in \[2, 5000\], got 1$/ });
  assert.throws(() => hopfieldCapacity({ ...base, loads: [] }), { name: "RangeError", message: /^hopfieldCapacity: options.loads must be a non-empty array of loads P\/N, got \[\]$/ });
  assert.throws(() => hopfieldCapacity({ ...base, loads: [0.1, 0] }), { name: "RangeError", message: /^hopfieldCapacity: options.loads\[1\] must be a number in \(0, 2\], got 0$/ });
  assert.throws(() => hopfieldCapacity({ ...base, trials: 1.5 }), { name: "RangeError", message: /^hopfieldCapacity: options.trials must be an integer in \[1, 10000\], got 1.5$/ });
  assert.throws(() => hopfieldCapacity({ ...base, flipFraction: -0.1 }), { name: "RangeError", message: /^hopfieldCapacity: options.flipFraction must be a number in \[0, 1\], got -0.1$/ });
  assert.throws(() => hopfieldCapacity({ ...base, seed: undefined as never }), { name: "TypeError", message: /^hopfieldCapacity: options.seed must be/ });
  assert.throws(() => hopfieldCapacity({ ...base, loads: "0.1" as never }), { name: "TypeError", message: /^hopfieldCapacity: options.loads must be an array of loads P\/N, got "0.1"$/ });
  assert.throws(() => hopfieldCapacity({ ...base, loads: [NaN] }), { name: "RangeError", message: /^hopfieldCapacity: options.loads\[0\] must be a number in \(0, 2\], got NaN$/ });
  assert.throws(() => hopfieldCapacity({ ...base, maxSweeps: 5 } as never), { name: "RangeError", message: /^hopfieldCapacity: options.maxSweeps is not an option/ });
  assert.throws(() => hopfieldCapacity({ ...base, trial: 2 } as never), { name: "RangeError", message: /^hopfieldCapacity: options.trial is not an option \(did you mean trials\?\)/ });
});

test("hopfieldCapacity: refuses work above the budget before starting", () => {
  // Sum over loads of trials x (P + probes x (maxIterations + 1)) x N unit updates:
  // 10000 x (1000 + 20 x 101) x 5000 = 1.51e11 (run, this would take hours: the check is first).
  assert.throws(() => hopfieldCapacity({ N: 5000, loads: [0.2], trials: 10000, seed: 1 }), {
    name: "RangeError",
    message: /^hopfieldCapacity: sum over loads of trials x \(P \+ probes x \(maxIterations \+ 1\)\) x N = 1\.51e\+11 is above the work budget of 2e\+8 steps/,
  });
  assert.throws(() => hopfieldCapacity({ N: 100, loads: [0.1], trials: 1, seed: 1, maxIterations: 1e9 }), { name: "RangeError", message: /above the work budget/ });
});

test("capacityBreakdown: linear interpolation at the first downward crossing, in load order", () => {
  const point = (effectiveLoad: number, recallFraction: number) => ({ effectiveLoad, recallFraction });
  const result = (points: object[]) => ({ points }) as never;
  // Between (0.15, 0.8) and (0.2, 0.2): 0.15 + (0.8 - 0.5) / (0.8 - 0.2) * 0.05 = 0.175.
  assert.ok(Math.abs(capacityBreakdown(result([point(0.1, 1), point(0.15, 0.8), point(0.2, 0.2)]))! - 0.175) < 1e-15);
  // Points are taken in order of load, whatever order they come in; the level is a parameter.
  assert.ok(Math.abs(capacityBreakdown(result([point(0.2, 0.2), point(0.1, 1), point(0.15, 0.8)]), { level: 0.9 })! - 0.125) < 1e-15);
  // A point exactly at the level is not yet below it.
  assert.equal(capacityBreakdown(result([point(0.1, 0.5), point(0.2, 0)])), 0.1);
  // No downward crossing within the loads: undefined.
  assert.equal(capacityBreakdown(result([point(0.1, 1), point(0.2, 0.9)])), undefined);
  assert.equal(capacityBreakdown(result([point(0.1, 0.3), point(0.2, 0.1)])), undefined);
});

test("capacityBreakdown: from a real experiment (N = 400), on the far side of alpha_c", () => {
  // At finite N the breakdown is smoothed and sits above the large-N alpha_c = 0.138 (Amit,
  // Gutfreund & Sompolinsky 1985); the course measures 0.178 / 0.169 / 0.161 / 0.152 at
  // N = 250 / 500 / 1000 / 2000. Loose bounds around that trend.
  const experiment = hopfieldCapacity({ N: 400, loads: [0.08, 0.12, 0.14, 0.16, 0.18, 0.2, 0.24], trials: 2, seed: 5 });
  const breakdown = capacityBreakdown(experiment)!;
  assert.ok(breakdown > HOPFIELD_CRITICAL_LOAD && breakdown < 0.2, `breakdown ${breakdown}`);
  // The recall fraction is at least 1/2 just below it and below 1/2 just above it.
  const below = experiment.points.filter((p) => p.effectiveLoad <= breakdown);
  const above = experiment.points.filter((p) => p.effectiveLoad > breakdown);
  assert.ok(below[below.length - 1].recallFraction >= 0.5 && above[0].recallFraction < 0.5);
});

test("capacityBreakdown checks its input", () => {
  const ok = { points: [{ effectiveLoad: 0.1, recallFraction: 1 }] } as never;
  assert.throws(() => capacityBreakdown(null as never), /^TypeError: capacityBreakdown: result must be a capacity result \(from hopfieldCapacity\) with a points array, got null$/);
  assert.throws(() => capacityBreakdown({ points: [] } as never), /^RangeError: capacityBreakdown: result.points must be a non-empty array of capacity points, got \[\]$/);
  assert.throws(() => capacityBreakdown({ points: [{ effectiveLoad: -0.1, recallFraction: 1 }] } as never), /^RangeError: capacityBreakdown: result.points\[0\].effectiveLoad must be a positive finite number, got -0.1$/);
  assert.throws(() => capacityBreakdown({ points: [{ effectiveLoad: 0.1, recallFraction: 1.5 }] } as never), /^RangeError: capacityBreakdown: result.points\[0\].recallFraction must be a number in \[0, 1\], got 1.5$/);
  assert.throws(() => capacityBreakdown({ points: [{ effectiveLoad: 0.1 }] } as never), /^TypeError: capacityBreakdown: result.points\[0\].recallFraction must be a number in \[0, 1\], got undefined$/);
  assert.throws(() => capacityBreakdown(ok, { level: 1 }), /^RangeError: capacityBreakdown: options.level must be a number in \(0, 1\), got 1$/);
  assert.throws(() => capacityBreakdown(ok, { level: NaN }), /^RangeError: capacityBreakdown: options.level must be a number in \(0, 1\), got NaN$/);
  assert.throws(() => capacityBreakdown(ok, 0.5 as never), /^TypeError: capacityBreakdown: options must be an options object/);
  assert.throws(() => capacityBreakdown(ok, { levl: 0.5 } as never), /^RangeError: capacityBreakdown: options.levl is not an option \(did you mean level\?\)/);
});
