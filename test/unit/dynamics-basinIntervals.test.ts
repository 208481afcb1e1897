import { test } from "node:test";
import assert from "node:assert/strict";
import { basinIntervals, energyRises, gradientDescent } from "../../src/dynamics";
import { energyFromFunction } from "../../src/energy/fromFunction";

const doubleWell = () =>
  energyFromFunction((x) => (x[0] ** 2 - 1) ** 2, {
    name: "double well",
    gradient: (x, _w, g) => { g[0] = 4 * x[0] * (x[0] ** 2 - 1); },
    knownMinima: [{ x: [-1], energy: 0, label: "A" }, { x: [1], energy: 0, label: "B" }],
  });

test("basinIntervals of the double well split at the barrier top x = 0, with the minima's labels", () => {
  const basins = basinIntervals(doubleWell(), { axis: { min: -2, max: 2, count: 401 } });
  assert.deepEqual(basins, [
    { lower: -2, upper: 0, minimum: -1, label: "A" },
    { lower: 0, upper: 2, minimum: 1, label: "B" },
  ]);
  // Descent agrees: a start just left of 0 rolls into A, just right into B.
  assert.ok(gradientDescent(doubleWell(), [-0.01], { eta: 0.05 }).final[0] < 0);
  assert.ok(gradientDescent(doubleWell(), [0.01], { eta: 0.05 }).final[0] > 0);
});

test("basinIntervals: boundaries at the highest grid point between neighbours, in the order of the minima given", () => {
  // E = cos(pi x) on [-3, 3]: minima at -1 and 1 (and +-3 outside), maxima at 0 and +-2.
  const wave = energyFromFunction((x) => Math.cos(Math.PI * x[0]), { name: "wave" });
  const basins = basinIntervals(wave, { axis: { min: -3, max: 3, count: 61 }, minima: [[1], { x: [-1], label: "L" }] });
  assert.deepEqual(basins, [
    { lower: 0, upper: 3, minimum: 1 },
    { lower: -3, upper: 0, minimum: -1, label: "L" },
  ]);
});

test("basinIntervals refuses what it cannot do, naming itself", () => {
  const axis = { min: -2, max: 2, count: 41 };
  const plane = energyFromFunction((p) => p[0] + p[1], { dimension: 2 });
  assert.throws(() => basinIntervals(plane, { axis }), /^RangeError: basinIntervals: energy.dimension must be 1 \(basins as intervals are 1D; use basinMap in 2D\), got 2$/);
  const bare = energyFromFunction((x) => x[0] ** 2);
  assert.throws(() => basinIntervals(bare, { axis }), /^RangeError: basinIntervals: energy.knownMinima must be a non-empty array of minima/);
  assert.throws(() => basinIntervals(doubleWell(), { axis, minima: [[5]] }), /^RangeError: basinIntervals: options.minima\[0\] must be a point inside the axis \[-2, 2\], got \[5\]$/);
  assert.throws(() => basinIntervals(doubleWell(), { axis: { min: 0, max: 1, count: 1e9 } }), /^RangeError: basinIntervals: options.axis.count must be at most 20000000 points, got 1000000000$/);
  assert.throws(() => basinIntervals(doubleWell(), { axes: [axis] } as never), /^RangeError: basinIntervals: options.axes is not an option \(did you mean axis\?\)/);
  assert.throws(() => basinIntervals(doubleWell(), undefined as never), /^TypeError: basinIntervals: options.axis must be an axis \{min, max, count\}, got undefined$/);
});

test("energyRises: the one rule, relative to max(1, |E|); non-finite entries are not rises", () => {
  assert.deepEqual(energyRises([3, 2, 2, 2.5, 1, 1.5]), [3, 5]);
  assert.deepEqual(energyRises([1, 1 + 1e-15]), []);
  assert.deepEqual(energyRises([1, NaN, 2, Infinity]), []);
  assert.deepEqual(energyRises(Float64Array.of(100, 101, 101.5), { tolerance: 0.007 }), [1]);
  assert.throws(() => energyRises("1, 2" as never), /^TypeError: energyRises: energies must be an array of numbers, got "1, 2"$/);
  assert.throws(() => energyRises([1, 2], { tolerance: -1 }), /^RangeError: energyRises: options.tolerance must be a non-negative finite number, got -1$/);
});

test("basinIntervals: more than 10,000 minima are refused at the door; many minima cost one pass over the grid", () => {
  const axis = { min: -2, max: 2, count: 101 };
  assert.throws(() => basinIntervals(doubleWell(), { axis, minima: new Array(1_000_000).fill([0.5]) }), {
    name: "RangeError",
    message: /^basinIntervals: options\.minima must be at most 10000 minima, got \[\[0\.5\], .*\(1000000 items\)\] \(1000000 minima\)$/,
  });
  // 10,000 minima on a fine grid: fast, and each boundary is the highest grid point between neighbours.
  const wave = energyFromFunction((x) => Math.cos(Math.PI * x[0]), { name: "wave" });
  const minima = Array.from({ length: 10_000 }, (_, i) => [-9999 + 2 * i]);
  const started = performance.now();
  const basins = basinIntervals(wave, { axis: { min: -10000, max: 10000, count: 200_001 }, minima });
  assert.ok(performance.now() - started < 1000, `took ${Math.round(performance.now() - started)} ms`);
  assert.equal(basins.length, 10_000);
  assert.deepEqual(basins[0], { lower: -10000, upper: -9998, minimum: -9999 });
  assert.deepEqual(basins[5000], { lower: 0, upper: 2, minimum: 1 });
  assert.deepEqual(basins[9999], { lower: 9998, upper: 10000, minimum: 9999 });
});
