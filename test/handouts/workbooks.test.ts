// The workbooks' handouts (issue 14): the student version has the stubs and no solution, the
// teacher version folds each solution into a closed "Solution" block, both as offline HTML and
// PDF; the student notebooks a teacher hands out (--notebooks-only) have the stubs and no
// outputs; and the stub is the same text in nbgrader_config.py, the export and the library.
// The full export runs on one workbook (01-workbook-energy, about a minute: its teacher version
// is executed on tslab); the student PDFs of every workbook are made by lengths.test.ts, and
// every workbook is executed three ways by test/workbooks/run_workbooks.py.
// Needs: the built library (dist/), the venv with the tslab kernel, Chromium at /usr/bin/chromium.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { countPdfPages } from "../../scripts/handouts/pdf";
import { STUB_LINE } from "../../src/workbook/check";

const root = path.resolve(__dirname, "../..");
const python = path.join(root, ".venv/bin/python");
const script = path.join(root, "scripts/handouts/handouts.ts");
const WORKBOOK = "01-workbook-energy";
const workbooks = fs.readdirSync(path.join(root, "notebooks")).filter((f) => /^\d\d-workbook-[a-z]+\.ipynb$/.test(f));

interface Cell {
  cell_type: string;
  source: string | string[];
  outputs?: unknown[];
}
const text = (cell: Cell) => (Array.isArray(cell.source) ? cell.source.join("") : cell.source);
const cellsOf = (file: string): Cell[] => (JSON.parse(fs.readFileSync(file, "utf8")) as { cells: Cell[] }).cells;

/**
 * The solution-only lines of a notebook: lines strictly between BEGIN and END SOLUTION (trimmed)
 * that occur nowhere outside the solution regions (a closing brace or a line repeated in a
 * drawing cell says nothing about a leak).
 */
function solutionLines(file: string): string[] {
  const inside: string[] = [];
  const outside = new Set<string>();
  for (const cell of cellsOf(file)) {
    let within = false;
    for (const line of text(cell).split("\n")) {
      if (line.includes("END SOLUTION")) within = false;
      else if (within) inside.push(line.trim());
      else outside.add(line.trim());
      if (line.includes("BEGIN SOLUTION")) within = true;
    }
  }
  return [...new Set(inside)].filter((line) => line.length >= 4 && ![...outside].some((o) => o.includes(line)));
}
/** How often the stub's text is quoted in a notebook's markdown (a workbook's instructions). */
const quoted = (file: string) => cellsOf(file).filter((c) => c.cell_type === "markdown").reduce((n, c) => n + text(c).split(STUB_LINE).length - 1, 0);
const regions = (file: string) => cellsOf(file).reduce((n, c) => n + (text(c).match(/BEGIN SOLUTION/g) ?? []).length, 0);

/** The visible text of an HTML page: scripts and styles dropped, tags removed, entities read. */
function pageText(html: string): string {
  return html
    .replace(/<script[\s\S]*?<\/script>/g, "")
    .replace(/<style[\s\S]*?<\/style>/g, "")
    .replace(/<[^>]+>/g, "")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

let out: string;
let exported: { status: number | null; output: string };
let handedOut: { status: number | null; output: string };

before(() => {
  out = fs.mkdtempSync(path.join(os.tmpdir(), "ebm-handout-workbooks-"));
  const full = spawnSync(process.execPath, ["--import", "tsx", script, "--notebook", WORKBOOK, "--out", path.join(out, "full")], { cwd: root, encoding: "utf8", timeout: 600_000 });
  exported = { status: full.status, output: `${full.stdout}\n${full.stderr}` };
  const only = spawnSync(process.execPath, ["--import", "tsx", script, "--notebooks-only", "--out", path.join(out, "only")], { cwd: root, encoding: "utf8", timeout: 120_000 });
  handedOut = { status: only.status, output: `${only.stdout}\n${only.stderr}` };
});

after(() => {
  if (out) fs.rmSync(out, { recursive: true, force: true });
});

test("the student page of a workbook has the stubs and none of the solutions", () => {
  assert.equal(exported.status, 0, exported.output);
  const page = pageText(fs.readFileSync(path.join(out, "full", "student", `${WORKBOOK}.html`), "utf8"));
  const source = path.join(root, "notebooks", `${WORKBOOK}.ipynb`);
  assert.equal(page.split(STUB_LINE).length - 1, regions(source) + quoted(source), "one stub per solution");
  assert.ok(solutionLines(source).length >= regions(source), "solution lines to look for");
  for (const line of solutionLines(source)) assert.ok(!page.includes(line), `the student page shows the solution line ${line}`);
  assert.ok(!page.includes("✓ passed:"), "the student page shows no verdict (no outputs)");
});

test("the teacher page folds each solution into a closed Solution block after the stub", () => {
  const html = fs.readFileSync(path.join(out, "full", "teacher", `${WORKBOOK}.html`), "utf8");
  const source = path.join(root, "notebooks", `${WORKBOOK}.ipynb`);
  const blocks = [...html.matchAll(/<details class="ebm-solution">([\s\S]*?)<\/details>/g)].map((m) => pageText(m[1]));
  assert.equal(blocks.length, regions(source));
  assert.doesNotMatch(html, /<details[^>]*\bopen\b/, "every solution block starts closed");
  for (const block of blocks) assert.match(block, /^\s*Solution/);
  const folded = blocks.join("\n");
  for (const line of solutionLines(source)) assert.ok(folded.includes(line), `the solution line ${line} is not in a Solution block`);
  const page = pageText(html);
  assert.equal(page.split("✓ passed:").length - 1, regions(source), "each check's verdict, from the executed solutions");
});

test("both PDFs of the workbook exist and have pages", () => {
  for (const version of ["teacher", "student"]) {
    const pages = countPdfPages(fs.readFileSync(path.join(out, "full", version, `${WORKBOOK}.pdf`)));
    assert.ok(pages >= 1 && pages <= 8, `${version}: ${pages} pages`);
  }
});

test("--notebooks-only writes every workbook's student notebook: stubs, no solutions, no outputs", () => {
  assert.equal(handedOut.status, 0, handedOut.output);
  assert.ok(workbooks.length >= 1);
  assert.deepEqual(fs.readdirSync(path.join(out, "only", "student")).sort(), [...workbooks].sort(), "only the workbooks' notebooks");
  for (const name of workbooks) {
    const source = path.join(root, "notebooks", name);
    const student = path.join(out, "only", "student", name);
    const cells = cellsOf(student);
    const all = cells.map(text).join("\n");
    const code = cells.filter((c) => c.cell_type === "code").map(text).join("\n");
    assert.equal(code.split(STUB_LINE).length - 1, regions(source), `${name}: one stub per solution`);
    assert.ok(!all.includes("BEGIN SOLUTION") && !all.includes("END SOLUTION"), `${name}: markers left`);
    assert.ok(solutionLines(source).length >= 1, `${name}: solution lines to look for`);
    for (const line of solutionLines(source)) assert.ok(!all.includes(line), `${name}: solution line ${line}`);
    assert.ok(cells.every((c) => (c.outputs ?? []).length === 0), `${name}: outputs left`);
  }
});

test("the stub is one line at the marker's indentation, as nbgrader's ClearSolutions makes it", () => {
  const program = [
    "import json, sys",
    `sys.path.insert(0, ${JSON.stringify(path.join(root, "scripts/handouts"))})`,
    "from workbook_versions import student_source, STUB",
    "src = 'function f(): number {\\n  const a = 1;\\n  // BEGIN SOLUTION\\n  return a;\\n  // END SOLUTION\\n}\\n'",
    "out = [student_source(src), STUB]",
    "for bad in ['  // BEGIN SOLUTION\\n', '  // END SOLUTION\\n']:",
    "    try:",
    "        student_source(bad); out.append('accepted')",
    "    except ValueError as e:",
    "        out.append(str(e))",
    "print(json.dumps(out))",
  ].join("\n");
  const run = spawnSync(python, ["-c", program], { encoding: "utf8", timeout: 30_000 });
  assert.equal(run.status, 0, run.stderr);
  const [[stubbed, replaced], stub, unclosed, unopened] = JSON.parse(run.stdout) as [[string, number], string, string, string];
  assert.equal(stubbed, `function f(): number {\n  const a = 1;\n  ${STUB_LINE}\n}\n`);
  assert.equal(replaced, 1);
  assert.equal(stub, STUB_LINE);
  assert.equal(unclosed, "a BEGIN SOLUTION region is never closed by END SOLUTION");
  assert.equal(unopened, "line 1: END SOLUTION without a BEGIN SOLUTION before it");
});

test("nbgrader_config.py stubs TypeScript solutions with the same line as the export and the library", () => {
  const config = fs.readFileSync(path.join(root, "nbgrader_config.py"), "utf8");
  const stub = /^c\.ClearSolutions\.code_stub\s*=\s*\{\s*"typescript"\s*:\s*'([^']*)'\s*\}\s*$/m.exec(config);
  assert.ok(stub, "nbgrader_config.py sets c.ClearSolutions.code_stub = {\"typescript\": '...'}");
  assert.equal(stub[1], STUB_LINE);
  assert.match(config, /^c\.ClearSolutions\.begin_solution_delimeter = "BEGIN SOLUTION"$/m);
  assert.match(config, /^c\.ClearSolutions\.end_solution_delimeter = "END SOLUTION"$/m);
  for (const name of workbooks) {
    const language = (JSON.parse(fs.readFileSync(path.join(root, "notebooks", name), "utf8")) as { metadata: { kernelspec: { language: string } } }).metadata.kernelspec.language;
    assert.equal(language, "typescript", `${name}: the stub is keyed by the kernel's language`);
  }
});
