import { test } from "node:test";
import assert from "node:assert/strict";
import { gibbsFigure, gibbsSliderFigure } from "../../src/plot/gibbs";
import { zeroTemperatureFigure } from "../../src/plot/zeroTemperature";
import { halfPeakWidth } from "../../src/gibbs/halfPeakWidth";
import { PALETTE, sequentialColor } from "../../src/plot/style";
import { colorsIn, grid, isHouseColor, normalDensity, normalDensity2D, normalHistogram } from "./plot-fixtures";
import type { GibbsDensity } from "../../src/types";
import { gibbsDensity } from "../../src/gibbs";
import { energyFromFunction } from "../../src/energy/fromFunction";

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
  assert.throws(() => gibbsFigure([d], { histograms: {} as never }), /^TypeError: gibbsFigure: options.histograms must be an array of Histogram, got an object$/);
  assert.throws(() => gibbsFigure([d], { histogram: [] } as never), /^RangeError: gibbsFigure: options.histogram is not an option \(did you mean histograms\?\)/);
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
    const w = halfPeakWidth(d);
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

/**
 * A Gibbs density of energies given on a grid (1D or 2D, row-major), normalised by the grid sum;
 * with `f`, it carries the energy f too (so the figure can take its Hessian).
 */
function densityOf(beta: number, axes: number[][], energies: Float64Array, f?: (x: number[]) => number): GibbsDensity {
  const cellVolume = axes.reduce((v, a) => v * (a[1] - a[0]), 1);
  const shift = Math.min(...energies);
  const logZ = Math.log(energies.reduce((s, e) => s + Math.exp(-beta * (e - shift)), 0) * cellVolume) - beta * shift;
  const logDensity = energies.map((e) => -beta * e - logZ);
  const energy = f === undefined ? undefined : energyFromFunction((x) => f(Array.from(x)), { dimension: axes.length, name: "test energy" });
  return { beta, energyName: "test energy", ...(energy ? { energy } : {}), axes, density: logDensity.map((v) => Math.exp(v)), logDensity, energies, logZ, cellVolume };
}

// Two equally deep parabolic wells, E = min(4 (x + 1)^2, 12 (x - 1)^2): E'' = 8 on the left,
// 24 on the right. Laplace's method: the mass splits as 1/sqrt(8) : 1/sqrt(24), that is
// sqrt(3) / (1 + sqrt(3)) = 0.634 on the flat left well and 0.366 on the steep right one.
const tiedXs = grid(-2, 2, 401);
const tiedEnergy = (x: number, offset = 0) => Math.min(4 * (x + 1) ** 2, 12 * (x - 1) ** 2 + offset);
const tied = (offset = 0) =>
  [1, 10, 100].map((b) => densityOf(b, [tiedXs], Float64Array.from(tiedXs, (x) => tiedEnergy(x, offset)), (x) => tiedEnergy(x[0], offset)));

test("zeroTemperatureFigure with tied minima: every one marked, and the alt text says the mass splits", () => {
  const fig = zeroTemperatureFigure(tied());
  assert.deepEqual((fig.layout.shapes as any[]).map((l) => [l.x0, l.x1]), [[-1, -1], [1, 1]]);
  assert.deepEqual((fig.layout.annotations as any[]).map((a) => a.text), ["tied minimum x = -1", "tied minimum x = 1"]);
  const words = fig.layout.meta.description;
  assert.match(words, /Dashed lines mark the 2 tied global minima x = -1 and x = 1/);
  assert.match(words, /does not become a point mass at one of them: the mass splits between them, in proportion to 1\/√E'' at each \(Laplace's method\), about 63% and 37% here\./);
  assert.doesNotMatch(words, /where p becomes a point mass/);
});

test("zeroTemperatureFigure: a near tie beyond the tolerance is one minimum; tieTolerance widens it", () => {
  // The right well raised by 0.01: the default tolerance is 1e-4 of the grid's energy range (36).
  const one = zeroTemperatureFigure(tied(0.01));
  assert.deepEqual((one.layout.shapes as any[]).map((l) => l.x0), [-1]);
  assert.match(one.layout.meta.description, /A dashed line marks the global minimum x = -1, where p becomes a point mass as β → ∞/);
  const both = zeroTemperatureFigure(tied(0.01), { tieTolerance: 0.05 });
  assert.deepEqual((both.layout.shapes as any[]).map((l) => l.x0), [-1, 1]);
});

test("zeroTemperatureFigure: tied minima between grid points still compare equal (parabola through the neighbours)", () => {
  // Minima at -0.735 and 0.805 on a grid of step 0.02 that holds neither: the lowest grid values
  // differ (0.000025 at -0.74 against 0.000075 at 0.8), the refined vertices are both E = 0.
  const xs = grid(-2, 2, 201);
  const f = (x: number) => Math.min((x + 0.735) ** 2, 3 * (x - 0.805) ** 2);
  const fig = zeroTemperatureFigure([densityOf(50, [xs], Float64Array.from(xs, f), (x) => f(x[0]))], { tieTolerance: 1e-9 });
  // Marked at the lowest grid points, where the drawn curves peak.
  assert.deepEqual((fig.layout.shapes as any[]).map((l) => l.x0), [-0.74, 0.8]);
  assert.match(fig.layout.meta.description, /about 63% and 37% here/);
});

test("zeroTemperatureFigure 2D with four tied wells: four stars, equal shares", () => {
  // E = (x^2 - 1)^2 + (y^2 - 1)^2: four minima at (+-1, +-1), all E = 0 with the same Hessian diag(8, 8).
  const xs = grid(-2, 2, 41);
  const e = new Float64Array(41 * 41);
  for (let j = 0; j < 41; j++) for (let i = 0; i < 41; i++) e[i + 41 * j] = (xs[i] ** 2 - 1) ** 2 + (xs[j] ** 2 - 1) ** 2;
  const fig = zeroTemperatureFigure([1, 8].map((b) => densityOf(b, [xs, xs], e, (p) => (p[0] ** 2 - 1) ** 2 + (p[1] ** 2 - 1) ** 2)));
  const stars = fig.data.filter((t) => t.type === "scatter");
  assert.equal(stars.length, 2, "one star trace per panel");
  assert.deepEqual([stars[0].x, stars[0].y], [[-1, 1, -1, 1], [-1, -1, 1, 1]]);
  assert.equal(stars[0].name, "tied global minima");
  assert.match(fig.layout.meta.description, /White stars mark the 4 tied global minima \(-1, -1\), \(1, -1\), \(-1, 1\) and \(1, 1\)/);
  assert.match(fig.layout.meta.description, /1\/√det\(Hessian of E\) at each \(Laplace's method\), about 25%, 25%, 25% and 25% here/);
});

test("zeroTemperatureFigure: minima given as options, and their errors", () => {
  const fig = zeroTemperatureFigure(tied(0.01), { minima: [[-1], [1]] });
  assert.deepEqual((fig.layout.shapes as any[]).map((l) => l.x0), [-1, 1]);
  assert.match(fig.layout.meta.description, /about 63% and 37% here/);
  assert.throws(() => zeroTemperatureFigure(tied(), { minimum: [1], minima: [[1]] }), {
    name: "RangeError",
    message: "zeroTemperatureFigure: options.minima must be absent when options.minimum is given (give one or the other), got [[1]]",
  });
  assert.throws(() => zeroTemperatureFigure(tied(), { minima: [[1, 2]] }), /^RangeError: zeroTemperatureFigure: options.minima\[0\] must be an array of length 1, got \[1, 2\] \(length 2\)$/);
  assert.throws(() => zeroTemperatureFigure(tied(), { minima: [] }), /^RangeError: zeroTemperatureFigure: options.minima must be a non-empty array of points, got \[\]$/);
  assert.throws(() => zeroTemperatureFigure(tied(), { tieTolerance: -1 }), /^RangeError: zeroTemperatureFigure: options.tieTolerance must be a non-negative finite number, got -1$/);
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

test("every Gibbs figure records its inverse temperatures in layout.meta.betas (the course checks four or more)", () => {
  // The same four densities through each builder: the betas come back in the order given.
  const betas = [0.5, 1, 2, 4];
  const densities = betas.map((beta) => gibbsDensity(energyFromFunction((x) => (x[0] * x[0] - 1) ** 2), { beta, axes: [{ min: -2, max: 2, count: 81 }] }));
  for (const figure of [gibbsFigure(densities), gibbsSliderFigure(densities), zeroTemperatureFigure(densities)]) {
    assert.deepEqual(figure.layout.meta.betas, betas);
  }
});

test("gibbsFigure pairs histograms with densities by beta, not by position", () => {
  const edges = grid(-3, 3, 25);
  const densities = [0.5, 1, 4].map((b) => normalDensity(b));
  const inOrder = gibbsFigure(densities, { histograms: [0.5, 1, 4].map((b) => normalHistogram(b, edges)) });
  const shuffled = gibbsFigure(densities, { histograms: [4, 0.5, 1].map((b) => normalHistogram(b, edges)) });
  assert.deepEqual(shuffled.data, inOrder.data);
  // A density may have no histogram: only the panel at beta = 4 gets bars.
  const one = gibbsFigure(densities, { histograms: [normalHistogram(4, edges)] });
  const bars = one.data.filter((t) => t.type === "bar");
  assert.equal(bars.length, 1);
  assert.equal(bars[0].xaxis, "x3");
  assert.match(one.layout.meta.description, /paired by β: 1 of 3 panels/);
});

test("gibbsFigure refuses a histogram at a beta no density has, of another energy, or without a beta", () => {
  const edges = grid(-3, 3, 25);
  const densities = [0.5, 1, 4].map((b) => normalDensity(b));
  assert.throws(() => gibbsFigure(densities, { histograms: [normalHistogram(2, edges)] }), {
    name: "RangeError",
    message: "gibbsFigure: the histogram at beta = 2 has no density at the same beta; the densities have beta 0.5, 1, 4",
  });
  assert.throws(() => gibbsSliderFigure(densities, { histograms: [{ ...normalHistogram(1, edges), energyName: "double well" }] }), {
    name: "RangeError",
    message: 'gibbsSliderFigure: the histogram at beta = 1 comes from the energy "double well" but the density at that beta is of "parabola"',
  });
  const { beta: _beta, ...unlabelled } = normalHistogram(1, edges);
  assert.throws(() => gibbsFigure(densities, { histograms: [unlabelled] }), /^RangeError: gibbsFigure: options.histograms\[0\].beta must be the beta of the run it came from/);
  assert.throws(
    () => gibbsFigure(densities, { histograms: [normalHistogram(1, edges), normalHistogram(1, edges)] }),
    /^RangeError: gibbsFigure: options.histograms\[0\] and \[1\] are both at beta = 1; give at most one histogram per density$/,
  );
  assert.throws(() => gibbsFigure([densities[0], { ...densities[1], energyName: "double well" }]), {
    name: "RangeError",
    message: 'gibbsFigure: densities[1] is of the energy "double well" but densities[0] of "parabola"; a figure shows one energy',
  });
});

test("gibbsFigure with a real sampler run: the histogram brings its beta and energy name", () => {
  const well = energyFromFunction((x) => (x[0] ** 2 - 1) ** 2, { name: "double well" });
  const axes = [{ min: -2.5, max: 2.5, count: 201 }];
  const densities = [1, 3].map((beta) => gibbsDensity(well, { beta, axes }));
  const h = { edges: grid(-2, 2, 9), centers: grid(-1.75, 1.75, 8), counts: [1, 1, 1, 1, 1, 1, 1, 1], density: new Array(8).fill(0.25), outside: 0, total: 8 };
  const fig = gibbsFigure(densities, { histograms: [{ ...h, beta: 3, energyName: "double well" }] });
  assert.equal(fig.data.filter((t) => t.type === "bar")[0].xaxis, "x2");
  assert.throws(() => gibbsFigure(densities, { histograms: [{ ...h, beta: 3, energyName: "tilted double well" }] }), /comes from the energy "tilted double well" but the density at that beta is of "double well"/);
});
