import { test } from "node:test";
import assert from "node:assert/strict";
import { descentAnimation, descentFigure } from "../../src/plot/descent";
import { gradientDescent } from "../../src/dynamics";
import { PALETTE } from "../../src/plot/style";
import { bowl2D, bowlDescent, colorsIn, isHouseColor, parabola, quadraticDescent } from "./plot-fixtures";

/** Figures carry 6 significant digits (roundForPlot). */
const r6 = (v: number) => Number(v.toPrecision(6));

// On E = x^2 / 2 (k = 1), descent with eta = 0.5 halves x each step: E falls every step.
// With eta = 2.5, x_t = (-1.5)^t x0: E grows by 2.25 each step (closed form, fixtures).

test("descentFigure marks the rises the run recorded (energyRises), with the run's own tolerance", () => {
  // eta = 2.5 on k = 1: every step rises. The figure reads the run's list, it does not recount.
  const bad = quadraticDescent(0.1, 2.5, 1, 6);
  const onlyTwo = descentFigure(parabola(), { ...bad, energyRises: [2, 5] });
  const rose = onlyTwo.data.filter((t) => t.name === "energy rose");
  assert.deepEqual(rose[0].x, [2, 5]);
  assert.match(onlyTwo.layout.meta.description, /at 2 step\(s\) \(2, 5\)/);
  // A real run with a loose rise tolerance: the crosses are exactly its energyRises.
  const run = gradientDescent(parabola(), [1], { eta: 2.01, stopOnEnergyIncrease: false, maxIterations: 10, energyIncreaseTolerance: 0.5 });
  const real = descentFigure(parabola(), run).data.filter((t) => t.name === "energy rose");
  assert.equal(run.energyRises.length, 0, "E grows by (1 - 2.01)^2 = 1.02 per step: below the 50% tolerance");
  assert.equal(real.length, 0);
  // A run without energyRises (made by hand) gets no crosses, and the words say why.
  const { energyRises: _r, ...bare } = bad;
  const none = descentFigure(parabola(), bare as never);
  assert.ok(!none.data.some((t) => t.name === "energy rose"));
  assert.match(none.layout.meta.description, /do not say where their energy rose/);
  // A run on another energy is refused.
  assert.throws(() => descentFigure(parabola(), { ...bad, energyName: "double well" }), {
    name: "RangeError",
    message: 'descentFigure: results is a run on the energy "double well", not on "parabola" that the figure draws',
  });
  assert.throws(() => descentFigure(parabola(), bad, { maxPoint: 3 } as never), /^RangeError: descentFigure: options.maxPoint is not an option \(did you mean maxPoints\?\)/);
});

test("descentFigure 1D: curve, then per run path + start/end + energy trace; two panels", () => {
  const runs = [quadraticDescent(1.5, 0.5, 1, 10), quadraticDescent(-1, 0.5, 1, 10)];
  const fig = descentFigure(parabola(), runs);
  assert.equal(fig.layout.meta.kind, "descent");
  assert.equal(fig.layout.title.text, "Gradient descent on the parabola");
  assert.equal(fig.data.length, 1 + 3 * 2);
  assert.equal(fig.data[0].name, "E(x)");
  const [path, ends, energy] = fig.data.slice(1, 4);
  // The path sits on the curve: x_t and E(x_t) from the result, first and last kept.
  assert.deepEqual(path.x, runs[0].path.map((p) => r6(p[0])));
  assert.deepEqual(path.y, runs[0].energies.map(r6));
  assert.deepEqual(ends.x, [1.5, r6(1.5 * 0.5 ** 10)]);
  assert.deepEqual((ends.marker as any).color, ["white", PALETTE[0]]);
  assert.deepEqual([energy.xaxis, energy.yaxis], ["x2", "y2"]);
  assert.deepEqual(energy.x, runs[0].times);
  assert.equal((fig.data[4].line as any).color, PALETTE[1], "second run in the second palette colour");
  assert.equal((fig.layout.xaxis2 as any).title.text, "step");
  assert.deepEqual((fig.layout.xaxis2 as any).range, [0, 10]);
  assert.ok(!fig.data.some((t) => t.name === "energy rose"));
  assert.match(fig.layout.meta.description, /never rises along any path/);
  assert.match(fig.layout.meta.description, /run 1 from x = 1.5 \(blue\) starts at x = 1.5 with E = 1.13 and ends at x = 0.00146/);
});

test("descentFigure marks energy increases (a step too large)", () => {
  const good = quadraticDescent(0.5, 0.5, 1, 5);
  const bad = quadraticDescent(0.1, 2.5, 1, 6);
  const fig = descentFigure(parabola(), [good, bad], { labels: ["eta = 0.5", "eta = 2.5"], range: [-2, 2] });
  const rose = fig.data.filter((t) => t.name === "energy rose");
  assert.equal(rose.length, 1);
  // Every step of the eta = 2.5 run raises E: steps 1..6.
  assert.deepEqual(rose[0].x, [1, 2, 3, 4, 5, 6]);
  assert.deepEqual(rose[0].y, [1, 2, 3, 4, 5, 6].map((t) => r6(bad.energies[t])));
  assert.equal(rose[0].xaxis, "x2");
  assert.match(fig.layout.meta.description, /rises \(marked with black crosses\) for eta = 2.5 at 6 step\(s\) \(1, 2, 3, 4, 5, 6\)/);
  assert.equal(fig.data[1].name, "eta = 0.5");
});

test("descentFigure: the drawn range grows to cover paths that leave the domain (unless a range is given)", () => {
  const far = quadraticDescent(0.1, 2.5, 1, 8); // |x_8| = 0.1 * 1.5^8 = 2.56 > 2
  const grown = descentFigure(parabola(), far);
  const range = (grown.layout.xaxis as any).range as number[];
  assert.ok(range[1] > 2.56, `range ${range}`);
  const fixed = descentFigure(parabola(), far, { range: [-2, 2] });
  assert.deepEqual((fixed.layout.xaxis as any).range, [-2, 2]);
});

test("descentFigure downsamples long paths to maxPoints, keeping first and last", () => {
  const long = quadraticDescent(1.9, 0.001, 1, 5000);
  const fig = descentFigure(parabola(), long);
  const path = fig.data[1];
  assert.equal(path.x!.length, 200);
  assert.equal(path.x![0], 1.9);
  assert.equal(path.x![199], r6(long.path[5000][0]));
  assert.equal(path.mode, "lines");
  assert.equal(descentFigure(parabola(), long, { maxPoints: 50 }).data[1].x!.length, 50);
  assert.throws(() => descentFigure(parabola(), long, { maxPoints: 1 }), /descentFigure: options.maxPoints must be an integer in \[2, 1000\], got 1/);
});

test("descentFigure: gradient-flow times give a t axis", () => {
  const run = quadraticDescent(1, 0.5, 1, 4);
  const flow = { ...run, times: [0, 0.25, 0.5, 0.75, 1] };
  assert.equal((descentFigure(parabola(), flow).layout.xaxis2 as any).title.text, "t");
});

test("descentFigure 2D: paths on the contour map", () => {
  const runs = [bowlDescent([0.9, 0.9], 0.05, 40), bowlDescent([-0.8, 0.5], 0.05, 40)];
  const fig = descentFigure(bowl2D(), runs, { points: 31 });
  assert.equal(fig.data[0].type, "contour");
  assert.equal(fig.data[0].showscale, false);
  assert.equal(fig.data[1].name, "minimum");
  const path = fig.data[2];
  assert.deepEqual(path.y, runs[0].path.map((p) => r6(p[1])));
  assert.equal((fig.layout.yaxis as any).title.text, "y");
  assert.match(fig.layout.meta.description, /topographic map of E\(x, y\)/);
});

test("descentFigure: a diverged run is drawn up to its last finite point", () => {
  const run = quadraticDescent(1, 0.5, 1, 3);
  const diverged = { ...run, path: [...run.path, [Infinity]], energies: [...run.energies, Infinity], times: [...run.times, 4], reason: "diverged" as const };
  const fig = descentFigure(parabola(), diverged);
  assert.equal(fig.data[1].x!.length, 4);
  assert.match(fig.layout.meta.description, /the last 1 recorded point\(s\) were not finite and are not drawn/);
  // The same non-finite value in a run that did not diverge is an error.
  assert.throws(() => descentFigure(parabola(), { ...diverged, reason: "max-iterations" }), /^RangeError: descentFigure: results.path\[4\]\[0\] must be a finite number, got Infinity$/);
});

test("descentFigure: errors name the builder and the argument", () => {
  const run = quadraticDescent(1, 0.5, 1, 2);
  assert.throws(() => descentFigure(parabola(), []), /^RangeError: descentFigure: results must be a non-empty array of DescentResult, got \[\]$/);
  assert.throws(() => descentFigure(parabola(), [run, { ...run, energies: [1, 2] }]), /^RangeError: descentFigure: results\[1\].energies must be an array of length 3 \(one per path point\), got \[1, 2\] \(length 2\)$/);
  assert.throws(() => descentFigure(parabola(), [{ ...run, times: [0, 1] }]), /descentFigure: results\[0\].times must be an array of length 3/);
  assert.throws(() => descentFigure(parabola(), [{ ...run, energies: [1, NaN, 0] }]), /^RangeError: descentFigure: results\[0\].energies\[1\] must be a finite number, got NaN$/);
  assert.throws(() => descentFigure(parabola(), [{ ...run, path: [[1], [0.5, 0], [0]] }]), /descentFigure: results\[0\].path\[1\] must be a point of dimension 1/);
  assert.throws(() => descentFigure(parabola(), [{ ...run, path: [] }]), /descentFigure: results\[0\].path must be a non-empty array of points/);
  assert.throws(() => descentFigure(parabola(), [run], { labels: ["a", "b"] }), /descentFigure: options.labels must be 1 string\(s\), one per run/);
  assert.throws(() => descentFigure(parabola(), null as never), /^TypeError: descentFigure: results must be a DescentResult/);
});

test("descentFigure: inputs are not mutated", () => {
  const run = quadraticDescent(1, 0.5, 1, 3);
  const frozen = Object.freeze({
    ...run,
    path: Object.freeze(run.path.map((p) => Object.freeze(p))) as unknown as number[][],
    energies: Object.freeze(run.energies) as unknown as number[],
    times: Object.freeze(run.times) as unknown as number[],
  });
  const fig = descentFigure(parabola(), [frozen]);
  assert.equal(fig.data[1].x!.length, 4);
  const anim = descentAnimation(parabola(), frozen);
  assert.equal(anim.frames.length, 4);
});

test("descentAnimation: one frame per (downsampled) step, a slider step per frame, play and pause", () => {
  const runs = [quadraticDescent(1.5, 0.3, 1, 30), quadraticDescent(-1, 0.3, 1, 12)];
  const fig = descentAnimation(parabola(), runs);
  assert.equal(fig.layout.meta.kind, "descent");
  assert.equal(fig.frames.length, 31, "the longest run has 31 recorded points");
  const slider = (fig.layout.sliders as any[])[0];
  assert.equal(slider.steps.length, 31);
  assert.deepEqual(slider.steps.map((s: any) => s.args[0][0]), fig.frames.map((f) => f.name));
  assert.equal(new Set(fig.frames.map((f) => f.name)).size, 31, "frame names are unique");
  assert.deepEqual(slider.steps.slice(0, 3).map((s: any) => s.label), ["0", "1", "2"]);
  const buttons = (fig.layout.updatemenus as any[])[0].buttons;
  assert.deepEqual(buttons.map((b: any) => b.label), ["Play", "Pause"]);
  assert.equal(buttons[0].args[0], null);
  assert.deepEqual(buttons[1].args[0], [null]);
  // Every frame replaces the same traces: 3 per run, at valid indices.
  for (const frame of fig.frames) {
    assert.equal(frame.data.length, 6);
    assert.deepEqual(frame.traces, fig.frames[0].traces);
    for (const i of frame.traces!) assert.ok(i >= 0 && i < fig.data.length);
  }
  // The head starts at the start and ends at the end; the shorter run waits at its last point.
  const head = (k: number, run: number) => fig.frames[k].data[3 * run + 1];
  assert.deepEqual([head(0, 0).x, head(0, 0).y], [[1.5], [r6(runs[0].energies[0])]]);
  assert.deepEqual(head(30, 0).x, [r6(runs[0].path[30][0])]);
  assert.deepEqual(head(30, 1).x, [r6(runs[1].path[12][0])]);
  assert.deepEqual(fig.frames[30].data[3 * 1 + 2].x, [12], "energy marker of the short run stays at its last step");
  // Fixed ranges, so axes do not jump while playing.
  for (const key of ["xaxis", "yaxis", "xaxis2", "yaxis2"]) assert.equal((fig.layout[key] as any).range.length, 2, key);
});

test("descentAnimation: long runs are downsampled to maxFrames (default 100, at most 200)", () => {
  const long = quadraticDescent(1.9, 0.001, 1, 5000);
  const fig = descentAnimation(parabola(), long);
  assert.equal(fig.frames.length, 100);
  assert.equal((fig.layout.sliders as any[])[0].steps.length, 100);
  assert.equal((fig.layout.sliders as any[])[0].steps[99].label, "5000");
  assert.equal(descentAnimation(parabola(), long, { maxFrames: 200 }).frames.length, 200);
  assert.throws(() => descentAnimation(parabola(), long, { maxFrames: 201 }), /^RangeError: descentAnimation: options.maxFrames must be an integer in \[2, 200\], got 201$/);
  assert.throws(() => descentAnimation(parabola(), long, { frameDuration: -5 }), /descentAnimation: options.frameDuration must be an integer in \[0, 5000\], got -5/);
  // The trail of a frame is short: at most 9 points.
  assert.ok(fig.frames.every((f) => f.data[0].x!.length <= 9));
});

test("descentAnimation 2D runs on the contour map", () => {
  const fig = descentAnimation(bowl2D(), [bowlDescent([0.9, 0.9], 0.05, 20)], { points: 21 });
  assert.equal(fig.data[0].type, "contour");
  assert.equal(fig.frames.length, 21);
  assert.equal((fig.layout.sliders as any[])[0].currentvalue.prefix, "step ");
});

test("descent colours come from the house palette", () => {
  const runs = [quadraticDescent(1.5, 0.5, 1, 10), quadraticDescent(0.1, 2.5, 1, 5)];
  for (const fig of [descentFigure(parabola(), runs), descentAnimation(parabola(), runs), descentFigure(bowl2D(), bowlDescent([0.5, 0.5], 0.1, 5))]) {
    for (const color of colorsIn(fig)) assert.ok(isHouseColor(color), `${fig.layout.title.text}: ${color}`);
  }
});
