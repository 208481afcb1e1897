import { test } from "node:test";
import assert from "node:assert/strict";
import {
  completionFigure,
  imageGridFigure,
  learnedEnergyFigure,
  receptiveFieldFigure,
  trainingFigure,
} from "../../src/plot/learning";
import * as plot from "../../src/plot";
import { FIGURE_KINDS } from "../../src/plot/figure";
import { SEQUENTIAL_SCALE } from "../../src/plot/style";
import { DIVERGING_SCALE, HIDDEN_COLOR, INK_SCALE, MAX_POINTS } from "../../src/plot/learning/shared";
import { energyFromFunction } from "../../src/energy/fromFunction";
import { bowl2D, doubleWellEnergy } from "./plot-fixtures";

// ------------------------------------------------------------------------------------------
// Hand-built data: points on a circle, images, a small machine, a completion.

/** n points evenly on the circle of radius r around (cx, cy). */
function circle(n: number, r = 0.5, cx = 0, cy = 0): number[][] {
  return Array.from({ length: n }, (_, k) => [cx + r * Math.cos((2 * Math.PI * k) / n), cy + r * Math.sin((2 * Math.PI * k) / n)]);
}

/** A machine-shaped object: V = 4, H = 3, W_ij = (i - 1.5) * (j + 1) / 10 (no training code). */
function smallMachine() {
  const V = 4;
  const H = 3;
  const weights = new Float64Array(V * H);
  for (let i = 0; i < V; i++) for (let j = 0; j < H; j++) weights[i * H + j] = ((i - 1.5) * (j + 1)) / 10;
  return { visible: V, hidden: H, weights, visibleBiases: new Float64Array(V), hiddenBiases: new Float64Array(H), name: "test RBM" };
}

/** The figure's colour scale stops, as plain data. */
const stops = (trace: unknown) => (trace as { colorscale: [number, string][] }).colorscale;

test("learning is a figure kind, and every builder is exported from the plot index", () => {
  assert.ok((FIGURE_KINDS as readonly string[]).includes("learning"));
  for (const name of ["learnedEnergyFigure", "imageGridFigure", "receptiveFieldFigure", "completionFigure", "trainingFigure"]) {
    assert.equal(typeof (plot as Record<string, unknown>)[name], "function", name);
  }
});

// ------------------------------------------------------------------------------------------
// learnedEnergyFigure

test("learnedEnergyFigure: a contour map with data and samples, kind landscape, Viridis like landscapeContour", () => {
  const fig = learnedEnergyFigure(bowl2D(), { data: circle(20, 0.2), samples: circle(10, 0.3), points: 30, levels: 10 });
  assert.equal(fig.layout.meta.kind, "landscape");
  assert.equal(fig.layout.title.text, "The learned energy and the data");
  assert.deepEqual(fig.data.map((t) => [t.type, t.name]), [["contour", "E(x, y)"], ["scatter", "data"], ["scatter", "model samples"]]);
  assert.deepEqual(stops(fig.data[0]), SEQUENTIAL_SCALE.map(([t, c]) => [t, c]));
  assert.equal((fig.data[0].x as number[]).length, 30);
  assert.equal((fig.data[1].marker as { color: string }).color, "#000000");
  assert.equal((fig.data[2].marker as { symbol: string }).symbol, "x-thin");
  const d = fig.layout.meta.description;
  assert.match(d, /20 data point\(s\)/);
  assert.match(d, /below the grid's median: the data sit in the low ground/);
  assert.match(d, /Orange crosses: 10 model samples\./);
});

test("learnedEnergyFigure: without samples two traces; labels rename the legend; domain overrides energy.domain", () => {
  const fig = learnedEnergyFigure(bowl2D(), {
    data: [[0, 0], [3, 3]],
    domain: { lower: [-0.5, -0.25], upper: [0.5, 0.25] },
    labels: { data: "training points" },
    points: 20,
  });
  assert.equal(fig.data.length, 2);
  assert.equal(fig.data[1].name, "training points");
  assert.deepEqual((fig.layout.xaxis as { range: number[] }).range, [-0.5, 0.5]);
  assert.match(fig.layout.meta.description, /1 data point\(s\) lie outside the drawn box/);
  const named = learnedEnergyFigure(bowl2D(), { data: [[0, 0]], samples: [[0, 0]], labels: { samples: "dreams" }, points: 10 });
  assert.equal(named.data[2].name, "dreams");
});

test("learnedEnergyFigure: data far from the valley is said to be so", () => {
  const fig = learnedEnergyFigure(bowl2D(), { data: [[0.95, 0.95], [-0.95, 0.9]], points: 20 });
  assert.match(fig.layout.meta.description, /not below the grid's median/);
});

test("learnedEnergyFigure: at most 800 points per cloud are drawn", () => {
  const fig = learnedEnergyFigure(bowl2D(), { data: circle(5000), samples: circle(3000), points: 10 });
  assert.equal((fig.data[1].x as number[]).length, MAX_POINTS);
  assert.equal((fig.data[2].y as number[]).length, MAX_POINTS);
  assert.match(fig.layout.meta.description, /5000 data point\(s\) \(800 of them drawn, evenly spaced\)/);
});

test("learnedEnergyFigure: door errors", () => {
  assert.throws(() => learnedEnergyFigure(doubleWellEnergy(), { data: [[0, 0]] }), /^RangeError: learnedEnergyFigure: energy.dimension must be 2, got 1; the learned-energy map draws 2D energies only$/);
  assert.throws(() => learnedEnergyFigure(bowl2D(), { data: [[0, 0]], level: 3 } as never), /^RangeError: learnedEnergyFigure: options.level is not an option \(did you mean levels\?\)/);
  assert.throws(() => learnedEnergyFigure(bowl2D(), {} as never), /^TypeError: learnedEnergyFigure: options.data must be an array of points/);
  assert.throws(() => learnedEnergyFigure(bowl2D(), undefined as never), /^TypeError: learnedEnergyFigure: options must be an options object with the data/);
  assert.throws(() => learnedEnergyFigure(bowl2D(), { data: [[0, 0, 0]] }), /^RangeError: learnedEnergyFigure: options.data\[0\] must be a point \[x, y\] of dimension 2/);
  assert.throws(() => learnedEnergyFigure(bowl2D(), { data: [[0, NaN]] }), /^RangeError: learnedEnergyFigure: options.data\[0\]\[1\] must be a finite number, got NaN$/);
  assert.throws(() => learnedEnergyFigure(bowl2D(), { data: [] }), /^RangeError: learnedEnergyFigure: options.data must be a non-empty array/);
  assert.throws(() => learnedEnergyFigure(bowl2D(), { data: [[0, 0]], labels: { dat: "x" } as never }), /options.labels.dat is not an option/);
  const noDomain = energyFromFunction((p) => p[0] ** 2 + p[1] ** 2, { dimension: 2 });
  assert.throws(() => learnedEnergyFigure(noDomain, { data: [[0, 0]] }), /^RangeError: learnedEnergyFigure: options.domain must be given when the energy has no domain/);
  assert.throws(() => learnedEnergyFigure(bowl2D(), { data: [[0, 0]], domain: { lower: [1, 0], upper: [0, 1] } }), /options.domain must be a Box with lower < upper/);
});

// ------------------------------------------------------------------------------------------
// learnedEnergyFigure with snapshots: the samples across training

test("learnedEnergyFigure with snapshots: one frame per epoch moves the crosses, opening on the last", () => {
  const snaps = [0, 10, 20].map((epoch) => ({ epoch, samples: circle(6, 0.5, 2 - epoch / 10, 0) }));
  const fig = learnedEnergyFigure(bowl2D(), { data: circle(12), snapshots: snaps, points: 20 });
  assert.equal(fig.layout.meta.kind, "landscape");
  assert.deepEqual(fig.data.map((t) => t.name), ["E(x, y)", "data", "model samples"]);
  const frames = fig.frames!;
  assert.deepEqual(frames.map((f) => f.name), ["epoch 0", "epoch 10", "epoch 20"]);
  assert.ok(frames.every((f) => f.traces!.length === 1 && f.traces![0] === 2), "frames move only the crosses");
  assert.deepEqual(frames[2].data[0].x, fig.data[2].x, "the figure opens on the last snapshot");
  const sliders = fig.layout.sliders as { active: number; steps: { args: unknown[] }[] }[];
  assert.equal(sliders[0].active, 2);
  assert.deepEqual(sliders[0].steps.map((s) => (s.args[0] as string[])[0]), ["epoch 0", "epoch 10", "epoch 20"]);
  const menus = fig.layout.updatemenus as { buttons: { label: string }[] }[];
  assert.deepEqual(menus[0].buttons.map((b) => b.label), ["Play", "Pause"]);
  // The plot area keeps its 400 px: the controls add room below.
  const margin = fig.layout.margin as { t: number; b: number };
  assert.equal((fig.layout.height as number) - margin.t - margin.b, 400);
  const d = fig.layout.meta.description;
  assert.match(d, /A slider steps through 3 snapshot\(s\) of the crosses, from epoch 0 \(mean \(2, 0\)\) to epoch 20 \(mean \(0, 0\)\)/);
  // Without snapshots: no frames, no slider.
  const still = learnedEnergyFigure(bowl2D(), { data: circle(12), samples: circle(3), points: 20 });
  assert.equal(still.frames, undefined);
  assert.equal(still.layout.sliders, undefined);
  // Thinned to 800 points per snapshot.
  const many = learnedEnergyFigure(bowl2D(), { data: circle(3), snapshots: [{ epoch: 1, samples: circle(2000) }], points: 20 });
  assert.equal((many.frames![0].data[0].x as number[]).length, MAX_POINTS);
});

test("learnedEnergyFigure with snapshots: door errors", () => {
  const fn = (snapshots: unknown, extra: object = {}) => learnedEnergyFigure(bowl2D(), { data: [[0, 0]], points: 20, snapshots: snapshots as never, ...extra });
  assert.throws(() => fn([]), /^RangeError: learnedEnergyFigure: options.snapshots must be a non-empty array/);
  const many = Array.from({ length: 61 }, (_, k) => ({ epoch: k, samples: [[0, 0]] }));
  assert.throws(() => fn(many), /options.snapshots must be at most 60 snapshots .* \(61\)/);
  assert.throws(() => fn([{ epoch: 2, samples: [[0, 0]] }, { epoch: 1, samples: [[0, 0]] }]), /options.snapshots\[1\].epoch must be above the previous epoch 2/);
  assert.throws(() => fn([{ epoch: "0", samples: [[0, 0]] }]), /^TypeError: learnedEnergyFigure: options.snapshots\[0\].epoch must be a finite number/);
  assert.throws(() => fn([{ epoch: 0, samples: [[0]] }]), /options.snapshots\[0\].samples\[0\] must be a point \[x, y\] of dimension 2/);
  assert.throws(() => fn([{ epoch: 0, samples: [[0, 0]] }], { samples: [[0, 0]] }), /give options.samples \(one set\) or options.snapshots \(one per epoch\), not both/);
  assert.throws(() => learnedEnergyFigure(bowl2D(), { data: [[0, 0]], points: 20, frameDuration: 100 }), /frameDuration .* give options.snapshots too/);
});

// ------------------------------------------------------------------------------------------
// imageGridFigure

test("imageGridFigure: ink images, 0 white to 1 black, read row-major, one panel each", () => {
  const fig = imageGridFigure([[0, 0.25, 0.5, 1, 0, 0], [1, 1, 1, 0, 0, 0]], { width: 3, height: 2, labels: ["a", "b"] });
  assert.equal(fig.layout.meta.kind, "learning");
  assert.equal(fig.layout.title.text, "Images");
  assert.equal(fig.data.length, 2);
  assert.deepEqual(fig.data[0].z, [[0, 0.25, 0.5], [1, 0, 0]]);
  assert.deepEqual([fig.data[0].zmin, fig.data[0].zmax], [0, 1]);
  assert.deepEqual(stops(fig.data[0]), INK_SCALE.map(([t, c]) => [t, c]));
  assert.deepEqual(stops(fig.data[0])[0], [0, "#FFFFFF"]);
  assert.equal(fig.data[1].xaxis, "x2");
  assert.ok(fig.data.every((t) => t.showscale === false));
  assert.match(fig.layout.meta.description, /^2 image\(s\) of 3 by 2 pixels in 1 row\(s\) of up to 2, drawn in grey levels from white \(0\) to black \(1\); values range from 0 to 1\. Captions: a, b\.$/);
});

test("imageGridFigure: diverging colours share one scale symmetric about 0", () => {
  const fig = imageGridFigure([[-2, 0.5], [1, 0]], { width: 2, height: 1, colors: "diverging" });
  for (const t of fig.data) assert.deepEqual([t.zmin, t.zmax], [-2, 2]);
  assert.deepEqual(stops(fig.data[0]), DIVERGING_SCALE.map(([t, c]) => [t, c]));
  assert.equal(stops(fig.data[0])[2][1], "#FFFFFF", "white in the middle, at 0");
  assert.equal(fig.data[0].showscale, true);
  assert.equal(fig.data[1].showscale, false);
  assert.match(fig.layout.meta.description, /one scale from -2 to 2 shared by every panel/);
  // All zeros: the scale stays non-empty.
  const zeros = imageGridFigure([[0, 0]], { width: 2, height: 1, colors: "diverging" });
  assert.deepEqual([zeros.data[0].zmin, zeros.data[0].zmax], [-1, 1]);
});

test("imageGridFigure: columns default to min(count, 8) and rows follow", () => {
  const images = Array.from({ length: 20 }, () => [0, 1, 1, 0]);
  const fig = imageGridFigure(images, { width: 2, height: 2 });
  assert.match(fig.layout.meta.description, /in 3 row\(s\) of up to 8/);
  assert.equal(imageGridFigure(images, { width: 2, height: 2, columns: 5 }).data[5].xaxis, "x6");
  assert.match(imageGridFigure(images, { width: 2, height: 2, columns: 5 }).layout.meta.description, /in 4 row\(s\) of up to 5/);
});

/**
 * Checks that no two panel headings overlap on a 700-pixel-wide page: each heading's width
 * (characters x 0.6 em, a little wider than the font's mean glyph) fits the spacing of the
 * panels' centres. Returns the heading texts.
 */
function headingsFit(fig: { layout: Record<string, unknown> }, prefix = ""): string[] {
  const margin = fig.layout.margin as { l: number; r: number };
  const heads = (fig.layout.annotations as { text: string; x: number; font?: { size: number } }[]).filter((a) => a.text.startsWith(prefix) && a.x !== 0);
  const xs = [...new Set(heads.map((a) => a.x))].sort((a, b) => a - b);
  const pitch = xs.length > 1 ? (xs[1] - xs[0]) * (700 - margin.l - margin.r) : Infinity;
  for (const a of heads) {
    const size = a.font?.size ?? 15;
    assert.ok(a.text.length * 0.6 * size < pitch - 4, `"${a.text}" at ${size} px is wider than the ${pitch.toFixed(0)}-pixel column`);
  }
  return heads.map((a) => a.text);
}

test("imageGridFigure: headings fit their columns on a 700-pixel page (8 and 12 columns)", () => {
  const images = (n: number) => Array.from({ length: n }, () => [0, 1, 1, 0]);
  // Without labels: no captions and no room for them; hover still names each panel.
  const plain = imageGridFigure(images(8), { width: 2, height: 2 });
  assert.deepEqual(plain.layout.annotations, []);
  const captioned = imageGridFigure(images(8), { width: 2, height: 2, labels: images(8).map((_, k) => `image ${k + 1}`) });
  assert.equal((captioned.layout.height as number) - (plain.layout.height as number), 30);
  assert.deepEqual(headingsFit(captioned), Array.from({ length: 8 }, (_, k) => `image ${k + 1}`));
  const twelve = imageGridFigure(images(12), { width: 2, height: 2, columns: 12 });
  assert.deepEqual(twelve.data.map((t) => t.name).slice(10), ["image 11", "image 12"]);
  // Given captions keep their words in a smaller font, or are left out when even that overlaps.
  const labels = Array.from({ length: 12 }, (_, k) => `digit ${k}`);
  const small = imageGridFigure(images(12), { width: 2, height: 2, columns: 12, labels });
  assert.deepEqual(headingsFit(small), labels);
  assert.ok((small.layout.annotations as { font?: { size: number } }[])[0].font!.size < 15);
  const long = Array.from({ length: 12 }, (_, k) => `a rather long caption ${k}`);
  assert.deepEqual(imageGridFigure(images(12), { width: 2, height: 2, columns: 12, labels: long }).layout.annotations, []);
  // Few columns: the usual font, no font override.
  assert.equal((imageGridFigure(images(2), { width: 2, height: 2, labels: ["a", "b"] }).layout.annotations as { font?: unknown }[])[0].font, undefined);
});

test("imageGridFigure: door errors", () => {
  assert.throws(() => imageGridFigure([[0, 0.5], [0.2, 1.5]], { width: 2, height: 1 }), /^RangeError: imageGridFigure: images\[1\]\[1\] must be a number in \[0, 1\] \(ink: 0 white, 1 black; .*\), got 1.5$/);
  assert.throws(() => imageGridFigure([[0, -0.1]], { width: 2, height: 1 }), /images\[0\]\[1\] must be a number in \[0, 1\]/);
  assert.throws(() => imageGridFigure([[0, 1, 0]], { width: 2, height: 1 }), /^RangeError: imageGridFigure: options.width \* options.height must be 3 \(the number of pixels of each image\), got 2 \(2 \* 1\)$/);
  assert.throws(() => imageGridFigure([[0, 1], [0, 1, 0]], { width: 2, height: 1 }), /^RangeError: imageGridFigure: images\[1\] must be an array of length 2/);
  assert.throws(() => imageGridFigure([[0, 1]], { width: 2, height: 1, labels: ["a", "b"] }), /options.labels must be an array of 1 string\(s\), one per image/);
  assert.throws(() => imageGridFigure([[0, 1]], { width: 2, height: 1, colors: "viridis" as never }), /options.colors must be one of "ink", "diverging", got "viridis"/);
  assert.throws(() => imageGridFigure([[0, 1]], { width: 2, height: 1, colour: "ink" } as never), /options.colour is not an option/);
  assert.throws(() => imageGridFigure(Array.from({ length: 65 }, () => [0]), { width: 1, height: 1 }), /images must be at most 64 images/);
  assert.throws(() => imageGridFigure([[0, 1]], undefined as never), /^TypeError: imageGridFigure: options must be an options object with the image size/);
  assert.throws(() => imageGridFigure([[0, 1]], { height: 1 } as never), /^TypeError: imageGridFigure: options.width must be an integer/);
});

// ------------------------------------------------------------------------------------------
// receptiveFieldFigure

test("receptiveFieldFigure: W_{., j} as an image, diverging on one symmetric scale", () => {
  const m = smallMachine();
  const fig = receptiveFieldFigure(m, { width: 2, height: 2 });
  assert.equal(fig.layout.meta.kind, "learning");
  assert.equal(fig.layout.title.text, "What each hidden unit looks for (its weights)");
  assert.deepEqual(fig.data.map((t) => t.name), ["unit 0", "unit 1", "unit 2"]);
  // Unit 2: W_i2 = (i - 1.5) * 3 / 10 = -0.45, -0.15, 0.15, 0.45, row-major in a 2 x 2 image.
  assert.deepEqual(fig.data[2].z, [[-0.45, -0.15], [0.15, 0.45]]);
  for (const t of fig.data) assert.deepEqual([t.zmin, t.zmax], [-0.45, 0.45]);
  assert.deepEqual(stops(fig.data[0]), DIVERGING_SCALE.map(([t, c]) => [t, c]));
  assert.equal((fig.data[0].colorbar as { title: { text: string } }).title.text, "weight");
  const d = fig.layout.meta.description;
  assert.match(d, /^The weights of 3 of the 3 hidden unit\(s\) of the test RBM/);
  assert.match(d, /Red marks a positive weight \(ink on that pixel makes the unit more likely to switch on\), blue a negative one/);
  assert.match(d, /one scale from -0.45 to 0.45/);
  assert.match(d, /unit 0 2 of 4/);
});

test("receptiveFieldFigure: units as a count or a list of indices", () => {
  const m = smallMachine();
  assert.deepEqual(receptiveFieldFigure(m, { width: 2, height: 2, units: 2 }).data.map((t) => t.name), ["unit 0", "unit 1"]);
  const picked = receptiveFieldFigure(m, { width: 2, height: 2, units: [1] });
  assert.deepEqual(picked.data.map((t) => t.name), ["unit 1"]);
  assert.deepEqual([picked.data[0].zmin, picked.data[0].zmax], [-0.3, 0.3], "the scale is that of the units drawn");
});

test("receptiveFieldFigure: door errors", () => {
  const m = smallMachine();
  assert.throws(() => receptiveFieldFigure({ visible: 4 } as never, { width: 2, height: 2 }), /^TypeError: receptiveFieldFigure: machine must be an RBM/);
  assert.throws(() => receptiveFieldFigure(m, { width: 3, height: 2 }), /options.width \* options.height must be 4 \(V, the number of visible units\), got 6/);
  assert.throws(() => receptiveFieldFigure(m, { width: 2, height: 2, units: 4 }), /options.units must be an integer in \[1, 3\], got 4/);
  assert.throws(() => receptiveFieldFigure(m, { width: 2, height: 2, units: [0, 3] }), /options.units\[1\] must be an integer in \[0, 2\], got 3/);
  assert.throws(() => receptiveFieldFigure(m, { width: 2, height: 2, units: [1, 1] }), /options.units\[1\] must be an index not already listed/);
  assert.throws(() => receptiveFieldFigure(m, { width: 2, height: 2, unit: 1 } as never), /options.unit is not an option \(did you mean units\?\)/);
  const bad = { ...m, weights: Float64Array.of(0, 0, 0, 0, NaN, 0, 0, 0, 0, 0, 0, 0) };
  assert.throws(() => receptiveFieldFigure(bad, { width: 2, height: 2 }), /machine.weights\[4\] must be a finite number, got NaN/);
});

// ------------------------------------------------------------------------------------------
// completionFigure

/** A completion of two 2 x 2 images with the last two pixels hidden. */
function completion() {
  return {
    originals: [[1, 0, 1, 0], [0, 1, 0, 1]],
    result: { probabilities: [[1, 0, 0.75, 0.25], [0, 1, 0.5, 0.5]], states: [[1, 0, 1, 0], [0, 1, 1, 1]], known: [true, true, false, false], method: "mean-field" as const, energyName: "m" },
  };
}

test("completionFigure: original, shown (hidden in blue-grey) and filled in, three panels per example", () => {
  const { originals, result } = completion();
  const fig = completionFigure(originals, result, { width: 2, height: 2 });
  assert.equal(fig.layout.meta.kind, "learning");
  assert.deepEqual(fig.data.map((t) => t.name), ["original 1", "shown 1", "filled in 1", "original 2", "shown 2", "filled in 2"]);
  // Shown: hidden pixels are -1 on a scale whose lower half is the blue-grey; seen ones in ink.
  assert.deepEqual(fig.data[1].z, [[1, 0], [-1, -1]]);
  assert.deepEqual([fig.data[1].zmin, fig.data[1].zmax], [-1, 1]);
  assert.equal(stops(fig.data[1])[0][1], HIDDEN_COLOR);
  assert.deepEqual((fig.data[1].text as string[][])[1], ["hidden", "hidden"]);
  assert.deepEqual(fig.data[2].z, [[1, 0], [0.75, 0.25]]);
  assert.deepEqual(stops(fig.data[2]), INK_SCALE.map(([t, c]) => [t, c]));
  // Two examples side by side: originals on the top row, completions on the bottom row.
  const domainOf = (t: { yaxis?: string }) => (fig.layout[`yaxis${t.yaxis === "y" ? "" : t.yaxis!.slice(1)}`] as { domain: number[] }).domain;
  assert.deepEqual(domainOf(fig.data[0]), domainOf(fig.data[3]));
  assert.ok(domainOf(fig.data[0])[0] > domainOf(fig.data[1])[1] - 1e-9 && domainOf(fig.data[1])[0] > domainOf(fig.data[2])[1] - 1e-9);
  const texts = (fig.layout.annotations as { text: string }[]).map((a) => a.text);
  assert.deepEqual(texts, ["example 1", "example 2", "original", "shown", "filled in"]);
  const d = fig.layout.meta.description;
  assert.match(d, /^Pattern completion by mean-field iteration for 2 2 by 2 image\(s\)/);
  assert.match(d, /the 2 hidden pixel\(s\) of the 4 in light blue-grey \(no legend: blue-grey means hidden\)/);
  // Mean |p - original| over hidden pixels: example 1 (0.25 + 0.25) / 2, example 2 (0.5 + 0.5) / 2.
  assert.match(d, /is 0.375 \(per example: 0.25, 0.5\)/);
});

test("completionFigure: more examples than columns make blocks of three rows", () => {
  const { originals, result } = completion();
  const fig = completionFigure(originals, result, { width: 2, height: 2, columns: 1 });
  const texts = (fig.layout.annotations as { text: string }[]).map((a) => a.text);
  assert.deepEqual(texts, ["example 1", "example 2", "original", "shown", "filled in", "original", "shown", "filled in"]);
  assert.equal(fig.data[3].xaxis, "x4");
});

test("completionFigure: headings fit their columns at 8 and 12 examples a row", () => {
  const one = completion();
  const originals = Array.from({ length: 12 }, (_, k) => one.originals[k % 2]);
  const result = { ...one.result, probabilities: Array.from({ length: 12 }, (_, k) => one.result.probabilities[k % 2]) };
  // Four columns: "example k"; 8 and 12: just the number over each example.
  const four = completionFigure(originals.slice(0, 4), { ...result, probabilities: result.probabilities.slice(0, 4) }, { width: 2, height: 2 });
  assert.deepEqual(headingsFit(four, "example"), ["example 1", "example 2", "example 3", "example 4"]);
  const eight = completionFigure(originals.slice(0, 8), { ...result, probabilities: result.probabilities.slice(0, 8) }, { width: 2, height: 2 });
  const texts = (eight.layout.annotations as { text: string }[]).map((a) => a.text);
  assert.deepEqual(texts, ["1", "2", "3", "4", "5", "6", "7", "8", "original", "shown", "filled in"]);
  headingsFit(eight);
  const twelve = completionFigure(originals, result, { width: 2, height: 2, columns: 12 });
  assert.deepEqual(headingsFit(twelve), Array.from({ length: 12 }, (_, k) => String(k + 1))); // row names sit at x = 0
});

test("completionFigure: door errors", () => {
  const { originals, result } = completion();
  assert.throws(() => completionFigure([originals[0]], result, { width: 2, height: 2 }), /^RangeError: completionFigure: result.probabilities must be 1 completion\(s\), one per original, .*\(length 2\)$/);
  assert.throws(() => completionFigure(originals, { ...result, known: [true, false] }, { width: 2, height: 2 }), /result.known must be an array of 4 true\/false values, one per pixel/);
  assert.throws(() => completionFigure([[1, 0, 2, 0], originals[1]], result, { width: 2, height: 2 }), /^RangeError: completionFigure: originals\[0\]\[2\] must be a number in \[0, 1\]/);
  assert.throws(() => completionFigure(originals, result, { width: 4, height: 2 }), /options.width \* options.height must be 4/);
  assert.throws(() => completionFigure(originals, result, { width: 2, height: 2, colums: 1 } as never), /options.colums is not an option \(did you mean columns\?\)/);
  const many = Array.from({ length: 13 }, () => [0, 0, 0, 0]);
  assert.throws(() => completionFigure(many, { ...result, probabilities: many }, { width: 2, height: 2 }), /originals must be at most 12 images/);
  assert.throws(() => completionFigure(originals, {} as never, { width: 2, height: 2 }), /^TypeError: completionFigure: result.probabilities must be an array of images/);
});

// ------------------------------------------------------------------------------------------
// trainingFigure

test("trainingFigure: one line per field; records without the field are skipped", () => {
  const history = [
    { epoch: 0, reconstructionError: 8, logLikelihood: -30 },
    { epoch: 1, reconstructionError: 6 },
    { epoch: 2, reconstructionError: 5, logLikelihood: -25 },
  ];
  const fig = trainingFigure(history, { y: ["reconstructionError", "logLikelihood"], labels: ["reconstruction error", "log-likelihood"] });
  assert.equal(fig.layout.meta.kind, "learning");
  assert.equal(fig.data.length, 2);
  assert.deepEqual(fig.data[0].x, [0, 1, 2]);
  assert.deepEqual(fig.data[1].x, [0, 2]);
  assert.deepEqual(fig.data[1].y, [-30, -25]);
  assert.equal(fig.data[0].mode, "lines+markers");
  assert.equal(fig.layout.showlegend, true);
  assert.equal(fig.layout.title.text, "Training: reconstruction error, log-likelihood by epoch");
  assert.equal((fig.layout.yaxis as { title: { text: string } }).title.text, "value");
  const d = fig.layout.meta.description;
  assert.match(d, /reconstruction error \(blue, 3 point\(s\)\) goes from 8 at epoch 0 to 5 at epoch 2/);
  assert.match(d, /log-likelihood \(orange, 2 point\(s\)\) goes from -30 at epoch 0 to -25 at epoch 2/);
});

test("trainingFigure: any rows, another x field, long lines thinned to 800 as plain lines", () => {
  const rows = Array.from({ length: 5000 }, (_, k) => ({ k, bias: 1 / (k + 1) }));
  const fig = trainingFigure(rows, { y: "bias", x: "k", mode: undefined });
  assert.equal((fig.data[0].x as number[]).length, MAX_POINTS);
  assert.equal(fig.data[0].mode, "lines");
  assert.equal(fig.layout.showlegend, false);
  assert.equal((fig.layout.xaxis as { title: { text: string } }).title.text, "k");
  assert.equal((fig.layout.yaxis as { title: { text: string } }).title.text, "bias");
  assert.match(fig.layout.meta.description, /bias \(5000 point\(s\), 800 drawn\)/);
});

test("trainingFigure: door errors", () => {
  const history = [{ epoch: 0, loss: 1 }, { epoch: 1, loss: 0.5 }];
  assert.throws(() => trainingFigure(history, { y: "logLikelihood" }), /^RangeError: trainingFigure: options.y must be a field of at least one record \(the records have epoch, loss\), got "logLikelihood"$/);
  assert.throws(() => trainingFigure(history, { y: ["loss", "gap"] }), /^RangeError: trainingFigure: options.y\[1\] must be a field of at least one record/);
  assert.throws(() => trainingFigure(history, { y: "loss", x: "step" }), /^RangeError: trainingFigure: options.x must be a field of at least one record/);
  assert.throws(() => trainingFigure([{ epoch: 0, loss: NaN }], { y: "loss" }), /^RangeError: trainingFigure: history\[0\].loss must be a finite number, got NaN$/);
  assert.throws(() => trainingFigure([{ epoch: 0, loss: 1 }, { loss: 2 }], { y: "loss" }), /^RangeError: trainingFigure: history\[1\].epoch must be a finite number \(the x field, beside loss\), got undefined$/);
  assert.throws(() => trainingFigure(history, { y: "loss", labels: ["a", "b"] }), /options.labels must be an array of 1 string\(s\), one per y field/);
  assert.throws(() => trainingFigure(history, { y: "loss", modes: "lines" } as never), /options.modes is not an option \(did you mean mode\?\)/);
  assert.throws(() => trainingFigure(history, { y: "loss", mode: "bars" as never }), /options.mode must be one of "lines", "markers", "lines\+markers", got "bars"/);
  assert.throws(() => trainingFigure(history, {} as never), /^TypeError: trainingFigure: options.y must be a field name or an array of field names/);
  assert.throws(() => trainingFigure([], { y: "loss" }), /^RangeError: trainingFigure: history must be a non-empty array/);
  assert.throws(() => trainingFigure([3] as never, { y: "loss" }), /^TypeError: trainingFigure: history\[0\] must be a record/);
});
