import { test } from "node:test";
import assert from "node:assert/strict";
import { energyFromFunction } from "../../src/energy/fromFunction";
import { basinMap } from "../../src/dynamics/basins";
import { landscapeCatalogue } from "../../src/landscapes";

const doubleWell = energyFromFunction((x) => (x[0] ** 2 - 1) ** 2, {
  gradient: (x, _w, g) => void (g[0] = 4 * x[0] * (x[0] ** 2 - 1)),
});
// Two wells at (+-1, 0), saddle at the origin. The flow keeps the sign of x (dx/dt = -4x(x^2 - 1)
// does not involve y), so the exact basins are the half-planes x < 0 and x > 0.
const twoWell2D = energyFromFunction((x) => (x[0] ** 2 - 1) ** 2 + x[1] ** 2, {
  dimension: 2,
  gradient: (x, _w, g) => {
    g[0] = 4 * x[0] * (x[0] ** 2 - 1);
    g[1] = 2 * x[1];
  },
});
// (x^2 - 1)^2 + (y - x^2/2)^2: wells at (+-1, 1/2) in a curved valley; the border is still x = 0,
// because the energy is even in x.
const curved = energyFromFunction((x) => (x[0] ** 2 - 1) ** 2 + (x[1] - x[0] ** 2 / 2) ** 2, {
  dimension: 2,
  gradient: (x, _w, g) => {
    const v = x[1] - x[0] ** 2 / 2;
    g[0] = 4 * x[0] * (x[0] ** 2 - 1) - 2 * x[0] * v;
    g[1] = 2 * v;
  },
});

test("double well: starts left of 0 go to the left minimum, right of 0 to the right; x = 0 is unlabelled", () => {
  const map = basinMap(doubleWell, { axes: [{ min: -2, max: 2, count: 41 }], eta: 0.01 });
  assert.equal(map.minima.length, 2);
  assert.ok(Math.abs(map.minima[0].x[0] + 1) < 1e-6);
  assert.ok(Math.abs(map.minima[1].x[0] - 1) < 1e-6);
  map.axes[0].forEach((x, i) => {
    const expected = x < 0 ? 0 : x > 0 ? 1 : -1;
    assert.equal(map.labels[i], expected, `x = ${x}`);
  });
  assert.equal(map.axes[0][20], 0);
  assert.deepEqual(map.minima.map((m) => m.count), [20, 20]);
  assert.equal(map.eta, 0.01);
  // Starts on a critical point (x = -1, 0, 1 are grid points) take no step; all others move.
  map.axes[0].forEach((x, i) => assert.equal(map.iterations[i] === 0, x === -1 || x === 0 || x === 1, `x = ${x}`));
});

test("2D two-well on a 100 x 100 grid: the basins are the half-planes x < 0 and x > 0", () => {
  const axis = { min: -2, max: 2, count: 100 };
  const map = basinMap(twoWell2D, { axes: [axis, axis] });
  assert.equal(map.labels.length, 10000);
  assert.equal(map.minima.length, 2);
  assert.deepEqual(
    map.minima.map((m) => m.x.map((v) => Math.round(v * 1e5) / 1e5 + 0)),
    [
      [-1, 0],
      [1, 0],
    ],
  );
  const [xs] = map.axes;
  for (let j = 0; j < 100; j++) {
    for (let i = 0; i < 100; i++) {
      // Layout: index i + nx * j, x = axes[0][i].
      assert.equal(map.labels[i + 100 * j], xs[i] < 0 ? 0 : 1);
    }
  }
  assert.deepEqual(map.minima.map((m) => m.count), [5000, 5000]);
});

test("a curved valley: the border is x = 0 and the minima sit at (+-1, 1/2)", () => {
  const map = basinMap(curved, { axes: [{ min: -1.9, max: 1.9, count: 20 }, { min: -1, max: 2, count: 15 }] });
  assert.equal(map.minima.length, 2);
  assert.ok(Math.abs(map.minima[0].x[0] + 1) < 1e-5 && Math.abs(map.minima[0].x[1] - 0.5) < 1e-5);
  for (let s = 0; s < map.labels.length; s++) assert.equal(map.labels[s], map.axes[0][s % 20] < 0 ? 0 : 1);
});

test("given minima: labels index the given list, in its order; a missing minimum leaves its basin at -1", () => {
  const axes = [{ min: -2, max: 2, count: 9 }];
  // Objects with x (as a catalogue's knownMinima), right well first, one of them only approximate.
  const map = basinMap(doubleWell, { axes, minima: [{ x: [1], label: "right" } as never, [-0.9999]] });
  assert.deepEqual(Array.from(map.labels), [1, 1, 1, 1, -1, 0, 0, 0, 0]);
  assert.deepEqual(map.minima.map((m) => m.x), [[1], [-0.9999]]);
  assert.deepEqual(map.minima.map((m) => m.count), [4, 4]);
  const onlyRight = basinMap(doubleWell, { axes, minima: [[1]] });
  assert.deepEqual(Array.from(onlyRight.labels), [-1, -1, -1, -1, -1, 0, 0, 0, 0]);
});

test("given minima keep their labels; bare points and the minima found by descent carry none", () => {
  const axes = [{ min: -2, max: 2, count: 9 }];
  // A catalogue's knownMinima: { x, energy, label }.
  const known = Object.freeze([
    Object.freeze({ x: Object.freeze([-1]), energy: 0, label: "left memory" }),
    Object.freeze({ x: Object.freeze([1]), energy: 0 }),
  ]);
  const map = basinMap(doubleWell, { axes, minima: known });
  assert.deepEqual(map.minima.map((m) => m.label), ["left memory", undefined]);
  assert.equal("label" in map.minima[1], false, "no label field when none was given");
  assert.deepEqual(map.minima.map((m) => m.count), [4, 4]);
  const bare = basinMap(doubleWell, { axes, minima: [[-1], [1]] });
  assert.ok(bare.minima.every((m) => !("label" in m)));
  const found = basinMap(doubleWell, { axes });
  assert.ok(found.minima.every((m) => !("label" in m)));
  assert.throws(() => basinMap(doubleWell, { axes, minima: [{ x: [1], label: 7 } as never] }), {
    name: "TypeError",
    message: "basinMap: options.minima[0].label must be a string, got 7",
  });
});

test("too large a step: descents blow up and every start is -1; too few steps: not converged, -1", () => {
  // Near x = 2, E'' = 44: eta = 1 overshoots without bound.
  const wild = basinMap(doubleWell, { axes: [{ min: 1.5, max: 2, count: 4 }], eta: 1 });
  assert.deepEqual(Array.from(wild.labels), [-1, -1, -1, -1]);
  assert.equal(wild.minima.length, 0);
  const short = basinMap(doubleWell, { axes: [{ min: 1.5, max: 2, count: 4 }], maxIterations: 3 });
  assert.deepEqual(Array.from(short.labels), [-1, -1, -1, -1]);
  assert.deepEqual(Array.from(short.iterations), [3, 3, 3, 3]);
});

test("inputs are not mutated and the same call gives identical numbers", () => {
  const axes = Object.freeze([Object.freeze({ min: -2, max: 2, count: 7 }), Object.freeze({ min: -1, max: 1, count: 3 })]);
  const minima = Object.freeze([Object.freeze([-1, 0]), Object.freeze([1, 0])]);
  const a = basinMap(twoWell2D, Object.freeze({ axes, minima }));
  const b = basinMap(twoWell2D, Object.freeze({ axes, minima }));
  assert.deepEqual(a, b);
  assert.deepEqual(minima, [[-1, 0], [1, 0]]);
  assert.deepEqual(axes[0], { min: -2, max: 2, count: 7 });
});

test("validation: every bad input gets a clear error", () => {
  const axis = { min: -2, max: 2, count: 10 };
  assert.throws(() => basinMap(twoWell2D, { axes: [axis] }), {
    name: "RangeError",
    message: /^basinMap: options\.axes must be an array of 2 axes \{min, max, count\}, one per variable of the energy, got \[an object\] \(1 axis\)$/,
  });
  assert.throws(() => basinMap(doubleWell, {} as never), {
    name: "TypeError",
    message: /^basinMap: options\.axes must be an array of 1 axis \{min, max, count\}, one per variable of the energy, got undefined$/,
  });
  assert.throws(() => basinMap(doubleWell, { axes: [{ min: 1, max: 1, count: 10 }] }), /options\.axes\[0\]\.max must be greater than options\.axes\[0\]\.min = 1 \(an empty or reversed axis\), got 1/);
  assert.throws(() => basinMap(doubleWell, { axes: [{ min: 0, max: 1, count: 1 }] }), /options\.axes\[0\]\.count must be an integer >= 2, got 1/);
  assert.throws(() => basinMap(doubleWell, { axes: [{ min: NaN, max: 1, count: 5 }] }), /options\.axes\[0\]\.min must be a finite number, got NaN/);
  assert.throws(() => basinMap(doubleWell, { axes: [{ min: 0, max: 1, count: 200000000 }] }), {
    name: "RangeError",
    message: /^basinMap: options\.axes must describe at most \d+ grid points, got 200000000 \(200000000\)$/,
  });
  assert.throws(() => basinMap(doubleWell, { axes: [axis], eta: -1 }), /^RangeError: basinMap: options\.eta must be a positive finite number, got -1$/);
  assert.throws(() => basinMap(doubleWell, { axes: [axis], minima: [] }), /options\.minima must be a non-empty array of points, got \[\]/);
  assert.throws(() => basinMap(doubleWell, { axes: [axis], minima: [[1, 0]] }), /options\.minima\[0\] must be a point of dimension 1, got \[1, 0\] \(dimension 2\)/);
  const log = energyFromFunction((x) => Math.log(x[0]));
  assert.throws(() => basinMap(log, { axes: [{ min: 0.1, max: 2, count: 5 }], minima: [[-1]] }), /options\.minima\[0\] must be a point where the energy is finite, got \[-1\] \(E = NaN\)/);
  assert.throws(() => basinMap(doubleWell, { axes: [axis], maxIterations: 1.5 }), /options\.maxIterations must be an integer >= 0, got 1\.5/);
  assert.throws(() => basinMap(doubleWell, { axes: [axis], tolerance: -1 }), /options\.tolerance must be a non-negative finite number, got -1/);
  assert.throws(() => basinMap(doubleWell, { axes: [axis], mergeDistance: 0 }), /options\.mergeDistance must be a positive finite number, got 0/);
  assert.throws(() => basinMap(doubleWell, { axes: [axis], divergenceBound: NaN }), /options\.divergenceBound must be a positive finite number, got NaN/);
  assert.throws(() => basinMap(doubleWell, { axes: [axis], minima: [{ x: "1" }] as never }), /^TypeError: basinMap: options\.minima\[0\] must be an array of 1 finite number, got "1"$/);
  assert.throws(() => basinMap(doubleWell, undefined as never), /^TypeError: basinMap: options\.axes must be an array of 1 axis/);
  assert.throws(() => basinMap(doubleWell, { axes: [axis], maxIteration: 5 } as never), {
    name: "RangeError",
    message: /^basinMap: options\.maxIteration is not an option \(did you mean maxIterations\?\); the options are axes, minima/,
  });
});

test("the work budget: grid points x maxIterations above 2e8 is refused at once, unless maxWork allows it", () => {
  const axes = [{ min: -2, max: 2, count: 1000 }];
  assert.throws(() => basinMap(doubleWell, { axes, maxIterations: 1e6 }), {
    name: "RangeError",
    message: /^basinMap: grid points x options\.maxIterations = 1e\+9 is above the work budget of 2e\+8 steps; ask for less, or pass \{ maxWork: 1\.0e\+9 \}/,
  });
  assert.equal(basinMap(doubleWell, { axes, maxIterations: 1e6, maxWork: 1e9 }).minima.length, 2);
});

test("without eta, the adaptive step fits every catalogued landscape: each grid start ends in a known minimum", () => {
  for (const [id, entry] of Object.entries(landscapeCatalogue)) {
    const energy = entry.create();
    const axes = energy.domain.lower.map((min, i) => ({ min, max: energy.domain.upper[i], count: energy.dimension === 1 ? 101 : 31 }));
    const map = basinMap(energy, { axes, minima: energy.knownMinima });
    assert.equal(map.eta, "adaptive");
    assert.equal(map.warning, undefined, id);
    const lost = Array.from(map.labels).filter((label) => label < 0).length;
    assert.ok(lost <= 1, `${id}: ${lost} starts unlabelled`); // at most a start exactly on a maximum
    map.minima.forEach((m) => assert.ok(m.count > 0, `${id}: nothing ended in ${m.label}`));
  }
});
