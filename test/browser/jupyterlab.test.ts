// The course in real JupyterLab, driven through Debian's Chromium with playwright-core (issue 8).
//
// 1. Copies notebooks/ (read at run time, so the whole course is covered as it grows) plus this
//    test's slider fixture to a temporary folder, and starts JupyterLab from the project's venv
//    on 127.0.0.1, a free port, a random token, with every Jupyter folder private to the run.
// 2. For each notebook: open it in a fresh workspace, Run All, wait for the kernel to go idle;
//    assert every code cell ran, no error output and no stderr, and as many plots drawn by the
//    plotly renderer as the notebook declares (metadata.ebm.figures); save; screenshot.
// 3. Stops that server and starts a fresh one with a new, empty notebook-signature store, as a
//    learner on another machine would; opens each saved notebook WITHOUT running it and asserts
//    it is untrusted and every figure still shows (the plotly renderer first shows the PNG
//    snapshot saved in the output), screenshot; then points the mouse at each figure and asserts
//    the renderer draws every interactive plot from the saved JSON.
// 4. Drags the slider of the fixture's figure and asserts the plot changed: once right after
//    Run All (freshly drawn), once in the reopened notebook (drawn from the saved output).
// 5. The second kernel (issue 16): a copy of one course notebook whose metadata names the Deno
//    kernel (TypeScript (Deno)) goes through steps 2 and 3 like the others; each run asserts the
//    kernel JupyterLab started is the one the notebook's metadata names.
// Every process it starts is stopped in `after`, also when a step fails. Screenshots, the saved
// notebooks and the server logs go to a temporary artifacts folder whose path is printed.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { ensureChromium, launchChromium } from "./chromium";
import { copyCourse } from "./course";
import type { CourseNotebook } from "./course";
import { startLab, stopAllLabsNow, stopLab } from "./lab";
import type { LabServer } from "./lab";
import {
  dragSlider,
  figures,
  hoverSnapshots,
  openNotebook,
  problems,
  runAll,
  save,
  screenshot,
  settleFigures,
  sessionKernels,
  shutdownSessions,
  sliderFigure,
  waitForSnapshots,
} from "./notebook-page";
import type { FigureCounts, Problem } from "./notebook-page";

const projectRoot = path.resolve(__dirname, "../..");
const jupyterLab = path.join(projectRoot, ".venv/bin/jupyter-lab");
/** The test's own notebook with a slider figure, served beside the course under this name. */
const SLIDER_NOTEBOOK = "browser-test-slider.ipynb";
const sliderFixture = path.join(__dirname, "fixtures/slider.ipynb");
/** A course notebook run on the Deno kernel too: a copy whose metadata names that kernel. */
const DENO_SOURCE = "01-intuitive-energy.ipynb";
const DENO_NOTEBOOK = "browser-test-deno-01-intuitive-energy.ipynb";
/** The kernelspec set-up registers for Deno (scripts/setup.sh). */
const DENO_KERNELSPEC = { name: "deno", display_name: "TypeScript (Deno)", language: "typescript" };

const RUN_TIMEOUT_MS = 240_000; // one notebook's Run All (kernel start included)
const DRAW_TIMEOUT_MS = 30_000; // plots to appear after the run or after opening
const NOTEBOOK_TEST_MS = RUN_TIMEOUT_MS + DRAW_TIMEOUT_MS + 60_000;

/**
 * Course notebooks (names only; read at load time to name the tests) plus the fixtures.
 * EBM_BROWSER_NOTEBOOKS="a.ipynb,b.ipynb" runs only those (for working on one notebook; the
 * test command runs them all).
 */
const only = (process.env.EBM_BROWSER_NOTEBOOKS ?? "").split(",").filter((name) => name !== "");
const names = [
  ...fs
    .readdirSync(path.join(projectRoot, "notebooks"))
    .filter((name) => name.endsWith(".ipynb"))
    .sort(),
  DENO_NOTEBOOK,
  SLIDER_NOTEBOOK, // last: the slider test after Run All uses the page it leaves
].filter((name) => only.length === 0 || only.includes(name));
const sliderSkipped = !names.includes(SLIDER_NOTEBOOK) && `EBM_BROWSER_NOTEBOOKS leaves out ${SLIDER_NOTEBOOK}`;

/** The kernel a notebook's metadata names (what JupyterLab starts when it opens it). */
function metadataKernel(file: string): string {
  return JSON.parse(fs.readFileSync(file, "utf8")).metadata?.kernelspec?.name ?? "(none)";
}

/**
 * Writes a copy of a course notebook whose metadata names the Deno kernel; the cells are the
 * course's own, unchanged. Deno resolves `import ... from "ebm"` only as a dependency listed in
 * a package.json, so the served folder gets one (the project's own lists ebm as "file:.").
 */
function writeDenoCopy(target: string): void {
  const notebook = JSON.parse(fs.readFileSync(path.join(projectRoot, "notebooks", DENO_SOURCE), "utf8"));
  notebook.metadata.kernelspec = DENO_KERNELSPEC;
  notebook.metadata.language_info = { name: "typescript" };
  fs.writeFileSync(target, JSON.stringify(notebook, null, 1) + "\n");
}

let work = "";
let artifacts = "";
let servedDir = "";
let notebooks = new Map<string, CourseNotebook>();
let browser: Browser | undefined;
const labs: LabServer[] = [];
/** Per notebook: what each phase measured, printed as a table at the end. */
const report = new Map<string, { run?: string; reopen?: string }>();
/** Console errors of the current page, reset per notebook (shown when a figure is missing). */
let consoleErrors: string[] = [];

/** A notebook's name without .ipynb, for artifact file names. */
function stem(name: string): string {
  return name.replace(/\.ipynb$/, "");
}

function seconds(since: number): string {
  return `${((Date.now() - since) / 1000).toFixed(1)} s`;
}

function describeProblems(list: Problem[]): string {
  return list.map((p) => `cell ${p.cell} (${JSON.stringify(p.source)}) ${p.kind}:\n${p.text.trim().slice(0, 1500)}`).join("\n");
}

function figureMessage(name: string, expected: number, counts: FigureCounts, phase: string): string {
  return (
    `${name} (${phase}): JupyterLab shows ${counts.shown} plotly figure(s) (${counts.drawn} drawn, ${counts.snapshots} as PNG snapshots), ` +
    `the notebook declares ${expected}. Model: ${counts.plotlyOutputs} plotly output(s), ${counts.withPng} with a PNG snapshot; ` +
    `page: ${counts.renderers} plotly renderer(s), ${counts.elements} .js-plotly-plot element(s).` +
    (counts.renderErrors.length > 0 ? `\nRenderer errors shown in the notebook:\n  ${counts.renderErrors.slice(0, 8).join("\n  ")}` : "") +
    (consoleErrors.length > 0 ? `\nBrowser console errors:\n  ${consoleErrors.slice(-8).join("\n  ")}` : "")
  );
}

function record(name: string, phase: "run" | "reopen", line: string): void {
  const entry = report.get(name) ?? {};
  entry[phase] = line;
  report.set(name, entry);
  console.log(`# ${phase === "run" ? "run all" : "reopened"} ${name}: ${line}`);
}

/** A page that records console errors and uncaught exceptions into consoleErrors. */
async function newPage(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  // A "leave page?" prompt (unsaved figure snapshots) must not block the next notebook.
  page.on("dialog", (dialog) => void dialog.accept().catch(() => undefined));
  page.on("console", (message) => {
    if (message.type() === "error") consoleErrors.push(message.text().slice(0, 300));
  });
  page.on("pageerror", (error) => consoleErrors.push(`uncaught: ${error.message.slice(0, 300)}`));
  return page;
}

async function newContext(): Promise<BrowserContext> {
  assert.ok(browser, "Chromium is not running");
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript({ path: path.join(__dirname, "lab-probe.js") });
  return context;
}

async function startServer(label: string): Promise<LabServer> {
  const started = Date.now();
  const lab = await startLab({ jupyterLab, rootDir: servedDir, homeDir: path.join(work, label) });
  labs.push(lab);
  console.log(`# JupyterLab (${label}) up at ${lab.baseUrl} in ${seconds(started)} (its log goes to the artifacts as ${label}.log)`);
  return lab;
}

async function stopServer(lab: LabServer | undefined): Promise<void> {
  if (!lab) return;
  await stopLab(lab);
  fs.copyFileSync(lab.logFile, path.join(artifacts, `${path.basename(lab.homeDir)}.log`));
}

/** A JupyterLab server and a browser page on it, shared by the tests of one describe block. */
interface LabSession {
  lab?: LabServer;
  context?: BrowserContext;
  page?: Page;
}

/**
 * Starts a JupyterLab (home folder `label`, so its own notebook-signature store) and a browser
 * page before the tests of the enclosing describe block, and stops both after them, also when a
 * test fails. The tests read `lab` and `page` from the returned object once `before` has run.
 */
function labSession(label: string): LabSession {
  const session: LabSession = {};
  before(
    async () => {
      session.lab = await startServer(label);
      session.context = await newContext();
      session.page = await newPage(session.context);
    },
    { timeout: 180_000 },
  );
  after(
    async () => {
      if (session.context) await session.context.close().catch(() => undefined);
      await stopServer(session.lab);
    },
    { timeout: 60_000 },
  );
  return session;
}

/**
 * What a per-notebook test starts with: the session's server and page (started by its `before`)
 * and the copied notebook `name`, with the console-error list cleared for this test.
 */
function beginNotebookTest(session: LabSession, name: string) {
  const { lab, page } = session;
  assert.ok(lab && page, "JupyterLab or the browser did not start");
  const notebook = notebooks.get(name);
  assert.ok(notebook, `${name} was not copied`);
  consoleErrors = [];
  return { lab, page, notebook };
}

/**
 * Drags the slider of the first figure with one, in the notebook open on the page, to its other
 * end, and asserts that the plot changed: the figure keeps its size, the slider's active step
 * and label follow, other traces are visible and the drawn lines (SVG paths) differ.
 */
async function checkSlider(page: Page, label: string): Promise<void> {
  const before = await sliderFigure(page);
  assert.ok(before, `${SLIDER_NOTEBOOK} (${label}): no drawn figure with a slider (counts: ${JSON.stringify(await figures(page))})`);
  assert.ok(before.steps >= 2, `${label}: the slider has ${before.steps} step(s)`);
  assert.ok(before.height > 0, `${label}: the slider figure has zero height before the drag`);
  const target = before.active === before.steps - 1 ? 0 : before.steps - 1;
  await screenshot(page, path.join(artifacts, `slider-${label}-before.png`));
  const moved = await dragSlider(page, target);
  await page.screenshot({ path: path.join(artifacts, `slider-${label}-after.png`) });
  assert.ok(moved, `${label}: the slider figure disappeared after the drag`);
  console.log(
    `# slider of "${before.title}" (${label}): step ${before.active} -> ${moved.active} ("${before.currentValue}" -> "${moved.currentValue}"); ` +
      `visible traces ${JSON.stringify(before.visible)} -> ${JSON.stringify(moved.visible)}; figure ${before.width}x${before.height} -> ${moved.width}x${moved.height} px`,
  );
  assert.ok(
    moved.height > 0,
    `${label}: the figure collapsed to zero height when its slider moved (it was ${before.width}x${before.height} px; ` +
      `the slider reached step ${moved.active} of ${before.steps}, target ${target}); see slider-${label}-after.png`,
  );
  assert.equal(moved.active, target, `${label}: the slider stayed on step ${moved.active} after dragging it to step ${target}`);
  assert.notEqual(moved.currentValue, before.currentValue, `${label}: the slider's current-value label did not change`);
  assert.notDeepEqual(moved.visible, before.visible, `${label}: the slider moved but the same traces are visible`);
  assert.notDeepEqual(moved.paths, before.paths, `${label}: the slider moved but the drawn lines (SVG paths) did not change`);
}

/** Ctrl-C or a kill while running: stop the servers and their kernels now (Playwright closes Chromium). */
function onSignal(signal: NodeJS.Signals): void {
  stopAllLabsNow();
  if (work) fs.rmSync(work, { recursive: true, force: true });
  process.exit(signal === "SIGINT" ? 130 : 143);
}

describe("the course in JupyterLab (headless Chromium)", { concurrency: false }, () => {
  before(
    async () => {
      if (!fs.existsSync(jupyterLab)) throw new Error(`${jupyterLab} is missing: run 'npm run setup' first`);
      const chromiumPath = ensureChromium();
      process.once("SIGINT", onSignal);
      process.once("SIGTERM", onSignal);
      process.once("exit", stopAllLabsNow);
      work = fs.mkdtempSync(path.join(os.tmpdir(), "ebm-browser-"));
      artifacts = fs.mkdtempSync(path.join(os.tmpdir(), "ebm-browser-artifacts-"));
      console.log(`# artifacts (screenshots, saved notebooks, server logs): ${artifacts}`);
      servedDir = path.join(work, "notebooks");
      const denoCopy = path.join(work, DENO_NOTEBOOK);
      writeDenoCopy(denoCopy);
      notebooks = new Map(
        copyCourse(projectRoot, servedDir, { [SLIDER_NOTEBOOK]: sliderFixture, [DENO_NOTEBOOK]: denoCopy }).map((n) => [n.name, n]),
      );
      fs.writeFileSync(path.join(servedDir, "package.json"), JSON.stringify({ private: true, dependencies: { ebm: "*" } }) + "\n");
      browser = await launchChromium(chromiumPath, path.join(work, "chromium-home"));
    },
    { timeout: 900_000 }, // apt-get install chromium, when it is missing
  );

  after(
    async () => {
      // Stop everything this test started, whatever failed before.
      for (const lab of labs) {
        try {
          await stopServer(lab);
        } catch (error) {
          console.log(`# stopping ${lab.baseUrl} failed: ${String(error)}`);
        }
      }
      if (browser) await browser.close().catch(() => undefined);
      stopAllLabsNow();
      if (servedDir && fs.existsSync(servedDir)) {
        const saved = path.join(artifacts, "saved-notebooks");
        fs.mkdirSync(saved, { recursive: true });
        for (const name of names) {
          if (fs.existsSync(path.join(servedDir, name))) fs.copyFileSync(path.join(servedDir, name), path.join(saved, name));
        }
      }
      if (work) fs.rmSync(work, { recursive: true, force: true });
      if (report.size > 0) {
        console.log("# per notebook:");
        for (const [name, entry] of report) {
          console.log(`#   ${name}\n#     run all:  ${entry.run ?? "-"}\n#     reopened: ${entry.reopen ?? "-"}`);
        }
      }
      if (artifacts) console.log(`# artifacts: ${artifacts}`);
      process.off("SIGINT", onSignal);
      process.off("SIGTERM", onSignal);
      process.off("exit", stopAllLabsNow);
    },
    { timeout: 120_000 },
  );

  describe("Run All in a first JupyterLab, then save", { concurrency: false }, () => {
    const session = labSession("lab-run");

    for (const [index, name] of names.entries()) {
      test(`${name}: runs without errors and draws every declared figure`, { timeout: NOTEBOOK_TEST_MS }, async () => {
        const { lab, page, notebook } = beginNotebookTest(session, name);
        const started = Date.now();
        try {
          await openNotebook(page, lab, `run-${index}`, name, { waitForKernel: true });
          const opened = seconds(started);
          const runStarted = Date.now();
          const state = await runAll(page, RUN_TIMEOUT_MS);
          const ran = seconds(runStarted);
          const kernel = (await sessionKernels(lab))[name];
          assert.equal(kernel, metadataKernel(path.join(servedDir, name)), `${name}: JupyterLab ran it on the kernel ${kernel}`);

          const found = await problems(page);
          assert.deepEqual(found, [], `${name}: Run All produced error or stderr output:\n${describeProblems(found)}`);
          assert.equal(state.kernel, "idle", `${name}: the kernel is ${state.kernel} after Run All`);
          assert.equal(state.executed, state.codeCells, `${name}: only ${state.executed} of ${state.codeCells} code cells ran`);

          const drawStarted = Date.now();
          const counts = await settleFigures(page, notebook.expected, "drawn", DRAW_TIMEOUT_MS);
          const drawn = seconds(drawStarted);
          await screenshot(page, path.join(artifacts, `${stem(name)}.run.png`));
          assert.equal(counts.drawn, notebook.expected, figureMessage(name, notebook.expected, counts, "after Run All"));
          assert.equal(counts.plotlyOutputs, notebook.expected, figureMessage(name, notebook.expected, counts, "after Run All"));

          // The renderer writes an image/png snapshot into each output after drawing; saving
          // after that keeps a static image in the file too.
          const snapshots = await waitForSnapshots(page, 15_000);
          await save(page);
          record(
            name,
            "run",
            `${seconds(started)} (kernel ${kernel}; open ${opened}, run ${ran}, draw ${drawn}); ${state.codeCells} code cells; ` +
              `figures ${counts.drawn}/${notebook.expected} drawn ${JSON.stringify(notebook.declared)}; ${snapshots.withPng} PNG snapshots saved`,
          );
        } finally {
          await shutdownSessions(lab).catch(() => 0);
        }
      });
    }

    test(`${SLIDER_NOTEBOOK} after Run All: dragging its figure's slider changes the plot`, { timeout: 60_000, skip: sliderSkipped }, async () => {
      const { page } = session;
      assert.ok(page, "the browser did not start");
      // The last notebook run above is the fixture; its freshly drawn figure is still on the page.
      const opened = await page.evaluate("window.__ebmProbe.openedPath()");
      assert.equal(opened, SLIDER_NOTEBOOK, `the page shows ${String(opened)}, not the slider fixture (did its Run All fail?)`);
      consoleErrors = [];
      await checkSlider(page, "run");
    });
  });

  describe("reopened untrusted in a fresh JupyterLab, without running", { concurrency: false }, () => {
    // A new home folder: a new, empty notebook-signature store, so the saved notebooks are
    // untrusted, as on a learner's machine.
    const session = labSession("lab-reopen");

    for (const [index, name] of names.entries()) {
      test(`${name}: the saved figures still show, and draw when pointed at`, { timeout: 2 * DRAW_TIMEOUT_MS + 120_000 }, async () => {
        const { lab, page, notebook } = beginNotebookTest(session, name);
        const started = Date.now();
        try {
          await openNotebook(page, lab, `reopen-${index}`, name, { waitForKernel: false });
          // A saved output holds the figure's JSON and its PNG snapshot: the renderer shows the
          // snapshot first and draws the interactive plot when the mouse enters it.
          const shown = await settleFigures(page, notebook.expected, "shown", DRAW_TIMEOUT_MS);
          await screenshot(page, path.join(artifacts, `${stem(name)}.reopened.png`));
          assert.equal(
            shown.plotlyOutputs,
            notebook.expected,
            `${name}: the saved notebook holds ${shown.plotlyOutputs} plotly outputs, expected ${notebook.expected} (was it saved after Run All?)`,
          );
          if (shown.plotlyOutputs > 0) {
            assert.equal(shown.trustedCells, 0, `${name}: ${shown.trustedCells} cell(s) are trusted in the fresh JupyterLab: the signature store is not fresh`);
          }
          assert.equal(shown.shown, notebook.expected, figureMessage(name, notebook.expected, shown, "reopened, untrusted, before pointing at the figures"));

          const pointed = await hoverSnapshots(page);
          const drawn = await settleFigures(page, notebook.expected, "drawn", DRAW_TIMEOUT_MS);
          assert.equal(drawn.drawn, notebook.expected, figureMessage(name, notebook.expected, drawn, "reopened, untrusted, after pointing at each figure"));
          record(
            name,
            "reopen",
            `${seconds(started)}; ${notebook.expected} figures shown (${shown.snapshots} as PNG snapshots, ${shown.drawn} drawn); ` +
              `pointed at ${pointed}, then ${drawn.drawn}/${notebook.expected} drawn; ${shown.untrustedCells} untrusted cells with outputs`,
          );
        } finally {
          await shutdownSessions(lab).catch(() => 0);
        }
      });
    }

    test(`${SLIDER_NOTEBOOK} reopened: pointing at its figure, then dragging the slider, changes the plot`, { timeout: DRAW_TIMEOUT_MS + 120_000, skip: sliderSkipped }, async () => {
      const { lab, page } = session;
      assert.ok(lab && page, "JupyterLab or the browser did not start");
      consoleErrors = [];
      try {
        await openNotebook(page, lab, "slider", SLIDER_NOTEBOOK, { waitForKernel: false });
        await settleFigures(page, 1, "shown", DRAW_TIMEOUT_MS);
        await hoverSnapshots(page);
        await settleFigures(page, 1, "drawn", DRAW_TIMEOUT_MS);
        await checkSlider(page, "reopened");
      } finally {
        await shutdownSessions(lab).catch(() => 0);
      }
    });
  });
});
