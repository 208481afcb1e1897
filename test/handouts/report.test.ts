// What the handout command prints: progress lines, the failure message, the summary table; and
// the PDF page count it reports (no kernel, no browser).
import { test } from "node:test";
import assert from "node:assert/strict";
import { Writable } from "node:stream";
import { Progress, formatBytes, summaryLines } from "../../scripts/handouts/progress";
import type { NotebookReport } from "../../scripts/handouts/progress";
import { describeFailure } from "../../scripts/handouts/executeNotebook";
import { chromiumHelp, countPdfPages, printableWidth } from "../../scripts/handouts/pdf";

function sink(isTTY: boolean): { stream: Writable & { isTTY?: boolean; columns?: number }; text: () => string } {
  let text = "";
  const stream = new Writable({
    write(chunk, _encoding, done) {
      text += String(chunk);
      done();
    },
  }) as Writable & { isTTY?: boolean; columns?: number };
  stream.isTTY = isTTY;
  stream.columns = 60;
  return { stream, text: () => text };
}

test("in a log, each step is one line and cell-by-cell detail is left out", () => {
  const { stream, text } = sink(false);
  const p = new Progress(stream);
  p.step("[1/2]", "01-math-energy", "executing 12 code cells on tslab");
  p.detail("[1/2]", "01-math-energy", "executing cell 3/20");
  p.line("[1/2] 01-math-energy  done");
  assert.equal(text(), "[1/2] 01-math-energy  executing 12 code cells on tslab\n[1/2] 01-math-energy  done\n");
});

test("on a terminal, the progress line is redrawn in place and cut to the width", () => {
  const { stream, text } = sink(true);
  const p = new Progress(stream);
  p.step("[1/2]", "01-math-energy", "executing cell 3/20 (code cell 2/12) and a long tail that does not fit");
  p.line("done");
  assert.equal(text(), `\r\x1b[K${"[1/2] 01-math-energy  executing cell 3/20 (code cell 2/12) and a long tail".slice(0, 59)}\r\x1b[Kdone\n`);
});

test("sizes for people", () => {
  assert.deepEqual([formatBytes(512), formatBytes(84_000), formatBytes(5_242_880)], ["512 B", "82 KB", "5.0 MB"]);
});

test("a failure names the step, the cell (number, id, first line) and the message", () => {
  assert.equal(
    describeFailure({ event: "failed", step: "execute", cell: 3, cells: 4, cell_id: "993dac50", cell_line: 'energyFromFunction(42 as any);', message: "TypeError: boom" }),
    'execution stopped at cell 3 of 4 (id 993dac50), starting "energyFromFunction(42 as any);":\nTypeError: boom',
  );
  assert.equal(describeFailure({ event: "failed", step: "html (student)", cell: null, message: "nbconvert: KeyError" }), "html (student) failed: nbconvert: KeyError");
});

test("the summary: a row per notebook and version, totals, warnings, failures, and a closing line", () => {
  const ok: NotebookReport = {
    notebook: "01-math-energy",
    title: "Energy",
    ok: true,
    seconds: { execute: 4.25, html: 1.5, pdf: 3, total: 8.75 },
    figures: 3,
    declaredFigures: 3,
    formulas: 12,
    files: [
      { version: "teacher", kind: "html", path: "/o/teacher/01-math-energy.html", bytes: 5_000_000, plotly: "full" },
      { version: "student", kind: "html", path: "/o/student/01-math-energy.html", bytes: 1_500_000, plotly: "cartesian" },
      { version: "teacher", kind: "pdf", path: "/o/teacher/01-math-energy.pdf", bytes: 200_000, pages: 4 },
      { version: "student", kind: "pdf", path: "/o/student/01-math-energy.pdf", bytes: 150_000, pages: 3 },
    ],
    warnings: ["TeX error in the teacher page: Double exponent: use braces to clarify"],
    error: null,
  };
  const failed: NotebookReport = { ...ok, notebook: "02-math-gibbs", ok: false, files: [], warnings: [], error: "execution stopped at cell 2 of 5:\nTypeError: x", seconds: { execute: 3, html: 0, pdf: 0, total: 3.5 } };
  assert.deepEqual(summaryLines([ok, failed], "/o"), [
    "",
    "Handouts in /o:",
    "  notebook        version    html  plotly        pdf  pages  figures  math  execute  html+pdf  total",
    "  01-math-energy  teacher  4.8 MB  full       195 KB      4        3    12    4.3 s     4.5 s  8.8 s",
    "                  student  1.4 MB  cartesian  146 KB      3",
    "  02-math-gibbs   -             -  -               -      -        -     -    3.0 s         -  3.5 s",
    "  4 files, 6.5 MB, 12.3 s",
    "  warning: 01-math-energy: TeX error in the teacher page: Double exponent: use braces to clarify",
    "  FAILED 02-math-gibbs: execution stopped at cell 2 of 5:\n    TypeError: x",
    "handouts: 1 of 2 notebooks exported, 1 failed",
  ]);
});

test("PDF page count from the page objects; printable widths; the Chromium hint", () => {
  const pdf = Buffer.from("%PDF-1.4\n1 0 obj << /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>\n2 0 obj << /Type /Page >>\n3 0 obj <</Type/Page/Parent 1 0 R>>\n");
  assert.equal(countPdfPages(pdf), 2);
  // A4 210 mm = 8.27 in, Letter 8.5 in, less two 0.5 in margins, at 96 CSS px per inch
  assert.deepEqual([printableWidth("a4"), printableWidth("letter")], [697, 720]);
  assert.match(chromiumHelp("/usr/bin/chromium"), /was not found at \/usr\/bin\/chromium[\s\S]*sudo apt-get install chromium[\s\S]*--no-pdf/);
});
