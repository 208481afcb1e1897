// tiltedDoubleWell: minima from the exact roots of 4x^3 - 4x + tilt = 0.
import { test } from "node:test";
import assert from "node:assert/strict";
import { CRITICAL_TILT, depressedCubicRoots, tiltedDoubleWell } from "../../src/landscapes/tiltedDoubleWell";

const TILTS = [-1.5, -1, -0.5, -0.1, 0, 0.1, 0.3, 0.5, 1, 1.5, 1.53];

test("the minima satisfy the cubic 4x^3 - 4x + tilt = 0 to rounding", () => {
  for (const tilt of TILTS) {
    const minima = tiltedDoubleWell({ tilt }).knownMinima;
    assert.equal(minima.length, 2, `tilt ${tilt}`);
    for (const m of minima) {
      const x = m.x[0];
      assert.ok(Math.abs(4 * x ** 3 - 4 * x + tilt) <= 4e-15 * (1 + Math.abs(tilt)), `tilt ${tilt}: residual at ${x}`);
      assert.ok(12 * x * x - 4 > 0, "E'' > 0: a minimum");
    }
    assert.deepEqual(minima.map((m) => m.label), ["left well", "right well"]);
  }
});

test("the three roots are the roots of the cubic: their sum is 0 and their product -tilt/4 (Vieta)", () => {
  for (const tilt of TILTS) {
    const roots = depressedCubicRoots(tilt / 4);
    assert.equal(roots.length, 3);
    assert.ok(Math.abs(roots[0] + roots[1] + roots[2]) < 1e-15);
    assert.ok(Math.abs(roots[0] * roots[1] * roots[2] + tilt / 4) < 1e-15);
    assert.ok(Math.abs(roots[0] * roots[1] + roots[1] * roots[2] + roots[0] * roots[2] + 1) < 1e-15);
  }
});

test("tilt 0 gives minima exactly at -1 and 1; tilt 1.5 gives the roots 1/2 and (-1 -+ sqrt 13) / 4", () => {
  assert.deepEqual(tiltedDoubleWell({ tilt: 0 }).knownMinima.map((m) => m.x[0]), [-1, 1]);
  // 4x^3 - 4x + 1.5 = 4 (x - 1/2)(x^2 + x/2 - 3/4): roots 1/2 and (-1 -+ sqrt(13)) / 4.
  const minima = tiltedDoubleWell({ tilt: 1.5 }).knownMinima.map((m) => m.x[0]);
  assert.ok(Math.abs(minima[0] - (-1 - Math.sqrt(13)) / 4) < 1e-15);
  assert.ok(Math.abs(minima[1] - (-1 + Math.sqrt(13)) / 4) < 1e-15);
});

test("a positive tilt makes the left well the deeper memory", () => {
  const [left, right] = tiltedDoubleWell({ tilt: 0.3 }).knownMinima;
  assert.ok(left.energy < right.energy);
  const [left2, right2] = tiltedDoubleWell({ tilt: -0.3 }).knownMinima;
  assert.ok(left2.energy > right2.energy);
  assert.ok(Math.abs(left.energy - right2.energy) < 1e-15, "mirror images");
});

test("beyond the critical tilt 8/sqrt(27) only one well is left", () => {
  assert.ok(Math.abs(CRITICAL_TILT - 1.5396007178390020) < 1e-15);
  for (const tilt of [1.54, 2, 10, -1.6, -50]) {
    const minima = tiltedDoubleWell({ tilt }).knownMinima;
    assert.equal(minima.length, 1, `tilt ${tilt}`);
    assert.equal(minima[0].label, "well");
    const x = minima[0].x[0];
    assert.ok(Math.abs(4 * x ** 3 - 4 * x + tilt) <= 4e-15 * Math.abs(tilt) * 10);
    assert.ok(Math.sign(x) === -Math.sign(tilt));
  }
});

test("withParameters moves the minima; the tilt is checked at the door", () => {
  const tilted = tiltedDoubleWell();
  assert.deepEqual(tilted.parameters, { tilt: 0.3 });
  assert.deepEqual(tilted.withParameters({ tilt: 0 }).knownMinima.map((m) => m.x[0]), [-1, 1]);
  assert.throws(() => tiltedDoubleWell({ tilt: NaN }), { name: "RangeError", message: "tiltedDoubleWell: options.tilt must be a finite number, got NaN" });
  assert.throws(() => tilted.withParameters({ tilt: Infinity }), { name: "RangeError", message: "withParameters: changes.tilt must be a finite number, got Infinity" });
  assert.throws(() => tiltedDoubleWell({ tilt: null } as unknown as { tilt: number }), { name: "TypeError", message: "tiltedDoubleWell: options.tilt must be a finite number, got null" });
});
