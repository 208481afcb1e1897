/**
 * The gradient of a formula, by mathjs `derivative`, made safe for real numbers.
 *
 * mathjs differentiates most of the allowed functions itself. A few it does not know, or knows
 * in a form that fails at points where the answer is plain, so the tree is rewritten first:
 *
 * - `square(u)`, `cube(u)`, `pow(a, b)` become `u^2`, `u^3`, `a^b`;
 * - `log1p(u)`, `expm1(u)`, `log2(u)` become `log(1 + u)`, `exp(u) - 1`, `log(u) / log(2)`;
 * - `sign(u)` becomes a stand-in symbol S, a constant to `derivative` (sign' = 0 away from 0);
 * - `abs(u)` becomes `u * S` with S = sign(u), so the derivative is sign(u) u' (0 at u = 0,
 *   where mathjs's own rule abs(u)/u would give 0/0);
 * - `min(a, b)` and `max(a, b)` become `(a + b -+ (a - b) * S) / 2` with S = sign(a - b)
 *   (more arguments are folded pairwise).
 *
 * Each stand-in is put back as `sign(...)` after differentiating. The result is simplified with
 * mathjs's real-number context, which keeps rules such as (x^2)^(1/2) -> x, true only for x >= 0,
 * from being applied.
 */
import {
  ConstantNode,
  derivative,
  FunctionNode,
  isFunctionNode,
  isSymbolNode,
  OperatorNode,
  ParenthesisNode,
  simplify,
  SymbolNode,
  type MathNode,
  type SimplifyContext,
} from "mathjs";

/** mathjs's context for real numbers: division and log are not total. */
const REAL_CONTEXT = (simplify as unknown as { realContext: SimplifyContext }).realContext;

/** Stand-in names start with "__", which no declared name can (names start with a letter). */
const STAND_IN_PREFIX = "__sign";

/* The node constructors, typed loosely: the trees built here are plain arithmetic. */
const op = (symbol: string, fn: string, args: MathNode[]): MathNode =>
  new (OperatorNode as unknown as new (op: string, fn: string, args: MathNode[]) => MathNode)(symbol, fn, args);
const call = (name: string, args: MathNode[]): MathNode => new FunctionNode(new SymbolNode(name), args);
const num = (value: number): MathNode => new ConstantNode(value);
const paren = (node: MathNode): MathNode => new ParenthesisNode(node);

/**
 * Rewrites a checked formula tree into one mathjs can differentiate, recording each stand-in
 * symbol and the `sign(...)` it stands for.
 */
function differentiable(node: MathNode, standIns: Map<string, MathNode>): MathNode {
  const standIn = (argument: MathNode): MathNode => {
    const name = `${STAND_IN_PREFIX}${standIns.size}`;
    standIns.set(name, call("sign", [argument]));
    return new SymbolNode(name);
  };
  const rewrite = (n: MathNode): MathNode => {
    if (!isFunctionNode(n)) return n.map((child) => rewrite(child));
    const name = (n.fn as MathNode as SymbolNode).name;
    const original = n.args;
    const args = original.map((a) => paren(rewrite(a)));
    switch (name) {
      case "square": return op("^", "pow", [args[0], num(2)]);
      case "cube": return op("^", "pow", [args[0], num(3)]);
      case "pow": return op("^", "pow", [args[0], args[1]]);
      case "log1p": return call("log", [op("+", "add", [num(1), args[0]])]);
      case "expm1": return op("-", "subtract", [call("exp", [args[0]]), num(1)]);
      case "log2": return op("/", "divide", [call("log", [args[0]]), call("log", [num(2)])]);
      case "sign": return standIn(original[0]);
      case "abs": return op("*", "multiply", [args[0], standIn(original[0])]);
      case "min":
      case "max": {
        const plusOrMinus = name === "min" ? ["-", "subtract"] : ["+", "add"];
        let originalSoFar = original[0];
        let soFar = args[0];
        for (let i = 1; i < original.length; i++) {
          const difference = paren(op("-", "subtract", [soFar, args[i]]));
          const sign = standIn(op("-", "subtract", [originalSoFar, original[i]]));
          const sum = op("+", "add", [soFar, args[i]]);
          soFar = paren(op("/", "divide", [paren(op(plusOrMinus[0], plusOrMinus[1], [sum, op("*", "multiply", [difference, sign])])), num(2)]));
          originalSoFar = call(name, [originalSoFar, original[i]]);
        }
        return soFar;
      }
      default: return new FunctionNode(new SymbolNode(name), args);
    }
  };
  return rewrite(node);
}

/**
 * dE/dx_i for each variable name, simplified, as mathjs trees made of the compile vocabulary.
 *
 * @throws RangeError if mathjs cannot differentiate the formula (it names the formula).
 * @example
 * const formula = "(x^2 - 1)^2 + tilt * x";
 * symbolicGradient("energyFromFormula", formula, parse(formula), ["x"])[0].toString();
 * // => "4 * x * (x ^ 2 - 1) + tilt"
 */
export function symbolicGradient(fn: string, formula: string, node: MathNode, variables: readonly string[]): MathNode[] {
  const standIns = new Map<string, MathNode>();
  const prepared = differentiable(node, standIns);
  return variables.map((variable) => {
    let raw: MathNode;
    try {
      raw = derivative(prepared, variable, { simplify: false });
    } catch (error) {
      throw new RangeError(`${fn}: cannot differentiate formula ${JSON.stringify(formula)} in ${variable}: ${(error as Error).message}`);
    }
    const simplified = simplify(raw, {}, { context: REAL_CONTEXT });
    return simplified.transform((n) => (isSymbolNode(n) && standIns.has(n.name) ? standIns.get(n.name)! : n));
  });
}
