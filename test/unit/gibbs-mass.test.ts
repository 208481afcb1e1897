import { test } from "node:test";
import assert from "node:assert/strict";
import { energyFromFunction } from "../../src/energy/fromFunction";
import { gibbsDensity } from "../../src/gibbs/density";
import { gibbsMode, massNear } from "../../src/gibbs/mass";

test("massNear: the whole grid holds mass 1; a Gaussian holds erf(r / (sigma sqrt 2)) within r", () => {
  const bowl = energyFromFunction((x) => x[0] ** 2 / 2);
  const p = gibbsDensity(bowl, { beta: 1, axes: [{ min: -10, max: 10, count: 20001 }] });
  assert.ok(Math.abs(massNear(p, [0], 100) - 1) < 1e-12);
  // P(|x| <= 1) for a standard normal: erf(1/sqrt 2) = 0.682689492137086 (Abramowitz & Stegun 26.2).
  // Each grid point stands for its whole cell, so the edge cells make an error of order p(1) dx = 2.4e-4.
  assert.ok(Math.abs(massNear(p, [0], 1) - 0.682689492137086) < 3e-4);
  assert.equal(massNear(p, [0], 0), p.density[10000] * p.cellVolume);
});

test("massNear in 2D counts the disc; gibbsMode finds the lowest grid point", () => {
  // Four wells at (+-1, +-1), one made deeper by a tilt toward (1, 1).
  const wells = energyFromFunction((x) => (x[0] ** 2 - 1) ** 2 + (x[1] ** 2 - 1) ** 2 - 0.1 * (x[0] + x[1]), { dimension: 2 });
  const axis = { min: -2, max: 2, count: 201 };
  const cold = gibbsDensity(wells, { beta: 200, axes: [axis, axis] });
  assert.ok(massNear(cold, [1, 1], 0.5) > 1 - 1e-12);
  const mode = gibbsMode(cold);
  // Minimum of (x^2 - 1)^2 - 0.1 x: root of 4x^3 - 4x - 0.1 near 1, x = 1.01229 (Newton); nearest grid point 1.02... or 1.00.
  const grid = cold.axes[0];
  let best = 0;
  for (let i = 0; i < grid.length; i++) {
    const e = (v: number) => (v ** 2 - 1) ** 2 - 0.1 * v;
    if (e(grid[i]) < e(grid[best])) best = i;
  }
  assert.deepEqual(mode.x, [grid[best], grid[best]]);
  assert.equal(mode.index, best + 201 * best);
  assert.equal(mode.density, Math.max(...cold.density));
});

test("validation: every bad input gets a clear error", () => {
  const p = gibbsDensity(energyFromFunction((x) => x[0] ** 2), { beta: 1, axes: [{ min: -3, max: 3, count: 61 }] });
  assert.throws(() => massNear(p, [0, 0], 1), {
    name: "RangeError",
    message: /^massNear: point must be a point of dimension 1, got \[0, 0\] \(dimension 2\)$/,
  });
  assert.throws(() => massNear(p, [0], -1), /^RangeError: massNear: radius must be a non-negative finite number, got -1$/);
  assert.throws(() => massNear(p, [0], NaN), /radius must be a non-negative finite number, got NaN/);
  assert.throws(() => gibbsMode([] as never), /^TypeError: gibbsMode: density must be a GibbsDensity \(from gibbsDensity or temperatureSweep\), got \[\]$/);
});
