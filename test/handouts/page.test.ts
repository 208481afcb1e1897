// Finishing a handout page (page.ts, math.ts) on small hand-written pages: no kernel, no browser.
import { test } from "node:test";
import assert from "node:assert/strict";
import { DRAWING_TRACKER, HEAD_PLACEHOLDER, PLOTLY_PLACEHOLDER, drawsFigures, finishPage, linkHandouts, networkLoads } from "../../scripts/handouts/page";
import { MATH_BEGIN, MATH_END, renderMath } from "../../scripts/handouts/math";

/** A page shaped like the ebm-handout template's output. */
function rawPage(body: string): string {
  return `<!DOCTYPE html><html><head><title>t</title>${PLOTLY_PLACEHOLDER}\n${HEAD_PLACEHOLDER}<style>p{}</style></head><body>${body}</body></html>`;
}
const FIGURE = '<div class="ebm-figure"><script>(function(){var Plotly = window.Plotly; if (!Plotly) return;})();</script></div>';
// A stand-in for plotly.min.js with the patterns a string replacement would expand ($&, $', $1).
const FAKE_PLOTLY = "/* fake plotly */ window.Plotly = { newPlot: function () { return Promise.resolve(); } }; var s = '$& $` $\\' $1';";

test("plotly.js is inlined once, before the figures, with the drawing tracker; $-patterns stay literal", () => {
  const page = finishPage(rawPage(`${FIGURE}${FIGURE}`), FAKE_PLOTLY);
  assert.equal(page.plotly, true);
  assert.equal(page.html.split(FAKE_PLOTLY).length - 1, 1);
  assert.ok(page.html.indexOf(FAKE_PLOTLY) < page.html.indexOf('class="ebm-figure"'));
  assert.ok(page.html.indexOf(FAKE_PLOTLY) < page.html.indexOf(DRAWING_TRACKER));
  assert.ok(!page.html.includes(PLOTLY_PLACEHOLDER) && !page.html.includes(HEAD_PLACEHOLDER));
});

test("a page without figures gets neither plotly.js nor the tracker", () => {
  const page = finishPage(rawPage("<p>text only</p>"), FAKE_PLOTLY);
  assert.equal(page.plotly, false);
  assert.ok(!page.html.includes("fake plotly") && !page.html.includes("ebmHandout"));
  assert.equal(drawsFigures(rawPage(FIGURE)), true);
  assert.equal(drawsFigures(rawPage("<p>Plotly is a library</p>")), false);
});

test("a page not made by the ebm-handout template is refused", () => {
  assert.throws(() => finishPage("<html><body></body></html>", FAKE_PLOTLY), /finishPage: the page has no ebm-handout placeholders/);
  assert.throws(() => finishPage(rawPage(""), "x = '</script>'"), /finishPage: plotlyJs contains <\/script/);
});

test("network loads are removed (scripts, style sheets) and listed (the rest); links to read are kept", () => {
  const raw = rawPage(
    '<script src="https://cdnjs.cloudflare.com/ajax/libs/require.js/2.1.10/require.min.js"></script>' +
      '<link rel="stylesheet" href="//fonts.example.org/a.css">' +
      '<a href="https://en.wikipedia.org/wiki/Boltzmann_distribution">Boltzmann</a><script src="local.js"></script>',
  );
  const page = finishPage(raw, FAKE_PLOTLY);
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
