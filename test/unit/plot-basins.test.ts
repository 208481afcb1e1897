import { test } from "node:test";
import assert from "node:assert/strict";
import { basinMap } from "../../src/dynamics/basins";
import { basinColorscale, basinMapFigure } from "../../src/plot/basins";
import { PALETTE, UNASSIGNED_COLOR } from "../../src/plot/style";
import { bowl2D, colorsIn, doubleWellEnergy, grid, isHouseColor } from "./plot-fixtures";

// A hand-made map of the double well (x^2 - 1)^2 on 9 points of [-2, 2]: starts left of the
// barrier go to A (x = -1), right of it to B (x = 1), and x = 0 (the maximum) goes nowhere.
const xs = grid(-2, 2, 9);
const labels1D = [0, 0, 0, 0, -1, 1, 1, 1, 1];
const minima1D = [{ x: [-1], label: "A" }, { x: [1], label: "B" }];

test("basinColorscale: one band per value, grey first when some starts reach no minimum", () => {
  assert.deepEqual(basinColorscale(1, true), [[0, UNASSIGNED_COLOR], [0.5, UNASSIGNED_COLOR], [0.5, PALETTE[0]], [1, PALETTE[0]]]);
  assert.deepEqual(basinColorscale(2, false), [[0, PALETTE[0]], [0.5, PALETTE[0]], [0.5, PALETTE[1]], [1, PALETTE[1]]]);
  const three = basinColorscale(3, true);
  assert.equal(three.length, 8);
  assert.deepEqual(three.map(([t]) => t), [0, 0.25, 0.25, 0.5, 0.5, 0.75, 0.75, 1]);
});

test("basinMapFigure 1D: a strip of labels + 1, minima marked, shares in the alt text", () => {
  const fig = basinMapFigure({ axes: [xs], labels: Int32Array.from(labels1D), minima: minima1D });
  assert.equal(fig.layout.meta.kind, "basins");
  assert.equal(fig.layout.title.text, "Basins of attraction");
  assert.deepEqual(fig.data.map((t) => t.type), ["heatmap", "scatter"]);
  const strip = fig.data[0];
  assert.deepEqual(strip.z, [[1, 1, 1, 1, 0, 2, 2, 2, 2]]);
  assert.deepEqual([strip.zmin, strip.zmax], [-0.5, 2.5]);
  assert.deepEqual(strip.colorscale, basinColorscale(2, true));
  assert.deepEqual((strip.colorbar as any).ticktext, ["none", "A", "B"]);
  assert.deepEqual(fig.data[1].x, [-1, 1]);
  // 4 of 9 points each for A and B (44.4%), 1 of 9 for none (11.1%).
  assert.match(fig.layout.meta.description, /blue for A at x = -1 \(44.4% of the grid\), orange for B at x = 1 \(44.4% of the grid\); grey where no minimum was reached \(11.1%\)/);
});

test("basinMapFigure 1D with the energy: the curve in basin colours above the strip", () => {
  const fig = basinMapFigure({ axes: [xs], labels: labels1D, minima: minima1D }, { energy: doubleWellEnergy() });
  assert.equal(fig.layout.title.text, "Basins of attraction: double well");
  const segments = fig.data.filter((t) => t.yaxis === "y2");
  assert.deepEqual(segments.map((t) => t.name), ["basin of A", "no minimum", "basin of B"]);
  assert.deepEqual(segments.map((t) => (t.line as any).color), [PALETTE[0], UNASSIGNED_COLOR, PALETTE[1]]);
  // Segments join up: each ends where the next starts; E on the map's grid, (x^2 - 1)^2.
  assert.deepEqual(segments[0].x, [-2, -1.5, -1, -0.5, 0]);
  assert.deepEqual(segments[0].y, [9, 1.5625, 0, 0.5625, 1]);
  assert.deepEqual(segments[2].x, [0.5, 1, 1.5, 2]);
  assert.equal(fig.data[0].showscale, false, "the legend names the basins");
  assert.ok(fig.layout.yaxis2);
  assert.match(fig.layout.meta.description, /the curve of the energy E\(x\) of the double well is drawn/);
});

test("basinMapFigure 2D: a heatmap with one colour per minimum, minima starred", () => {
  const ax = grid(-1, 1, 3);
  // Row-major, x fastest: row y = -1 is [0, 0, 1], y = 0 is [0, 1, 1], y = 1 is [1, 1, 1].
  const map = { axes: [ax, ax], labels: [0, 0, 1, 0, 1, 1, 1, 1, 1], minima: [{ x: [-1, -1] }, { x: [1, 1] }] };
  const fig = basinMapFigure(map, { minimumLabels: ["low", "high"] });
  assert.deepEqual(fig.data.map((t) => t.type), ["heatmap", "scatter"]);
  assert.deepEqual(fig.data[0].z, [[1, 1, 2], [1, 2, 2], [2, 2, 2]]);
  // No unassigned cells: the scale starts at basin 0.
  assert.deepEqual([fig.data[0].zmin, fig.data[0].zmax], [0.5, 2.5]);
  assert.deepEqual((fig.data[0].colorbar as any).ticktext, ["low", "high"]);
  assert.deepEqual((fig.layout.annotations as any[]).map((a) => a.text), ["low", "high"]);
  assert.equal((fig.layout.yaxis as any).scaleanchor, "x");
  assert.match(fig.layout.meta.description, /blue for low at \(-1, -1\) \(33.3% of the grid\), orange for high at \(1, 1\) \(66.7% of the grid\)/);
  // Without names, minima are numbered and not annotated.
  const plain = basinMapFigure(map);
  assert.deepEqual((plain.data[0].colorbar as any).ticktext, ["minimum 1", "minimum 2"]);
  assert.deepEqual(plain.layout.annotations, []);
});

test("basinMapFigure names the basins by the labels basinMap kept from the given minima", () => {
  const well = doubleWellEnergy();
  const map = basinMap(well, { axes: [{ min: -2, max: 2, count: 9 }], minima: [{ x: [-1], label: "left memory" }, { x: [1], label: "right memory" }] });
  const fig = basinMapFigure(map, { energy: well });
  assert.deepEqual(fig.data.filter((t) => t.yaxis === "y2").map((t) => t.name), ["basin of left memory", "no minimum", "basin of right memory"]);
  assert.deepEqual(fig.data[1].text, ["left memory", "right memory"]);
  assert.match(fig.layout.meta.description, /blue for left memory at x = -1/);
  // An explicit minimumLabels still wins.
  const renamed = basinMapFigure(map, { energy: well, minimumLabels: ["A", "B"] });
  assert.deepEqual(renamed.data[1].text, ["A", "B"]);
});

test("basinMapFigure: errors name the builder and the argument", () => {
  const map = { axes: [xs], labels: labels1D, minima: minima1D };
  assert.throws(() => basinMapFigure({ ...map, labels: labels1D.slice(1) }), /^RangeError: basinMapFigure: map.labels must be an array of length 9 \(one label per grid point\)/);
  assert.throws(() => basinMapFigure({ ...map, labels: [...labels1D.slice(0, 8), 2] }), /^RangeError: basinMapFigure: map.labels\[8\] must be an integer in \[-1, 1\], got 2$/);
  assert.throws(() => basinMapFigure({ ...map, labels: [...labels1D.slice(0, 8), 0.5] }), /basinMapFigure: map.labels\[8\] must be an integer in \[-1, 1\], got 0.5/);
  assert.throws(() => basinMapFigure({ ...map, minima: [] }), /basinMapFigure: map.minima must be a non-empty array of minima/);
  assert.throws(() => basinMapFigure({ ...map, minima: [{ x: [1, 2] }] }), /basinMapFigure: map.minima\[0\].x must be an array of length 1/);
  assert.throws(() => basinMapFigure({ ...map, axes: [[0, 1, 1, 2, 3, 4, 5, 6, 7]] }), /basinMapFigure: map.axes\[0\] must be strictly increasing/);
  assert.throws(() => basinMapFigure({ ...map, axes: [] }), /basinMapFigure: map.axes must be one or two grid axes/);
  assert.throws(() => basinMapFigure(null as never), /^TypeError: basinMapFigure: map must be a basin map \{ axes, labels, minima \}, got null$/);
  assert.throws(() => basinMapFigure(map, { energy: bowl2D() }), /basinMapFigure: options.energy.dimension must be 1, got 2/);
  assert.throws(() => basinMapFigure(map, { minimumLabels: ["only one"] }), /basinMapFigure: options.minimumLabels must be 2 non-empty name\(s\), one per minimum/);
  const ax = grid(-1, 1, 2);
  assert.throws(() => basinMapFigure({ axes: [ax, ax], labels: [0, 0, 0, 0], minima: [{ x: [0, 0] }] }, { energy: doubleWellEnergy() }), /basinMapFigure: options.energy must be absent for a 2D map/);
});

test("basinMapFigure: colours from the house palette; inputs not mutated", () => {
  const map = Object.freeze({ axes: Object.freeze([Object.freeze([...xs])]), labels: Object.freeze([...labels1D]), minima: Object.freeze(minima1D.map((m) => Object.freeze({ ...m, x: Object.freeze([...m.x]) }))) });
  const fig = basinMapFigure(map as never, { energy: doubleWellEnergy() });
  for (const color of colorsIn(fig)) assert.ok(isHouseColor(color), color);
  assert.deepEqual(map.labels, labels1D);
});
