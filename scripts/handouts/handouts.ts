/**
 * `npm run handouts`: exports the course notebooks to offline handouts.
 *
 * For each chosen notebook, one after the other:
 *   1. execute: export_notebook.py runs it afresh on a tslab kernel in a temporary folder
 *      (stored outputs are ignored; notebooks/ is never written to) and renders the teacher and
 *      student HTML with the ebm-handout nbconvert template;
 *   2. pages: math rendered to SVG, plotly.js inlined once (the cartesian bundle when it draws
 *      every figure of the page, else the full one: plotlyBundle.ts), links between notebooks
 *      pointed at the handouts (page.ts); written to OUT/teacher/NAME.html and OUT/student/NAME.html;
 *   3. PDF: each page printed by Chromium once every figure is drawn (pdf.ts).
 * A notebook that fails stops there (its handouts from an earlier run are removed, so no stale
 * copy is handed out); the others go on; the exit code is 1 when any failed, 2 for a usage error.
 *
 * Workbooks (NN-workbook-TOPIC): the teacher page folds each solution into a closed "Solution"
 * block, the student page has the stubs; the student notebooks (OUT/student/NAME.ipynb) are
 * written too, or alone with --notebooks-only.
 *
 * Usage: npm run handouts -- [--notebook NAME] [--track intuitive|math] [--version teacher|student|both]
 *        [--paper a4|letter] [--out DIR] [--no-pdf] [--notebooks-only]   (npm run handouts -- --help for all)
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Browser } from "playwright-core";
import { describeFailure, prepareWorkdir, runExport } from "./executeNotebook";
import type { ExportEvent } from "./executeNotebook";
import { USAGE, UsageError, isWorkbook, listNotebooks, parseArguments, selectNotebooks, trackOf } from "./options";
import type { HandoutOptions, Version } from "./options";
import { finishPage, networkLoads } from "./page";
import { loadPlotlyBundles } from "./plotlyBundle";
import type { PlotlyBundles } from "./plotlyBundle";
import { chromiumHelp, launchChromium, printPdf } from "./pdf";
import { Progress, formatBytes, summaryLines } from "./progress";
import type { NotebookReport } from "./progress";

const ROOT = path.resolve(__dirname, "../..");
const PYTHON = path.join(ROOT, ".venv/bin/python");

/** Checks what the run needs before starting; throws with what to do. */
function checkSetup(): string[] {
  const warnings: string[] = [];
  if (!fs.existsSync(PYTHON)) throw new Error(`handouts: ${PYTHON} is missing: run \`npm run setup\` first (it makes the Python venv with nbclient and nbconvert).`);
  const built = path.join(ROOT, "dist/index.js");
  if (!fs.existsSync(built)) throw new Error("handouts: the library is not built (dist/index.js is missing), and the notebooks import it: run `npm run build` first.");
  const builtAt = fs.statSync(built).mtimeMs;
  const newer = (fs.readdirSync(path.join(ROOT, "src"), { recursive: true }) as string[])
    .filter((f) => f.endsWith(".ts"))
    .filter((f) => fs.statSync(path.join(ROOT, "src", f)).mtimeMs > builtAt);
  if (newer.length > 0) warnings.push(`dist/ is older than src/ (${newer.length} changed file${newer.length === 1 ? "" : "s"}, e.g. src/${newer[0]}): the notebooks run the old build; run \`npm run build\` for the new one.`);
  return warnings;
}

/** One student notebook written by workbook_versions.py. */
interface StudentNotebook {
  notebook: string;
  path: string;
  solutions: number;
}

/**
 * Writes the student notebooks of the chosen workbooks, OUT/student/NN-workbook-TOPIC.ipynb
 * (each solution replaced by the stub, no outputs), in one Python process: no kernel runs.
 */
function writeStudentNotebooks(workbooks: readonly string[], out: string): { written: StudentNotebook[]; errors: string[] } {
  if (workbooks.length === 0) return { written: [], errors: [] };
  const script = path.join(__dirname, "workbook_versions.py");
  const run = spawnSync(PYTHON, [script, "student", "--out", path.join(out, "student"), ...workbooks], { encoding: "utf8" });
  const written = run.stdout
    .split("\n")
    .filter((line) => line.startsWith("{"))
    .map((line) => JSON.parse(line) as StudentNotebook);
  const errors = run.status === 0 ? [] : [run.stderr.trim() || `workbook_versions.py exited with ${run.status}`];
  return { written, errors };
}

/** The files a notebook's handouts are written to. */
function outputPaths(out: string, name: string, version: Version): { html: string; pdf: string } {
  return { html: path.join(out, version, `${name}.html`), pdf: path.join(out, version, `${name}.pdf`) };
}

interface Shared {
  options: HandoutOptions;
  progress: Progress;
  plotly: PlotlyBundles;
  temp: string;
  browser: Promise<Browser> | null;
}

async function exportOne(notebookPath: string, position: string, shared: Shared): Promise<NotebookReport> {
  const { options, progress } = shared;
  const name = path.basename(notebookPath, ".ipynb");
  const started = Date.now();
  const report: NotebookReport = {
    notebook: name,
    title: name,
    ok: false,
    seconds: { execute: 0, html: 0, pdf: 0, total: 0 },
    figures: 0,
    declaredFigures: null,
    formulas: 0,
    files: [],
    warnings: [],
    error: null,
  };
  const finish = (error: string | null): NotebookReport => {
    report.error = error;
    report.ok = error === null;
    report.seconds.total = (Date.now() - started) / 1000;
    if (error !== null) {
      // No stale handout of this notebook from an earlier run may stay next to the new ones.
      const stale: string[] = [];
      for (const version of ["teacher", "student"] as const) {
        for (const file of Object.values(outputPaths(options.out, name, version))) {
          if (fs.existsSync(file) && !report.files.some((f) => f.path === file)) {
            fs.rmSync(file);
            stale.push(path.relative(options.out, file));
          }
        }
      }
      if (stale.length > 0) report.warnings.push(`removed the handouts of an earlier run (${stale.join(", ")}) so that no stale copy is handed out`);
      progress.line(`${position} ${name}  FAILED (${report.seconds.total.toFixed(1)} s)`);
    } else {
      const sizes = report.files.map((f) => `${f.version} ${f.kind} ${formatBytes(f.bytes)}`).join(", ");
      progress.line(`${position} ${name}  done in ${report.seconds.total.toFixed(1)} s: ${sizes}`);
    }
    return report;
  };

  // 1. Execute and render the HTML (Python).
  const workdir = path.join(shared.temp, "work", name);
  prepareWorkdir(workdir, path.dirname(notebookPath), ROOT);
  const raw: Partial<Record<Version, string>> = {};
  const args = [notebookPath, "--workdir", workdir, "--timeout", String(options.timeout)];
  for (const version of options.versions) {
    raw[version] = path.join(shared.temp, "raw", `${name}.${version}.html`);
    args.push(`--${version}`, raw[version] as string);
  }
  fs.mkdirSync(path.join(shared.temp, "raw"), { recursive: true });
  progress.step(position, name, "starting the tslab kernel");
  const htmlEvents: Extract<ExportEvent, { event: "html" }>[] = [];
  const outcome: { failure: Extract<ExportEvent, { event: "failed" }> | null } = { failure: null };
  const run = await runExport(PYTHON, args, (event) => {
    if (event.event === "start") {
      report.title = event.title;
      const declared = Object.values(event.declared);
      report.declaredFigures = declared.length > 0 ? declared.reduce((a, b) => a + b, 0) : null;
      progress.step(position, name, `executing ${event.codes} code cells on tslab`);
    } else if (event.event === "cell") {
      progress.detail(position, name, `executing cell ${event.cell}/${event.cells} (code cell ${event.code}/${event.codes})`);
    } else if (event.event === "executed") {
      report.seconds.execute = event.seconds;
      progress.step(position, name, `executed in ${event.seconds.toFixed(1)} s; rendering HTML (nbconvert)`);
    } else if (event.event === "html") {
      htmlEvents.push(event);
    } else if (event.event === "failed") {
      outcome.failure = event;
      if (event.step === "execute" && event.seconds !== undefined) report.seconds.execute = event.seconds;
    } else if (event.event === "done" && event.stderr_cells.length > 0) {
      report.warnings.push(`cells ${event.stderr_cells.join(", ")} wrote to stderr (shown in the handout)`);
    }
  });
  if (outcome.failure) return finish(describeFailure(outcome.failure));
  if (run.exitCode !== 0 || htmlEvents.length !== options.versions.length) {
    const tail = run.stderr.trim().split("\n").slice(-12).join("\n");
    return finish(`export_notebook.py stopped (exit code ${run.exitCode}) before writing every version:\n${tail}`);
  }
  report.seconds.html = htmlEvents.reduce((s, e) => s + e.seconds, 0);

  // 2. Finish the pages.
  const drawable: Partial<Record<Version, number>> = {};
  for (const event of htmlEvents) {
    const t = Date.now();
    progress.step(position, name, `${event.version} page: math to SVG, plotly.js inlined`);
    const page = finishPage(fs.readFileSync(event.path, "utf8"), shared.plotly);
    const loads = networkLoads(page.html);
    if (loads.length > 0) return finish(`the ${event.version} page would still load from the network: ${loads.join(", ")}`);
    const target = outputPaths(options.out, name, event.version).html;
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, page.html);
    report.files.push({ version: event.version, kind: "html", path: target, bytes: Buffer.byteLength(page.html), plotly: page.bundle, traceTypes: page.traceTypes });
    report.seconds.html += (Date.now() - t) / 1000;
    drawable[event.version] = event.drawable;
    if (event.version === "teacher" || options.versions.length === 1) {
      report.figures = event.figures;
      report.formulas = page.formulas;
    }
    if (event.figures !== event.drawable) {
      report.warnings.push(`${event.figures - event.drawable} figure(s) have no text/html rendering and are missing from the ${event.version} page (show them with show() from "ebm")`);
    }
    for (const e of page.mathErrors) report.warnings.push(`TeX error in the ${event.version} page: ${e}`);
    for (const r of page.removed) report.warnings.push(`removed a network reference from the ${event.version} page: ${r}`);
    if (page.bundle !== null && page.unknownTraces.length > 0) {
      report.warnings.push(`the ${event.version} page gets the full plotly.js bundle because its trace types are not all known: ${page.unknownTraces.join("; ")}`);
    }
  }
  const teacherEvent = htmlEvents.find((e) => e.version === "teacher");
  if (teacherEvent && report.declaredFigures !== null && teacherEvent.figures !== report.declaredFigures) {
    report.warnings.push(`shows ${teacherEvent.figures} figures but declares ${report.declaredFigures} in metadata.ebm.figures`);
  }
  const studentEvent = htmlEvents.find((e) => e.version === "student");
  if (studentEvent && trackOf(name) !== null && studentEvent.answer_cells_removed + studentEvent.answer_blocks_removed === 0) {
    report.warnings.push('no answer to leave out of the student version (no cell tagged "answer", no <details class="answer">)');
  }

  // 3. PDFs.
  if (options.pdf) {
    if (!shared.browser) shared.browser = launchChromium(options.chromium);
    let browser: Browser;
    try {
      browser = await shared.browser;
    } catch (error) {
      return finish((error as Error).message);
    }
    for (const version of options.versions) {
      const t = Date.now();
      const { html, pdf } = outputPaths(options.out, name, version);
      progress.step(position, name, `${version} PDF (${options.paper}): waiting for ${drawable[version]} figures to draw in Chromium`);
      try {
        const printed = await printPdf(browser, html, pdf, {
          paper: options.paper,
          figures: drawable[version] ?? 0,
          title: `${report.title}${version === "student" ? " (student)" : ""}`,
        });
        report.files.push({ version, kind: "pdf", path: pdf, bytes: fs.statSync(pdf).size, pages: printed.pages });
        if (printed.blocked.length > 0) return finish(`the ${version} page tried to load from the network: ${printed.blocked.join(", ")}`);
        if (printed.consoleErrors.length > 0) return finish(`the ${version} page logged errors in Chromium: ${printed.consoleErrors.join(" | ")}`);
      } catch (error) {
        return finish(`${version} PDF: ${(error as Error).message}`);
      } finally {
        report.seconds.pdf += (Date.now() - t) / 1000;
      }
    }
  }
  return finish(null);
}

async function main(argv: readonly string[]): Promise<number> {
  let options: HandoutOptions;
  let notebooks: string[];
  try {
    options = parseArguments(argv, ROOT, process.env);
    if (options.help) {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    }
    notebooks = selectNotebooks(options, listNotebooks(options.from));
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`${error.message}\n`);
      return 2;
    }
    throw error;
  }
  const progress = new Progress(process.stdout);
  if (options.notebooksOnly) {
    const workbooks = notebooks.filter((n) => isWorkbook(n));
    if (workbooks.length === 0) {
      process.stderr.write("handouts: --notebooks-only writes the workbooks' student notebooks, and none of the chosen notebooks is a workbook (NN-workbook-TOPIC.ipynb)\n");
      return 2;
    }
    if (!fs.existsSync(PYTHON)) {
      process.stderr.write(`handouts: ${PYTHON} is missing: run \`npm run setup\` first.\n`);
      return 1;
    }
    const { written, errors } = writeStudentNotebooks(workbooks, options.out);
    for (const w of written) progress.line(`${path.relative(process.cwd(), w.path)}: ${w.solutions} solutions replaced by throw new Error("not done yet")`);
    for (const e of errors) progress.line(`error: ${e}`);
    return errors.length === 0 ? 0 : 1;
  }
  let setupWarnings: string[];
  let plotly: PlotlyBundles;
  try {
    setupWarnings = checkSetup();
    const loaded = loadPlotlyBundles(path.join(ROOT, "node_modules"));
    plotly = loaded.bundles;
    setupWarnings.push(...loaded.warnings);
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    return 1;
  }
  if (options.pdf && !fs.existsSync(options.chromium)) {
    // Said before any notebook runs, rather than after minutes of execution.
    process.stderr.write(`handouts: ${chromiumHelp(options.chromium)}\n`);
    return 1;
  }
  for (const w of setupWarnings) progress.line(`warning: ${w}`);
  const versions = options.versions.join(" and ");
  progress.line(
    `handouts: ${notebooks.length} notebook${notebooks.length === 1 ? "" : "s"} from ${path.relative(process.cwd(), options.from) || "."}, ` +
      `${versions} version${options.versions.length === 1 ? "" : "s"}, ${options.pdf ? `HTML and PDF (${options.paper})` : "HTML only"}, into ${options.out}`,
  );
  const shared: Shared = {
    options,
    progress,
    plotly,
    temp: fs.mkdtempSync(path.join(os.tmpdir(), "ebm-handouts-")),
    browser: null,
  };
  const reports: NotebookReport[] = [];
  try {
    for (const [i, notebook] of notebooks.entries()) {
      reports.push(await exportOne(notebook, `[${i + 1}/${notebooks.length}]`, shared));
    }
  } finally {
    if (shared.browser) await shared.browser.then((b) => b.close()).catch(() => undefined);
    if (!process.env.EBM_KEEP_TEMP) fs.rmSync(shared.temp, { recursive: true, force: true });
  }
  fs.mkdirSync(options.out, { recursive: true });
  // The workbooks' student notebooks, to hand out with the pages (only those exported without error).
  const exportedWorkbooks = notebooks.filter((n, i) => isWorkbook(n) && reports[i].ok);
  const students = options.versions.includes("student") ? writeStudentNotebooks(exportedWorkbooks, options.out) : { written: [], errors: [] };
  for (const e of students.errors) progress.line(`error: student notebooks: ${e}`);
  const summary = {
    paper: options.paper,
    versions: options.versions,
    studentNotebooks: students.written.map((w) => ({ ...w, path: path.relative(options.out, w.path) })),
    notebooks: reports.map((r) => ({ ...r, files: r.files.map((f) => ({ ...f, path: path.relative(options.out, f.path) })) })),
  };
  fs.writeFileSync(path.join(options.out, "summary.json"), `${JSON.stringify(summary, null, 2)}\n`);
  for (const line of summaryLines(reports, options.out)) progress.line(line);
  if (students.written.length > 0) progress.line(`  student notebooks of the workbooks: ${students.written.map((w) => path.relative(options.out, w.path)).join(", ")}`);
  return reports.every((r) => r.ok) && students.errors.length === 0 ? 0 : 1;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`handouts: unexpected error: ${(error as Error).stack ?? String(error)}\n`);
    process.exitCode = 1;
  },
);
