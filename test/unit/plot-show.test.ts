import { test } from "node:test";
import assert from "node:assert/strict";
import { FIGURE_FALLBACK_NOTE, PLOTLY_MIMETYPE, escapeHtml, figureBundle, figureSize, scriptSafeJson, show, traceSummary } from "../../src/plot/show";
import { FIGURE_KINDS, type Figure } from "../../src/plot/figure";
import { makeFigure } from "../../src/plot/style";
import { landscapeContour, landscapeFigure, landscapeSurface } from "../../src/plot/landscape";
import { descentAnimation, descentFigure } from "../../src/plot/descent";
import { gibbsFigure, gibbsSliderFigure } from "../../src/plot/gibbs";
import { zeroTemperatureFigure } from "../../src/plot/zeroTemperature";
import { basinMapFigure } from "../../src/plot/basins";
import { acceptanceFigure, traceFigure } from "../../src/plot/sampler";
import { bowl2D, doubleWellEnergy, grid, knownSampler, normalDensity, parabola, quadraticDescent } from "./plot-fixtures";

function tiny(title = "A line", description = "A straight line from (0, 0) to (1, 1)."): Figure {
  return makeFigure({ kind: "landscape", title, description, data: [{ type: "scatter", mode: "lines", x: [0, 1], y: [0, 1] }] });
}

/** One figure from every builder, with hand-made data. */
function everyBuilder(): Figure[] {
  const well = doubleWellEnergy();
  const runs = [quadraticDescent(1.5, 0.5, 1, 10)];
  const densities = [0.5, 2].map((b) => normalDensity(b));
  return [
    landscapeFigure(well),
    landscapeContour(bowl2D(), { points: 20 }),
    landscapeSurface(bowl2D(), { points: 20 }),
    descentFigure(parabola(), runs),
    descentAnimation(parabola(), runs),
    gibbsFigure(densities),
    gibbsSliderFigure(densities),
    zeroTemperatureFigure(densities),
    basinMapFigure({ axes: [grid(-2, 2, 5)], labels: [0, 0, -1, 1, 1], minima: [{ x: [-1] }, { x: [1] }] }),
    traceFigure(knownSampler(2, 10)),
    acceptanceFigure([{ label: "a", acceptanceRate: 0.5 }]),
  ];
}

test("every builder sets a title, a kind from FIGURE_KINDS and an alt text, and survives JSON", () => {
  const figures = everyBuilder();
  const kinds = new Set<string>();
  for (const fig of figures) {
    assert.ok(fig.layout.title.text.trim().length > 0);
    assert.ok((FIGURE_KINDS as readonly string[]).includes(fig.layout.meta.kind), fig.layout.meta.kind);
    assert.ok(fig.layout.meta.description.length > 40, `${fig.layout.title.text}: alt text too short`);
    kinds.add(fig.layout.meta.kind);
    // Plain data: JSON round trip gives the same figure (no typed arrays, no NaN, no functions).
    assert.deepEqual(JSON.parse(JSON.stringify(fig)), fig, fig.layout.title.text);
  }
  assert.deepEqual([...kinds].sort(), ["basins", "descent", "gibbs", "landscape", "sampler"]);
});

test("figureBundle: three mimetypes, the plotly one a JSON object equal to the figure", () => {
  const fig = tiny();
  const bundle = figureBundle(fig);
  assert.deepEqual(Object.keys(bundle.data), [PLOTLY_MIMETYPE, "text/html", "text/plain"]);
  const plotly = bundle.data[PLOTLY_MIMETYPE];
  assert.equal(typeof plotly, "object");
  assert.deepEqual(plotly, fig);
  assert.notEqual(plotly, fig, "a copy: later changes to the figure do not leak into the output");
  assert.deepEqual(bundle.metadata.ebm, { kind: "landscape", title: "A line", description: "A straight line from (0, 0) to (1, 1).", bytes: JSON.stringify(fig).length });
  assert.equal(bundle.data["text/plain"], "Figure (landscape): A line. A straight line from (0, 0) to (1, 1). [1 trace (1 scatter)]");
});

test("figureBundle is pure: the same figure gives the same bundle; typed arrays become lists", () => {
  const fig = tiny();
  assert.deepEqual(figureBundle(fig), figureBundle(fig));
  const typed = makeFigure({ kind: "gibbs", title: "T", description: "D", data: [{ type: "scatter", x: Float64Array.of(1, 2) as unknown as number[], y: [3, 4] }] });
  assert.deepEqual(figureBundle(typed).data[PLOTLY_MIMETYPE].data[0].x, [1, 2]);
});

test("figureBundle html: no network URL, the fallback text, and a div sized to the figure", () => {
  for (const fig of everyBuilder()) {
    const html = figureBundle(fig).data["text/html"];
    assert.ok(!/https?:/i.test(html), `${fig.layout.title.text}: html mentions a URL`);
    assert.ok(!/src=/i.test(html), "no external script");
  }
  const html = figureBundle(tiny()).data["text/html"];
  assert.match(html, /<p class="ebm-figure-fallback"[^>]*><strong>A line<\/strong>\. A straight line from \(0, 0\) to \(1, 1\)\. <em>\(interactive figure: open in JupyterLab, or export with npm run handouts\)<\/em><\/p>/);
  assert.match(FIGURE_FALLBACK_NOTE, /npm run handouts/);
  assert.match(html, /id="ebm-figure-[0-9a-f]{8}" style="width:100%;height:460px;display:none"/);
  assert.match(html, /window\.Plotly/);
});

test("figureBundle html: a hostile title cannot close the script or inject markup", () => {
  const evil = "</script><script>alert(1)</script><!-- & 'quotes' \u2028";
  const bundle = figureBundle(tiny(evil, `alt ${evil}`));
  const html = bundle.data["text/html"];
  // Exactly the two closing tags we write ourselves.
  assert.equal(html.split("</script>").length - 1, 2);
  assert.ok(!html.includes("<script>alert"));
  assert.ok(!html.includes("<!--"));
  assert.ok(html.includes("&lt;/script&gt;&lt;script&gt;alert(1)"), "fallback text is escaped");
  // The JSON block still parses back to the original title.
  const json = /<script type="application\/json" class="ebm-figure-json">([\s\S]*?)<\/script>/.exec(html)![1];
  assert.equal(JSON.parse(json).layout.title.text, evil);
  // The plotly mimetype keeps the text as it is (it is data, not markup).
  assert.equal(bundle.data[PLOTLY_MIMETYPE].layout.title.text, evil);
});

test("scriptSafeJson and escapeHtml", () => {
  assert.equal(scriptSafeJson({ title: "</script>" }), '{"title":"\\u003c/script\\u003e"}');
  assert.deepEqual(JSON.parse(scriptSafeJson({ a: "<&>\u2028" })), { a: "<&>\u2028" });
  assert.equal(escapeHtml(`<a href="x">'&'</a>`), "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
});

/** Runs the bundle's drawing script against a minimal fake page; returns what it did. */
function runScript(html: string, plotly: boolean) {
  const script = /<script>\n([\s\S]*?)<\/script>/.exec(html)![1];
  const json = /class="ebm-figure-json">([\s\S]*?)<\/script>/.exec(html)![1];
  const calls: { method: string; args: unknown[] }[] = [];
  const plotDiv = { style: { display: "none" } };
  const fallback = { style: { display: "" } };
  const root = {
    querySelector(selector: string) {
      if (selector === ".ebm-figure-plot") return plotDiv;
      if (selector === ".ebm-figure-fallback") return fallback;
      if (selector === ".ebm-figure-json") return { textContent: json };
      return null;
    },
  };
  const Plotly = {
    newPlot: (...args: unknown[]) => {
      calls.push({ method: "newPlot", args });
      return Promise.resolve();
    },
    addFrames: (...args: unknown[]) => {
      calls.push({ method: "addFrames", args });
      return Promise.resolve();
    },
  };
  const window = plotly ? { Plotly } : {};
  const document = { currentScript: { parentNode: root }, getElementById: () => ({ parentNode: root }) };
  new Function("window", "document", script)(window, document);
  return { calls, plotDiv, fallback };
}

test("the drawing script calls Plotly.newPlot with the figure, then addFrames for animations", async () => {
  const anim = descentAnimation(parabola(), quadraticDescent(1, 0.5, 1, 5));
  const { calls, plotDiv, fallback } = runScript(figureBundle(anim).data["text/html"], true);
  await new Promise((resolve) => setImmediate(resolve));
  assert.deepEqual(calls.map((c) => c.method), ["newPlot", "addFrames"]);
  const [div, data, layout, config] = calls[0].args;
  assert.equal(div, plotDiv);
  assert.deepEqual(data, anim.data);
  assert.deepEqual(layout, anim.layout);
  assert.deepEqual(config, anim.config);
  assert.deepEqual(calls[1].args[1], anim.frames);
  assert.equal(fallback.style.display, "none");
  assert.equal(plotDiv.style.display, "block");
});

test("the drawing script leaves the fallback visible when the page has no plotly.js", () => {
  const { calls, plotDiv, fallback } = runScript(figureBundle(tiny()).data["text/html"], false);
  assert.deepEqual(calls, []);
  assert.equal(fallback.style.display, "");
  assert.equal(plotDiv.style.display, "none");
});

test("traceSummary counts traces by type, frames and slider steps", () => {
  const anim = descentAnimation(parabola(), quadraticDescent(1, 0.5, 1, 5));
  assert.equal(traceSummary(anim), `${anim.data.length} traces (${anim.data.length} scatter); 6 animation frames; a slider with 6 steps`);
  assert.match(figureBundle(anim).data["text/plain"], /6 animation frames/);
});

test("figureBundle and figureSize reject figures without kind, title or alt text", () => {
  const fig = tiny();
  assert.throws(() => figureBundle({ ...fig, layout: { ...fig.layout, meta: { kind: "pie" as never, description: "d" } } }), /^RangeError: figureBundle: figure.layout.meta.kind must be one of landscape, descent, gibbs, basins, sampler, hopfield, learning, got "pie"$/);
  assert.throws(() => figureBundle({ ...fig, layout: { ...fig.layout, meta: { kind: "landscape", description: "" } } }), /figureBundle: figure.layout.meta.description must be a non-empty string \(the alt text\), got ""/);
  assert.throws(() => figureBundle({ ...fig, layout: { ...fig.layout, title: { text: "" } } }), /figureBundle: figure.layout.title.text must be a non-empty string/);
  assert.throws(() => figureBundle({ data: [] } as never), /^TypeError: figureBundle: figure.layout must be an object, got undefined$/);
  assert.throws(() => figureBundle("fig" as never), /^TypeError: figureBundle: figure must be a figure \{ data, layout \} from a figure builder, got "fig"$/);
  assert.throws(() => figureSize({} as never), /^TypeError: figureSize: figure.data must be an array of traces/);
});

test("figureSize: bytes of the figure's JSON", () => {
  const empty = { data: [], layout: { title: { text: "t" }, meta: { kind: "landscape" as const, description: "d" } } };
  assert.equal(figureSize(empty), JSON.stringify(empty).length);
  // Counted by hand: {"data":[],  "layout":{  "title":{"text":"t"},  "meta":{  "kind":"landscape",  "description":"d"  }}} = 11 + 10 + 21 + 8 + 19 + 17 + 3.
  assert.equal(figureSize(empty), 89);
  assert.equal(figureSize(makeFigure({ kind: "hopfield", title: "é", description: "d", data: [] })), Buffer.byteLength(JSON.stringify(makeFigure({ kind: "hopfield", title: "é", description: "d", data: [] }))));
});

test("show() outside a notebook cell explains itself", () => {
  assert.throws(() => show(tiny()), (error: unknown) => {
    assert.ok(error instanceof Error);
    assert.match(error.message, /^show: .*show\(\) must be called from a tslab notebook cell/);
    assert.match(error.message, /use figureBundle\(figure\)/);
    return true;
  });
  // Bad figures are still reported as bad figures (by show, not its helper), not as a missing kernel.
  assert.throws(() => show({} as never), /^TypeError: show: figure.data must be an array of traces/);
  assert.throws(() => show(null as never), /^TypeError: show: figure must be a figure \{ data, layout \} from a figure builder, got null$/);
  const fig = tiny();
  assert.throws(() => show({ ...fig, layout: { ...fig.layout, title: { text: "" } } }), /^RangeError: show: figure.layout.title.text must be a non-empty string/);
});

test("show() outside a kernel fails fast: it does not load tslab to find no display channel", () => {
  const figure = landscapeFigure(doubleWellEnergy());
  const started = performance.now();
  assert.throws(() => show(figure), /^Error: show: no tslab display channel/);
  assert.ok(performance.now() - started < 500, `show took ${Math.round(performance.now() - started)} ms to fail`);
});

test("show() in a kernel sends ONE display_data message with all three mimetypes", () => {
  // tslab sets lastWriteDisplayData for the running cell; here a recorder stands in for it.
  const jupyter = require("tslab/dist/jupyter") as { lastWriteDisplayData: unknown };
  const saved = jupyter.lastWriteDisplayData;
  const messages: { content: any; update: boolean }[] = [];
  jupyter.lastWriteDisplayData = (content: unknown, update: boolean) => messages.push({ content, update });
  try {
    const fig = landscapeFigure(doubleWellEnergy());
    assert.equal(show(fig), undefined);
    assert.equal(messages.length, 1);
    const [{ content, update }] = messages;
    assert.equal(update, false, "display_data, not update_display_data");
    assert.deepEqual(Object.keys(content.data), [PLOTLY_MIMETYPE, "text/html", "text/plain"]);
    assert.equal(typeof content.data[PLOTLY_MIMETYPE], "object");
    assert.equal(content.data[PLOTLY_MIMETYPE].layout.meta.kind, "landscape");
    assert.deepEqual(content.transient, {});
    assert.deepEqual(content, { ...figureBundle(fig), transient: {} });
  } finally {
    jupyter.lastWriteDisplayData = saved;
  }
});
