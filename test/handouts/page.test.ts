// Finishing a handout page (page.ts, math.ts) on small hand-written pages: no kernel, no browser.
import { test } from "node:test";
import assert from "node:assert/strict";
import { DRAWING_TRACKER, HEAD_PLACEHOLDER, PLOTLY_PLACEHOLDER, drawsFigures, finishPage, linkHandouts, networkLoads } from "../../scripts/handouts/page";
import { MATH_BEGIN, MATH_END, renderMath } from "../../scripts/handouts/math";
import type { PlotlyBundles } from "../../scripts/handouts/plotlyBundle";

/** A page shaped like the ebm-handout template's output. */
function rawPage(body: string): string {
  return `<!DOCTYPE html><html><head><title>t</title>${PLOTLY_PLACEHOLDER}\n${HEAD_PLACEHOLDER}<style>p{}</style></head><body>${body}</body></html>`;
}
const FIGURE = '<div class="ebm-figure"><script>(function(){var Plotly = window.Plotly; if (!Plotly) return;})();</script></div>';
// A stand-in for plotly.min.js with the patterns a string replacement would expand ($&, $', $1).
const FAKE_PLOTLY = "/* fake plotly */ window.Plotly = { newPlot: function () { return Promise.resolve(); } }; var s = '$& $` $\\' $1';";
const FAKE_CARTESIAN = "/* fake cartesian plotly */ window.Plotly = { newPlot: function () { return Promise.resolve(); } }; var s = '$& $1';";
const BUNDLES: PlotlyBundles = Object.freeze({
  full: Object.freeze({ name: "full", package: "plotly.js-dist-min", version: "9.9.9", js: FAKE_PLOTLY, traces: null }),
  cartesian: Object.freeze({ name: "cartesian", package: "plotly.js-cartesian-dist-min", version: "9.9.9", js: FAKE_CARTESIAN, traces: Object.freeze(["bar", "scatter"]) }),
} as const);
/** A figure as show() writes it: its JSON block, then the script that draws it. */
function figureOf(data: object[]): string {
  return `<div class="ebm-figure"><script type="application/json" class="ebm-figure-json">${JSON.stringify({ data, layout: {} })}</script>\n<script>\n(function(){var Plotly = window.Plotly; if (!Plotly) return; Plotly.newPlot(div, figure.data);})();\n</script>\n</div>`;
}

test("plotly.js is inlined once, before the figures, with the drawing tracker; $-patterns stay literal", () => {
  // FIGURE draws with plotly but carries no JSON block: its trace types are unknown, so the full bundle
  const page = finishPage(rawPage(`${FIGURE}${FIGURE}`), BUNDLES);
  assert.equal(page.plotly, true);
  assert.equal(page.bundle, "full");
  assert.deepEqual(page.unknownTraces, ["a script that draws with plotly without a figure JSON block"]);
  assert.ok(!page.html.includes("fake cartesian"), "never both bundles");
  assert.ok(page.html.includes("/* plotly.js, inlined once for the whole page: plotly.js-dist-min 9.9.9 */"));
  assert.equal(page.html.split(FAKE_PLOTLY).length - 1, 1);
  assert.ok(page.html.indexOf(FAKE_PLOTLY) < page.html.indexOf('class="ebm-figure"'));
  assert.ok(page.html.indexOf(FAKE_PLOTLY) < page.html.indexOf(DRAWING_TRACKER));
  assert.ok(!page.html.includes(PLOTLY_PLACEHOLDER) && !page.html.includes(HEAD_PLACEHOLDER));
});

test("a page without figures gets neither plotly.js nor the tracker", () => {
  const page = finishPage(rawPage("<p>text only</p>"), BUNDLES);
  assert.equal(page.plotly, false);
  assert.equal(page.bundle, null);
  assert.ok(!page.html.includes("fake") && !page.html.includes("ebmHandout"));
  assert.equal(drawsFigures(rawPage(FIGURE)), true);
  assert.equal(drawsFigures(rawPage("<p>Plotly is a library</p>")), false);
});

test("a page gets the cartesian bundle when it draws every trace type there, else the full one; never both", () => {
  const cartesian = finishPage(rawPage(figureOf([{ type: "bar" }, {}]) + figureOf([{ type: "scatter" }])), BUNDLES);
  assert.deepEqual({ bundle: cartesian.bundle, types: cartesian.traceTypes, unknown: cartesian.unknownTraces }, { bundle: "cartesian", types: ["bar", "scatter"], unknown: [] });
  assert.equal(cartesian.html.split(FAKE_CARTESIAN).length - 1, 1);
  assert.ok(!cartesian.html.includes("fake plotly"));
  assert.ok(cartesian.html.indexOf(FAKE_CARTESIAN) < cartesian.html.indexOf('class="ebm-figure"'));
  assert.ok(cartesian.html.includes("/* plotly.js, inlined once for the whole page: plotly.js-cartesian-dist-min 9.9.9 */"));
  // one figure the cartesian bundle cannot draw puts the full bundle in the whole page
  const full = finishPage(rawPage(figureOf([{ type: "bar" }]) + figureOf([{ type: "surface" }])), BUNDLES);
  assert.deepEqual({ bundle: full.bundle, types: full.traceTypes }, { bundle: "full", types: ["bar", "surface"] });
  assert.equal(full.html.split(FAKE_PLOTLY).length - 1, 1);
  assert.ok(!full.html.includes("fake cartesian"));
  // without the cartesian bundle (not installed, other version), every page gets the full one
  assert.equal(finishPage(rawPage(figureOf([{ type: "bar" }])), { ...BUNDLES, cartesian: null }).bundle, "full");
});

test("a page not made by the ebm-handout template is refused", () => {
  assert.throws(() => finishPage("<html><body></body></html>", BUNDLES), /finishPage: the page has no ebm-handout placeholders/);
  const broken = { ...BUNDLES, cartesian: { ...BUNDLES.cartesian!, js: "x = '</script>'" } };
  assert.throws(() => finishPage(rawPage(""), broken), /finishPage: the cartesian plotly\.js bundle contains <\/script and cannot be inlined/);
});

test("network loads are removed (scripts, style sheets) and listed (the rest); links to read are kept", () => {
  const raw = rawPage(
    '<script src="https://cdnjs.cloudflare.com/ajax/libs/require.js/2.1.10/require.min.js"></script>' +
      '<link rel="stylesheet" href="//fonts.example.org/a.css">' +
      '<a href="https://en.wikipedia.org/wiki/Boltzmann_distribution">Boltzmann</a><script src="local.js"></script>',
  );
  const page = finishPage(raw, BUNDLES);
  assert.deepEqual(page.removed, ["https://cdnjs.cloudflare.com/ajax/libs/require.js/2.1.10/require.min.js", "//fonts.example.org/a.css"]);
  assert.deepEqual(networkLoads(page.html), []);
  assert.ok(page.html.includes('href="https://en.wikipedia.org/wiki/Boltzmann_distribution"'));
  assert.deepEqual(networkLoads('<img src="http://x.org/a.png"><style>@import url("https://f.org/b.css"); p { background: url(https://x.org/c.png) }</style>'), [
    '<img src="http://x.org/a.png">',
    "@import https://f.org/b.css",
    "url(https://x.org/c.png)",
  ]);
  // script bodies are not markup: a URL inside code is not a load
  assert.deepEqual(networkLoads('<script>var s = "<img src=\\"https://x.org/a.png\\">";</script>'), []);
});

test("links to notebooks point at their handouts; absolute links are left alone", () => {
  assert.equal(linkHandouts('<a href="02-math-gibbs.ipynb">'), '<a href="02-math-gibbs.html">');
  assert.equal(linkHandouts('<a href="./01-math-energy.ipynb#Try-it">'), '<a href="./01-math-energy.html#Try-it">');
  assert.equal(linkHandouts('<a href="https://github.com/x/y.ipynb">'), '<a href="https://github.com/x/y.ipynb">');
});

test("math inside the markers becomes SVG; code, escaped dollars and text outside the markers stay", () => {
  const region = `<p>The energy $E(x) = x^4$ costs \\$5; $$Z = \\sum_s e^{-\\beta E(s)}$$</p><pre>$not math$</pre>`;
  const math = renderMath(`<p>$outside$</p>${MATH_BEGIN}${region}${MATH_END}`);
  assert.equal(math.formulas, 2);
  assert.deepEqual(math.errors, []);
  assert.equal((math.html.match(/<mjx-container/g) ?? []).length, 2);
  assert.ok(math.html.includes('display="true"'), "the $$ formula is displayed");
  assert.ok(math.html.includes("<p>$outside$</p>"), "outside the markers untouched");
  assert.ok(math.html.includes("<pre>$not math$</pre>"), "pre untouched");
  assert.ok(math.html.replace(/<[^>]*>/g, "").includes("costs $5"), "\\$ is a dollar sign");
  assert.ok(!math.html.includes(MATH_BEGIN) && !math.html.includes(MATH_END));
  assert.ok(math.html.includes('aria-label="E(x) = x^4"'), "the TeX is the formula's accessible label");
  assert.match(math.css, /mjx-container\[jax="SVG"\]/);
});

test("a TeX error is reported, not thrown; a page without math needs no style sheet", () => {
  const bad = renderMath(`${MATH_BEGIN}<p>$x^2^3$ and $\\energy(x)$ and $y$</p>${MATH_END}`);
  assert.equal(bad.formulas, 3);
  assert.deepEqual(bad.errors, ["Double exponent: use braces to clarify", "Undefined control sequence \\energy"]);
  const none = renderMath(`${MATH_BEGIN}<p>no formulas</p>${MATH_END}`);
  assert.deepEqual({ css: none.css, formulas: none.formulas, html: none.html }, { css: "", formulas: 0, html: "<p>no formulas</p>" });
});

test("one glyph cache per page: each glyph defined once, every formula's glyphs defined", () => {
  const math = renderMath(`${MATH_BEGIN}<p>$x + y$</p>${MATH_END}<hr>${MATH_BEGIN}<p>$x^2$</p>${MATH_END}`);
  assert.equal(math.html.split('id="MJX-SVG-global-cache"').length - 1, 1);
  assert.ok(math.html.indexOf("MJX-SVG-global-cache") > math.html.indexOf("<hr>"), "in the last region");
  const defined = [...math.html.matchAll(/<path id="([^"]+)"/g)].map((m) => m[1]);
  const used = new Set([...math.html.matchAll(/<use[^>]*xlink:href="#([^"]+)"/g)].map((m) => m[1]));
  assert.equal(new Set(defined).size, defined.length, "each glyph once");
  assert.ok(used.size >= 4, "x, +, y, 2");
  for (const id of used) assert.ok(defined.includes(id), `glyph ${id} is defined`);
});
