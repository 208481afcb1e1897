import { test } from "node:test";
import assert from "node:assert/strict";
import { energyFromFunction } from "../../src/energy/fromFunction";
import { temperatureSweep } from "../../src/gibbs/sweep";
import { gibbsDensity } from "../../src/gibbs/density";
import { massNear } from "../../src/gibbs/mass";

const tilted = energyFromFunction((x) => (x[0] ** 2 - 1) ** 2 + 0.25 * x[0]);
const axes = [{ min: -2.5, max: 2.5, count: 2001 }];

test("one density per beta, in order, each identical to gibbsDensity at that beta", () => {
  const betas = [0.1, 1, 10, 1000];
  const sweep = temperatureSweep(tilted, { betas, axes });
  assert.equal(sweep.length, betas.length);
  sweep.forEach((p, i) => {
    assert.equal(p.beta, betas[i]);
    assert.deepEqual(p, gibbsDensity(tilted, { beta: betas[i], axes }));
  });
});

test("cooling moves the mass into the deeper (left) well: the zero-temperature limit", () => {
  // The left minimum of (x^2 - 1)^2 + x/4 is at x = -1.0299 (root of x^3 - x + 1/16, Viete's formula)
  // and lies 0.5 below the right one, so the mass ratio of the wells tends to exp(beta * 0.5) ... -> all left.
  const sweep = temperatureSweep(tilted, { betas: [0.5, 2, 8, 32, 128], axes });
  const left = sweep.map((p) => massNear(p, [-1.03], 0.7));
  for (let i = 1; i < left.length; i++) assert.ok(left[i] > left[i - 1], `mass near the deep well grows: ${left}`);
  assert.ok(left[left.length - 1] > 1 - 1e-12);
  // The energies are shared input: each density holds its own copy.
  sweep[0].energies[0] = 123;
  assert.notEqual(sweep[1].energies[0], 123);
});

test("validation: every bad input gets a clear error", () => {
  assert.throws(() => temperatureSweep(tilted, { betas: [], axes }), {
    name: "RangeError",
    message: /^temperatureSweep: options\.betas must be an array of at least 1 finite number, got \[\]$/,
  });
  assert.throws(() => temperatureSweep(tilted, { betas: [1, 0], axes }), {
    name: "RangeError",
    message: /^temperatureSweep: options\.betas\[1\] must be a positive finite number, got 0$/,
  });
  assert.throws(() => temperatureSweep(tilted, { betas: [1, -2], axes }), /options\.betas\[1\] must be a positive finite number, got -2/);
  assert.throws(() => temperatureSweep(tilted, { betas: [NaN], axes }), /options\.betas\[0\] must be a finite number, got NaN/);
  assert.throws(() => temperatureSweep(tilted, { betas: [Infinity], axes }), /options\.betas\[0\] must be a finite number, got Infinity/);
  assert.throws(() => temperatureSweep(tilted, { betas: 1 as never, axes }), {
    name: "TypeError",
    message: /^temperatureSweep: options\.betas must be an array of finite numbers, got 1$/,
  });
  assert.throws(() => temperatureSweep(tilted, { betas: [1], axes: [{ min: 1, max: 0, count: 5 }] }), /options\.axes\[0\]\.max must be greater than options\.axes\[0\]\.min = 1/);
  // Too many temperatures, or too much work, is refused at the door, before anything is computed.
  assert.throws(() => temperatureSweep(tilted, { betas: new Array(1_000_000).fill(0.5), axes: [{ min: -2, max: 2, count: 101 }] }), {
    name: "RangeError",
    message: /^temperatureSweep: options\.betas must be an array of at most 1000 inverse temperatures, got \[0\.5, 0\.5, 0\.5, 0\.5, \.\.\. \(1000000 items\)\]$/,
  });
  assert.throws(() => temperatureSweep(tilted, { betas: new Array(1000).fill(1), axes: [{ min: -2, max: 2, count: 1_000_000 }] }), {
    name: "RangeError",
    message: /^temperatureSweep: \(betas \+ 1\) x grid points = 1e\+9 is above the work budget of 2e\+8 steps; ask for less, or pass \{ maxWork: /,
  });
  assert.equal(temperatureSweep(tilted, { betas: new Array(1000).fill(1), axes: [{ min: -2, max: 2, count: 11 }] }).length, 1000);
  const betas = Object.freeze([1, 2]);
  temperatureSweep(tilted, { betas, axes });
  assert.deepEqual(betas, [1, 2]);
});
