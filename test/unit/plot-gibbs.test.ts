import { test } from "node:test";
import assert from "node:assert/strict";
import { gibbsFigure, gibbsSliderFigure, halfPeakWidth, zeroTemperatureFigure } from "../../src/plot/gibbs";
import { PALETTE, sequentialColor } from "../../src/plot/style";
import { colorsIn, grid, isHouseColor, normalDensity, normalDensity2D, normalHistogram } from "./plot-fixtures";

// Densities of E = x^2 / 2: p(x) = sqrt(beta / 2 pi) exp(-beta x^2 / 2), the normal law with
// variance 1 / beta (closed form, built in the fixtures). Its peak is sqrt(beta / 2 pi) at x = 0.
const betas = [0.5, 1, 4];
const edges = grid(-3, 3, 25);

test("gibbsFigure 1D: one panel per beta with histogram bars and the exact line", () => {
  const densities = betas.map((b) => normalDensity(b));
  const histograms = betas.map((b) => normalHistogram(b, edges));
  const fig = gibbsFigure(densities, { histograms });
  assert.equal(fig.layout.meta.kind, "gibbs");
  assert.equal(fig.layout.title.text, "Gibbs distribution at several temperatures");
  assert.deepEqual(fig.data.map((t) => t.type), ["bar", "scatter", "bar", "scatter", "bar", "scatter"]);
  assert.deepEqual(fig.data.map((t) => t.xaxis), ["x", "x", "x2", "x2", "x3", "x3"]);
  assert.deepEqual(fig.data.map((t) => t.yaxis), ["y", "y", "y2", "y2", "y3", "y3"]);
  // Exact line: the density values on the grid; the peak sqrt(4 / 2 pi) = 0.797885 at x = 0 for beta = 4.
  const line = fig.data[5];
  assert.equal(line.x!.length, 121);
  assert.equal(line.y![60], 0.797885);
  assert.equal((line.line as any).color, PALETTE[0]);
  const bars = fig.data[0];
  assert.equal(bars.x!.length, 24);
  assert.deepEqual(bars.width, Array(24).fill(0.25));
  assert.equal((bars.marker as any).color, PALETTE[1]);
  // Legend entries once, not once per panel.
  assert.deepEqual(fig.data.map((t) => t.showlegend), [true, true, false, false, false, false]);
  const headings = (fig.layout.annotations as any[]).map((a) => a.text);
  assert.deepEqual(headings, ["β = 0.5", "β = 1", "β = 4"]);
  assert.ok(fig.layout.xaxis3, "three x axes");
  assert.equal((fig.layout.yaxis as any).title.text, "p(x)");
  assert.match(fig.layout.meta.description, /β = 4: peak 0.798 at x = 0/);
  assert.match(fig.layout.meta.description, /histogram of samples as orange bars/);
});

test("gibbsFigure: columns and a shared density axis", () => {
  const densities = [0.5, 1, 2, 4, 8].map((b) => normalDensity(b));
  const fig = gibbsFigure(densities, { columns: 2, sharedRange: true });
  assert.ok(fig.layout.yaxis5);
  // Shared axis: [0, 1.05 * the highest peak], sqrt(8 / 2 pi) = 1.12838.
  assert.deepEqual((fig.layout.yaxis3 as any).range, [0, Number((1.05 * Math.sqrt(8 / (2 * Math.PI))).toPrecision(6))]);
  // Row 1 holds panels 0-1, row 2 panels 2-3, row 3 panel 4: only the bottom panels title x.
  assert.equal((fig.layout.xaxis as any).title.text, "");
  assert.equal((fig.layout.xaxis5 as any).title.text, "x");
  assert.equal((fig.layout.xaxis4 as any).title.text, "x", "panel 4 has nothing below it");
});

test("gibbsFigure 2D: one heatmap per beta, z[j][i] from the row-major density", () => {
  const xs = grid(-2, 2, 5);
  const ys = grid(-1, 1, 3);
  const densities = [1, 3].map((b) => normalDensity2D(b, xs, ys));
  const fig = gibbsFigure(densities);
  assert.deepEqual(fig.data.map((t) => t.type), ["heatmap", "heatmap"]);
  const z = fig.data[1].z as number[][];
  assert.equal(z.length, 3);
  assert.equal(z[0].length, 5);
  // Index i + 5 j: z[2][4] is (x, y) = (2, 1), density (3 / 2 pi) exp(-3 (4 + 1) / 2).
  assert.equal(z[2][4], Number(((3 / (2 * Math.PI)) * Math.exp(-7.5)).toPrecision(6)));
  assert.equal(z[1][2], Number((3 / (2 * Math.PI)).toPrecision(6)));
  assert.equal((fig.layout.yaxis as any).title.text, "y");
  assert.match(fig.layout.meta.description, /one heatmap per inverse temperature β = 1, 3/);
});

test("gibbsFigure: errors name the builder and the argument", () => {
  const d = normalDensity(1);
  assert.throws(() => gibbsFigure([]), /^RangeError: gibbsFigure: densities must be a non-empty array of GibbsDensity, got \[\]$/);
  assert.throws(() => gibbsFigure([d], { histograms: [] }), /^RangeError: gibbsFigure: options.histograms must be 1 histogram\(s\), one per density, got \[\] \(length 0\)$/);
  assert.throws(() => gibbsFigure([{ ...d, density: d.density.slice(1) }]), /^RangeError: gibbsFigure: densities\[0\].density must be an array of length 121, got Float64Array of length 120 \(length 120\)$/);
  const bad = Float64Array.from(d.density);
  bad[7] = NaN;
  assert.throws(() => gibbsFigure([d, { ...d, density: bad }]), /^RangeError: gibbsFigure: densities\[1\].density\[7\] must be a finite number, got NaN$/);
  const negative = Float64Array.from(d.density);
  negative[3] = -0.1;
  assert.throws(() => gibbsFigure([{ ...d, density: negative }]), /gibbsFigure: densities\[0\].density\[3\] must be a non-negative number, got -0.1/);
  assert.throws(() => gibbsFigure([{ ...d, beta: 0 }]), /gibbsFigure: densities\[0\].beta must be a positive finite number, got 0/);
  assert.throws(() => gibbsFigure([{ ...d, axes: [[0, 0, 1]] }]), /gibbsFigure: densities\[0\].axes\[0\] must be strictly increasing/);
  const flat = normalDensity2D(1, [0, 1], [0, 1]);
  assert.throws(() => gibbsFigure([d, flat]), /^RangeError: gibbsFigure: densities\[1\].axes must be 1 axis\/axes like densities\[0\]/);
  assert.throws(() => gibbsFigure([flat], { histograms: [normalHistogram(1, edges)] }), /gibbsFigure: options.histograms must be absent for 2D densities/);
  const h = normalHistogram(1, edges);
  assert.throws(() => gibbsFigure([d], { histograms: [{ ...h, centers: h.centers.slice(1) }] }), /gibbsFigure: options.histograms\[0\].centers must be an array of length 24/);
  assert.throws(() => gibbsFigure([d], { variables: ["x", "y"] }), /gibbsFigure: options.variables must be 1 non-empty name\(s\)/);
});

test("gibbsSliderFigure: one slider step per beta, labelled, each showing only its own traces", () => {
  const densities = betas.map((b) => normalDensity(b));
  const histograms = betas.map((b) => normalHistogram(b, edges));
  const fig = gibbsSliderFigure(densities, { histograms });
  assert.equal(fig.layout.meta.kind, "gibbs");
  assert.equal(fig.data.length, 6);
  const slider = (fig.layout.sliders as any[])[0];
  assert.equal(slider.steps.length, betas.length);
  assert.deepEqual(slider.steps.map((s: any) => s.label), ["beta = 0.5", "beta = 1", "beta = 4"]);
  for (let k = 0; k < betas.length; k++) {
    const visible = slider.steps[k].args[0].visible as boolean[];
    assert.equal(visible.length, fig.data.length);
    // Traces 2k (bars) and 2k + 1 (line) belong to beta k.
    assert.deepEqual(visible.map((v, i) => (v ? i : -1)).filter((i) => i >= 0), [2 * k, 2 * k + 1]);
  }
  // The initial state is the active step.
  assert.equal(slider.active, 0);
  assert.deepEqual(fig.data.map((t) => t.visible), slider.steps[0].args[0].visible);
  assert.match(fig.data[1].name!, /\(beta = 0.5\)$/);
});

test("gibbsSliderFigure: active step, shared range, 2D heatmaps", () => {
  const densities = betas.map((b) => normalDensity(b));
  const fig = gibbsSliderFigure(densities, { active: 2, sharedRange: true });
  assert.deepEqual(fig.data.map((t) => t.visible), [false, false, true]);
  assert.equal((fig.layout.sliders as any[])[0].active, 2);
  assert.deepEqual((fig.layout.yaxis as any).range, [0, Number((1.05 * Math.sqrt(4 / (2 * Math.PI))).toPrecision(6))]);
  assert.throws(() => gibbsSliderFigure(densities, { active: 3 }), /^RangeError: gibbsSliderFigure: options.active must be an integer in \[0, 2\], got 3$/);
  const xs = grid(-1, 1, 4);
  const two = gibbsSliderFigure([1, 2].map((b) => normalDensity2D(b, xs, xs)));
  assert.deepEqual(two.data.map((t) => t.type), ["heatmap", "heatmap"]);
  assert.equal((two.layout.sliders as any[])[0].steps.length, 2);
});

test("halfPeakWidth matches the normal law's full width at half maximum, 2 sqrt(2 ln 2 / beta)", () => {
  // Grid spacing 0.05: the counted width is within two cells of the exact FWHM.
  for (const beta of [0.5, 1, 4, 16]) {
    const d = normalDensity(beta);
    const exact = 2 * Math.sqrt((2 * Math.LN2) / beta);
    const w = halfPeakWidth({ axes: d.axes, density: Array.from(d.density) });
    assert.ok(Math.abs(w - exact) <= 0.1, `beta ${beta}: ${w} vs ${exact}`);
  }
});

test("zeroTemperatureFigure: densities in order of beta, peaks normalised, the minimum marked", () => {
  // Given out of order on purpose: the figure sorts by beta.
  const densities = [4, 0.5, 16, 1].map((b) => normalDensity(b));
  const fig = zeroTemperatureFigure(densities);
  assert.equal(fig.layout.meta.kind, "gibbs");
  assert.deepEqual(fig.data.map((t) => t.name), ["β = 0.5", "β = 1", "β = 4", "β = 16"]);
  for (const t of fig.data) assert.equal(Math.max(...(t.y as number[])), 1);
  // Colours from dark (small beta) to yellow (large beta).
  assert.deepEqual(fig.data.map((t) => (t.line as any).color), [0, 1 / 3, 2 / 3, 1].map(sequentialColor));
  // The global minimum of E = x^2 / 2 on the grid is x = 0: a dashed vertical line.
  const line = (fig.layout.shapes as any[])[0];
  assert.deepEqual([line.x0, line.x1, line.line.dash], [0, 0, "dash"]);
  assert.match(fig.layout.meta.description, /global minimum x = 0/);
  // FWHM 2 sqrt(2 ln 2 / beta): 3.33 at beta = 0.5, 0.589 at beta = 16 (to the grid's 0.1).
  const [, from, to] = /shrinks from ([\d.]+) .* to ([\d.]+) /.exec(fig.layout.meta.description)!;
  assert.ok(Math.abs(Number(from) - 3.33) <= 0.1 && Math.abs(Number(to) - 0.589) <= 0.1, `${from} -> ${to}`);
  assert.ok(Number(to) < Number(from));
});

test("zeroTemperatureFigure: raw densities on a log axis, and a given minimum", () => {
  const densities = [1, 4].map((b) => normalDensity(b));
  const fig = zeroTemperatureFigure(densities, { normalise: "none", logScale: true, minimum: [0.25] });
  assert.equal((fig.layout.yaxis as any).type, "log");
  assert.equal((fig.layout.yaxis as any).title.text, "p(x)");
  assert.equal(Math.max(...(fig.data[1].y as number[])), 0.797885);
  assert.equal((fig.layout.shapes as any[])[0].x0, 0.25);
  assert.throws(() => zeroTemperatureFigure(densities, { normalise: "max" as never }), /^RangeError: zeroTemperatureFigure: options.normalise must be one of "peak", "none", got "max"$/);
  assert.throws(() => zeroTemperatureFigure(densities, { minimum: [0, 0] }), /zeroTemperatureFigure: options.minimum must be an array of length 1/);
});

test("zeroTemperatureFigure 2D: heatmaps with the minimum starred", () => {
  const xs = grid(-1, 1, 5);
  const fig = zeroTemperatureFigure([2, 1].map((b) => normalDensity2D(b, xs, xs)));
  assert.deepEqual(fig.data.map((t) => t.type), ["heatmap", "scatter", "heatmap", "scatter"]);
  assert.equal(fig.data[0].name, "beta = 1");
  assert.deepEqual([fig.data[1].x, fig.data[1].y], [[0], [0]]);
  assert.equal(Math.max(...(fig.data[2].z as number[][]).flat()), 1, "normalised to the peak");
});

test("Gibbs colours come from the house palette", () => {
  const densities = betas.map((b) => normalDensity(b));
  const histograms = betas.map((b) => normalHistogram(b, edges));
  for (const fig of [gibbsFigure(densities, { histograms }), gibbsSliderFigure(densities, { histograms })]) {
    for (const color of colorsIn(fig)) assert.ok(isHouseColor(color), `${fig.layout.title.text}: ${color}`);
  }
});

test("Gibbs builders do not mutate their inputs", () => {
  const d = normalDensity(1);
  const frozen = Object.freeze({ ...d, axes: Object.freeze([Object.freeze([...d.axes[0]])]) as unknown as number[][] });
  const h = normalHistogram(1, edges);
  const frozenH = Object.freeze({ ...h, edges: Object.freeze([...h.edges]) as unknown as number[], centers: Object.freeze([...h.centers]) as unknown as number[], density: Object.freeze([...h.density]) as unknown as number[] });
  const list = Object.freeze([frozen]);
  gibbsFigure(list, { histograms: Object.freeze([frozenH]) });
  gibbsSliderFigure(list, { histograms: [frozenH] });
  zeroTemperatureFigure(list);
  assert.equal(frozen.density[60], d.density[60]);
});
