// Door checks for energies: checkEnergy, checkFiniteAt, checkBox, checkKnownMinima (internal), and
// the public checkEnergyAt.
import { test } from "node:test";
import assert from "node:assert/strict";
import { checkBox, checkEnergy, checkFiniteAt, checkKnownMinima } from "../../src/energy/checkEnergy";
import { checkEnergyAt } from "../../src/energy/checkEnergyAt";
import { energyFromFormula } from "../../src/energy/fromFormula";
import { energyFromFunction } from "../../src/energy/fromFunction";
import { doubleWell } from "../../src/landscapes/doubleWell";

test("checkEnergy accepts energies and refuses anything else with a TypeError", () => {
  const well = doubleWell();
  assert.equal(checkEnergy("metropolis", "energy", well), well);
  const expected = "an Energy (from energyFromFormula, energyFromFunction or a landscape such as doubleWell())";
  for (const [bad, shown] of [
    [(x: number) => x * x, "a function"],
    [null, "null"],
    [{ value: () => 0, gradient: () => 0, dimension: 0 }, "an object"],
    [{ value: () => 0, dimension: 1 }, "an object"],
  ] as const) {
    assert.throws(() => checkEnergy("metropolis", "energy", bad), { name: "TypeError", message: `metropolis: energy must be ${expected}, got ${shown}` });
  }
});

test("checkFiniteAt returns E at a good point", () => {
  assert.equal(checkFiniteAt("langevin", doubleWell(), [0.5]), 0.5625);
  assert.equal(checkFiniteAt("langevin", doubleWell(), Float64Array.of(2)), 9);
});

test("checkFiniteAt refuses a point where the value is not finite", () => {
  const log = energyFromFormula("log(x)", { variables: ["x"] });
  assert.throws(() => checkFiniteAt("langevin", log, [-1]), {
    name: "RangeError",
    message: 'langevin: energy "log(x)" has a value that is not finite at the starting point x = [-1]: E = NaN',
  });
  assert.throws(() => checkFiniteAt("metropolis", log, [0], { gradient: false, label: "chain 3's start" }), {
    name: "RangeError",
    message: 'metropolis: energy "log(x)" has a value that is not finite at chain 3\'s start x = [0]: E = -Infinity',
  });
});

test("checkFiniteAt refuses a point where the gradient is not finite, unless told the gradient is not needed", () => {
  // sqrt(x^2 + y^2) is finite at the origin; its gradient x / sqrt(x^2 + y^2) is 0/0 there.
  const cone = energyFromFormula("sqrt(x^2 + y^2)", { variables: ["x", "y"] });
  assert.throws(() => checkFiniteAt("gradientDescent", cone, [0, 0]), {
    name: "RangeError",
    message: 'gradientDescent: energy "sqrt(x^2 + y^2)" has a gradient that is not finite at the starting point x = [0, 0]: dE/dx = NaN',
  });
  assert.equal(checkFiniteAt("metropolis", cone, [0, 0], { gradient: false }), 0);
  const custom = energyFromFunction((x) => x[0], { gradient: (_x, _w, out) => { out[0] = Infinity; } });
  assert.throws(() => checkFiniteAt("mala", custom, [1]), { name: "RangeError", message: /dE\/dx = Infinity$/ });
});

test("checkFiniteAt refuses a gradient without one component per dimension", () => {
  // A hand-made Energy whose gradient forgets the second component.
  const flat = { ...energyFromFunction((x) => x[0] + x[1], { dimension: 2 }), gradient: () => Float64Array.of(1) };
  assert.throws(() => checkFiniteAt("gradientDescent", flat, [0, 0]), {
    name: "RangeError",
    message: 'gradientDescent: energy "custom energy" has a gradient of 1 component at the starting point x = [0, 0], expected 2 (one per dimension)',
  });
  assert.equal(checkFiniteAt("metropolis", flat, [1, 2], { gradient: false }), 3);
});

test("checkBox copies a valid box and refuses bad ones", () => {
  const box = checkBox("f", "domain", Object.freeze({ lower: [-1, 0], upper: [1, 2] }), 2);
  assert.deepEqual(box, { lower: [-1, 0], upper: [1, 2] });
  assert.ok(Object.isFrozen(box) && Object.isFrozen(box.lower));
  assert.throws(() => checkBox("f", "domain", [0, 1], 1), { name: "TypeError", message: "f: domain must be a box { lower: number[], upper: number[] }, got [0, 1]" });
  assert.throws(() => checkBox("f", "domain", { lower: [0], upper: [1] }, 2), { name: "RangeError", message: "f: domain must be a box with 2 lower and 2 upper bounds, got an object" });
  assert.throws(() => checkBox("f", "domain", { lower: [0], upper: [NaN] }, 1), { name: "RangeError", message: "f: domain axis 0 must be finite bounds with lower < upper, got [0, NaN]" });
});

test("checkKnownMinima copies valid minima and names the bad entry", () => {
  const minima = checkKnownMinima("f", "minima", [{ x: [1, 2], energy: -3, label: "deep" }, { x: [0, 0], energy: 0 }], 2);
  assert.deepEqual(minima, [{ x: [1, 2], energy: -3, label: "deep" }, { x: [0, 0], energy: 0 }]);
  assert.ok(Object.isFrozen(minima) && Object.isFrozen(minima[0]) && Object.isFrozen(minima[0].x));
  assert.throws(() => checkKnownMinima("f", "minima", { x: [0] }, 1), { name: "TypeError", message: "f: minima must be an array of { x, energy, label? }, got an object" });
  assert.throws(() => checkKnownMinima("f", "minima", [{ x: [0], energy: NaN }], 1), { name: "RangeError", message: "f: minima[0].energy must be a finite number, got NaN" });
  assert.throws(() => checkKnownMinima("f", "minima", [{ x: [0], energy: 0, label: 1 }], 1), { name: "TypeError", message: "f: minima[0].label must be a string, got 1" });
});

test("checkEnergyAt: finite value and gradient, and the gradient agrees with the central difference of the values", () => {
  const check = checkEnergyAt(doubleWell(), [0.5]);
  assert.equal(check.value, 0.5625);
  assert.deepEqual(check.gradient, [-1.5]);
  assert.ok(Math.abs(check.differences[0] + 1.5) < 1e-8 && check.gradientError < 1e-9);
  const wrong = energyFromFunction((x) => x[0] ** 2, { gradient: (x, _w, g) => { g[0] = x[0]; } });
  assert.throws(() => checkEnergyAt(wrong, [3]), {
    name: "RangeError",
    message: /^checkEnergyAt: the gradient of energy "custom energy" disagrees with the central difference of its values at x = \[3\]: dE\/dx = 3, the difference gives 6 /,
  });
  assert.equal(checkEnergyAt(wrong, [3], { tolerance: 0.6 }).value, 9);
  const log = energyFromFormula("log(x)", { variables: ["x"] });
  assert.throws(() => checkEnergyAt(log, [-1]), {
    name: "RangeError",
    message: 'checkEnergyAt: energy "log(x)" has a value that is not finite at the point x = [-1]: E = NaN',
  });
  assert.throws(() => checkEnergyAt(log, [1, 2]), { name: "RangeError", message: /^checkEnergyAt: x must be a point of dimension 1/ });
  assert.throws(() => checkEnergyAt("x^2" as never, [1]), { name: "TypeError", message: /^checkEnergyAt: energy must be an Energy/ });
  assert.throws(() => checkEnergyAt(log, [1], { tolerence: 1 } as never), {
    name: "RangeError",
    message: "checkEnergyAt: options.tolerence is not an option (did you mean tolerance?); the options are tolerance, step",
  });
});
