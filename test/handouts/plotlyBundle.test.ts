// Choosing the plotly.js bundle of a handout page (scripts/handouts/plotlyBundle.ts): the
// cartesian bundle's trace list checked against the installed bundle in Chromium, the trace
// types read from figure JSON, the fallbacks to the full bundle, and pages of real course
// figures (from src/plot) drawn offline with the bundle they were given.
// Needs Chromium at /usr/bin/chromium; no kernel.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium } from "playwright-core";
import type { Browser } from "playwright-core";
import { CHROMIUM_ARGS } from "../../scripts/chromiumFlags";
import { printPdf } from "../../scripts/handouts/pdf";
import { HEAD_PLACEHOLDER, PLOTLY_PLACEHOLDER, finishPage } from "../../scripts/handouts/page";
import { CARTESIAN_TRACES, CARTESIAN_TRACES_VERSION, PLOTLY_PACKAGES, chooseBundle, loadPlotlyBundles, pageTraceTypes } from "../../scripts/handouts/plotlyBundle";
import type { PlotlyBundles } from "../../scripts/handouts/plotlyBundle";
import { energyFromFunction } from "../../src/energy/fromFunction";
import { landscapeContour, landscapeSurface } from "../../src/plot/landscape";
import { basinMapFigure } from "../../src/plot/basins";
import { descentAnimation } from "../../src/plot/descent";
import { figureBundle } from "../../src/plot/show";
import type { Figure } from "../../src/plot/figure";
import { openOffline } from "./openOffline";
import { plotlyState } from "./plotlyState";

const root = path.resolve(__dirname, "../..");
const nodeModules = path.join(root, "node_modules");
const installed = loadPlotlyBundles(nodeModules);

let browser: Browser;
let temp: string;
before(async () => {
  temp = fs.mkdtempSync(path.join(os.tmpdir(), "ebm-plotly-bundle-test-"));
  browser = await chromium.launch({ executablePath: "/usr/bin/chromium", headless: true, args: CHROMIUM_ARGS });
});
after(async () => {
  await browser?.close();
  if (temp) fs.rmSync(temp, { recursive: true, force: true });
});

/** The trace types a bundle registers, read in Chromium (a blank page, the bundle as its only script). */
async function registeredTraces(js: string): Promise<string[]> {
  const page = await browser.newPage();
  try {
    await page.setContent("<!DOCTYPE html><html><head></head><body></body></html>");
    await page.addScriptTag({ content: js });
    return await page.evaluate(() => Object.keys((window as unknown as { Plotly: { PlotSchema: { get(): { traces: object } } } }).Plotly.PlotSchema.get().traces).sort());
  } finally {
    await page.close();
  }
}

test("CARTESIAN_TRACES is what the installed cartesian bundle registers; the full bundle has those and the 3D ones", async () => {
  assert.deepEqual(installed.warnings, []);
  const { full, cartesian } = installed.bundles;
  assert.ok(cartesian, "plotly.js-cartesian-dist-min is installed");
  // the list is used only for the version it was read from, which is the full bundle's version
  assert.equal(cartesian.version, CARTESIAN_TRACES_VERSION);
  assert.equal(cartesian.version, full.version);
  assert.deepEqual(await registeredTraces(cartesian.js), [...CARTESIAN_TRACES]);
  const everything = await registeredTraces(full.js);
  for (const t of CARTESIAN_TRACES) assert.ok(everything.includes(t), `the full bundle draws ${t}`);
  for (const t of ["surface", "scatter3d", "mesh3d", "scattergl"]) {
    assert.ok(everything.includes(t), `the full bundle draws ${t}`);
    assert.ok(!CARTESIAN_TRACES.includes(t), `the cartesian bundle does not draw ${t}`);
  }
  // sizes as installed (plotly.js 3.7.0: 1.4 MB and 4.9 MB)
  assert.ok(cartesian.js.length < full.js.length / 3, `cartesian ${cartesian.js.length} B, full ${full.js.length} B`);
});

/** A figure's markup as show() writes it (JSON block, then the script that draws it). */
function figureBlock(figure: object): string {
  return `<script type="application/json" class="ebm-figure-json">${JSON.stringify(figure)}</script>\n<script>\nPlotly.newPlot(div, figure.data);\n</script>`;
}

test("trace types come from every figure's data and animation frames; a trace without a type is a scatter", () => {
  const html =
    figureBlock({ data: [{ type: "contour" }, { mode: "lines" }], layout: {} }) +
    "<p>Prose may name Plotly.newPlot: it draws nothing.</p>" +
    figureBlock({ data: [{ type: "bar" }], frames: [{ data: [{ y: [1] }] }, { data: [{ type: "surface" }] }, { name: "no data" }] });
  assert.deepEqual(pageTraceTypes(html), { figures: 2, types: ["bar", "contour", "scatter", "surface"], unknown: [] });
  // the surface is only in an animation frame, and still puts the full bundle in the page
  assert.equal(chooseBundle(pageTraceTypes(html), installed.bundles).name, "full");
  assert.equal(chooseBundle(pageTraceTypes(figureBlock({ data: [{ type: "heatmap" }, { type: "bar" }] })), installed.bundles).name, "cartesian");
  assert.deepEqual(pageTraceTypes("<p>no figure</p>"), { figures: 0, types: [], unknown: [] });
});

test("a page whose trace types are not all known gets the full bundle, and says why", () => {
  const cases: [string, string][] = [
    ['<script type="application/json" class="ebm-figure-json">{"data": [</script>\n<script>Plotly.newPlot(d)</script>', "a figure JSON block that does not parse"],
    [figureBlock({ data: [{ type: 42 }] }), "a trace type that is not a string in data: 42"],
    [figureBlock({ data: [{ type: "bar" }], frames: [{ data: [{ type: null }] }] }), "a trace type that is not a string in an animation frame: null"],
    [figureBlock({ layout: {} }), "a figure JSON block without a data array"],
    [figureBlock({ data: [], frames: {} }), "figure frames that are not an array"],
    [`${figureBlock({ data: [{ type: "bar" }] })}<script>var Plotly = window.Plotly; Plotly.newPlot(el, [{ type: "bar" }]);</script>`, "a script that draws with plotly without a figure JSON block"],
  ];
  for (const [html, why] of cases) {
    const traces = pageTraceTypes(html);
    assert.equal(traces.unknown.length, 1, html);
    assert.ok(traces.unknown[0].startsWith(why), `${traces.unknown[0]} starts with ${why}`);
    assert.equal(chooseBundle(traces, installed.bundles).name, "full");
  }
});

/** A fake node_modules with both packages at the given versions (null: not installed). */
function fakeNodeModules(dir: string, versions: { full: string | null; cartesian: string | null }): string {
  for (const name of ["full", "cartesian"] as const) {
    const version = versions[name];
    if (version === null) continue;
    const { package: pkg, file } = PLOTLY_PACKAGES[name];
    fs.mkdirSync(path.join(dir, pkg), { recursive: true });
    fs.writeFileSync(path.join(dir, pkg, "package.json"), JSON.stringify({ name: pkg, version }));
    fs.writeFileSync(path.join(dir, pkg, file), `/* ${name} ${version} */`);
  }
  return dir;
}

test("the cartesian bundle is left out, with a warning, when missing or of another version; the full one is required", () => {
  const v = CARTESIAN_TRACES_VERSION;
  const ok = loadPlotlyBundles(fakeNodeModules(path.join(temp, "ok"), { full: v, cartesian: v }));
  assert.deepEqual(ok.warnings, []);
  assert.deepEqual([ok.bundles.full.js, ok.bundles.cartesian?.js, ok.bundles.cartesian?.traces], [`/* full ${v} */`, `/* cartesian ${v} */`, CARTESIAN_TRACES]);
  assert.equal(ok.bundles.full.traces, null);

  const missing = loadPlotlyBundles(fakeNodeModules(path.join(temp, "missing"), { full: v, cartesian: null }));
  assert.equal(missing.bundles.cartesian, null);
  assert.deepEqual(missing.warnings, ["plotly.js-cartesian-dist-min is not installed (run `npm ci`): every page with a figure gets the full plotly.js bundle (4.9 MB instead of 1.4 MB)."]);

  const newer = loadPlotlyBundles(fakeNodeModules(path.join(temp, "newer"), { full: "99.0.0", cartesian: "99.0.0" }));
  assert.equal(newer.bundles.cartesian, null);
  assert.match(newer.warnings.join("\n"), new RegExp(`^plotly\\.js-cartesian-dist-min is 99\\.0\\.0, but its trace list in scripts/handouts/plotlyBundle\\.ts was read from ${v.replace(/\./g, "\\.")}: .*update CARTESIAN_TRACES`));

  const mixed = loadPlotlyBundles(fakeNodeModules(path.join(temp, "mixed"), { full: "99.0.0", cartesian: v }));
  assert.equal(mixed.bundles.cartesian, null);
  assert.deepEqual(mixed.warnings, [
    `plotly.js-cartesian-dist-min is ${v} but plotly.js-dist-min is 99.0.0: every page with a figure gets the full plotly.js bundle (4.9 MB instead of 1.4 MB); install the same version of both.`,
  ]);

  assert.throws(() => loadPlotlyBundles(fakeNodeModules(path.join(temp, "none"), { full: null, cartesian: v })), /handouts: .*plotly\.js-dist-min\/plotly\.min\.js is missing: run `npm run setup`/);
});

// Figures made by the library, as the course shows them.
const bowl = energyFromFunction((p) => p[0] ** 2 + 2 * p[1] ** 2, {
  dimension: 2,
  domain: { lower: [-1, -1], upper: [1, 1] },
  knownMinima: [{ x: [0, 0], energy: 0 }],
});
const well = energyFromFunction((x) => (x[0] ** 2 - 1) ** 2, { domain: { lower: [-2], upper: [2] } });
const run = { path: [[0.5], [0.8], [1]], energies: [0.5625, 0.1296, 0], times: [0, 1, 2], iterations: 2, converged: true, reason: "converged" as const, final: [1], finalEnergy: 0, energyRises: [] };
const axis = [-1, -0.5, 0, 0.5, 1];
const basins = basinMapFigure({ axes: [axis, axis], labels: axis.flatMap((y) => axis.map((x) => (x < 0 ? 0 : 1))), minima: [{ x: [-1, 0], label: "A" }, { x: [1, 0], label: "B" }] });

/** Writes a handout page showing these figures (finished by finishPage with the given bundles). */
function writePage(name: string, figures: readonly Figure[], bundles: PlotlyBundles): { file: string; bundle: string | null } {
  const body = figures.map((f) => `<div class="jp-OutputArea-output">${figureBundle(f).data["text/html"]}</div>`).join("\n");
  const raw = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${name}</title>${PLOTLY_PLACEHOLDER}\n${HEAD_PLACEHOLDER}</head><body>${body}</body></html>`;
  const page = finishPage(raw, bundles);
  const file = path.join(temp, `${name}.html`);
  fs.writeFileSync(file, page.html);
  return { file, bundle: page.bundle };
}

/** Opens a page offline (see openOffline.ts), waits for its figures, and reads their state. */
async function openPage(file: string): Promise<{ state: Awaited<ReturnType<typeof plotlyState>>; errors: string[]; requests: string[] }> {
  const opened = await openOffline(browser, file, 900);
  try {
    return { state: await plotlyState(opened.page), errors: opened.errors, requests: opened.requests };
  } finally {
    await opened.close();
  }
}

test("a page of cartesian course figures (contour, heatmap, animation) gets the cartesian bundle and draws every trace offline", async () => {
  const figures = [landscapeContour(bowl, { points: 30 }), basins, descentAnimation(well, run)];
  const { file, bundle } = writePage("cartesian", figures, installed.bundles);
  assert.equal(bundle, "cartesian");
  const html = fs.readFileSync(file, "utf8");
  assert.equal(html.split(installed.bundles.cartesian?.js as string).length - 1, 1, "the cartesian bundle, once");
  assert.ok(!html.includes("* plotly.js v"), "not the full bundle");
  const { state, errors, requests } = await openPage(file);
  assert.deepEqual({ errors, requests }, { errors: [], requests: [] });
  assert.deepEqual(state.registered, [...CARTESIAN_TRACES], "the page runs the cartesian bundle");
  assert.equal(state.plots.length, figures.length);
  for (const plot of state.plots) {
    assert.ok(plot.drawn, `${plot.title} drawn`);
    assert.deepEqual(plot.drawnTypes, plot.types, `${plot.title}: every trace drawn as its type`);
  }
  assert.deepEqual([...new Set(state.plots.flatMap((p) => p.types))].sort(), ["contour", "heatmap", "scatter"]);
});

test("a page with a surface gets the full bundle and draws it (the cartesian bundle would quietly drop it)", async () => {
  const figures = [landscapeContour(bowl, { points: 30 }), landscapeSurface(bowl, { points: 20 })];
  const full = writePage("surface", figures, installed.bundles);
  assert.equal(full.bundle, "full");
  const html = fs.readFileSync(full.file, "utf8");
  assert.equal(html.split(installed.bundles.full.js).length - 1, 1, "the full bundle, once");
  assert.ok(!html.includes("* plotly.js (cartesian"), "not the cartesian bundle");
  const opened = await openPage(full.file);
  assert.deepEqual({ errors: opened.errors, requests: opened.requests }, { errors: [], requests: [] });
  assert.ok(opened.state.registered?.includes("surface"));
  for (const plot of opened.state.plots) {
    assert.ok(plot.drawn, `${plot.title} drawn`);
    assert.deepEqual(plot.drawnTypes, plot.types, `${plot.title}: every trace drawn as its type`);
  }
  assert.ok(opened.state.plots[1].types.includes("surface"));

  // The negative control: forced onto the cartesian bundle, the surface becomes a hidden scatter
  // without a console error; the checks above and printPdf's catch exactly that.
  const forced: PlotlyBundles = { full: installed.bundles.cartesian as PlotlyBundles["full"], cartesian: null };
  const wrong = writePage("surface-cartesian", figures, forced);
  const dropped = await openPage(wrong.file);
  assert.deepEqual(dropped.errors, []);
  assert.notDeepEqual(dropped.state.plots[1].drawnTypes, dropped.state.plots[1].types);
  await assert.rejects(
    printPdf(browser, wrong.file, path.join(temp, "surface-cartesian.pdf"), { paper: "a4", figures: 2, title: "t" }),
    new RegExp(`the page.s plotly\\.js-cartesian-dist-min ${CARTESIAN_TRACES_VERSION.replace(/\./g, "\\.")} does not draw these traces: surface in "Energy surface: [^"]*", scatter3d in "Energy surface`),
  );
});
