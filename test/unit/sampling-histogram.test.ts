import { test } from "node:test";
import assert from "node:assert/strict";
import { histogram } from "../../src/sampling/histogram";
import { histogram2d } from "../../src/sampling/histogram2d";
import { sampleCoordinate } from "../../src/sampling/sampleCoordinate";
import { metropolis } from "../../src/sampling/metropolis";
import { recipeBowl2d } from "./sampling-fixtures";

test("histogram counts by hand: half-open bins, the last one closed, outside counted apart", () => {
  // Bins of [0, 1] with 4 bins: [0, .25), [.25, .5), [.5, .75), [.75, 1].
  const samples = Object.freeze([0, 0.1, 0.25, 0.3, 0.49, 0.5, 0.75, 1, -0.01, 1.01]);
  const h = histogram(samples, { bins: 4, range: [0, 1] });
  assert.deepEqual(h.edges, [0, 0.25, 0.5, 0.75, 1]);
  assert.deepEqual(h.centers, [0.125, 0.375, 0.625, 0.875]);
  assert.deepEqual(h.counts, [2, 3, 1, 2]);
  assert.equal(h.outside, 2);
  assert.equal(h.total, 10);
  // density = counts / (total * width) = counts / 2.5
  assert.deepEqual(h.density, [0.8, 1.2, 0.4, 0.8]);
  assert.deepEqual(samples, [0, 0.1, 0.25, 0.3, 0.49, 0.5, 0.75, 1, -0.01, 1.01]);
});

test("with the default range the density integrates to 1; with a range, to the fraction inside", () => {
  const samples = Float64Array.from({ length: 1000 }, (_, i) => Math.sin(i) * 3);
  const full = histogram(samples, { bins: 37 });
  const width = full.edges[1] - full.edges[0];
  assert.equal(full.outside, 0);
  assert.ok(Math.abs(full.density.reduce((a, b) => a + b, 0) * width - 1) < 1e-12);
  assert.equal(full.edges[0], Math.min(...samples));
  assert.equal(full.edges[37], Math.max(...samples));
  const part = histogram(samples, { bins: 10, range: [-1, 1] });
  const inside = samples.filter((x) => x >= -1 && x <= 1).length;
  assert.ok(Math.abs(part.density.reduce((a, b) => a + b, 0) * 0.2 - inside / 1000) < 1e-12);
  assert.equal(part.outside, 1000 - inside);
});

test("all samples equal: the default range is [v - 0.5, v + 0.5]", () => {
  const h = histogram([2, 2, 2], { bins: 2 });
  assert.deepEqual(h.edges, [1.5, 2, 2.5]);
  assert.deepEqual(h.counts, [0, 3]);
});

test("histogram of a sampler result picks the coordinate; sampleCoordinate extracts it", () => {
  const run = metropolis(recipeBowl2d(1), { beta: 1, stepSize: 0.8, chains: 3, steps: 50, seed: 4 });
  const y = sampleCoordinate(run, 1);
  assert.equal(y.length, 150);
  for (let i = 0; i < 150; i++) assert.equal(y[i], run.samples[2 * i + 1]);
  const fromResult = histogram(run, { bins: 8, range: [-3, 3], coordinate: 1 });
  const fromArray = histogram(y, { bins: 8, range: [-3, 3], beta: 1, energyName: run.energyName });
  assert.deepEqual(fromResult, { ...fromArray, seed: 4 });
  // The histogram keeps the run's context, which pairs it with the Gibbs density at its beta.
  assert.deepEqual([fromResult.beta, fromResult.seed, fromResult.energyName], [1, 4, run.energyName]);
  assert.throws(() => histogram(run, { bins: 8, beta: 2 }), /^RangeError: histogram: options\.beta must be absent for a sampler result \(it carries its own: 1\), got 2$/);
  assert.throws(() => histogram(y, { bins: 8, beta: -1 }), /^RangeError: histogram: options\.beta must be a positive finite number, got -1$/);
  assert.throws(() => histogram(y, { bins: 8, bin: 3 } as never), /^RangeError: histogram: options\.bin is not an option \(did you mean bins\?\)/);
  assert.deepEqual(sampleCoordinate(run), Float64Array.from({ length: 150 }, (_, i) => run.samples[2 * i]));
});

test("histogram2d counts by hand, row-major i + nx j, density integrates to 1", () => {
  const h = histogram2d(
    { x: [0.1, 0.9, 0.9, 0.4, 1], y: [0.1, 0.1, 0.9, 0.6, 1] },
    { bins: [2, 2], range: { lower: [0, 0], upper: [1, 1] } },
  );
  assert.deepEqual(h.xEdges, [0, 0.5, 1]);
  assert.deepEqual(h.yCenters, [0.25, 0.75]);
  // (0.1, 0.1) -> (0, 0); (0.9, 0.1) -> (1, 0); (0.9, 0.9) and (1, 1) -> (1, 1); (0.4, 0.6) -> (0, 1).
  assert.deepEqual(h.counts, [1, 1, 1, 2]);
  assert.equal(h.outside, 0);
  assert.ok(Math.abs(h.density.reduce((a, b) => a + b, 0) * 0.25 - 1) < 1e-12);
  const run = metropolis(recipeBowl2d(1), { beta: 1, stepSize: 0.8, chains: 3, steps: 50, seed: 4 });
  const fromRun = histogram2d(run, { bins: 5 });
  assert.equal(fromRun.total, 150);
  assert.equal(fromRun.counts.reduce((a, b) => a + b, 0), 150);
  const swapped = histogram2d(run, { bins: 5, coordinates: [1, 0] });
  assert.deepEqual(swapped.xEdges, fromRun.yEdges);
});

test("histogram and histogram2d check their input", () => {
  assert.throws(() => histogram([1, 2], { bins: 0 }), /^RangeError: histogram: options.bins must be an integer in \[1, 1000000\], got 0$/);
  assert.throws(() => histogram([], { bins: 3 }), /^RangeError: histogram: samples must be at least one sample, got \[\]$/);
  assert.throws(() => histogram([1, NaN], { bins: 3 }), /^RangeError: histogram: samples\[1\] must be a finite number, got NaN$/);
  assert.throws(() => histogram([1, "2"] as never, { bins: 3 }), /^TypeError: histogram: samples\[1\] must be a number, got "2"$/);
  assert.throws(() => histogram([1, 2], { bins: 3, range: [1, 1] }), /^RangeError: histogram: options.range must be \[min, max\] with min < max, got \[1, 1\]$/);
  assert.throws(() => histogram([1, 2], { bins: 3, coordinate: 1 }), /^RangeError: histogram: options.coordinate must be 0 \(or absent\) for an array of numbers, got 1$/);
  assert.throws(() => histogram("abc" as never, { bins: 3 }), /^TypeError: histogram: samples must be an array of numbers or a sampler result, got "abc"$/);
  const run = metropolis(recipeBowl2d(1), { beta: 1, stepSize: 0.8, chains: 1, steps: 5, seed: 4 });
  assert.throws(() => histogram(run, { bins: 3, coordinate: 2 }), /^RangeError: histogram: options.coordinate must be an integer in \[0, 1\], got 2$/);
  assert.throws(() => sampleCoordinate(run, 2), /^RangeError: sampleCoordinate: d must be an integer in \[0, 1\], got 2$/);
  assert.throws(() => sampleCoordinate({} as never), /^TypeError: sampleCoordinate: result must be a sampler result/);
  assert.throws(() => histogram2d({ x: [1], y: [1, 2] }, { bins: 2 }), /^RangeError: histogram2d: samples.y must be an array as long as samples.x \(1\), got \[1, 2\] \(length 2\)$/);
  assert.throws(() => histogram2d(run, { bins: 2, coordinates: [1, 1] }), /^RangeError: histogram2d: options.coordinates must be two different coordinates, got \[1, 1\]$/);
  assert.throws(
    () => histogram2d({ x: [0], y: [0] }, { bins: 2, range: { lower: [0, 0], upper: [1, 0] } }),
    /^RangeError: histogram2d: options.range must be a box with lower < upper on both axes, got \[0, 0, 1, 0\]$/,
  );
});
