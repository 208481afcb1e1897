import { test } from "node:test";
import assert from "node:assert/strict";
import { downsample, downsampleIndices } from "../../src/plot/downsample";

test("downsampleIndices keeps first and last, evenly spaced, at most max", () => {
  assert.deepEqual(downsampleIndices(11, 3), [0, 5, 10]);
  assert.deepEqual(downsampleIndices(5, 10), [0, 1, 2, 3, 4]);
  assert.deepEqual(downsampleIndices(0, 10), []);
  assert.deepEqual(downsampleIndices(1, 2), [0]);
  for (const [length, max] of [[10001, 200], [201, 200], [1000, 7], [3, 2], [999_999, 150]]) {
    const idx = downsampleIndices(length, max);
    assert.equal(idx.length, Math.min(length, max), `${length}/${max}`);
    assert.equal(idx[0], 0);
    assert.equal(idx[idx.length - 1], length - 1);
    for (let k = 1; k < idx.length; k++) assert.ok(idx[k] > idx[k - 1], "strictly increasing");
    // Evenly spaced: gaps differ by at most one index.
    const gaps = idx.slice(1).map((v, k) => v - idx[k]);
    assert.ok(Math.max(...gaps) - Math.min(...gaps) <= 1, `${length}/${max} gaps ${Math.min(...gaps)}..${Math.max(...gaps)}`);
  }
});

test("downsample returns a new plain array and leaves the input alone", () => {
  const items = Object.freeze([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  assert.deepEqual(downsample(items, 3), [0, 5, 10]);
  const short = downsample(items, 100);
  assert.deepEqual(short, [...items]);
  assert.notEqual(short, items);
  const typed = downsample(Float64Array.of(1, 2, 3, 4, 5), 2);
  assert.ok(Array.isArray(typed));
  assert.deepEqual(typed, [1, 5]);
  const points = [[0, 0], [1, 1], [2, 2]];
  assert.equal(downsample(points, 2)[1], points[2], "items are kept by reference");
});

test("downsample validates its arguments", () => {
  assert.throws(() => downsample([1, 2, 3], 1), /^RangeError: downsample: max must be an integer >= 2, got 1$/);
  assert.throws(() => downsample([1, 2, 3], 2.5), /downsample: max must be an integer >= 2, got 2.5/);
  assert.throws(() => downsample("abc" as never, 2), /^TypeError: downsample: items must be an array or typed array, got "abc"$/);
  assert.throws(() => downsampleIndices(-1, 5), /downsampleIndices: length must be an integer >= 0, got -1/);
  assert.throws(() => downsampleIndices(10, NaN), /downsampleIndices: max must be an integer >= 2, got NaN/);
});
