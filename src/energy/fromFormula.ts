/**
 * `energyFromFormula`: an Energy from a formula in mathjs syntax, with a symbolic gradient.
 *
 * The formula is parsed by mathjs, checked against a small whitelist, differentiated
 * symbolically in each variable (mathjs `derivative`, then `simplify`), and compiled, value and
 * gradient, into plain JavaScript functions (see compileFormula.ts). Parameters are passed to
 * the compiled functions as an array, so `withParameters` makes a new energy without parsing,
 * differentiating or compiling again.
 */
import { parse, type MathNode } from "mathjs";
import type { Box, Energy, KnownMinimum, Point } from "../types";
import { describe, message, readOptions } from "../validate";
import { checkBox, checkKnownMinima } from "./checkEnergy";
import { checkFormulaTree, compileFormulaGradient, compileFormulaValue, type CompiledGradient, type CompiledValue } from "./compileFormula";
import { RESERVED_NAMES } from "./formulaFunctions";
import { displayTree, formulaTex } from "./formulaTex";
import { checkParameters } from "./fromFunction";
import { symbolicGradient } from "./symbolicGradient";

/** What `energyFromFormula` needs besides the formula. */
export interface FormulaEnergyOptions {
  /** The state variables, in the order of x: ["x"] or ["x", "y"]. Required. */
  variables: readonly string[];
  /** The parameters w that appear in the formula, with their values. @default {} */
  parameters?: Readonly<Record<string, number>>;
  /** A name for titles. @default the formula itself (when short), else "formula energy" */
  name?: string;
  /** Where the landscape is worth looking (for grids and figures). */
  domain?: Box;
  /** Minima you know for these parameter values (dropped by `withParameters`). */
  knownMinima?: readonly KnownMinimum[];
}

const FN = "energyFromFormula";
const NAME_PATTERN = /^[A-Za-z][A-Za-z0-9_]*$/;

/** Everything shared by an energy and the ones `withParameters` makes from it. */
interface CompiledFormula {
  readonly name: string;
  readonly formula: string;
  readonly tex: string;
  readonly gradientTex: readonly string[];
  readonly variables: readonly string[];
  readonly parameterNames: readonly string[];
  readonly value: CompiledValue;
  readonly gradient: CompiledGradient;
  readonly domain?: Box;
}

/** Checks one variable or parameter name: starts with a letter, not a reserved word. */
function checkName(arg: string, name: unknown): string {
  if (typeof name !== "string" || !NAME_PATTERN.test(name)) {
    throw new RangeError(message(FN, arg, "a name made of letters, digits and _ that starts with a letter", name));
  }
  if (RESERVED_NAMES.has(name)) {
    throw new RangeError(message(FN, arg, "a name that is not a constant, a function or a mathjs keyword", name));
  }
  return name;
}

function checkVariables(value: unknown): readonly string[] {
  if (!Array.isArray(value) || value.length === 0) {
    throw new TypeError(message(FN, "options.variables", 'a non-empty array of variable names such as ["x", "y"]', value));
  }
  const names = value.map((v, i) => checkName(`options.variables[${i}]`, v));
  names.forEach((name, i) => {
    if (names.indexOf(name) !== i) throw new RangeError(message(FN, "options.variables", "distinct names", value) + ` (${describe(name)} repeats)`);
  });
  return Object.freeze(names);
}

/**
 * Refuses text that mathjs would parse but silently ignore: a `#` starts a comment there, so
 * "(x^2-1)^2 # + 0.5*x" would evaluate (x^2-1)^2 alone. (Several statements, separated by `;`
 * or a line break, parse to a block that checkFormulaTree refuses.)
 */
function checkWholeFormula(formula: string): void {
  const hash = formula.indexOf("#");
  if (hash >= 0) {
    throw new RangeError(
      `${FN}: formula ${describe(formula)} contains "#" (char ${hash + 1}), which mathjs reads as the start of a comment ` +
        `and would silently drop ${describe(formula.slice(hash))}; remove it, or write the whole formula without comments`,
    );
  }
}

/** Parses the formula; a syntax error becomes a SyntaxError naming the formula and the position. */
function parseFormula(formula: string): MathNode {
  try {
    return parse(formula);
  } catch (error) {
    throw new SyntaxError(`${FN}: formula ${describe(formula)} is not a valid mathjs expression: ${(error as Error).message}`);
  }
}

/**
 * Makes an {@link Energy} from a formula in mathjs syntax, with an exact symbolic gradient.
 *
 * The gradient dE/dx_i is derived once by mathjs `derivative` and simplified; value and gradient
 * are compiled to plain JavaScript (small integer powers become multiplications; common
 * subexpressions of the gradient components are computed once). The formula may use numbers,
 * the declared variables and parameters, the constants pi and e, + - * / ^, parentheses and
 * the functions exp, expm1, log, log1p, log2, log10, sqrt, abs, sign, sin, cos, tan, sec, csc,
 * cot, asin, acos, atan, sinh, cosh, tanh, sech, csch, coth, asinh, acosh, atanh, min, max,
 * pow, square, cube. Nothing else is accepted: the text is never run as code.
 * Where abs, sign, min or max has a kink the gradient takes sign(0) = 0 (the average slope).
 *
 * `tex` and `gradientTex` are written for reading (see formulaTex.ts): names in italic, products
 * side by side, the gradient tidied so constants come first (`0.2 * cos(12 * x)` gives
 * `-2.4\sin\left(12x\right)`). They are display only: the gradient is compiled from mathjs's tree.
 *
 * `withParameters` reuses the compiled functions; it drops `knownMinima` (they were for the old
 * values). `recipe` lets a worker thread rebuild the same energy (formula, options, current
 * parameters).
 *
 * @throws TypeError when the formula is not a string or an option has the wrong kind.
 * @throws SyntaxError when mathjs cannot parse the formula (the message gives "(char N)").
 * @throws RangeError for an unknown symbol (the message lists the declared variables and
 *   parameters), an unsupported function, operator or construct (it lists the allowed ones),
 *   repeated or reserved variable names, a parameter named like a variable, or a parameter
 *   value that is not finite.
 * @example
 * const tilted = energyFromFormula("(x^2 - 1)^2 + tilt * x", { variables: ["x"], parameters: { tilt: 0.5 } });
 * tilted.value([1]);          // => 0.5
 * tilted.gradient([1])[0];    // 4x(x^2 - 1) + tilt
 * // => 0.5
 * tilted.gradientTex[0];      // => "4x\\left(x^{2} - 1\\right) + \\mathit{tilt}"
 * tilted.withParameters({ tilt: 0 }).value([1]); // => 0
 */
export function energyFromFormula(formula: string, options: FormulaEnergyOptions): Energy {
  if (typeof formula !== "string") throw new TypeError(message(FN, "formula", "a string in mathjs syntax", formula));
  if (formula.trim() === "") throw new RangeError(message(FN, "formula", "a non-empty formula", formula));
  checkWholeFormula(formula);
  if (options === undefined) {
    throw new TypeError(`${FN}: options must be given with at least the variables, as in { variables: ["x"] }, got undefined`);
  }
  const opts = readOptions<FormulaEnergyOptions>(FN, options, {
    variables: undefined as unknown as readonly string[],
    parameters: {},
    name: undefined,
    domain: undefined,
    knownMinima: undefined,
  });
  const variables = checkVariables(opts.variables);
  const parameters = checkParameters(FN, "options.parameters", opts.parameters);
  const parameterNames = Object.freeze(Object.keys(parameters));
  for (const name of parameterNames) {
    checkName(`options.parameters.${name}`, name);
    if (variables.includes(name)) {
      throw new RangeError(`${FN}: parameter ${describe(name)} has the same name as a variable; variables and parameters need distinct names`);
    }
  }
  if (opts.name !== undefined && typeof opts.name !== "string") throw new TypeError(message(FN, "options.name", "a string", opts.name));
  const domain = opts.domain === undefined ? undefined : checkBox(FN, "options.domain", opts.domain, variables.length);
  const knownMinima = opts.knownMinima === undefined ? undefined : checkKnownMinima(FN, "options.knownMinima", opts.knownMinima, variables.length);

  const symbols = { variables, parameters: parameterNames };
  const tree = parseFormula(formula);
  checkFormulaTree(FN, formula, tree, symbols);
  const gradientTrees = symbolicGradient(FN, formula, tree, variables);
  const compiled: CompiledFormula = Object.freeze({
    name: opts.name ?? (formula.length <= 60 ? formula : "formula energy"),
    formula,
    tex: formulaTex(tree),
    gradientTex: Object.freeze(gradientTrees.map((g) => formulaTex(displayTree(g, variables)))),
    variables,
    parameterNames,
    value: compileFormulaValue(tree, symbols),
    gradient: compileFormulaGradient(gradientTrees, symbols),
    domain,
  });
  return formulaEnergy(compiled, parameters, knownMinima);
}

/** Binds compiled functions to parameter values. */
function formulaEnergy(
  c: CompiledFormula,
  parameters: Readonly<Record<string, number>>,
  knownMinima: readonly KnownMinimum[] | undefined,
): Energy {
  const n = c.variables.length;
  const p = Float64Array.from(c.parameterNames, (name) => parameters[name]);
  const compiledValue = c.value;
  const compiledGradient = c.gradient;
  const energy: Energy = {
    name: c.name,
    dimension: n,
    variables: c.variables,
    parameters,
    formula: c.formula,
    tex: c.tex,
    gradientTex: c.gradientTex,
    gradientKind: "symbolic",
    knownMinima,
    domain: c.domain,
    recipe: Object.freeze({
      module: __filename,
      export: "energyFromFormula",
      args: [
        c.formula,
        {
          variables: [...c.variables],
          parameters: { ...parameters },
          name: c.name,
          ...(c.domain === undefined ? {} : { domain: c.domain }),
          ...(knownMinima === undefined ? {} : { knownMinima }),
        },
      ],
    }),
    value: (x: Point) => compiledValue(x, p),
    gradient: (x: Point, out?: Float64Array) => compiledGradient(x, p, out ?? new Float64Array(n)),
    withParameters(changes: Readonly<Record<string, number>>): Energy {
      const checked = checkParameters("withParameters", "changes", changes);
      for (const key of Object.keys(checked)) {
        if (!c.parameterNames.includes(key)) {
          throw new RangeError(
            `withParameters: unknown parameter ${describe(key)} for ${c.name}; its parameters are ${c.parameterNames.join(", ") || "(none)"}`,
          );
        }
      }
      return formulaEnergy(c, Object.freeze({ ...parameters, ...checked }), undefined);
    },
  };
  return Object.freeze(energy);
}
