import { test } from "node:test";
import assert from "node:assert/strict";
import { landscapeContour, landscapeFigure, landscapeSurface } from "../../src/plot/landscape";
import { PALETTE, INK } from "../../src/plot/style";
import { figureSize } from "../../src/plot/show";
import { energyFromFunction } from "../../src/energy/fromFunction";
import { bowl2D, colorsIn, doubleWellEnergy, isHouseColor } from "./plot-fixtures";

test("landscapeFigure: basin segments, the curve, then the minima", () => {
  const fig = landscapeFigure(doubleWellEnergy(), { points: 401 });
  assert.deepEqual(fig.data.map((t) => t.type), ["scatter", "scatter", "scatter", "scatter"]);
  assert.deepEqual(fig.data.map((t) => t.name), ["basin of A", "basin of B", "E(x)", "minima"]);
  const curve = fig.data[2];
  assert.equal(curve.x!.length, 401);
  assert.equal(curve.x![0], -2);
  assert.equal(curve.x![400], 2);
  // E(x) = (x^2 - 1)^2: E(-2) = 9, E(0) = 1 (grid point 200 is x = 0), E(-1) = 0 (grid point 100).
  assert.equal(curve.y![0], 9);
  assert.equal(curve.y![200], 1);
  assert.equal(curve.y![100], 0);
  assert.equal((curve.line as { color: string }).color, INK);
  assert.deepEqual((fig.layout.xaxis as { range: number[] }).range, [-2, 2]);
  assert.equal((fig.layout.xaxis as any).title.text, "x");
  assert.equal((fig.layout.yaxis as any).title.text, "E(x)");
  assert.equal(fig.layout.meta.kind, "landscape");
  assert.equal(fig.layout.title.text, "Energy landscape: double well");
});

test("landscapeFigure: derived basins split at the barrier, one palette colour each", () => {
  const fig = landscapeFigure(doubleWellEnergy(), { points: 401 });
  const shapes = fig.layout.shapes as { x0: number; x1: number; fillcolor: string; yref: string }[];
  // The barrier of (x^2 - 1)^2 between -1 and 1 is at x = 0, a grid point with 401 points.
  assert.deepEqual(shapes.map((s) => [s.x0, s.x1]), [[-2, 0], [0, 2]]);
  assert.deepEqual(shapes.map((s) => s.fillcolor), [PALETTE[0], PALETTE[1]]);
  assert.ok(shapes.every((s) => s.yref === "paper"), "strips lie along the x-axis");
  const [left, right] = fig.data;
  assert.equal((left.line as any).color, PALETTE[0]);
  assert.equal((right.line as any).color, PALETTE[1]);
  assert.ok((left.x as number[]).every((x) => x <= 0) && (right.x as number[]).every((x) => x >= 0));
  // Minimum markers take the colour of their basin.
  assert.deepEqual((fig.data[3].marker as any).color, [PALETTE[0], PALETTE[1]]);
  assert.deepEqual(fig.data[3].x, [-1, 1]);
  assert.deepEqual(fig.data[3].text, ["A", "B"]);
  assert.match(fig.layout.meta.description, /blue for A \(x from -2 to 0\), orange for B \(x from 0 to 2\)/);
  assert.match(fig.layout.meta.description, /A at x = -1 \(E = 0\), B at x = 1 \(E = 0\)/);
  // Room under the curve for the strip: the E-axis starts below the lowest energy.
  assert.ok((fig.layout.yaxis as any).range[0] < 0);
});

test("landscapeFigure: options for range, minima, explicit basins and E range", () => {
  const well = doubleWellEnergy();
  const fig = landscapeFigure(well, { range: [-1.5, 0.5], points: 21, minima: [{ x: [-1], label: "only" }], basins: [{ lower: -1.5, upper: 0, label: "left" }], energyRange: [0, 2], title: "Mine" });
  assert.equal(fig.layout.title.text, "Mine");
  assert.deepEqual((fig.layout.xaxis as any).range, [-1.5, 0.5]);
  assert.deepEqual((fig.layout.yaxis as any).range, [0, 2]);
  assert.equal(fig.data.length, 3);
  assert.equal(fig.data[0].name, "basin of left");
  // The marker's energy is computed from E when not given.
  assert.deepEqual(fig.data[2].y, [0]);
  const none = landscapeFigure(well, { minima: false });
  assert.deepEqual(none.data.map((t) => t.name), ["E(x)"]);
  assert.match(none.layout.meta.description, /No minima are marked/);
  const byAxes = landscapeFigure(well, { axes: [{ min: 0, max: 1, count: 11 }], basins: false });
  assert.equal(byAxes.data.find((t) => t.name === "E(x)")!.x!.length, 11);
  assert.match(byAxes.layout.meta.description, /1 known minimum\(s\) lie outside the drawn range/);
  const described = landscapeFigure(well, { description: "Custom alt text." });
  assert.equal(described.layout.meta.description, "Custom alt text.");
});

test("landscapeFigure: inputs are not mutated", () => {
  const options = Object.freeze({ range: Object.freeze([-2, 2]) as readonly [number, number], minima: Object.freeze([Object.freeze({ x: Object.freeze([1]) as readonly number[] })]) });
  const fig = landscapeFigure(doubleWellEnergy(), options);
  assert.equal(fig.data.at(-1)!.name, "minimum");
});

test("landscapeFigure: errors name the builder and the argument", () => {
  const well = doubleWellEnergy();
  assert.throws(() => landscapeFigure(bowl2D()), /^RangeError: landscapeFigure: energy.dimension must be 1, got 2; use landscapeContour or landscapeSurface for 2D energies$/);
  assert.throws(() => landscapeFigure({} as never), /^TypeError: landscapeFigure: energy must be an Energy/);
  assert.throws(() => landscapeFigure(well, { points: 5000 }), /landscapeFigure: options.points must be an integer in \[2, 4000\], got 5000/);
  assert.throws(() => landscapeFigure(well, { range: [1, -1] }), /landscapeFigure: options.range must be an interval \[min, max\] of finite numbers with min < max, got \[1, -1\]/);
  assert.throws(() => landscapeFigure(well, { range: [0, NaN] }), /landscapeFigure: options.range must be an interval/);
  assert.throws(() => landscapeFigure(well, { minima: [{ x: [1, 2] }] }), /landscapeFigure: options.minima\[0\].x must be an array of length 1/);
  assert.throws(() => landscapeFigure(well, { minima: false, basins: true }), /landscapeFigure: options.basins must be false when no minima are marked/);
  assert.throws(() => landscapeFigure(well, { basins: [{ lower: 1, upper: 0 }] }), /landscapeFigure: options.basins\[0\] must be an interval with lower < upper/);
  assert.throws(() => landscapeFigure(well, "x" as never), /^TypeError: landscapeFigure: options must be an options object, got "x"$/);
  assert.throws(() => landscapeFigure(well, { title: "" }), /landscapeFigure: options.title must be a non-empty string/);
  const noDomain = energyFromFunction((x) => x[0] ** 2);
  assert.throws(() => landscapeFigure(noDomain), /^RangeError: landscapeFigure: options.range must be given when the energy has no domain/);
  const hole = energyFromFunction((x) => Math.log(x[0]), { domain: { lower: [-1], upper: [1] } });
  assert.throws(() => landscapeFigure(hole), /^RangeError: landscapeFigure: energy must be finite on the drawing grid, got NaN at x = -1; narrow options.range$/);
});

test("landscapeContour: a contour of E on the grid, z[j][i] = E(x_i, y_j), minima starred", () => {
  const fig = landscapeContour(bowl2D(), { points: 41 });
  assert.deepEqual(fig.data.map((t) => t.type), ["contour", "scatter"]);
  const c = fig.data[0];
  const z = c.z as number[][];
  assert.equal(z.length, 41);
  assert.ok(z.every((row) => row.length === 41));
  // E = x^2 + 2 y^2: at (x, y) = (-1, 1) (i = 0, j = 40) it is 3; at (1, -1) it is 3; at (-1, 0) it is 1.
  assert.equal(z[40][0], 3);
  assert.equal(z[20][0], 1);
  assert.equal(z[0][20], 2, "row j = 0 is y = -1: E(0, -1) = 2");
  assert.equal(c.zmin, 0);
  assert.equal(c.zmax, 3);
  assert.equal((c.contours as any).end, 3);
  assert.equal((fig.layout.yaxis as any).scaleanchor, "x");
  assert.equal((fig.layout.xaxis as any).title.text, "x");
  assert.equal((fig.layout.yaxis as any).title.text, "y");
  assert.deepEqual([fig.data[1].x, fig.data[1].y], [[0], [0]]);
  assert.equal((fig.layout.annotations as any[])[0].text, "O");
  assert.equal(fig.layout.meta.kind, "landscape");
  assert.match(fig.layout.meta.description, /^Topographic map of the energy E\(x, y\) of the bowl/);
});

test("landscapeContour: energyMax clips the colours and levels; equalAspect can be turned off", () => {
  const fig = landscapeContour(bowl2D(), { points: 21, energyMax: 1, levels: 10, equalAspect: false });
  assert.equal(fig.data[0].zmax, 1);
  assert.equal((fig.data[0].contours as any).end, 1);
  assert.equal((fig.data[0].contours as any).size, 0.1);
  assert.equal((fig.layout.yaxis as any).scaleanchor, undefined);
  assert.match(fig.layout.meta.description, /colours clipped at 1/);
  assert.throws(() => landscapeContour(bowl2D(), { points: 21, energyMax: -1 }), /landscapeContour: options.energyMax must be a number above the grid minimum 0, got -1/);
});

test("landscapeContour and landscapeSurface: grids stay at most 120 x 120 and the JSON small", () => {
  assert.throws(() => landscapeContour(bowl2D(), { points: 121 }), /landscapeContour: options.points must be an integer in \[2, 120\], got 121/);
  assert.throws(() => landscapeSurface(bowl2D(), { axes: [{ min: -1, max: 1, count: 10 }, { min: -1, max: 1, count: 200 }] }), /landscapeSurface: options.axes\[1\].count must be an integer in \[2, 120\], got 200/);
  const big = landscapeContour(bowl2D(), { points: 120 });
  const bytes = figureSize(big);
  // 14,400 values at 6 significant digits: well under the 200 KB budget of a notebook output.
  assert.ok(bytes < 200_000, `120 x 120 contour is ${bytes} bytes`);
  assert.throws(() => landscapeContour(doubleWellEnergy()), /landscapeContour: energy.dimension must be 2, got 1; use landscapeFigure for 1D energies/);
});

test("landscapeSurface: a surface with the map projected below and minima in 3D", () => {
  const fig = landscapeSurface(bowl2D(), { points: 30 });
  assert.deepEqual(fig.data.map((t) => t.type), ["surface", "scatter3d"]);
  assert.equal((fig.data[0].z as number[][]).length, 30);
  assert.equal((fig.data[0].contours as any).z.project.z, true);
  assert.deepEqual(fig.data[1].z, [0]);
  const scene = fig.layout.scene as any;
  assert.equal(scene.zaxis.title.text, "E(x, y)");
  assert.equal(fig.layout.title.text, "Energy surface: bowl");
  const clipped = landscapeSurface(bowl2D(), { points: 11, energyMax: 2 });
  assert.ok((clipped.data[0].z as number[][]).every((row) => row.every((v) => v <= 2)));
});

test("landscape colours come from the house palette", () => {
  for (const fig of [landscapeFigure(doubleWellEnergy()), landscapeContour(bowl2D()), landscapeSurface(bowl2D())]) {
    for (const color of colorsIn(fig)) assert.ok(isHouseColor(color), `${fig.layout.title.text}: ${color}`);
  }
});
