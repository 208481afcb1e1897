/**
 * Figures for Hopfield networks and Boltzmann machines: stored patterns as small images, recall
 * as an animation, the energy along recall (the descent view), the storage-capacity curve, the
 * energy of every state of a small network (the landscape view), and Boltzmann state histograms
 * against the exact distribution at several temperatures (the Gibbs view).
 *
 * Like every builder in this folder these are pure functions of data made elsewhere (by
 * `hopfieldRecall`, `hopfieldCapacity`, `boltzmannExact`, `boltzmannGibbsSample`): they draw,
 * they compute no dynamics. States are +-1 vectors; an image is read row-major from its
 * top-left pixel (unit r * width + c is row r, column c), +1 drawn black and -1 white. The
 * index of a state is sum_i [s_i = +1] 2^i, as in `stateIndex`.
 */
import type { BoltzmannDistribution } from "../hopfield/boltzmannExact";
import type { BoltzmannSamples } from "../hopfield/boltzmannGibbs";
import type { CapacityResult } from "../hopfield/capacity";
import { loadCrossing } from "../hopfield/capacityBreakdown";
import type { HopfieldRecallResult } from "../hopfield/recall";
import { checkInteger, message } from "../validate";
import {
  booleanOption,
  checkNonEmptyArray,
  checkNumbers,
  checkObject,
  checkPlotOptions,
  choiceOption,
  integerOption,
  isArrayLike,
} from "./checks";
import { animationControls } from "./animation";
import { energyIncreases } from "./descent";
import { downsampleIndices } from "./downsample";
import type { Figure, FigureFrame, PlotTrace } from "./figure";
import { subplotGrid, type SubplotPanel } from "./subplots";
import {
  INK,
  PALETTE,
  axis,
  checkText,
  descriptionOption,
  formatNumber,
  makeFigure,
  paletteColor,
  paletteColorName,
  roundAll,
  roundForPlot,
  titleOption,
} from "./style";

// ---------------------------------------------------------------------------------------------
// Options

/** Options of {@link patternFigure}. */
export interface PatternFigureOptions {
  /** Image width in pixels; width * height must equal the length of each pattern. */
  width: number;
  /** Image height in pixels. */
  height: number;
  /** One caption per pattern. @default "pattern 1", "pattern 2", ... */
  labels?: readonly string[];
  /** Images per row. @default min(count, 8) */
  columns?: number;
  /** @default "Stored patterns" (one pattern: "A pattern") */
  title?: string;
  /** Alt text. @default generated from the data */
  description?: string;
}

/** Options of {@link recallFigure}. */
export interface RecallFigureOptions {
  /** Image width in pixels; width * height must equal the number of units. */
  width: number;
  /** Image height in pixels. */
  height: number;
  /** Most animation frames (the recorded states are downsampled, keeping the first and the last). @default 60, at most 60 */
  frames?: number;
  /** Names of the patterns of `result.overlaps`. @default "pattern 1", ... */
  labels?: readonly string[];
  /** Milliseconds per frame when playing. @default 200 */
  frameDuration?: number;
  /** @default "Recall, update by update" */
  title?: string;
  /** Alt text. @default generated from the data */
  description?: string;
}

/** A horizontal reference line of {@link recallEnergyFigure}: the energy of a stored pattern, say. */
export interface RecallEnergyLevel {
  readonly energy: number;
  readonly label: string;
}

/** Options of {@link recallEnergyFigure}. */
export interface RecallEnergyOptions {
  /** One legend label per run. @default "run 1 (async)", ... */
  labels?: readonly string[];
  /** Energies to draw as dashed horizontal lines (for example the energy of each stored pattern). */
  levels?: readonly RecallEnergyLevel[];
  /** @default "Energy along recall" */
  title?: string;
  /** Alt text. @default generated from the data */
  description?: string;
}

/** Options of {@link capacityFigure}. */
export interface CapacityFigureOptions {
  /** Add a second panel: the fraction of unstable units at the stored patterns, measured and predicted. @default false */
  unstable?: boolean;
  /** Recall fraction whose crossing marks the measured breakdown. @default 0.5 */
  breakdownLevel?: number;
  /** @default "How many memories fit? Recall against the load P/N" */
  title?: string;
  /** Alt text. @default generated from the data */
  description?: string;
}

/** Options of {@link boltzmannFigure}. */
export interface BoltzmannFigureOptions {
  /** Show only the K most probable states (by the exact p), in decreasing order. @default all 2^N states when N <= 6, else 16 */
  topK?: number;
  /**
   * How states are named on the x-axis: "bits" (units 1..N as + and −) or "index"
   * (sum_i [s_i = +1] 2^i). Labels turn vertical when they would not fit side by side, which
   * suits indices better than bits. @default "bits" when N <= 3, else "index"
   */
  stateLabels?: "bits" | "index";
  /** Panels per row. @default min(count, 2) */
  columns?: number;
  /** One probability axis range for every panel. @default false */
  sharedRange?: boolean;
  /** @default "Boltzmann machine: sampled states against the exact distribution" */
  title?: string;
  /** Alt text. @default generated from the data */
  description?: string;
}

/** Options of {@link networkLandscapeFigure}. */
export interface NetworkLandscapeOptions {
  /** Stored patterns to mark (N values +-1 each). */
  patterns?: readonly (readonly number[])[];
  /** Names of the patterns. @default "pattern 1", ... */
  labels?: readonly string[];
  /** The state Hamming distances are measured from. @default patterns[0], else the all -1 state */
  reference?: readonly number[];
  /** Patterns (by index) joined by the path of the right panel; false: no path panel. @default [0, 1] when two or more patterns are given */
  path?: readonly [number, number] | false;
  /** @default "Energy landscape of a small network" */
  title?: string;
  /** Alt text. @default generated from the data */
  description?: string;
}

// ---------------------------------------------------------------------------------------------
// Shared pieces (module-private)

/** The colour scale of pattern images: -1 white, +1 black, values in between grey. */
const IMAGE_SCALE: [number, string][] = [
  [0, "#FFFFFF"],
  [1, "#000000"],
];

/** The largest number of frames of {@link recallFigure}. */
const RECALL_MAX_FRAMES = 60;

/** Points per energy line in the recall energy figure (longer runs are downsampled, keeping the ends). */
const RECALL_MAX_POINTS = 1000;

/** The most units a network landscape draws: 2^12 = 4096 states. */
const LANDSCAPE_MAX_UNITS = 12;

/** The most states a Boltzmann figure enumerates (N <= 20, as boltzmannExact). */
const BOLTZMANN_MAX_UNITS = 20;

/** Light grey for the cloud of all states. */
const CLOUD_COLOR = "#9A9A9A";

/**
 * A state of `length` values in [-1, 1] (+-1 for Hopfield states, in between for dense ones); a
 * plain copy. Values up to 1e-9 outside (rounding in a convex mix of +-1 patterns) are clipped.
 */
function checkState(fn: string, arg: string, value: unknown, length?: number): number[] {
  const out = checkNumbers(fn, arg, value, length);
  const bad = out.findIndex((v) => Math.abs(v) > 1 + 1e-9);
  if (bad >= 0) throw new RangeError(message(fn, `${arg}[${bad}]`, "a number in [-1, 1] (units are +-1)", out[bad]));
  return out.map((v) => Math.min(1, Math.max(-1, v)));
}

/** A state of exactly +1 / -1 values. */
function checkSpins(fn: string, arg: string, value: unknown, length?: number): number[] {
  const out = checkNumbers(fn, arg, value, length);
  const bad = out.findIndex((v) => v !== 1 && v !== -1);
  if (bad >= 0) throw new RangeError(message(fn, `${arg}[${bad}]`, "+1 or -1", out[bad]));
  return out;
}

/** Labels: `count` strings, or the fallback names. */
function labelsOption(fn: string, arg: string, value: unknown, count: number, fallback: (k: number) => string): string[] {
  if (value === undefined) return Array.from({ length: count }, (_, k) => fallback(k));
  if (!Array.isArray(value)) throw new TypeError(message(fn, arg, `an array of ${count} string(s)`, value));
  if (value.length !== count) throw new RangeError(message(fn, arg, `an array of ${count} string(s), one per pattern`, value) + ` (length ${value.length})`);
  value.forEach((label, k) => checkText(fn, `${arg}[${k}]`, label));
  return [...value];
}

/** Image dimensions from the options, checked against the number of units. */
function imageSize(fn: string, width: unknown, height: unknown, units: number): { width: number; height: number } {
  const w = checkInteger(fn, "options.width", width, 1, 1000);
  const h = checkInteger(fn, "options.height", height, 1, 1000);
  if (w * h !== units) {
    throw new RangeError(message(fn, "options.width * options.height", `${units} (the number of units of each state)`, w * h) + ` (${w} * ${h})`);
  }
  return { width: w, height: h };
}

/** Rows of an image, top row first. */
function imageRows(state: readonly number[], width: number, height: number): number[][] {
  const rows: number[][] = [];
  for (let r = 0; r < height; r++) rows.push(roundAll(state.slice(r * width, (r + 1) * width)));
  return rows;
}

/** An image axis: no ticks or grid, a thin frame, a fixed range; y reversed with square pixels. */
function imageAxes(width: number, height: number, xaxis: string, yaxis: string, xDomain: [number, number], yDomain: [number, number]) {
  const bare = {
    showticklabels: false,
    ticks: "",
    showgrid: false,
    zeroline: false,
    showline: true,
    mirror: true,
    linecolor: "#888888",
    constrain: "domain",
    fixedrange: true,
    title: { text: "" },
  };
  return {
    x: { ...bare, domain: xDomain, anchor: yaxis, range: [-0.5, width - 0.5] },
    y: { ...bare, domain: yDomain, anchor: xaxis, range: [height - 0.5, -0.5], scaleanchor: xaxis, scaleratio: 1 },
  };
}

/** One image trace. */
function imageTrace(state: readonly number[], width: number, height: number, name: string, xaxis: string, yaxis: string): PlotTrace {
  return {
    type: "heatmap",
    name,
    z: imageRows(state, width, height),
    zmin: -1,
    zmax: 1,
    colorscale: IMAGE_SCALE.map(([t, c]) => [t, c]),
    showscale: false,
    hovertemplate: `row %{y}, column %{x}: %{z}<extra>${name}</extra>`,
    xaxis,
    yaxis,
  };
}

/** A heading over a panel. */
function panelHeading(text: string, xDomain: readonly [number, number], yTop: number): Record<string, unknown> {
  return {
    text,
    x: roundForPlot((xDomain[0] + xDomain[1]) / 2),
    y: yTop,
    xref: "paper",
    yref: "paper",
    xanchor: "center",
    yanchor: "bottom",
    showarrow: false,
  };
}

/** A +-1 state written as "+−+−" (unit 1 first). */
function bitString(state: readonly number[]): string {
  return state.map((v) => (v > 0 ? "+" : "−")).join("");
}

/** The state of N units with the given index (unit i is bit i). */
function stateOf(index: number, n: number): number[] {
  const s = new Array<number>(n);
  for (let i = 0; i < n; i++) s[i] = (index >>> i) & 1 ? 1 : -1;
  return s;
}

/** The index sum_i [s_i = +1] 2^i of a +-1 state. */
function indexOfState(state: readonly number[]): number {
  let index = 0;
  for (let i = 0; i < state.length; i++) if (state[i] > 0) index += 2 ** i;
  return index;
}

/** The number of set bits. */
function bitCount(x: number): number {
  let count = 0;
  while (x) {
    x &= x - 1;
    count++;
  }
  return count;
}

/** An array of `length` finite numbers (array or typed array): plain copy; names the argument. */
function checkProbabilities(fn: string, arg: string, value: unknown, length: number): number[] {
  if (!isArrayLike(value)) throw new TypeError(message(fn, arg, `an array of ${length} probabilities`, value));
  const out = checkNumbers(fn, arg, value, length);
  const bad = out.findIndex((v) => v < 0 || v > 1 + 1e-9);
  if (bad >= 0) throw new RangeError(message(fn, `${arg}[${bad}]`, "a probability in [0, 1]", out[bad]));
  return out;
}

// ---------------------------------------------------------------------------------------------
// Patterns as images

/**
 * Patterns as small black-and-white images, one panel per pattern (small multiples): +1 is a
 * black pixel, -1 a white one (values in between, as in a dense Hopfield state, are grey).
 * Pattern k is read row-major from the top-left pixel: unit r * width + c is row r, column c.
 * Pixels are square and the panels carry no ticks.
 *
 * @param patterns One or more patterns, each width * height numbers in [-1, 1].
 * @throws TypeError when patterns is not an array of arrays of numbers, or an option has the
 *   wrong kind.
 * @throws RangeError when there are no patterns or more than 48, width * height differs from a
 *   pattern's length, a value is outside [-1, 1], or labels does not hold one string per pattern.
 * @example
 * const fig = patternFigure([[1, -1, -1, 1], [-1, 1, 1, -1]], { width: 2, height: 2, labels: ["\\", "/"] });
 * [fig.data.length, fig.data[0].type, fig.layout.meta.kind];
 * // => [2, "heatmap", "hopfield"]
 */
export function patternFigure(patterns: readonly (readonly number[])[], options: PatternFigureOptions): Figure {
  const fn = "patternFigure";
  checkNonEmptyArray(fn, "patterns", patterns, "patterns (arrays of numbers)");
  if (patterns.length > 48) throw new RangeError(message(fn, "patterns", "at most 48 patterns", patterns) + ` (${patterns.length})`);
  const opts = checkPlotOptions(fn, options);
  const first = checkState(fn, "patterns[0]", patterns[0]);
  const { width, height } = imageSize(fn, opts.width, opts.height, first.length);
  const states = patterns.map((p, k) => (k === 0 ? first : checkState(fn, `patterns[${k}]`, p, first.length)));
  const labels = labelsOption(fn, "options.labels", opts.labels, states.length, (k) => `pattern ${k + 1}`);
  const columns = integerOption(fn, "options.columns", opts.columns, Math.min(states.length, 8), 1, 48);
  const panels = subplotGrid(states.length, columns, { x: 0.03, y: 0.14 });
  const rows = panels[panels.length - 1].row + 1;
  const cols = Math.min(columns, states.length);
  const data: PlotTrace[] = [];
  const layout: Record<string, unknown> = {};
  const annotations: Record<string, unknown>[] = [];
  states.forEach((state, k) => {
    const panel = panels[k];
    data.push(imageTrace(state, width, height, labels[k], panel.xaxis, panel.yaxis));
    const axes = imageAxes(width, height, panel.xaxis, panel.yaxis, panel.xDomain, panel.yDomain);
    layout[panel.xaxisKey] = axes.x;
    layout[panel.yaxisKey] = axes.y;
    annotations.push(panelHeading(labels[k], panel.xDomain, panel.yDomain[1]));
  });
  // Panels as tall as they are wide on a page about 900 pixels wide.
  const panelPixels = Math.max(70, Math.min(220, (800 / cols) * (height / width)));
  const binary = states.every((s) => s.every((v) => v === 1 || v === -1));
  const describeOne = (s: number[], k: number) => `${labels[k]} (${s.filter((v) => v > 0).length} of ${s.length} pixels black)`;
  const description =
    `${states.length} pattern(s) of ${width} by ${height} pixels drawn as images, black for +1 and white for −1` +
    (binary ? "" : ", grey for values in between") +
    `: ${states.map(describeOne).join(", ")}.`;
  return makeFigure({
    kind: "hopfield",
    title: titleOption(fn, opts.title, states.length === 1 ? "A pattern" : "Stored patterns"),
    description: descriptionOption(fn, opts.description, description),
    data,
    layout: {
      ...layout,
      annotations,
      showlegend: false,
      margin: { l: 30, r: 30, t: 80, b: 20 },
      height: Math.round(100 + rows * panelPixels * 1.15),
    },
  });
}

// ---------------------------------------------------------------------------------------------
// Recall as an animation

/** A recall result after the door checks. */
interface CheckedRecall {
  states: number[][];
  times: number[];
  energies: number[];
  overlaps: number[][];
  mode: "async" | "sync";
  reason: string;
  flips: number | undefined;
}

/** Checks the recorded fields of a HopfieldRecallResult (states may be any values in [-1, 1]). */
function checkRecall(fn: string, arg: string, value: unknown): CheckedRecall {
  const r = checkObject(fn, arg, value, "a HopfieldRecallResult { states, times, energies, overlaps, ... }");
  if (!Array.isArray(r.states)) throw new TypeError(message(fn, `${arg}.states`, "an array of recorded states", r.states));
  if (r.states.length === 0) throw new RangeError(message(fn, `${arg}.states`, "a non-empty array of recorded states", r.states));
  const count = r.states.length;
  const first = checkSpins(fn, `${arg}.states[0]`, r.states[0]);
  const states = r.states.map((s, k) => (k === 0 ? first : checkSpins(fn, `${arg}.states[${k}]`, s, first.length)));
  const times = checkNumbers(fn, `${arg}.times`, r.times, count);
  const energies = checkNumbers(fn, `${arg}.energies`, r.energies, count);
  let overlaps: number[][] = [];
  if (r.overlaps !== undefined) {
    if (!Array.isArray(r.overlaps)) throw new TypeError(message(fn, `${arg}.overlaps`, "an array of overlap lists (one per recorded state)", r.overlaps));
    if (r.overlaps.length > 0) {
      if (r.overlaps.length !== count) {
        throw new RangeError(message(fn, `${arg}.overlaps`, `${count} overlap lists (one per recorded state) or none`, r.overlaps) + ` (length ${r.overlaps.length})`);
      }
      const p0 = checkNumbers(fn, `${arg}.overlaps[0]`, r.overlaps[0]);
      overlaps = r.overlaps.map((o, k) => (k === 0 ? p0 : checkNumbers(fn, `${arg}.overlaps[${k}]`, o, p0.length)));
    }
  }
  const mode = r.mode === "sync" ? "sync" : "async";
  const reason = typeof r.reason === "string" ? r.reason : "unknown";
  const flips = typeof r.flips === "number" && Number.isFinite(r.flips) ? r.flips : undefined;
  return { states, times, energies, overlaps, mode, reason, flips };
}

/** "a fixed point", "a 2-cycle", "the sweep limit". */
function reasonWords(reason: string): string {
  if (reason === "fixed-point") return "a fixed point (no unit wants to change)";
  if (reason === "cycle") return "a 2-cycle (the state flips back and forth)";
  if (reason === "max-sweeps") return "the sweep limit";
  return reason;
}

/**
 * Recall as an animation: the network's state as an image, frame by frame, beside the energy
 * along the run and (when the result has overlaps) the overlap m_mu = (1/N) sum_i xi_i^mu s_i
 * with each stored pattern, with markers at the current time. Play/Pause buttons and a slider
 * (one step per frame, labelled by the time in sweeps) drive it; the recorded states are
 * downsampled to at most `frames` frames, keeping the cue and the final state. Record flips
 * (`record: "flip"` in hopfieldRecall) to see the image change unit by unit.
 *
 * @param result A HopfieldRecallResult (states +-1, times, energies, overlaps).
 * @throws TypeError when result is not a recall result or an option has the wrong kind.
 * @throws RangeError when the states, times, energies or overlaps disagree in length, a state
 *   value is not +-1, width * height is not the number of units, frames is not an integer in
 *   [2, 60], or labels does not hold one string per pattern.
 * @example
 * const run = { mode: "async", states: [[1, 1, -1, 1], [1, 1, 1, 1]], times: [0, 1], energies: [0, -3],
 *   overlaps: [], final: [1, 1, 1, 1], finalEnergy: -3, finalOverlaps: [], converged: true,
 *   reason: "fixed-point", sweeps: 2, flips: 1, seed: 1 };
 * recallFigure(run, { width: 2, height: 2 }).frames.length;
 * // => 2
 */
export function recallFigure(result: HopfieldRecallResult, options: RecallFigureOptions): Figure & { frames: FigureFrame[] } {
  const fn = "recallFigure";
  const run = checkRecall(fn, "result", result);
  const opts = checkPlotOptions(fn, options);
  const { width, height } = imageSize(fn, opts.width, opts.height, run.states[0].length);
  const maxFrames = integerOption(fn, "options.frames", opts.frames, RECALL_MAX_FRAMES, 2, RECALL_MAX_FRAMES);
  const duration = integerOption(fn, "options.frameDuration", opts.frameDuration, 200, 0, 5000);
  const patternCount = run.overlaps.length > 0 ? run.overlaps[0].length : 0;
  const labels = labelsOption(fn, "options.labels", opts.labels, patternCount, (k) => `pattern ${k + 1}`);
  const withOverlaps = patternCount > 0;
  const timeline = downsampleIndices(run.states.length, maxFrames);
  const keep = downsampleIndices(run.states.length, RECALL_MAX_POINTS);
  const timeTitle = run.mode === "sync" ? "parallel step" : "sweep";

  const imageDomain: [number, number] = [0, 0.4];
  const rightDomain: [number, number] = [0.56, 1];
  const energyY: [number, number] = withOverlaps ? [0.58, 1] : [0, 1];
  const overlapY: [number, number] = [0, 0.42];
  const image = imageAxes(width, height, "x", "y", imageDomain, [0, 1]);
  const data: PlotTrace[] = [];
  data.push(imageTrace(run.states[0], width, height, "state", "x", "y"));
  data.push({
    type: "scatter",
    mode: "lines",
    name: "energy E(s)",
    showlegend: false,
    x: keep.map((i) => roundForPlot(run.times[i])),
    y: keep.map((i) => roundForPlot(run.energies[i])),
    line: { color: INK, width: 2 },
    hovertemplate: `${timeTitle} %{x:.3g}<br>E = %{y:.4g}<extra></extra>`,
    xaxis: "x2",
    yaxis: "y2",
  });
  const energyNow = data.length;
  data.push({
    type: "scatter",
    mode: "markers",
    name: "now",
    showlegend: false,
    x: [roundForPlot(run.times[0])],
    y: [roundForPlot(run.energies[0])],
    marker: { size: 12, color: PALETTE[5], line: { color: INK, width: 1 } },
    hoverinfo: "skip",
    xaxis: "x2",
    yaxis: "y2",
  });
  let overlapNow = -1;
  if (withOverlaps) {
    for (let mu = 0; mu < patternCount; mu++) {
      data.push({
        type: "scatter",
        mode: "lines",
        name: labels[mu],
        legendgroup: `pattern ${mu}`,
        x: keep.map((i) => roundForPlot(run.times[i])),
        y: keep.map((i) => roundForPlot(run.overlaps[i][mu])),
        line: { color: paletteColor(mu), width: 2 },
        hovertemplate: `${timeTitle} %{x:.3g}<br>m = %{y:.3f}<extra>${labels[mu]}</extra>`,
        xaxis: "x3",
        yaxis: "y3",
      });
    }
    overlapNow = data.length;
    data.push({
      type: "scatter",
      mode: "markers",
      name: "overlaps now",
      showlegend: false,
      x: labels.map(() => roundForPlot(run.times[0])),
      y: run.overlaps[0].map((m) => roundForPlot(m)),
      marker: { size: 10, color: labels.map((_, mu) => paletteColor(mu)), line: { color: INK, width: 1 } },
      hoverinfo: "skip",
      xaxis: "x3",
      yaxis: "y3",
    });
  }

  const frameData = (i: number): Partial<PlotTrace>[] => {
    const parts: Partial<PlotTrace>[] = [
      { z: imageRows(run.states[i], width, height) },
      { x: [roundForPlot(run.times[i])], y: [roundForPlot(run.energies[i])] },
    ];
    if (withOverlaps) parts.push({ x: labels.map(() => roundForPlot(run.times[i])), y: run.overlaps[i].map((m) => roundForPlot(m)) });
    return parts;
  };
  const animated = withOverlaps ? [0, energyNow, overlapNow] : [0, energyNow];
  const frameName = (k: number) => `frame ${k}`;
  const frames: FigureFrame[] = timeline.map((i, k) => ({ name: frameName(k), data: frameData(i), traces: animated }));
  // Layout in pixels: the plot area, then the controls below the time axis's title.
  const top = 80;
  const figureHeight = 600;
  const bottomMargin = 150;
  const { updatemenus, sliders } = animationControls({
    frameNames: frames.map((f) => f.name),
    stepLabels: timeline.map((i) => formatNumber(run.times[i], 4)),
    frameDuration: duration,
    prefix: `${timeTitle} `,
    // Frames change the image's z: plotly must redraw.
    redraw: true,
    maxTickLabels: 10,
    plotHeight: figureHeight - top - bottomMargin,
  });

  const last = run.states.length - 1;
  const lastTime = run.times[last];
  const rises = energyIncreases(run.energies);
  const overlapWords = withOverlaps
    ? ` Bottom right: the overlap with each stored pattern (1 = identical, −1 = its negative), from ${labels
        .map((l, mu) => `${l} ${formatNumber(run.overlaps[0][mu])} to ${formatNumber(run.overlaps[last][mu])}`)
        .join(", ")}.`
    : "";
  const description =
    `Animation in ${frames.length} frames of ${run.mode === "sync" ? "synchronous" : "asynchronous"} recall. ` +
    `Left: the state as a ${width} by ${height} image (black +1, white −1), from the cue to the final state. ` +
    `${withOverlaps ? "Top right" : "Right"}: the energy against the ${timeTitle}, from ${formatNumber(run.energies[0], 4)} to ${formatNumber(run.energies[last], 4)} ` +
    `over ${formatNumber(lastTime, 4)} ${timeTitle}s${run.flips !== undefined ? ` and ${run.flips} unit flips` : ""}; ` +
    (rises.length === 0 ? "it never rises." : `it rises ${rises.length} time(s).`) +
    overlapWords +
    ` The run stopped at ${reasonWords(run.reason)}. Press Play, or drag the slider.`;
  const energyAxisTitle = "energy E(s)";
  const t0 = run.times[0];
  const pad = 0.04 * Math.max(lastTime - t0, 1e-9);
  const timeRange = [roundForPlot(t0 - pad), roundForPlot(lastTime + pad)];
  const figure = makeFigure({
    kind: "hopfield",
    title: titleOption(fn, opts.title, "Recall, update by update"),
    description: descriptionOption(fn, opts.description, description),
    data,
    frames,
    layout: {
      xaxis: image.x,
      yaxis: image.y,
      xaxis2: axis(withOverlaps ? "" : timeTitle, { domain: rightDomain, anchor: "y2", range: timeRange, ...(withOverlaps ? { matches: "x3", showticklabels: false } : {}) }),
      yaxis2: axis(energyAxisTitle, { domain: energyY, anchor: "x2" }),
      ...(withOverlaps
        ? {
            xaxis3: axis(timeTitle, { domain: rightDomain, anchor: "y3", range: timeRange }),
            yaxis3: axis("overlap m", { domain: overlapY, anchor: "x3", range: [-1.08, 1.08] }),
          }
        : {}),
      updatemenus,
      sliders,
      showlegend: withOverlaps,
      legend: { orientation: "h", x: rightDomain[0], xanchor: "left", y: overlapY[1] + 0.01, yanchor: "bottom", title: { text: "overlap with" }, borderwidth: 0, bgcolor: "rgba(0,0,0,0)" },
      margin: { l: 40, r: 30, t: top, b: bottomMargin },
      height: figureHeight,
    },
  });
  return figure as Figure & { frames: FigureFrame[] };
}

// ---------------------------------------------------------------------------------------------
// Energy along recall: the descent view

/**
 * The energy along one or more recall runs against time (sweeps for asynchronous runs, parallel
 * steps for synchronous ones): the descent view of a Hopfield network. An asynchronous update
 * changes the energy by dE = -(s_i' - s_i) h_i <= 0, so those curves never rise; any rise is
 * marked with a black cross and reported in the alt text (synchronous runs have no such
 * guarantee and can end in a 2-cycle). Optional dashed lines mark reference energies, such as
 * the energy of each stored pattern.
 *
 * @param results One HopfieldRecallResult or an array of them.
 * @throws TypeError when a result or an option has the wrong kind.
 * @throws RangeError when a result's times and energies disagree in length with its states, a
 *   value is not finite, or labels / levels are malformed.
 * @example
 * const run = { mode: "async", states: [[1, -1], [1, 1]], times: [0, 1], energies: [1, -1], overlaps: [],
 *   final: [1, 1], finalEnergy: -1, finalOverlaps: [], converged: true, reason: "fixed-point", sweeps: 2, flips: 1, seed: 1 };
 * recallEnergyFigure(run).layout.meta.kind;
 * // => "descent"
 */
export function recallEnergyFigure(
  results: HopfieldRecallResult | readonly HopfieldRecallResult[],
  options?: RecallEnergyOptions,
): Figure {
  const fn = "recallEnergyFigure";
  const list = Array.isArray(results) ? results : [results];
  checkNonEmptyArray(fn, "results", list, "HopfieldRecallResult");
  const argOf = (k: number) => (Array.isArray(results) ? `results[${k}]` : "results");
  const runs = list.map((r, k) => checkRecall(fn, argOf(k), r));
  const opts = checkPlotOptions(fn, options);
  const labels = labelsOption(fn, "options.labels", opts.labels, runs.length, (k) => `run ${k + 1} (${runs[k].mode})`);
  let levels: RecallEnergyLevel[] = [];
  if (opts.levels !== undefined) {
    if (!Array.isArray(opts.levels)) throw new TypeError(message(fn, "options.levels", "an array of { energy, label }", opts.levels));
    levels = opts.levels.map((level, k) => {
      const item = checkObject(fn, `options.levels[${k}]`, level, "a level { energy, label }");
      const [energy] = checkNumbers(fn, `options.levels[${k}].energy`, [item.energy], 1);
      return { energy, label: checkText(fn, `options.levels[${k}].label`, item.label) };
    });
  }
  const modes = new Set(runs.map((r) => r.mode));
  const timeTitle = modes.size === 2 ? "sweep (async) or parallel step (sync)" : modes.has("sync") ? "parallel step" : "sweep";
  const data: PlotTrace[] = [];
  const runWords: string[] = [];
  let tMax = 0;
  runs.forEach((run, k) => {
    const keep = downsampleIndices(run.energies.length, RECALL_MAX_POINTS);
    const color = paletteColor(k);
    const last = run.energies.length - 1;
    tMax = Math.max(tMax, run.times[last]);
    data.push({
      type: "scatter",
      mode: keep.length <= 80 ? "lines+markers" : "lines",
      name: labels[k],
      x: keep.map((i) => roundForPlot(run.times[i])),
      y: keep.map((i) => roundForPlot(run.energies[i])),
      line: { color, width: 2.5 },
      marker: { size: 7, color },
      hovertemplate: `${timeTitle} %{x:.3g}<br>E = %{y:.4g}<extra>${labels[k]}</extra>`,
    });
    const rises = energyIncreases(run.energies);
    if (rises.length > 0) {
      const shown = downsampleIndices(rises.length, RECALL_MAX_POINTS).map((j) => rises[j]);
      data.push({
        type: "scatter",
        mode: "markers",
        name: `${labels[k]}: energy rises`,
        x: shown.map((i) => roundForPlot(run.times[i])),
        y: shown.map((i) => roundForPlot(run.energies[i])),
        marker: { symbol: "x", size: 10, color: INK },
      });
    }
    runWords.push(
      `${labels[k]} (${paletteColorName(k)}, ${run.mode}): E goes from ${formatNumber(run.energies[0], 4)} to ${formatNumber(run.energies[last], 4)} ` +
        `in ${formatNumber(run.times[last], 4)} ${run.mode === "sync" ? "parallel steps" : "sweeps"}, ending at ${reasonWords(run.reason)}; ` +
        (rises.length === 0 ? "it never rises" : `it rises ${rises.length} time(s), marked with black crosses`),
    );
  });
  levels.forEach((level) => {
    data.push({
      type: "scatter",
      mode: "lines",
      name: level.label,
      x: [0, roundForPlot(tMax)],
      y: [roundForPlot(level.energy), roundForPlot(level.energy)],
      line: { color: "#777777", width: 1.5, dash: "dash" },
      hovertemplate: `${level.label}: E = %{y:.4g}<extra></extra>`,
    });
  });
  const description =
    `The energy E(s) = −½ sᵀWs − bᵀs against the ${timeTitle} for ${runs.length} recall run(s). ${runWords.join("; ")}.` +
    (levels.length > 0 ? ` Dashed grey lines: ${levels.map((l) => `${l.label} at E = ${formatNumber(l.energy, 4)}`).join(", ")}.` : "");
  return makeFigure({
    kind: "descent",
    title: titleOption(fn, opts.title, "Energy along recall"),
    description: descriptionOption(fn, opts.description, description),
    data,
    layout: {
      xaxis: axis(timeTitle, { rangemode: "tozero" }),
      yaxis: axis("energy E(s)"),
      legend: { orientation: "h", x: 0, xanchor: "left", y: -0.2, yanchor: "top" },
      margin: { l: 70, r: 30, t: 70, b: 110 },
      height: 460,
    },
  });
}

// ---------------------------------------------------------------------------------------------
// Capacity

/**
 * The storage-capacity experiment as a curve: for each load alpha = P/N, the fraction of
 * recalls that ended on their pattern (final overlap >= the result's threshold) and the mean
 * final overlap, with the large-N critical load alpha_c ~ 0.138 (Amit, Gutfreund & Sompolinsky
 * 1985, PRL 55:1530) as a dashed vertical line and the measured breakdown (where the recall
 * fraction first falls below `breakdownLevel`, linearly interpolated between loads) as a dotted
 * one. With `unstable` a second panel compares the fraction of unstable units at the stored
 * patterns with the signal-to-noise prediction 1/2 erfc(1 / sqrt(2 alpha)).
 *
 * @param result A CapacityResult from hopfieldCapacity.
 * @throws TypeError when result is not a capacity result or an option has the wrong kind.
 * @throws RangeError when it has no points, a load is not positive, a fraction is outside
 *   [0, 1], an overlap outside [-1, 1], or breakdownLevel outside (0, 1).
 * @example
 * const point = (a, f) => ({ load: a, patternCount: a * 100, effectiveLoad: a, meanOverlap: f, recallFraction: f,
 *   unstableFraction: 0, predictedUnstableFraction: 0, meanSweeps: 1, overlaps: [] });
 * const fig = capacityFigure({ N: 100, trials: 1, seed: 1, flipFraction: 0, recallThreshold: 0.95,
 *   criticalLoad: 0.138, points: [point(0.1, 1), point(0.2, 0)] });
 * fig.data.map((t) => t.name).includes("measured breakdown: α ≈ 0.15");
 * // => true
 */
export function capacityFigure(result: CapacityResult, options?: CapacityFigureOptions): Figure {
  const fn = "capacityFigure";
  const r = checkObject(fn, "result", result, "a CapacityResult { N, points, criticalLoad, ... }");
  const n = checkInteger(fn, "result.N", r.N, 2);
  const criticalLoad = checkNumbers(fn, "result.criticalLoad", [r.criticalLoad], 1)[0];
  if (!(criticalLoad > 0)) throw new RangeError(message(fn, "result.criticalLoad", "a positive number", criticalLoad));
  const threshold = r.recallThreshold === undefined ? 0.95 : checkNumbers(fn, "result.recallThreshold", [r.recallThreshold], 1)[0];
  const points = checkNonEmptyArray<Record<string, unknown>>(fn, "result.points", r.points, "capacity points");
  const opts = checkPlotOptions(fn, options);
  const unstable = booleanOption(fn, "options.unstable", opts.unstable, false);
  const level = opts.breakdownLevel === undefined ? 0.5 : checkNumbers(fn, "options.breakdownLevel", [opts.breakdownLevel], 1)[0];
  if (!(level > 0 && level < 1)) throw new RangeError(message(fn, "options.breakdownLevel", "a number in (0, 1)", level));
  const fraction = (k: number, field: string, value: unknown, lo: number): number => {
    const [v] = checkNumbers(fn, `result.points[${k}].${field}`, [value], 1);
    if (!(v >= lo && v <= 1)) throw new RangeError(message(fn, `result.points[${k}].${field}`, `a number in [${lo}, 1]`, v));
    return v;
  };
  const rows = points.map((value, k) => {
    const p = checkObject(fn, `result.points[${k}]`, value, "a CapacityPoint { effectiveLoad, recallFraction, meanOverlap, ... }");
    const [load] = checkNumbers(fn, `result.points[${k}].effectiveLoad`, [p.effectiveLoad], 1);
    if (!(load > 0)) throw new RangeError(message(fn, `result.points[${k}].effectiveLoad`, "a positive number", load));
    return {
      load,
      patterns: typeof p.patternCount === "number" ? p.patternCount : Math.round(load * n),
      recall: fraction(k, "recallFraction", p.recallFraction, 0),
      overlap: fraction(k, "meanOverlap", p.meanOverlap, -1),
      unstable: unstable ? fraction(k, "unstableFraction", p.unstableFraction, 0) : 0,
      predicted: unstable ? fraction(k, "predictedUnstableFraction", p.predictedUnstableFraction, 0) : 0,
    };
  });
  rows.sort((a, b) => a.load - b.load);
  const loads = rows.map((p) => p.load);
  const measured = loadCrossing(loads, rows.map((p) => p.recall), level);
  const hover = (what: string) => `α = %{x:.3g} (P = %{customdata})<br>${what} %{y:.3f}<extra></extra>`;
  const leftDomain: [number, number] = unstable ? [0, 0.56] : [0, 1];
  const data: PlotTrace[] = [
    {
      type: "scatter",
      mode: "lines+markers",
      name: `recalled (final overlap ≥ ${formatNumber(threshold)})`,
      x: roundAll(loads),
      y: roundAll(rows.map((p) => p.recall)),
      customdata: rows.map((p) => p.patterns),
      line: { color: PALETTE[0], width: 2.5 },
      marker: { size: 8, color: PALETTE[0] },
      hovertemplate: hover("recalled:"),
    },
    {
      type: "scatter",
      mode: "lines+markers",
      name: "mean final overlap",
      x: roundAll(loads),
      y: roundAll(rows.map((p) => p.overlap)),
      customdata: rows.map((p) => p.patterns),
      line: { color: PALETTE[1], width: 2, dash: "dash" },
      marker: { size: 7, color: PALETTE[1], symbol: "square" },
      hovertemplate: hover("mean overlap"),
    },
    {
      type: "scatter",
      mode: "lines",
      name: `α_c ≈ ${formatNumber(criticalLoad)} (Amit, Gutfreund & Sompolinsky 1985)`,
      x: [roundForPlot(criticalLoad), roundForPlot(criticalLoad)],
      y: [0, 1.05],
      line: { color: INK, width: 1.5, dash: "dash" },
      hoverinfo: "name",
    },
  ];
  if (measured !== undefined) {
    data.push({
      type: "scatter",
      mode: "lines",
      name: `measured breakdown: α ≈ ${formatNumber(measured, 2)}`,
      x: [roundForPlot(measured), roundForPlot(measured)],
      y: [0, 1.05],
      line: { color: PALETTE[5], width: 2, dash: "dot" },
      hoverinfo: "name",
    });
  }
  const layout: Record<string, unknown> = {
    xaxis: axis("load α = P / N", { domain: leftDomain, anchor: "y", rangemode: "tozero" }),
    yaxis: axis("fraction recalled / overlap", { anchor: "x", range: [-0.03, 1.05] }),
    legend: { orientation: "h", x: 0, xanchor: "left", y: -0.2, yanchor: "top" },
    margin: { l: 70, r: 30, t: 80, b: 140 },
    height: 500,
  };
  if (unstable) {
    data.push(
      {
        type: "scatter",
        mode: "markers",
        name: "unstable units at the patterns (measured)",
        x: roundAll(loads),
        y: roundAll(rows.map((p) => p.unstable)),
        marker: { size: 8, color: PALETTE[2], symbol: "diamond" },
        xaxis: "x2",
        yaxis: "y2",
        hovertemplate: "α = %{x:.3g}<br>unstable fraction %{y:.4f}<extra>measured</extra>",
      },
      {
        type: "scatter",
        mode: "lines",
        name: "½ erfc(1/√(2α)) (signal-to-noise prediction)",
        x: roundAll(loads),
        y: roundAll(rows.map((p) => p.predicted)),
        line: { color: PALETTE[2], width: 2 },
        xaxis: "x2",
        yaxis: "y2",
        hovertemplate: "α = %{x:.3g}<br>predicted %{y:.4f}<extra></extra>",
      },
    );
    layout.xaxis2 = axis("load α = P / N", { domain: [0.68, 1], anchor: "y2", rangemode: "tozero" });
    layout.yaxis2 = axis("unstable fraction", { anchor: "x2", rangemode: "tozero" });
    layout.annotations = [
      panelHeading("recall", leftDomain, 1),
      panelHeading("first update: unstable units", [0.68, 1], 1),
    ];
  }
  const pointWords = rows.map((p) => `α = ${formatNumber(p.load)}: ${formatNumber(100 * p.recall, 3)}% recalled, mean overlap ${formatNumber(p.overlap)}`);
  const description =
    `Storage capacity of a Hopfield network of N = ${n} units: the fraction of recalls that end on their pattern (blue) and the mean final overlap (orange, dashed) ` +
    `against the load α = P/N. ${pointWords.join("; ")}. A dashed black line marks the large-N critical load α_c ≈ ${formatNumber(criticalLoad)} ` +
    `(Amit, Gutfreund & Sompolinsky 1985). ` +
    (measured !== undefined
      ? `The recall fraction falls below ${formatNumber(100 * level)}% at α ≈ ${formatNumber(measured, 3)} (dotted vermillion line).`
      : `The recall fraction does not fall below ${formatNumber(100 * level)}% between the loads tried.`) +
    (unstable ? " Right: the fraction of units of the stored patterns that a first update would flip (green diamonds) against ½ erfc(1/√(2α)) (green line)." : "");
  return makeFigure({
    kind: "hopfield",
    title: titleOption(fn, opts.title, "How many memories fit? Recall against the load P/N"),
    description: descriptionOption(fn, opts.description, description),
    data,
    layout,
  });
}

// ---------------------------------------------------------------------------------------------
// Boltzmann machine: sampled against exact, across temperatures

/**
 * Boltzmann-machine state histograms across temperatures, one panel per temperature (small
 * multiples): the frequencies of the states visited by Gibbs sampling as orange bars, and the
 * exact probabilities p(s) = exp(-E(s)/T) / Z from enumeration as blue diamonds. For N <= 6 every
 * one of the 2^N states is on the x-axis in index order (index = sum_i [s_i = +1] 2^i); for
 * larger N (or with `topK`) the K states of highest exact probability, in decreasing order. The
 * alt text reports, per temperature, the most probable state and the total variation distance
 * 1/2 sum_s |f(s) - p(s)| between the sampled and the exact distribution.
 *
 * @param samples One BoltzmannSamples per temperature (from boltzmannGibbsSample, N <= 20).
 * @param exact One BoltzmannDistribution per temperature, same order and same T.
 * @throws TypeError when an argument or option has the wrong kind.
 * @throws RangeError when the lists are empty, longer than 12 or differ in length, sizes differ,
 *   a sample has no frequencies (N > 20), a temperature does not match, frequencies or
 *   probabilities are not 2^N numbers in [0, 1], or topK is not an integer in [1, min(2^N, 64)].
 * @example
 * const exact = { size: 1, T: 1, probabilities: Float64Array.of(0.25, 0.75) };
 * const samples = { size: 1, T: 1, sweeps: 4, frequencies: Float64Array.of(0.25, 0.75) };
 * const fig = boltzmannFigure([samples], [exact]);
 * fig.data.map((t) => t.type);
 * // => ["bar", "scatter"]
 */
export function boltzmannFigure(
  samples: readonly BoltzmannSamples[],
  exact: readonly BoltzmannDistribution[],
  options?: BoltzmannFigureOptions,
): Figure {
  const fn = "boltzmannFigure";
  checkNonEmptyArray(fn, "samples", samples, "BoltzmannSamples (one per temperature)");
  checkNonEmptyArray(fn, "exact", exact, "BoltzmannDistribution (one per temperature)");
  if (samples.length > 12) throw new RangeError(message(fn, "samples", "at most 12 temperatures", samples) + ` (${samples.length})`);
  if (exact.length !== samples.length) {
    throw new RangeError(message(fn, "exact", `${samples.length} distribution(s), one per entry of samples`, exact) + ` (length ${exact.length})`);
  }
  const firstExact = checkObject(fn, "exact[0]", exact[0], "a BoltzmannDistribution { size, T, probabilities, ... }");
  const n = checkInteger(fn, "exact[0].size", firstExact.size, 1, BOLTZMANN_MAX_UNITS);
  const count = 2 ** n;
  const panelsData = samples.map((value, k) => {
    const e = checkObject(fn, `exact[${k}]`, exact[k], "a BoltzmannDistribution { size, T, probabilities, ... }");
    const s = checkObject(fn, `samples[${k}]`, value, "a BoltzmannSamples { size, T, frequencies, ... }");
    if (e.size !== n) throw new RangeError(message(fn, `exact[${k}].size`, `${n} like exact[0].size`, e.size));
    if (s.size !== n) throw new RangeError(message(fn, `samples[${k}].size`, `${n} (the size of exact[${k}])`, s.size));
    const [T] = checkNumbers(fn, `exact[${k}].T`, [e.T], 1);
    if (!(T > 0)) throw new RangeError(message(fn, `exact[${k}].T`, "a positive temperature", T));
    const [sampleT] = checkNumbers(fn, `samples[${k}].T`, [s.T], 1);
    if (Math.abs(sampleT - T) > 1e-9 * Math.max(1, T)) {
      throw new RangeError(message(fn, `samples[${k}].T`, `${formatNumber(T, 6)} (the temperature of exact[${k}])`, sampleT));
    }
    if (s.frequencies === undefined) {
      throw new RangeError(message(fn, `samples[${k}].frequencies`, `the visit frequencies of the 2^${n} states`, s.frequencies));
    }
    const frequencies = checkProbabilities(fn, `samples[${k}].frequencies`, s.frequencies, count);
    const probabilities = checkProbabilities(fn, `exact[${k}].probabilities`, e.probabilities, count);
    const sweeps = typeof s.sweeps === "number" && Number.isFinite(s.sweeps) ? s.sweeps : undefined;
    return { T, frequencies, probabilities, sweeps };
  });
  const opts = checkPlotOptions(fn, options);
  const maxK = Math.min(count, 64);
  const topK = opts.topK === undefined ? (n <= 6 ? undefined : Math.min(16, count)) : checkInteger(fn, "options.topK", opts.topK, 1, maxK);
  const stateLabels = choiceOption(fn, "options.stateLabels", opts.stateLabels, ["bits", "index"] as const, n <= 3 ? "bits" : "index");
  const columns = integerOption(fn, "options.columns", opts.columns, Math.min(panelsData.length, 2), 1, 12);
  const shared = booleanOption(fn, "options.sharedRange", opts.sharedRange, false);
  const panels = subplotGrid(panelsData.length, columns, { x: 0.08, y: 0.2 });
  const rows = panels[panels.length - 1].row + 1;
  const nameOf = (index: number) => (stateLabels === "bits" ? bitString(stateOf(index, n)) : String(index));
  const data: PlotTrace[] = [];
  const layout: Record<string, unknown> = {};
  const annotations: Record<string, unknown>[] = [];
  const words: string[] = [];
  let top = 0;
  const chosen = panelsData.map((d) => {
    if (topK === undefined) return Array.from({ length: count }, (_, i) => i);
    return Array.from({ length: count }, (_, i) => i)
      .sort((a, b) => d.probabilities[b] - d.probabilities[a] || a - b)
      .slice(0, topK);
  });
  panelsData.forEach((d, k) => {
    const panel: SubplotPanel = panels[k];
    const states = chosen[k];
    const x = states.map(nameOf);
    const hoverText = states.map((i) => `state ${i}: ${bitString(stateOf(i, n))}`);
    top = Math.max(top, ...states.map((i) => Math.max(d.frequencies[i], d.probabilities[i])));
    data.push({
      type: "bar",
      name: `Gibbs sampling${d.sweeps !== undefined ? ` (${d.sweeps} sweeps)` : ""}`,
      legendgroup: "sampled",
      showlegend: k === 0,
      x,
      y: states.map((i) => roundForPlot(d.frequencies[i])),
      text: hoverText,
      marker: { color: PALETTE[1], opacity: 0.8 },
      hovertemplate: "%{text}<br>sampled frequency %{y:.4f}<extra></extra>",
      textposition: "none",
      xaxis: panel.xaxis,
      yaxis: panel.yaxis,
    });
    data.push({
      type: "scatter",
      mode: "markers",
      name: "exact p(s) = exp(−E(s)/T) / Z",
      legendgroup: "exact",
      showlegend: k === 0,
      x,
      y: states.map((i) => roundForPlot(d.probabilities[i])),
      text: hoverText,
      marker: { symbol: "diamond", size: states.length > 32 ? 6 : 9, color: PALETTE[0], line: { color: INK, width: 1 } },
      hovertemplate: "%{text}<br>exact p %{y:.4f}<extra></extra>",
      xaxis: panel.xaxis,
      yaxis: panel.yaxis,
    });
    const lastRow = panel.row === rows - 1 || k + columns >= panelsData.length;
    const xTitle = !lastRow ? "" : topK !== undefined ? `the ${states.length} most probable states` : stateLabels === "bits" ? `state (units 1 to ${n}: + or −)` : "state index";
    layout[panel.xaxisKey] = axis(xTitle, {
      domain: panel.xDomain,
      anchor: panel.yaxis,
      type: "category",
      tickangle: states.length * Math.max(...x.map((label) => label.length)) > 40 ? -90 : 0,
      tickfont: { size: states.length > 32 ? 9 : 12, family: "Menlo, Consolas, monospace" },
      showgrid: false,
    });
    layout[panel.yaxisKey] = axis(panel.column === 0 ? "probability" : "", { domain: panel.yDomain, anchor: panel.xaxis, rangemode: "tozero" });
    annotations.push(panelHeading(`T = ${formatNumber(d.T, 4)} (β = ${formatNumber(1 / d.T, 4)})`, panel.xDomain, panel.yDomain[1]));
    let tv = 0;
    let best = 0;
    for (let i = 0; i < count; i++) {
      tv += Math.abs(d.frequencies[i] - d.probabilities[i]);
      if (d.probabilities[i] > d.probabilities[best]) best = i;
    }
    const mass = states.reduce((sum, i) => sum + d.probabilities[i], 0);
    words.push(
      `T = ${formatNumber(d.T, 4)}: most probable state ${best} (${bitString(stateOf(best, n))}) with exact p = ${formatNumber(d.probabilities[best])} ` +
        `and sampled ${formatNumber(d.frequencies[best])}; total variation distance ${formatNumber(tv / 2, 2)}` +
        (topK !== undefined ? `; the states shown hold ${formatNumber(100 * mass, 3)}% of the probability` : ""),
    );
  });
  if (shared) {
    for (const panel of panels) layout[panel.yaxisKey] = { ...(layout[panel.yaxisKey] as object), range: [0, roundForPlot(1.08 * top)] };
  }
  const height = Math.max(420, 220 + rows * 260);
  const description =
    `Small multiples, one panel per temperature, of a Boltzmann machine with ${n} units: the frequency of each state in Gibbs sampling (orange bars) ` +
    `against its exact probability p(s) = exp(−E(s)/T) / Z by enumeration (blue diamonds). ` +
    (topK === undefined ? `All ${count} states are shown, in index order. ` : `Each panel shows the ${topK} most probable states, most probable first. `) +
    `${words.join("; ")}.`;
  return makeFigure({
    kind: "gibbs",
    betas: exact.map((e) => 1 / e.T),
    title: titleOption(fn, opts.title, "Boltzmann machine: sampled states against the exact distribution"),
    description: descriptionOption(fn, opts.description, description),
    data,
    layout: {
      ...layout,
      annotations,
      bargap: 0.15,
      legend: { orientation: "h", x: 0, xanchor: "left", y: roundForPlot(-100 / (height - 80 - 140), 3), yanchor: "top" },
      margin: { l: 70, r: 30, t: 80, b: 140 },
      height,
    },
  });
}

// ---------------------------------------------------------------------------------------------
// The landscape of a small network

/**
 * The energy landscape of a small network (N <= 12 units): every one of the 2^N states as a dot
 * at (Hamming distance from a reference state, energy), with the stored patterns marked as
 * stars, their mirror images -xi (which have the same energy when there are no biases) as open
 * stars, and every other local minimum (a state no single flip can lower: a fixed point of
 * asynchronous recall) as a white diamond, a spurious memory such as a mixture of patterns.
 * States at the same distance are spread sideways in index order so the cloud shows how many
 * there are. A right panel follows the energy along a path between two stored patterns that
 * flips one differing unit at a time, each time the one that leaves the lowest energy: the
 * barrier between the two memories.
 *
 * @param energies E(s) of all 2^N states, index = sum_i [s_i = +1] 2^i (for example
 *   `boltzmannExact(net, undefined, 1).energies`), or an object with such an `energies` field.
 * @throws TypeError when energies is not an array or an option has the wrong kind.
 * @throws RangeError when there are not 2^N finite energies with N in [2, 12], a pattern or the
 *   reference is not N values +-1, labels do not match the patterns, or the path names a
 *   pattern that is not there.
 * @example
 * // Two units that like to agree: E = -s1 s2.
 * const fig = networkLandscapeFigure([-1, 1, 1, -1], { patterns: [[1, 1]] });
 * fig.layout.meta.kind;
 * // => "landscape"
 */
export function networkLandscapeFigure(
  energies: ArrayLike<number> | { readonly energies: ArrayLike<number> },
  options?: NetworkLandscapeOptions,
): Figure {
  const fn = "networkLandscapeFigure";
  const raw = isArrayLike(energies) ? energies : energies !== null && typeof energies === "object" ? (energies as { energies: unknown }).energies : energies;
  if (!isArrayLike(raw)) throw new TypeError(message(fn, "energies", "an array of 2^N energies (or an object with an energies field)", energies));
  const n = Math.round(Math.log2(raw.length));
  if (!(raw.length >= 4 && 2 ** n === raw.length && n <= LANDSCAPE_MAX_UNITS)) {
    throw new RangeError(message(fn, "energies", `2^N energies, one per state, with N from 2 to ${LANDSCAPE_MAX_UNITS}`, raw) + ` (length ${raw.length})`);
  }
  const e = checkNumbers(fn, "energies", raw);
  const count = e.length;
  const opts = checkPlotOptions(fn, options);
  let patterns: number[][] = [];
  if (opts.patterns !== undefined) {
    if (!Array.isArray(opts.patterns)) throw new TypeError(message(fn, "options.patterns", `an array of patterns of ${n} values +-1`, opts.patterns));
    patterns = opts.patterns.map((p, k) => checkSpins(fn, `options.patterns[${k}]`, p, n));
  }
  const labels = labelsOption(fn, "options.labels", opts.labels, patterns.length, (k) => `pattern ${k + 1}`);
  const reference = opts.reference !== undefined ? checkSpins(fn, "options.reference", opts.reference, n) : patterns.length > 0 ? patterns[0] : stateOf(0, n);
  const referenceName =
    opts.reference !== undefined ? "the reference state" : patterns.length > 0 ? labels[0] : "the all −1 state";
  let path: [number, number] | undefined;
  if (opts.path === false) path = undefined;
  else if (opts.path === undefined) path = patterns.length >= 2 ? [0, 1] : undefined;
  else {
    if (!Array.isArray(opts.path) || opts.path.length !== 2) throw new TypeError(message(fn, "options.path", "two pattern indices [a, b] or false", opts.path));
    const a = checkInteger(fn, "options.path[0]", opts.path[0], 0, Math.max(0, patterns.length - 1));
    const b = checkInteger(fn, "options.path[1]", opts.path[1], 0, Math.max(0, patterns.length - 1));
    if (patterns.length === 0) throw new RangeError(message(fn, "options.path", "false when no patterns are given", opts.path));
    if (a === b) throw new RangeError(message(fn, "options.path", "two different patterns", opts.path));
    path = [a, b];
  }

  // Local minima: no single flip lowers E (a fixed point of asynchronous recall).
  const scale = Math.max(1, ...e.map(Math.abs));
  const tol = 1e-12 * scale;
  const isMinimum = (index: number) => {
    for (let i = 0; i < n; i++) if (e[index ^ (1 << i)] < e[index] - tol) return false;
    return true;
  };
  const patternIndex = patterns.map(indexOfState);
  const mirrorIndex = patterns.map((p) => indexOfState(p.map((v) => -v)));
  const minima: number[] = [];
  for (let index = 0; index < count; index++) if (isMinimum(index)) minima.push(index);
  const spurious = minima.filter((i) => !patternIndex.includes(i) && !mirrorIndex.includes(i));
  const mirrors = mirrorIndex.map((i, k) => ({ i, k })).filter(({ i }) => minima.includes(i) && !patternIndex.includes(i));

  // Positions: distance from the reference, spread sideways within a column in index order.
  const ref = indexOfState(reference);
  const distance = Array.from({ length: count }, (_, i) => bitCount(i ^ ref));
  const columnSize = new Array<number>(n + 1).fill(0);
  for (const d of distance) columnSize[d]++;
  const seen = new Array<number>(n + 1).fill(0);
  const xs = new Array<number>(count);
  for (let i = 0; i < count; i++) {
    const d = distance[i];
    const size = columnSize[d];
    xs[i] = size === 1 ? d : d + 0.7 * (seen[d] / (size - 1) - 0.5);
    seen[d]++;
  }
  const withPath = path !== undefined;
  const leftDomain: [number, number] = withPath ? [0, 0.58] : [0, 1];
  const hoverState = `state %{customdata}<br>distance %{x:.0f} from ${referenceName}<br>E = %{y:.4g}<extra></extra>`;
  const data: PlotTrace[] = [
    {
      type: "scatter",
      mode: "markers",
      name: `all ${count} states`,
      x: roundAll(xs, 4),
      y: roundAll(e),
      customdata: Array.from({ length: count }, (_, i) => i),
      marker: { size: count > 1024 ? 3 : 5, color: CLOUD_COLOR, opacity: 0.6 },
      hovertemplate: hoverState,
      xaxis: "x",
      yaxis: "y",
    },
  ];
  if (spurious.length > 0) {
    data.push({
      type: "scatter",
      mode: "markers",
      name: "spurious minimum",
      x: spurious.map((i) => roundForPlot(xs[i], 4)),
      y: spurious.map((i) => roundForPlot(e[i])),
      customdata: spurious,
      marker: { symbol: "diamond", size: 11, color: "white", line: { color: INK, width: 1.5 } },
      hovertemplate: `spurious minimum, ${hoverState}`,
      xaxis: "x",
      yaxis: "y",
    });
  }
  if (mirrors.length > 0) {
    data.push({
      type: "scatter",
      mode: "markers",
      name: "mirror image −ξ",
      x: mirrors.map(({ i }) => roundForPlot(xs[i], 4)),
      y: mirrors.map(({ i }) => roundForPlot(e[i])),
      customdata: mirrors.map(({ i }) => i),
      text: mirrors.map(({ k }) => `−${labels[k]}`),
      marker: { symbol: "star-open", size: 14, color: mirrors.map(({ k }) => paletteColor(k)), line: { width: 2 } },
      hovertemplate: `%{text}, ${hoverState}`,
      xaxis: "x",
      yaxis: "y",
    });
  }
  // Labels near either end of the distance axis lean inward, and may reach past the axes
  // (cliponaxis: false), so a long label is never cut off at the edge of the plot.
  const leanInward = (x: number, lo: number, hi: number) => (x - lo < 0.75 ? "top right" : hi - x < 0.75 ? "top left" : "top center");
  if (patterns.length > 0) {
    data.push({
      type: "scatter",
      mode: "markers+text",
      name: "stored pattern",
      x: patternIndex.map((i) => roundForPlot(xs[i], 4)),
      y: patternIndex.map((i) => roundForPlot(e[i])),
      customdata: patternIndex,
      text: labels,
      textposition: patternIndex.map((i) => leanInward(xs[i], 0, n)),
      cliponaxis: false,
      marker: { symbol: "star", size: 17, color: patterns.map((_, k) => paletteColor(k)), line: { color: INK, width: 1 } },
      hovertemplate: `%{text}, ${hoverState}`,
      xaxis: "x",
      yaxis: "y",
    });
  }
  const layout: Record<string, unknown> = {
    xaxis: axis(`Hamming distance from ${referenceName}`, { domain: leftDomain, anchor: "y", dtick: 1, range: [-0.6, n + 0.6], showgrid: false }),
    yaxis: axis("energy E(s)", { anchor: "x" }),
    // Below the two-line title of the path panel's x-axis.
    legend: { orientation: "h", x: 0, xanchor: "left", y: -0.29, yanchor: "top" },
    margin: { l: 70, r: 40, t: 90, b: 140 },
    height: 540,
  };
  let pathWords = "";
  if (path !== undefined) {
    const [a, b] = path;
    const target = patternIndex[b];
    let current = patternIndex[a];
    const route = [current];
    while (current !== target) {
      let bestNext = -1;
      for (let i = 0; i < n; i++) {
        const bit = 1 << i;
        if ((current & bit) === (target & bit)) continue;
        const next = current ^ bit;
        if (bestNext < 0 || e[next] < e[bestNext] - tol) bestNext = next;
      }
      current = bestNext;
      route.push(current);
    }
    const routeEnergies = route.map((i) => e[i]);
    let peak = 0;
    routeEnergies.forEach((v, k) => {
      if (v > routeEnergies[peak]) peak = k;
    });
    data.push(
      {
        type: "scatter",
        mode: "lines+markers",
        name: `path ${labels[a]} → ${labels[b]}, one flip at a time`,
        x: route.map((_, k) => k),
        y: roundAll(routeEnergies),
        customdata: route,
        line: { color: PALETTE[2], width: 2.5 },
        marker: { size: 7, color: PALETTE[2] },
        hovertemplate: `flip %{x}: state %{customdata}<br>E = %{y:.4g}<extra></extra>`,
        xaxis: "x2",
        yaxis: "y2",
      },
      {
        type: "scatter",
        mode: "markers+text",
        name: "path ends",
        showlegend: false,
        x: [0, route.length - 1],
        y: [roundForPlot(routeEnergies[0]), roundForPlot(routeEnergies[route.length - 1])],
        text: [labels[a], labels[b]],
        // The ends sit on the edges of the panel: their labels lean inward.
        textposition: ["top right", "top left"],
        cliponaxis: false,
        marker: { symbol: "star", size: 17, color: [paletteColor(a), paletteColor(b)], line: { color: INK, width: 1 } },
        hoverinfo: "text",
        xaxis: "x2",
        yaxis: "y2",
      },
    );
    // Two short lines: the panel is a third of the figure wide.
    layout.xaxis2 = axis(`units flipped<br>(${labels[a]} → ${labels[b]})`, {
      domain: [0.68, 1],
      anchor: "y2",
      // Half a unit of room beyond each end, for the end stars.
      range: [-0.5, route.length - 0.5],
      ...(route.length > 16 ? {} : { dtick: 1 }),
    });
    layout.yaxis2 = axis("energy E(s)", { anchor: "x2", matches: "y" });
    layout.annotations = [panelHeading("every state", leftDomain, 1), panelHeading("a path between two memories", [0.68, 1], 1)];
    pathWords =
      ` Right: the energy along a path from ${labels[a]} to ${labels[b]} that flips one of the ${route.length - 1} differing units at a time, always the one leaving the lowest energy; ` +
      `it climbs from ${formatNumber(routeEnergies[0], 4)} to a highest point of ${formatNumber(routeEnergies[peak], 4)} after ${peak} flip(s), then falls to ${formatNumber(
        routeEnergies[route.length - 1],
        4,
      )}: a barrier of ${formatNumber(routeEnergies[peak] - routeEnergies[0], 4)} separates the two memories.`;
  }
  const notMinimum = patternIndex.map((i, k) => ({ i, k })).filter(({ i }) => !minima.includes(i));
  const description =
    `${withPath ? "Left: e" : "E"}very one of the ${count} states of a network of ${n} units as a grey dot at its Hamming distance from ${referenceName} (spread sideways within each distance) and its energy E(s). ` +
    `Energies run from ${formatNumber(Math.min(...e), 4)} to ${formatNumber(Math.max(...e), 4)}. There are ${minima.length} local minima (states no single flip can lower)` +
    (patterns.length > 0 ? `: stored patterns are coloured stars (${labels.map((l, k) => `${l} at E = ${formatNumber(e[patternIndex[k]], 4)}`).join(", ")})` : "") +
    (mirrors.length > 0 ? `, ${mirrors.length} mirror image(s) −ξ open stars` : "") +
    (spurious.length > 0 ? `, and ${spurious.length} spurious minimum(s) white diamonds (${spurious.map((i) => `E = ${formatNumber(e[i], 4)}`).join(", ")})` : ", and no spurious minimum") +
    "." +
    (notMinimum.length > 0 ? ` Not a local minimum: ${notMinimum.map(({ k }) => labels[k]).join(", ")}.` : "") +
    pathWords;
  return makeFigure({
    kind: "landscape",
    title: titleOption(fn, opts.title, "Energy landscape of a small network"),
    description: descriptionOption(fn, opts.description, description),
    data,
    layout,
  });
}
