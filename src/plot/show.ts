/**
 * Showing a figure: one Jupyter display message carrying three renderings of it.
 *
 * - `application/vnd.plotly.v1+json`: the figure as a JSON object. JupyterLab draws it with the
 *   plotly renderer that ships in the `plotly` pip package, trusted or not.
 * - `text/html`: a `<div>`, the figure as a JSON data block, and a small script that draws it
 *   with `window.Plotly` when the page has plotly.js (the handout exporter inlines it once per
 *   page). Without plotly.js a paragraph with the alt text stays visible. No network URL.
 * - `text/plain`: one paragraph: title, alt text, and what the traces are.
 *
 * Two kernels run the notebooks, and `show` finds out which one it is in:
 * - tslab: its public `display` sends one mimetype per message, so `show` writes the bundle
 *   through tslab's internal `lastWriteDisplayData` (tslab is pinned to exactly 1.0.22 for this).
 * - Deno (`deno jupyter`): `Deno.jupyter.broadcast("display_data", ...)` sends the same message,
 *   bundle and metadata alike, at once (`Deno.jupyter.display(bundle, { raw: true })` would
 *   send the bundle without the metadata, a promise later).
 * Both give the notebook the same output, so the same figures draw on either kernel.
 */
import { FIGURE_KINDS } from "./figure";
import type { Figure, FigureKind } from "./figure";
import { message } from "../validate";

/** The plotly mimetype JupyterLab renders. */
export const PLOTLY_MIMETYPE = "application/vnd.plotly.v1+json";

/** The note shown where the interactive figure cannot be drawn. */
export const FIGURE_FALLBACK_NOTE = "interactive figure: open in JupyterLab, or export with npm run handouts";

/** The display data of one figure, ready for a Jupyter `display_data` message. */
export interface FigureBundle {
  data: {
    "application/vnd.plotly.v1+json": Figure;
    "text/html": string;
    "text/plain": string;
  };
  metadata: {
    ebm: { kind: FigureKind; title: string; description: string; bytes: number };
  };
}

/** Copies a figure into plain JSON data: typed arrays become lists. */
function plainCopy(figure: Figure): Figure {
  const json = JSON.stringify(figure, (_key, value) =>
    ArrayBuffer.isView(value) && !(value instanceof DataView) ? Array.from(value as unknown as ArrayLike<number>) : value,
  );
  return JSON.parse(json) as Figure;
}

/** Checks the parts of a figure that the bundle relies on. */
function checkFigure(fn: string, figure: unknown): Figure {
  if (figure === null || typeof figure !== "object" || Array.isArray(figure)) {
    throw new TypeError(message(fn, "figure", "a figure { data, layout } from a figure builder", figure));
  }
  const f = figure as Partial<Figure>;
  if (!Array.isArray(f.data)) throw new TypeError(message(fn, "figure.data", "an array of traces", f.data));
  const layout = f.layout as Partial<Figure["layout"]> | undefined;
  if (layout === null || typeof layout !== "object") throw new TypeError(message(fn, "figure.layout", "an object", layout));
  const meta = layout.meta as Partial<Figure["layout"]["meta"]> | undefined;
  if (!meta || !(FIGURE_KINDS as readonly string[]).includes(meta.kind as string)) {
    throw new RangeError(message(fn, "figure.layout.meta.kind", `one of ${FIGURE_KINDS.join(", ")}`, meta?.kind));
  }
  if (typeof meta.description !== "string" || meta.description.trim() === "") {
    throw new RangeError(message(fn, "figure.layout.meta.description", "a non-empty string (the alt text)", meta.description));
  }
  const title = layout.title as { text?: unknown } | undefined;
  if (!title || typeof title.text !== "string" || title.text.trim() === "") {
    throw new RangeError(message(fn, "figure.layout.title.text", "a non-empty string", title?.text));
  }
  if (f.frames !== undefined && !Array.isArray(f.frames)) throw new TypeError(message(fn, "figure.frames", "an array of frames", f.frames));
  return figure as Figure;
}

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

/**
 * JSON that is safe inside a `<script>` element: `<`, `>` and `&` are written as \u003c,
 * \u003e, \u0026 (still the same JSON), so no string in the figure can close the script or
 * open a comment; U+2028 and U+2029 are escaped as well.
 *
 * @example
 * scriptSafeJson({ title: "</script>" }); // the JSON text {"title":"\u003c/script\u003e"}
 * // => "{\"title\":\"\\u003c/script\\u003e\"}"
 */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

/** FNV-1a 32-bit hash of a string, as 8 hex digits (a stable id for the figure's div). */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, "0");
}

/** A one-paragraph summary of the traces: "3 traces (2 scatter, 1 contour); 40 animation frames". */
export function traceSummary(figure: Figure): string {
  const counts = new Map<string, number>();
  for (const t of figure.data) counts.set(t.type ?? "scatter", (counts.get(t.type ?? "scatter") ?? 0) + 1);
  const parts = [...counts.entries()].map(([type, n]) => `${n} ${type}`);
  const n = figure.data.length;
  let text = `${n} trace${n === 1 ? "" : "s"}${parts.length > 0 ? ` (${parts.join(", ")})` : ""}`;
  if (figure.frames && figure.frames.length > 0) text += `; ${figure.frames.length} animation frames`;
  const sliders = figure.layout.sliders as { steps?: unknown[] }[] | undefined;
  if (Array.isArray(sliders) && sliders.length > 0) text += `; a slider with ${sliders[0].steps?.length ?? 0} steps`;
  return text;
}

/**
 * The size of a figure as JSON, in bytes (UTF-8): what a notebook output or handout carries.
 *
 * @example
 * figureSize({ data: [], layout: { title: { text: "t" }, meta: { kind: "landscape", description: "d" } } });
 * // => 89
 */
export function figureSize(figure: Figure): number {
  return Buffer.byteLength(JSON.stringify(plainCopy(checkFigure("figureSize", figure))), "utf8");
}

/**
 * The display bundle of a figure: the plotly JSON object, self-contained HTML, and plain text,
 * plus metadata with the kind, title and alt text. Pure: the same figure gives the same
 * bundle (the div id is a hash of the figure; the drawing script finds its own div through
 * `document.currentScript`, so the same figure shown twice on a page still draws twice).
 *
 * @throws TypeError when figure is not an object with data and layout.
 * @throws RangeError when layout.meta.kind is not one of FIGURE_KINDS, or the title or alt text is missing.
 * @example
 * const bundle = figureBundle(landscapeFigure(doubleWell()));
 * Object.keys(bundle.data);
 * // => ["application/vnd.plotly.v1+json", "text/html", "text/plain"]
 */
export function figureBundle(figure: Figure): FigureBundle {
  return bundleOf(checkFigure("figureBundle", figure));
}

/** The bundle of a figure already checked (by the public function that names itself in errors). */
function bundleOf(figure: Figure): FigureBundle {
  const plain = plainCopy(figure);
  const json = JSON.stringify(plain);
  const { kind, description } = plain.layout.meta;
  const title = plain.layout.title.text;
  const id = `ebm-figure-${hash(json)}`;
  const height = typeof plain.layout.height === "number" ? plain.layout.height : 460;
  const html = [
    `<div class="ebm-figure" data-kind="${escapeHtml(kind)}">`,
    `<div class="ebm-figure-plot" id="${id}" style="width:100%;height:${height}px;display:none"></div>`,
    `<p class="ebm-figure-fallback" style="border:1px solid #ccc;padding:0.6em;font-family:sans-serif">` +
      `<strong>${escapeHtml(title)}</strong>. ${escapeHtml(description)} <em>(${escapeHtml(FIGURE_FALLBACK_NOTE)})</em></p>`,
    `<script type="application/json" class="ebm-figure-json">${scriptSafeJson(plain)}</script>`,
    "<script>",
    "(function () {",
    "  var script = document.currentScript;",
    `  var root = script ? script.parentNode : document.getElementById("${id}").parentNode;`,
    "  var Plotly = window.Plotly;",
    "  if (!root || !Plotly) return;",
    '  var div = root.querySelector(".ebm-figure-plot");',
    '  var figure = JSON.parse(root.querySelector(".ebm-figure-json").textContent);',
    '  root.querySelector(".ebm-figure-fallback").style.display = "none";',
    '  div.style.display = "block";',
    "  Plotly.newPlot(div, figure.data, figure.layout, figure.config).then(function () {",
    "    if (figure.frames) return Plotly.addFrames(div, figure.frames);",
    "  });",
    "})();",
    "</script>",
    "</div>",
  ].join("\n");
  const text = `Figure (${kind}): ${title}. ${description} [${traceSummary(plain)}]`;
  return {
    data: { [PLOTLY_MIMETYPE]: plain, "text/html": html, "text/plain": text } as FigureBundle["data"],
    metadata: { ebm: { kind, title, description, bytes: Buffer.byteLength(json, "utf8") } },
  };
}

/** The writer tslab installs for the running cell, or undefined outside a kernel. */
type DisplayWriter = (content: { data: unknown; metadata: unknown; transient: unknown }, update: boolean) => void;

/**
 * tslab's display writer for the running cell; undefined when not inside a tslab cell.
 *
 * Inside a kernel, tslab has already loaded its `jupyter` module (the process IS tslab), so it is
 * read from the module cache. Outside one the module is not loaded, and loading it would only
 * cost seconds (it pulls in tslab's TypeScript converter) to find no writer: so it is never
 * loaded here, and show() fails at once.
 */
function displayWriter(): DisplayWriter | undefined {
  let path: string;
  try {
    path = require.resolve("tslab/dist/jupyter");
  } catch {
    return undefined;
  }
  const jupyter = require.cache[path]?.exports as { lastWriteDisplayData?: unknown } | undefined;
  return typeof jupyter?.lastWriteDisplayData === "function" ? (jupyter.lastWriteDisplayData as DisplayWriter) : undefined;
}

/** The part of Deno's `Deno.jupyter` namespace that show() uses. */
interface DenoJupyter {
  broadcast(msgType: string, content: Record<string, unknown>): unknown;
}

/**
 * Deno's Jupyter namespace when running in a Deno notebook cell; undefined elsewhere (Node,
 * tslab, or Deno outside `deno jupyter`, where reading `Deno.jupyter` throws).
 */
function denoJupyter(): DenoJupyter | undefined {
  const deno = (globalThis as { Deno?: { jupyter?: unknown } }).Deno;
  if (deno === undefined || deno === null) return undefined;
  let jupyter: unknown;
  try {
    jupyter = deno.jupyter;
  } catch {
    return undefined;
  }
  const broadcast = (jupyter as { broadcast?: unknown } | undefined)?.broadcast;
  return typeof broadcast === "function" ? (jupyter as DenoJupyter) : undefined;
}

/** The display writer of the kernel running this cell (tslab or Deno), or undefined outside one. */
function kernelWriter(): DisplayWriter | undefined {
  const deno = denoJupyter();
  if (!deno) return displayWriter();
  return (content) => {
    // Deno 2.9 sends at once and returns nothing; its typings promise a Promise: report a failure.
    const sent = deno.broadcast("display_data", content as Record<string, unknown>);
    if (sent instanceof Promise) sent.catch((error: unknown) => console.error(`show: ${String(error)}`));
  };
}

/**
 * Displays a figure in the running notebook cell, on tslab or on Deno's kernel: ONE
 * `display_data` message carrying the plotly JSON, the self-contained HTML and the plain text
 * of {@link figureBundle}, with its metadata.
 *
 * @throws Error when not called from a notebook cell (no tslab display channel and no
 *   `Deno.jupyter`); use figureBundle(figure) to get the display data instead.
 * @throws TypeError and RangeError as {@link figureBundle} (the figure is checked first, and the
 *   errors name show).
 * @example
 * show(landscapeFigure(doubleWell()));
 * // => (displays the figure; needs a tslab kernel)
 */
export function show(figure: Figure): void {
  const checked = checkFigure("show", figure);
  const write = kernelWriter();
  if (!write) {
    throw new Error(
      "show: no tslab display channel and no Deno.jupyter: show() must be called from a tslab notebook cell " +
        "or a Deno one (kernel TypeScript (Deno)); outside a notebook, use figureBundle(figure) to get " +
        "the display data (plotly JSON, HTML, text)",
    );
  }
  const bundle = bundleOf(checked);
  write({ data: bundle.data, metadata: bundle.metadata, transient: {} }, false);
}
