// The formula compiler: compiled JavaScript agrees with mathjs's own evaluation, and nothing
// outside the whitelist gets through.
import { test } from "node:test";
import assert from "node:assert/strict";
import seedrandom from "seedrandom";
import { compile, parse } from "mathjs";
import { checkFormulaTree, compileFormulaGradient, compileFormulaValue } from "../../src/energy/compileFormula";
import { FORMULA_FUNCTION_NAMES } from "../../src/energy/formulaFunctions";

const XY = { variables: ["x", "y"], parameters: ["a", "b"] };
const PARAMS = { a: 0.7, b: -1.3 };

// Real-valued on x, y in [-2, 2] with a = 0.7, b = -1.3; together they use every allowed
// function and operator (checked below, so the list cannot drift from the whitelist).
const FORMULAS = [
  "(x^2 - 1)^2 + a * x",
  "-x + +y - (x - y) / (1 + y^2)",
  "2x y + 3 (x - 1)",
  "exp(-x^2) * expm1(y / 3)",
  "log(x^2 + 1) + log1p(y^2) + log2(x^2 + 2) + log10(y^2 + 3)",
  "sqrt(x^2 + y^2 + 1) + abs(x - y) * sign(y)",
  "sin(x) * cos(y) + tan(x / 2)",
  "sec(x / 2) + csc(y / 3 + 2) + cot(x / 4 + 1)",
  "asin(x / 3) + acos(y / 3) + atan(x * y)",
  "sinh(x) - cosh(y) + tanh(a * x)",
  "sech(x) + csch(y + 5) + coth(x + 3)",
  "asinh(x) + acosh(y^2 + 1) + atanh(x / 3)",
  "min(x, y) + max(x, y, a) + min(x, y, 1, b)",
  "pow(x^2 + 1, 1.5) + square(x - y) + cube(y + b)",
  "x^3 + x^-2 * 0 + (x^2 + 1)^-1 + (y^2 + 0.5)^0.5 + (x^2 + 2)^(1/3) + 2^x + x^0 + y^1",
  "pi * x + e^y + exp(x) * exp(x) + exp(x)",
  "(y^2 + 1)^(x / 2)",
  "x^16 / 100 + y^5 - x^17 / 1000",
  "1e-3 * x + 2.5e2 * y^2 / 1000",
];

test("the formulas under test use every allowed function", () => {
  const used = new Set<string>();
  for (const f of FORMULAS) parse(f).traverse((n) => { if (n.type === "FunctionNode") used.add((n as unknown as { fn: { name: string } }).fn.name); });
  assert.deepEqual(FORMULA_FUNCTION_NAMES.filter((name) => !used.has(name)), []);
});

test("compiled values equal mathjs evaluate on 200 seeded points per formula (relative 1e-12)", () => {
  const rng = seedrandom.alea("compile-vs-mathjs");
  for (const formula of FORMULAS) {
    const node = parse(formula);
    checkFormulaTree("test", formula, node, XY);
    const compiled = compileFormulaValue(node, XY);
    const reference = compile(formula);
    for (let k = 0; k < 200; k++) {
      const x = 4 * rng() - 2;
      const y = 4 * rng() - 2;
      const expected = reference.evaluate({ x, y, ...PARAMS }) as number;
      assert.equal(typeof expected, "number", `${formula} is real at (${x}, ${y})`);
      const got = compiled([x, y], [PARAMS.a, PARAMS.b]);
      assert.ok(Math.abs(got - expected) <= 1e-12 * Math.max(1, Math.abs(expected)), `${formula} at (${x}, ${y}): ${got} vs ${expected}`);
    }
  }
});

test("integer powers compile to multiplications and agree with Math.pow to a few ulps", () => {
  const symbols = { variables: ["x"], parameters: [] };
  for (const n of [-3, -2, -1, 0, 1, 2, 3, 4, 5, 7, 8, 15, 16, 17, 0.5, 2.5, -0.5]) {
    const source = compileFormulaValue(parse(`x^(${n})`), symbols).toString();
    if (Number.isInteger(n) && Math.abs(n) <= 16 && Math.abs(n) > 1) assert.doesNotMatch(source, /Math\.pow/, `x^${n}`);
    if (n === 0.5) assert.match(source, /Math\.sqrt/);
    const f = compileFormulaValue(parse(`x^(${n})`), symbols);
    for (const x of [0.3, 1.7, 2.9, 13.5]) {
      const expected = Math.pow(x, n);
      assert.ok(Math.abs(f([x], []) - expected) <= 8e-16 * 8 * Math.abs(expected), `x^${n} at ${x}`);
    }
  }
});

test("repeated subexpressions are computed once", () => {
  const source = compileFormulaValue(parse("exp(x) * exp(x) + exp(x)"), { variables: ["x"], parameters: [] }).toString();
  assert.equal(source.match(/Math\.exp/g)?.length, 1);
});

test("the gradient compiler writes every component into out and returns it", () => {
  const g = compileFormulaGradient([parse("2 * a * x"), parse("-y"), parse("3")], { variables: ["x", "y", "z"], parameters: ["a"] });
  const out = new Float64Array(3);
  assert.equal(g([3, 1, 0], [0.5], out), out);
  assert.deepEqual(Array.from(out), [3, -1, 3]);
});

test("generated source contains only fixed tokens, indexes and numbers, whatever the names", () => {
  const symbols = { variables: ["constructor", "alert"], parameters: ["process"] };
  const node = parse("constructor^2 + alert * process + exp(-alert) / 3.5e-7");
  checkFormulaTree("test", "…", node, symbols);
  const source = compileFormulaValue(node, symbols).toString();
  const identifiers = source.replace(/\d+(\.\d+)?(e[+-]?\d+)?/g, "0").match(/[A-Za-z_$][A-Za-z0-9_$]*/g) ?? [];
  const allowed = /^(function|anonymous|x|p|const|return|use|strict|Math|exp|[vpt]\d*)$/;
  assert.deepEqual(identifiers.filter((id) => !allowed.test(id)), []);
  assert.doesNotMatch(source, /constructor|alert|process/);
  assert.equal(compileFormulaValue(node, symbols)([2, 1], [3]), 4 + 3 + Math.exp(-1) / 3.5e-7);
});

// Each rejected construct, with the words its message must contain.
const REJECTED: [string, RegExp][] = [
  ["x = 1", /an assignment \("x = 1"\) is not allowed in formula "x = 1"; a formula may use numbers, .* and the functions exp, /],
  ["f(x) = x^2", /a function definition .* is not allowed/],
  ["x.length", /a property or index access .* is not allowed/],
  ["x[1]", /a property or index access .* is not allowed/],
  ["[1, 2]", /a matrix or list .* is not allowed/],
  ["{a: 1}", /an object .* is not allowed/],
  ["x > 0 ? x : -x", /a conditional \(a \? b : c\) .* is not allowed/],
  ["1:3", /a range \(a:b\) .* is not allowed/],
  ["x < 2", /the operator "<" \(smaller\) is not allowed/],
  ["0 < x < 2", /a chain of comparisons .* is not allowed/],
  ["x; x^2", /is not one expression: mathjs reads ";" and line breaks as the end of a statement/],
  ["x^2;", /is not one expression/],
  ["x\n+ 1", /is not one expression/],
  ['"text"', /a string \("text"\) is not allowed/],
  ["true", /a boolean \(true\) is not allowed/],
  ["x!", /the operator "!" \(factorial\) is not allowed/],
  ["x mod 2", /the operator "mod" \(mod\) is not allowed/],
  ["x'", /the operator "'" \(ctranspose\) is not allowed/],
  ["x and 1", /the operator "and" \(and\) is not allowed/],
  ["erf(x)", /function "erf" is not supported in formula "erf\(x\)"; allowed functions: exp, expm1, log, .*square, cube$/],
  ["evaluate(x)", /function "evaluate" is not supported/],
  ["exp(x, 2)", /function "exp" takes 1 argument, got 2 in formula/],
  ["min(x)", /function "min" takes at least 2 arguments, got 1/],
  ["pow(x)", /function "pow" takes 2 arguments, got 1/],
  ["x.f(2)", /a call of "x.f" is not allowed/],
  ["1e400 * x", /the number Infinity is not finite in formula "1e400 \* x"; numbers must be finite/],
  ["x + z", /unknown symbol "z" in formula "x \+ z"; declared variables: x, y; parameters: a, b; constants: pi, e/],
  ["5 cm", /unknown symbol "cm"/],
  ["x * exp", /unknown symbol "exp" .* \(exp is a function: call it as exp\(\.\.\.\)\)/],
  ["Infinity * x", /the number Infinity is not finite in formula "Infinity \* x"/],
  ["NaN + x", /the number NaN is not finite/],
];

for (const [formula, pattern] of REJECTED) {
  test(`rejects ${formula}`, () => {
    assert.throws(() => checkFormulaTree("energyFromFormula", formula, parse(formula), XY), (error: unknown) => {
      assert.ok(error instanceof RangeError, `${formula}: ${String(error)}`);
      assert.match(error.message, /^energyFromFormula: /);
      assert.match(error.message, pattern);
      return true;
    });
  });
}
