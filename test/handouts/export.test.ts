// The handout command end to end: `npm run handouts` on the fixture notebooks (two that work,
// one that fails), then every page opened in headless Chromium with the network cut off, and
// every PDF read back with PDFium (pages, text, pixels).
//
// The fixtures (test/handouts/fixtures/) show figures with `show` from "ebm": a landscape from
// the library, a bar chart inside an answer cell, an animation with frames and a slider, and a
// WebGL surface (so 01-intuitive-fixture gets the cartesian plotly.js bundle, 01-math-fixture
// the full one); they hold inline and displayed math, answers (a tagged markdown cell, a tagged
// code cell, a <details class="answer"> block) and a hint that is not an answer.
// Needs: the built library (dist/), the venv with the tslab kernel, Chromium at /usr/bin/chromium.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium } from "playwright-core";
import type { Browser } from "playwright-core";
import { CHROMIUM_ARGS } from "../../scripts/chromiumFlags";
import { countPdfPages, printPdf } from "../../scripts/handouts/pdf";
import { CARTESIAN_TRACES, loadPlotlyBundles } from "../../scripts/handouts/plotlyBundle";
import type { PlotlyBundleName } from "../../scripts/handouts/plotlyBundle";
import { openOffline } from "./openOffline";
import type { OfflinePage } from "./openOffline";
import { plotlyState } from "./plotlyState";

const root = path.resolve(__dirname, "../..");
const fixtures = path.join(__dirname, "fixtures");
const python = path.join(root, ".venv/bin/python");
const { bundles } = loadPlotlyBundles(path.join(root, "node_modules"));
const BUNDLE_JS: Record<PlotlyBundleName, string> = { full: bundles.full.js, cartesian: bundles.cartesian?.js ?? "(plotly.js-cartesian-dist-min is not installed)" };
// The second line of each bundle is its own licence header, once per copy:
// "* plotly.js v3.7.0" (full) and "* plotly.js (cartesian - minified) v3.7.0".
const HEADER: Record<PlotlyBundleName, string> = { full: BUNDLE_JS.full.split("\n")[1], cartesian: BUNDLE_JS.cartesian.split("\n")[1] };
// In both bundles' licence header, once per copy of plotly.js whichever the bundle.
const PLOTLY_COPYRIGHT = /Copyright 2012-\d{4}, Plotly, Inc\./g;
const GOOD = ["01-intuitive-fixture", "01-math-fixture"] as const;
// The bundle each fixture needs: 01-math-fixture shows a surface (3D, outside the cartesian
// bundle); 01-intuitive-fixture shows scatter and bar traces only, in both versions.
const BUNDLE: Record<(typeof GOOD)[number], PlotlyBundleName> = { "01-intuitive-fixture": "cartesian", "01-math-fixture": "full" };
const VERSIONS = ["teacher", "student"] as const;

interface Cell {
  cell_type: string;
  source: string | string[];
  metadata: { tags?: string[] };
}
interface NotebookFile {
  cells: Cell[];
  metadata: { ebm?: { figures?: Record<string, number> } };
}
const text = (cell: Cell): string => (Array.isArray(cell.source) ? cell.source.join("") : cell.source);
const isAnswer = (cell: Cell): boolean => (cell.metadata.tags ?? []).includes("answer");
const readNotebook = (name: string): NotebookFile => JSON.parse(fs.readFileSync(path.join(fixtures, `${name}.ipynb`), "utf8")) as NotebookFile;

/** The figures a version must draw: what the notebook declares, less those shown by answer cells in the student version. */
function expectedFigures(name: string, version: "teacher" | "student"): number {
  const nb = readNotebook(name);
  const declared = Object.values(nb.metadata.ebm?.figures ?? {}).reduce((a, b) => a + b, 0);
  if (version === "teacher") return declared;
  const inAnswers = nb.cells.filter((c) => c.cell_type === "code" && isAnswer(c)).reduce((n, c) => n + (text(c).match(/\bshow\(/g) ?? []).length, 0);
  return declared - inAnswers;
}

/** The last line of each code cell that shows a figure in this version: it prints on the figure's page (the code stays with its output). */
function figureCellEndings(name: string, version: "teacher" | "student"): string[] {
  return readNotebook(name)
    .cells.filter((c) => c.cell_type === "code" && /\bshow\(/.test(text(c)) && (version === "teacher" || !isAnswer(c)))
    .map((c) => text(c).trim().split("\n").pop() as string);
}

interface PdfPage {
  width: number;
  height: number;
  text: string;
  ink: number;
  colour: number;
}
interface Band {
  text: string;
  page: number | null;
  ink: number;
  colour: number;
}
/** Pages of a PDF (saved as PNGs in pngDir), and the band under each `below` text (pdf_pages.py). */
function readPdf(file: string, pngDir: string, below: readonly string[] = []): { pages: PdfPage[]; below: Band[] } {
  const args = [path.join(__dirname, "pdf_pages.py"), file, "--png", pngDir, ...below.flatMap((b) => ["--below", b])];
  const run = spawnSync(python, args, { encoding: "utf8", timeout: 60_000 });
  assert.equal(run.status, 0, run.stderr);
  return JSON.parse(run.stdout) as { pages: PdfPage[]; below: Band[] };
}

let out: string;
let run: { status: number | null; stdout: string; stderr: string };
let browser: Browser;

before(async () => {
  out = fs.mkdtempSync(path.join(os.tmpdir(), "ebm-handouts-test-"));
  const result = spawnSync(process.execPath, ["--import", "tsx", path.join(root, "scripts/handouts/handouts.ts"), "--from", fixtures, "--out", out, "--paper", "a4"], {
    cwd: root,
    encoding: "utf8",
    timeout: 240_000,
  });
  run = { status: result.status, stdout: result.stdout, stderr: result.stderr };
  browser = await chromium.launch({ executablePath: "/usr/bin/chromium", headless: true, args: CHROMIUM_ARGS });
});

after(async () => {
  await browser?.close();
  if (out) fs.rmSync(out, { recursive: true, force: true });
});

test("the command exports the working notebooks, names the failing cell of the broken one, and exits 1", () => {
  const output = run.stdout + run.stderr;
  assert.equal(run.status, 1, output);
  // progress: which notebook, which step
  assert.match(output, /\[1\/3\] 01-intuitive-fixture {2}executing 2 code cells on tslab/);
  assert.match(output, /\[2\/3\] 01-math-fixture {2}teacher PDF \(a4\): waiting for 2 figures to draw in Chromium/);
  // the failing notebook: the cell, its first line, the library's message; the others still exported
  assert.match(output, /FAILED 02-intuitive-broken: execution stopped at cell 3 of 4 \(id [0-9a-f-]+\), starting "import \{ energyFromFunction \} from \\"ebm\\";":\n\s+TypeError: energyFromFunction: value must be a function, got 42/);
  assert.match(output, /handouts: 2 of 3 notebooks exported, 1 failed/);
  assert.equal(fs.existsSync(path.join(out, "teacher/02-intuitive-broken.html")), false);
  // the summary table: one row per notebook and version, with sizes and the plotly.js bundle
  assert.match(output, /01-intuitive-fixture {2}teacher +1\.\d MB +cartesian +\d+ KB +\d+ +2 /);
  assert.match(output, /01-math-fixture {7}teacher +[45]\.\d MB +full +[\d.]+ [KM]B +\d+ +2 /);
  assert.match(output, /8 files, \d+\.\d MB/);
  for (const name of GOOD) for (const version of VERSIONS) for (const ext of ["html", "pdf"]) assert.ok(fs.existsSync(path.join(out, version, `${name}.${ext}`)), `${version}/${name}.${ext}`);
});

/** Opens a handout offline (see openOffline.ts) at the width of a laptop window. */
function openHandout(file: string): Promise<OfflinePage> {
  return openOffline(browser, file, 1100);
}

for (const name of GOOD) {
  for (const version of VERSIONS) {
    const bundle = BUNDLE[name];
    const other: PlotlyBundleName = bundle === "full" ? "cartesian" : "full";
    test(`${version}/${name}.html works offline: every figure drawn once, the ${bundle} plotly.js inlined once, math as SVG, no console error`, async () => {
      const file = path.join(out, version, `${name}.html`);
      const html = fs.readFileSync(file, "utf8");
      // (assert.ok, not assert.match: a failing match would print the whole page)
      assert.equal((html.match(PLOTLY_COPYRIGHT) ?? []).length, 1, "plotly.js appears exactly once");
      assert.equal(html.split(HEADER[bundle]).length - 1, 1, `the ${bundle} bundle's header, once`);
      assert.equal(html.split(HEADER[other]).length - 1, 0, `no ${other} bundle`);
      assert.equal(html.split(BUNDLE_JS[bundle]).length - 1, 1, `the whole of the ${bundle} bundle is inlined, once`);
      const summary = JSON.parse(fs.readFileSync(path.join(out, "summary.json"), "utf8")) as { notebooks: { notebook: string; files: { path: string; plotly?: string }[] }[] };
      assert.equal(summary.notebooks.find((n) => n.notebook === name)?.files.find((f) => f.path === `${version}/${name}.html`)?.plotly, bundle, "the bundle in summary.json");
      const rest = html.replace(BUNDLE_JS[bundle], ""); // plotly.js names map-tile servers it never calls for these figures
      assert.ok(!/<script[^>]*\bsrc\s*=\s*["']?(https?:)?\/\//i.test(rest), "no script from the network");
      assert.ok(!/cdn\.jsdelivr|cdnjs\.cloudflare|unpkg\.com|require(\.min)?\.js|MathJax\.js|tex-(chtml|svg)/i.test(rest), "no CDN left by the nbconvert template");
      const { page, errors, requests, close } = await openHandout(file);
      try {
        const state = await page.evaluate(() => ({
          drawn: Array.from(document.querySelectorAll(".js-plotly-plot")).filter((gd) => gd.querySelector("svg.main-svg")).length,
          networkScripts: Array.from(document.scripts).filter((s) => s.src !== "").length,
          math: document.querySelectorAll("mjx-container > svg").length,
          markdown: Array.from(document.querySelectorAll(".jp-MarkdownCell")).map((c) => (c as HTMLElement).innerText).join("\n"),
        }));
        assert.equal(state.drawn, expectedFigures(name, version), "drawn plots = figures in the notebook");
        const plotly = await plotlyState(page);
        if (bundle === "cartesian") assert.deepEqual(plotly.registered, [...CARTESIAN_TRACES], "the page runs the cartesian bundle");
        else assert.ok(plotly.registered?.includes("surface") && plotly.registered.length > CARTESIAN_TRACES.length, "the page runs the full bundle");
        for (const plot of plotly.plots) assert.deepEqual(plot.drawnTypes, plot.types, `${plot.title}: every trace drawn as its type`);
        assert.deepEqual(errors, [], "console errors");
        assert.deepEqual(requests, [], "requests to anything but the page itself");
        assert.equal(state.networkScripts, 0);
        assert.ok(state.math >= 3, `math rendered to SVG (${state.math} formulas)`);
        assert.doesNotMatch(state.markdown, /\$\S[^$]*\$|\\begin\{align\}|\\frac/, "no raw TeX left in the markdown");
      } finally {
        await close();
      }
    });
  }
}

test("figures stay interactive offline: hover labels on the bars, frames and slider on the animation", async () => {
  const landscape = await openHandout(path.join(out, "teacher/01-intuitive-fixture.html"));
  try {
    // the bar chart (second figure): over the right-hand bar, which reaches 0.8
    const plotArea = landscape.page.locator(".js-plotly-plot .nsewdrag").nth(1);
    await plotArea.scrollIntoViewIfNeeded();
    const box = await plotArea.boundingBox();
    assert.ok(box);
    await landscape.page.mouse.move(box.x + box.width * 0.75, box.y + box.height * 0.7, { steps: 5 });
    await landscape.page.waitForSelector(".hoverlayer .hovertext", { timeout: 5000 });
  } finally {
    await landscape.close();
  }
  const animation = await openHandout(path.join(out, "teacher/01-math-fixture.html"));
  try {
    const frames = await animation.page.evaluate(async () => {
      type Gd = HTMLElement & { _transitionData: { _frames: unknown[] }; data: { x: number[] }[] };
      const gd = document.querySelectorAll<Gd>(".js-plotly-plot")[0];
      const Plotly = (window as unknown as { Plotly: { animate(gd: HTMLElement, f: string[], o: object): Promise<void> } }).Plotly;
      await Plotly.animate(gd, ["step 5"], { frame: { duration: 0, redraw: false }, transition: { duration: 0 }, mode: "immediate" });
      return { count: gd._transitionData._frames.length, ball: gd.data[1].x[0], slider: gd.querySelectorAll(".slider-container").length };
    });
    // the fixture's six frames; its last step puts the ball at x = 1.01
    assert.deepEqual(frames, { count: 6, ball: 1.01, slider: 1 });
    assert.deepEqual(animation.errors, []);
  } finally {
    await animation.close();
  }
});

test("the student version leaves out the answers, the teacher version keeps them", () => {
  for (const name of GOOD) {
    const teacher = fs.readFileSync(path.join(out, "teacher", `${name}.html`), "utf8");
    const student = fs.readFileSync(path.join(out, "student", `${name}.html`), "utf8");
    const answers = readNotebook(name)
      .cells.flatMap((c) => text(c).match(/ANSWER-[A-Z]+-[A-Z]+/g) ?? [])
      .filter((v, i, all) => all.indexOf(v) === i);
    assert.ok(answers.length >= 1);
    for (const marker of answers) {
      assert.ok(teacher.includes(marker), `teacher ${name} has ${marker}`);
      assert.ok(!student.includes(marker), `student ${name} lacks ${marker}`);
    }
    assert.match(student, /The answer is left out of the student handout/);
  }
  // a <details> that is not an answer (a hint) stays in both
  assert.ok(fs.readFileSync(path.join(out, "student/01-intuitive-fixture.html"), "utf8").includes("HINT-TEXT-ALPHA"));
  // links between notebooks lead to the other handout
  assert.ok(fs.readFileSync(path.join(out, "teacher/01-intuitive-fixture.html"), "utf8").includes('href="01-math-fixture.html#The-Gibbs-density"'));
});

for (const name of GOOD) {
  for (const version of VERSIONS) {
    test(`${version}/${name}.pdf: A4 pages, none blank, every figure page drawn (PDFium pixels)`, () => {
      const file = path.join(out, version, `${name}.pdf`);
      const endings = figureCellEndings(name, version);
      const { pages, below } = readPdf(file, path.join(out, "png", version), endings);
      const summary = JSON.parse(fs.readFileSync(path.join(out, "summary.json"), "utf8")) as { notebooks: { notebook: string; files: { path: string; pages?: number }[] }[] };
      const reported = summary.notebooks.find((n) => n.notebook === name)?.files.find((f) => f.path === `${version}/${name}.pdf`)?.pages;
      assert.ok(pages.length >= 1);
      assert.equal(pages.length, reported, "pages reported in the summary");
      assert.equal(pages.length, countPdfPages(fs.readFileSync(file)));
      for (const p of pages) {
        // A4 = 210 x 297 mm = 595.3 x 841.9 pt
        assert.ok(Math.abs(p.width - 595.3) < 1.5 && Math.abs(p.height - 841.9) < 1.5, `A4 page, got ${p.width} x ${p.height}`);
        assert.ok(p.ink > 0.003, `no blank page (ink ${p.ink})`);
      }
      // The band under each figure's code cell is the figure. Measured on these fixtures: drawn
      // figures put 0.6 % (the animation's thin line and one marker) to 15 % (bars) strongly
      // coloured pixels there; an undrawn figure leaves only its grey fallback paragraph (0 %),
      // and the WebGL surface printed without its snapshot came out white (0 %, ink 0.7 %).
      assert.equal(below.length, endings.length);
      for (const band of below) {
        assert.ok(band.page !== null, `a page shows the cell ending ${JSON.stringify(band.text)}`);
        assert.ok(band.colour > 0.002 && band.ink > 0.01, `the figure under ${JSON.stringify(band.text)} is drawn (page ${band.page}: coloured ${band.colour.toFixed(4)}, ink ${band.ink.toFixed(4)})`);
      }
      const all = pages.map((p) => p.text).join(" ");
      if (version === "teacher") assert.match(all, /ANSWER-/);
      else assert.doesNotMatch(all, /ANSWER-/);
    });
  }
}

test("the teacher PDF opens <details> answers; Letter paper prints at 8.5 x 11 in", async () => {
  const teacher = readPdf(path.join(out, "teacher/01-intuitive-fixture.pdf"), path.join(out, "png", "teacher"));
  assert.match(teacher.pages.map((p) => p.text).join(" "), /ANSWER-DETAILS-ALPHA/);
  const letter = path.join(out, "letter.pdf");
  const printed = await printPdf(browser, path.join(out, "student/01-math-fixture.html"), letter, { paper: "letter", figures: expectedFigures("01-math-fixture", "student"), title: "letter" });
  assert.deepEqual({ blocked: printed.blocked, errors: printed.consoleErrors }, { blocked: [], errors: [] });
  assert.equal(printed.snapshots, 1, "the WebGL surface printed as a snapshot");
  const { pages, below } = readPdf(letter, path.join(out, "png", "letter"), ["show(surface);"]);
  assert.equal(pages.length, printed.pages);
  for (const p of pages) assert.deepEqual([p.width, p.height], [612, 792]);
  assert.ok(below[0].colour > 0.002, `the surface snapshot is on the Letter page (coloured ${below[0].colour})`);
});
