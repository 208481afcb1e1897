/**
 * The functions a formula may call, and what each becomes in the compiled JavaScript.
 *
 * This table is the whole vocabulary of `energyFromFormula`: a function that is not here is
 * rejected before anything is compiled. Each entry maps a name to a JavaScript template that
 * receives already-compiled operands (temporary names or numeric literals), so the text of a
 * formula never reaches the generated source.
 */

/** One allowed function: how many arguments it takes and how to write it in JavaScript. */
export interface FormulaFunction {
  /** Smallest number of arguments. */
  readonly minArgs: number;
  /** Largest number of arguments (Infinity for min and max). */
  readonly maxArgs: number;
  /** The JavaScript expression for compiled operands `args`. */
  readonly js: (args: readonly string[]) => string;
}

const unary = (js: (a: string) => string): FormulaFunction => ({ minArgs: 1, maxArgs: 1, js: (args) => js(args[0]) });
const math = (name: string): FormulaFunction => unary((a) => `Math.${name}(${a})`);

/**
 * The allowed functions. `pow`, `square` and `cube` are compiled as powers (small integer
 * exponents become multiplications); their `js` here is the general fallback.
 */
export const FORMULA_FUNCTIONS: ReadonlyMap<string, FormulaFunction> = new Map<string, FormulaFunction>([
  ["exp", math("exp")],
  ["expm1", math("expm1")],
  ["log", math("log")],
  ["log1p", math("log1p")],
  ["log2", math("log2")],
  ["log10", math("log10")],
  ["sqrt", math("sqrt")],
  ["abs", math("abs")],
  ["sign", math("sign")],
  ["sin", math("sin")],
  ["cos", math("cos")],
  ["tan", math("tan")],
  ["sec", unary((a) => `1 / Math.cos(${a})`)],
  ["csc", unary((a) => `1 / Math.sin(${a})`)],
  ["cot", unary((a) => `Math.cos(${a}) / Math.sin(${a})`)],
  ["asin", math("asin")],
  ["acos", math("acos")],
  ["atan", math("atan")],
  ["sinh", math("sinh")],
  ["cosh", math("cosh")],
  ["tanh", math("tanh")],
  ["sech", unary((a) => `1 / Math.cosh(${a})`)],
  ["csch", unary((a) => `1 / Math.sinh(${a})`)],
  ["coth", unary((a) => `1 / Math.tanh(${a})`)],
  ["asinh", math("asinh")],
  ["acosh", math("acosh")],
  ["atanh", math("atanh")],
  ["min", { minArgs: 2, maxArgs: Infinity, js: (args) => `Math.min(${args.join(", ")})` }],
  ["max", { minArgs: 2, maxArgs: Infinity, js: (args) => `Math.max(${args.join(", ")})` }],
  ["pow", { minArgs: 2, maxArgs: 2, js: (args) => `Math.pow(${args[0]}, ${args[1]})` }],
  ["square", unary((a) => `${a} * ${a}`)],
  ["cube", unary((a) => `${a} * ${a} * ${a}`)],
]);

/** The allowed function names, for error messages. */
export const FORMULA_FUNCTION_NAMES: readonly string[] = Object.freeze([...FORMULA_FUNCTIONS.keys()]);

/** Named constants a formula may use without declaring them. */
export const FORMULA_CONSTANTS: ReadonlyMap<string, number> = new Map([
  ["pi", Math.PI],
  ["e", Math.E],
]);

/** The operators a formula may use (mathjs operator function names). */
export const FORMULA_OPERATORS: ReadonlySet<string> = new Set([
  "add",
  "subtract",
  "multiply",
  "divide",
  "pow",
  "unaryMinus",
  "unaryPlus",
]);

/**
 * Names a variable or parameter may not take: the constants, the functions, the words mathjs
 * parses as operators, and the words it parses as literal values.
 */
export const RESERVED_NAMES: ReadonlySet<string> = new Set([
  ...FORMULA_CONSTANTS.keys(),
  ...FORMULA_FUNCTIONS.keys(),
  "mod", "to", "in", "and", "or", "xor", "not", "end",
  "true", "false", "null", "undefined", "Infinity", "NaN",
]);
