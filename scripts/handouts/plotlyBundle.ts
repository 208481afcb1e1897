/**
 * Which plotly.js a handout page inlines: the cartesian bundle (`plotly.js-cartesian-dist-min`,
 * 1.4 MB) when it draws every trace type of the page's figures, else the full bundle
 * (`plotly.js-dist-min`, 4.9 MB). Never both: one copy of plotly.js per page.
 *
 * The trace types of a page are read from the figures' JSON blocks written by `show()`
 * (src/plot/show.ts: `<script type="application/json" class="ebm-figure-json">` followed by
 * the script that draws it): the `type` of every trace in `data` and in every animation
 * frame's `data`. A page that draws with plotly in any other way (a figure script without its
 * JSON block, JSON that does not parse) gets the full bundle: its trace types are unknown.
 *
 * The cartesian bundle's trace types ({@link CARTESIAN_TRACES}) are the trace modules it
 * registers, `Object.keys(Plotly.PlotSchema.get().traces)` with the bundle loaded in Chromium
 * (the same list as the package's README). test/handouts/plotlyBundle.test.ts loads the
 * installed bundle and checks the list against it; the exporter uses the list only for the
 * version it was read from ({@link CARTESIAN_TRACES_VERSION}), and inlines the full bundle on
 * every page otherwise.
 */
import fs from "node:fs";
import path from "node:path";

/** The two bundles a page can get. */
export type PlotlyBundleName = "cartesian" | "full";

/** Where each bundle lives in node_modules. */
export const PLOTLY_PACKAGES: Record<PlotlyBundleName, { package: string; file: string }> = {
  cartesian: { package: "plotly.js-cartesian-dist-min", file: "plotly-cartesian.min.js" },
  full: { package: "plotly.js-dist-min", file: "plotly.min.js" },
};

/**
 * The trace types registered by plotly.js-cartesian-dist-min 3.7.0, sorted: read from
 * `Plotly.PlotSchema.get().traces` in Chromium (checked by test/handouts/plotlyBundle.test.ts).
 */
export const CARTESIAN_TRACES: readonly string[] = Object.freeze([
  "bar",
  "box",
  "contour",
  "heatmap",
  "histogram",
  "histogram2d",
  "histogram2dcontour",
  "image",
  "pie",
  "scatter",
  "scatterternary",
  "violin",
]);
/** The version of plotly.js-cartesian-dist-min that {@link CARTESIAN_TRACES} was read from. */
export const CARTESIAN_TRACES_VERSION = "3.7.0";

/** One bundle, ready to inline. */
export interface PlotlyBundle {
  name: PlotlyBundleName;
  /** npm package and version, e.g. "plotly.js-cartesian-dist-min" and "3.7.0". */
  package: string;
  version: string;
  /** The contents of the minified bundle. */
  js: string;
  /** The trace types it draws; null for the full bundle (every trace type). */
  traces: readonly string[] | null;
}

/** The bundles the exporter chooses from; `cartesian` null means the full bundle on every page. */
export interface PlotlyBundles {
  full: PlotlyBundle;
  cartesian: PlotlyBundle | null;
}

/** A figure's JSON block and the script after it that draws it (markup of src/plot/show.ts). */
const FIGURE_BLOCK = /<script\b[^>]*\bclass\s*=\s*["']ebm-figure-json["'][^>]*>([\s\S]*?)<\/script\s*>\s*<script>([\s\S]*?)<\/script\s*>/gi;
/** Something that draws with plotly (the same test as page.ts' drawsFigures). */
const DRAWS_WITH_PLOTLY = /\bwindow\.Plotly\b|\bPlotly\.newPlot\b/;

/** What {@link pageTraceTypes} finds. */
export interface PageTraces {
  /** The figures found with their JSON. */
  figures: number;
  /** Their trace types, sorted, each once. */
  types: string[];
  /** Why the trace types of the page are not all known (empty when they are). */
  unknown: string[];
}

/** The trace types of one figure's JSON (data and animation frames). */
function figureTypes(figure: unknown, types: Set<string>, unknown: string[]): void {
  const f = figure as { data?: unknown; frames?: unknown } | null;
  if (f === null || typeof f !== "object" || !Array.isArray(f.data)) {
    unknown.push("a figure JSON block without a data array");
    return;
  }
  const add = (trace: unknown, where: string, defaultType: string | null): void => {
    const type = trace !== null && typeof trace === "object" ? (trace as { type?: unknown }).type : undefined;
    if (typeof type === "string") types.add(type);
    else if (type === undefined && defaultType !== null) types.add(defaultType);
    else if (type !== undefined) unknown.push(`a trace type that is not a string in ${where}: ${JSON.stringify(type)}`);
  };
  // plotly draws a trace without a type as a scatter.
  for (const trace of f.data) add(trace, "data", "scatter");
  if (f.frames === undefined) return;
  if (!Array.isArray(f.frames)) {
    unknown.push("figure frames that are not an array");
    return;
  }
  for (const frame of f.frames) {
    const data = frame !== null && typeof frame === "object" ? (frame as { data?: unknown }).data : undefined;
    if (data === undefined) continue;
    if (!Array.isArray(data)) {
      unknown.push("an animation frame whose data is not an array");
      continue;
    }
    // A frame trace without a type updates a trace of `data` (counted above) or adds a scatter.
    for (const trace of data) add(trace, "an animation frame", "scatter");
  }
}

/**
 * The trace types a page's figures use, read from the figures' JSON blocks (see the file
 * comment); `unknown` says why they are not all known (a drawing without its JSON block, JSON
 * that does not parse, a type that is not a string).
 *
 * @example
 * pageTraceTypes(
 *   '<script type="application/json" class="ebm-figure-json">{"data":[{"type":"surface"},{}],"frames":[{"data":[{"type":"bar"}]}]}</script>' +
 *     "<script>Plotly.newPlot(div, figure.data)</script>",
 * ).types;
 * // => ["bar", "scatter", "surface"]
 */
export function pageTraceTypes(html: string): PageTraces {
  const types = new Set<string>();
  const unknown: string[] = [];
  let figures = 0;
  const rest = html.replace(FIGURE_BLOCK, (_all, json: string) => {
    figures++;
    let figure: unknown;
    try {
      figure = JSON.parse(json);
    } catch (error) {
      unknown.push(`a figure JSON block that does not parse (${(error as Error).message})`);
      return "";
    }
    figureTypes(figure, types, unknown);
    return "";
  });
  // Inline scripts left after the figures' blocks: does any of them draw with plotly?
  for (const m of rest.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script\s*>/gi)) {
    if (DRAWS_WITH_PLOTLY.test(m[1])) {
      unknown.push("a script that draws with plotly without a figure JSON block");
      break;
    }
  }
  return { figures, types: [...types].sort(), unknown };
}

/**
 * The bundle a page needs: the cartesian one when it is available and draws every trace type
 * of the page, else the full one.
 *
 * @example
 * chooseBundle({ figures: 2, types: ["contour", "scatter"], unknown: [] }, loadPlotlyBundles("node_modules").bundles).name;
 * // => "cartesian"
 */
export function chooseBundle(traces: PageTraces, bundles: PlotlyBundles): PlotlyBundle {
  const cartesian = bundles.cartesian;
  if (cartesian === null || cartesian.traces === null || traces.unknown.length > 0) return bundles.full;
  const draws = new Set(cartesian.traces);
  return traces.types.every((t) => draws.has(t)) ? cartesian : bundles.full;
}

function readBundle(nodeModules: string, name: PlotlyBundleName): PlotlyBundle | null {
  const { package: pkg, file } = PLOTLY_PACKAGES[name];
  const js = path.join(nodeModules, pkg, file);
  if (!fs.existsSync(js)) return null;
  const version = (JSON.parse(fs.readFileSync(path.join(nodeModules, pkg, "package.json"), "utf8")) as { version: string }).version;
  return { name, package: pkg, version, js: fs.readFileSync(js, "utf8"), traces: name === "cartesian" ? CARTESIAN_TRACES : null };
}

/**
 * Reads both bundles from `node_modules`. The cartesian one is left out (every page then gets
 * the full one), with a warning saying why, when it is not installed, when its version is not
 * the one {@link CARTESIAN_TRACES} was read from, or when it is not the full bundle's version.
 *
 * @throws Error when the full bundle is not installed.
 * @example
 * loadPlotlyBundles("node_modules").bundles.cartesian?.version;
 * // => "3.7.0"
 */
export function loadPlotlyBundles(nodeModules: string): { bundles: PlotlyBundles; warnings: string[] } {
  const full = readBundle(nodeModules, "full");
  if (full === null) {
    const { package: pkg, file } = PLOTLY_PACKAGES.full;
    throw new Error(`handouts: ${path.join(nodeModules, pkg, file)} is missing: run \`npm run setup\` (npm ci) first.`);
  }
  const warnings: string[] = [];
  let cartesian = readBundle(nodeModules, "cartesian");
  const fallback = "every page with a figure gets the full plotly.js bundle (4.9 MB instead of 1.4 MB)";
  if (cartesian === null) {
    warnings.push(`${PLOTLY_PACKAGES.cartesian.package} is not installed (run \`npm ci\`): ${fallback}.`);
  } else if (cartesian.version !== CARTESIAN_TRACES_VERSION) {
    warnings.push(
      `${cartesian.package} is ${cartesian.version}, but its trace list in scripts/handouts/plotlyBundle.ts was read from ${CARTESIAN_TRACES_VERSION}: ${fallback}; ` +
        "run test/handouts/plotlyBundle.test.ts and update CARTESIAN_TRACES and CARTESIAN_TRACES_VERSION.",
    );
    cartesian = null;
  } else if (cartesian.version !== full.version) {
    warnings.push(`${cartesian.package} is ${cartesian.version} but ${full.package} is ${full.version}: ${fallback}; install the same version of both.`);
    cartesian = null;
  }
  return { bundles: { full, cartesian }, warnings };
}
