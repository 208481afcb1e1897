// lilyPad: a gentle bowl with Gaussian dimples; the toad presses memories into it.
import { test } from "node:test";
import assert from "node:assert/strict";
import { lilyPad } from "../../src/landscapes/lilyPad";

/** Bisection of f on [a, b] where f(a) < 0 < f(b), to machine precision. */
function bisect(f: (r: number) => number, a: number, b: number): number {
  for (let i = 0; i < 200; i++) {
    const m = (a + b) / 2;
    if (m === a || m === b) break;
    if (f(m) < 0) a = m;
    else b = m;
  }
  return (a + b) / 2;
}

test("one dimple: the minimum lies on the ray through the dimple, where the bowl's pull balances the dimple's", () => {
  // Along the ray, with r the distance from the pad centre and r0 the dimple's:
  // c r = (d / w^2) (r0 - r) exp(-(r0 - r)^2 / (2 w^2)).
  const c = 0.2, d = 1, w = 0.4, x0 = 1, y0 = 0.5;
  const r0 = Math.hypot(x0, y0);
  const rStar = bisect((r) => c * r - (d / (w * w)) * (r0 - r) * Math.exp(-((r0 - r) ** 2) / (2 * w * w)), r0 / 2, r0);
  const pad = lilyPad();
  assert.equal(pad.knownMinima.length, 1, "the default pad drains into its one dimple");
  const [m] = pad.knownMinima;
  assert.equal(m.label, "dimple 1");
  assert.ok(Math.abs(m.x[0] - (rStar * x0) / r0) < 1e-12 && Math.abs(m.x[1] - (rStar * y0) / r0) < 1e-12, `${m.x} vs r* = ${rStar}`);
  assert.deepEqual(pad.dimples, [{ x: 1, y: 0.5, depth: 1, width: 0.4 }]);
  assert.equal(pad.curvature, 0.2);
});

test("a bare pad has its centre as the only minimum; a far dimple leaves the centre a minimum too", () => {
  assert.deepEqual(lilyPad({ dimples: [] }).knownMinima, [{ x: [0, 0], energy: 0, label: "pad centre" }]);
  const far = lilyPad({ dimples: [{ x: 2, y: 0, width: 0.3 }] });
  assert.deepEqual(far.knownMinima.map((m) => m.label), ["dimple 1", "pad centre"]);
  assert.ok(Math.hypot(...far.knownMinima[1].x) < 1e-6, "the centre barely moves");
});

test("a dimple too shallow for the slope holds no memory", () => {
  const pad = lilyPad({ curvature: 1, dimples: [{ x: 2, y: 0, depth: 0.05, width: 0.4 }] });
  assert.deepEqual(pad.knownMinima.map((m) => m.label), ["pad centre"]);
});

test("withDimple presses one more memory and leaves the pad it came from unchanged", () => {
  const pad = lilyPad({ dimples: [{ x: 1, y: 0 }] });
  const pressed = pad.withDimple({ x: -1, y: 1, depth: 2 });
  assert.deepEqual(pressed.knownMinima.map((m) => m.label), ["dimple 1", "dimple 2"]);
  assert.equal(pad.knownMinima.length, 1);
  assert.equal(pad.dimples.length, 1);
  assert.deepEqual(Object.keys(pressed.parameters), ["curvature", "cx1", "cy1", "depth1", "width1", "cx2", "cy2", "depth2", "width2"]);
  assert.match(pressed.formula, /- depth2 \* exp\(-\(\(x - cx2\)\^2 \+ \(y - cy2\)\^2\) \/ \(2 \* width2\^2\)\)$/);
  assert.ok(pressed.knownMinima[1].energy < pressed.knownMinima[0].energy, "the deeper dimple is the lower memory");
  assert.ok(Object.isFrozen(pressed.dimples) && Object.isFrozen(pressed.dimples[1]));
});

test("withParameters moves and deepens dimples by their numbered names", () => {
  const pad = lilyPad();
  const deeper = pad.withParameters({ depth1: 3, cx1: -1 });
  assert.deepEqual(deeper.dimples, [{ x: -1, y: 0.5, depth: 3, width: 0.4 }]);
  assert.ok(deeper.knownMinima[0].x[0] < 0);
  assert.equal(pad.dimples[0].depth, 1);
  assert.throws(() => pad.withParameters({ width1: 0 }), { name: "RangeError", message: "withParameters: changes.width1 must be a positive finite number, got 0" });
  assert.throws(() => pad.withParameters({ depth2: 1 }), { name: "RangeError", message: /^withParameters: unknown parameter "depth2" for lily pad; its parameters are curvature, cx1, cy1, depth1, width1$/ });
});

test("dimples and options are checked at the door", () => {
  assert.throws(() => lilyPad({ dimples: [{ x: 0, y: 1, depth: -1 }] }), { name: "RangeError", message: "lilyPad: options.dimples[0].depth must be a positive finite number, got -1" });
  assert.throws(() => lilyPad({ dimples: [{ x: 0 } as unknown as { x: number; y: number }] }), { name: "TypeError", message: "lilyPad: options.dimples[0].y must be a finite number, got undefined" });
  assert.throws(() => lilyPad({ dimples: [{ x: 0, y: 0, radius: 1 } as unknown as { x: number; y: number }] }), {
    name: "RangeError",
    message: "lilyPad: options.dimples[0].radius is not an option; the options are x, y, depth, width",
  });
  assert.throws(() => lilyPad({ dimples: { x: 0, y: 0 } as unknown as [] }), { name: "TypeError", message: "lilyPad: options.dimples must be an array of dimples { x, y, depth?, width? }, got an object" });
  assert.throws(() => lilyPad({ curvature: 0 }), { name: "RangeError", message: "lilyPad: options.curvature must be a positive finite number, got 0" });
  assert.throws(() => lilyPad().withDimple({ x: NaN, y: 0 }), { name: "RangeError", message: "withDimple: dimple.x must be a finite number, got NaN" });
  const frozen = Object.freeze({ dimples: Object.freeze([Object.freeze({ x: 1, y: 1 })]) });
  assert.equal(lilyPad(frozen).dimples[0].depth, 1);
});
