/**
 * Turns mathjs expression trees into plain JavaScript functions, from whitelisted nodes only.
 *
 * `checkFormulaTree` walks a parsed formula and rejects everything outside a small vocabulary:
 * finite numbers, declared variables and parameters, the constants pi and e, the operators
 * + - * / ^ (and unary - and +), parentheses, and the functions of `FORMULA_FUNCTIONS`.
 * `compileFormulaTrees` then writes JavaScript source from those nodes alone: variables become
 * `x[i]`, parameters `p[j]`, numbers `String(value)`, functions fixed `Math.*` templates, and
 * every intermediate result a numbered temporary (`t0`, `t1`, ...). Identical subexpressions are
 * computed once. No text from the formula reaches the source, only validated numbers and indexes.
 */
import {
  isConstantNode,
  isFunctionNode,
  isOperatorNode,
  isParenthesisNode,
  isSymbolNode,
  type MathNode,
} from "mathjs";
import { describe } from "../validate";
import { FORMULA_CONSTANTS, FORMULA_FUNCTIONS, FORMULA_FUNCTION_NAMES, FORMULA_OPERATORS } from "./formulaFunctions";

/** The names a formula may refer to, in the order of `x` and `p`. */
export interface FormulaSymbols {
  readonly variables: readonly string[];
  readonly parameters: readonly string[];
}

/** E(x, p): the compiled value. */
export type CompiledValue = (x: ArrayLike<number>, p: ArrayLike<number>) => number;
/** Writes dE/dx_i into out[i] for every i and returns out. */
export type CompiledGradient = (x: ArrayLike<number>, p: ArrayLike<number>, out: Float64Array) => Float64Array;

/** Integer exponents up to this size compile to multiplications (repeated squaring). */
const MAX_MULTIPLIED_EXPONENT = 16;

/** What each rejected node type is called in an error message. */
const NODE_DESCRIPTIONS: Readonly<Record<string, string>> = {
  AssignmentNode: "an assignment",
  FunctionAssignmentNode: "a function definition",
  AccessorNode: "a property or index access",
  IndexNode: "an index",
  ArrayNode: "a matrix or list",
  ObjectNode: "an object",
  ConditionalNode: "a conditional (a ? b : c)",
  RangeNode: "a range (a:b)",
  RelationalNode: "a chain of comparisons",
};

/** What a formula may contain, for the end of an error message. */
function vocabulary(): string {
  return (
    "a formula may use numbers, its variables and parameters, pi, e, + - * / ^, parentheses, " +
    `and the functions ${FORMULA_FUNCTION_NAMES.join(", ")}`
  );
}

function listNames(names: readonly string[]): string {
  return names.length === 0 ? "(none)" : names.join(", ");
}

/**
 * Checks that `node` uses only the whitelisted vocabulary and the declared names.
 *
 * @throws RangeError naming the offending symbol, function, operator or construct, with the
 *   formula, and listing what is allowed instead.
 */
export function checkFormulaTree(fn: string, formula: string, node: MathNode, symbols: FormulaSymbols): void {
  const where = `in formula ${describe(formula)}`;
  const walk = (n: MathNode): void => {
    if (isConstantNode(n)) {
      const value: unknown = n.value;
      if (typeof value !== "number") {
        const kind = typeof value === "string" ? "a string" : typeof value === "boolean" ? "a boolean" : `the value ${String(value)}`;
        throw new RangeError(`${fn}: ${kind} (${n.toString()}) is not allowed ${where}; ${vocabulary()}`);
      }
      if (!Number.isFinite(value)) {
        throw new RangeError(`${fn}: the number ${n.toString()} is not finite ${where}; numbers must be finite`);
      }
      return;
    }
    if (isSymbolNode(n)) {
      const name = n.name;
      if (symbols.variables.includes(name) || symbols.parameters.includes(name) || FORMULA_CONSTANTS.has(name)) return;
      const hint = FORMULA_FUNCTIONS.has(name) ? ` (${name} is a function: call it as ${name}(...))` : "";
      throw new RangeError(
        `${fn}: unknown symbol ${describe(name)} ${where}${hint}; declared variables: ${listNames(symbols.variables)}; ` +
          `parameters: ${listNames(symbols.parameters)}; constants: ${[...FORMULA_CONSTANTS.keys()].join(", ")}`,
      );
    }
    if (isParenthesisNode(n)) return walk(n.content);
    if (isOperatorNode(n)) {
      if (!FORMULA_OPERATORS.has(n.fn)) {
        throw new RangeError(`${fn}: the operator ${describe(n.op)} (${n.fn}) is not allowed ${where}; ${vocabulary()}`);
      }
      n.args.forEach(walk);
      return;
    }
    if (isFunctionNode(n)) {
      const callee = n.fn as MathNode;
      if (!isSymbolNode(callee)) {
        throw new RangeError(`${fn}: a call of ${describe(callee.toString())} is not allowed ${where}; ${vocabulary()}`);
      }
      const spec = FORMULA_FUNCTIONS.get(callee.name);
      if (spec === undefined) {
        throw new RangeError(
          `${fn}: function ${describe(callee.name)} is not supported ${where}; allowed functions: ${FORMULA_FUNCTION_NAMES.join(", ")}`,
        );
      }
      const count = n.args.length;
      if (count < spec.minArgs || count > spec.maxArgs) {
        const expected =
          spec.maxArgs === Infinity ? `at least ${spec.minArgs} arguments`
          : spec.minArgs === spec.maxArgs ? `${spec.minArgs} argument${spec.minArgs === 1 ? "" : "s"}`
          : `${spec.minArgs} to ${spec.maxArgs} arguments`;
        throw new RangeError(`${fn}: function ${describe(callee.name)} takes ${expected}, got ${count} ${where}`);
      }
      n.args.forEach(walk);
      return;
    }
    if (n.type === "BlockNode") {
      throw new RangeError(
        `${fn}: formula ${describe(formula)} is not one expression: mathjs reads ";" and line breaks as the end of a ` +
          `statement and would use only part of it; write one expression on one line (wrap a long one in parentheses)`,
      );
    }
    const description = NODE_DESCRIPTIONS[n.type] ?? `a ${n.type}`;
    throw new RangeError(`${fn}: ${description} (${describe(n.toString())}) is not allowed ${where}; ${vocabulary()}`);
  };
  walk(node);
}

/**
 * The numeric value of a subtree made of numbers, pi, e, + - * / and parentheses only, or
 * undefined. Used to recognise constant exponents such as `2`, `-1` or `(1 / 2)`.
 */
export function constantValueOf(node: MathNode): number | undefined {
  if (isConstantNode(node)) return typeof node.value === "number" ? node.value : undefined;
  if (isSymbolNode(node)) return FORMULA_CONSTANTS.get(node.name);
  if (isParenthesisNode(node)) return constantValueOf(node.content);
  if (isOperatorNode(node)) {
    const values = node.args.map(constantValueOf);
    if (values.some((v) => v === undefined)) return undefined;
    const [a, b] = values as number[];
    switch (node.fn) {
      case "unaryMinus": return values.length === 1 ? -a : undefined;
      case "unaryPlus": return values.length === 1 ? a : undefined;
      case "add": return (values as number[]).reduce((s, v) => s + v);
      case "multiply": return (values as number[]).reduce((s, v) => s * v);
      case "subtract": return values.length === 2 ? a - b : undefined;
      case "divide": return values.length === 2 ? a / b : undefined;
      default: return undefined;
    }
  }
  return undefined;
}

/** A JavaScript numeric literal for a number (negative ones in parentheses). */
function literal(value: number): string {
  if (Number.isNaN(value)) return "NaN";
  if (value === Infinity) return "Infinity";
  if (value === -Infinity) return "(-Infinity)";
  const text = String(value);
  // Defence in depth: String(number) of a finite number is always a plain numeric literal.
  if (!/^-?\d+(\.\d+)?(e[+-]\d+)?$/.test(text)) throw new Error(`compileFormula: unexpected numeric literal ${text}`);
  return value < 0 || Object.is(value, -0) ? `(${text})` : text;
}

/** Writes straight-line code: one `const tN = ...;` per distinct subexpression. */
class SourceWriter {
  readonly lines: string[] = [];
  private readonly known = new Map<string, string>();

  constructor(private readonly symbols: FormulaSymbols) {}

  /** Stores `expression` in a temporary (or reuses the one that already holds it). */
  private temp(expression: string): string {
    const existing = this.known.get(expression);
    if (existing !== undefined) return existing;
    const name = `t${this.known.size}`;
    this.known.set(expression, name);
    this.lines.push(`const ${name} = ${expression};`);
    return name;
  }

  /** b^n for a constant exponent n: small integers by repeated squaring, 1/2 by sqrt. */
  private constantPower(base: string, n: number): string {
    if (n === 0) return "1";
    if (n === 1) return base;
    if (n === 0.5) return this.temp(`Math.sqrt(${base})`);
    if (Number.isInteger(n) && Math.abs(n) <= MAX_MULTIPLIED_EXPONENT) {
      let remaining = Math.abs(n);
      let square = base;
      let result: string | undefined;
      while (remaining > 0) {
        if (remaining & 1) result = result === undefined ? square : this.temp(`${result} * ${square}`);
        remaining >>= 1;
        if (remaining > 0) square = this.temp(`${square} * ${square}`);
      }
      return n < 0 ? this.temp(`1 / ${result}`) : result!;
    }
    return this.temp(`Math.pow(${base}, ${literal(n)})`);
  }

  private power(baseNode: MathNode, exponentNode: MathNode): string {
    const base = this.operand(baseNode);
    const n = constantValueOf(exponentNode);
    if (n !== undefined) return this.constantPower(base, n);
    return this.temp(`Math.pow(${base}, ${this.operand(exponentNode)})`);
  }

  /** Compiles `node` and returns the operand (temporary, variable, parameter or literal) holding it. */
  operand(node: MathNode): string {
    if (isConstantNode(node)) {
      if (typeof node.value !== "number") throw new Error(`compileFormula: non-numeric constant ${node.toString()}`);
      return literal(node.value);
    }
    if (isSymbolNode(node)) {
      const v = this.symbols.variables.indexOf(node.name);
      if (v >= 0) return `v${v}`;
      const p = this.symbols.parameters.indexOf(node.name);
      if (p >= 0) return `p${p}`;
      const constant = FORMULA_CONSTANTS.get(node.name);
      if (constant !== undefined) return literal(constant);
      throw new Error(`compileFormula: unknown symbol ${describe(node.name)}`);
    }
    if (isParenthesisNode(node)) return this.operand(node.content);
    if (isOperatorNode(node)) {
      const args = node.args;
      switch (node.fn) {
        case "unaryPlus": return this.operand(args[0]);
        case "unaryMinus": return this.temp(`-${this.operand(args[0])}`);
        case "pow": return this.power(args[0], args[1]);
        case "add":
        case "multiply": {
          const symbol = node.fn === "add" ? "+" : "*";
          return args.map((a) => this.operand(a)).reduce((acc, b) => this.temp(`${acc} ${symbol} ${b}`));
        }
        case "subtract": return this.temp(`${this.operand(args[0])} - ${this.operand(args[1])}`);
        case "divide": return this.temp(`${this.operand(args[0])} / ${this.operand(args[1])}`);
        default: throw new Error(`compileFormula: operator ${node.fn} is not compiled`);
      }
    }
    if (isFunctionNode(node)) {
      const callee = node.fn as MathNode;
      const name = isSymbolNode(callee) ? callee.name : "";
      const spec = FORMULA_FUNCTIONS.get(name);
      if (spec === undefined) throw new Error(`compileFormula: function ${describe(callee.toString())} is not compiled`);
      if (name === "pow") return this.power(node.args[0], node.args[1]);
      if (name === "square") return this.constantPower(this.operand(node.args[0]), 2);
      if (name === "cube") return this.constantPower(this.operand(node.args[0]), 3);
      return this.temp(spec.js(node.args.map((a) => this.operand(a))));
    }
    throw new Error(`compileFormula: node type ${node.type} is not compiled`);
  }

  /** The lines that load x[i] and p[j] into locals. */
  prologue(): string[] {
    const loads = [
      ...this.symbols.variables.map((_, i) => `const v${i} = x[${i}];`),
      ...this.symbols.parameters.map((_, j) => `const p${j} = p[${j}];`),
    ];
    return ['"use strict";', ...loads];
  }
}

/**
 * Compiles one tree into `(x, p) => number`.
 *
 * @example
 * const f = compileFormulaValue(parse("a * x^2"), { variables: ["x"], parameters: ["a"] });
 * f([3], [0.5]); // => 4.5
 */
export function compileFormulaValue(node: MathNode, symbols: FormulaSymbols): CompiledValue {
  const writer = new SourceWriter(symbols);
  const result = writer.operand(node);
  const body = [...writer.prologue(), ...writer.lines, `return ${result};`].join("\n");
  return new Function("x", "p", body) as CompiledValue;
}

/**
 * Compiles one tree per variable into a single `(x, p, out) => out` that writes component i
 * into out[i]; subexpressions shared between components are computed once.
 *
 * @example
 * const g = compileFormulaGradient([parse("2 * a * x"), parse("-y")], { variables: ["x", "y"], parameters: ["a"] });
 * g([3, 1], [0.5], new Float64Array(2)); // => Float64Array [3, -1]
 */
export function compileFormulaGradient(nodes: readonly MathNode[], symbols: FormulaSymbols): CompiledGradient {
  const writer = new SourceWriter(symbols);
  const results = nodes.map((n) => writer.operand(n));
  const stores = results.map((r, i) => `out[${i}] = ${r};`);
  const body = [...writer.prologue(), ...writer.lines, ...stores, "return out;"].join("\n");
  return new Function("x", "p", "out", body) as CompiledGradient;
}
