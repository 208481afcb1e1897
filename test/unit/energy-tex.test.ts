// TeX for formula energies (src/energy/formulaTex.ts): names, products, the tidied gradient, and
// the one property that matters most: the tidied tree is the same function as mathjs's.
import { test } from "node:test";
import assert from "node:assert/strict";
import seedrandom from "seedrandom";
import { parse, type MathNode } from "mathjs";
import { energyFromFormula } from "../../src/energy/fromFormula";
import { symbolicGradient } from "../../src/energy/symbolicGradient";
import { displayTree, formulaTex, symbolTex } from "../../src/energy/formulaTex";

test("every one-letter name is italic, whatever mathjs thinks it is (t is a tonne, b a bit, c nothing)", () => {
  for (const name of ["t", "b", "c", "g", "m", "s", "x"]) assert.equal(symbolTex(name), name);
  const energy = energyFromFormula("(x^2 - 1)^2 + t * x - b * x^3 + c", { variables: ["x"], parameters: { t: 1, b: 2, c: 3 } });
  assert.doesNotMatch(energy.tex!, /mathrm/);
  assert.doesNotMatch(energy.gradientTex![0], /mathrm/);
  assert.equal(energy.tex, "\\left(x^{2} - 1\\right)^{2} + tx - bx^{3} + c");
  // Greek names, longer names, subscripts.
  assert.deepEqual(["beta", "Omega", "tilt", "x1", "x_2", "w_ab", "beta2", "my_param", "run2", "pi"].map(symbolTex), [
    "\\beta", "\\Omega", "\\mathit{tilt}", "x_{1}", "x_{2}", "w_{ab}", "\\beta_{2}", "\\mathit{my\\_param}", "\\mathit{run2}", "\\pi",
  ]);
});

test("the gradient of 0.2 cos(12x) reads -2.4 sin(12x), constants first", () => {
  const energy = energyFromFormula("(x^2 - 1)^2 + 0.2 * cos(12 * x)", { variables: ["x"] });
  assert.deepEqual(energy.gradientTex, ["4x\\left(x^{2} - 1\\right) - 2.4\\sin\\left(12x\\right)"]);
  assert.equal(energy.tex, "\\left(x^{2} - 1\\right)^{2} + 0.2\\cos\\left(12x\\right)");
  // Display only: the compiled gradient is the exact derivative (0.2 * 12 = 2.4).
  for (const x of [-1.3, 0.1, 0.77]) {
    assert.ok(Math.abs(energy.gradient([x])[0] - (4 * x * (x * x - 1) - 2.4 * Math.sin(12 * x))) < 1e-13);
  }
});

test("more gradients as a reader would write them", () => {
  const grad = (formula: string, variables: string[], parameters: Record<string, number> = {}) =>
    energyFromFormula(formula, { variables, parameters }).gradientTex!;
  // Parameters before variables; no \cdot between letters.
  assert.deepEqual(grad("(x^2 - 1)^2 + (y^2 - 1)^2 - c * x * y", ["x", "y"], { c: 0.5 }), [
    "4x\\left(x^{2} - 1\\right) - cy",
    "4y\\left(y^{2} - 1\\right) - cx",
  ]);
  // x / x cancels (mathjs keeps it: x could be 0, where log x is not defined anyway).
  assert.deepEqual(grad("x * log(x)", ["x"]), ["\\ln\\left(x\\right) + 1"]);
  // A negative fraction inside exp, the coefficient folded into \frac.
  assert.deepEqual(grad("a * exp(-x^2 / (2 * s^2))", ["x"], { a: 1, s: 2 }), ["-\\frac{ax\\exp\\left(-\\frac{x^{2}}{2s^{2}}\\right)}{s^{2}}"]);
  assert.deepEqual(grad("beta * x^2 / 2 - 3 * x", ["x"], { beta: 1 }), ["\\beta x - 3"]);
  assert.deepEqual(grad("1 / (1 + exp(-k * x))", ["x"], { k: 1 }), ["\\frac{k\\exp\\left(-kx\\right)}{\\left(\\exp\\left(-kx\\right) + 1\\right)^{2}}"]);
  // A third is a fraction, not 0.333333333333.
  assert.deepEqual(grad("x^3 / 9", ["x"]), ["\\frac{x^{2}}{3}"]);
});

test("formulaTex keeps what is needed of the formula as typed: parentheses by precedence, \\cdot between numbers", () => {
  const tex = (f: string) => formulaTex(parse(f));
  assert.equal(tex("2 * 3 * x"), "2\\cdot 3x");
  assert.equal(tex("x - (y - 1)"), "x - \\left(y - 1\\right)");
  assert.equal(tex("x + -3"), "x - 3");
  assert.equal(tex("x - -3"), "x - \\left(-3\\right)");
  assert.equal(tex("-(x + 1)"), "-\\left(x + 1\\right)");
  assert.equal(tex("(2 * x)^2"), "\\left(2x\\right)^{2}");
  assert.equal(tex("sin(x)^2"), "{\\sin\\left(x\\right)}^{2}");
  assert.equal(tex("x^-2 + 1e-7"), "x^{-2} + 10^{-7}");
  assert.equal(tex("2.5e21 * x"), "2.5\\times 10^{21}x");
  assert.equal(tex("sqrt(abs(x)) + max(x, 0) + log10(x) + sech(x) + atanh(x)"),
    "\\sqrt{\\left|x\\right|} + \\max\\left(x, 0\\right) + \\log_{10}\\left(x\\right) + \\operatorname{sech}\\left(x\\right) + \\operatorname{artanh}\\left(x\\right)");
  assert.equal(tex("square(x + 1) + cube(y) + pow(x, y)"), "\\left(x + 1\\right)^{2} + y^{3} + x^{y}");
  assert.equal(tex("2 * pi * x"), "2\\pi x");
  assert.equal(tex("tilt * x"), "\\mathit{tilt}\\,x");
});

/** Evaluates a formula tree with mathjs (test only) at a scope of numbers. */
const evaluate = (node: MathNode, scope: Record<string, number>) => Number(node.compile().evaluate({ ...scope }));

test("property: the tidied gradient tree is the same function as mathjs's simplified one", () => {
  // Each gradient tree, and its display rewrite, evaluated at seeded random points and parameters.
  const formulas: { formula: string; variables: string[]; parameters: string[] }[] = [
    { formula: "(x^2 - 1)^2 + 0.2 * cos(12 * x)", variables: ["x"], parameters: [] },
    { formula: "(x^2 - 1)^2 * (x^2 - x + 1)", variables: ["x"], parameters: [] },
    { formula: "a * exp(-(x^2 + y^2) / (2 * s^2)) + 0.1 * (x^2 + y^2)", variables: ["x", "y"], parameters: ["a", "s"] },
    { formula: "sqrt(x^2 + 1) + m * sin(x) / 3 - x^3 / 9", variables: ["x"], parameters: ["m"] },
    { formula: "1 / (1 + exp(-k * x)) + log(1 + y^2) * x", variables: ["x", "y"], parameters: ["k"] },
    { formula: "x^4 / 4 - b * x^2 / 2 + t * x * y - (y - x)^3 / 7", variables: ["x", "y"], parameters: ["b", "t"] },
    { formula: "tanh(w * x) * cosh(y) + atan(x / 3) - square(x - y) + cube(x) / pow(2, 3)", variables: ["x", "y"], parameters: ["w"] },
    { formula: "x1^2 * x2 - 3 * x1 * x2^2 + 2.5 * (x1 - x2) / (x1^2 + x2^2 + 1)", variables: ["x1", "x2"], parameters: [] },
  ];
  const random = seedrandom("formula-tex");
  for (const { formula, variables, parameters } of formulas) {
    const gradients = symbolicGradient("test", formula, parse(formula), variables);
    gradients.forEach((g, i) => {
      const tidy = displayTree(g, variables);
      for (let trial = 0; trial < 20; trial++) {
        const scope: Record<string, number> = {};
        for (const name of [...variables, ...parameters]) scope[name] = 0.2 + 1.6 * random();
        const expected = evaluate(g, scope);
        const got = evaluate(tidy, scope);
        assert.ok(Math.abs(got - expected) <= 1e-12 * Math.max(1, Math.abs(expected)), `${formula}, d/d${variables[i]} at ${JSON.stringify(scope)}: ${got} vs ${expected}`);
      }
      // And it prints.
      assert.ok(formulaTex(tidy).length > 0);
    });
  }
});
