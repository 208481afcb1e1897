// ruggedWell: E = curvature/2 x^2 + amplitude sin^2(frequency x), every local minimum listed.
import { test } from "node:test";
import assert from "node:assert/strict";
import { ruggedWell } from "../../src/landscapes/ruggedWell";

/** Local minima of E sampled on a uniform grid over [lo, hi] (independent of E'). */
function scannedMinima(value: (x: number[]) => number, lo: number, hi: number, count: number): number[] {
  const xs = Array.from({ length: count + 1 }, (_, i) => lo + ((hi - lo) * i) / count);
  const es = xs.map((x) => value([x]));
  return xs.filter((_, i) => i > 0 && i < count && es[i] < es[i - 1] && es[i] < es[i + 1]);
}

test("the default has five wells, symmetric, each near k pi / 2, labelled by k", () => {
  const rugged = ruggedWell();
  const minima = rugged.knownMinima;
  assert.deepEqual(minima.map((m) => m.label), ["well -2", "well -1", "well 0", "well 1", "well 2"]);
  minima.forEach((m, i) => {
    const k = i - 2;
    const x = m.x[0];
    assert.ok(Math.abs(x - (k * Math.PI) / 2) < Math.PI / 4, `well ${k} at ${x}`);
    assert.ok(Math.abs(x + minima[4 - i].x[0]) < 1e-14, "mirror symmetry");
    // E'(x) = c x + A w sin(2 w x) with c = 0.5, A = 1, w = 2.
    assert.ok(Math.abs(0.5 * x + 2 * Math.sin(4 * x)) < 1e-14);
  });
  assert.equal(minima[2].x[0], 0);
  assert.equal(minima[2].energy, 0);
  assert.ok(minima[1].energy > 0 && minima[0].energy > minima[1].energy, "outer wells are higher");
});

test("no minimum is missed: an independent grid scan over a wide interval finds the same ones", () => {
  for (const options of [{}, { curvature: 0.2, amplitude: 0.5, frequency: 3 }, { curvature: 0.05, amplitude: 2, frequency: 1 }]) {
    const rugged = ruggedWell(options);
    const reach = 3 * Math.max(...rugged.domain.upper.map(Math.abs));
    const scanned = scannedMinima((x) => rugged.value(x), -reach, reach, 400_000);
    assert.equal(rugged.knownMinima.length, scanned.length, JSON.stringify(options));
    const spacing = (2 * reach) / 400_000;
    scanned.forEach((x, i) => assert.ok(Math.abs(x - rugged.knownMinima[i].x[0]) <= spacing));
  }
});

test("a weaker bowl holds more wells", () => {
  assert.ok(ruggedWell({ curvature: 0.1 }).knownMinima.length > ruggedWell().knownMinima.length);
  assert.equal(ruggedWell({ curvature: 10 }).knownMinima.length, 1, "a steep bowl has only the centre");
});

test("options are checked at the door", () => {
  assert.throws(() => ruggedWell({ frequency: -1 }), { name: "RangeError", message: "ruggedWell: options.frequency must be a positive finite number, got -1" });
  assert.throws(() => ruggedWell({ curvature: 1e-6 }), {
    name: "RangeError",
    message: /^ruggedWell: amplitude \* frequency\^2 \/ curvature must be at most about 24543, got 4000000 \(too many minima to list\)$/,
  });
  assert.throws(() => ruggedWell().withParameters({ amplitude: 0 }), { name: "RangeError", message: "withParameters: changes.amplitude must be a positive finite number, got 0" });
});
