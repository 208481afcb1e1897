import { test } from "node:test";
import assert from "node:assert/strict";
import { energyFromFunction } from "../../src/energy/fromFunction";
import { gibbsDensity } from "../../src/gibbs/density";
import { gibbsMarginal } from "../../src/gibbs/marginal";
import type { GibbsDensity } from "../../src/types";

/** The normal density with mean 0 and variance v. */
const normal = (x: number, v: number) => Math.exp(-(x * x) / (2 * v)) / Math.sqrt(2 * Math.PI * v);

/** The largest |a_i - b_i|. */
function maxDifference(a: ArrayLike<number>, b: ArrayLike<number>): number {
  assert.equal(a.length, b.length);
  let worst = 0;
  for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i] - b[i]));
  return worst;
}

const sum = (values: ArrayLike<number>) => Array.from(values).reduce((s, v) => s + v, 0);

test("separable Gaussian: each marginal is the 1D Gaussian, and equals the 1D Gibbs density", () => {
  // E = x^2/2 + 2 y^2 at beta = 1.5: x ~ N(0, 1/beta), y ~ N(0, 1/(4 beta)), independent.
  // Two grids of different sizes catch a mix-up of the row-major index i + nx * j.
  const beta = 1.5;
  const bowl = energyFromFunction((p) => p[0] ** 2 / 2 + 2 * p[1] ** 2, { dimension: 2 });
  const xAxis = { min: -8, max: 8, count: 161 };
  const yAxis = { min: -5, max: 5, count: 201 };
  const joint = gibbsDensity(bowl, { beta, axes: [xAxis, yAxis] });
  const px = gibbsMarginal(joint, 0);
  const py = gibbsMarginal(joint, 1);
  assert.deepEqual(px.axes, [joint.axes[0]]);
  assert.deepEqual(py.axes, [joint.axes[1]]);
  // The rectangle rule is spectrally accurate for a Gaussian on a wide grid (dx = 0.1, dy = 0.05):
  // the only error left is rounding.
  assert.ok(maxDifference(px.density, px.axes[0].map((x) => normal(x, 1 / beta))) < 1e-13);
  assert.ok(maxDifference(py.density, py.axes[0].map((y) => normal(y, 1 / (4 * beta)))) < 1e-13);
  // The same numbers as the 1D Gibbs density of the x part alone.
  const alone = gibbsDensity(energyFromFunction((x) => x[0] ** 2 / 2), { beta, axes: [xAxis] });
  assert.ok(maxDifference(px.density, alone.density) < 1e-13);
  assert.ok(maxDifference(px.logDensity, alone.logDensity) < 1e-11);
  assert.equal(px.cellVolume, alone.cellVolume);
  assert.equal(px.beta, beta);
});

test("beta, logZ and the free energy: p(x) = exp(-beta F(x)) / Z with the joint Z", () => {
  // F(x) = x^2/2 - (1/beta) log Z_y with Z_y = integral exp(-2 beta y^2) dy = sqrt(pi / (2 beta)).
  const beta = 2;
  const bowl = energyFromFunction((p) => p[0] ** 2 / 2 + 2 * p[1] ** 2, { dimension: 2 });
  const joint = gibbsDensity(bowl, { beta, axes: [{ min: -6, max: 6, count: 121 }, { min: -4, max: 4, count: 161 }] });
  const px = gibbsMarginal(joint, 0);
  assert.equal(px.logZ, joint.logZ);
  const logZy = 0.5 * Math.log(Math.PI / (2 * beta));
  assert.ok(maxDifference(px.energies, px.axes[0].map((x) => x * x / 2 - logZy / beta)) < 1e-12);
  // The Gibbs relation holds point by point.
  assert.ok(maxDifference(px.logDensity, Array.from(px.energies, (f) => -beta * f - px.logZ)) < 1e-12);
  // log Z of the joint: log(Z_x Z_y) = log sqrt(2 pi / beta) + log Z_y.
  assert.ok(Math.abs(joint.logZ - (0.5 * Math.log((2 * Math.PI) / beta) + logZy)) < 1e-12);
});

test("correlated Gaussian: the marginal of a bivariate normal with rho = 0.6 is the standard normal", () => {
  // E = (x^2 - 2 rho x y + y^2) / (2 (1 - rho^2)) at beta = 1 is N(0, [[1, rho], [rho, 1]]);
  // both marginals are N(0, 1) whatever rho (a textbook property of the bivariate normal).
  const rho = 0.6;
  const gauss = energyFromFunction((p) => (p[0] ** 2 - 2 * rho * p[0] * p[1] + p[1] ** 2) / (2 * (1 - rho * rho)), { dimension: 2 });
  const axis = { min: -9, max: 9, count: 181 };
  const joint = gibbsDensity(gauss, { beta: 1, axes: [axis, axis] });
  for (const which of [0, 1] as const) {
    const p = gibbsMarginal(joint, which);
    assert.ok(maxDifference(p.density, p.axes[0].map((x) => normal(x, 1))) < 1e-12, `axis ${which}`);
  }
});

test("sums to one on a non-separable landscape, for either axis", () => {
  // Two coupled wells: the marginal is no closed form, but sum_i p_i dx = sum_ij p_ij dx dy = 1.
  const wells = energyFromFunction((p) => (p[0] ** 2 - 1) ** 2 + (p[1] ** 2 - 1) ** 2 - 0.5 * p[0] * p[1] + 0.2 * p[0], { dimension: 2 });
  const joint = gibbsDensity(wells, { beta: 3, axes: [{ min: -2, max: 2, count: 81 }, { min: -2.5, max: 2.5, count: 51 }] });
  for (const which of [0, 1] as const) {
    const p = gibbsMarginal(joint, which);
    assert.ok(Math.abs(sum(p.density) * p.cellVolume - 1) < 1e-12, `axis ${which}`);
    // The marginal at x_i is the column sum of the joint times dy (or the row sum times dx).
    const [xs, ys] = joint.axes;
    const i = 17;
    let direct = 0;
    if (which === 0) for (let j = 0; j < ys.length; j++) direct += joint.density[i + xs.length * j] * (ys[1] - ys[0]);
    else for (let k = 0; k < xs.length; k++) direct += joint.density[k + xs.length * i] * (xs[1] - xs[0]);
    assert.ok(Math.abs(p.density[i] - direct) < 1e-12 * Math.max(1, direct));
  }
});

test("log space: a cold density whose tails underflow to 0 keeps finite log marginals", () => {
  // E = (x^2 + y^2)/2 at beta = 400 on [-3, 3]^2: at x = 3, log p(x) = log sqrt(beta / 2 pi) - 1800,
  // far below the smallest double (exp underflows at about -745), so density is 0 there.
  const beta = 400;
  const bowl = energyFromFunction((p) => (p[0] ** 2 + p[1] ** 2) / 2, { dimension: 2 });
  const axis = { min: -3, max: 3, count: 601 };
  const joint = gibbsDensity(bowl, { beta, axes: [axis, axis] });
  assert.equal(joint.density[0], 0);
  const px = gibbsMarginal(joint, 0);
  const exact = 0.5 * Math.log(beta / (2 * Math.PI)) - (beta * 9) / 2;
  assert.equal(px.density[0], 0);
  assert.ok(Math.abs(px.logDensity[0] - exact) < 1e-9 * Math.abs(exact));
  assert.ok(Math.abs(sum(px.density) * px.cellVolume - 1) < 1e-12);
});

test("a column with p = 0 everywhere gives p = 0 and F = +Infinity", () => {
  // A hard wall: E = +Infinity for x < 0.
  const wall = energyFromFunction((p) => (p[0] < 0 ? Infinity : p[0] + p[1] ** 2), { dimension: 2 });
  const joint = gibbsDensity(wall, { beta: 1, axes: [{ min: -1, max: 3, count: 41 }, { min: -3, max: 3, count: 61 }] });
  const px = gibbsMarginal(joint, 0);
  assert.equal(px.density[0], 0);
  assert.equal(px.logDensity[0], -Infinity);
  assert.equal(px.energies[0], Infinity);
  assert.ok(px.density[20] > 0 && Number.isFinite(px.energies[20]));
});

test("the input is not changed", () => {
  const bowl = energyFromFunction((p) => p[0] ** 2 + p[1] ** 2, { dimension: 2 });
  const joint = gibbsDensity(bowl, { beta: 1, axes: [{ min: -2, max: 2, count: 11 }, { min: -2, max: 2, count: 9 }] });
  const copy = { density: Float64Array.from(joint.density), logDensity: Float64Array.from(joint.logDensity), axes: joint.axes.map((a) => a.slice()) };
  const frozen = Object.freeze({ ...joint, axes: Object.freeze(joint.axes.map((a) => Object.freeze(a.slice()))) }) as GibbsDensity;
  const p = gibbsMarginal(frozen, 1);
  assert.deepEqual(joint.density, copy.density);
  assert.deepEqual(joint.logDensity, copy.logDensity);
  assert.deepEqual(joint.axes, copy.axes);
  assert.notEqual(p.axes[0], frozen.axes[1], "the kept axis is a copy");
});

test("validation: every bad input gets a clear error", () => {
  const line = gibbsDensity(energyFromFunction((x) => x[0] ** 2), { beta: 1, axes: [{ min: -2, max: 2, count: 11 }] });
  const bowl = energyFromFunction((p) => p[0] ** 2 + p[1] ** 2, { dimension: 2 });
  const joint = gibbsDensity(bowl, { beta: 1, axes: [{ min: -2, max: 2, count: 11 }, { min: -2, max: 2, count: 11 }] });
  assert.throws(() => gibbsMarginal(line, 0), {
    name: "RangeError",
    message: 'gibbsMarginal: density must be a 2D density (a marginal keeps one of two axes), got "a 1D density"',
  });
  assert.throws(() => gibbsMarginal(joint, 2 as never), { name: "RangeError", message: "gibbsMarginal: axis must be 0 (keep x) or 1 (keep y), got 2" });
  assert.throws(() => gibbsMarginal(joint, "x" as never), { name: "TypeError", message: 'gibbsMarginal: axis must be 0 (keep x) or 1 (keep y), got "x"' });
  assert.throws(() => gibbsMarginal(undefined as never, 0), /^TypeError: gibbsMarginal: density must be a GibbsDensity \(from gibbsDensity or temperatureSweep\), got undefined$/);
  const badLog = Float64Array.from(joint.logDensity);
  badLog[5] = NaN;
  assert.throws(() => gibbsMarginal({ ...joint, logDensity: badLog }, 0), {
    name: "RangeError",
    message: "gibbsMarginal: density.logDensity[5] must be a number or -Infinity (log 0), got NaN",
  });
  assert.throws(() => gibbsMarginal({ ...joint, logDensity: new Float64Array(3) }, 0), /^RangeError: gibbsMarginal: density.logDensity must be an array of 121 values \(the grid size\), got Float64Array of length 3$/);
  assert.throws(() => gibbsMarginal({ ...joint, beta: 0 }, 0), /^RangeError: gibbsMarginal: density.beta must be a positive finite number, got 0$/);
  assert.throws(() => gibbsMarginal({ ...joint, logZ: NaN }, 0), /^RangeError: gibbsMarginal: density.logZ must be a finite number, got NaN$/);
});
