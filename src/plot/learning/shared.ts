/**
 * Pieces shared by the figures of learning (internal to src/plot/learning): door checks of point
 * clouds, boxes and images, the ink and diverging colour scales, and a grid of image panels.
 * They draw; they compute no physics.
 *
 * The plot area may not import the rbm or learning folders (test/unit/architecture.test.ts), so
 * the shapes these figures read from an Rbm or an RbmCompleteResult are written out here as the
 * few fields they use: any Rbm and any RbmCompleteResult fits them.
 */
import type { Box } from "../../types";
import { isArrayLike, message } from "../../validate";
import { checkNumbers, checkObject } from "../checks";
import { downsample } from "../downsample";
import type { PlotTrace } from "../figure";
import { subplotGrid, type SubplotPanel } from "../subplots";
import { formatNumber, roundAll, roundForPlot } from "../style";
import { imageAxes, panelHeading } from "../hopfield/shared";

/** Most points drawn per scatter trace (more are thinned, evenly spaced). */
export const MAX_POINTS = 800;

/** Most image panels in one figure. */
export const MAX_PANELS = 64;

/** Most points read at the door of a point cloud (checking is linear; this bounds it). */
const MAX_POINTS_READ = 1e7;

/** The colour of the data in the learning figures: black dots. */
export const DATA_COLOR = "#000000";


/** The colour of the model's samples: Okabe-Ito orange. */
export const SAMPLE_COLOR = "#E69F00";

/** The colour of hidden (unseen) pixels in a completion figure: a light blue-grey. */
export const HIDDEN_COLOR = "#A9BCD0";

/** Ink: 0 white, 1 black, greys in between (pixel intensities in [0, 1]). */
export const INK_SCALE: ReadonlyArray<readonly [number, string]> = Object.freeze([
  [0, "#FFFFFF"],
  [1, "#000000"],
] as const);

/**
 * Diverging blue-white-red (ColorBrewer RdBu, reversed; colour-blind safe): the lowest value
 * blue, 0 white, the highest red. Used with zmin = -M, zmax = M so white is exactly 0.
 */
export const DIVERGING_SCALE: ReadonlyArray<readonly [number, string]> = Object.freeze([
  [0, "#2166AC"],
  [0.25, "#92C5DE"],
  [0.5, "#FFFFFF"],
  [0.75, "#F4A582"],
  [1, "#B2182B"],
] as const);

/** The colour scale of a completion's "shown" panel: -1 hidden (blue-grey), then 0..1 ink. */
export const MASKED_SCALE: ReadonlyArray<readonly [number, string]> = Object.freeze([
  [0, HIDDEN_COLOR],
  [0.4999, HIDDEN_COLOR],
  [0.5, "#FFFFFF"],
  [1, "#000000"],
] as const);

/** A plotly colorscale as a fresh mutable array. */
export function scaleCopy(scale: ReadonlyArray<readonly [number, string]>): [number, string][] {
  return scale.map(([t, c]) => [t, c]);
}

/** A point cloud in the plane, as the figures read it. */
export type Points2D = readonly ArrayLike<number>[];

/** Checks an array of points [x, y] of finite numbers; returns plain copies. */
export function checkPoints2D(fn: string, arg: string, value: unknown, allowEmpty = false): number[][] {
  if (!Array.isArray(value)) throw new TypeError(message(fn, arg, "an array of points [x, y]", value));
  if ((!allowEmpty && value.length === 0) || value.length > MAX_POINTS_READ) {
    throw new RangeError(message(fn, arg, `a non-empty array of points [x, y] (at most ${MAX_POINTS_READ})`, value));
  }
  return value.map((p, m) => {
    if (!isArrayLike(p)) throw new TypeError(message(fn, `${arg}[${m}]`, "a point [x, y]", p));
    if (p.length !== 2) throw new RangeError(message(fn, `${arg}[${m}]`, "a point [x, y] of dimension 2", p) + ` (dimension ${p.length})`);
    const x = p[0];
    const y = p[1];
    if (typeof x !== "number" || !Number.isFinite(x)) throw new RangeError(message(fn, `${arg}[${m}][0]`, "a finite number", x));
    if (typeof y !== "number" || !Number.isFinite(y)) throw new RangeError(message(fn, `${arg}[${m}][1]`, "a finite number", y));
    return [x, y];
  });
}

/** Checks a 2D box { lower: [x0, y0], upper: [x1, y1] } with lower < upper on each axis. */
export function checkBox2D(fn: string, arg: string, value: unknown): Box {
  const box = checkObject(fn, arg, value, "a Box { lower: [x0, y0], upper: [x1, y1] }");
  const lower = checkNumbers(fn, `${arg}.lower`, box.lower, 2);
  const upper = checkNumbers(fn, `${arg}.upper`, box.upper, 2);
  for (let k = 0; k < 2; k++) {
    if (!(lower[k] < upper[k])) throw new RangeError(message(fn, arg, "a Box with lower < upper on each axis", value) + ` (axis ${k}: ${lower[k]} >= ${upper[k]})`);
  }
  return { lower, upper };
}

/** At most {@link MAX_POINTS} points, evenly spaced, as rounded x and y lists. */
export function thinned(points: readonly (readonly number[])[]): { x: number[]; y: number[]; drawn: number } {
  const kept = points.length > MAX_POINTS ? downsample(points, MAX_POINTS) : points;
  return { x: roundAll(kept.map((p) => p[0])), y: roundAll(kept.map((p) => p[1])), drawn: kept.length };
}

/** "(drawn: 800 evenly spaced)" when a cloud was thinned, else "". */
export function thinnedWords(total: number, drawn: number): string {
  return drawn < total ? ` (${drawn} of them drawn, evenly spaced)` : "";
}

/** A scatter trace of points. */
export function pointsTrace(points: readonly (readonly number[])[], name: string, marker: Record<string, unknown>, extra: Partial<PlotTrace> = {}): PlotTrace {
  const { x, y } = thinned(points);
  return { type: "scatter", mode: "markers", name, x, y, marker, hovertemplate: `(%{x:.3g}, %{y:.3g})<extra>${name}</extra>`, ...extra };
}

/** The mean of a point cloud, for alt text; rounding noise (below 1e-9 of the cloud's size) is 0. */
export function meanPoint(points: readonly (readonly number[])[]): [number, number] {
  let sx = 0;
  let sy = 0;
  let size = 0;
  for (const p of points) {
    sx += p[0];
    sy += p[1];
    size = Math.max(size, Math.abs(p[0]), Math.abs(p[1]));
  }
  const snap = (v: number) => (Math.abs(v) < 1e-9 * size ? 0 : v);
  return [snap(sx / points.length), snap(sy / points.length)];
}

/** An optional array of strings, `count` long, or the fallback names. */
export function namesOption(fn: string, arg: string, value: unknown, count: number, what: string, fallback: (k: number) => string): string[] {
  if (value === undefined) return Array.from({ length: count }, (_, k) => fallback(k));
  if (!Array.isArray(value)) throw new TypeError(message(fn, arg, `an array of ${count} string(s)`, value));
  if (value.length !== count) throw new RangeError(message(fn, arg, `an array of ${count} string(s), one per ${what}`, value) + ` (length ${value.length})`);
  value.forEach((v, k) => {
    if (typeof v !== "string") throw new TypeError(message(fn, `${arg}[${k}]`, "a non-empty string", v));
    if (v.trim() === "") throw new RangeError(message(fn, `${arg}[${k}]`, "a non-empty string", v));
  });
  return [...value];
}

/** Image width and height from the options, checked against the pixel count. */
export function imageShape(fn: string, width: unknown, height: unknown, pixels: number, what: string): { width: number; height: number } {
  if (typeof width !== "number") throw new TypeError(message(fn, "options.width", "an integer in [1, 1000] (pixels per row)", width));
  if (typeof height !== "number") throw new TypeError(message(fn, "options.height", "an integer in [1, 1000] (pixel rows)", height));
  if (!(Number.isInteger(width) && width >= 1 && width <= 1000)) throw new RangeError(message(fn, "options.width", "an integer in [1, 1000] (pixels per row)", width));
  if (!(Number.isInteger(height) && height >= 1 && height <= 1000)) throw new RangeError(message(fn, "options.height", "an integer in [1, 1000] (pixel rows)", height));
  if (width * height !== pixels) {
    throw new RangeError(message(fn, "options.width * options.height", `${pixels} (${what})`, width * height) + ` (${width} * ${height})`);
  }
  return { width, height };
}

/** Checks one image: `length` finite numbers (when given). */
export function checkImage(fn: string, arg: string, value: unknown, length?: number): number[] {
  return checkNumbers(fn, arg, value, length);
}

/** Checks that every value of an image lies in [0, 1] (ink), naming the image and the pixel. */
export function checkInk(fn: string, arg: string, image: readonly number[], hint: string): void {
  const bad = image.findIndex((v) => !(v >= 0 && v <= 1));
  if (bad >= 0) throw new RangeError(message(fn, `${arg}[${bad}]`, `a number in [0, 1] (${hint})`, image[bad]));
}

/** The largest |value| over images, or 1 when every value is 0 (so the scale is never empty). */
export function symmetricScale(images: readonly (readonly number[])[]): number {
  let m = 0;
  for (const img of images) for (const v of img) if (Math.abs(v) > m) m = Math.abs(v);
  return m > 0 ? m : 1;
}

/** Rows of an image, top row first, rounded. */
export function rowsOf(image: readonly number[], width: number, height: number): number[][] {
  const rows: number[][] = [];
  for (let r = 0; r < height; r++) rows.push(roundAll(image.slice(r * width, (r + 1) * width)));
  return rows;
}

/** How one panel is coloured. */
export interface PanelColors {
  zmin: number;
  zmax: number;
  colorscale: ReadonlyArray<readonly [number, string]>;
}

/** One image panel: its pixels, its caption and how it is coloured. */
export interface ImagePanel {
  image: readonly number[];
  label: string;
  colors: PanelColors;
  /** Hover text per pixel (rows of strings), when %{z} would mislead (hidden pixels). */
  text?: string[][];
}

/** A colour bar to show with the first panel that carries it. */
export interface PanelScale {
  title: string;
}

/** What {@link imagePanels} builds: traces and the layout keys of the panels. */
export interface ImagePanelsLayout {
  data: PlotTrace[];
  layout: Record<string, unknown>;
  annotations: Record<string, unknown>[];
  rows: number;
  columns: number;
}

/**
 * Small multiples of images read row-major (pixel r * width + c is row r, column c), square
 * pixels, no ticks, a caption over each. `slots` places panel k at slot slots[k] of a grid of
 * `rows` x `columns` (filled left to right, top to bottom); without it, panel k at slot k.
 */
export function imagePanels(
  panels: readonly ImagePanel[],
  width: number,
  height: number,
  columns: number,
  options: { slots?: readonly number[]; rows?: number; scale?: PanelScale; gapY?: number } = {},
): ImagePanelsLayout {
  const slots = options.slots ?? panels.map((_, k) => k);
  const cols = Math.min(columns, Math.max(1, ...slots.map((s) => s + 1)));
  const rows = options.rows ?? Math.ceil((Math.max(...slots) + 1) / cols);
  const grid: SubplotPanel[] = subplotGrid(rows * cols, cols, { x: 0.03, y: options.gapY ?? 0.14 });
  const data: PlotTrace[] = [];
  const layout: Record<string, unknown> = {};
  const annotations: Record<string, unknown>[] = [];
  panels.forEach((panel, k) => {
    const g = grid[slots[k]];
    const trace: PlotTrace = {
      type: "heatmap",
      name: panel.label,
      z: rowsOf(panel.image, width, height),
      zmin: roundForPlot(panel.colors.zmin),
      zmax: roundForPlot(panel.colors.zmax),
      colorscale: scaleCopy(panel.colors.colorscale),
      showscale: false,
      hovertemplate: `row %{y}, column %{x}: ${panel.text ? "%{text}" : "%{z}"}<extra>${panel.label}</extra>`,
      xaxis: g.xaxis,
      yaxis: g.yaxis,
    };
    if (panel.text) trace.text = panel.text;
    if (options.scale !== undefined && k === 0) {
      trace.showscale = true;
      trace.colorbar = { title: { text: options.scale.title, side: "right" }, thickness: 14, len: 0.8 };
    }
    data.push(trace);
    const axes = imageAxes(width, height, g.xaxis, g.yaxis, g.xDomain, g.yDomain);
    layout[g.xaxisKey] = axes.x;
    layout[g.yaxisKey] = axes.y;
    annotations.push(panelHeading(panel.label, g.xDomain, g.yDomain[1]));
  });
  return { data, layout, annotations, rows, columns: cols };
}

/**
 * The figure height for `rows` rows of `columns` images: panels as tall as a column is wide on a
 * printed page (about 640 pixels of plot width), at least 50 and at most `maxPanel` pixels; on a
 * wider screen the images keep their shape and leave room at their sides.
 */
export function panelsHeight(rows: number, columns: number, width: number, height: number, maxPanel = 220): number {
  const panelPixels = Math.max(50, Math.min(maxPanel, (640 / columns) * (height / width)));
  return Math.round(100 + rows * panelPixels * 1.15);
}

/** The fields of an Rbm that {@link receptiveFieldFigure} reads (every Rbm has them). */
export interface ReceptiveFieldMachine {
  /** V, the number of visible units. */
  readonly visible: number;
  /** H, the number of hidden units. */
  readonly hidden: number;
  /** W, V x H, row-major: W_ij = weights[i * H + j]. */
  readonly weights: ArrayLike<number>;
  readonly name?: string;
}

/** The fields of an RbmCompleteResult that {@link completionFigure} reads. */
export interface CompletionFigureResult {
  /** p(v_i = 1 | seen units) for each input. */
  readonly probabilities: readonly (readonly number[])[];
  /** true = the unit was seen (clamped), false = hidden and filled in. */
  readonly known: readonly boolean[];
  readonly method?: string;
}

/** A number for alt text (3 significant digits). */
export const fmt = (v: number): string => formatNumber(v);
