// The notebook runner itself, against the real tslab kernel: it must fail loudly, naming the
// notebook, the cell, and the message, on each kind of broken notebook.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import path from "node:path";

const root = path.resolve(__dirname, "../..");
const python = path.join(root, ".venv/bin/python");
const fixtures = path.join(root, "test/notebooks/fixtures");

function runNotebook(name: string): { status: number | null; output: string } {
  const run = spawnSync(python, [path.join(root, "test/notebooks/run_notebooks.py"), "--jobs", "1", path.join(fixtures, name)], {
    encoding: "utf8",
    timeout: 120_000,
  });
  return { status: run.status, output: run.stdout + run.stderr };
}

test("a TypeScript compile error fails the run, naming the notebook, the cell and the compiler's message", () => {
  const { status, output } = runNotebook("type-error.ipynb");
  assert.equal(status, 1, output);
  assert.match(output, /FAIL type-error\.ipynb/);
  assert.match(output, /cell 1 \('const n: number = "oops";'\)/);
  assert.match(output, /Type 'string' is not assignable to type 'number'/);
  assert.match(output, /notebooks: 0 passed, 1 failed/);
});

test("a runtime error fails the run with the library's message", () => {
  const { status, output } = runNotebook("runtime-error.ipynb");
  assert.equal(status, 1, output);
  assert.match(output, /FAIL runtime-error\.ipynb/);
  assert.match(output, /cell 1 \('energyFromFunction\(42 as any\);'\) failed[\s\S]*energyFromFunction: value must be a function, got 42/);
});

test("a notebook that shows fewer figures than it declares fails", () => {
  const { status, output } = runNotebook("missing-figure.ipynb");
  assert.equal(status, 1, output);
  assert.match(output, /figures shown \{\}, but the notebook declares \{'landscape': 1\}/);
});
