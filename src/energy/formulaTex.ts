/**
 * TeX for formula energies: the formula as typed, and its gradient tidied for reading.
 *
 * mathjs's own `toTex` writes every product with `\cdot`, renders one-letter names that happen to
 * be unit symbols upright (`\mathrm{t}`, `\mathrm{b}`, but not `c`), and prints the simplified
 * derivative as mathjs leaves it (`\frac{\sin(12\cdot x)\cdot-12}{5}`). This printer covers the
 * whole formula vocabulary (numbers, names, + - * / ^, the allowed functions) and writes:
 * - every one-letter name in italic, Greek names as Greek letters (`beta` -> `\beta`), longer
 *   names as one italic word (`\mathit{tilt}`), a trailing number or `_sub` as a subscript;
 * - products by juxtaposition (`4x`, `cxy`), with `\cdot` only between two numbers;
 * - parentheses only where precedence needs them, fractions as `\frac`.
 * For the gradient, {@link displayTree} first rewrites the tree into a sum of terms, each a
 * coefficient followed by its factors (`-2.4\sin\left(12x\right)`). This is display only: the
 * compiled gradient is made from the simplified tree and does not pass through here.
 */
import {
  ConstantNode,
  FunctionNode,
  isConstantNode,
  isFunctionNode,
  isOperatorNode,
  isParenthesisNode,
  isSymbolNode,
  OperatorNode,
  SymbolNode,
  type MathNode,
} from "mathjs";

// ---------------------------------------------------------------------------------------------
// Names and numbers

const GREEK = new Set([
  "alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa", "lambda", "mu", "nu", "xi",
  "rho", "sigma", "tau", "upsilon", "phi", "chi", "psi", "omega",
  "Gamma", "Delta", "Theta", "Lambda", "Xi", "Pi", "Sigma", "Upsilon", "Phi", "Psi", "Omega",
]);

/** A name without a subscript: Greek letter, one italic letter, or one italic word. */
function baseTex(name: string): string {
  if (name === "pi") return "\\pi";
  if (GREEK.has(name)) return `\\${name}`;
  if (name.length === 1) return name;
  return `\\mathit{${name.replace(/_/g, "\\_")}}`;
}

/**
 * TeX for a variable, parameter or constant name: `x`, `t`, `\beta`, `\mathit{tilt}`, `x_{1}`,
 * `w_{ab}` (one letter or a Greek name before `_sub` or trailing digits gets a subscript).
 *
 * @example
 * ["t", "b", "beta", "tilt", "x1", "w_ab", "pi"].map(symbolTex);
 * // => ["t", "b", "\\beta", "\\mathit{tilt}", "x_{1}", "w_{ab}", "\\pi"]
 */
export function symbolTex(name: string): string {
  const letter = (base: string) => base.length === 1 || GREEK.has(base);
  const underscore = /^([A-Za-z]+)_([A-Za-z0-9]+)$/.exec(name);
  if (underscore && letter(underscore[1])) return `${baseTex(underscore[1])}_{${underscore[2]}}`;
  const digits = /^([A-Za-z]+?)(\d+)$/.exec(name);
  if (digits && letter(digits[1])) return `${baseTex(digits[1])}_{${digits[2]}}`;
  return baseTex(name);
}

/** TeX for a number: plain digits (12 significant at most), `\times 10^{k}` for very large or small ones. */
function numberTex(value: number): string {
  const text = String(Number(value.toPrecision(12)));
  const exponent = /^(-?[\d.]+)e([+-]\d+)$/.exec(text);
  if (!exponent) return text;
  const power = `10^{${Number(exponent[2])}}`;
  return exponent[1] === "1" ? power : exponent[1] === "-1" ? `-${power}` : `${exponent[1]}\\times ${power}`;
}

// ---------------------------------------------------------------------------------------------
// The printer

/** Binding strength of what a piece of TeX is, for deciding parentheses. */
const SUM = 1;
const PRODUCT = 2;
const NEGATED = 3;
const POWER = 4;
const ATOM = 5;

interface Printed {
  tex: string;
  level: number;
}

const group = (tex: string) => `\\left(${tex}\\right)`;

/** How function names are written. */
function functionTex(name: string, args: string[]): string {
  const call = (head: string) => `${head}${group(args.join(", "))}`;
  switch (name) {
    case "sqrt": return `\\sqrt{${args[0]}}`;
    case "abs": return `\\left|${args[0]}\\right|`;
    case "exp": return call("\\exp");
    case "log": return call("\\ln");
    case "log10": return call("\\log_{10}");
    case "log2": return call("\\log_{2}");
    case "asin": return call("\\arcsin");
    case "acos": return call("\\arccos");
    case "atan": return call("\\arctan");
    case "asinh": return call("\\operatorname{arsinh}");
    case "acosh": return call("\\operatorname{arcosh}");
    case "atanh": return call("\\operatorname{artanh}");
    case "min": return call("\\min");
    case "max": return call("\\max");
    case "sin": case "cos": case "tan": case "sec": case "csc": case "cot":
    case "sinh": case "cosh": case "tanh": case "coth":
      return call(`\\${name}`);
    default: return call(`\\operatorname{${name}}`);
  }
}

/** What goes between two factors written side by side. */
function joiner(left: string, right: string): string {
  if (/^[-\d.]/.test(right)) return "\\cdot ";
  if (left.includes("\\mathit{") || right.startsWith("\\mathit{")) return "\\,";
  if (/\\[A-Za-z]+$/.test(left)) return " ";
  return "";
}

/** A power: base^{exponent}, the base in parentheses unless it is a name, a number or a call. */
function powerTex(base: Printed, exponent: Printed, baseIsCall: boolean): Printed {
  const b = base.level >= ATOM && !base.tex.startsWith("-") ? (baseIsCall ? `{${base.tex}}` : base.tex) : group(base.tex);
  return { tex: `${b}^{${exponent.tex}}`, level: POWER };
}

/** The factors of a product chain (a * b * c, explicit or implicit), left to right. */
function productFactors(node: MathNode): MathNode[] {
  if (isOperatorNode(node) && node.fn === "multiply" && node.args.length === 2) {
    return [...productFactors(node.args[0]), ...productFactors(node.args[1])];
  }
  if (isParenthesisNode(node)) {
    const inner = node.content;
    if (isOperatorNode(inner) && inner.fn === "multiply") return productFactors(inner);
  }
  return [node];
}

/** After a minus sign: a sum, or anything that starts with its own minus, goes in parentheses. */
const needsGroup = (p: Printed) => p.level <= SUM || p.tex.startsWith("-");

/** Prints a formula tree (see the module comment). */
function print(node: MathNode): Printed {
  if (isConstantNode(node)) {
    const v = Number(node.value);
    return { tex: numberTex(v), level: v < 0 ? NEGATED : ATOM };
  }
  if (isSymbolNode(node)) return { tex: symbolTex(node.name), level: ATOM };
  if (isParenthesisNode(node)) return print(node.content);
  if (isFunctionNode(node)) {
    const name = (node.fn as unknown as SymbolNode).name;
    const args = node.args.map((a) => print(a));
    if (name === "pow") return powerTex(args[0], args[1], isFunctionNode(node.args[0]));
    if (name === "square") return powerTex(args[0], { tex: "2", level: ATOM }, isFunctionNode(node.args[0]));
    if (name === "cube") return powerTex(args[0], { tex: "3", level: ATOM }, isFunctionNode(node.args[0]));
    return { tex: functionTex(name, args.map((a) => a.tex)), level: ATOM };
  }
  if (isOperatorNode(node)) {
    const [a, b] = node.args;
    switch (node.fn) {
      case "unaryPlus":
        return print(a);
      case "unaryMinus": {
        const inner = print(a);
        return { tex: `-${needsGroup(inner) ? group(inner.tex) : inner.tex}`, level: NEGATED };
      }
      case "add": {
        const left = print(a);
        const right = print(b);
        if (right.tex.startsWith("-")) return { tex: `${left.tex} - ${right.tex.slice(1)}`, level: SUM };
        return { tex: `${left.tex} + ${right.tex}`, level: SUM };
      }
      case "subtract": {
        const left = print(a);
        const right = print(b);
        return { tex: `${left.tex} - ${needsGroup(right) ? group(right.tex) : right.tex}`, level: SUM };
      }
      case "multiply": {
        const factors = productFactors(node).map((f, k) => {
          const p = print(f);
          const wrap = p.level <= SUM || (k > 0 && p.level === NEGATED);
          return wrap ? group(p.tex) : p.tex;
        });
        let tex = factors[0];
        for (let k = 1; k < factors.length; k++) tex += joiner(factors[k - 1], factors[k]) + factors[k];
        return { tex, level: tex.startsWith("-") ? NEGATED : PRODUCT };
      }
      case "divide": {
        const top = print(a);
        const bottom = print(b);
        if (top.tex.startsWith("-") && top.level !== SUM) return { tex: `-\\frac{${top.tex.slice(1)}}{${bottom.tex}}`, level: NEGATED };
        return { tex: `\\frac{${top.tex}}{${bottom.tex}}`, level: PRODUCT };
      }
      case "pow":
        return powerTex(print(a), print(b), isFunctionNode(a) || (isParenthesisNode(a) && isFunctionNode(a.content)));
    }
  }
  throw new RangeError(`formulaTex: cannot print ${node.type} (${node.toString()})`);
}

/**
 * TeX for a formula tree of the `energyFromFormula` vocabulary: one-letter names in italic,
 * products by juxtaposition, parentheses only where needed.
 *
 * @throws RangeError for a node outside the formula vocabulary.
 * @example
 * formulaTex(parse("(x^2 - 1)^2 + t * x + 0.2 * cos(12 * x)"));
 * // => "\\left(x^{2} - 1\\right)^{2} + tx + 0.2\\cos\\left(12x\\right)"
 */
export function formulaTex(node: MathNode): string {
  return print(node).tex;
}

// ---------------------------------------------------------------------------------------------
// Display normalisation: a sum of terms, each a coefficient and its factors

/** One factor base^exponent of a term; `exponent` is a number, or a tree for a symbolic power. */
interface Factor {
  base: MathNode;
  exponent: number | MathNode;
}

/** coefficient * product of factors. */
interface Term {
  coefficient: number;
  factors: Factor[];
}

const op = (symbol: string, fn: string, args: MathNode[]): MathNode =>
  new (OperatorNode as unknown as new (op: string, fn: string, args: MathNode[]) => MathNode)(symbol, fn, args);
const num = (value: number): MathNode => new ConstantNode(value);

const negate = (terms: Term[]): Term[] => terms.map((t) => ({ ...t, coefficient: -t.coefficient }));

/** A sum of several terms as one factor (kept whole: display does not expand products of sums). */
function asFactor(terms: Term[], variables: readonly string[]): Term {
  if (terms.length === 1) return terms[0];
  return { coefficient: 1, factors: [{ base: treeOf(terms, variables), exponent: 1 }] };
}

function multiplyTerms(a: Term, b: Term): Term {
  return { coefficient: a.coefficient * b.coefficient, factors: [...a.factors, ...b.factors] };
}

/** 1 / term, when every exponent is a number (else undefined). */
function invert(term: Term): Term | undefined {
  if (term.coefficient === 0 || term.factors.some((f) => typeof f.exponent !== "number")) return undefined;
  return { coefficient: 1 / term.coefficient, factors: term.factors.map((f) => ({ base: f.base, exponent: -(f.exponent as number) })) };
}

/** The constant value of a term list, when it is a single number. */
function constantOf(terms: Term[]): number | undefined {
  return terms.length === 1 && terms[0].factors.length === 0 ? terms[0].coefficient : undefined;
}

/** The terms of a tree. */
function termsOf(node: MathNode, variables: readonly string[]): Term[] {
  const opaque = (base: MathNode): Term[] => [{ coefficient: 1, factors: [{ base, exponent: 1 }] }];
  if (isConstantNode(node)) return [{ coefficient: Number(node.value), factors: [] }];
  if (isSymbolNode(node)) return opaque(node);
  if (isParenthesisNode(node)) return termsOf(node.content, variables);
  if (isFunctionNode(node)) {
    const name = (node.fn as unknown as SymbolNode).name;
    if (name === "pow") return powerTerms(node.args[0], node.args[1], variables);
    if (name === "square") return powerTerms(node.args[0], num(2), variables);
    if (name === "cube") return powerTerms(node.args[0], num(3), variables);
    return opaque(new FunctionNode(new SymbolNode(name), node.args.map((a) => treeOf(termsOf(a, variables), variables))));
  }
  if (isOperatorNode(node)) {
    const [a, b] = node.args;
    switch (node.fn) {
      case "unaryPlus": return termsOf(a, variables);
      case "unaryMinus": return negate(termsOf(a, variables));
      case "add": return [...termsOf(a, variables), ...termsOf(b, variables)];
      case "subtract": return [...termsOf(a, variables), ...negate(termsOf(b, variables))];
      case "multiply": return [multiplyTerms(asFactor(termsOf(a, variables), variables), asFactor(termsOf(b, variables), variables))];
      case "divide": {
        const top = asFactor(termsOf(a, variables), variables);
        const bottom = asFactor(termsOf(b, variables), variables);
        const inverse = invert(bottom) ?? { coefficient: 1, factors: [{ base: treeOf([bottom], variables), exponent: -1 }] };
        return [multiplyTerms(top, inverse)];
      }
      case "pow": return powerTerms(a, b, variables);
    }
  }
  throw new RangeError(`displayTree: cannot rewrite ${node.type} (${node.toString()})`);
}

/** base^exponent: an integer power of one term distributes over its coefficient and factors. */
function powerTerms(baseNode: MathNode, exponentNode: MathNode, variables: readonly string[]): Term[] {
  const base = termsOf(baseNode, variables);
  const exponentTerms = termsOf(exponentNode, variables);
  const k = constantOf(exponentTerms);
  if (k !== undefined && base.length === 1 && Number.isInteger(k) && base[0].factors.every((f) => typeof f.exponent === "number")) {
    const t = base[0];
    return [{ coefficient: t.coefficient ** k, factors: t.factors.map((f) => ({ base: f.base, exponent: (f.exponent as number) * k })) }];
  }
  const single = base.length === 1 && base[0].coefficient === 1 && base[0].factors.length === 1 && base[0].factors[0].exponent === 1;
  const b = single ? base[0].factors[0].base : treeOf(base, variables);
  if (k !== undefined) return [{ coefficient: 1, factors: [{ base: b, exponent: k }] }];
  return [{ coefficient: 1, factors: [{ base: b, exponent: treeOf(exponentTerms, variables) }] }];
}

/** A key that is equal for equal bases. */
const keyOf = (node: MathNode) => node.toString();

/** Merges equal bases in each term (x * x^2 -> x^3, x / x -> 1) and equal terms in the sum (2x + 3x -> 5x). */
function combine(terms: Term[]): Term[] {
  const merged = terms.map((t) => {
    const byBase = new Map<string, Factor>();
    const symbolic: Factor[] = [];
    for (const f of t.factors) {
      if (typeof f.exponent !== "number") {
        symbolic.push(f);
        continue;
      }
      const key = keyOf(f.base);
      const seen = byBase.get(key);
      if (seen) seen.exponent = (seen.exponent as number) + f.exponent;
      else byBase.set(key, { base: f.base, exponent: f.exponent });
    }
    return { coefficient: t.coefficient, factors: [...[...byBase.values()].filter((f) => f.exponent !== 0), ...symbolic] };
  });
  const sums = new Map<string, Term>();
  for (const t of merged) {
    const key = t.factors.map((f) => `${keyOf(f.base)}^${typeof f.exponent === "number" ? f.exponent : keyOf(f.exponent)}`).sort().join("*");
    const seen = sums.get(key);
    if (seen) seen.coefficient += t.coefficient;
    else sums.set(key, { coefficient: t.coefficient, factors: t.factors });
  }
  const out = [...sums.values()].filter((t) => t.coefficient !== 0);
  return out.length > 0 ? out : [{ coefficient: 0, factors: [] }];
}

/** Factors in reading order: parameters and constants, then variables, then calls, then groups. */
function rank(f: Factor, variables: readonly string[]): number {
  const base = f.base;
  if (isSymbolNode(base)) return variables.includes(base.name) ? 1 : 0;
  if (isFunctionNode(base)) return 2;
  return 3;
}

/** p / q with a small q (up to 100), when the number is such a fraction. */
function asFraction(value: number): [number, number] | undefined {
  for (let q = 1; q <= 100; q++) {
    const p = Math.round(value * q);
    if (Math.abs(value * q - p) <= 1e-9 * Math.max(1, Math.abs(p))) return [p, q];
  }
  return undefined;
}

/** True when a number reads well as a decimal: at most three decimals. */
function shortDecimal(value: number): boolean {
  return Math.abs(value * 1000 - Math.round(value * 1000)) <= 1e-9 * Math.max(1, Math.abs(value * 1000));
}

/** A term as a tree: [-] coefficient * numerator factors [/ (denominator)]. */
function termTree(term: Term, variables: readonly string[]): MathNode {
  const order = term.factors.map((f, k) => ({ f, k })).sort((u, v) => rank(u.f, variables) - rank(v.f, variables) || u.k - v.k);
  const up: MathNode[] = [];
  const down: MathNode[] = [];
  for (const { f } of order) {
    const power = (exponent: number | MathNode) => (exponent === 1 ? f.base : op("^", "pow", [f.base, typeof exponent === "number" ? num(exponent) : exponent]));
    if (typeof f.exponent === "number" && f.exponent < 0) down.push(power(-f.exponent));
    else up.push(power(f.exponent));
  }
  const c = Math.abs(term.coefficient);
  const fraction = asFraction(c);
  let upCoefficient = c;
  let downCoefficient = 1;
  if (fraction && fraction[1] > 1 && (down.length > 0 || !shortDecimal(c))) [upCoefficient, downCoefficient] = fraction;
  const product = (coefficient: number, nodes: MathNode[]): MathNode | undefined => {
    const all = coefficient === 1 && nodes.length > 0 ? nodes : [num(coefficient), ...nodes];
    return all.reduce<MathNode | undefined>((acc, n) => (acc === undefined ? n : op("*", "multiply", [acc, n])), undefined);
  };
  const top = product(upCoefficient, up)!;
  const bottom = downCoefficient === 1 && down.length === 0 ? undefined : product(downCoefficient, down);
  const tree = bottom === undefined ? top : op("/", "divide", [top, bottom]);
  return term.coefficient < 0 ? op("-", "unaryMinus", [tree]) : tree;
}

/** A list of terms as a sum tree. */
function treeOf(terms: Term[], variables: readonly string[]): MathNode {
  const trees = combine(terms).map((t) => termTree(t, variables));
  return trees.reduce((acc, t) => op("+", "add", [acc, t]));
}

/**
 * The same expression rewritten for reading: a sum of terms, each a coefficient (a short decimal,
 * or a fraction p/q with q <= 100) followed by parameters, variables, function calls and
 * parenthesised sums, in that order; numbers multiplied out, equal factors merged into powers
 * (x / x cancels, which is right wherever the original is defined), equal terms added up.
 * Products of sums are kept as they are (no expansion). Display only: the gradient an energy
 * computes is compiled from the tree mathjs simplified, not from this one.
 *
 * @throws RangeError for a node outside the formula vocabulary.
 * @example
 * formulaTex(displayTree(parse("sin(12 * x) * -12 / 5 + 4 * x * (x^2 - 1) - y * c"), ["x", "y"]));
 * // => "-2.4\\sin\\left(12x\\right) + 4x\\left(x^{2} - 1\\right) - cy"
 */
export function displayTree(node: MathNode, variables: readonly string[]): MathNode {
  return treeOf(termsOf(node, variables), variables);
}
