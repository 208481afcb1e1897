import { test } from "node:test";
import assert from "node:assert/strict";
import { energyFromFunction } from "../../src/energy/fromFunction";
import { gibbsDensity } from "../../src/gibbs/density";
import { massNear } from "../../src/gibbs/mass";

const doubleWell = energyFromFunction((x) => (x[0] ** 2 - 1) ** 2);
const twoWell2D = energyFromFunction((x) => (x[0] ** 2 - 1) ** 2 + x[1] ** 2, { dimension: 2 });

const total = (p: { density: Float64Array; cellVolume: number }) => p.density.reduce((s, v) => s + v, 0) * p.cellVolume;

test("probabilities sum to 1 (times the cell volume) in 1D and 2D, at every temperature", () => {
  for (const beta of [0.01, 0.5, 1, 16, 300]) {
    const p1 = gibbsDensity(doubleWell, { beta, axes: [{ min: -2.5, max: 2.5, count: 1001 }] });
    assert.ok(Math.abs(total(p1) - 1) < 1e-12, `1D, beta ${beta}: ${total(p1)}`);
    const p2 = gibbsDensity(twoWell2D, { beta, axes: [{ min: -2, max: 2, count: 121 }, { min: -3, max: 3, count: 91 }] });
    assert.ok(Math.abs(total(p2) - 1) < 1e-12, `2D, beta ${beta}: ${total(p2)}`);
    assert.equal(p2.density.length, 121 * 91);
    assert.ok(Math.abs(p2.cellVolume - (4 / 120) * (6 / 90)) < 1e-17);
  }
});

test("the density is exp(-beta E) / Z: ratios of p follow energy differences, logDensity = log p", () => {
  const beta = 3;
  const p = gibbsDensity(doubleWell, { beta, axes: [{ min: -2, max: 2, count: 401 }] });
  for (const [i, j] of [[0, 200], [100, 300], [57, 343], [150, 10]]) {
    // Boltzmann ratio p_i / p_j = exp(-beta (E_i - E_j)).
    const ratio = p.density[i] / p.density[j];
    const exact = Math.exp(-beta * (p.energies[i] - p.energies[j]));
    assert.ok(Math.abs(ratio / exact - 1) < 1e-12);
  }
  for (let i = 0; i < p.density.length; i++) {
    assert.ok(Math.abs(p.logDensity[i] - (-beta * p.energies[i] - p.logZ)) < 1e-12);
    assert.ok(Math.abs(Math.log(p.density[i]) - p.logDensity[i]) < 1e-12);
  }
  assert.equal(p.beta, beta);
  assert.equal(p.energies[200], 1); // E(0) = 1 and the grid point is exactly 0
  assert.deepEqual(p.axes[0].slice(0, 3), [-2, -1.99, -1.98]);
});

test("2D layout: the value at (x_i, y_j) is at index i + nx * j", () => {
  // A tilted plane E = x + 10 y makes the layout visible: neighbours along x differ by beta dx, along y by 10 beta dy.
  const plane = energyFromFunction((x) => x[0] + 10 * x[1], { dimension: 2 });
  const p = gibbsDensity(plane, { beta: 1, axes: [{ min: 0, max: 1, count: 5 }, { min: 0, max: 1, count: 3 }] });
  const nx = 5;
  for (let j = 0; j < 3; j++) {
    for (let i = 0; i < 5; i++) assert.ok(Math.abs(p.energies[i + nx * j] - (p.axes[0][i] + 10 * p.axes[1][j])) < 1e-15);
  }
});

test("at beta = 1e4 the density is finite, sums to 1, and sits at the two minima", () => {
  // Zero-temperature limit: p tends to (delta_{-1} + delta_{+1}) / 2. The wells have width
  // sigma = 1 / sqrt(8 beta) = 0.0035, resolved by the spacing 1e-4.
  const p = gibbsDensity(doubleWell, { beta: 1e4, axes: [{ min: -2, max: 2, count: 40001 }] });
  assert.ok(p.density.every(Number.isFinite));
  assert.ok(p.logDensity.every((v) => !Number.isNaN(v) && v < Infinity));
  assert.ok(Number.isFinite(p.logZ));
  assert.ok(Math.abs(total(p) - 1) < 1e-12);
  // The peak density of each Gaussian well is (1/2) / (sigma sqrt(2 pi)) = 56.4 (Laplace, to O(1/beta)).
  const peak = 0.5 * Math.sqrt((8 * 1e4) / (2 * Math.PI));
  assert.ok(Math.abs(p.density[10000] / peak - 1) < 1e-3, `${p.density[10000]} vs ${peak}`);
  // 10 standard deviations hold all of it; the two wells are exact mirror images on a symmetric grid.
  const left = massNear(p, [-1], 0.05), right = massNear(p, [1], 0.05);
  assert.ok(Math.abs(left - 0.5) < 1e-12 && Math.abs(right - 0.5) < 1e-12, `${left}, ${right}`);
  assert.equal(p.density[20000], 0); // exp(-1e4) underflows at the barrier top: exactly 0, no NaN
  assert.equal(p.logDensity[20000], -1e4 - p.logZ);
});

test("E = +Infinity is a hard wall: probability 0 there, and the rest still sums to 1", () => {
  const box = energyFromFunction((x) => (Math.abs(x[0]) <= 1 ? 0 : Infinity));
  const p = gibbsDensity(box, { beta: 1, axes: [{ min: -2, max: 2, count: 41 }] });
  // Uniform on the 21 grid points with |x| <= 1: p = 1 / (21 dx).
  for (let i = 0; i < 41; i++) {
    const inside = Math.abs(p.axes[0][i]) <= 1;
    assert.ok(inside ? Math.abs(p.density[i] - 1 / (21 * 0.1)) < 1e-12 : p.density[i] === 0);
    if (!inside) assert.equal(p.logDensity[i], -Infinity);
  }
  assert.ok(Math.abs(total(p) - 1) < 1e-12);
});

test("inputs are not mutated and the same call gives identical numbers", () => {
  const axes = Object.freeze([Object.freeze({ min: -2, max: 2, count: 21 }), Object.freeze({ min: -1, max: 1, count: 11 })]);
  const options = Object.freeze({ beta: 2, axes });
  const a = gibbsDensity(twoWell2D, options);
  assert.deepEqual(gibbsDensity(twoWell2D, options), a);
  assert.deepEqual(axes, [{ min: -2, max: 2, count: 21 }, { min: -1, max: 1, count: 11 }]);
});

test("validation: every bad input gets a clear error", () => {
  const axes = [{ min: -2, max: 2, count: 11 }];
  for (const beta of [0, -1, NaN, Infinity, -Infinity]) {
    assert.throws(() => gibbsDensity(doubleWell, { beta, axes }), {
      name: "RangeError",
      message: new RegExp(`^gibbsDensity: options\\.beta must be a positive finite number, got ${beta}$`),
    });
  }
  assert.throws(() => gibbsDensity(doubleWell, { beta: "1" as never, axes }), {
    name: "TypeError",
    message: /^gibbsDensity: options\.beta must be a positive finite number, got "1"$/,
  });
  assert.throws(() => gibbsDensity(doubleWell, { beta: 1, axes: [{ min: 2, max: -2, count: 11 }] }), {
    name: "RangeError",
    message: /^gibbsDensity: options\.axes\[0\]\.max must be greater than options\.axes\[0\]\.min = 2 \(an empty or reversed axis\), got -2$/,
  });
  assert.throws(() => gibbsDensity(doubleWell, { beta: 1, axes: [{ min: 0, max: 0, count: 11 }] }), /an empty or reversed axis/);
  assert.throws(() => gibbsDensity(doubleWell, { beta: 1, axes: [{ min: 0, max: 1, count: 0 }] }), /options\.axes\[0\]\.count must be an integer >= 2, got 0/);
  assert.throws(() => gibbsDensity(doubleWell, { beta: 1, axes: [null] as never }), {
    name: "TypeError",
    message: /^gibbsDensity: options\.axes\[0\] must be an axis \{min, max, count\}, got null$/,
  });
  assert.throws(() => gibbsDensity(twoWell2D, { beta: 1, axes: [{ min: 0, max: 1, count: 20000 }, { min: 0, max: 1, count: 20000 }] }), {
    name: "RangeError",
    message: /^gibbsDensity: options\.axes must describe at most 20000000 grid points, got 400000000 \(20000 x 20000\)$/,
  });
  assert.throws(() => gibbsDensity(doubleWell, { beta: 1, axes: [{ min: -1e308, max: 1e308, count: 3 }] }), /options\.axes\[0\] must be an axis whose width max - min is finite/);
  const holey = energyFromFunction((x) => (x[0] > 0.5 ? NaN : x[0] ** 2));
  assert.throws(() => gibbsDensity(holey, { beta: 1, axes: [{ min: 0, max: 1, count: 5 }] }), {
    name: "RangeError",
    message: /^gibbsDensity: energy must be a number or \+Infinity at every grid point, got NaN at \[0\.75\]$/,
  });
  const pit = energyFromFunction((x) => (x[0] === 0 ? -Infinity : 0));
  assert.throws(() => gibbsDensity(pit, { beta: 1, axes }), /energy must be a number or \+Infinity at every grid point, got -Infinity at \[0\]/);
  const abyss = energyFromFunction(() => -1e306);
  assert.throws(() => gibbsDensity(abyss, { beta: 1e4, axes }), {
    name: "RangeError",
    message: /^gibbsDensity: beta \* E must be finite at every grid point, got -Infinity at \[-2\] \(E = -1e\+306, beta = 10000\)$/,
  });
  assert.throws(() => gibbsDensity({ value: () => 0 } as never, { beta: 1, axes }), {
    name: "TypeError",
    message: /^gibbsDensity: energy must be an Energy \(from energyFromFormula, energyFromFunction or a landscape such as doubleWell\(\)\), got an object$/,
  });
  assert.throws(() => gibbsDensity(doubleWell, undefined as never), /options\.beta must be a positive finite number, got undefined/);
});
