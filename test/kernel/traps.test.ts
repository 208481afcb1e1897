// The traps a learner meets when changing cells (issue 16), replayed on the real kernels through
// test/kernel/run_cells.py: one fresh kernel per kernel name, the cells sent one at a time as a
// learner runs them. tslab 1.0.22 needs the project's patch (patches/tslab+1.0.22.patch, applied
// by npm ci / npm run setup) for the shorthand cases and for the hint after a failed cell;
// Deno runs the same cells as they are. Expected values are what plain JavaScript gives for the
// same statements run in one scope.
import { before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import path from "node:path";

const root = path.resolve(__dirname, "../..");
const python = path.join(root, ".venv/bin/python");

interface CellReply {
  status: "ok" | "error" | "abort";
  ename: string | null;
  evalue: string | null;
  stdout: string;
  stderr: string;
  mimetypes: string[][];
  seconds: number;
  late_streams: number;
}

/** Runs the cells, one after the other, on a fresh kernel started in notebooks/. */
function runCells(kernel: string, cells: string[], pause = 0.3): CellReply[] {
  const run = spawnSync(python, [path.join(__dirname, "run_cells.py"), "--kernel", kernel], {
    input: JSON.stringify({ cells, pause }),
    encoding: "utf8",
    timeout: 180_000,
  });
  assert.equal(run.status, 0, `run_cells.py --kernel ${kernel} failed:\n${run.stderr}`);
  try {
    return (JSON.parse(run.stdout) as { cells: CellReply[] }).cells;
  } catch {
    throw new Error(`run_cells.py --kernel ${kernel} printed no JSON (exit ${run.status}, signal ${run.signal}):\n${run.stdout.slice(0, 500)}\n${run.stderr.slice(-2000)}`);
  }
}

/** One learner step: a cell, and what it must print (undefined: it must just succeed). */
interface Step {
  cell: string;
  prints?: string;
}

// The groups run in order in ONE kernel session per kernel (a kernel start is seconds on tslab);
// each group uses names of its own.
const steps: Record<string, Step[]> = {
  // The sequence: object shorthand of a name another cell defined.
  shorthand: [
    { cell: 'const labels = ["a", "b"];' },
    { cell: "const o = { labels };\nconsole.log(JSON.stringify(o));", prints: '{"labels":["a","b"]}' },
    { cell: "const nested = { inner: { labels, n: labels.length } };\nconsole.log(JSON.stringify(nested));", prints: '{"inner":{"labels":["a","b"],"n":2}}' },
    { cell: "function wrap() { return { labels }; }\nconsole.log(JSON.stringify(wrap()));", prints: '{"labels":["a","b"]}' },
    // A parameter of the same name still wins inside its function.
    { cell: "console.log(JSON.stringify(labels.map((labels) => ({ labels }))));", prints: '[{"labels":"a"},{"labels":"b"}]' },
  ],
  // Destructuring and spreads of names from other cells, declarations and assignments.
  destructuring: [
    { cell: "let a = 1, b = 2;\nconst point = { x: 3, y: 4 };" },
    { cell: "({ a } = { a: 5 });\nconsole.log(a);", prints: "5" }, // unpatched tslab printed 1
    { cell: "({ b = 7 } = {});\nconsole.log(a, b);", prints: "5 7" },
    { cell: "[a, b] = [b, a];\nconsole.log(a, b);", prints: "7 5" },
    { cell: "const { x, ...others } = { ...point, z: 5 };\nconsole.log(x, JSON.stringify(others));", prints: '3 {"y":4,"z":5}' },
    { cell: "console.log(x, JSON.stringify({ ...others, x }));", prints: '3 {"y":4,"z":5,"x":3}' },
  ],
  // Re-running cells out of order, redeclaring const, functions, classes and enums.
  rerun: [
    { cell: "let count = 0;" },
    { cell: "count += 1;\nconsole.log(count);", prints: "1" },
    { cell: "count += 1;\nconsole.log(count);", prints: "2" },
    { cell: "let count = 0;" },
    { cell: "count += 1;\nconsole.log(count);", prints: "1" },
    { cell: "const size = 1;" },
    { cell: 'const size = "large";\nconsole.log(size.toUpperCase());', prints: "LARGE" },
    { cell: "class Walker { constructor(public x: number) {} }\nconst w = new Walker(1);" },
    { cell: "class Walker { constructor(public x: number) {} twice() { return 2 * this.x; } }" },
    // The new class is used from now on; an instance made before belongs to the old one.
    { cell: "console.log(new Walker(3).twice(), w instanceof Walker);", prints: "6 false" },
    { cell: "enum Phase { Solid, Liquid }" },
    { cell: "enum Phase { Solid, Liquid, Gas }\nconsole.log(Phase.Gas, Phase[1]);", prints: "2 Liquid" },
  ],
};

for (const kernel of ["tslab", "deno"]) {
  describe(`learners changing cells, on ${kernel}`, () => {
    const groups = Object.keys(steps);
    const replies = new Map<string, CellReply[]>();
    before(() => {
      const all = runCells(kernel, groups.flatMap((group) => steps[group].map((s) => s.cell)));
      let next = 0;
      for (const group of groups) {
        replies.set(group, all.slice(next, next + steps[group].length));
        next += steps[group].length;
      }
    }, { timeout: 300_000 });

    for (const group of groups) {
      test(`${group}: every cell runs and prints what JavaScript prints`, () => {
        const got = replies.get(group)!;
        steps[group].forEach((step, i) => {
          const reply = got[i];
          assert.equal(reply.status, "ok", `${kernel}, ${group}, cell ${i} (${JSON.stringify(step.cell)}): ${reply.ename}: ${reply.evalue}\n${reply.stderr}`);
          assert.equal(reply.stderr, "", `${kernel}, ${group}, cell ${i} wrote to stderr`);
          if (step.prints !== undefined) assert.equal(reply.stdout.trim(), step.prints, `${kernel}, ${group}, cell ${i}: ${JSON.stringify(step.cell)}`);
        });
      });
    }
  });
}

test("tslab: after a cell fails, a name it defined is reported with what to do", () => {
  const [kept, failed, using, typo, fixed, after] = runCells("tslab", [
    "const kept = 1;",
    'const half = 0.5;\nthrow new Error("boom");',
    "console.log(half, kept);",
    "console.log(halff);",
    "const half = 0.5;",
    "console.log(half, kept);",
  ]);
  assert.equal(kept.status, "ok");
  assert.equal(failed.status, "error");
  assert.match(failed.stderr, /Error: boom/);
  // tslab keeps none of a failed cell's names; the compile error now says why and what to do.
  assert.equal(using.status, "error");
  assert.match(using.stderr, /Cannot find name 'half'\. \('half' is defined in a cell that stopped with an error, .*fix that cell and run it again\.\)/);
  // A plain typo gets no such hint.
  assert.equal(typo.status, "error");
  assert.match(typo.stderr, /Cannot find name 'halff'/);
  assert.doesNotMatch(typo.stderr, /stopped with an error/);
  assert.equal(fixed.status, "ok");
  assert.equal(after.status, "ok", after.stderr);
  assert.equal(after.stdout.trim(), "0.5 1");
});

test("deno: after a cell fails, the names it defined before the error stay (as in Python)", () => {
  const [failed, using] = runCells("deno", ['const half = 0.5;\nthrow new Error("boom");', "console.log(half);"]);
  assert.equal(failed.status, "error");
  assert.equal(failed.ename, "Error");
  assert.equal(failed.evalue, "boom");
  assert.equal(using.status, "ok");
  assert.equal(using.stdout.trim(), "0.5");
});
