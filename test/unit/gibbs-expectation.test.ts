import { test } from "node:test";
import assert from "node:assert/strict";
import { energyFromFunction } from "../../src/energy/fromFunction";
import { gibbsDensity } from "../../src/gibbs/density";
import { gibbsExpectation, gibbsMean } from "../../src/gibbs/expectation";
import { gibbsCovariance, gibbsVariance } from "../../src/gibbs/variance";

const quadratic = (k: number, centre = 0) => energyFromFunction((x) => (k * (x[0] - centre) ** 2) / 2);
/** A grid of +-14 standard deviations, 20 points per standard deviation. */
const gaussianAxis = (sigma: number, centre = 0) => ({ min: centre - 14 * sigma, max: centre + 14 * sigma, count: 561 });

test("the Gibbs variance of E = k x^2 / 2 is 1 / (beta k) (Gaussian; equipartition)", () => {
  // Reference: exp(-beta k x^2 / 2) is a Gaussian with variance 1 / (beta k). Tolerance 1e-10
  // relative: the rectangle rule on a Gaussian with 20 points per sigma is exact to rounding.
  for (const beta of [0.2, 1, 5, 1e3]) {
    for (const k of [0.5, 2, 9]) {
      const sigma = 1 / Math.sqrt(beta * k);
      const p = gibbsDensity(quadratic(k), { beta, axes: [gaussianAxis(sigma)] });
      const exact = 1 / (beta * k);
      assert.ok(Math.abs(gibbsVariance(p) / exact - 1) < 1e-10, `beta ${beta}, k ${k}: ${gibbsVariance(p)} vs ${exact}`);
      // Equipartition: <E> = <k x^2 / 2> = 1 / (2 beta).
      const meanEnergy = gibbsExpectation(p, (x) => (k * x[0] ** 2) / 2);
      assert.ok(Math.abs(meanEnergy * 2 * beta - 1) < 1e-10);
    }
  }
});

test("mean and variance of a shifted Gaussian; <1> = 1", () => {
  const beta = 2, k = 3, centre = 0.7;
  const sigma = 1 / Math.sqrt(beta * k);
  const p = gibbsDensity(quadratic(k, centre), { beta, axes: [gaussianAxis(sigma, centre)] });
  assert.ok(Math.abs(gibbsMean(p)[0] - centre) < 1e-12);
  assert.ok(Math.abs(gibbsVariance(p) - 1 / (beta * k)) < 1e-12);
  assert.ok(Math.abs(gibbsExpectation(p, () => 1) - 1) < 1e-12);
  // Fourth central moment of a Gaussian: 3 sigma^4.
  const m4 = gibbsExpectation(p, (x) => (x[0] - centre) ** 4);
  assert.ok(Math.abs(m4 / (3 * sigma ** 4) - 1) < 1e-10);
});

test("2D: the covariance of a correlated Gaussian is the inverse of beta H", () => {
  // E = x^T H x / 2 with H = [[2, 1], [1, 3]]: covariance (beta H)^{-1} = [[3, -1], [-1, 2]] / (5 beta).
  const bowl = energyFromFunction((x) => (2 * x[0] ** 2 + 2 * x[0] * x[1] + 3 * x[1] ** 2) / 2, { dimension: 2 });
  const beta = 1.5;
  const axis = { min: -6, max: 6, count: 241 };
  const p = gibbsDensity(bowl, { beta, axes: [axis, axis] });
  const exact = [
    [3 / (5 * beta), -1 / (5 * beta)],
    [-1 / (5 * beta), 2 / (5 * beta)],
  ];
  const c = gibbsCovariance(p);
  for (let i = 0; i < 2; i++) for (let j = 0; j < 2; j++) assert.ok(Math.abs(c[i][j] - exact[i][j]) < 1e-10, `C${i}${j}`);
  assert.equal(c[0][1], c[1][0]);
  const mean = gibbsMean(p);
  assert.ok(Math.abs(mean[0]) < 1e-14 && Math.abs(mean[1]) < 1e-14);
  // f sees [x, y]: <x y> = C_01 for a centred density.
  assert.ok(Math.abs(gibbsExpectation(p, (x) => x[0] * x[1]) - exact[0][1]) < 1e-10);
});

test("the double well: mean 0 by symmetry, variance between the wells' spread and 1", () => {
  const well = energyFromFunction((x) => (x[0] ** 2 - 1) ** 2);
  const p = gibbsDensity(well, { beta: 50, axes: [{ min: -2, max: 2, count: 2001 }] });
  assert.ok(Math.abs(gibbsMean(p)[0]) < 1e-14);
  // As beta grows the density splits onto x = +-1, so Var x -> 1 (Laplace: 1 - 1/(4 beta) + O(1/beta^2)... the
  // leading term is enough here).
  assert.ok(Math.abs(gibbsVariance(p) - 1) < 0.02);
});

test("points with p = 0 are skipped, so f may be infinite there; the density is not mutated", () => {
  const box = energyFromFunction((x) => (Math.abs(x[0]) < 1 ? 0 : Infinity));
  const p = gibbsDensity(box, { beta: 1, axes: [{ min: -2, max: 2, count: 9 }] });
  const before = Float64Array.from(p.density);
  const value = gibbsExpectation(p, (x) => (Math.abs(x[0]) < 1 ? x[0] ** 2 : Infinity));
  // Three points inside (-0.5, 0, 0.5), each with probability 1/3: <x^2> = (0.25 + 0 + 0.25) / 3.
  assert.ok(Math.abs(value - 0.5 / 3) < 1e-15);
  assert.deepEqual(p.density, before);
});

test("validation: every bad input gets a clear error", () => {
  const p = gibbsDensity(quadratic(1), { beta: 1, axes: [{ min: -5, max: 5, count: 11 }] });
  assert.throws(() => gibbsExpectation(p, (x) => (x[0] > 4 ? NaN : 0)), {
    name: "RangeError",
    message: /^gibbsExpectation: f must be a function returning a finite number where p > 0, got NaN at \[5\]$/,
  });
  assert.throws(() => gibbsExpectation(p, "x^2" as never), {
    name: "TypeError",
    message: /^gibbsExpectation: f must be a function, got "x\^2"$/,
  });
  assert.throws(() => gibbsExpectation(p, () => "1" as never), /f must be a function returning a finite number where p > 0, got "1" at \[-5\]/);
  assert.throws(() => gibbsMean({} as never), {
    name: "TypeError",
    message: /^gibbsMean: density must be a GibbsDensity \(from gibbsDensity or temperatureSweep\), got an object$/,
  });
  assert.throws(() => gibbsMean({ ...p, density: new Float64Array(3) }), {
    name: "RangeError",
    message: /^gibbsMean: density\.density must be an array of 11 values \(the grid size\), got Float64Array of length 3$/,
  });
  assert.throws(() => gibbsVariance({ ...p, cellVolume: 0 }), /^RangeError: gibbsVariance: density\.cellVolume must be a positive finite number, got 0$/);
  const p2 = gibbsDensity(energyFromFunction((x) => x[0] ** 2 + x[1] ** 2, { dimension: 2 }), {
    beta: 1,
    axes: [{ min: -1, max: 1, count: 3 }, { min: -1, max: 1, count: 3 }],
  });
  assert.throws(() => gibbsVariance(p2), {
    name: "RangeError",
    message: /^gibbsVariance: density must be a 1D density \(use gibbsCovariance in more dimensions\), got "a 2D density"$/,
  });
  assert.throws(() => gibbsCovariance(null as never), /^TypeError: gibbsCovariance: density must be a GibbsDensity/);
  assert.throws(() => gibbsMean({ ...p, axes: [[0]] }), /^TypeError: gibbsMean: density\.axes must be arrays of at least 2 grid coordinates, got \[\[0\]\]$/);
  assert.throws(() => gibbsMean({ ...p, density: "p" as never }), /^TypeError: gibbsMean: density\.density must be an array of numbers, got "p"$/);
});
