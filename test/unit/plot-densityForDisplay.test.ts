import { test } from "node:test";
import assert from "node:assert/strict";
import { DENSITY_MAX_CELLS_2D, DENSITY_MAX_POINTS_1D, curveForDisplay, extremaIndices, heatmapForDisplay } from "../../src/plot/densityForDisplay";
import { gibbsFigure, gibbsSliderFigure } from "../../src/plot/gibbs";
import { zeroTemperatureFigure } from "../../src/plot/zeroTemperature";
import { temperatureSweep } from "../../src/gibbs";
import { doubleWell } from "../../src/landscapes";
import { createRandom } from "../../src/sampling/random";
import { grid, normalDensity, normalDensity2D } from "./plot-fixtures";

test("extremaIndices: short curves untouched; long ones keep every stretch's extremes and both ends", () => {
  assert.deepEqual(extremaIndices([3, 1, 2], 4), [0, 1, 2]);
  const random = createRandom(3);
  for (const n of [5, 999, 1000, 1001, 5001]) {
    const values = Array.from({ length: n }, () => random.next());
    const max = 100;
    const kept = extremaIndices(values, max);
    if (n <= max) {
      assert.equal(kept.length, n);
      continue;
    }
    assert.ok(kept.length <= max, `${n}: ${kept.length} kept`);
    assert.equal(kept[0], 0);
    assert.equal(kept[kept.length - 1], n - 1);
    for (let k = 1; k < kept.length; k++) assert.ok(kept[k] > kept[k - 1], "indices increase");
    // Every stretch's largest and smallest value is among the kept ones: so are the global ones.
    const stretches = Math.floor((max - 2) / 2);
    for (let s = 0; s < stretches; s++) {
      const from = Math.floor((s * n) / stretches);
      const to = Math.floor(((s + 1) * n) / stretches);
      const part = values.slice(from, to);
      const keptPart = kept.filter((i) => i >= from && i < to).map((i) => values[i]);
      assert.equal(Math.max(...keptPart), Math.max(...part));
      assert.equal(Math.min(...keptPart), Math.min(...part));
    }
  }
});

test("curveForDisplay: a cold Gibbs density on 5001 points keeps its exact peak in 1000 points", () => {
  // E = (x^2 - 1)^2 at beta = 1000: two spikes of width about 1 / sqrt(8 beta) = 0.011, about
  // 14 grid steps; even spacing at 1000 points would step 0.004 and could miss the top.
  const [cold] = temperatureSweep(doubleWell(), { betas: [1000], axes: [{ min: -2, max: 2, count: 5001 }] });
  const curve = curveForDisplay(cold.axes[0], cold.density);
  assert.ok(curve.x.length <= DENSITY_MAX_POINTS_1D);
  assert.equal(Math.max(...curve.y), Math.max(...cold.density));
  const fig = zeroTemperatureFigure([cold], { normalise: "none" });
  assert.ok(fig.data[0].x!.length <= DENSITY_MAX_POINTS_1D);
});

test("heatmapForDisplay: blocks of cells averaged, total mass kept, short grids untouched", () => {
  // 121 x 121 grid with cap 80: blocks of 2, so 61 cells a side (the last block holds 1 point).
  const xs = grid(-3, 3, 121);
  const values = Array.from({ length: 121 * 121 }, (_, k) => (k % 7) + Math.floor(k / 121));
  const cells = heatmapForDisplay(xs, xs, values, DENSITY_MAX_CELLS_2D);
  assert.equal(cells.x.length, 61);
  assert.equal(cells.y.length, 61);
  assert.equal(cells.z.length, 61);
  assert.equal(cells.z[0].length, 61);
  assert.ok(Math.abs(cells.x[0] - (xs[0] + xs[1]) / 2) < 1e-15);
  assert.equal(cells.x[60], xs[120]);
  // Sum over cells of mean x block size = the sum of all values (block sizes 2 except the last, 1).
  const size = (c: number) => (c === 60 ? 1 : 2);
  let mass = 0;
  cells.z.forEach((row, j) => row.forEach((v, i) => (mass += v * size(i) * size(j))));
  const total = values.reduce((a, b) => a + b, 0);
  assert.ok(Math.abs(mass - total) <= 1e-9 * total, `${mass} vs ${total}`);
  // A grid within the cap comes back as it was.
  const small = heatmapForDisplay([0, 1, 2], [0, 1], [1, 2, 3, 4, 5, 6]);
  assert.deepEqual(small, { x: [0, 1, 2], y: [0, 1], z: [[1, 2, 3], [4, 5, 6]] });
});

test("Gibbs figures draw fine grids at display size", () => {
  // 161 points a side, cap 80: blocks of ceil(161 / 80) = 3, so ceil(161 / 3) = 54 cells a side.
  const fine = grid(-3, 3, 161);
  const heat = gibbsFigure([normalDensity2D(1, fine, fine)]);
  assert.equal(heat.data[0].z!.length, 54);
  assert.equal((heat.data[0].z as number[][])[0].length, 54);
  const longGrid = grid(-3, 3, 4001);
  const slider = gibbsSliderFigure([normalDensity(1, longGrid), normalDensity(4, longGrid)]);
  for (const trace of slider.data) assert.ok(trace.x!.length <= DENSITY_MAX_POINTS_1D);
  // The peak of N(0, 1/4), sqrt(4 / 2 pi) = 0.797885 (to the figure's 6 significant digits), survives.
  assert.equal(Math.max(...(slider.data[1].y as number[])), 0.797885);
});
