// The student version: which answers export_notebook.py leaves out (Python, no kernel).
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import path from "node:path";

const root = path.resolve(__dirname, "../..");
const python = path.join(root, ".venv/bin/python");

/** Runs a Python snippet with export_notebook importable; returns its JSON output. */
function py(code: string, input: unknown): unknown {
  const program = [
    "import json, sys",
    `sys.path.insert(0, ${JSON.stringify(path.join(root, "scripts/handouts"))})`,
    "import nbformat",
    "from export_notebook import strip_answer_details, strip_answers, count_figures, notebook_title, condense",
    "data = json.load(sys.stdin)",
    code,
  ].join("\n");
  const run = spawnSync(python, ["-c", program], { input: JSON.stringify(input), encoding: "utf8", timeout: 30_000 });
  assert.equal(run.status, 0, run.stderr);
  return JSON.parse(run.stdout);
}

const NOTE = '<p class="ebm-answer-left-out">(The answer is left out of the student handout.)</p>';

test("<details class=\"answer\"> blocks go, nested details with them; other details stay", () => {
  const source = [
    "Before.",
    '<details class="hint answer"><summary>Answer</summary>A1 <details><summary>more</summary>A2</details> A3</details>',
    "Between.",
    "<details><summary>Hint</summary>H1</details>",
    "<DETAILS data-answer><summary>Answer</summary>A4</DETAILS>",
    "After.",
  ].join("\n");
  const [text, removed] = py("print(json.dumps(strip_answer_details(data)))", source) as [string, number];
  assert.equal(removed, 2);
  for (const gone of ["A1", "A2", "A3", "A4"]) assert.ok(!text.includes(gone), gone);
  for (const kept of ["Before.", "Between.", "<details><summary>Hint</summary>H1</details>", "After."]) assert.ok(text.includes(kept), kept);
  assert.equal(text.split(NOTE).length - 1, 2);
  // "answers" or "unanswered" is not the class "answer"
  const [untouched, none] = py("print(json.dumps(strip_answer_details(data)))", '<details class="unanswered">Q</details>') as [string, number];
  assert.deepEqual([untouched, none], ['<details class="unanswered">Q</details>', 0]);
});

test("cells tagged answer go (a run of them leaves one note); the input notebook is not changed", () => {
  const nb = {
    nbformat: 4,
    nbformat_minor: 5,
    metadata: {},
    cells: [
      { cell_type: "markdown", id: "a", metadata: {}, source: "# Title" },
      { cell_type: "code", id: "b", metadata: { tags: ["answer"] }, source: "show(f)", outputs: [{ output_type: "display_data", data: { "application/vnd.plotly.v1+json": {}, "text/html": "<div></div>" }, metadata: {} }], execution_count: 1 },
      { cell_type: "markdown", id: "c", metadata: { tags: ["answer", "other"] }, source: "The answer." },
      { cell_type: "code", id: "d", metadata: {}, source: "show(g)", outputs: [{ output_type: "display_data", data: { "application/vnd.plotly.v1+json": {} }, metadata: {} }], execution_count: 2 },
      { cell_type: "markdown", id: "e", metadata: { tags: ["answer"] }, source: "Another answer." },
    ],
  };
  const result = py(
    [
      "nb = nbformat.from_dict(data)",
      "student, cells, blocks = strip_answers(nb)",
      "print(json.dumps({'ids': [c.get('id', 'note') if not c.metadata.get('ebm_left_out') else 'note' for c in student.cells], 'cells': cells, 'blocks': blocks,",
      "  'teacher_figures': count_figures(nb), 'student_figures': count_figures(student), 'original': len(nb.cells), 'title': notebook_title(nb, 'x')}))",
    ].join("\n"),
    nb,
  );
  assert.deepEqual(result, {
    ids: ["a", "note", "d", "note"],
    cells: 3,
    blocks: 0,
    teacher_figures: [2, 1], // shown, and drawable (with text/html)
    student_figures: [1, 0],
    original: 5,
    title: "Title",
  });
});

test("a failing cell's stderr is condensed to the error's own line, or the compiler's first lines", () => {
  const runtime = "/work/main/dist/validate.js:109\n  throw new TypeError(x);\n  ^\n\nTypeError: energyFromFunction: value must be a function, got 42\n    at checkFunction (/x.js:1:1)\n";
  const compile = "1:7 - Type 'string' is not assignable to type 'number'.\n";
  assert.deepEqual(py("print(json.dumps([condense(s) for s in data]))", [runtime, compile]), [
    "TypeError: energyFromFunction: value must be a function, got 42",
    "1:7 - Type 'string' is not assignable to type 'number'.",
  ]);
});
