/**
 * How fast is an energy written as a formula?
 *
 * On the tilted double well "(x^2 - 1)^2 + tilt * x" (tilt = 0.3) this times, for the value and
 * for the gradient:
 *   - compiled:     energyFromFormula(...)          (mathjs parse + derivative, compiled to JS)
 *   - hand-written: tiltedDoubleWell({ tilt: 0.3 }) (the catalogue's TypeScript)
 *   - mathjs:       compile(expr).evaluate(scope)   (the reference a notebook would otherwise use)
 * and prints a table, the ratios against the targets (compiled >= 10x mathjs, compiled >= 0.5x
 * hand-written), and one line of JSON at the end.
 *
 * Every implementation is first run over the same 10^6 seeded points and the sums compared, so
 * the three agree and nothing can be optimised away. Each timed loop is built by its own
 * `new Function` so its call site stays monomorphic (one implementation per loop), and the best
 * of several rounds is kept.
 *
 * Run: npx tsx bench/formula.bench.ts
 */
import seedrandom from "seedrandom";
import { compile, derivative, parse } from "mathjs";
import { energyFromFormula } from "../src/energy/fromFormula";
import { tiltedDoubleWell } from "../src/landscapes/tiltedDoubleWell";

const FORMULA = "(x^2 - 1)^2 + tilt * x";
const TILT = 0.3;
const POINTS = 1024;
const CHECK_EVALUATIONS = 1_000_000;
const ROUNDS = 5;

type Value = (x: Float64Array) => number;
type Gradient = (x: Float64Array, out: Float64Array) => Float64Array;

const rng = seedrandom.alea("formula-bench");
const points = Float64Array.from({ length: POINTS }, () => 4 * rng() - 2);

const compiled = energyFromFormula(FORMULA, { variables: ["x"], parameters: { tilt: TILT } });
const hand = tiltedDoubleWell({ tilt: TILT });
const scope = { x: 0, tilt: TILT };
const mathjsValue = compile(FORMULA);
const mathjsGradient = derivative(parse(FORMULA), "x").compile();

const values: Record<string, Value> = {
  compiled: compiled.value,
  "hand-written": hand.value,
  mathjs: (x) => {
    scope.x = x[0];
    return mathjsValue.evaluate(scope) as number;
  },
};
const gradients: Record<string, Gradient> = {
  compiled: compiled.gradient as Gradient,
  "hand-written": hand.gradient as Gradient,
  mathjs: (x, out) => {
    scope.x = x[0];
    out[0] = mathjsGradient.evaluate(scope) as number;
    return out;
  },
};

/** A fresh loop per implementation (its own compiled code and type feedback). */
function makeValueLoop(label: string): (f: Value, pts: Float64Array, n: number) => number {
  return new Function(
    "f",
    "pts",
    "n",
    `// value loop: ${JSON.stringify(label)}
     const x = new Float64Array(1);
     let sum = 0;
     for (let i = 0; i < n; i++) { x[0] = pts[i & ${POINTS - 1}]; sum += f(x); }
     return sum;`,
  ) as (f: Value, pts: Float64Array, n: number) => number;
}

function makeGradientLoop(label: string): (f: Gradient, pts: Float64Array, n: number) => number {
  return new Function(
    "f",
    "pts",
    "n",
    `// gradient loop: ${JSON.stringify(label)}
     const x = new Float64Array(1);
     const out = new Float64Array(1);
     let sum = 0;
     for (let i = 0; i < n; i++) { x[0] = pts[i & ${POINTS - 1}]; f(x, out); sum += out[0]; }
     return sum;`,
  ) as (f: Gradient, pts: Float64Array, n: number) => number;
}

interface Row {
  kind: "value" | "gradient";
  implementation: string;
  evaluations: number;
  nsPerEvaluation: number;
  millionPerSecond: number;
  checkSum: number;
}

/** Best of ROUNDS timings of `loop` over n evaluations, after one warm-up round. */
function time(run: (n: number) => number, n: number): { ns: number; sum: number } {
  let sum = run(Math.min(n, 100_000));
  let best = Infinity;
  for (let r = 0; r < ROUNDS; r++) {
    const start = process.hrtime.bigint();
    sum = run(n);
    const elapsed = Number(process.hrtime.bigint() - start);
    best = Math.min(best, elapsed / n);
  }
  return { ns: best, sum };
}

const rows: Row[] = [];
for (const kind of ["value", "gradient"] as const) {
  const table = kind === "value" ? values : gradients;
  let reference: number | undefined;
  for (const [name, f] of Object.entries(table)) {
    const loop = kind === "value" ? makeValueLoop(name) : makeGradientLoop(name);
    const run = (n: number) => (loop as (f: unknown, pts: Float64Array, n: number) => number)(f, points, n);
    // Agreement on the same 10^6 evaluations.
    const checkSum = run(CHECK_EVALUATIONS);
    reference ??= checkSum;
    if (!(Math.abs(checkSum - reference) <= 1e-9 * Math.abs(reference))) {
      throw new Error(`formula.bench: ${kind} sums disagree: ${name} ${checkSum} vs ${reference}`);
    }
    const evaluations = name === "mathjs" ? 1_000_000 : 20_000_000;
    const { ns } = time(run, evaluations);
    rows.push({ kind, implementation: name, evaluations, nsPerEvaluation: ns, millionPerSecond: 1000 / ns, checkSum });
  }
}

const find = (kind: string, implementation: string) => rows.find((r) => r.kind === kind && r.implementation === implementation)!;
const ratios = (["value", "gradient"] as const).map((kind) => ({
  kind,
  compiledOverMathjs: find(kind, "mathjs").nsPerEvaluation / find(kind, "compiled").nsPerEvaluation,
  compiledOverHand: find(kind, "hand-written").nsPerEvaluation / find(kind, "compiled").nsPerEvaluation,
}));

console.log(`formula: ${FORMULA} (tilt = ${TILT}), node ${process.version}, best of ${ROUNDS} rounds`);
console.log("| kind | implementation | evaluations | ns / evaluation | M evaluations / s | sum over 10^6 (check) |");
console.log("| --- | --- | ---: | ---: | ---: | ---: |");
for (const r of rows) {
  console.log(
    `| ${r.kind} | ${r.implementation} | ${r.evaluations.toExponential(0)} | ${r.nsPerEvaluation.toFixed(2)} | ${r.millionPerSecond.toFixed(1)} | ${r.checkSum.toPrecision(12)} |`,
  );
}
console.log("");
for (const r of ratios) {
  const mathjsOk = r.compiledOverMathjs >= 10 ? "meets" : "MISSES";
  const handOk = r.compiledOverHand >= 0.5 ? "meets" : "MISSES";
  console.log(
    `${r.kind}: compiled is ${r.compiledOverMathjs.toFixed(1)}x mathjs evaluate (${mathjsOk} >= 10x), ` +
      `${r.compiledOverHand.toFixed(2)}x hand-written (${handOk} >= 0.5x)`,
  );
}
console.log(JSON.stringify({ bench: "formula", formula: FORMULA, node: process.version, rows, ratios }));
