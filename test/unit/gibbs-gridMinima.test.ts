import { test } from "node:test";
import assert from "node:assert/strict";
import { gibbsDensity, gibbsMarginal, gridMinima, halfPeakWidth, laplaceLogPartition, laplaceWeights, logPartition, massNear, zeroTemperatureShares } from "../../src/gibbs";
import { energyFromFunction } from "../../src/energy/fromFunction";

const doubleWell = () =>
  energyFromFunction((x) => (x[0] ** 2 - 1) ** 2, { name: "double well", gradient: (x, _w, g) => { g[0] = 4 * x[0] * (x[0] ** 2 - 1); } });
// Two equally deep parabolic wells: E'' = 8 at -1 and 24 at 1 (Laplace: shares 1/sqrt 8 : 1/sqrt 24).
const twoValleys = () => energyFromFunction((x) => Math.min(4 * (x[0] + 1) ** 2, 12 * (x[0] - 1) ** 2), { name: "two valleys" });

test("gridMinima of (x^2 - 1)^2: both wells at -1 and 1, curvature E'' = 12 x^2 - 4 = 8 from the Hessian", () => {
  const p = gibbsDensity(doubleWell(), { beta: 4, axes: [{ min: -2, max: 2, count: 401 }] });
  const minima = gridMinima(p);
  assert.deepEqual(minima.map((m) => m.x), [[-1], [1]]);
  assert.deepEqual(minima.map((m) => m.index), [100, 300]);
  for (const m of minima) {
    assert.ok(Math.abs(m.curvature - 8) < 1e-6, `${m.curvature}`);
    assert.ok(Math.abs(m.energy) < 1e-7, "the parabola through the neighbours of a quartic well is off by about 1e-8");
  }
  // all: every discrete local minimum (here the same two); the maximum at 0 is not one.
  assert.equal(gridMinima(p, { all: true }).length, 2);
});

test("gridMinima: a flat run is one minimum at its middle; a near tie needs a wider tolerance; the edge has no curvature", () => {
  const flat = { beta: 1, energyName: "flat", axes: [[0, 1, 2, 3, 4, 5, 6]], density: new Float64Array(7).fill(1 / 6), logDensity: new Float64Array(7), energies: Float64Array.of(3, 2, 1, 1, 1, 2, 3), logZ: 0, cellVolume: 1 };
  assert.deepEqual(gridMinima(flat).map((m) => m.x[0]), [3]);
  const edge = { ...flat, energies: Float64Array.of(0, 1, 2, 3, 2, 1, 0.5) };
  const [m] = gridMinima(edge);
  assert.deepEqual([m.x[0], Number.isNaN(m.curvature)], [0, true]);
  const tilted = energyFromFunction((x) => (x[0] ** 2 - 1) ** 2 + 0.001 * x[0], { name: "tilted" });
  const p = gibbsDensity(tilted, { beta: 1, axes: [{ min: -2, max: 2, count: 401 }] });
  assert.equal(gridMinima(p).length, 1, "0.002 apart is more than 1e-4 of the range 9");
  assert.equal(gridMinima(p, { tieTolerance: 0.01 }).length, 2);
});

test("gridMinima 2D: four tied wells, each with det H = 64; a marginal has no energy, so no curvature", () => {
  const wells = energyFromFunction((p) => (p[0] ** 2 - 1) ** 2 + (p[1] ** 2 - 1) ** 2, { dimension: 2, name: "four wells" });
  const axis = { min: -2, max: 2, count: 41 };
  const p = gibbsDensity(wells, { beta: 2, axes: [axis, axis] });
  const minima = gridMinima(p);
  assert.deepEqual(minima.map((m) => m.x), [[-1, -1], [1, -1], [-1, 1], [1, 1]]);
  for (const m of minima) assert.ok(Math.abs(m.curvature - 64) < 1e-5, `${m.curvature}`);
  const marginal = gibbsMarginal(p, 0);
  assert.deepEqual(gridMinima(marginal).map((m) => [m.x[0], Number.isNaN(m.curvature)]), [[-1, true], [1, true]]);
});

test("gridMinima errors name gridMinima", () => {
  const p = gibbsDensity(doubleWell(), { beta: 4, axes: [{ min: -2, max: 2, count: 41 }] });
  assert.throws(() => gridMinima({} as never), /^TypeError: gridMinima: density must be a GibbsDensity/);
  assert.throws(() => gridMinima(p, { tieTolerance: -1 }), /^RangeError: gridMinima: options.tieTolerance must be a non-negative finite number, got -1$/);
  assert.throws(() => gridMinima(p, { tolerance: 1 } as never), /^RangeError: gridMinima: options.tolerance is not an option/);
  assert.throws(() => gridMinima({ ...p, energies: new Float64Array(3) }), /^RangeError: gridMinima: density.energies must be an array of 41 values \(the grid size\)/);
});

test("laplaceWeights: a symmetric double well splits 1/2 : 1/2; curvatures 8 and 24 split sqrt(24/8) : 1", () => {
  assert.deepEqual(laplaceWeights(doubleWell(), [[-1], [1]], { beta: 10 }).map((w) => Math.round(w * 1e9) / 1e9), [0.5, 0.5]);
  const [a, b] = laplaceWeights(twoValleys(), [{ x: [-1] }, { x: [1] }], { beta: 100 });
  assert.ok(Math.abs(a / b - Math.sqrt(24 / 8)) < 1e-5, `${a / b}`);
  assert.ok(Math.abs(a + b - 1) < 1e-15);
  // A deeper well wins as beta grows: weights exp(-beta dE) apart.
  const tilted = energyFromFunction((x) => Math.min((x[0] + 1) ** 2, (x[0] - 1) ** 2 + 0.1), { name: "tilted" });
  const [deep, shallow] = laplaceWeights(tilted, [[-1], [1]], { beta: 20 });
  assert.ok(Math.abs(shallow / deep - Math.exp(-2)) < 1e-6);
});

test("zeroTemperatureShares: tied minima by det(H)^(-1/2); a higher minimum gets 0", () => {
  const shares = zeroTemperatureShares(twoValleys(), [[-1], [1]]);
  assert.ok(Math.abs(shares[0] / shares[1] - Math.sqrt(3)) < 1e-5);
  const tilted = energyFromFunction((x) => Math.min(4 * (x[0] + 1) ** 2, 12 * (x[0] - 1) ** 2 + 1e-3), { name: "tilted" });
  assert.deepEqual(zeroTemperatureShares(tilted, [[-1], [1]]), [1, 0]);
  const both = zeroTemperatureShares(tilted, [[-1], [1]], { tieTolerance: 0.01 });
  assert.ok(Math.abs(both[0] - Math.sqrt(3) / (1 + Math.sqrt(3))) < 1e-5);
});

test("Laplace's log Z agrees with the grid's as beta grows (03-math's two valleys)", () => {
  const E = twoValleys();
  for (const beta of [10, 100, 1000]) {
    const grid = logPartition(E, { beta, axes: [{ min: -3, max: 3, count: 60001 }] });
    const laplace = laplaceLogPartition(E, [[-1], [1]], { beta });
    // Exact for these piecewise quadratic wells, up to the mass across the kink and the grid.
    assert.ok(Math.abs(grid - laplace) < 2 / beta, `beta ${beta}: ${grid} vs ${laplace}`);
  }
  // And the mass in the flat valley tends to its zero-temperature share.
  const cold = gibbsDensity(E, { beta: 1000, axes: [{ min: -3, max: 3, count: 60001 }] });
  assert.ok(Math.abs(massNear(cold, [-1], 1) - zeroTemperatureShares(E, [[-1], [1]])[0]) < 1e-3);
});

test("Laplace functions refuse what is not a strict minimum, and bad input, naming themselves", () => {
  assert.throws(() => laplaceWeights(doubleWell(), [[0]], { beta: 1 }), /^RangeError: laplaceWeights: minima\[0\] must be a strict minimum \(a positive definite Hessian\), got \[0\] \(det H = -3\.99999/);
  assert.throws(() => laplaceWeights(doubleWell(), [], { beta: 1 }), /^TypeError: laplaceWeights: minima must be a non-empty array/);
  assert.throws(() => laplaceWeights(doubleWell(), [[1, 2]], { beta: 1 }), /^RangeError: laplaceWeights: minima\[0\] must be a point of dimension 1/);
  assert.throws(() => laplaceWeights(doubleWell(), [[NaN]], { beta: 1 }), /^RangeError: laplaceWeights: minima\[0\]\[0\] must be a finite number, got NaN$/);
  assert.throws(() => laplaceLogPartition(doubleWell(), [[1]], { beta: -1 }), /^RangeError: laplaceLogPartition: options.beta must be a positive finite number, got -1$/);
  assert.throws(() => laplaceLogPartition(doubleWell(), [[1]], { beta: 1, betas: 2 } as never), /^RangeError: laplaceLogPartition: options.betas is not an option/);
  assert.throws(() => zeroTemperatureShares("well" as never, [[1]]), /^TypeError: zeroTemperatureShares: energy must be an Energy/);
  assert.ok(Math.abs(laplaceWeights(doubleWell(), [[1]], { beta: 1e9 })[0] - 1) < 1e-15, "huge beta stays finite");
});

test("halfPeakWidth: the full width at half maximum of a Gaussian, 2 sqrt(2 ln 2 / (beta k)); refuses 2D", () => {
  const spring = energyFromFunction((x) => 2 * x[0] ** 2, { name: "spring" }); // k = 4
  for (const beta of [0.5, 2, 8]) {
    const p = gibbsDensity(spring, { beta, axes: [{ min: -6, max: 6, count: 12001 }] });
    const exact = 2 * Math.sqrt((2 * Math.LN2) / (4 * beta));
    assert.ok(Math.abs(halfPeakWidth(p) - exact) <= 2e-3, `${halfPeakWidth(p)} vs ${exact}`);
  }
  const bowl = energyFromFunction((p) => p[0] ** 2 + p[1] ** 2, { dimension: 2 });
  const axis = { min: -1, max: 1, count: 5 };
  assert.throws(() => halfPeakWidth(gibbsDensity(bowl, { beta: 1, axes: [axis, axis] })), /^RangeError: halfPeakWidth: density must be a 1D density, got "a 2D density"$/);
});
