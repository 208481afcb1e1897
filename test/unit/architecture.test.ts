// The shape of src/: small files, no import cycles, and figures built on the public API only.
//
// (a) No file in src/ is over MAX_LINES lines (one concept per file).
// (b) No import cycle among src/ files: the graph of relative `import` / `export ... from`
//     statements (type-only ones included: a cycle of types is still a knot to untie) is acyclic.
// (c) src/plot/** imports library code only through the public doors: ../types, ../validate,
//     other plot files, and the folder index files (../gibbs, ../dynamics, ../sampling, ../energy,
//     ../landscapes, ../hopfield). Physics a figure needs must be computed by a public function
//     that a learner can call too, not reached by a deep import.
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";

const srcRoot = resolve(__dirname, "..", "..", "src");
const MAX_LINES = 600;

/** Every .ts file under a folder, recursively, as absolute paths. */
function tsFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return tsFiles(path);
    return name.endsWith(".ts") ? [path] : [];
  });
}

/** The module specifiers of a file's import and re-export statements (comments stripped). */
function specifiers(source: string): string[] {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:"'`])\/\/.*$/gm, "$1");
  const found: string[] = [];
  const pattern = /(?:^|[;\n}])\s*(?:import|export)\s+(?:type\s+)?(?:[^;'"]*?\s+from\s+)?["']([^"']+)["']/g;
  for (let m = pattern.exec(code); m !== null; m = pattern.exec(code)) found.push(m[1]);
  // Dynamic imports and require() of relative paths count too.
  for (const m of code.matchAll(/(?:import|require)\(\s*["'](\.[^"']+)["']\s*\)/g)) found.push(m[1]);
  return found;
}

/** The file a relative specifier resolves to (x.ts or x/index.ts), or undefined. */
function resolveRelative(from: string, specifier: string): string | undefined {
  const base = resolve(dirname(from), specifier);
  for (const candidate of [base, `${base}.ts`, join(base, "index.ts")]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return undefined;
}

const files = tsFiles(srcRoot);
const name = (path: string) => relative(srcRoot, path).split(sep).join("/");

/** file -> the src files it imports (relative imports only). */
const graph = new Map<string, string[]>(
  files.map((file) => [
    file,
    specifiers(readFileSync(file, "utf8"))
      .filter((s) => s.startsWith("."))
      .map((s) => resolveRelative(file, s))
      .filter((target): target is string => target !== undefined),
  ]),
);

test("the import scanner sees the library's imports (a sanity check of the test itself)", () => {
  const index = graph.get(join(srcRoot, "index.ts")) ?? [];
  assert.ok(index.includes(join(srcRoot, "energy", "index.ts")), "src/index.ts re-exports ./energy");
  assert.ok(files.length > 50);
});

test(`(a) no file in src/ is over ${MAX_LINES} lines`, () => {
  const long = files
    .map((file) => ({ file: name(file), lines: readFileSync(file, "utf8").split("\n").length }))
    .filter((f) => f.lines > MAX_LINES)
    .map((f) => `${f.file}: ${f.lines} lines`);
  assert.deepEqual(long, []);
});

test("(a2) no src/ file declares a name that CommonJS reserves (exports, module, require)", () => {
  // The build emits CommonJS, where `export const X` is read back as `exports.X`: a local variable
  // named `exports` shadows it and the compiled code fails although the tests (run through tsx)
  // pass. It happened once, to a WebAssembly encoder; the notebooks load dist/ and broke.
  const shadowing = /\b(?:const|let|var|function)\s+(exports|module|require)\b|\(\s*(exports|module|require)\s*[,):]/;
  const offenders = files.flatMap((file) =>
    readFileSync(file, "utf8")
      .split("\n")
      .map((line, k) => ({ line, k }))
      .filter(({ line }) => !/^\s*(?:\*|\/\/)/.test(line) && shadowing.test(line))
      .map(({ line, k }) => `${name(file)}:${k + 1}: ${line.trim()}`),
  );
  assert.deepEqual(offenders, []);
});

test("(b) no import cycle among src/ files", () => {
  const state = new Map<string, "visiting" | "done">();
  const cycles: string[] = [];
  const stack: string[] = [];
  const visit = (file: string): void => {
    state.set(file, "visiting");
    stack.push(file);
    for (const next of graph.get(file) ?? []) {
      const s = state.get(next);
      if (s === "visiting") {
        const cycle = stack.slice(stack.indexOf(next)).concat(next).map(name);
        cycles.push(cycle.join(" -> "));
      } else if (s === undefined) {
        visit(next);
      }
    }
    stack.pop();
    state.set(file, "done");
  };
  for (const file of files) if (!state.has(file)) visit(file);
  assert.deepEqual(cycles, []);
});

test("(c) src/plot/** imports library code only from the public doors", () => {
  const plotRoot = join(srcRoot, "plot");
  const allowed = new Set(
    ["types.ts", "validate.ts", "gibbs/index.ts", "dynamics/index.ts", "sampling/index.ts", "energy/index.ts", "landscapes/index.ts", "hopfield/index.ts"].map(
      (f) => join(srcRoot, f),
    ),
  );
  const offending: string[] = [];
  for (const file of files.filter((f) => f.startsWith(plotRoot + sep))) {
    for (const target of graph.get(file) ?? []) {
      if (target.startsWith(plotRoot + sep) || allowed.has(target)) continue;
      offending.push(`${name(file)} imports ${name(target)}`);
    }
    // A package import of the library itself ("ebm") would hide the same thing.
    for (const s of specifiers(readFileSync(file, "utf8"))) if (s === "ebm" || s.startsWith("ebm/")) offending.push(`${name(file)} imports ${s}`);
  }
  assert.deepEqual(offending, []);
});
