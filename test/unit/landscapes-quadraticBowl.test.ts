// quadraticBowl: E = 1/2 (kx (x - cx)^2 + ky (y - cy)^2).
import { test } from "node:test";
import assert from "node:assert/strict";
import { quadraticBowl } from "../../src/landscapes/quadraticBowl";

test("the default is the round bowl (x^2 + y^2) / 2", () => {
  const bowl = quadraticBowl();
  assert.equal(bowl.value([3, 4]), 12.5);
  assert.deepEqual(Array.from(bowl.gradient([3, 4])), [3, 4]);
  assert.deepEqual(bowl.knownMinima, [{ x: [0, 0], energy: 0, label: "centre" }]);
  assert.deepEqual(bowl.parameters, { kx: 1, ky: 1, cx: 0, cy: 0 });
  assert.deepEqual(bowl.domain, { lower: [-3, -3], upper: [3, 3] });
});

test("anisotropic stiffness and a moved centre", () => {
  const bowl = quadraticBowl({ k: [1, 4], center: [1, 0] });
  assert.equal(bowl.value([2, 1]), 2.5);
  assert.deepEqual(Array.from(bowl.gradient([2, 1])), [1, 4]);
  assert.deepEqual(bowl.knownMinima[0].x, [1, 0]);
  // Domain: centre +- 3 / sqrt(min k) = +- 3.
  assert.deepEqual(bowl.domain, { lower: [-2, -3], upper: [4, 3] });
  const stiffer = bowl.withParameters({ kx: 9, cy: -1 });
  assert.equal(stiffer.value([2, 0]), 0.5 * (9 + 4));
  assert.deepEqual(stiffer.knownMinima[0].x, [1, -1]);
  assert.equal(bowl.parameters.kx, 1);
});

test("options are checked at the door", () => {
  assert.throws(() => quadraticBowl({ k: -1 }), { name: "RangeError", message: "quadraticBowl: options.k must be a positive finite number, got -1" });
  assert.throws(() => quadraticBowl({ k: [1, 0] }), { name: "RangeError", message: "quadraticBowl: options.k[1] must be a positive finite number, got 0" });
  assert.throws(() => quadraticBowl({ k: [1, 2, 3] as unknown as [number, number] }), {
    name: "RangeError",
    message: "quadraticBowl: options.k must be a positive number or two: [kx, ky], got [1, 2, 3]",
  });
  assert.throws(() => quadraticBowl({ center: [0] as unknown as [number, number] }), {
    name: "RangeError",
    message: "quadraticBowl: options.center must be two finite numbers [cx, cy], got [0]",
  });
  assert.throws(() => quadraticBowl({ center: [0, NaN] }), { name: "RangeError", message: "quadraticBowl: options.center[1] must be a finite number, got NaN" });
  assert.throws(() => quadraticBowl().withParameters({ ky: -2 }), { name: "RangeError", message: "withParameters: changes.ky must be a positive finite number, got -2" });
  const frozen = Object.freeze({ k: Object.freeze([2, 3]) as readonly [number, number], center: Object.freeze([1, 1]) as readonly [number, number] });
  assert.equal(quadraticBowl(frozen).value([2, 2]), 2.5);
});
