/**
 * Descent figures: paths of gradient descent (or flow) drawn over the landscape, beside the
 * energy along each path against the step (the Lyapunov view: for small steps it never rises).
 * `descentAnimation` plays the same runs step by step with play/pause buttons and a slider.
 */
import type { DescentResult, Energy } from "../types";
import { checkDescentResult, checkEnergy, integerOption, checkNonEmptyArray, checkNumbers, type CheckedDescent, type MinimumMarker } from "./checks";
import { animationControls } from "./animation";
import { downsampleIndices } from "./downsample";
import type { Figure, FigureFrame, PlotTrace } from "./figure";
import { paddedRange, type LandscapeGridOptions } from "./grid";
import { headingAnnotation } from "./subplots";
import { LANDSCAPE_POINTS_2D, contourTrace, curve1D, curveTrace, describeMinima, grid2D, minimaTrace, resolveMinima, type ResolvedMinimum } from "./landscape";
import { INK, axis, axisTitles, descriptionOption, energyNamePhrase, formatNumber, formatPoint, makeFigure, paletteColor, paletteColorName, roundForPlot, titleOption } from "./style";
import { message, readOptions } from "../validate";

/** Options of {@link descentFigure} and {@link descentAnimation}. */
export interface DescentFigureOptions extends LandscapeGridOptions {
  /** One legend label per run. @default "run i from <start>" */
  labels?: readonly string[];
  /** Minima to mark on the landscape. @default energy.knownMinima; `false` marks none. */
  minima?: readonly MinimumMarker[] | false;
  /** Most points drawn per path (paths are downsampled, keeping first and last). @default 200 */
  maxPoints?: number;
  /** Clip the contour colours at this energy (2D). @default the grid maximum */
  energyMax?: number;
  /** @default "Gradient descent on the <energy.name>" (or on E(x) = <formula> for a formula energy named by its formula) */
  title?: string;
  /** Alt text. @default generated from the data */
  description?: string;
}

/** Options of {@link descentAnimation}. */
export interface DescentAnimationOptions extends DescentFigureOptions {
  /** Most animation frames (the timeline is downsampled, keeping first and last). @default 100, at most 200 */
  maxFrames?: number;
  /** Milliseconds per frame when playing. @default 80 */
  frameDuration?: number;
}

/** The largest number of frames or points per path a descent figure draws. */
export const DESCENT_MAX_FRAMES = 200;

/** The option names of {@link descentFigure}, all without defaults (each builder fills its own). */
const FIGURE_OPTIONS = {
  axes: undefined,
  range: undefined,
  points: undefined,
  labels: undefined,
  minima: undefined,
  maxPoints: undefined,
  energyMax: undefined,
  title: undefined,
  description: undefined,
} as const;

interface Prepared {
  runs: CheckedDescent[];
  labels: string[];
  variables: readonly string[];
  minima: ResolvedMinimum[];
  timeTitle: string;
  /** Static traces of the landscape panel (curve or contour, then minima). */
  landscape: PlotTrace[];
  /** Axis layout of the landscape panel. */
  leftAxes: { xaxis: Record<string, unknown>; yaxis: Record<string, unknown> };
  landscapeWords: string;
}

/** Checks the inputs shared by both builders and draws the landscape panel. */
function prepare(fn: string, energy: Energy, results: unknown, options: DescentFigureOptions | undefined, animated: boolean): Prepared & { opts: DescentFigureOptions } {
  checkEnergy(fn, "energy", energy, [1, 2], "descent figures draw 1D and 2D landscapes");
  const list = Array.isArray(results) ? results : [results];
  const argOf = (i: number) => (Array.isArray(results) ? `results[${i}]` : "results");
  checkNonEmptyArray<DescentResult>(fn, "results", list, "DescentResult");
  const runs = list.map((r, i) => checkDescentResult(fn, argOf(i), r, energy.dimension, energy.name));
  const names = animated ? { ...FIGURE_OPTIONS, maxFrames: undefined, frameDuration: undefined } : FIGURE_OPTIONS;
  const opts = readOptions(fn, options, names) as DescentFigureOptions;
  let labels: string[];
  if (opts.labels !== undefined) {
    if (!Array.isArray(opts.labels) || opts.labels.length !== runs.length || opts.labels.some((l) => typeof l !== "string")) {
      throw new RangeError(message(fn, "options.labels", `${runs.length} string(s), one per run`, opts.labels));
    }
    labels = [...opts.labels];
  } else {
    labels = runs.map((r, i) => `run ${i + 1} from ${formatPoint(r.path[0], energy.variables)}`);
  }
  const variables = energy.variables;
  const minima = resolveMinima(fn, energy, opts.minima);
  const allTimesIntegers = runs.every((r) => r.times.every((t) => Number.isInteger(t)));
  const timeTitle = allTimesIntegers ? axisTitles.step : axisTitles.time;
  const include = runs.flatMap((r) => r.path);
  const landscape: PlotTrace[] = [];
  let leftAxes: Prepared["leftAxes"];
  let landscapeWords: string;
  if (energy.dimension === 1) {
    const curve = curve1D(fn, energy, opts, include);
    landscape.push(curveTrace(curve, variables, { xaxis: "x", yaxis: "y" }));
    const xs = curve.xs;
    leftAxes = {
      xaxis: axis(axisTitles.state(variables[0]), { domain: [0, 0.56], range: [roundForPlot(xs[0]), roundForPlot(xs[xs.length - 1])] }),
      yaxis: axis(axisTitles.energy(variables), { range: paddedRange([...curve.energies, ...runs.flatMap((r) => r.energies)]) }),
    };
    landscapeWords = `the energy curve ${axisTitles.energy(variables)} for ${variables[0]} from ${formatNumber(xs[0])} to ${formatNumber(xs[xs.length - 1])}`;
  } else {
    const grid = grid2D(fn, energy, opts, LANDSCAPE_POINTS_2D, include);
    let clip = grid.max;
    if (opts.energyMax !== undefined) {
      [clip] = checkNumbers(fn, "options.energyMax", [opts.energyMax], 1);
      if (!(clip > grid.min)) throw new RangeError(message(fn, "options.energyMax", `a number above the grid minimum ${formatNumber(grid.min)}`, clip));
    }
    landscape.push(contourTrace(grid, variables, clip, 20, { showscale: false, xaxis: "x", yaxis: "y" }));
    if (minima.length > 0) landscape.push(minimaTrace(minima, minima.map(() => "white"), 2, { marker: { symbol: "star", size: 15, color: "white", line: { color: INK, width: 1 } } }));
    leftAxes = {
      xaxis: axis(axisTitles.state(variables[0]), { domain: [0, 0.56], range: [grid.xs[0], grid.xs[grid.xs.length - 1]] }),
      yaxis: axis(axisTitles.state(variables[1]), { range: [grid.ys[0], grid.ys[grid.ys.length - 1]] }),
    };
    landscapeWords = `the topographic map of ${axisTitles.energy(variables)} (dark purple low, yellow high)`;
  }
  return { runs, labels, variables, minima, timeTitle, landscape, leftAxes, landscapeWords, opts };
}

/** Words for one run: where it starts and ends, how long, and why it stopped. */
function describeRun(run: CheckedDescent, label: string, k: number, variables: readonly string[], timeTitle: string): string {
  const last = run.path.length - 1;
  const steps = timeTitle === axisTitles.step ? `${formatNumber(run.times[last] - run.times[0], 6)} steps` : `t = ${formatNumber(run.times[last])}`;
  let words =
    `${label} (${paletteColorName(k)}) starts at ${formatPoint(run.path[0], variables)} with E = ${formatNumber(run.energies[0])} ` +
    `and ends at ${formatPoint(run.path[last], variables)} with E = ${formatNumber(run.energies[last])} after ${steps} (${run.reason})`;
  if (run.dropped > 0) words += `; the last ${run.dropped} recorded point(s) were not finite and are not drawn`;
  return words;
}

/** The right-hand axes: energy against step or t. */
function rightAxes(runs: readonly CheckedDescent[], timeTitle: string): Record<string, unknown> {
  const times = runs.flatMap((r) => r.times);
  const energies = runs.flatMap((r) => r.energies);
  const [t0, t1] = [Math.min(...times), Math.max(...times)];
  return {
    xaxis2: axis(timeTitle, { domain: [0.68, 1], anchor: "y2", range: [roundForPlot(t0), roundForPlot(t1 > t0 ? t1 : t0 + 1)] }),
    yaxis2: axis("E along the path", { anchor: "x2", range: paddedRange(energies) }),
  };
}

/** Panel headings above the two subplots. */
/** The right panel's curve of one run: E at the kept indices against the step (or t). */
function energyCurve(run: CheckedDescent, keep: readonly number[], label: string, k: number, line: Record<string, unknown>): PlotTrace {
  return {
    type: "scatter",
    mode: "lines",
    name: `${label}: energy`,
    legendgroup: `run${k}`,
    showlegend: false,
    x: keep.map((i) => roundForPlot(run.times[i])),
    y: keep.map((i) => roundForPlot(run.energies[i])),
    line,
    xaxis: "x2",
    yaxis: "y2",
  };
}

function panelTitles(left: string, right: string): Record<string, unknown>[] {
  return [headingAnnotation(`<b>${left}</b>`, 0.28, 1.0), headingAnnotation(`<b>${right}</b>`, 0.84, 1.0)];
}

/**
 * Descent paths over the landscape, beside the energy along each path against the step.
 *
 * Left panel: the landscape (1D curve, or 2D topographic map) with each run's path in its own
 * palette colour, the start as a white triangle and the end as a filled one. Right panel:
 * E(x_t) against the step (or t), the Lyapunov view: for gradient descent with a small enough
 * step the curves never rise. The rises each run recorded (its `energyRises`, counted once by
 * gradientDescent or gradientFlow with the run's own tolerance) are marked with black crosses
 * and named in the alt text. Paths longer than `maxPoints` are downsampled for drawing. A run
 * that diverged is drawn up to its last finite point. A run whose `energyName` is not the
 * energy's name is refused (it was computed on another landscape).
 *
 * @throws TypeError when energy or a result has the wrong kind.
 * @throws RangeError when the energy is not 1D or 2D, results is empty, a result's path,
 *   energies and times differ in length, a point has the wrong dimension, or a value is not
 *   finite (outside a diverged run's tail).
 * @example
 * const well = energyFromFunction((x) => (x[0] ** 2 - 1) ** 2, { domain: { lower: [-2], upper: [2] } });
 * const run = { path: [[0.5], [0.8], [1]], energies: [0.5625, 0.1296, 0], times: [0, 1, 2],
 *   iterations: 2, converged: true, reason: "converged", final: [1], finalEnergy: 0, energyRises: [] };
 * descentFigure(well, [run]).layout.meta.kind;
 * // => "descent"
 * const jumpy = gradientDescent(doubleWell(), [0.5], { eta: 0.6, stopOnEnergyIncrease: false, maxIterations: 20 });
 * descentFigure(doubleWell(), jumpy).data.filter((t) => t.name === "energy rose")[0].x.length === jumpy.energyRises.length;
 * // => true
 */
export function descentFigure(energy: Energy, results: DescentResult | readonly DescentResult[], options?: DescentFigureOptions): Figure {
  const fn = "descentFigure";
  const p = prepare(fn, energy, results, options, false);
  const maxPoints = integerOption(fn, "options.maxPoints", p.opts.maxPoints, DESCENT_MAX_FRAMES, 2, 1000);
  const oneD = energy.dimension === 1;
  const data: PlotTrace[] = [...p.landscape];
  const rises: string[] = [];
  const unrecorded = p.runs.filter((r) => r.energyRises === undefined).length;
  p.runs.forEach((run, k) => {
    const color = paletteColor(k);
    const keep = downsampleIndices(run.path.length, maxPoints);
    const xs = keep.map((i) => roundForPlot(run.path[i][0]));
    const ys = keep.map((i) => roundForPlot(oneD ? run.energies[i] : run.path[i][1]));
    data.push({
      type: "scatter",
      mode: keep.length <= 60 ? "lines+markers" : "lines",
      name: p.labels[k],
      legendgroup: `run${k}`,
      x: xs,
      y: ys,
      line: { color, width: 2 },
      marker: { color, size: 6 },
      xaxis: "x",
      yaxis: "y",
    });
    data.push({
      type: "scatter",
      mode: "markers",
      name: `${p.labels[k]}: start and end`,
      legendgroup: `run${k}`,
      showlegend: false,
      x: [xs[0], xs[xs.length - 1]],
      y: [ys[0], ys[ys.length - 1]],
      marker: { symbol: oneD ? ["triangle-up", "triangle-up"] : ["triangle-up", "circle"], size: 14, color: ["white", color], line: { color: INK, width: 1.5 } },
      hovertext: ["start", "end"],
      hoverinfo: "text",
      xaxis: "x",
      yaxis: "y",
    });
    data.push(energyCurve(run, keep, p.labels[k], k, { color, width: 2 }));
    const up = run.energyRises ?? [];
    if (up.length > 0) {
      rises.push(`${p.labels[k]} at ${up.length} step(s)${up.length <= 8 ? ` (${up.map((i) => formatNumber(run.times[i], 6)).join(", ")})` : ""}`);
      const shown = up.length > maxPoints ? downsampleIndices(up.length, maxPoints).map((j) => up[j]) : up;
      data.push({
        type: "scatter",
        mode: "markers",
        name: "energy rose",
        legendgroup: "rises",
        showlegend: rises.length === 1,
        x: shown.map((i) => roundForPlot(run.times[i])),
        y: shown.map((i) => roundForPlot(run.energies[i])),
        marker: { symbol: "x", size: 10, color: INK },
        xaxis: "x2",
        yaxis: "y2",
      });
    }
  });
  const runWords = p.runs.map((r, k) => describeRun(r, p.labels[k], k, p.variables, p.timeTitle)).join("; ");
  let description =
    `Two panels. Left: ${p.landscapeWords}, with ${p.runs.length} descent path(s) drawn on it; each starts at a white triangle and ends at a filled marker. ` +
    `${runWords}.` +
    (p.minima.length > 0 ? ` Known minima: ${describeMinima(p.minima, p.variables)}.` : "") +
    ` Right: the energy along each path against the ${p.timeTitle === axisTitles.step ? "step" : "time t"}. ` +
    (unrecorded === p.runs.length
      ? "The runs do not say where their energy rose (no energyRises), so no rises are marked."
      : rises.length === 0
        ? `The energy never rises along ${unrecorded > 0 ? "the runs that record their rises" : "any path"}: it acts as a Lyapunov function.`
        : `The energy rises (marked with black crosses) for ${rises.join("; ")}: the step is too large for E to act as a Lyapunov function there.`);
  return makeFigure({
    kind: "descent",
    title: titleOption(fn, p.opts.title, `Gradient descent on ${energyNamePhrase(energy)}`),
    description: descriptionOption(fn, p.opts.description, description),
    data,
    layout: {
      ...p.leftAxes,
      ...rightAxes(p.runs, p.timeTitle),
      annotations: panelTitles(oneD ? "paths on the landscape" : "paths on the map", "energy along the path"),
      legend: { orientation: "h", x: 0, y: -0.2, xanchor: "left", yanchor: "top" },
      margin: { l: 70, r: 30, t: 90, b: 120 },
      height: 560,
    },
  });
}

/**
 * The descent runs animated: each run's current point moves along its path (with a short
 * trail) over the faint full path, and a marker moves along its energy curve on the right.
 * Play/Pause buttons and a step slider (one step per frame) control it; at most 200 frames,
 * the timeline downsampled keeping its first and last step. Frame k shows, for every run, the
 * recorded point at timeline index s_k (a run that already stopped stays at its last point).
 *
 * @throws TypeError and RangeError as {@link descentFigure}, and RangeError when maxFrames is
 *   not an integer in [2, 200] or frameDuration not an integer in [0, 5000].
 * @example
 * const well = energyFromFunction((x) => (x[0] ** 2 - 1) ** 2, { domain: { lower: [-2], upper: [2] } });
 * const run = { path: [[0.5], [0.8], [1]], energies: [0.5625, 0.1296, 0], times: [0, 1, 2],
 *   iterations: 2, converged: true, reason: "converged", final: [1], finalEnergy: 0, energyRises: [] };
 * descentAnimation(well, run).frames.length;
 * // => 3
 */
export function descentAnimation(
  energy: Energy,
  results: DescentResult | readonly DescentResult[],
  options?: DescentAnimationOptions,
): Figure & { frames: FigureFrame[] } {
  const fn = "descentAnimation";
  const p = prepare(fn, energy, results, options, true);
  const opts = p.opts as DescentAnimationOptions;
  const maxFrames = integerOption(fn, "options.maxFrames", opts.maxFrames, 100, 2, DESCENT_MAX_FRAMES);
  const duration = integerOption(fn, "options.frameDuration", opts.frameDuration, 80, 0, 5000);
  const oneD = energy.dimension === 1;
  const trailLength = 8;
  const longest = p.runs.reduce((best, r) => (r.path.length > best.path.length ? r : best), p.runs[0]);
  const timeline = downsampleIndices(longest.path.length, maxFrames);
  const data: PlotTrace[] = [...p.landscape];
  const animated: number[] = [];
  const at = (run: CheckedDescent, s: number) => Math.min(s, run.path.length - 1);
  const coord = (run: CheckedDescent, i: number) => [roundForPlot(run.path[i][0]), roundForPlot(oneD ? run.energies[i] : run.path[i][1])];

  // Static: each run's faint full path and energy curve.
  p.runs.forEach((run, k) => {
    const keep = downsampleIndices(run.path.length, DESCENT_MAX_FRAMES);
    const color = paletteColor(k);
    data.push({
      type: "scatter",
      mode: "lines",
      name: p.labels[k],
      legendgroup: `run${k}`,
      x: keep.map((i) => coord(run, i)[0]),
      y: keep.map((i) => coord(run, i)[1]),
      line: { color, width: 1.5, dash: "dot" },
      opacity: 0.6,
      xaxis: "x",
      yaxis: "y",
    });
    data.push({ ...energyCurve(run, keep, p.labels[k], k, { color, width: 1.5 }), opacity: 0.6 });
  });

  // Animated: per run, the trail and head on the landscape, and the head on the energy curve.
  // Frames carry only x and y (and the hover text); the style stays in the traces of `data`.
  const moving = (s: number): Partial<PlotTrace>[] =>
    p.runs.flatMap((run, k) => {
      const i = at(run, s);
      const runKeep = timeline.filter((t) => t <= i).map((t) => at(run, t));
      const trail = [...runKeep.slice(-trailLength), i].filter((v, j, arr) => j === 0 || v !== arr[j - 1]);
      return [
        { x: trail.map((j) => coord(run, j)[0]), y: trail.map((j) => coord(run, j)[1]) },
        { x: [coord(run, i)[0]], y: [coord(run, i)[1]], hovertext: [`${p.labels[k]}: ${p.timeTitle} ${formatNumber(run.times[i], 6)}`] },
        { x: [roundForPlot(run.times[i])], y: [roundForPlot(run.energies[i])] },
      ];
    });
  const styles = (k: number): PlotTrace[] => {
    const color = paletteColor(k);
    return [
      { type: "scatter", mode: "lines", name: `${p.labels[k]}: trail`, line: { color, width: 3 }, showlegend: false, hoverinfo: "skip", xaxis: "x", yaxis: "y" },
      { type: "scatter", mode: "markers", name: `${p.labels[k]}: now`, marker: { size: 15, color, line: { color: INK, width: 1.5 } }, showlegend: false, hoverinfo: "text", xaxis: "x", yaxis: "y" },
      { type: "scatter", mode: "markers", name: `${p.labels[k]}: energy now`, marker: { size: 12, color, line: { color: INK, width: 1.5 } }, showlegend: false, hoverinfo: "skip", xaxis: "x2", yaxis: "y2" },
    ];
  };
  const first = moving(timeline[0]);
  p.runs.forEach((_, k) => {
    styles(k).forEach((trace, j) => {
      animated.push(data.length);
      data.push({ ...trace, ...first[3 * k + j] } as PlotTrace);
    });
  });

  const frameName = (k: number) => `frame ${k}`;
  const frames: FigureFrame[] = timeline.map((s, k) => ({ name: frameName(k), data: moving(s), traces: animated }));
  // Layout in pixels: the plot area, then (below the x-axis titles) the controls, then the legend.
  const top = 90;
  const height = 660;
  const bottomMargin = 210;
  const controls = animationControls({
    frameNames: frames.map((f) => f.name),
    stepLabels: timeline.map((s) => formatNumber(longest.times[s], 6)),
    frameDuration: duration,
    prefix: p.timeTitle === axisTitles.step ? "step " : "t = ",
    // Frames only move points: no full redraw.
    redraw: false,
    // Many steps: no tick labels (they would overlap); the current value shows the step.
    maxTickLabels: 20,
    plotHeight: height - top - bottomMargin,
  });
  const runWords = p.runs.map((r, k) => describeRun(r, p.labels[k], k, p.variables, p.timeTitle)).join("; ");
  const description =
    `Animation in ${frames.length} frames. Left: ${p.landscapeWords}, with each run's full path dotted and its current point moving along it. ` +
    `Right: the energy along each path against the ${p.timeTitle === axisTitles.step ? "step" : "time t"}, with a marker at the current ${p.timeTitle === axisTitles.step ? "step" : "time"}. ` +
    `${runWords}. Press Play, or drag the slider.`;
  const figure = makeFigure({
    kind: "descent",
    title: titleOption(fn, opts.title, `Gradient descent on ${energyNamePhrase(energy)}, step by step`),
    description: descriptionOption(fn, opts.description, description),
    data,
    frames,
    layout: {
      ...p.leftAxes,
      ...rightAxes(p.runs, p.timeTitle),
      annotations: panelTitles(oneD ? "rolling downhill" : "paths on the map", "energy along the path"),
      legend: { orientation: "h", x: 0, y: roundForPlot(-(controls.bottom + 10) / (height - top - bottomMargin), 4), xanchor: "left", yanchor: "top" },
      margin: { l: 70, r: 30, t: top, b: bottomMargin },
      height,
      updatemenus: controls.updatemenus,
      sliders: controls.sliders,
    },
  });
  return figure as Figure & { frames: FigureFrame[] };
}
