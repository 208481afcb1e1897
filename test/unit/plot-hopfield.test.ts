import { test } from "node:test";
import assert from "node:assert/strict";
import {
  boltzmannFigure,
  capacityFigure,
  networkLandscapeFigure,
  patternFigure,
  recallEnergyFigure,
  recallFigure,
} from "../../src/plot/hopfield";
import * as plot from "../../src/plot";
import { PALETTE } from "../../src/plot/style";
import type { HopfieldRecallResult } from "../../src/hopfield/recall";
import type { CapacityPoint, CapacityResult } from "../../src/hopfield/capacity";
import type { BoltzmannDistribution } from "../../src/hopfield/boltzmannExact";
import type { BoltzmannSamples } from "../../src/hopfield/boltzmannGibbs";
import {
  barrierPath,
  boltzmannExact,
  boltzmannGibbsSample,
  capacityBreakdown,
  classifyMinima,
  corruptPattern,
  hebbianWeights,
  hopfieldRecall,
  letterPatterns,
} from "../../src/hopfield";
import { totalVariationDistance } from "../../src/sampling";

// ------------------------------------------------------------------------------------------
// Hand-built data (no dynamics): recall runs, capacity points, Boltzmann distributions.

/** A recall result from recorded states; energies and overlaps are given, not computed. */
function recallOf(states: number[][], energies: number[], overlaps: number[][] = [], mode: "async" | "sync" = "async"): HopfieldRecallResult {
  const last = states.length - 1;
  return {
    mode,
    seed: mode === "async" ? 1 : undefined,
    energyName: "test network",
    path: states,
    times: states.map((_, k) => k),
    energies,
    overlaps,
    final: states[last],
    finalEnergy: energies[last],
    finalOverlaps: overlaps.length > 0 ? overlaps[last] : [],
    converged: true,
    reason: "converged",
    iterations: last + 1,
    flips: last,
  };
}

/** Four 2 x 2 states flipping one pixel at a time towards all +1, with overlaps with all +1 and with [1, -1, 1, -1]. */
function fourPixelRun(): HopfieldRecallResult {
  const states = [
    [-1, -1, -1, 1],
    [1, -1, -1, 1],
    [1, 1, -1, 1],
    [1, 1, 1, 1],
  ];
  const a = [1, 1, 1, 1];
  const b = [1, -1, 1, -1];
  const m = (p: number[], s: number[]) => s.reduce((sum, v, i) => sum + v * p[i], 0) / 4;
  return recallOf(states, [1, -1, -3, -6], states.map((s) => [m(a, s), m(b, s)]));
}

function capacityPoint(load: number, recall: number, overlap: number, unstable = 0, predicted = 0): CapacityPoint {
  return {
    load,
    patternCount: Math.round(load * 100),
    effectiveLoad: load,
    meanOverlap: overlap,
    recallFraction: recall,
    unstableFraction: unstable,
    predictedUnstableFraction: predicted,
    meanIterations: 2,
    overlaps: [],
  };
}

function capacityOf(points: CapacityPoint[]): CapacityResult {
  return { N: 100, trials: 1, seed: 1, flipFraction: 0, recallThreshold: 0.95, points, criticalLoad: 0.138 };
}

/**
 * Two units with W_12 = 1 and no biases: E(s) = -s1 s2. Closed form: p(s) = exp(beta s1 s2) / Z,
 * Z = 2 e^beta + 2 e^-beta; states 0 (−−) and 3 (++) are the likely ones.
 */
function pairExact(beta: number, energyName = "pair"): BoltzmannDistribution {
  const z = 2 * Math.exp(beta) + 2 * Math.exp(-beta);
  const hi = Math.exp(beta) / z;
  const lo = Math.exp(-beta) / z;
  return {
    beta,
    size: 2,
    energyName,
    density: Float64Array.of(hi, lo, lo, hi),
    logDensity: Float64Array.of(hi, lo, lo, hi).map(Math.log),
    energies: Float64Array.of(-1, 1, 1, -1),
    logZ: Math.log(z),
    meanState: [0, 0],
    correlations: [
      [1, hi * 2 - lo * 2],
      [hi * 2 - lo * 2, 1],
    ],
    meanEnergy: -2 * hi + 2 * lo,
    entropy: 0,
  };
}

/** Samples that visited only the two aligned states, half the time each. */
function halfHalfSamples(beta: number, size = 2, energyName = "pair"): BoltzmannSamples {
  const frequencies = new Float64Array(2 ** size);
  frequencies[0] = 0.5;
  frequencies[2 ** size - 1] = 0.5;
  return {
    method: "gibbs",
    seed: 1,
    beta,
    chains: 1,
    samplesPerChain: 1000,
    dimension: size,
    samples: new Float64Array(0),
    acceptanceRate: 0,
    chainAcceptanceRates: Float64Array.of(0),
    finalStates: new Float64Array(size).fill(1),
    steps: 1000,
    burnIn: 0,
    thin: 1,
    energyName,
    counts: frequencies.map((f) => f * 1000),
    frequencies,
    energies: new Float64Array(0),
    meanState: new Array(size).fill(0),
  } as unknown as BoltzmannSamples;
}

/** The Hebbian energy in closed form: E(s) = -(N/2) sum_mu m_mu^2 + P/2 with m_mu = (1/N) xi^mu . s. */
function hebbEnergies(patterns: number[][]): number[] {
  const n = patterns[0].length;
  return Array.from({ length: 2 ** n }, (_, index) => {
    const s = Array.from({ length: n }, (_, i) => ((index >> i) & 1 ? 1 : -1));
    const sum = patterns.reduce((acc, p) => acc + (p.reduce((d, v, i) => d + v * s[i], 0) / n) ** 2, 0);
    return -(n / 2) * sum + patterns.length / 2;
  });
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object" && !ArrayBuffer.isView(value)) {
    Object.values(value as object).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

// ------------------------------------------------------------------------------------------
// patternFigure

test("patternFigure: one black-and-white heatmap per pattern, rows from the top, square pixels, no ticks", () => {
  // 3 wide, 2 tall: row 0 is units 0..2, row 1 is units 3..5.
  const patterns = deepFreeze([
    [1, -1, 1, -1, -1, -1],
    [-1, 1, -1, 1, 1, 1],
  ]);
  const fig = patternFigure(patterns, { width: 3, height: 2, labels: ["first", "second"] });
  assert.equal(fig.layout.meta.kind, "hopfield");
  assert.equal(fig.layout.title.text, "Stored patterns");
  assert.deepEqual(fig.data.map((t) => t.type), ["heatmap", "heatmap"]);
  assert.deepEqual(fig.data[0].z, [
    [1, -1, 1],
    [-1, -1, -1],
  ]);
  assert.deepEqual(fig.data.map((t) => [t.xaxis, t.yaxis]), [
    ["x", "y"],
    ["x2", "y2"],
  ]);
  assert.equal(fig.data[0].zmin, -1);
  assert.equal(fig.data[0].zmax, 1);
  assert.equal(fig.data[0].showscale, false);
  assert.deepEqual(fig.data[0].colorscale, [
    [0, "#FFFFFF"],
    [1, "#000000"],
  ]);
  const y2 = fig.layout.yaxis2 as any;
  const x2 = fig.layout.xaxis2 as any;
  assert.deepEqual(y2.range, [1.5, -0.5], "row 0 at the top");
  assert.deepEqual(x2.range, [-0.5, 2.5]);
  assert.equal(y2.scaleanchor, "x2", "square pixels");
  assert.equal(y2.scaleratio, 1);
  assert.equal(x2.showticklabels, false);
  assert.equal(x2.ticks, "");
  assert.equal(x2.showgrid, false);
  assert.deepEqual((fig.layout.annotations as any[]).map((a) => a.text), ["first", "second"]);
  assert.match(fig.layout.meta.description, /2 pattern\(s\) of 3 by 2 pixels/);
  assert.match(fig.layout.meta.description, /first \(2 of 6 pixels black\), second \(4 of 6 pixels black\)/);
});

test("patternFigure: default labels, columns, a single pattern, grey for dense states", () => {
  const many = Array.from({ length: 10 }, (_, k) => [k % 2 === 0 ? 1 : -1, 1, -1, 1]);
  const fig = patternFigure(many, { width: 2, height: 2 });
  assert.equal(fig.data.length, 10);
  assert.equal(fig.data[9].xaxis, "x10");
  // min(10, 8) = 8 per row: panel 9 (index 8) starts the second row.
  assert.equal((fig.layout.xaxis9 as any).domain[0], 0);
  assert.equal((fig.layout.annotations as any[])[9].text, "pattern 10");
  const rows4 = patternFigure(many, { width: 2, height: 2, columns: 4 });
  assert.equal((rows4.layout.xaxis5 as any).domain[0], 0, "4 per row");
  // A dense Hopfield state is a convex mix of +-1 patterns: rounding may leave it 2e-16 outside [-1, 1].
  const one = patternFigure([[0.5, -0.5, 1, -1.0000000000000002]], { width: 2, height: 2 });
  assert.deepEqual(one.data[0].z, [
    [0.5, -0.5],
    [1, -1],
  ]);
  assert.equal(one.layout.title.text, "A pattern");
  assert.match(one.layout.meta.description, /grey for values in between/);
  assert.equal(patternFigure([[1, -1]], { width: 2, height: 1, title: "Mine" }).layout.title.text, "Mine");
});

test("patternFigure: errors name the builder and the argument", () => {
  assert.throws(() => patternFigure([], { width: 1, height: 1 }), /^RangeError: patternFigure: patterns must be a non-empty array of patterns \(arrays of numbers\), got \[\]$/);
  assert.throws(
    () => patternFigure([[1, -1, 1, 1]], { width: 3, height: 2 }),
    /^RangeError: patternFigure: options.width \* options.height must be 4 \(the number of units of each state\), got 6 \(3 \* 2\)$/,
  );
  assert.throws(() => patternFigure([[1, -1], [1, 2]], { width: 2, height: 1 }), /^RangeError: patternFigure: patterns\[1\]\[1\] must be a number in \[-1, 1\] \(units are \+-1\), got 2$/);
  assert.throws(() => patternFigure([[1, -1.001]], { width: 2, height: 1 }), /patternFigure: patterns\[0\]\[1\] must be a number in \[-1, 1\]/);
  assert.throws(() => patternFigure([[1, -1], [1]], { width: 2, height: 1 }), /patternFigure: patterns\[1\] must be an array of length 2/);
  assert.throws(() => patternFigure([[1, NaN]], { width: 2, height: 1 }), /patternFigure: patterns\[0\]\[1\] must be a finite number, got NaN/);
  assert.throws(() => patternFigure([[1, -1]], { width: 2, height: 1, labels: ["a", "b"] }), /^RangeError: patternFigure: options.labels must be an array of 1 string\(s\), one per pattern/);
  assert.throws(() => patternFigure([[1, -1]], undefined as any), /^TypeError: patternFigure: options.width must be an integer in \[1, 1000\], got undefined$/);
  assert.throws(() => patternFigure("AB" as any, { width: 1, height: 1 }), /^TypeError: patternFigure: patterns must be a non-empty array/);
  assert.throws(() => patternFigure(Array(49).fill([1]), { width: 1, height: 1 }), /patternFigure: patterns must be at most 48 patterns/);
});

// ------------------------------------------------------------------------------------------
// recallFigure

test("recallFigure: one frame per recorded state, image + energy + overlaps, play/pause and a slider", () => {
  const run = deepFreeze(fourPixelRun());
  const fig = recallFigure(run, { width: 2, height: 2, labels: ["all on", "stripes"] });
  assert.equal(fig.layout.meta.kind, "hopfield");
  assert.equal(fig.layout.title.text, "Recall, update by update");
  // heatmap, energy line, energy marker, two overlap lines, overlap markers.
  assert.deepEqual(fig.data.map((t) => t.type), ["heatmap", "scatter", "scatter", "scatter", "scatter", "scatter"]);
  assert.deepEqual(fig.data.map((t) => t.xaxis), ["x", "x2", "x2", "x3", "x3", "x3"]);
  assert.deepEqual(fig.data[0].z, [
    [-1, -1],
    [-1, 1],
  ]);
  assert.deepEqual(fig.data[1].y, [1, -1, -3, -6]);
  assert.deepEqual(fig.data[3].y, [-0.5, 0, 0.5, 1], "overlap with all +1 climbs to 1");
  assert.equal(fig.data[3].name, "all on");
  assert.equal(fig.frames.length, 4);
  assert.deepEqual(fig.frames[3].traces, [0, 2, 5]);
  assert.deepEqual(fig.frames[3].data[0].z, [
    [1, 1],
    [1, 1],
  ]);
  assert.deepEqual(fig.frames[2].data[1], { x: [2], y: [-3] });
  assert.deepEqual(fig.frames[2].data[2], { x: [2, 2], y: [0.5, -0.5] });
  const slider = (fig.layout.sliders as any[])[0];
  assert.equal(slider.steps.length, 4);
  assert.deepEqual(slider.steps.map((s: any) => s.label), ["0", "1", "2", "3"]);
  assert.deepEqual(slider.steps[3].args[0], ["frame 3"]);
  assert.equal(slider.steps[3].args[1].frame.redraw, true, "heatmaps need a redraw");
  const buttons = (fig.layout.updatemenus as any[])[0].buttons;
  assert.deepEqual(buttons.map((b: any) => b.label), ["Play", "Pause"]);
  assert.equal(buttons[0].args[1].frame.duration, 200);
  assert.equal((fig.layout.yaxis3 as any).title.text, "overlap m");
  assert.equal((fig.layout.yaxis as any).scaleanchor, "x");
  assert.match(fig.layout.meta.description, /^Animation in 4 frames of asynchronous recall/);
  assert.match(fig.layout.meta.description, /from 1 to -6 over 3 sweeps and 3 unit flips; it never rises/);
  assert.match(fig.layout.meta.description, /all on -0.5 to 1, stripes -0.5 to 0/);
});

test("recallFigure: at most 60 frames, keeping the cue and the final state; no overlaps means two panels", () => {
  const n = 101;
  const states = Array.from({ length: n }, (_, k) => [k === n - 1 ? 1 : -1, 1]);
  const run = recallOf(states, states.map((_, k) => 100 - k));
  const fig = recallFigure(run, { width: 2, height: 1 });
  assert.equal(fig.frames.length, 60);
  assert.equal((fig.layout.sliders as any[])[0].steps.length, 60);
  assert.deepEqual(fig.frames[0].data[1], { x: [0], y: [100] });
  assert.deepEqual(fig.frames[59].data[1], { x: [100], y: [0] });
  assert.deepEqual(fig.frames[59].data[0].z, [[1, 1]]);
  assert.deepEqual(fig.frames[59].traces, [0, 2]);
  assert.equal(fig.data.length, 3);
  assert.equal(fig.layout.xaxis3, undefined);
  assert.equal((fig.layout.xaxis2 as any).title.text, "sweep");
  assert.equal(recallFigure(run, { width: 2, height: 1, frames: 10 }).frames.length, 10);
  const sync = recallFigure(recallOf(states.slice(0, 3), [0, -1, -1], [], "sync"), { width: 2, height: 1 });
  assert.equal((sync.layout.xaxis2 as any).title.text, "parallel step");
  assert.match(sync.layout.meta.description, /synchronous recall/);
});

test("recallFigure: errors name the builder and the argument", () => {
  const run = fourPixelRun();
  assert.throws(() => recallFigure(run, { width: 2, height: 2, frames: 61 }), /^RangeError: recallFigure: options.frames must be an integer in \[2, 60\], got 61$/);
  assert.throws(() => recallFigure(run, { width: 2, height: 2, frames: 1 }), /recallFigure: options.frames must be an integer in \[2, 60\], got 1/);
  assert.throws(() => recallFigure(run, { width: 4, height: 2 }), /^RangeError: recallFigure: options.width \* options.height must be 4/);
  assert.throws(() => recallFigure(run, { width: 2, height: 2, labels: ["one"] }), /recallFigure: options.labels must be an array of 2 string\(s\)/);
  const zero = { ...run, path: [run.path[0], [1, -1, 0, 1], run.path[2], run.path[3]] };
  assert.throws(() => recallFigure(zero, { width: 2, height: 2 }), /^RangeError: recallFigure: result.path\[1\]\[2\] must be \+1 or -1, got 0$/);
  assert.throws(() => recallFigure({ ...run, energies: [1, 2] }, { width: 2, height: 2 }), /^RangeError: recallFigure: result.energies must be an array of length 4/);
  assert.throws(() => recallFigure({ ...run, overlaps: [[1]] }, { width: 2, height: 2 }), /recallFigure: result.overlaps must be 4 overlap lists \(one per recorded state\) or none/);
  assert.throws(() => recallFigure({ ...run, path: [] }, { width: 2, height: 2 }), /recallFigure: result.path must be a non-empty array of recorded states/);
  assert.throws(() => recallFigure(null as any, { width: 2, height: 2 }), /^TypeError: recallFigure: result must be a HopfieldRecallResult/);
  // Options are read by the one options checker: unknown names are refused, with a suggestion.
  assert.throws(() => recallFigure(run, { width: 2, height: 2, frame: 10 } as any), /^RangeError: recallFigure: options.frame is not an option \(did you mean frames\?\); the options are width, height, frames, labels, frameDuration, title, description$/);
});

// ------------------------------------------------------------------------------------------
// recallEnergyFigure

test("recallEnergyFigure: the descent view, with reference levels and rises marked", () => {
  const asyncRun = fourPixelRun();
  const fig = recallEnergyFigure(asyncRun, { levels: [{ energy: -6, label: "stored pattern" }] });
  assert.equal(fig.layout.meta.kind, "descent");
  assert.equal(fig.layout.title.text, "Energy along recall");
  assert.deepEqual(fig.data.map((t) => t.name), ["run 1 (async)", "stored pattern"]);
  assert.deepEqual(fig.data[0].x, [0, 1, 2, 3]);
  assert.deepEqual(fig.data[0].y, [1, -1, -3, -6]);
  assert.equal((fig.data[0].line as any).color, PALETTE[0]);
  assert.deepEqual(fig.data[1].y, [-6, -6]);
  assert.deepEqual(fig.data[1].x, [0, 3]);
  assert.equal((fig.data[1].line as any).dash, "dash");
  assert.equal((fig.layout.xaxis as any).title.text, "sweep");
  assert.match(fig.layout.meta.description, /it never rises/);

  // A synchronous 2-cycle whose energy goes up once: the rise gets a cross.
  const sync = recallOf([[1, 1], [-1, -1], [1, 1]], [-2, -1, -2], [], "sync");
  const both = recallEnergyFigure([asyncRun, sync], { labels: ["async", "sync"] });
  assert.deepEqual(both.data.map((t) => t.name), ["async", "sync", "sync: energy rises"]);
  assert.deepEqual(both.data[2].x, [1]);
  assert.deepEqual(both.data[2].y, [-1]);
  assert.equal((both.data[2].marker as any).symbol, "x");
  assert.equal((both.layout.xaxis as any).title.text, "sweep (async) or parallel step (sync)");
  assert.match(both.layout.meta.description, /sync \(orange, sync\): E goes from -2 to -2 in 2 parallel steps.*it rises 1 time\(s\)/);
});

test("recallEnergyFigure: errors name the builder and the argument", () => {
  const run = fourPixelRun();
  assert.throws(() => recallEnergyFigure([]), /^RangeError: recallEnergyFigure: results must be a non-empty array of HopfieldRecallResult, got \[\]$/);
  assert.throws(() => recallEnergyFigure([run, { ...run, energies: [0, NaN, 0, 0] }]), /^RangeError: recallEnergyFigure: results\[1\].energies\[1\] must be a finite number, got NaN$/);
  assert.throws(() => recallEnergyFigure(run, { levels: [{ energy: 1 } as any] }), /^TypeError: recallEnergyFigure: options.levels\[0\].label must be a non-empty string, got undefined$/);
  assert.throws(() => recallEnergyFigure(run, { levels: [{ energy: Infinity, label: "x" }] }), /recallEnergyFigure: options.levels\[0\].energy\[0\] must be a finite number, got Infinity/);
  assert.throws(() => recallEnergyFigure(run, { labels: [] }), /recallEnergyFigure: options.labels must be an array of 1 string\(s\)/);
});

// ------------------------------------------------------------------------------------------
// capacityFigure

test("capacityFigure: recall against the load, alpha_c = 0.138 and the measured breakdown as vertical lines", () => {
  // Given out of order on purpose: the figure sorts by load.
  const result = deepFreeze(capacityOf([capacityPoint(0.2, 0.2, 0.5), capacityPoint(0.05, 1, 1), capacityPoint(0.15, 0.6, 0.9), capacityPoint(0.1, 1, 0.99)]));
  const fig = capacityFigure(result);
  assert.equal(fig.layout.meta.kind, "hopfield");
  assert.equal(fig.layout.title.text, "How many memories fit? Recall against the load P/N");
  assert.equal(fig.data.length, 4);
  assert.deepEqual(fig.data[0].x, [0.05, 0.1, 0.15, 0.2]);
  assert.deepEqual(fig.data[0].y, [1, 1, 0.6, 0.2]);
  assert.deepEqual(fig.data[1].y, [1, 0.99, 0.9, 0.5]);
  assert.deepEqual(fig.data[0].customdata, [5, 10, 15, 20]);
  // Amit, Gutfreund & Sompolinsky (1987, Annals of Physics 173:30): alpha_c ~ 0.138.
  assert.deepEqual(fig.data[2].x, [0.138, 0.138]);
  assert.match(fig.data[2].name!, /α_c ≈ 0.138 \(Amit, Gutfreund & Sompolinsky 1987\)/);
  // Linear interpolation between (0.15, 0.6) and (0.2, 0.2): 0.15 + 0.05 * (0.1 / 0.4) = 0.1625.
  assert.deepEqual(fig.data[3].x, [0.1625, 0.1625]);
  assert.equal(fig.data[3].name, "measured breakdown: α ≈ 0.16");
  assert.match(fig.layout.meta.description, /falls below 50% at α ≈ 0.163/);
  assert.equal(fig.layout.xaxis2, undefined);
  // Another level: 0.9 is crossed between 0.1 (1) and 0.15 (0.6): 0.1 + 0.05 * 0.1 / 0.4 = 0.1125.
  assert.deepEqual(capacityFigure(result, { breakdownLevel: 0.9 }).data[3].x, [0.1125, 0.1125]);
});

test("capacityFigure: the unstable-unit panel, and no breakdown within the loads", () => {
  const result = capacityOf([capacityPoint(0.05, 1, 1, 0, 0.00000383), capacityPoint(0.1, 0.8, 0.97, 0.0008, 0.000783)]);
  const fig = capacityFigure(result, { unstable: true });
  assert.equal(fig.data.length, 5, "no crossing of 50%: no measured line; two traces on the right");
  assert.deepEqual(fig.data.slice(3).map((t) => t.xaxis), ["x2", "x2"]);
  assert.deepEqual(fig.data[3].y, [0, 0.0008]);
  assert.deepEqual(fig.data[4].y, [0.00000383, 0.000783]);
  assert.ok(fig.layout.xaxis2);
  assert.match(fig.layout.meta.description, /does not fall below 50% between the loads tried/);
});

test("capacityFigure: errors name the builder and the argument", () => {
  assert.throws(() => capacityFigure(capacityOf([])), /^RangeError: capacityFigure: result.points must be a non-empty array of capacity points, got \[\]$/);
  assert.throws(() => capacityFigure(capacityOf([capacityPoint(0.1, 1.2, 1)])), /^RangeError: capacityFigure: result.points\[0\].recallFraction must be a number in \[0, 1\], got 1.2$/);
  assert.throws(() => capacityFigure(capacityOf([capacityPoint(0, 1, 1)])), /capacityFigure: result.points\[0\].effectiveLoad must be a positive number, got 0/);
  assert.throws(() => capacityFigure(capacityOf([capacityPoint(0.1, 1, -2)])), /capacityFigure: result.points\[0\].meanOverlap must be a number in \[-1, 1\], got -2/);
  assert.throws(() => capacityFigure(capacityOf([capacityPoint(0.1, 1, 1)]), { breakdownLevel: 1 }), /capacityFigure: options.breakdownLevel must be a number in \(0, 1\), got 1/);
  assert.throws(() => capacityFigure([] as any), /^TypeError: capacityFigure: result must be a CapacityResult/);
});

// ------------------------------------------------------------------------------------------
// boltzmannFigure

test("boltzmannFigure: one panel per beta, sampled bars against exact diamonds, states as bit strings", () => {
  const betas = [2, 1, 0.5, 0.25];
  const exacts = deepFreeze(betas.map((beta) => pairExact(beta)));
  const samples = deepFreeze(betas.map((beta) => halfHalfSamples(beta)));
  const fig = boltzmannFigure(samples, exacts);
  assert.equal(fig.layout.meta.kind, "gibbs");
  assert.deepEqual(fig.layout.meta.betas, betas);
  assert.equal(fig.layout.title.text, "Boltzmann machine: sampled states against the exact distribution");
  assert.deepEqual(fig.data.map((t) => t.type), ["bar", "scatter", "bar", "scatter", "bar", "scatter", "bar", "scatter"]);
  assert.deepEqual(fig.data.map((t) => t.xaxis), ["x", "x", "x2", "x2", "x3", "x3", "x4", "x4"]);
  assert.deepEqual(fig.data.map((t) => t.showlegend), [true, true, false, false, false, false, false, false]);
  // Index = sum_i [s_i = +1] 2^i, unit 1 written first: 0 = −−, 1 = +−, 2 = −+, 3 = ++.
  assert.deepEqual(fig.data[0].x, ["−−", "+−", "−+", "++"]);
  assert.deepEqual(fig.data[0].y, [0.5, 0, 0, 0.5]);
  // Exact p(++) at beta = 1: e / (2e + 2/e) = 0.440399 (closed form).
  assert.equal((fig.data[3].y as number[])[3], Number((Math.E / (2 * Math.E + 2 / Math.E)).toPrecision(6)));
  assert.equal((fig.data[3].y as number[])[3], 0.440399);
  assert.equal((fig.data[0].marker as any).color, PALETTE[1]);
  assert.equal((fig.data[1].marker as any).color, PALETTE[0]);
  assert.equal(fig.data[1].name, "exact p(s) = exp(−βE(s)) / Z");
  assert.equal((fig.layout.xaxis as any).type, "category");
  assert.equal((fig.layout.xaxis as any).tickangle, 0, "4 labels of 2 characters fit side by side");
  assert.deepEqual((fig.layout.annotations as any[]).map((a) => a.text), [
    "β = 2 (T = 1/β = 0.5)",
    "β = 1 (T = 1/β = 1)",
    "β = 0.5 (T = 1/β = 2)",
    "β = 0.25 (T = 1/β = 4)",
  ]);
  assert.equal(fig.data[0].name, "Gibbs sampling (1000 steps)");
  // Total variation between half-half and exact is 2 p(+−) = 2 e^-beta / Z; at beta = 1: 0.119 (to 2 digits: 0.12).
  assert.match(fig.layout.meta.description, /β = 1: most probable state 0 \(−−\) with exact p = 0.44 and sampled 0.5; total variation distance 0.12/);
  assert.match(fig.layout.meta.description, /All 4 states are shown, in index order/);
  assert.equal((fig.layout.xaxis3 as any).title.text, "state (units 1 to 2: + or −)", "bottom row carries the axis title");
  assert.equal((fig.layout.xaxis as any).title.text, "");
});

test("boltzmannFigure: the total variation it reports is totalVariationDistance's", () => {
  const exact = pairExact(1);
  const tv = totalVariationDistance(halfHalfSamples(1).frequencies!, exact.density);
  // 2 e^-1 / (2e + 2/e), by hand.
  assert.ok(Math.abs(tv - (2 * Math.exp(-1)) / (2 * Math.E + 2 / Math.E)) < 1e-15);
  const fig = boltzmannFigure([halfHalfSamples(1)], [exact]);
  assert.match(fig.layout.meta.description, new RegExp(`total variation distance ${tv.toPrecision(2)}`));
});

test("boltzmannFigure: samples pair with the exact distribution at the same beta, wherever it sits", () => {
  const betas = [2, 1, 0.5];
  const samples = betas.map((beta) => halfHalfSamples(beta));
  const inOrder = boltzmannFigure(samples, betas.map((beta) => pairExact(beta)));
  const shuffled = boltzmannFigure(samples, [pairExact(0.5), pairExact(2), pairExact(1)]);
  assert.deepEqual(shuffled.data, inOrder.data, "pairs by beta, not by position");
  assert.deepEqual(shuffled.layout.meta.betas, [2, 1, 0.5], "panels in the order of the samples");
  // Two runs at one beta (two seeds, say) share its exact distribution.
  const twice = boltzmannFigure([halfHalfSamples(1), halfHalfSamples(1)], [pairExact(1)]);
  assert.equal(twice.data.length, 4);
  assert.deepEqual(twice.data[3].y, twice.data[1].y);
  // Betas equal to rounding pair too.
  assert.equal(boltzmannFigure([halfHalfSamples(1 / 3)], [pairExact(1 / 3 + 1e-15)]).data.length, 2);
});

test("boltzmannFigure: a beta without a partner, or runs of another network, are refused with a clear message", () => {
  const exacts = [0.5, 1, 4].map((beta) => pairExact(beta));
  assert.throws(
    () => boltzmannFigure([halfHalfSamples(0.5), halfHalfSamples(2), halfHalfSamples(4)], exacts),
    /^RangeError: boltzmannFigure: the samples at beta = 2 have no exact distribution at the same beta; got exact betas 0.5, 1, 4$/,
  );
  assert.throws(
    () => boltzmannFigure([halfHalfSamples(0.5), halfHalfSamples(4)], exacts),
    /^RangeError: boltzmannFigure: the exact distribution at beta = 1 \(exacts\[1\]\) has no samples at the same beta; got sample betas 0.5, 4$/,
  );
  assert.throws(
    () => boltzmannFigure([halfHalfSamples(1)], [pairExact(1), pairExact(1)]),
    /^RangeError: boltzmannFigure: exacts holds two distributions at beta = 1 \(exacts\[0\] and exacts\[1\]\); give one per beta$/,
  );
  assert.throws(
    () => boltzmannFigure([halfHalfSamples(1, 2, "net A")], [pairExact(1, "net B")]),
    /^RangeError: boltzmannFigure: the samples at beta = 1 \(samples\[0\]\) come from "net A" but the exact distribution at that beta \(exacts\[0\]\) is of "net B"; pair samples and exact distributions of the same network$/,
  );
});

test("boltzmannFigure: larger networks show the top-K states by exact probability", () => {
  const n = 7;
  const count = 2 ** n;
  // p(index) proportional to index + 1: the most probable states are 127, 126, ...
  const z = (count * (count + 1)) / 2;
  const density = Float64Array.from({ length: count }, (_, i) => (i + 1) / z);
  const exact = { ...pairExact(1), size: n, density } as BoltzmannDistribution;
  const samples = halfHalfSamples(1, n);
  const fig = boltzmannFigure([samples], [exact]);
  assert.equal(fig.data[0].x!.length, 16);
  assert.deepEqual(fig.data[0].x!.slice(0, 3), ["127", "126", "125"]);
  assert.deepEqual(fig.data[0].y!.slice(0, 2), [0.5, 0]);
  assert.match(fig.layout.meta.description, /Each panel shows the 16 most probable states/);
  // The 16 states 112..127 hold sum (113..128) / z = 1928 / 8256.
  assert.match(fig.layout.meta.description, /the states shown hold 23.4% of the probability/);
  assert.equal((fig.layout.xaxis as any).tickangle, -90, "16 labels of up to 3 digits: vertical");
  assert.equal(boltzmannFigure([samples], [exact], { topK: 5 }).data[1].x!.length, 5);
  assert.deepEqual(boltzmannFigure([samples], [exact], { topK: 3, stateLabels: "bits" }).data[0].x, ["+++++++", "−++++++", "+−+++++"]);
  const shared = boltzmannFigure([halfHalfSamples(1), halfHalfSamples(2)], [pairExact(1), pairExact(2)], { sharedRange: true });
  assert.deepEqual((shared.layout.yaxis2 as any).range, (shared.layout.yaxis as any).range);
});

test("boltzmannFigure: errors name the builder and the argument", () => {
  const e = pairExact(1);
  const s = halfHalfSamples(1);
  assert.throws(() => boltzmannFigure([], []), /^RangeError: boltzmannFigure: samples must be a non-empty array of BoltzmannSamples \(runs of boltzmannGibbsSample\), got \[\]$/);
  assert.throws(() => boltzmannFigure([s], []), /^RangeError: boltzmannFigure: exacts must be a non-empty array of BoltzmannDistribution/);
  assert.throws(() => boltzmannFigure([halfHalfSamples(1, 3)], [e]), /^RangeError: boltzmannFigure: samples\[0\].dimension must be 2 \(the size of exacts\[0\], its exact partner at beta = 1\), got 3$/);
  assert.throws(() => boltzmannFigure([{ ...s, frequencies: undefined }], [e]), /boltzmannFigure: samples\[0\].frequencies must be the visit frequencies of the 2\^2 states, got undefined/);
  assert.throws(() => boltzmannFigure([s], [{ ...e, density: Float64Array.of(0.5, 0.5) }]), /boltzmannFigure: exacts\[0\].density must be an array of length 4/);
  assert.throws(() => boltzmannFigure([s], [{ ...e, density: Float64Array.of(1.5, 0, 0, 0) }]), /boltzmannFigure: exacts\[0\].density\[0\] must be a probability in \[0, 1\], got 1.5/);
  assert.throws(() => boltzmannFigure([{ ...s, beta: -1 }], [e]), /^RangeError: boltzmannFigure: samples\[0\].beta must be a positive inverse temperature, got -1$/);
  assert.throws(() => boltzmannFigure([s], [{ ...e, beta: undefined } as any]), /^TypeError: boltzmannFigure: exacts\[0\].beta\[0\] must be a finite number, got undefined$|boltzmannFigure: exacts\[0\].beta/);
  assert.throws(() => boltzmannFigure([s], [e], { topK: 0 }), /^RangeError: boltzmannFigure: options.topK must be an integer in \[1, 4\], got 0$/);
  assert.throws(() => boltzmannFigure([s], [e], { stateLabels: "hex" as any }), /boltzmannFigure: options.stateLabels must be one of "bits", "index", got "hex"/);
  assert.throws(() => boltzmannFigure([s], [e], { T: 1 } as any), /^RangeError: boltzmannFigure: options.T is not an option; the options are topK, stateLabels, columns, sharedRange, title, description$/);
  assert.throws(() => boltzmannFigure(Array(13).fill(s), [e]), /^RangeError: boltzmannFigure: samples must be at most 12 runs/);
});

// ------------------------------------------------------------------------------------------
// networkLandscapeFigure

test("networkLandscapeFigure: every state by distance and energy, patterns, mirror images and minima", () => {
  // Three units that all like to agree: E = -(s1 s2 + s1 s3 + s2 s3): -3 when all agree, +1 otherwise.
  const energies = Array.from({ length: 8 }, (_, i) => (i === 0 || i === 7 ? -3 : 1));
  const fig = networkLandscapeFigure(energies, { patterns: [[1, 1, 1]], labels: ["up"] });
  assert.equal(fig.layout.meta.kind, "landscape");
  assert.equal(fig.layout.title.text, "Energy landscape of a small network");
  assert.deepEqual(fig.data.map((t) => t.name), ["all 8 states", "mirror image −ξ", "stored pattern"]);
  // Distance from "up" (index 7): index 7 at 0, index 0 at 3; the three states at distance 1
  // (indices 3, 5, 6) spread over 1 -/+ 0.35 in index order.
  const cloud = fig.data[0];
  assert.equal(cloud.x![7], 0);
  assert.equal(cloud.x![0], 3);
  assert.deepEqual([cloud.x![3], cloud.x![5], cloud.x![6]], [0.65, 1, 1.35]);
  assert.deepEqual(cloud.y, [-3, 1, 1, 1, 1, 1, 1, -3]);
  assert.deepEqual(fig.data[1].customdata, [0]);
  assert.deepEqual(fig.data[2].customdata, [7]);
  assert.deepEqual(fig.data[2].text, ["up"]);
  assert.equal(fig.layout.xaxis2, undefined, "one pattern: no path panel");
  assert.match(fig.layout.meta.description, /There are 2 local minima/);
  assert.match(fig.layout.meta.description, /and no spurious minimum/);
});

test("networkLandscapeFigure: a spurious minimum is a white diamond", () => {
  // Index 2 = [-1, +1, -1] has neighbours 3, 0, 6 with energies 1, 0, 1 > -1: a local minimum.
  const energies = [0, 1, -1, 1, 1, 1, 1, -2];
  const fig = networkLandscapeFigure(Float64Array.from(energies), { patterns: [[1, 1, 1]] });
  const spurious = fig.data.find((t) => t.name === "spurious minimum")!;
  assert.deepEqual(spurious.customdata, [2]);
  assert.deepEqual(spurious.y, [-1]);
  assert.equal((spurious.marker as any).symbol, "diamond");
  assert.match(fig.layout.meta.description, /1 spurious minimum\(s\) white diamonds \(E = -1\)/);
  // An object with an energies field (as boltzmannExact returns) works too; no patterns: distance from all −1.
  const bare = networkLandscapeFigure({ energies });
  assert.equal((bare.layout.xaxis as any).title.text, "Hamming distance from the all −1 state");
  assert.equal(bare.data.length, 2, "cloud and the spurious minima (every minimum is spurious without patterns)");
});

test("networkLandscapeFigure: the path between two memories climbs over a barrier", () => {
  // Hebb's rule with A = ++++ and B = ++−−; E(s) = -(N/2) sum_mu m_mu^2 + P/2 (closed form).
  const A = [1, 1, 1, 1];
  const B = [1, 1, -1, -1];
  const energies = hebbEnergies([A, B]);
  assert.equal(energies[15], -1);
  const fig = networkLandscapeFigure(energies, { patterns: [A, B], labels: ["A", "B"] });
  const path = fig.data.find((t) => t.xaxis === "x2" && t.mode === "lines+markers")!;
  // A (15) -> flip unit 2 (ties go to the lower unit) -> 11 -> flip unit 3 -> B (3).
  assert.deepEqual(path.customdata, [15, 11, 3]);
  // Half way m_A = m_B = 1/2: E = -2 (1/4 + 1/4) + 1 = 0.
  assert.deepEqual(path.y, [-1, 0, -1]);
  assert.deepEqual(path.x, [0, 1, 2]);
  assert.equal((fig.layout.yaxis2 as any).matches, "y");
  assert.match(fig.layout.meta.description, /climbs from -1 to a highest point of 0 after 1 flip\(s\), then falls to -1: a barrier of 1/);
  assert.equal(networkLandscapeFigure(energies, { patterns: [A, B], path: false }).layout.xaxis2, undefined);
  // Labels at the path's ends lean inward and are not clipped; the axis title is two short lines,
  // and the range leaves half a unit beyond each end for the stars.
  const ends = fig.data.find((t) => t.xaxis === "x2" && t.name === "path ends")!;
  assert.deepEqual([ends.text, ends.textposition, ends.cliponaxis], [["A", "B"], ["top right", "top left"], false]);
  assert.equal((fig.layout.xaxis2 as any).title.text, "units flipped<br>(A → B)");
  assert.deepEqual((fig.layout.xaxis2 as any).range, [-0.5, 2.5]);
  const stars = fig.data.find((t) => t.name === "stored pattern")!;
  assert.equal(stars.cliponaxis, false);
  assert.equal((stars.textposition as string[])[0], "top right", "the reference pattern sits at distance 0, on the left edge");
  const reversed = networkLandscapeFigure(energies, { patterns: [A, B], path: [1, 0] });
  assert.deepEqual(reversed.data.find((t) => t.xaxis === "x2" && t.mode === "lines+markers")!.customdata, [3, 7, 15]);
});

test("networkLandscapeFigure: draws what classifyMinima and barrierPath compute", () => {
  // Three patterns of 8 units: stored patterns, mirrors and spurious mixtures.
  const patterns = [
    [1, 1, 1, 1, -1, -1, -1, -1],
    [1, -1, 1, -1, 1, -1, 1, -1],
    [1, 1, -1, -1, 1, 1, -1, -1],
  ];
  const exact = boltzmannExact(hebbianWeights(patterns));
  const found = classifyMinima(exact, patterns);
  const fig = networkLandscapeFigure(exact, { patterns, labels: ["A", "B", "C"], path: [0, 2] });
  const trace = (name: string) => fig.data.find((t) => t.name === name);
  assert.deepEqual(trace("stored pattern")!.customdata, found.patternIndices);
  assert.deepEqual(trace("mirror image −ξ")!.customdata, found.mirrors.map((k) => found.mirrorIndices[k]));
  assert.deepEqual(trace("spurious minimum")?.customdata ?? [], found.spurious);
  assert.match(fig.layout.meta.description, new RegExp(`There are ${found.minima.length} local minima`));
  const route = barrierPath(exact, patterns[0], patterns[2]);
  const path = fig.data.find((t) => t.xaxis === "x2" && t.mode === "lines+markers")!;
  assert.deepEqual(path.customdata, route.indices);
  assert.equal(path.name, "path A → C, one flip at a time");
  assert.match(fig.layout.meta.description, new RegExp(`a barrier of ${Number(route.barrier.toPrecision(4))} separates`));
  // The cloud: one dot per state, at its Hamming distance from A (spread by at most 0.35).
  const cloud = fig.data[0];
  assert.equal(cloud.x!.length, 256);
  (cloud.x as number[]).forEach((x, i) => {
    const d = patterns[0].reduce((sum, v, u) => sum + ((((i >> u) & 1) === 1 ? 1 : -1) !== v ? 1 : 0), 0);
    assert.ok(Math.abs(x - d) <= 0.35 + 1e-9, `state ${i}`);
  });
  assert.throws(() => networkLandscapeFigure(exact, { pattern: patterns } as any), /^RangeError: networkLandscapeFigure: options.pattern is not an option \(did you mean patterns\?\)/);
});

test("patternFigure and capacityFigure: unknown option names are refused", () => {
  assert.throws(() => patternFigure([[1, -1]], { width: 2, height: 1, colums: 2 } as any), /^RangeError: patternFigure: options.colums is not an option \(did you mean columns\?\)/);
  assert.throws(() => capacityFigure(capacityOf([capacityPoint(0.1, 1, 1)]), { level: 0.5 } as any), /^RangeError: capacityFigure: options.level is not an option/);
  assert.throws(() => recallEnergyFigure(fourPixelRun(), { label: ["a"] } as any), /^RangeError: recallEnergyFigure: options.label is not an option \(did you mean labels\?\)/);
});

test("networkLandscapeFigure: errors name the builder and the argument", () => {
  assert.throws(() => networkLandscapeFigure([1, 2, 3, 4, 5, 6]), /^RangeError: networkLandscapeFigure: energies must be 2\^N energies, one per state, with N from 2 to 12, got \[1, 2, 3, 4, \.\.\. \(6 items\)\] \(length 6\)$/);
  assert.throws(() => networkLandscapeFigure(new Float64Array(2 ** 13)), /networkLandscapeFigure: energies must be 2\^N energies/);
  assert.throws(() => networkLandscapeFigure([0, 1, NaN, 0]), /^RangeError: networkLandscapeFigure: energies\[2\] must be a finite number, got NaN$/);
  assert.throws(() => networkLandscapeFigure("x" as any), /^TypeError: networkLandscapeFigure: energies must be an array of 2\^N energies/);
  assert.throws(() => networkLandscapeFigure([0, 1, 1, 0], { patterns: [[1, 1, 1]] }), /networkLandscapeFigure: options.patterns\[0\] must be an array of length 2/);
  assert.throws(() => networkLandscapeFigure([0, 1, 1, 0], { patterns: [[1, 0]] }), /^RangeError: networkLandscapeFigure: options.patterns\[0\]\[1\] must be \+1 or -1, got 0$/);
  assert.throws(() => networkLandscapeFigure([0, 1, 1, 0], { patterns: [[1, 1], [-1, 1]], path: [0, 0] }), /networkLandscapeFigure: options.path must be two different patterns/);
  assert.throws(() => networkLandscapeFigure([0, 1, 1, 0], { patterns: [[1, 1], [-1, 1]], path: [0, 2] }), /networkLandscapeFigure: options.path\[1\] must be an integer in \[0, 1\], got 2/);
  assert.throws(() => networkLandscapeFigure([0, 1, 1, 0], { path: [0, 1] }), /networkLandscapeFigure: options.path/);
});

// ------------------------------------------------------------------------------------------
// With the library's own results (the shapes the notebooks pass in).

test("the builders accept the Hopfield library's results", () => {
  const { patterns, letters } = letterPatterns("IRUX");
  const net = hebbianWeights(patterns);
  const cue = corruptPattern(patterns[1], { flips: 10, seed: 3 });
  const run = hopfieldRecall(net, cue, { seed: 1, patterns, record: "flip" });
  const anim = recallFigure(run, { width: 7, height: 7, labels: letters });
  assert.equal(anim.frames.length, Math.min(60, run.path.length));
  assert.deepEqual(anim.frames[anim.frames.length - 1].data[0].z!.flat(), run.final);
  const energy = recallEnergyFigure(run);
  assert.equal(energy.data.length, 1, "asynchronous recall: no rises to mark");
  assert.match(energy.layout.meta.description, new RegExp(`of ${run.energyName.replace(/[()]/g, ".")}`));
  const small = hebbianWeights([
    [1, 1, -1, -1, 1],
    [1, -1, 1, -1, -1],
  ]);
  const betas = [2, 1, 0.5, 0.25];
  const fig = boltzmannFigure(
    betas.map((beta) => boltzmannGibbsSample(small, { beta, steps: 200, seed: 5 })),
    betas.map((beta) => boltzmannExact(small, { beta })).reverse(),
  );
  assert.equal(fig.data.length, 8);
  assert.equal(fig.data[0].x!.length, 32);
  assert.deepEqual(fig.layout.meta.betas, betas);
  // Runs of another network are refused.
  const other = hebbianWeights([[1, 1, 1, 1, 1]]);
  if (boltzmannExact(other).energyName !== boltzmannExact(small).energyName) {
    assert.throws(() => boltzmannFigure([boltzmannGibbsSample(small, { steps: 10, seed: 1 })], [boltzmannExact(other)]), /boltzmannFigure: the samples at beta = 1 \(samples\[0\]\) come from/);
  }
  const land = networkLandscapeFigure(boltzmannExact(small), { patterns: [[1, 1, -1, -1, 1], [1, -1, 1, -1, -1]] });
  assert.equal(land.data[0].x!.length, 32);
});

test("recallEnergyFigure: runs of two different networks are refused", () => {
  const a = recallOf([[1, 1], [1, 1]], [-1, -1]);
  const b = { ...recallOf([[1, -1], [1, 1]], [1, -1]), energyName: "another network" };
  assert.throws(
    () => recallEnergyFigure([a, b]),
    /^RangeError: recallEnergyFigure: results\[1\] is a recall of "another network" but results\[0\] of "test network"; draw the runs of one network per figure$/,
  );
  assert.match(recallEnergyFigure([a, a]).layout.meta.description, /2 recall run\(s\) of test network/);
});

test("capacityFigure: the measured breakdown is capacityBreakdown's", () => {
  const result = capacityOf([capacityPoint(0.05, 1, 1), capacityPoint(0.15, 0.6, 0.9), capacityPoint(0.2, 0.2, 0.5)]);
  for (const level of [0.5, 0.9]) {
    const measured = capacityBreakdown(result, { level })!;
    const line = capacityFigure(result, { breakdownLevel: level }).data.find((t) => /measured breakdown/.test(t.name ?? ""))!;
    assert.deepEqual(line.x, [measured, measured]);
  }
});

test("the hopfield figures are exported from src/plot as before", () => {
  for (const name of ["patternFigure", "recallFigure", "recallEnergyFigure", "capacityFigure", "boltzmannFigure", "networkLandscapeFigure"]) {
    assert.equal(typeof (plot as Record<string, unknown>)[name], "function", name);
  }
});
