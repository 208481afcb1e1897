// Runs the @example of every doc comment in src/ and checks each value it shows, so the examples
// cannot drift from the code (mathjs does the same in test/node-tests/doc.test.js; stdlib lints
// its `// returns` lines). The examples are our own source, not user text.
//
// How an example is written (the runner refuses anything else, with a message saying so):
//
//   - Code lines are TypeScript as a notebook cell would hold it; the runner strips the types
//     with TypeScript's transpileModule and runs the lines in one function, in order.
//   - A shown value follows `// => `, either at the end of the line whose value it is
//     (`well.value([0]); // => 2`) or alone on the next line (for a long line, or one that
//     carries its own `// why` comment). The line shown must be one expression.
//   - The value is JSON: `2`, `"beta = 2"`, `[1, 0.5]`, `{ "lower": [-2], "upper": [2] }`, plus
//     the bare words `undefined`, `NaN`, `Infinity` and `-Infinity`. A typed array is written
//     with its type: `Float64Array [3, -1]` (a plain JSON array never matches a typed array).
//     Long arrays are shown through a derived value (`.length`, a slice, a rounding).
//   - An approximate value ends in ` (to about TOL)`: `0.5 (to about 1e-14)`, `[1, 0.25] (to
//     about 1e-6)`; each number must lie within TOL (absolute) of the one shown.
//   - An error is shown on the line after the call as `// throws RangeError("message")` (the
//     message in double or single quotes, exactly as thrown).
//   - The one value not checked: `// => (displays the figure; needs a tslab kernel)`, for a call
//     that only works inside the notebook kernel (show). The runner skips that line, runs the
//     rest of the example, and allows at most MAX_KERNEL_ONLY such lines in the library.
//
// Names in scope: everything src/index.ts exports (what `import { ... } from "ebm"` gives a
// notebook), then the exports of the example's own file (so an internal helper's example can
// call it), and mathjs's `parse` for the formula compiler's examples.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import ts from "typescript";
import { parse } from "mathjs";
import * as ebm from "../../src";

const root = join(__dirname, "..", "..");
const srcRoot = join(root, "src");

/** At most this many shown values may be left unchecked because they need a kernel. */
const MAX_KERNEL_ONLY = 1;

/** The fewest example blocks each folder of src/ must hold (what it held when this was written). */
const MINIMUM_EXAMPLES: Record<string, number> = {
  ".": 3, // index.ts, validate.ts (its opening comment and describe)
  energy: 12,
  landscapes: 8,
  dynamics: 5,
  gibbs: 11,
  sampling: 10,
  hopfield: 19,
  plot: 38,
  workbook: 11,
  rbm: 11,
  learning: 6,
};

/** One value an example shows, and the line of code it belongs to. */
interface Shown {
  /** 1-based line in the source file. */
  line: number;
  /** The expression whose value is shown (types included: the whole program is transpiled). */
  expression: string;
  /** The text after `// => ` (or `throws ...` for an error). */
  text: string;
}

/** One @example block. */
interface Example {
  file: string;
  /** The declaration the doc comment belongs to ("(module)" for a file's opening comment). */
  owner: string;
  /** 1-based line of the @example tag. */
  line: number;
  /** The program, with each shown line replaced by `__shown[i] = __capture(() => (expr))`. */
  program: string;
  shown: Shown[];
  /** Shown values skipped because they need a kernel. */
  kernelOnly: number;
  /** Lines the runner could not read (reported by the folder's test, not at load time). */
  problems: string[];
}

/** What a shown value says, parsed. */
type Expectation =
  | { kind: "value"; value: unknown; tolerance?: number; typed?: string }
  | { kind: "throws"; name: string; message: string }
  | { kind: "kernel" };

const KERNEL_ONLY = /^\(.*\bneeds a tslab kernel\)$/;
const TYPED_ARRAYS = ["Float64Array", "Float32Array", "Int32Array", "Uint32Array", "Int16Array", "Uint16Array", "Int8Array", "Uint8Array", "Uint8ClampedArray"];

/** Every .ts file under src/, in a stable order. */
function sourceFiles(dir = srcRoot): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return sourceFiles(path);
      return name.endsWith(".ts") && !name.endsWith(".d.ts") ? [path] : [];
    });
}

/** The index of a `//` comment that is outside string literals, or -1. */
function commentStart(line: string): number {
  let quote = "";
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote) {
      if (c === "\\") i++;
      else if (c === quote) quote = "";
    } else if (c === '"' || c === "'" || c === "`") {
      quote = c;
    } else if (c === "/" && line[i + 1] === "/") {
      return i;
    }
  }
  return -1;
}

/** The declared name that follows a doc comment. */
function ownerAfter(text: string): string {
  const match = text.match(/^\s*export\s+(?:declare\s+)?(?:async\s+)?(?:function\*?|const|let|class|interface|type|enum)\s+([A-Za-z_$][\w$]*)/);
  return match ? match[1] : "(module)";
}

/** Parses every @example block of one file. */
function examplesOf(file: string): Example[] {
  const text = readFileSync(file, "utf8");
  const examples: Example[] = [];
  for (const block of text.matchAll(/\/\*\*[\s\S]*?\*\//g)) {
    const startLine = text.slice(0, block.index).split("\n").length;
    const lines = block[0].split("\n").map((l) => l.replace(/^\s*\/?\*+\/?\s?/, "").replace(/\s*\*\/$/, ""));
    const owner = ownerAfter(text.slice(block.index! + block[0].length));
    let inExample = false;
    let current: { line: number; out: string[]; shown: Shown[]; kernelOnly: number; lastCode: number; problems: string[] } | undefined;
    const finish = () => {
      if (!current) return;
      const { line, out, shown, kernelOnly, problems } = current;
      examples.push({ file, owner, line, program: out.join("\n"), shown, kernelOnly, problems });
      current = undefined;
    };
    lines.forEach((raw, i) => {
      const line = raw.trimEnd();
      if (line.startsWith("@")) {
        finish();
        inExample = line.startsWith("@example");
        if (inExample) current = { line: startLine + i, out: [], shown: [], kernelOnly: 0, lastCode: -1, problems: [] };
        return;
      }
      if (!inExample || !current) return;
      const where = `${relative(root, file)}:${startLine + i}`;
      const own = line.trim().match(/^\/\/ (=> |throws )(.*)$/);
      let code = line;
      let text: string | undefined;
      if (own) {
        text = own[1] === "throws " ? `throws ${own[2]}` : own[2];
        if (current.lastCode < 0) {
          current.problems.push(`${where}: a shown value with no code line above it`);
          return;
        }
        code = current.out[current.lastCode];
        current.out[current.lastCode] = "";
      } else {
        const at = commentStart(line);
        const inline = at >= 0 ? line.slice(at).match(/^\/\/ => (.*)$/) : null;
        if (inline) {
          text = inline[1];
          code = line.slice(0, at);
        } else {
          if (/^\s*\/\/.*\s=>\s/.test(line)) {
            current.problems.push(`${where}: a comment line with "=>" in it; a shown value starts its comment: // => value`);
          }
          current.out.push(line);
          if (line.trim() !== "" && !line.trim().startsWith("//")) current.lastCode = current.out.length - 1;
          return;
        }
      }
      const cut = commentStart(code);
      const expression = (cut >= 0 ? code.slice(0, cut) : code).trim().replace(/;$/, "");
      if (expression === "") {
        current.problems.push(`${where}: a shown value with no expression`);
        return;
      }
      if (KERNEL_ONLY.test(text.trim())) {
        current.kernelOnly++;
        current.out.push(`// (not run here: needs a tslab kernel) ${expression}`);
      } else {
        current.out.push(`__shown[${current.shown.length}] = __capture(() => (${expression}));`);
        current.shown.push({ line: startLine + i, expression, text: text.trim() });
      }
      current.lastCode = -1;
    });
    finish();
  }
  return examples;
}

/** Reads a shown value; throws with the convention when it cannot. */
function parseExpectation(text: string): Expectation {
  if (KERNEL_ONLY.test(text)) return { kind: "kernel" };
  const thrown = text.match(/^throws (\w*Error)\(("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')\)$/);
  if (thrown) {
    const quoted = thrown[2];
    const message = quoted.startsWith('"') ? JSON.parse(quoted) : quoted.slice(1, -1).replace(/\\(.)/g, "$1");
    return { kind: "throws", name: thrown[1], message };
  }
  if (text.startsWith("throws ")) throw new Error(`cannot read the error ${JSON.stringify(text)}: write throws RangeError("message")`);
  let body = text;
  let tolerance: number | undefined;
  const approx = text.match(/^(.*) \(to about ([0-9.]+(?:e[+-]?\d+)?)\)$/);
  if (approx) {
    body = approx[1];
    tolerance = Number(approx[2]);
  }
  let typed: string | undefined;
  const typedMatch = body.match(/^(\w+) (\[.*\])$/);
  if (typedMatch && TYPED_ARRAYS.includes(typedMatch[1])) {
    typed = typedMatch[1];
    body = typedMatch[2];
  }
  const words: Record<string, unknown> = { undefined: undefined, NaN: NaN, Infinity: Infinity, "-Infinity": -Infinity };
  let value: unknown;
  if (Object.hasOwn(words, body)) {
    value = words[body];
  } else {
    try {
      value = JSON.parse(body);
    } catch {
      throw new Error(
        `cannot read the shown value ${JSON.stringify(text)}: write JSON (or undefined, NaN, Infinity), ` +
          `a typed array as Float64Array [..], an approximate value as "0.5 (to about 1e-9)", ` +
          `and put explanations in a // comment on the code line`,
      );
    }
  }
  if (tolerance !== undefined && !isNumbers(value)) throw new Error(`"(to about ...)" goes with a number or an array of numbers, not ${body}`);
  return { kind: "value", value, tolerance, typed };
}

function isNumbers(value: unknown): boolean {
  return typeof value === "number" || (Array.isArray(value) && value.every(isNumbers));
}

/** Checks an actual value against a parsed expectation; throws an AssertionError when it differs. */
function checkValue(actual: unknown, expected: Extract<Expectation, { kind: "value" }>, where: string): void {
  if (expected.typed) {
    assert.ok(ArrayBuffer.isView(actual), `${where}: expected a ${expected.typed}, got ${describe(actual)}`);
    assert.equal(actual.constructor.name, expected.typed, `${where}: the array type`);
    actual = Array.from(actual as unknown as ArrayLike<number>);
  } else if (ArrayBuffer.isView(actual)) {
    assert.fail(`${where}: got a ${actual.constructor.name}; show it as "${actual.constructor.name} [..]" or show Array.from(...)`);
  }
  if (expected.tolerance === undefined) {
    assert.deepStrictEqual(actual, expected.value, `${where}: got ${describe(actual)}`);
    return;
  }
  const tolerance = expected.tolerance;
  const near = (a: unknown, e: unknown): boolean =>
    typeof e === "number"
      ? typeof a === "number" && Math.abs(a - e) <= tolerance
      : Array.isArray(a) && a.length === (e as unknown[]).length && (e as unknown[]).every((v, i) => near(a[i], v));
  assert.ok(near(actual, expected.value), `${where}: got ${describe(actual)}, expected ${JSON.stringify(expected.value)} to within ${tolerance}`);
}

function describe(value: unknown): string {
  if (ArrayBuffer.isView(value)) return `${value.constructor.name} [${Array.from(value as unknown as ArrayLike<number>).join(", ")}]`;
  if (typeof value === "number" || value === undefined) return String(value);
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

type Captured = { value: unknown } | { error: unknown };

/** Runs one example; returns what each shown line produced. */
function run(example: Example, scope: Record<string, unknown>): Captured[] {
  const { outputText, diagnostics } = ts.transpileModule(example.program, {
    compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.None },
    reportDiagnostics: true,
  });
  const where = `${relative(root, example.file)}:${example.line} (${example.owner})`;
  assert.deepEqual(
    (diagnostics ?? []).map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n")),
    [],
    `${where}: the example is not valid TypeScript`,
  );
  const shown: Captured[] = [];
  const capture = (f: () => unknown): Captured => {
    try {
      return { value: f() };
    } catch (error) {
      return { error };
    }
  };
  const names = Object.keys(scope);
  new Function(...names, "__shown", "__capture", outputText)(...names.map((n) => scope[n]), shown, capture);
  return shown;
}

/** The names an example in `file` can use. */
function scopeFor(file: string): Record<string, unknown> {
  const own = require(file) as Record<string, unknown>;
  return { parse, ...ebm, ...own };
}

/** Checks every shown value of one example. */
function checkExample(example: Example): void {
  const results = run(example, scopeFor(example.file));
  example.shown.forEach((s, i) => {
    const where = `${relative(root, example.file)}:${s.line} (${example.owner}): ${s.expression}`;
    const expected = parseExpectation(s.text);
    const result = results[i];
    assert.ok(result, `${where}: the line did not run`);
    if (expected.kind === "throws") {
      assert.ok("error" in result, `${where}: expected it to throw ${expected.name}, got ${describe((result as { value: unknown }).value)}`);
      const error = result.error as Error;
      assert.equal(error?.name, expected.name, `${where}: the error's kind (${error?.message})`);
      assert.equal(error.message, expected.message, `${where}: the error's message`);
    } else if (expected.kind === "value") {
      if ("error" in result) assert.fail(`${where}: threw ${String((result.error as Error)?.stack ?? result.error).split("\n").slice(0, 3).join("\n")}`);
      checkValue(result.value, expected, where);
    }
  });
}

const examples = sourceFiles().flatMap(examplesOf);

/** The folder of src/ a file sits in ("." for src/ itself). */
function folderOf(file: string): string {
  const parts = relative(srcRoot, file).split(/[\\/]/);
  return parts.length === 1 ? "." : parts[0];
}

for (const folder of Object.keys(MINIMUM_EXAMPLES)) {
  test(`every @example in src/${folder === "." ? "" : folder + "/"} runs and shows the value it claims`, () => {
    const mine = examples.filter((e) => folderOf(e.file) === folder);
    const failures = mine.flatMap((e) => e.problems);
    for (const example of mine) {
      try {
        assert.ok(
          example.shown.length + example.kernelOnly > 0,
          `${relative(root, example.file)}:${example.line} (${example.owner}): the example shows no value (end it with // => value)`,
        );
        checkExample(example);
      } catch (error) {
        failures.push(`${relative(root, example.file)}:${example.line} (${example.owner}): ${(error as Error).message}`);
      }
    }
    assert.deepEqual(failures, [], "examples that fail");
    const shownValues = mine.reduce((s, e) => s + e.shown.length, 0);
    assert.ok(
      mine.length >= MINIMUM_EXAMPLES[folder],
      `src/${folder} has ${mine.length} examples (${shownValues} shown values), fewer than the ${MINIMUM_EXAMPLES[folder]} it had`,
    );
  });
}

test("every folder of src/ with examples is counted above", () => {
  const folders = new Set(examples.map((e) => folderOf(e.file)));
  assert.deepEqual([...folders].filter((f) => !(f in MINIMUM_EXAMPLES)), []);
});

test("only calls that need a kernel go unchecked, and there are few of them", () => {
  const skipped = examples.filter((e) => e.kernelOnly > 0).map((e) => `${relative(srcRoot, e.file)} ${e.owner}`);
  assert.ok(skipped.length <= MAX_KERNEL_ONLY, `unchecked examples: ${skipped.join("; ")}`);
});

test("every function the package exports has a doc comment with an @example", () => {
  const withExample = new Set(examples.map((e) => e.owner));
  const functions = Object.entries(ebm).filter(([, v]) => typeof v === "function");
  // A floor that only guards against the enumeration finding nothing (the public surface is ~90).
  assert.ok(functions.length >= 60, `only ${functions.length} exported functions found`);
  // A re-export under another name (describe as describeValue) keeps its declared name.
  const missing = functions.filter(([name, f]) => !withExample.has(name) && !withExample.has((f as { name: string }).name)).map(([n]) => n);
  assert.deepEqual(missing, []);
});

test("the runner fails a wrong value, a wrong error and a value it cannot read", () => {
  const fake = (program: string, text: string): Example => ({
    file: join(srcRoot, "index.ts"),
    owner: "fake",
    line: 1,
    program: `__shown[0] = __capture(() => (${program}));`,
    shown: [{ line: 1, expression: program, text }],
    kernelOnly: 0,
    problems: [],
  });
  checkExample(fake("logSumExp([0, 0])", "0.6931471805599453"));
  checkExample(fake("logSumExp([0, 0])", "0.6931 (to about 1e-4)"));
  checkExample(fake("Float64Array.of(1, 2)", "Float64Array [1, 2]"));
  assert.throws(() => checkExample(fake("logSumExp([0, 0])", "0.7")), assert.AssertionError);
  assert.throws(() => checkExample(fake("logSumExp([0, 0])", "0.69 (to about 1e-4)")), assert.AssertionError);
  assert.throws(() => checkExample(fake("Float64Array.of(1, 2)", "[1, 2]")), assert.AssertionError);
  assert.throws(() => checkExample(fake("logSumExp([0, 0])", "0.69...")), /cannot read the shown value/);
  checkExample(fake("tiltedDoubleWell({ tit: 1 })", 'throws RangeError("tiltedDoubleWell: options.tit is not an option (did you mean tilt?); the options are tilt")'));
  assert.throws(() => checkExample(fake("tiltedDoubleWell({ tit: 1 })", 'throws RangeError("tiltedDoubleWell: options.tit is wrong")')), assert.AssertionError);
  assert.throws(() => checkExample(fake("logSumExp([0, 0])", 'throws RangeError("no")')), assert.AssertionError);
});
