import { test } from "node:test";
import assert from "node:assert/strict";
import { FIGURE_KINDS } from "../../src/plot/figure";
import {
  PALETTE,
  PALETTE_NAMES,
  axis,
  axisTitles,
  baseLayout,
  betaLabel,
  energyNamePhrase,
  energyPhrase,
  formatNumber,
  formatPoint,
  makeFigure,
  paletteColor,
  paletteColorName,
  roundAll,
  roundForPlot,
  sequentialColor,
  SEQUENTIAL_SCALE,
  TITLE_LINE_HEIGHT,
  TITLE_MAX_CHARS,
  wrapTitle,
} from "../../src/plot/style";
import { subplotGrid } from "../../src/plot/subplots";

test("the palette is Okabe-Ito, blue first, eight colours with names", () => {
  // Okabe & Ito (2008), "Color Universal Design", the eight colours as hex.
  const okabeIto = ["#000000", "#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7"];
  assert.deepEqual([...PALETTE].sort(), [...okabeIto].sort());
  assert.equal(PALETTE[0], "#0072B2");
  assert.equal(PALETTE_NAMES.length, PALETTE.length);
  assert.ok(Object.isFrozen(PALETTE));
});

test("paletteColor cycles and rejects bad indices", () => {
  assert.equal(paletteColor(0), PALETTE[0]);
  assert.equal(paletteColor(9), PALETTE[1]);
  assert.equal(paletteColorName(8), PALETTE_NAMES[0]);
  assert.throws(() => paletteColor(-1), /^RangeError: paletteColor: i must be a non-negative integer, got -1$/);
  assert.throws(() => paletteColor(1.5), /paletteColor: i must be a non-negative integer, got 1.5/);
});

test("sequentialColor hits the Viridis stops and interpolates between them", () => {
  assert.equal(sequentialColor(0), "#440154");
  assert.equal(sequentialColor(1), "#FDE725");
  assert.equal(sequentialColor(0.5), "#21918C");
  // Halfway between #440154 and #472D7B: (68 + 71) / 2 = 69.5 -> 70 = 0x46, (1 + 45) / 2 = 23 = 0x17,
  // (84 + 123) / 2 = 103.5 -> 104 = 0x68 (Math.round rounds halves up).
  assert.equal(sequentialColor(0.0625), "#461768");
  assert.equal(SEQUENTIAL_SCALE.length, 9);
  assert.throws(() => sequentialColor(1.5), /sequentialColor: t must be a number in \[0, 1\], got 1.5/);
  assert.throws(() => sequentialColor(NaN), /got NaN/);
});

test("the kinds are the fixed list the notebook tests count", () => {
  assert.deepEqual([...FIGURE_KINDS], ["landscape", "descent", "gibbs", "basins", "sampler", "hopfield", "learning"]);
});

test("makeFigure sets the title, meta, base layout and config", () => {
  const fig = makeFigure({ kind: "landscape", title: "A line", description: "A straight line.", data: [{ type: "scatter", x: [0, 1], y: [0, 1] }] });
  assert.equal(fig.layout.title.text, "A line");
  assert.deepEqual(fig.layout.meta, { kind: "landscape", description: "A straight line." });
  assert.equal(fig.layout.paper_bgcolor, "white");
  assert.equal(fig.layout.plot_bgcolor, "white");
  assert.ok((fig.layout.font as { size: number }).size >= 14, "fonts readable at handout size");
  assert.equal(fig.config?.displaylogo, false);
  assert.equal(fig.frames, undefined);
  // A layout override replaces top-level keys but never the title or meta.
  const over = makeFigure({ kind: "gibbs", title: "T", description: "D", data: [], layout: { height: 300, title: "ignored", meta: "ignored" } });
  assert.equal(over.layout.height, 300);
  assert.equal(over.layout.title.text, "T");
  assert.equal(over.layout.meta.kind, "gibbs");
});

test("makeFigure rejects unknown kinds and empty titles or descriptions", () => {
  const parts = { kind: "landscape" as const, title: "T", description: "D", data: [] };
  assert.throws(() => makeFigure({ ...parts, kind: "pie" as never }), /^RangeError: makeFigure: parts.kind must be one of landscape, descent, gibbs, basins, sampler, hopfield, learning, got "pie"$/);
  assert.throws(() => makeFigure({ ...parts, title: "  " }), /makeFigure: parts.title must be a non-empty string, got "  "/);
  assert.throws(() => makeFigure({ ...parts, description: 3 as never }), /^TypeError: makeFigure: parts.description must be a non-empty string, got 3$/);
  assert.throws(() => makeFigure({ ...parts, data: "x" as never }), /makeFigure: parts.data must be an array of traces/);
});

test("baseLayout is a fresh object each call, with an axis template for every axis", () => {
  const a = baseLayout();
  const b = baseLayout();
  assert.notEqual(a, b);
  assert.notEqual((a.template as any).layout.xaxis, (b.template as any).layout.xaxis);
  (a.template as any).layout.xaxis.gridcolor = "red";
  assert.equal((baseLayout().template as any).layout.xaxis.gridcolor, "#E5E5E5");
  assert.equal((a.template as any).layout.yaxis.showline, true);
});

test("every line is drawn through all its points: line.simplify is off for every scatter trace", () => {
  // plotly's default drops nearly collinear points, which puts corners into smooth curves
  // (seen on the tilted double well near x = -0.35).
  assert.deepEqual((baseLayout().template as any).data.scatter, [{ line: { simplify: false } }]);
});

test("wrapTitle: long titles become even lines, broken between words, not inside a formula", () => {
  const short = "Energy landscape: double well";
  assert.equal(wrapTitle(short), short);
  const long = "Lily pad: E = (c/2)|x|² − d exp(−|x − m|²/2w²), c = 0.3, d = 1.2, w = 0.35";
  assert.ok(long.length > TITLE_MAX_CHARS);
  // The break goes after the comma that ends the formula, not at a space inside it.
  assert.equal(wrapTitle(long), "Lily pad: E = (c/2)|x|² − d exp(−|x − m|²/2w²),<br>c = 0.3, d = 1.2, w = 0.35");
  const words = "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen";
  for (const max of [10, 20, 40, 70]) {
    const lines = wrapTitle(words, max).split("<br>");
    assert.equal(lines.join(" "), words, "no word lost or split");
    assert.ok(lines.every((l) => l.length <= max), `max ${max}: ${lines.join(" | ")}`);
    // Word boundaries may need a line more than the characters alone (at 10 and 20 they do).
    if (max >= 40) assert.equal(lines.length, Math.ceil(words.length / max), `max ${max}: as few lines as fit`);
  }
  // Tags do not count and are never split; breaks the author made are kept.
  const styled = 'A <span style="font-weight: bold">styled title</span> with enough words to wrap';
  const wrapped = wrapTitle(styled, 30);
  assert.equal(wrapped, 'A <span style="font-weight: bold">styled title</span> with<br>enough words to wrap');
  assert.equal(wrapped.replace("<br>", " "), styled);
  assert.equal(wrapTitle("first<br>second", 10), "first<br>second");
  assert.equal(wrapTitle("Averyveryverylongwordwithoutspaces", 10), "Averyveryverylongwordwithoutspaces");
  assert.throws(() => wrapTitle("x", 3), /^RangeError: wrapTitle: maxChars must be an integer >= 10, got 3$/);
});

test("makeFigure wraps a long title and grows the top margin and height by a line per break", () => {
  const parts = { kind: "landscape" as const, description: "D", data: [] };
  const title = "Basin map of descent with η = 1: memory A's basin is gone, every start recalls B";
  const fig = makeFigure({ ...parts, title, layout: { margin: { l: 70, r: 30, t: 90, b: 120 }, height: 560 } });
  assert.equal(fig.layout.title.text, "Basin map of descent with η = 1:<br>memory A's basin is gone, every start recalls B");
  assert.deepEqual(fig.layout.margin, { l: 70, r: 30, t: 90 + TITLE_LINE_HEIGHT, b: 120 });
  assert.equal(fig.layout.height, 560 + TITLE_LINE_HEIGHT);
  // The first line stays where a one-line title sits: the middle of the original top margin.
  assert.equal(fig.layout.title.y, roundForPlot(1 - 45 / (560 + TITLE_LINE_HEIGHT), 4));
  assert.equal(fig.layout.title.yanchor, "middle");
  // A title that fits is left alone, and so is the layout.
  const plain = makeFigure({ ...parts, title: "Short" });
  assert.equal(plain.layout.title.y, undefined);
  assert.deepEqual(plain.layout.margin, baseLayout().margin);
});

test("energy names in sentences: an article when plain, none when there is one, the formula as an equation", () => {
  assert.equal(energyNamePhrase({ name: "double well" }), "the double well");
  assert.equal(energyNamePhrase({ name: "the double well" }), "the double well");
  assert.equal(energyNamePhrase({ name: "The double well" }), "the double well");
  assert.equal(energyNamePhrase({ name: "your energy" }), "your energy");
  assert.equal(energyNamePhrase({ name: "quadratic, k = 1" }), "“quadratic, k = 1”");
  const formula = { name: "(x^2 - 1)^2 + t * x", formula: "(x^2 - 1)^2 + t * x", variables: ["x"] };
  assert.equal(energyNamePhrase(formula), "E(x) = (x^2 - 1)^2 + t * x");
  assert.equal(energyPhrase(formula), "the energy E(x) = (x^2 - 1)^2 + t * x");
  assert.equal(energyPhrase({ name: "lily pad", variables: ["x", "y"] }), "the energy E(x, y) of the lily pad");
  assert.equal(energyPhrase({ name: "the lily pad", variables: ["x", "y"] }), "the energy E(x, y) of the lily pad");
  // A name that already says energy is not repeated.
  assert.equal(energyPhrase({ name: "your energy", variables: ["x"] }), "your energy E(x)");
  assert.equal(energyPhrase({ name: "custom energy", variables: ["x"] }), "the custom energy E(x)");
  // A formula energy given another name is called by that name.
  assert.equal(energyPhrase({ ...formula, name: "tilted double well" }), "the energy E(x) of the tilted double well");
});

test("axis titles use the course's symbols", () => {
  assert.equal(axisTitles.energy(), "E(x)");
  assert.equal(axisTitles.energy(["x", "y"]), "E(x, y)");
  assert.equal(axisTitles.density(["x"]), "p(x)");
  assert.equal(axisTitles.step, "step");
  assert.equal(axisTitles.time, "t");
  assert.match(axisTitles.beta, /^β/);
  assert.deepEqual(axis("x", { range: [-2, 2] }), { title: { text: "x" }, range: [-2, 2] });
});

test("numbers for labels and data", () => {
  assert.equal(formatNumber(0.123456), "0.123");
  assert.equal(formatNumber(-1), "-1");
  assert.equal(formatNumber(0), "0");
  assert.equal(formatNumber(1234567), "1230000");
  assert.equal(formatPoint([-1]), "x = -1");
  assert.equal(formatPoint([1, 0.5], ["x", "y"]), "(1, 0.5)");
  assert.equal(betaLabel(0.5), "beta = 0.5");
  assert.equal(betaLabel(10), "beta = 10");
  assert.equal(roundForPlot(Math.PI), 3.14159);
  assert.equal(roundForPlot(0), 0);
  assert.equal(roundForPlot(1.23456789e-300), 1.23457e-300);
  const rounded = roundAll(Float64Array.of(1 / 3, 2 / 3));
  assert.ok(Array.isArray(rounded));
  assert.deepEqual(rounded, [0.333333, 0.666667]);
});

test("subplotGrid lays panels out left to right, top to bottom, inside the page", () => {
  const panels = subplotGrid(5, 3);
  assert.equal(panels.length, 5);
  assert.deepEqual(panels.map((p) => p.xaxis), ["x", "x2", "x3", "x4", "x5"]);
  assert.deepEqual(panels.map((p) => p.yaxisKey), ["yaxis", "yaxis2", "yaxis3", "yaxis4", "yaxis5"]);
  assert.deepEqual(panels.map((p) => [p.row, p.column]), [[0, 0], [0, 1], [0, 2], [1, 0], [1, 1]]);
  for (const p of panels) {
    assert.ok(p.xDomain[0] >= 0 && p.xDomain[1] <= 1 && p.xDomain[0] < p.xDomain[1]);
    assert.ok(p.yDomain[0] >= 0 && p.yDomain[1] <= 1 && p.yDomain[0] < p.yDomain[1]);
  }
  // Panels in one row do not overlap; rows do not overlap.
  assert.ok(panels[0].xDomain[1] < panels[1].xDomain[0]);
  assert.ok(panels[3].yDomain[1] < panels[0].yDomain[0]);
  assert.throws(() => subplotGrid(0, 2), /subplotGrid: count must be an integer in \[1, 1000\], got 0/);
});
