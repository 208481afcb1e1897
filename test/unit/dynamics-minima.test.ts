import { test } from "node:test";
import assert from "node:assert/strict";
import { energyFromFunction } from "../../src/energy/fromFunction";
import { findMinima } from "../../src/dynamics/minima";
import { isLocalMinimum } from "../../src/dynamics/localMinimum";
import { landscapeCatalogue, muellerBrown } from "../../src/landscapes";

const doubleWell = energyFromFunction((x) => (x[0] ** 2 - 1) ** 2, {
  gradient: (x, _w, g) => void (g[0] = 4 * x[0] * (x[0] ** 2 - 1)),
  domain: { lower: [-2], upper: [2] },
});
// (x^2 - 1)^2 + tilt x: minima where 4 x^3 - 4 x + tilt = 0.
const tilted = (tilt: number) =>
  energyFromFunction((x) => (x[0] ** 2 - 1) ** 2 + tilt * x[0], {
    gradient: (x, _w, g) => void (g[0] = 4 * x[0] * (x[0] ** 2 - 1) + tilt),
  });
// Two wells at (+-1, 0), saddle at the origin.
const twoWell2D = energyFromFunction((x) => (x[0] ** 2 - 1) ** 2 + x[1] ** 2, {
  dimension: 2,
  gradient: (x, _w, g) => {
    g[0] = 4 * x[0] * (x[0] ** 2 - 1);
    g[1] = 2 * x[1];
  },
});
// Four wells at (+-1, +-1).
const fourWell = energyFromFunction((x) => (x[0] ** 2 - 1) ** 2 + (x[1] ** 2 - 1) ** 2, {
  dimension: 2,
  gradient: (x, _w, g) => {
    g[0] = 4 * x[0] * (x[0] ** 2 - 1);
    g[1] = 4 * x[1] * (x[1] ** 2 - 1);
  },
});

/** The three real roots of x^3 + p x + q (three real roots when 4p^3 + 27q^2 < 0), by Viete's trigonometric formula. */
function cubicRoots(p: number, q: number): number[] {
  const m = 2 * Math.sqrt(-p / 3);
  const theta = Math.acos(((3 * q) / (2 * p)) * Math.sqrt(-3 / p)) / 3;
  return [0, 1, 2].map((k) => m * Math.cos(theta - (2 * Math.PI * k) / 3)).sort((a, b) => a - b);
}

test("the double well has two minima, at x = -1 and x = 1, and the start on the maximum is not one", () => {
  const search = findMinima(doubleWell, { grid: [{ min: -2, max: 2, count: 41 }] });
  assert.equal(search.minima.length, 2);
  assert.equal(search.starts, 41);
  // Exact minima of (x^2 - 1)^2: x = +-1, E = 0. The start x = 0 (exactly on the grid) sits on the maximum.
  assert.ok(Math.abs(search.minima[0].x[0] + 1) < 1e-8);
  assert.ok(Math.abs(search.minima[1].x[0] - 1) < 1e-8);
  for (const m of search.minima) {
    assert.ok(m.energy < 1e-15);
    assert.equal(m.count, 20);
    assert.ok(m.gradientNorm <= 1e-8);
  }
  assert.equal(search.notMinima, 1);
  assert.equal(search.notConverged + search.diverged, 0);
});

test("the tilted double well: minima at the roots of 4x^3 - 4x + tilt, sorted by energy", () => {
  // Closed form: E'(x) = 4x^3 - 4x + tilt = 0 <=> x^3 - x + tilt/4 = 0; Viete gives the three roots,
  // the outer two are minima. A positive tilt makes the left well deeper.
  const tilt = 0.5;
  const [left, middle, right] = cubicRoots(-1, tilt / 4);
  assert.ok(left < middle && middle < right);
  const energy = tilted(tilt);
  const search = findMinima(energy, { grid: [{ min: -2, max: 2, count: 40 }] });
  assert.equal(search.minima.length, 2);
  const [deep, shallow] = search.minima;
  assert.ok(Math.abs(deep.x[0] - left) < 1e-8, `${deep.x[0]} vs ${left}`);
  assert.ok(Math.abs(shallow.x[0] - right) < 1e-8, `${shallow.x[0]} vs ${right}`);
  assert.ok(Math.abs(deep.energy - energy.value([left])) < 1e-14);
  assert.ok(deep.energy < shallow.energy);
  // Every start to the left of the maximum x = middle ends in the left well.
  const leftStarts = Array.from({ length: 40 }, (_, i) => -2 + (4 * i) / 39).filter((x) => x < middle).length;
  assert.equal(deep.count, leftStarts);
});

test("the 2D two-well energy has two minima; the starts on the line x = 0 flow to the saddle", () => {
  const search = findMinima(twoWell2D, { grid: [{ min: -2, max: 2, count: 21 }, { min: -2, max: 2, count: 21 }] });
  assert.equal(search.minima.length, 2);
  assert.deepEqual(
    search.minima.map((m) => m.x.map((v) => Math.round(v * 1e6) / 1e6 + 0)),
    [
      [-1, 0],
      [1, 0],
    ],
  );
  assert.deepEqual(search.minima.map((m) => m.count), [210, 210]);
  assert.equal(search.notMinima, 21);
});

test("four wells are four minima", () => {
  const axis = { min: -1.9, max: 1.9, count: 10 };
  const search = findMinima(fourWell, { grid: [axis, axis] });
  assert.deepEqual(
    search.minima.map((m) => m.x.map((v) => Math.round(v * 1e6) / 1e6)),
    [
      [-1, -1],
      [-1, 1],
      [1, -1],
      [1, 1],
    ],
  );
  assert.deepEqual(search.minima.map((m) => m.count), [25, 25, 25, 25]);
});

test("a flat minimum (x^4) reached from both sides is one minimum, not two", () => {
  // Descent creeps into a flat minimum (x_t ~ 1 / sqrt(8 eta t)), so the tolerance is looser here:
  // |grad| = 4|x|^3 <= 1e-6 stops about 6.3e-3 from 0 on each side, further apart than the merge
  // distance (2e-3), but no barrier separates the two end points, so they are merged.
  const quartic = energyFromFunction((x) => x[0] ** 4, { gradient: (x, _w, g) => void (g[0] = 4 * x[0] ** 3) });
  const search = findMinima(quartic, { starts: [[-1], [1], [0.5]], eta: 0.1, tolerance: 1e-6 });
  assert.equal(search.notConverged, 0);
  assert.equal(search.minima.length, 1);
  assert.equal(search.minima[0].count, 3);
  assert.ok(Math.abs(search.minima[0].x[0]) < 7e-3);
  // With merging by distance only (a reach of 100 x mergeDistance smaller than the gap), they stay apart.
  const split = findMinima(quartic, { starts: [[-1], [1]], eta: 0.1, tolerance: 1e-6, mergeDistance: 1e-5 });
  assert.equal(split.minima.length, 2);
});

test("explicit starts, the energy's domain by default, and a grid size as a number", () => {
  const fromStarts = findMinima(doubleWell, { starts: [[0.3], [-0.2], [1.5]] });
  assert.deepEqual(fromStarts.minima.map((m) => m.count), [1, 2]);
  assert.equal(fromStarts.starts, 3);
  const fromDomain = findMinima(doubleWell);
  assert.equal(fromDomain.starts, 41); // min(41, max(3, floor(4096^(1/1))))
  assert.equal(fromDomain.minima.length, 2);
  const sized = findMinima(doubleWell, { grid: 9 });
  assert.equal(sized.starts, 9);
  assert.deepEqual(sized.minima.map((m) => m.count), [4, 4]);
});

test("too large a step makes descents diverge and they are counted, not reported as minima", () => {
  // Near x = 2 the curvature is E'' = 44: eta = 1 overshoots and the iterates explode.
  const search = findMinima(doubleWell, { grid: [{ min: 1.5, max: 2, count: 3 }], eta: 1 });
  assert.equal(search.diverged, 3);
  assert.equal(search.minima.length, 0);
  const slow = findMinima(doubleWell, { grid: [{ min: 1.5, max: 2, count: 3 }], maxIterations: 2 });
  assert.equal(slow.notConverged, 3);
});

test("isLocalMinimum: minima pass; maxima, saddles (even between the probes) and inflections fail", () => {
  assert.equal(isLocalMinimum(doubleWell, [1]), true);
  assert.equal(isLocalMinimum(doubleWell, [-1]), true);
  assert.equal(isLocalMinimum(doubleWell, [0]), false); // the maximum
  assert.equal(isLocalMinimum(doubleWell, [0.5]), false); // gradient -1.5
  assert.equal(isLocalMinimum(twoWell2D, [0, 0]), false); // the saddle
  assert.equal(isLocalMinimum(fourWell, [0, 1]), false); // a saddle between two wells
  // x^3 at 0: gradient 0 and Hessian 0, but E(-r) < E(0).
  const cubic = energyFromFunction((x) => x[0] ** 3, { gradient: (x, _w, g) => void (g[0] = 3 * x[0] ** 2) });
  assert.equal(isLocalMinimum(cubic, [0]), false);
  // A saddle with Hessian eigenvalues 10 and -0.5 whose downhill eigenvector lies at 22.5 degrees,
  // halfway between the probe directions: every probe rises, the Hessian test catches it.
  const c = Math.cos(Math.PI / 8), s = Math.sin(Math.PI / 8);
  const h = [
    [10 * s * s - 0.5 * c * c, -(10 + 0.5) * c * s],
    [-(10 + 0.5) * c * s, 10 * c * c - 0.5 * s * s],
  ];
  const saddle = energyFromFunction((x) => 0.5 * (h[0][0] * x[0] ** 2 + 2 * h[0][1] * x[0] * x[1] + h[1][1] * x[1] ** 2), {
    dimension: 2,
    gradient: (x, _w, g) => {
      g[0] = h[0][0] * x[0] + h[0][1] * x[1];
      g[1] = h[1][0] * x[0] + h[1][1] * x[1];
    },
  });
  for (const angle of [0, Math.PI / 4, Math.PI / 2, (3 * Math.PI) / 4]) {
    const v = [Math.cos(angle), Math.sin(angle)];
    assert.ok(saddle.value(v) > 0, `the probe direction ${angle} rises`);
  }
  assert.equal(isLocalMinimum(saddle, [0, 0]), false);
  // With a central-difference gradient it works the same.
  const wellByDifferences = energyFromFunction((x) => (x[0] ** 2 - 1) ** 2 + x[1] ** 2, { dimension: 2 });
  assert.equal(isLocalMinimum(wellByDifferences, [1, 0]), true);
  assert.equal(isLocalMinimum(wellByDifferences, [0, 0]), false);
});

test("inputs are not mutated", () => {
  const starts = Object.freeze([Object.freeze([0.3]), Object.freeze([-0.4])]);
  const grid = Object.freeze([Object.freeze({ min: -2, max: 2, count: 5 })]);
  findMinima(doubleWell, Object.freeze({ starts }));
  findMinima(doubleWell, Object.freeze({ grid }));
  assert.deepEqual(starts, [[0.3], [-0.4]]);
  assert.deepEqual(grid, [{ min: -2, max: 2, count: 5 }]);
});

test("validation: every bad input gets a clear error", () => {
  const noDomain = tilted(0);
  assert.throws(() => findMinima(noDomain), {
    name: "RangeError",
    message: /^findMinima: options must be given starts or grid when the energy has no domain, got "neither"$/,
  });
  assert.throws(() => findMinima(doubleWell, { starts: [[1]], grid: 5 }), /^RangeError: findMinima: options must be given starts or grid, not both, got "both"$/);
  assert.throws(() => findMinima(doubleWell, { starts: [] }), /options\.starts must be a non-empty array of points, got \[\]/);
  assert.throws(() => findMinima(doubleWell, { starts: [[1, 2]] }), /options\.starts\[0\] must be a point of dimension 1, got \[1, 2\] \(dimension 2\)/);
  const root = energyFromFunction((x) => Math.sqrt(x[0]), { gradient: (x, _w, g) => void (g[0] = 0.5 / Math.sqrt(x[0])) });
  assert.throws(() => findMinima(root, { starts: [[1], [-1]] }), /^RangeError: findMinima: energy "custom energy" has a value that is not finite at options\.starts\[1\] x = \[-1\]: E = NaN$/);
  assert.throws(() => findMinima(doubleWell, { grid: [{ min: 2, max: -2, count: 5 }] }), {
    name: "RangeError",
    message: /^findMinima: options\.grid\[0\]\.max must be greater than options\.grid\[0\]\.min = 2 \(an empty or reversed axis\), got -2$/,
  });
  assert.throws(() => findMinima(twoWell2D, { grid: [{ min: -2, max: 2, count: 100000 }, { min: -2, max: 2, count: 10000 }] }), {
    name: "RangeError",
    message: /^findMinima: options\.grid must describe at most \d+ grid points, got 1000000000 \(100000 x 10000\)$/,
  });
  assert.throws(() => findMinima(doubleWell, { grid: 1 }), /options\.grid must be an integer in \[2, \d+\], got 1/);
  assert.throws(() => findMinima(doubleWell, { eta: 0 }), /^RangeError: findMinima: options\.eta must be a positive finite number, got 0$/);
  assert.throws(() => findMinima(doubleWell, { eta: NaN }), /options\.eta must be a positive finite number, got NaN/);
  assert.throws(() => findMinima(doubleWell, { mergeDistance: -1 }), /options\.mergeDistance must be a positive finite number, got -1/);
  assert.throws(() => findMinima(doubleWell, { tolerance: -1 }), /options\.tolerance must be a non-negative finite number, got -1/);
  assert.throws(() => isLocalMinimum(doubleWell, [1, 1]), /^RangeError: isLocalMinimum: x must be a point of dimension 1, got \[1, 1\] \(dimension 2\)$/);
  assert.throws(() => isLocalMinimum(doubleWell, [1], { radius: 0 }), /isLocalMinimum: options\.radius must be a positive finite number, got 0/);
  assert.throws(() => isLocalMinimum(doubleWell, [1], { gradientTolerance: NaN }), /options\.gradientTolerance must be a positive finite number, got NaN/);
  assert.throws(() => isLocalMinimum(5 as never, [1]), /^TypeError: isLocalMinimum: energy must be an Energy \(from energyFromFormula, energyFromFunction or a landscape such as doubleWell\(\)\), got 5$/);
});

test("with default options, findMinima finds every known minimum of every catalogued landscape, and only those", () => {
  for (const [id, entry] of Object.entries(landscapeCatalogue)) {
    const energy = entry.create();
    const search = findMinima(energy);
    assert.equal(search.eta, "adaptive");
    assert.equal(search.warning, undefined, `${id}: ${search.warning}`);
    assert.equal(search.diverged, 0, id);
    assert.equal(search.notConverged, 0, id);
    assert.equal(search.minima.length, energy.knownMinima.length, id);
    for (const known of energy.knownMinima) {
      const hit = search.minima.some((m) => Math.hypot(...m.x.map((v, i) => v - known.x[i])) < 1e-6);
      assert.ok(hit, `${id}: ${known.label} at ${known.x} not found`);
    }
  }
});

test("a search that finds nothing says why and what to change (Mueller-Brown at a fixed step too large for it)", () => {
  const search = findMinima(muellerBrown(), { eta: 0.01 });
  assert.equal(search.minima.length, 0);
  assert.equal(search.diverged, search.starts);
  assert.match(search.warning ?? "", /^no minimum found: 1681 of 1681 starts diverged at eta = 0\.01: the step is too large for the curvature .*lower eta, or leave it out for the adaptive step$/);
});

test("findMinima: unknown option names and work above the budget are refused at the door", () => {
  const well = landscapeCatalogue.doubleWell.create();
  assert.throws(() => findMinima(well, { maxIteration: 5 } as never), {
    name: "RangeError",
    message: /^findMinima: options\.maxIteration is not an option \(did you mean maxIterations\?\)/,
  });
  assert.throws(() => findMinima(well, { maxIterations: 1e9 }), {
    name: "RangeError",
    message: /^findMinima: starts x options\.maxIterations = 4\.1e\+10 is above the work budget of 2e\+8 steps; ask for less, or pass \{ maxWork: 4\.1e\+10 \}/,
  });
});
