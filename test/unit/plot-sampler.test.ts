import { test } from "node:test";
import assert from "node:assert/strict";
import { acceptanceFigure, traceFigure } from "../../src/plot/sampler";
import { INK, PALETTE } from "../../src/plot/style";
import { colorsIn, isHouseColor, knownSampler } from "./plot-fixtures";

// knownSampler: sample s of chain c, coordinate d is c + s / 1000 + d / 10.
const value = (c: number, s: number, d = 0) => c + s / 1000 + d / 10;

test("traceFigure: the first four chains by default, read chain-major from the samples", () => {
  const result = knownSampler(6, 50);
  const fig = traceFigure(result);
  assert.equal(fig.layout.meta.kind, "sampler");
  assert.equal(fig.layout.title.text, "Metropolis chains at β = 1");
  assert.deepEqual(fig.data.map((t) => t.name), ["chain 0", "chain 1", "chain 2", "chain 3"]);
  assert.deepEqual(fig.data[2].x, Array.from({ length: 50 }, (_, s) => s));
  assert.deepEqual(fig.data[2].y, Array.from({ length: 50 }, (_, s) => Number(value(2, s).toPrecision(6))));
  assert.deepEqual(fig.data.map((t) => (t.line as any).color), PALETTE.slice(0, 4));
  assert.equal((fig.layout.xaxis as any).title.text, "sample (step)");
  assert.equal((fig.layout.yaxis as any).title.text, "x");
  assert.match(fig.layout.meta.description, /4 of the 6 chain\(s\) of the metropolis sampler at β = 1 \(seed 7\), 50 samples per chain\./);
  // Chain 1 runs from 1 to 1.049 with mean 1.0245.
  assert.match(fig.layout.meta.description, /chain 1 \(orange\) ranges from 1 to 1.05 with mean 1.02 and acceptance rate 0.5/);
});

test("traceFigure: chosen chains, another coordinate, downsampling", () => {
  const result = knownSampler(3, 20, 2);
  const fig = traceFigure(result, { chains: [2, 0], coordinate: 1, variable: "y" });
  assert.deepEqual(fig.data.map((t) => t.name), ["chain 2", "chain 0"]);
  assert.equal(fig.data[0].y![5], value(2, 5, 1));
  assert.equal((fig.layout.yaxis as any).title.text, "y");
  const long = knownSampler(1, 5000);
  const thin = traceFigure(long, { maxPoints: 100 });
  assert.equal(thin.data[0].x!.length, 100);
  assert.equal(thin.data[0].x![0], 0);
  assert.equal(thin.data[0].x![99], 4999);
  assert.equal(thin.data[0].y![99], value(0, 4999));
  assert.match(thin.layout.meta.description, /drawn: 100 evenly spaced samples per chain/);
  assert.equal(traceFigure(long).data[0].x!.length, 1000, "default at most 1000 points per chain");
  assert.equal(traceFigure(knownSampler(2, 5)).data.length, 2, "fewer than four chains: all of them");
});

test("traceFigure: errors name the builder and the argument", () => {
  const result = knownSampler(3, 10);
  assert.throws(() => traceFigure(result, { chains: [3] }), /^RangeError: traceFigure: options.chains\[0\] must be an integer in \[0, 2\], got 3$/);
  assert.throws(() => traceFigure(result, { chains: [] }), /traceFigure: options.chains must be a non-empty array of chain indices/);
  assert.throws(() => traceFigure(result, { coordinate: 1 }), /traceFigure: options.coordinate must be an integer in \[0, 0\], got 1/);
  assert.throws(() => traceFigure({ ...result, samples: result.samples.slice(1) }), /^RangeError: traceFigure: result.samples must be of length chains \* samplesPerChain \* dimension = 30, got Float64Array of length 29/);
  const nan = Float64Array.from(result.samples);
  nan[12] = NaN;
  assert.throws(() => traceFigure({ ...result, samples: nan }), /^RangeError: traceFigure: result.samples\[12\] \(chain 1, sample 2\) must be a finite number, got NaN$/);
  assert.throws(() => traceFigure({ ...result, chains: 0 }), /traceFigure: result.chains must be an integer >= 1, got 0/);
  assert.throws(() => traceFigure({ ...result, acceptanceRate: 1.5 }), /traceFigure: result.acceptanceRate must be a number in \[0, 1\], got 1.5/);
  assert.throws(() => traceFigure(undefined as never), /^TypeError: traceFigure: result must be a SamplerResult/);
});

test("acceptanceFigure: one bar per run with the rate as a percentage", () => {
  const fig = acceptanceFigure(
    [
      { label: "step 0.1", acceptanceRate: 0.9 },
      { label: "step 1", acceptanceRate: 0.5 },
      { label: "step 5", acceptanceRate: 0.125 },
    ],
    { xTitle: "proposal step size", target: 0.234 },
  );
  assert.equal(fig.layout.meta.kind, "sampler");
  assert.equal(fig.data.length, 1);
  assert.equal(fig.data[0].type, "bar");
  assert.deepEqual(fig.data[0].x, ["step 0.1", "step 1", "step 5"]);
  assert.deepEqual(fig.data[0].y, [0.9, 0.5, 0.125]);
  assert.deepEqual(fig.data[0].text, ["90%", "50%", "12.5%"]);
  assert.deepEqual((fig.layout.yaxis as any).range, [0, 1.1]);
  assert.equal((fig.layout.xaxis as any).title.text, "proposal step size");
  const target = (fig.layout.shapes as any[])[0];
  assert.deepEqual([target.y0, target.y1, target.line.color], [0.234, 0.234, INK]);
  assert.match(fig.layout.meta.description, /step 0.1 90%, step 1 50%, step 5 12.5%\. A dashed line marks the reference rate 0.234\./);
});

test("acceptanceFigure takes SamplerResults, with labels", () => {
  const runs = [0.3, 0.7].map((rate) => ({ ...knownSampler(1, 2), acceptanceRate: rate }));
  assert.deepEqual(acceptanceFigure(runs).data[0].x, ["metropolis 1", "metropolis 2"]);
  assert.deepEqual(acceptanceFigure(runs, { labels: ["eta 0.1", "eta 1"] }).data[0].x, ["eta 0.1", "eta 1"]);
});

test("acceptanceFigure: errors name the builder and the argument", () => {
  assert.throws(() => acceptanceFigure([]), /^RangeError: acceptanceFigure: results must be a non-empty array of SamplerResult or \{ label, acceptanceRate \}, got \[\]$/);
  assert.throws(() => acceptanceFigure([{ label: "a", acceptanceRate: 1.2 }]), /^RangeError: acceptanceFigure: results\[0\].acceptanceRate must be a number in \[0, 1\], got 1.2$/);
  assert.throws(() => acceptanceFigure([{ label: "a", acceptanceRate: NaN }]), /acceptanceFigure: results\[0\].acceptanceRate must be a number in \[0, 1\], got NaN/);
  assert.throws(() => acceptanceFigure([{ label: "", acceptanceRate: 0.5 }]), /^TypeError: acceptanceFigure: results\[0\].label must be a non-empty string, got ""$/);
  assert.throws(() => acceptanceFigure([{ label: "a", acceptanceRate: 0.5 }, { label: "a", acceptanceRate: 0.4 }]), /acceptanceFigure: labels must be distinct \(bars are placed by label\), got "a"/);
  assert.throws(() => acceptanceFigure([{ label: "a", acceptanceRate: 0.5 }], { labels: ["x", "y"] }), /acceptanceFigure: options.labels must be 1 non-empty label\(s\), one per run/);
  assert.throws(() => acceptanceFigure([{ label: "a", acceptanceRate: 0.5 }], { target: 2 }), /acceptanceFigure: options.target must be a number in \[0, 1\], got 2/);
});

test("sampler colours from the house palette; inputs not mutated", () => {
  const result = knownSampler(5, 30);
  const copy = Float64Array.from(result.samples);
  const frozen = Object.freeze(result);
  for (const fig of [traceFigure(frozen), acceptanceFigure(Object.freeze([frozen]), { target: 0.5 })]) {
    for (const color of colorsIn(fig)) assert.ok(isHouseColor(color), color);
  }
  assert.deepEqual(result.samples, copy);
});
