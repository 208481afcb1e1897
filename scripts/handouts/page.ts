/**
 * Finishing a handout page: nbconvert's HTML (from the `ebm-handout` template) made
 * self-contained for reading offline from disk.
 *
 * - math: TeX rendered to SVG at export time ({@link renderMath}), its style sheet in `<head>`;
 * - plotly.js: ONE bundle inlined ONCE in `<head>` (only when the page shows a figure), before
 *   every figure's script: the cartesian bundle when it draws every trace type of the page's
 *   figures, else the full one ({@link chooseBundle}); followed by a small tracker that keeps
 *   each drawing's promise so the PDF printer can wait for all of them;
 * - links to other course notebooks (`02-math-gibbs.ipynb#anchor`) point at their handouts
 *   (`02-math-gibbs.html#anchor`), so the handouts link to each other;
 * - no network: any `<script src>`/`<link href>` to http(s) left in the page is removed, and
 *   {@link networkLoads} lists what would still be fetched (the exporter refuses such a page).
 */
import { renderMath } from "./math";
import { chooseBundle, pageTraceTypes } from "./plotlyBundle";
import type { PlotlyBundleName, PlotlyBundles } from "./plotlyBundle";

/** The placeholder the template leaves for plotly.js. */
export const PLOTLY_PLACEHOLDER = '<script data-ebm-inline="plotly"></script>';
/** The comment that opens the inlined plotly.js script (networkLoads relies on its start). */
const plotlyComment = (pkg: string, version: string): string => `/* plotly.js, inlined once for the whole page: ${pkg} ${version} */`;
/** The placeholder the template leaves for the math style sheet and the tracker. */
export const HEAD_PLACEHOLDER = "<!--ebm:head-->";

/**
 * Records the promise of every `Plotly.newPlot` and `Plotly.addFrames` call on the page, and
 * offers `window.ebmHandout.figuresDrawn()`: a promise of the number of drawings, settled when
 * all of them (and any started meanwhile) are done.
 */
export const DRAWING_TRACKER = `<script>
/* ebm handout: remembers each figure's drawing, so that printing can wait until all are drawn. */
(function () {
  var Plotly = window.Plotly;
  if (!Plotly) return;
  var pending = [];
  ["newPlot", "addFrames"].forEach(function (name) {
    var original = Plotly[name];
    Plotly[name] = function () {
      var result = original.apply(Plotly, arguments);
      pending.push(Promise.resolve(result));
      return result;
    };
  });
  window.ebmHandout = {
    figuresDrawn: function wait() {
      var started = pending.length;
      return Promise.all(pending).then(function () {
        return pending.length === started ? started : wait();
      });
    }
  };
})();
</script>`;

/** What {@link finishPage} returns. */
export interface FinishedPage {
  html: string;
  /** Whether plotly.js was inlined (the page shows at least one figure). */
  plotly: boolean;
  /** The plotly.js bundle inlined, null when none was. */
  bundle: PlotlyBundleName | null;
  /** The trace types of the page's figures (data and animation frames), sorted. */
  traceTypes: string[];
  /** Why the page's trace types are not all known, which puts the full bundle in it. */
  unknownTraces: string[];
  /** Formulas rendered to SVG. */
  formulas: number;
  /** TeX errors, one per faulty formula. */
  mathErrors: string[];
  /** Network references removed from the page (`<script src="https://...">`). */
  removed: string[];
}

const NETWORK_URL = /^\s*(?:https?:)?\/\//i;

/** Does the page draw any figure with plotly? (the figure scripts of show() use window.Plotly) */
export function drawsFigures(html: string): boolean {
  return /\bwindow\.Plotly\b|\bPlotly\.newPlot\b/.test(html.replace(PLOTLY_PLACEHOLDER, ""));
}

/**
 * Rewrites relative links to notebooks (`NAME.ipynb`, `./NAME.ipynb#part`) into links to
 * their handouts (`NAME.html`, `NAME.html#part`). Absolute URLs are left alone.
 *
 * @example
 * linkHandouts('<a href="./01-math-energy.ipynb#try-it">');
 * // => '<a href="./01-math-energy.html#try-it">'
 */
export function linkHandouts(html: string): string {
  return html.replace(/(\bhref=")([^":#?]+?)\.ipynb((?:#[^"]*)?")/gi, (_all, start: string, name: string, rest: string) => `${start}${name}.html${rest}`);
}

/** Removes `<script src>` and `<link href>` elements that load from the network. */
function stripNetworkLoads(html: string, removed: string[]): string {
  const scripts = html.replace(/<script\b[^>]*\bsrc\s*=\s*["']([^"']*)["'][^>]*>\s*<\/script\s*>/gi, (all, src: string) => {
    if (!NETWORK_URL.test(src)) return all;
    removed.push(src);
    return "";
  });
  return scripts.replace(/<link\b[^>]*\bhref\s*=\s*["']([^"']*)["'][^>]*>/gi, (all, href: string) => {
    if (!NETWORK_URL.test(href) || !/\brel\s*=\s*["']?(?:stylesheet|preload|modulepreload|icon)/i.test(all)) return all;
    removed.push(href);
    return "";
  });
}

/**
 * What the page would still fetch from the network: `src` of scripts, images, frames, and
 * `href` of style sheets that are http(s) URLs, plus CSS `@import`/`url()` of such URLs.
 * Links the reader clicks (`<a href="https://...">`) are not loads and are not listed.
 */
export function networkLoads(page: string): string[] {
  // Script bodies (plotly.js itself, the figures' JSON) are code and data, not page markup.
  const html = page.replace(/(<script\b[^>]*>)[\s\S]*?(<\/script\s*>)/gi, "$1$2");
  const found: string[] = [];
  const seen = new Set<string>();
  const add = (url: string, what: string): void => {
    if (seen.has(url)) return;
    seen.add(url);
    found.push(what);
  };
  for (const m of html.matchAll(/<(script|img|iframe|source|video|audio|embed)\b[^>]*\bsrc\s*=\s*["']([^"']*)["']/gi)) {
    if (NETWORK_URL.test(m[2])) add(m[2], `<${m[1].toLowerCase()} src="${m[2]}">`);
  }
  for (const m of html.matchAll(/<link\b[^>]*\bhref\s*=\s*["']([^"']*)["'][^>]*>/gi)) {
    if (NETWORK_URL.test(m[1]) && /\brel\s*=\s*["']?(?:stylesheet|preload|modulepreload|icon)/i.test(m[0])) add(m[1], `<link href="${m[1]}">`);
  }
  for (const m of html.matchAll(/@import\s+(?:url\()?\s*["']?((?:https?:)?\/\/[^"')\s]+)/gi)) add(m[1], `@import ${m[1]}`);
  for (const m of html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi)) {
    for (const u of m[1].matchAll(/url\(\s*["']?((?:https?:)?\/\/[^"')\s]+)/gi)) add(u[1], `url(${u[1]})`);
  }
  const withoutPlotly = page.replace(/<script>\n\/\* plotly\.js, inlined once[\s\S]*?<\/script>/, "");
  for (const m of withoutPlotly.matchAll(/\bimport\s*\(\s*["']((?:https?:)?\/\/[^"']+)["']\s*\)/gi)) add(m[1], `import("${m[1]}")`);
  return found;
}

/**
 * Makes nbconvert's page self-contained (see the file comment).
 *
 * @param raw the page written by the `ebm-handout` template (it must hold both placeholders).
 * @param bundles the plotly.js bundles to choose from (plotlyBundle.ts' loadPlotlyBundles).
 * @throws Error when the page was not made by the `ebm-handout` template (no placeholder), or
 *   when a bundle contains `</script` (it could not be inlined).
 * @example
 * finishPage(rawPage, loadPlotlyBundles("node_modules").bundles).bundle;
 * // => "cartesian" (when every figure of the page is made of cartesian traces)
 */
export function finishPage(raw: string, bundles: PlotlyBundles): FinishedPage {
  if (!raw.includes(PLOTLY_PLACEHOLDER) || !raw.includes(HEAD_PLACEHOLDER)) {
    throw new Error("finishPage: the page has no ebm-handout placeholders: was it rendered with scripts/handouts/template/ebm-handout?");
  }
  for (const b of [bundles.full, bundles.cartesian]) {
    if (b && /<\/script/i.test(b.js)) throw new Error(`finishPage: the ${b.name} plotly.js bundle contains </script and cannot be inlined`);
  }
  const math = renderMath(raw);
  const removed: string[] = [];
  let html = stripNetworkLoads(linkHandouts(math.html), removed);
  const plotly = drawsFigures(html);
  const traces = pageTraceTypes(html);
  const bundle = plotly ? chooseBundle(traces, bundles) : null;
  const head = (math.css ? `<style type="text/css">\n/* MathJax SVG output */\n${math.css}\n</style>\n` : "") + (plotly ? DRAWING_TRACKER : "");
  // Functions as replacements: plotly.js is full of "$&" and "$'", which a string replacement would expand.
  html = html.replace(HEAD_PLACEHOLDER, () => head);
  html = html.replace(PLOTLY_PLACEHOLDER, () => (bundle ? `<script>\n${plotlyComment(bundle.package, bundle.version)}\n${bundle.js}\n</script>` : ""));
  return {
    html,
    plotly,
    bundle: bundle ? bundle.name : null,
    traceTypes: traces.types,
    unknownTraces: traces.unknown,
    formulas: math.formulas,
    mathErrors: math.errors,
    removed,
  };
}
