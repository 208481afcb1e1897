// energyFromFormula: values, the symbolic gradient, parameters, and every refusal at the door.
import { test } from "node:test";
import assert from "node:assert/strict";
import seedrandom from "seedrandom";
import { energyFromFormula } from "../../src/energy/fromFormula";
import type { Energy } from "../../src/types";

/** Five-point central difference of E along axis i: error O(h^4) plus rounding eps |E| / h. */
function fivePoint(energy: Energy, x: readonly number[], i: number): number {
  const h = 1e-3 * Math.max(1, Math.abs(x[i]));
  const at = (d: number) => energy.value(x.map((v, j) => (j === i ? v + d : v)));
  return (-at(2 * h) + 8 * at(h) - 8 * at(-h) + at(-2 * h)) / (12 * h);
}

const TILTED = "(x^2 - 1)^2 + tilt * x";

test("values of the tilted double well equal the hand formula", () => {
  const energy = energyFromFormula(TILTED, { variables: ["x"], parameters: { tilt: 0.5 } });
  for (const x of [-2, -1, -0.3, 0, 0.7, 1, 1.9]) assert.equal(energy.value([x]), (x * x - 1) ** 2 + 0.5 * x);
  assert.equal(energy.value(Float64Array.of(1)), 0.5);
  assert.equal(energy.dimension, 1);
  assert.equal(energy.gradientKind, "symbolic");
  assert.equal(energy.formula, TILTED);
  assert.equal(energy.name, TILTED);
});

test("the symbolic gradient of the tilted double well is 4x(x^2 - 1) + tilt, as TeX too", () => {
  const energy = energyFromFormula(TILTED, { variables: ["x"], parameters: { tilt: 0.5 } });
  for (const x of [-1.5, -0.2, 0, 0.9, 2]) assert.ok(Math.abs(energy.gradient([x])[0] - (4 * x * (x * x - 1) + 0.5)) < 1e-14);
  // The simplified derivative, printed for reading (formulaTex.ts): products side by side, a
  // several-letter name as one italic word.
  assert.deepEqual(energy.gradientTex, ["4x\\left(x^{2} - 1\\right) + \\mathit{tilt}"]);
  assert.equal(energy.tex, "\\left(x^{2} - 1\\right)^{2} + \\mathit{tilt}\\,x");
});

// Formulas in 1, 2 and 3 variables; the non-smooth ones are sampled where they are smooth
// (seeded random points hit a kink with probability zero).
const CASES: { formula: string; variables: string[]; parameters?: Record<string, number> }[] = [
  { formula: TILTED, variables: ["x"], parameters: { tilt: -0.7 } },
  { formula: "a * exp(-(x^2 + y^2) / (2 * s^2)) + 0.1 * (x^2 + y^2)", variables: ["x", "y"], parameters: { a: -2, s: 0.8 } },
  {
    formula:
      "-200 * exp(-(x - 1)^2 - 10 * y^2) - 100 * exp(-x^2 - 10 * (y - 0.5)^2) - 170 * exp(-6.5 * (x + 0.5)^2 + 11 * (x + 0.5) * (y - 1.5) - 6.5 * (y - 1.5)^2) + 15 * exp(0.7 * (x + 1)^2 + 0.6 * (x + 1) * (y - 1) + 0.7 * (y - 1)^2)",
    variables: ["x", "y"],
  },
  { formula: "sin(x) * cos(y) * tanh(z) + sqrt(1 + x^2 + y^2 + z^2)", variables: ["x", "y", "z"] },
  { formula: "log(1 + x^2) + log1p(y^2) + expm1(x / 2) + log2(2 + y^2) + log10(1 + x^2)", variables: ["x", "y"] },
  { formula: "abs(x)^3 + abs(x - y) + sign(x) * y + min(x, y) + max(x^2, y, 0.5)", variables: ["x", "y"] },
  { formula: "square(x - y) + cube(x) + pow(x^2 + 1, 1.5) + (y^2 + 1)^x", variables: ["x", "y"] },
  { formula: "atan(x) + asin(y / 3) + acos(x / 3) + sinh(y) + cosh(x) + asinh(x) + acosh(y^2 + 2) + atanh(x / 3)", variables: ["x", "y"] },
  { formula: "sec(x / 2) + csc(y / 3 + 2) + cot(x / 4 + 1) + sech(y) + csch(x + 5) + coth(y + 3)", variables: ["x", "y"] },
  { formula: "k / 2 * (u - c)^2 + pi * e * u", variables: ["u"], parameters: { k: 3, c: 0.25, unused: 7 } },
];

test("the symbolic gradient equals the five-point central difference at 40 seeded points per formula", () => {
  const rng = seedrandom.alea("formula-gradients");
  for (const c of CASES) {
    const energy = energyFromFormula(c.formula, { variables: c.variables, parameters: c.parameters });
    const out = new Float64Array(c.variables.length);
    for (let k = 0; k < 40; k++) {
      const x = c.variables.map(() => 3 * rng() - 1.5);
      assert.equal(energy.gradient(x, out), out, "writes into out and returns it");
      const scale = 1 + Math.abs(energy.value(x));
      c.variables.forEach((name, i) => {
        const numeric = fivePoint(energy, x, i);
        assert.ok(
          Math.abs(out[i] - numeric) <= 1e-7 * (scale + Math.abs(numeric)),
          `${c.formula}: dE/d${name} at [${x}] is ${out[i]}, central difference ${numeric}`,
        );
      });
    }
  }
});

test("at a kink of abs, min and max the gradient takes the average slope (sign(0) = 0)", () => {
  assert.deepEqual(Array.from(energyFromFormula("abs(x)", { variables: ["x"] }).gradient([0])), [0]);
  assert.deepEqual(Array.from(energyFromFormula("max(x, y)", { variables: ["x", "y"] }).gradient([1, 1])), [0.5, 0.5]);
  assert.deepEqual(Array.from(energyFromFormula("min(x, y)", { variables: ["x", "y"] }).gradient([2, 2])), [0.5, 0.5]);
  assert.deepEqual(Array.from(energyFromFormula("abs(x) + abs(y)", { variables: ["x", "y"] }).gradient([3, -2])), [1, -1]);
});

test("gradient without out returns a fresh array each call", () => {
  const energy = energyFromFormula("x * y", { variables: ["x", "y"] });
  const first = energy.gradient([2, 3]);
  const second = energy.gradient([2, 3]);
  assert.notEqual(first, second);
  assert.deepEqual(Array.from(first), [3, 2]);
});

test("withParameters changes the values, keeps the compiled parts and leaves the original unchanged", () => {
  const minima = Object.freeze([Object.freeze({ x: Object.freeze([-1.03]), energy: -0.3, label: "left" })]);
  const original = energyFromFormula(TILTED, { variables: ["x"], parameters: { tilt: 0.3 }, knownMinima: minima, domain: { lower: [-2], upper: [2] } });
  const changed = original.withParameters({ tilt: -1 });
  assert.equal(changed.value([1]), -1);
  assert.equal(changed.gradient([1])[0], -1);
  assert.equal(original.value([1]), 0.3);
  assert.deepEqual(original.parameters, { tilt: 0.3 });
  assert.deepEqual(changed.parameters, { tilt: -1 });
  // Same frozen gradientTex array: the formula was not differentiated again.
  assert.equal(changed.gradientTex, original.gradientTex);
  assert.equal(changed.knownMinima, undefined, "minima for the old parameters are dropped");
  assert.equal(original.knownMinima?.[0].label, "left");
  assert.deepEqual(changed.domain, { lower: [-2], upper: [2] });
  assert.ok(Object.isFrozen(original) && Object.isFrozen(changed) && Object.isFrozen(changed.parameters));
});

test("the recipe rebuilds the same energy, with the current parameters, from cloned arguments", () => {
  const original = energyFromFormula(TILTED, { variables: ["x"], parameters: { tilt: 0.3 }, domain: { lower: [-2], upper: [2] } });
  const changed = original.withParameters({ tilt: -0.8 });
  const recipe = changed.recipe!;
  assert.equal(recipe.export, "energyFromFormula");
  const factory = (require(recipe.module) as Record<string, (...args: unknown[]) => Energy>)[recipe.export];
  const rebuilt = factory(...structuredClone(recipe.args));
  assert.deepEqual(rebuilt.parameters, { tilt: -0.8 });
  assert.deepEqual(rebuilt.domain, changed.domain);
  assert.equal(rebuilt.name, changed.name);
  for (const x of [-1.7, -0.2, 0.4, 1.3]) assert.equal(rebuilt.value([x]), changed.value([x]));
});

test("withParameters refuses unknown names and values that are not finite", () => {
  const energy = energyFromFormula(TILTED, { variables: ["x"], parameters: { tilt: 0.3 } });
  assert.throws(() => energy.withParameters({ tlt: 1 }), {
    name: "RangeError",
    message: 'withParameters: unknown parameter "tlt" for (x^2 - 1)^2 + tilt * x; its parameters are tilt',
  });
  assert.throws(() => energy.withParameters({ tilt: NaN }), { name: "RangeError", message: "withParameters: changes.tilt must be a finite number, got NaN" });
});

test("inputs are not mutated (frozen options work)", () => {
  const options = Object.freeze({ variables: Object.freeze(["x", "y"]), parameters: Object.freeze({ a: 2 }), name: "frozen" });
  const energy = energyFromFormula("a * x * y", options);
  assert.equal(energy.value([1, 2]), 4);
  assert.equal(energy.name, "frozen");
  const point = Object.freeze([1, 2]);
  energy.gradient(point);
  assert.deepEqual(point, [1, 2]);
});

test("a long formula is named 'formula energy' unless a name is given", () => {
  const long = "x^2 + x^4 / 10 + x^6 / 100 + x^8 / 1000 + x^10 / 10000 + x^12 / 100000";
  assert.equal(energyFromFormula(long, { variables: ["x"] }).name, "formula energy");
});

test("a syntax error is a SyntaxError naming the function, the formula and the position", () => {
  assert.throws(() => energyFromFormula("sin(x", { variables: ["x"] }), {
    name: "SyntaxError",
    message: 'energyFromFormula: formula "sin(x" is not a valid mathjs expression: Parenthesis ) expected (char 6)',
  });
  assert.throws(() => energyFromFormula("x +* 2", { variables: ["x"] }), { name: "SyntaxError", message: /"x \+\* 2" .*\(char 4\)/ });
});

test("an unknown symbol is named, with the declared variables and parameters", () => {
  assert.throws(() => energyFromFormula("x^2 + w * y", { variables: ["x"], parameters: { w: 1 } }), {
    name: "RangeError",
    message: 'energyFromFormula: unknown symbol "y" in formula "x^2 + w * y"; declared variables: x; parameters: w; constants: pi, e',
  });
});

test("an unsupported function is named, with the allowed ones", () => {
  assert.throws(() => energyFromFormula("gamma(x)", { variables: ["x"] }), {
    name: "RangeError",
    message: /^energyFromFormula: function "gamma" is not supported in formula "gamma\(x\)"; allowed functions: exp, expm1, log, log1p/,
  });
});

test("the formula and the options are checked at the door", () => {
  const fails = (thunk: () => unknown, name: string, message: string | RegExp) => assert.throws(thunk, { name, message });
  fails(() => energyFromFormula(42 as unknown as string, { variables: ["x"] }), "TypeError", "energyFromFormula: formula must be a string in mathjs syntax, got 42");
  fails(() => energyFromFormula("  ", { variables: ["x"] }), "RangeError", 'energyFromFormula: formula must be a non-empty formula, got "  "');
  fails(
    () => energyFromFormula("x", undefined as unknown as { variables: string[] }),
    "TypeError",
    'energyFromFormula: options must be given with at least the variables, as in { variables: ["x"] }, got undefined',
  );
  fails(() => energyFromFormula("x", { variables: [] }), "TypeError", 'energyFromFormula: options.variables must be a non-empty array of variable names such as ["x", "y"], got []');
  fails(() => energyFromFormula("x", { variables: "x" as unknown as string[] }), "TypeError", /options.variables must be a non-empty array/);
  fails(() => energyFromFormula("x + y", { variables: ["x", "x"] }), "RangeError", 'energyFromFormula: options.variables must be distinct names, got ["x", "x"] ("x" repeats)');
  fails(() => energyFromFormula("x", { variables: ["2x"] }), "RangeError", 'energyFromFormula: options.variables[0] must be a name made of letters, digits and _ that starts with a letter, got "2x"');
  fails(() => energyFromFormula("x", { variables: ["x-y"] }), "RangeError", /options.variables\[0\] must be a name made of letters/);
  fails(() => energyFromFormula("pi", { variables: ["pi"] }), "RangeError", 'energyFromFormula: options.variables[0] must be a name that is not a constant, a function or a mathjs keyword, got "pi"');
  fails(() => energyFromFormula("x", { variables: ["exp"] }), "RangeError", /variables\[0\] must be a name that is not a constant/);
  fails(() => energyFromFormula("x", { variables: ["x"], parameters: { x: 1 } }), "RangeError", 'energyFromFormula: parameter "x" has the same name as a variable; variables and parameters need distinct names');
  fails(() => energyFromFormula("x", { variables: ["x"], parameters: { mod: 1 } }), "RangeError", /options.parameters.mod must be a name that is not/);
  fails(() => energyFromFormula("a * x", { variables: ["x"], parameters: { a: Infinity } }), "RangeError", "energyFromFormula: options.parameters.a must be a finite number, got Infinity");
  fails(() => energyFromFormula("a * x", { variables: ["x"], parameters: [1] as unknown as Record<string, number> }), "TypeError", /options.parameters must be an object of named finite numbers/);
  fails(() => energyFromFormula("x", { variables: ["x"], domian: {} } as unknown as { variables: string[] }), "RangeError", "energyFromFormula: options.domian is not an option (did you mean domain?); the options are variables, parameters, name, domain, knownMinima");
  fails(() => energyFromFormula("x", { variables: ["x"], name: 3 as unknown as string }), "TypeError", "energyFromFormula: options.name must be a string, got 3");
  fails(() => energyFromFormula("x", { variables: ["x"], domain: { lower: [1], upper: [0] } }), "RangeError", "energyFromFormula: options.domain axis 0 must be finite bounds with lower < upper, got [1, 0]");
  fails(() => energyFromFormula("x", { variables: ["x"], knownMinima: [{ x: [0, 1], energy: 0 }] }), "RangeError", "energyFromFormula: options.knownMinima[0].x must be an array of 1 finite numbers, got [0, 1]");
});

test("text mathjs would silently ignore is refused: a # comment, a trailing ; or a second line", () => {
  const fails = (thunk: () => unknown, name: string, message: string | RegExp) => assert.throws(thunk, { name, message });
  fails(
    () => energyFromFormula("(x^2-1)^2 # + 0.5*x", { variables: ["x"] }),
    "RangeError",
    'energyFromFormula: formula "(x^2-1)^2 # + 0.5*x" contains "#" (char 11), which mathjs reads as the start of a comment and would silently drop "# + 0.5*x"; remove it, or write the whole formula without comments',
  );
  fails(() => energyFromFormula("(x^2-1)^2;", { variables: ["x"] }), "RangeError", /^energyFromFormula: formula "\(x\^2-1\)\^2;" is not one expression/);
  fails(() => energyFromFormula("(x^2-1)^2\n+ 0.5*x", { variables: ["x"] }), "RangeError", /is not one expression/);
  // A line break inside parentheses is one expression.
  assert.equal(energyFromFormula("((x^2-1)^2\n+ 0.5*x)", { variables: ["x"] }).value([1]), 0.5);
});

test("a parameter the formula does not use is fine", () => {
  const energy = energyFromFormula("x^2", { variables: ["x"], parameters: { spare: 1 } });
  assert.equal(energy.withParameters({ spare: 5 }).value([3]), 9);
});

test("names mathjs knows as constants elsewhere (tau, phi, E, i, gamma) are ordinary parameters here", () => {
  const energy = energyFromFormula("tau * x^2 + phi * x + E + i * gamma", { variables: ["x"], parameters: { tau: 2, phi: 3, E: 5, i: 7, gamma: 11 } });
  assert.equal(energy.value([1]), 2 + 3 + 5 + 77);
  assert.equal(energy.gradient([1])[0], 4 + 3);
  assert.throws(() => energyFromFormula("x", { variables: ["x"], parameters: { Infinity: 1 } }), { name: "RangeError", message: /options.parameters.Infinity must be a name that is not/ });
});
