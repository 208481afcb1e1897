import { test } from "node:test";
import assert from "node:assert/strict";
import { globalMinimaOnGrid, laplaceShares, refineAt } from "../../src/plot/gridMinima";
import { grid } from "./plot-fixtures";

test("refineAt: the vertex of the parabola through the neighbours, and the curvature", () => {
  // E = 3 (x - 0.12)^2 on a grid of step 0.1: the lowest grid point is 0.1 (E = 0.0012); the
  // parabola through three samples of a parabola is the parabola itself: vertex 0, E'' = 6.
  const xs = grid(-1, 1, 21);
  const e = xs.map((x) => 3 * (x - 0.12) ** 2);
  const m = refineAt([xs], e, 11);
  assert.ok(Math.abs(m.x[0] - 0.1) < 1e-12, "marked at the grid point");
  assert.ok(Math.abs(m.energy) < 1e-12);
  assert.ok(Math.abs(m.curvature - 6) < 1e-9);
  // At the edge there is no neighbour on one side: the grid value, and no curvature.
  const edge = refineAt([xs], e, 0);
  assert.equal(edge.energy, e[0]);
  assert.ok(Number.isNaN(edge.curvature));
  // 2D: E = (x - 0.03)^2 + 2 (y + 0.04)^2 + x y / 2 has Hessian [[2, 1/2], [1/2, 4]], det 7.75.
  const ax = grid(-1, 1, 21);
  const e2: number[] = [];
  for (let j = 0; j < 21; j++) for (let i = 0; i < 21; i++) e2.push((ax[i] - 0.03) ** 2 + 2 * (ax[j] + 0.04) ** 2 + (ax[i] * ax[j]) / 2);
  const m2 = refineAt([ax, ax], e2, 10 + 21 * 10);
  assert.ok(Math.abs(m2.curvature - 7.75) < 1e-9);
});

test("globalMinimaOnGrid: a flat run of equal values is one minimum, at its middle", () => {
  const xs = grid(0, 6, 7);
  const e = [3, 1, 0, 0, 0, 1, 3];
  assert.deepEqual(globalMinimaOnGrid([xs], e, 0).map((m) => m.x[0]), [3]);
  // A minimum on the edge of the grid counts (the landscape may continue downhill beyond it).
  assert.deepEqual(globalMinimaOnGrid([xs], [0, 1, 2, 3, 2, 1, 0.5], 0).map((m) => m.x[0]), [0]);
});

test("globalMinimaOnGrid 2D: two equal neighbouring grid values are one minimum; symmetric wells all tie", () => {
  // A minimum half way between grid points in x: two grid points with equal E, one minimum.
  const xs = grid(-1, 1, 20);
  const e: number[] = [];
  for (let j = 0; j < 20; j++) for (let i = 0; i < 20; i++) e.push(xs[i] ** 2 + (xs[j] - 0.1) ** 2);
  assert.equal(globalMinimaOnGrid([xs, xs], e, 1e-9).length, 1);
  // Four symmetric wells.
  const ys = grid(-2, 2, 41);
  const four: number[] = [];
  for (let j = 0; j < 41; j++) for (let i = 0; i < 41; i++) four.push((ys[i] ** 2 - 1) ** 2 + (ys[j] ** 2 - 1) ** 2);
  const minima = globalMinimaOnGrid([ys, ys], four, 1e-9);
  assert.deepEqual(minima.map((m) => m.x.map((v) => Math.round(v * 1e9) / 1e9)), [[-1, -1], [1, -1], [-1, 1], [1, 1]]);
  assert.deepEqual(laplaceShares(minima)!.map((v) => Math.round(v * 1e9) / 1e9), [0.25, 0.25, 0.25, 0.25]);
});

test("laplaceShares: none when a curvature is unknown or not positive", () => {
  const at = (curvature: number) => ({ x: [0], energy: 0, curvature, index: 0 });
  assert.equal(laplaceShares([at(8), at(NaN)]), undefined);
  assert.equal(laplaceShares([at(8), at(0)]), undefined);
  assert.deepEqual(laplaceShares([at(4), at(4)]), [0.5, 0.5]);
});
