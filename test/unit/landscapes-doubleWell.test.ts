// doubleWell: E(x) = barrier ((x / position)^2 - 1)^2, closed forms and door checks.
import { test } from "node:test";
import assert from "node:assert/strict";
import { doubleWell } from "../../src/landscapes/doubleWell";

test("the default is (x^2 - 1)^2 with minima at -1 and 1 and the barrier 1 at 0", () => {
  const well = doubleWell();
  for (const x of [-2, -1.5, -1, -0.25, 0, 0.5, 1, 1.75]) {
    assert.equal(well.value([x]), (x * x - 1) ** 2);
    assert.equal(well.gradient([x])[0], 4 * x * (x * x - 1));
  }
  assert.deepEqual(well.knownMinima, [
    { x: [-1], energy: 0, label: "left well" },
    { x: [1], energy: 0, label: "right well" },
  ]);
  assert.deepEqual(well.parameters, { barrier: 1, position: 1 });
  assert.deepEqual(well.domain, { lower: [-2], upper: [2] });
});

test("barrier and position set the height at 0 and the minima at +-position", () => {
  const well = doubleWell({ barrier: 2.5, position: 3 });
  assert.equal(well.value([0]), 2.5);
  assert.equal(well.value([3]), 0);
  assert.equal(well.value([-3]), 0);
  assert.equal(Math.abs(well.gradient([0])[0]), 0);
  // E'(x) = 4 barrier ((x/position)^2 - 1) x / position^2; at x = 1.5: 4 * 2.5 * (-0.75) * 1.5 / 9 = -1.25.
  assert.ok(Math.abs(well.gradient([1.5])[0] - -1.25) < 1e-15);
  assert.deepEqual(well.knownMinima.map((m) => m.x[0]), [-3, 3]);
  assert.deepEqual(well.domain, { lower: [-6], upper: [6] });
});

test("withParameters rebuilds minima and leaves the original alone", () => {
  const well = doubleWell();
  const wide = well.withParameters({ position: 2 });
  assert.deepEqual(wide.knownMinima.map((m) => m.x[0]), [-2, 2]);
  assert.deepEqual(well.knownMinima.map((m) => m.x[0]), [-1, 1]);
  assert.throws(() => well.withParameters({ position: -1 }), {
    name: "RangeError",
    message: "withParameters: changes.position must be a positive finite number, got -1",
  });
});

test("options are checked at the door", () => {
  assert.throws(() => doubleWell({ barrier: 0 }), { name: "RangeError", message: "doubleWell: options.barrier must be a positive finite number, got 0" });
  assert.throws(() => doubleWell({ position: "1" as unknown as number }), {
    name: "TypeError",
    message: 'doubleWell: options.position must be a positive finite number, got "1"',
  });
  assert.throws(() => doubleWell({ barier: 2 } as unknown as { barrier: number }), {
    name: "RangeError",
    message: "doubleWell: options.barier is not an option (did you mean barrier?); the options are barrier, position",
  });
  assert.throws(() => doubleWell(3 as unknown as object), { name: "TypeError", message: "doubleWell: options must be an options object, got 3" });
  const frozen = Object.freeze({ barrier: 2 });
  assert.equal(doubleWell(frozen).value([0]), 2);
});
