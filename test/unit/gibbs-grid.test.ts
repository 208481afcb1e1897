import { test } from "node:test";
import assert from "node:assert/strict";
import { axisPoints, MAX_GRID_POINTS } from "../../src/gibbs/grid";

test("axisPoints: count points from min to max inclusive, evenly spaced, exact ends", () => {
  assert.deepEqual(axisPoints({ min: -1, max: 1, count: 5 }), [-1, -0.5, 0, 0.5, 1]);
  assert.deepEqual(axisPoints({ min: 0, max: 1, count: 2 }), [0, 1]);
  const points = axisPoints({ min: 0.1, max: 0.7, count: 7 });
  assert.equal(points[0], 0.1);
  assert.equal(points[6], 0.7);
  for (let i = 1; i < 7; i++) assert.ok(Math.abs(points[i] - points[i - 1] - 0.1) < 1e-15);
  // Increasing even where rounding could bite: a narrow axis far from 0.
  const narrow = axisPoints({ min: 1e6, max: 1e6 + 1e-6, count: 101 });
  for (let i = 1; i < 101; i++) assert.ok(narrow[i] > narrow[i - 1]);
});

test("a symmetric axis is exactly symmetric, with 0 in the middle for an odd count", () => {
  const points = axisPoints({ min: -2.3, max: 2.3, count: 1001 });
  for (let i = 0; i < 1001; i++) assert.ok(points[i] + points[1000 - i] === 0, `x_${i} = ${points[i]}`);
  assert.equal(points[500], 0);
});

test("the input is not mutated", () => {
  const axis = Object.freeze({ min: -1, max: 3, count: 9 });
  axisPoints(axis);
  assert.deepEqual(axis, { min: -1, max: 3, count: 9 });
});

test("validation: empty, reversed, non-finite, too few or too many points", () => {
  assert.throws(() => axisPoints({ min: 1, max: 1, count: 3 }), {
    name: "RangeError",
    message: /^axisPoints: axis\.max must be greater than axis\.min = 1 \(an empty or reversed axis\), got 1$/,
  });
  assert.throws(() => axisPoints({ min: 1, max: -1, count: 3 }), /axis\.max must be greater than axis\.min = 1 \(an empty or reversed axis\), got -1/);
  assert.throws(() => axisPoints({ min: NaN, max: 1, count: 3 }), /^RangeError: axisPoints: axis\.min must be a finite number, got NaN$/);
  assert.throws(() => axisPoints({ min: 0, max: Infinity, count: 3 }), /axis\.max must be a finite number, got Infinity/);
  assert.throws(() => axisPoints({ min: 0, max: 1, count: 1 }), /^RangeError: axisPoints: axis\.count must be an integer >= 2, got 1$/);
  assert.throws(() => axisPoints({ min: 0, max: 1, count: 2.5 }), /axis\.count must be an integer >= 2, got 2\.5/);
  assert.throws(() => axisPoints({ min: 0, max: 1, count: MAX_GRID_POINTS + 1 }), {
    name: "RangeError",
    message: /^axisPoints: axis\.count must be at most 20000000 points, got 20000001$/,
  });
  assert.throws(() => axisPoints([0, 1, 3] as never), {
    name: "TypeError",
    message: /^axisPoints: axis must be an axis \{min, max, count\}, got \[0, 1, 3\]$/,
  });
  assert.throws(() => axisPoints({ min: "0", max: 1, count: 3 } as never), /^TypeError: axisPoints: axis\.min must be a finite number, got "0"$/);
});
