/**
 * The figure type every builder returns: plain plotly data, drawn later in the browser.
 *
 * plotly.js needs a `window`, so it cannot run in the kernel. A builder therefore returns the
 * JSON that plotly's `newPlot(div, data, layout, config)` accepts, plus animation `frames`.
 * `show()` sends it to JupyterLab as `application/vnd.plotly.v1+json`.
 *
 * Every figure made here carries `layout.title.text` and `layout.meta = { kind, description }`:
 * `kind` says what the figure shows (one of {@link FIGURE_KINDS}) and `description` is its alt
 * text, which also becomes the `text/plain` and fallback text of the display bundle.
 */

/** What a figure shows. The notebook tests count figures by this field. */
export const FIGURE_KINDS = ["landscape", "descent", "gibbs", "basins", "sampler", "hopfield", "learning"] as const;

/** One of {@link FIGURE_KINDS}. */
export type FigureKind = (typeof FIGURE_KINDS)[number];

/** `layout.meta` of every figure built here. */
export interface FigureMeta {
  /** What the figure shows. */
  kind: FigureKind;
  /** The alt text: one paragraph saying what is drawn, in words. */
  description: string;
  /** Gibbs figures: the inverse temperatures shown, one per panel or slider step. */
  betas?: number[];
}

/** One plotly trace (scatter, contour, heatmap, surface, bar, ...), as plain JSON-ready data. */
export interface PlotTrace {
  /** The plotly trace type: "scatter", "contour", "heatmap", "surface", "bar", "scatter3d". */
  type: string;
  /** The legend entry. */
  name?: string;
  x?: unknown[];
  y?: unknown[];
  z?: unknown[];
  mode?: string;
  /** The subplot axes ("x2", "y2") when the figure has several panels. */
  xaxis?: string;
  yaxis?: string;
  visible?: boolean | "legendonly";
  [attribute: string]: unknown;
}

/** The plotly layout, with the two fields every figure here sets. */
export interface FigureLayout {
  title: { text: string; [attribute: string]: unknown };
  meta: FigureMeta;
  [attribute: string]: unknown;
}

/**
 * One animation frame: new data for some traces (by index), under a name the slider refers to.
 * Each entry of `data` holds only what changes (usually x and y); plotly merges it into the trace.
 */
export interface FigureFrame {
  name: string;
  data: Partial<PlotTrace>[];
  /** Indices of the traces of `figure.data` that `data` replaces, in order. */
  traces?: number[];
  layout?: Record<string, unknown>;
}

/** The plotly config (mode bar, responsiveness). */
export interface FigureConfig {
  [option: string]: unknown;
}

/** A plotly figure as plain data: what every builder returns and `show()` displays. */
export interface Figure {
  data: PlotTrace[];
  layout: FigureLayout;
  frames?: FigureFrame[];
  config?: FigureConfig;
}
