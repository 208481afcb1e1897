import { test } from "node:test";
import assert from "node:assert/strict";
import { histogram } from "../../src/sampling/histogram";
import { binMasses } from "../../src/sampling/binMasses";
import { totalVariation } from "../../src/sampling/totalVariation";
import { klDivergence } from "../../src/sampling/klDivergence";
import { totalVariationDistance } from "../../src/sampling/totalVariationDistance";
import { createRandom } from "../../src/sampling/random";
import { metropolis } from "../../src/sampling/metropolis";
import { gibbsDensity, gibbsMarginal } from "../../src/gibbs";
import { energyFromFunction } from "../../src/energy/fromFunction";

const close = (a: number, b: number, tolerance = 1e-12) => assert.ok(Math.abs(a - b) <= tolerance, `${a} vs ${b}`);

test("binMasses: Simpson's rule is exact for cubics; values at centres use the midpoint rule", () => {
  // q(x) = 4 x^3 on [0, 1] has bin masses b^4 - a^4 exactly (Simpson is exact up to degree 3).
  const h = histogram([0, 1], { bins: 4, range: [0, 1] });
  const masses = binMasses(h, (x) => 4 * x ** 3);
  const exact = [0.25 ** 4, 0.5 ** 4 - 0.25 ** 4, 0.75 ** 4 - 0.5 ** 4, 1 - 0.75 ** 4];
  masses.forEach((m, i) => close(m, exact[i], 1e-15));
  assert.deepEqual(binMasses(h, [1, 2, 3, 4]), [0.25, 0.5, 0.75, 1]);
  // The standard normal density over 10 bins of [0, 1]: the masses add up to Phi(1) - Phi(0) =
  // erf(1 / sqrt 2) / 2 = 0.3413447460685429 (Abramowitz and Stegun, table 26.1). Simpson's error
  // per bin is at most width^5 max|q''''| / (180 * 16^4) = 1e-12 here (max|q''''| = 3 / sqrt(2 pi)).
  const normal = (x: number) => Math.exp((-x * x) / 2) / Math.sqrt(2 * Math.PI);
  const tenths = binMasses(histogram([0, 1], { bins: 10, range: [0, 1] }), normal);
  close(tenths.reduce((a, b) => a + b, 0), 0.3413447460685429, 1e-11);
});

test("totalVariation: a hand-computed case, the outside cell, and normalize", () => {
  // 4 samples, bins [0, .5) and [.5, 1]: p = (3/4, 1/4); uniform q = (1/2, 1/2): TV = 1/4.
  const h = histogram([0.1, 0.2, 0.3, 0.6], { bins: 2, range: [0, 1] });
  close(totalVariation(h, () => 1), 0.25);
  // Two of four samples outside [0, 1]: p = (1/4, 1/4, outside 1/2) vs q = (1/2, 1/2, 0): TV = 1/2.
  const out = histogram([0.1, 0.6, 5, -5], { bins: 2, range: [0, 1] });
  close(totalVariation(out, () => 1), 0.5);
  // normalize drops the outside cell: p = (1/2, 1/2) vs (1/2, 1/2): TV = 0.
  close(totalVariation(out, () => 1, { normalize: true }), 0);
  // An unnormalised reference with normalize: q proportional to (1, 3).
  close(totalVariation(h, [2, 6], { normalize: true }), 0.5);
  // Without normalize the reference is taken as it is: q = (0.25, 0.25), q_out = 0.5.
  close(totalVariation(h, [0.5, 0.5]), 0.5 * (0.5 + 0 + 0.5));
});

test("totalVariation is 0 when the counts follow the reference exactly, at most 1 when disjoint", () => {
  // Counts proportional to the bin masses of q(x) = 2x on [0, 1] with 2 bins: masses 1/4, 3/4.
  const h = histogram([0.1, 0.6, 0.7, 0.8], { bins: 2, range: [0, 1] });
  close(totalVariation(h, (x) => 2 * x), 0, 1e-15);
  const far = histogram([0.1, 0.2], { bins: 2, range: [0, 1] });
  close(totalVariation(far, [0, 2]), 1);
});

test("klDivergence: closed forms, zeros, Infinity, asymmetry", () => {
  // D((1/2, 1/2) || (1/4, 3/4)) = 1/2 ln 2 + 1/2 ln(2/3) = ln(4/3) / 2.
  close(klDivergence([1, 1], [1, 3]), Math.log(4 / 3) / 2, 1e-15);
  // D((1/4, 3/4) || (1/2, 1/2)) = 1/4 ln(1/2) + 3/4 ln(3/2): not the same number.
  close(klDivergence([1, 3], [1, 1]), 0.25 * Math.log(0.5) + 0.75 * Math.log(1.5), 1e-15);
  assert.equal(klDivergence([2, 4, 6], [1, 2, 3]), 0);
  // A zero in p contributes nothing; a zero in q where p > 0 gives Infinity.
  close(klDivergence([0, 1], [1, 1]), Math.log(2), 1e-15);
  assert.equal(klDivergence([1, 1], [1, 0]), Infinity);
  const p = Object.freeze([1, 2]);
  klDivergence(p, [2, 1]);
  assert.deepEqual(p, [1, 2]);
});

test("totalVariationDistance: closed forms, bounds, symmetry, Pinsker", () => {
  // (1/2)(|1/2 - 1/4| + |1/2 - 3/4|) = 1/4; disjoint supports give 1; weights are normalised first.
  close(totalVariationDistance([1, 1], [1, 3]), 0.25, 1e-15);
  assert.equal(totalVariationDistance([1, 0], [0, 5]), 1);
  assert.equal(totalVariationDistance([0.2, 0.8], [20, 80]), 0);
  // TV is the largest difference in probability of one event: here the event {0, 1}.
  close(totalVariationDistance([3, 3, 2, 2], [1, 1, 4, 4]), 0.6 - 0.2, 1e-15);
  // On random distributions: symmetric, in [0, 1], and Pinsker's inequality TV <= sqrt(KL / 2)
  // (Cover & Thomas, Elements of Information Theory, 2nd ed., Lemma 11.6.1).
  const random = createRandom(11);
  for (let trial = 0; trial < 200; trial++) {
    const p = Array.from({ length: 6 }, () => random.next());
    const q = Array.from({ length: 6 }, () => random.next() + 1e-3);
    const tv = totalVariationDistance(p, q);
    assert.equal(tv, totalVariationDistance(q, p));
    assert.ok(tv >= 0 && tv <= 1);
    assert.ok(tv <= Math.sqrt(klDivergence(p, q) / 2) + 1e-12, `Pinsker: ${tv} vs KL ${klDivergence(p, q)}`);
  }
  const frozen = Object.freeze([1, 2]);
  totalVariationDistance(frozen, [2, 1]);
  assert.deepEqual(frozen, [1, 2]);
});

test("distances check their input", () => {
  const h = histogram([0.1, 0.6], { bins: 2, range: [0, 1] });
  assert.throws(() => totalVariation(h, [1]), /^RangeError: totalVariation: density must be 2 values \(one per bin centre\), got \[1\] \(length 1\)$/);
  assert.throws(() => totalVariation(h, () => -1), /^RangeError: totalVariation: density\(0\) must be a non-negative finite density, got -1$/);
  assert.throws(() => totalVariation(h, () => NaN), /^RangeError: totalVariation: density\(0\) must be a non-negative finite density, got NaN$/);
  assert.throws(() => totalVariation(h, "x" as never), /^TypeError: totalVariation: density must be a function of x, an array of values at the bin centres, or a 1D GibbsDensity, got "x"$/);
  assert.throws(() => totalVariation({} as never, [1, 1]), /^TypeError: totalVariation: histogram must be a histogram \(from histogram\(\)\), got an object$/);
  assert.throws(() => totalVariation(h, [1, 1], { normalize: 1 as never }), /^TypeError: totalVariation: options.normalize must be true or false, got 1$/);
  assert.throws(() => binMasses(h, [1, -2]), /^RangeError: binMasses: density\[1\] must be a non-negative finite density, got -2$/);
  assert.throws(() => klDivergence([1, 2], [1]), /^RangeError: klDivergence: q must be an array as long as p \(2\), got \[1\] \(length 1\)$/);
  assert.throws(() => klDivergence([1, -2], [1, 1]), /^RangeError: klDivergence: p\[1\] must be a non-negative finite number, got -2$/);
  assert.throws(() => klDivergence([0, 0], [1, 1]), /^RangeError: klDivergence: p must be weights with a positive sum, got \[0, 0\]$/);
  assert.throws(() => klDivergence([], []), /^RangeError: klDivergence: p must be a non-empty array of non-negative numbers, got \[\]$/);
  assert.throws(() => klDivergence("ab" as never, [1]), /^TypeError: klDivergence: p must be an array of non-negative numbers, got "ab"$/);
  assert.throws(() => totalVariationDistance([1, 2], [1, 2, 3]), /^RangeError: totalVariationDistance: q must be an array as long as p \(2\), got \[1, 2, 3\] \(length 3\)$/);
  assert.throws(() => totalVariationDistance([1, NaN], [1, 1]), /^RangeError: totalVariationDistance: p\[1\] must be a non-negative finite number, got NaN$/);
  assert.throws(() => totalVariationDistance([1, 1], [0, 0]), /^RangeError: totalVariationDistance: q must be weights with a positive sum, got \[0, 0\]$/);
  assert.throws(() => totalVariationDistance([1, 1], null as never), /^TypeError: totalVariationDistance: q must be an array of non-negative numbers, got null$/);
});

test("totalVariation takes a GibbsDensity: equal to the function form to 1e-9, and refuses another beta", () => {
  const well = energyFromFunction((x) => (x[0] ** 2 - 1) ** 2 + 0.5 * x[0], { name: "tilted well" });
  const p = gibbsDensity(well, { beta: 2, axes: [{ min: -3, max: 3, count: 1201 }] });
  const run = metropolis(well, { beta: 2, stepSize: 0.8, chains: 20, steps: 400, seed: 5 });
  const h = histogram(run, { bins: 30, range: [-2.5, 2.5] });
  const byFunction = totalVariation(h, (x) => Math.exp(-p.beta * well.value([x]) - p.logZ));
  assert.ok(Math.abs(totalVariation(h, p) - byFunction) < 1e-9);
  assert.ok(Math.abs(totalVariation(h, p, { normalize: true }) - totalVariation(h, (x) => Math.exp(-2 * well.value([x])), { normalize: true })) < 1e-9);
  // binMasses too, and the masses of the density integrate to about 1 over a wide range.
  const wide = histogram([0], { bins: 60, range: [-3, 3], beta: 2 });
  assert.ok(Math.abs(binMasses(wide, p).reduce((a, b) => a + b, 0) - 1) < 1e-9);
  const other = gibbsDensity(well, { beta: 4, axes: [{ min: -3, max: 3, count: 1201 }] });
  assert.throws(() => totalVariation(h, other), {
    name: "RangeError",
    message: "totalVariation: the histogram was sampled at beta = 2 but the density has beta = 4; compare it with the density at the same beta",
  });
  const double = gibbsDensity(energyFromFunction((x) => (x[0] ** 2 - 1) ** 2, { name: "double well" }), { beta: 2, axes: [{ min: -3, max: 3, count: 61 }] });
  assert.throws(() => totalVariation(h, double), /^RangeError: totalVariation: the histogram comes from energy "tilted well" but the density is of "double well"$/);
  assert.throws(() => totalVariation(h, p, { normalise: true } as never), /^RangeError: totalVariation: options.normalise is not an option \(did you mean normalize\?\)/);
});

test("totalVariation with a marginal (no energy): the linear interpolant of the grid density, accurate to O(dx^2)", () => {
  const bowl = energyFromFunction((q) => q[0] ** 2 / 2 + q[1] ** 2, { dimension: 2, name: "bowl" });
  const axis = { min: -6, max: 6, count: 601 };
  const px = gibbsMarginal(gibbsDensity(bowl, { beta: 1, axes: [axis, axis] }), 0);
  assert.equal(px.energyName, "bowl");
  const h = histogram([0.1, -0.3, 0.7, 1.2], { bins: 24, range: [-3, 3], beta: 1, energyName: "bowl" });
  const normal = (x: number) => Math.exp(-x * x / 2) / Math.sqrt(2 * Math.PI);
  assert.ok(Math.abs(totalVariation(h, px) - totalVariation(h, normal)) < 1e-4);
  const masses = binMasses(h, px);
  const exact = binMasses(h, normal);
  for (let i = 0; i < masses.length; i++) assert.ok(Math.abs(masses[i] - exact[i]) < 1e-4, `bin ${i}`);
});
