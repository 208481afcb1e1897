// The course's length promise, measured on paper: every notebook of notebooks/ exported as the
// student handout (A4, answers left out) by the project's own handout command, then each PDF's
// pages counted. Limits (issue 13, stated on the start page): an intuitive notebook at most 4
// pages, a math notebook at most 6, the start page at most 3; a workbook (issue 14, a worksheet
// with stubs and no outputs) at most 4.
// Needs: the built library (dist/), the venv with the tslab kernel, Chromium at /usr/bin/chromium.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { countPdfPages } from "../../scripts/handouts/pdf";

const root = path.resolve(__dirname, "../..");
const notebooks = fs.readdirSync(path.join(root, "notebooks")).filter((f) => f.endsWith(".ipynb")).map((f) => f.replace(/\.ipynb$/, ""));

/** The most A4 pages a student handout may take, by notebook name; undefined: no limit. */
function pageLimit(name: string): number | undefined {
  if (name === "00-start-here") return 3;
  if (/^\d\d-intuitive-/.test(name)) return 4;
  if (/^\d\d-math-/.test(name)) return 6;
  // A workbook's student handout is a worksheet: stubs to fill in, no outputs (not executed).
  if (/^\d\d-workbook-/.test(name)) return 4;
  return undefined;
}

let out: string;
let run: { status: number | null; output: string };

before(() => {
  out = fs.mkdtempSync(path.join(os.tmpdir(), "ebm-handout-lengths-"));
  const script = path.join(root, "scripts/handouts/handouts.ts");
  const args = ["--import", "tsx", script, "--student", "--paper", "a4", "--out", out];
  const result = spawnSync(process.execPath, args, { cwd: root, encoding: "utf8", timeout: 900_000 });
  run = { status: result.status, output: `${result.stdout}\n${result.stderr}` };
});

after(() => {
  if (out) fs.rmSync(out, { recursive: true, force: true });
});

test("every notebook exports as a student handout", () => {
  assert.equal(run.status, 0, run.output);
  for (const name of notebooks) assert.ok(fs.existsSync(path.join(out, "student", `${name}.pdf`)), `no PDF for ${name}\n${run.output}`);
});

test("each student handout fits its page limit (intuitive 4, math 6, start page 3, workbook 4)", () => {
  const pages = notebooks.map((name) => {
    const file = path.join(out, "student", `${name}.pdf`);
    return { name, pages: fs.existsSync(file) ? countPdfPages(fs.readFileSync(file)) : NaN, limit: pageLimit(name) };
  });
  const table = pages.map((p) => `${p.name}: ${p.pages} pages (limit ${p.limit ?? "none"})`).join("\n");
  console.log(table);
  const over = pages.filter((p) => p.limit !== undefined && !(p.pages <= p.limit));
  assert.deepEqual(over.map((p) => p.name), [], `over the limit:\n${table}`);
  assert.ok(pages.filter((p) => p.limit !== undefined).length >= 13, `too few notebooks measured:\n${table}`);
});
