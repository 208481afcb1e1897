/**
 * Math in handouts, rendered at export time: TeX to SVG with MathJax (the `mathjax-full` npm
 * package, run in Node), so the page shows math offline with no script and no font download,
 * and the PDF needs no wait for a typesetter.
 *
 * Only the parts of the page that the `ebm-handout` template marks are read: the rendered
 * markdown of each cell and the text/markdown and text/latex outputs, each between
 * `<!--ebm:math-->` and `<!--/ebm:math-->`. Code, outputs in `<pre>` and the figures' scripts are
 * never scanned, so a `$` in a string or a price stays as it is. Delimiters, as in JupyterLab:
 * `$...$` and `\(...\)` inline, `$$...$$`, `\[...\]` and `\begin{env}...\end{env}` displayed;
 * `\$` is a dollar sign.
 */
import { mathjax } from "mathjax-full/js/mathjax.js";
import { TeX } from "mathjax-full/js/input/tex.js";
import { SVG } from "mathjax-full/js/output/svg.js";
import { liteAdaptor } from "mathjax-full/js/adaptors/liteAdaptor.js";
import type { LiteAdaptor } from "mathjax-full/js/adaptors/liteAdaptor.js";
import { RegisterHTMLHandler } from "mathjax-full/js/handlers/html.js";
import { AllPackages } from "mathjax-full/js/input/tex/AllPackages.js";

/** Marks the start of a region whose TeX is rendered (written by the nbconvert template). */
export const MATH_BEGIN = "<!--ebm:math-->";
/** Marks the end of such a region. */
export const MATH_END = "<!--/ebm:math-->";

const REGION = /<!--ebm:math-->([\s\S]*?)<!--\/ebm:math-->/g;
/** Cheap test: could this region hold any math at all? */
const MAYBE_MATH = /\$|\\\(|\\\[|\\begin\{/;

/** What {@link renderMath} returns. */
export interface RenderedMath {
  /** The page with each marked region's TeX replaced by inline SVG, and the markers removed. */
  html: string;
  /** MathJax's style sheet for the SVG output (empty when the page has no math). */
  css: string;
  /** How many formulas were rendered. */
  formulas: number;
  /** The TeX errors MathJax met ("Undefined control sequence \foo"), one per faulty formula. */
  errors: string[];
}

let adaptor: LiteAdaptor | undefined;

function liteDom(): LiteAdaptor {
  if (!adaptor) {
    adaptor = liteAdaptor();
    RegisterHTMLHandler(adaptor);
  }
  return adaptor;
}

/** Undoes the escaping of an HTML attribute value. */
function unescapeAttribute(text: string): string {
  return text.replace(/&quot;/g, '"').replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
}

/**
 * Renders the TeX of every marked region of a handout page to SVG.
 *
 * All regions go through one MathJax document, so the page holds one glyph cache (a hidden
 * `<svg id="MJX-SVG-global-cache">`, placed at the end of the last region) and its ids are unique.
 * A TeX error does not stop the export: MathJax draws the faulty formula in red and the error
 * is returned in `errors`.
 *
 * @example
 * renderMath("<p>" + MATH_BEGIN + "<p>$x^2$</p>" + MATH_END + "</p>").formulas;
 * // => 1
 */
export function renderMath(page: string): RenderedMath {
  const regions: string[] = [];
  for (const m of page.matchAll(REGION)) regions.push(m[1]);
  const withMath = regions.some((r) => MAYBE_MATH.test(r));
  if (!withMath) {
    return { html: page.replace(REGION, (_all, inner: string) => inner), css: "", formulas: 0, errors: [] };
  }

  const lite = liteDom();
  const wrapped = regions.map((r, i) => `<div data-ebm-region="${i}">${r}</div>`).join("\n");
  const tex = new TeX({
    // Without "noundefined", an unknown macro is an error we can report (and MathJax shows it in a red box).
    packages: AllPackages.filter((name) => name !== "noundefined"),
    inlineMath: [
      ["$", "$"],
      ["\\(", "\\)"],
    ],
    displayMath: [
      ["$$", "$$"],
      ["\\[", "\\]"],
    ],
    processEscapes: true,
    processEnvironments: true,
    tags: "ams",
  });
  // One glyph cache for the page (a hidden <svg> of path definitions that every formula uses):
  // about a third of the size of a cache per formula.
  const svg = new SVG({ fontCache: "global" });
  const doc = mathjax.document(`<!DOCTYPE html><html><head></head><body>${wrapped}</body></html>`, { InputJax: tex, OutputJax: svg });
  doc.render();

  let formulas = 0;
  for (const item of doc.math) {
    // An escaped dollar (\$) is a math item too, typeset as a plain <span>: not a formula.
    const root = item.typesetRoot as unknown;
    if (!root || lite.kind(root as never) !== "mjx-container") continue;
    formulas++;
    lite.setAttribute(root as never, "aria-label", String(item.math));
  }
  const rendered: string[] = [];
  let glyphCache = "";
  for (const node of lite.childNodes(lite.body(doc.document))) {
    if (lite.kind(node) === "svg" && lite.getAttribute(node as never, "id") === "MJX-SVG-global-cache") glyphCache = lite.outerHTML(node as never);
    if (lite.kind(node) !== "div") continue;
    const index = Number(lite.getAttribute(node as never, "data-ebm-region"));
    rendered[index] = lite.innerHTML(node as never);
  }
  // The glyph cache goes once into the body, at the end of the last region.
  if (rendered.length > 0) rendered[rendered.length - 1] = (rendered[rendered.length - 1] ?? "") + glyphCache;
  const errors: string[] = [];
  for (const html of rendered) {
    for (const m of (html ?? "").matchAll(/data-mjx-error="([^"]*)"/g)) errors.push(unescapeAttribute(m[1]));
  }
  let i = 0;
  const html = page.replace(REGION, () => {
    const out = rendered[i] ?? regions[i];
    i++;
    return out;
  });
  const css = lite.textContent(svg.styleSheet(doc) as never);
  return { html, css, formulas, errors };
}
