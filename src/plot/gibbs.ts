/**
 * Gibbs figures: p(x) = exp(-beta E(x)) / Z at several inverse temperatures, as small multiples
 * (with sampled histograms beside the exact density), as one figure with a beta slider, and
 * overlaid to show the collapse onto the global minimum (or the split between tied minima) as
 * beta grows (zero temperature).
 */
import type { GibbsDensity, Histogram } from "../types";
import { message } from "../validate";
import { booleanOption, checkGibbsDensity, checkHistogram, checkNonEmptyArray, checkNumbers, checkPlotOptions, choiceOption, integerOption, type CheckedDensity } from "./checks";
import type { Figure, PlotTrace } from "./figure";
import { globalMinimaOnGrid, laplaceShares, refineAt, type GridMinimum } from "./gridMinima";
import { curveForDisplay, heatmapForDisplay } from "./densityForDisplay";
import { panelHeading, subplotGrid } from "./subplots";
import { INK, SEQUENTIAL_SCALE, axis, axisTitles, betaLabel, descriptionOption, formatNumber, formatPoint, makeFigure, paletteColor, roundAll, roundForPlot, sequentialColor, titleOption } from "./style";

/** Options shared by the Gibbs figures. */
export interface GibbsFigureOptions {
  /** One sampled histogram per density (1D only), drawn as bars behind the exact curve. */
  histograms?: readonly Histogram[];
  /** Names of the state variables. @default ["x"] in 1D, ["x", "y"] in 2D */
  variables?: readonly string[];
  /** Panels per row (small multiples). @default min(count, 3) */
  columns?: number;
  /** One density axis range for all betas (true), or each its own (false). @default false */
  sharedRange?: boolean;
  /** @default "Gibbs distribution at several temperatures" */
  title?: string;
  /** Alt text. @default generated from the data */
  description?: string;
}

/** Options of {@link gibbsSliderFigure}. */
export interface GibbsSliderOptions extends GibbsFigureOptions {
  /** Index of the density shown first. @default 0 */
  active?: number;
}

/** Options of {@link zeroTemperatureFigure}. */
export interface ZeroTemperatureOptions {
  /** "peak": divide each density by its maximum, so every peak reaches 1 and the narrowing shows; "none": raw densities. @default "peak" */
  normalise?: "peak" | "none";
  /** Log scale on the density axis (1D): the tails fall off by orders of magnitude as beta grows. @default false */
  logScale?: boolean;
  /**
   * Where the global minimum is (marked as the beta -> infinity limit). Give `minima` instead
   * when several minima tie. @default the global minima of the grid energies of the coldest
   *   density: every grid minimum within `tieTolerance` of the lowest (refined between grid points)
   */
  minimum?: readonly number[];
  /** Several tied global minima to mark (instead of `minimum`). @default as for `minimum` */
  minima?: readonly (readonly number[])[];
  /**
   * Grid minima whose energies lie within this of the lowest count as tied, and are all marked.
   * @default 1e-4 times the range of the grid energies of the coldest density
   */
  tieTolerance?: number;
  /** Names of the state variables. @default ["x"] in 1D, ["x", "y"] in 2D */
  variables?: readonly string[];
  /** Panels per row (2D only). @default min(count, 3) */
  columns?: number;
  /** @default "Towards zero temperature: p(x) as beta grows" */
  title?: string;
  /** Alt text. @default generated from the data */
  description?: string;
}

/** Checks a list of densities: non-empty, all of one dimension. */
function checkDensities(fn: string, value: unknown): CheckedDensity[] {
  const list = checkNonEmptyArray<GibbsDensity>(fn, "densities", value, "GibbsDensity");
  const checked = list.map((d, i) => checkGibbsDensity(fn, `densities[${i}]`, d));
  const dimension = checked[0].axes.length;
  const odd = checked.findIndex((d) => d.axes.length !== dimension);
  if (odd >= 0) {
    throw new RangeError(message(fn, `densities[${odd}].axes`, `${dimension} axis/axes like densities[0]`, list[odd].axes));
  }
  return checked;
}

/** Checks the optional histograms: one per density, 1D densities only. */
function checkHistograms(fn: string, value: unknown, densities: readonly CheckedDensity[]): ReturnType<typeof checkHistogram>[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) throw new TypeError(message(fn, "options.histograms", "an array of Histogram", value));
  if (value.length !== densities.length) {
    throw new RangeError(message(fn, "options.histograms", `${densities.length} histogram(s), one per density`, value) + ` (length ${value.length})`);
  }
  if (densities[0].axes.length !== 1) throw new RangeError(message(fn, "options.histograms", "absent for 2D densities (histograms are 1D)", value));
  return value.map((h, i) => checkHistogram(fn, `options.histograms[${i}]`, h));
}

/** Checks variable names against the dimension. */
function checkVariables(fn: string, value: unknown, dimension: number): readonly string[] {
  if (value === undefined) return dimension === 1 ? ["x"] : ["x", "y"];
  if (!Array.isArray(value) || value.length !== dimension || value.some((v) => typeof v !== "string" || v === "")) {
    throw new RangeError(message(fn, "options.variables", `${dimension} non-empty name(s)`, value));
  }
  return value;
}

/** The index of the largest value. */
function argmax(values: readonly number[]): number {
  let best = 0;
  for (let i = 1; i < values.length; i++) if (values[i] > values[best]) best = i;
  return best;
}

/** The grid point of flat index i: [x] or [x, y] (row-major, index = i + nx j). */
function gridPoint(d: CheckedDensity, index: number): number[] {
  if (d.axes.length === 1) return [d.axes[0][index]];
  const nx = d.axes[0].length;
  return [d.axes[0][index % nx], d.axes[1][Math.floor(index / nx)]];
}

/** Words for one density: where its peak is and how high. */
function describePeak(d: CheckedDensity, variables: readonly string[]): string {
  const k = argmax(d.density);
  return `β = ${formatNumber(d.beta)}: peak ${formatNumber(d.density[k])} at ${formatPoint(gridPoint(d, k), variables)}`;
}

/** The traces of one density (line or heatmap, plus histogram bars) on given axes. */
function densityTraces(
  d: CheckedDensity,
  histogram: ReturnType<typeof checkHistogram> | undefined,
  variables: readonly string[],
  where: { xaxis: string; yaxis: string },
  first: boolean,
  extra: Partial<PlotTrace> = {},
): PlotTrace[] {
  const label = betaLabel(d.beta);
  if (d.axes.length === 2) {
    const cells = heatmapForDisplay(d.axes[0], d.axes[1], d.density);
    return [
      {
        type: "heatmap",
        name: label,
        x: roundAll(cells.x),
        y: roundAll(cells.y),
        z: cells.z.map((row) => roundAll(row)),
        colorscale: SEQUENTIAL_SCALE.map(([t, c]) => [t, c]),
        showscale: false,
        hovertemplate: `${variables[0]} = %{x:.3g}<br>${variables[1]} = %{y:.3g}<br>p = %{z:.3g}<extra>${label}</extra>`,
        ...where,
        ...extra,
      },
    ];
  }
  const traces: PlotTrace[] = [];
  if (histogram) {
    traces.push({
      type: "bar",
      name: "samples (histogram)",
      legendgroup: "histogram",
      showlegend: first,
      x: roundAll(histogram.centers),
      y: roundAll(histogram.density),
      width: histogram.edges.slice(1).map((e, i) => roundForPlot(e - histogram.edges[i])),
      marker: { color: paletteColor(1), line: { width: 0 } },
      opacity: 0.55,
      hovertemplate: `${variables[0]} = %{x:.3g}<br>density = %{y:.3g}<extra>${label}</extra>`,
      ...where,
      ...extra,
    });
  }
  const curve = curveForDisplay(d.axes[0], d.density);
  traces.push({
    type: "scatter",
    mode: "lines",
    name: `exact ${axisTitles.density(variables)}`,
    legendgroup: "exact",
    showlegend: first,
    x: roundAll(curve.x),
    y: roundAll(curve.y),
    line: { color: paletteColor(0), width: 2.5 },
    hovertemplate: `${variables[0]} = %{x:.3g}<br>p = %{y:.3g}<extra>${label}</extra>`,
    ...where,
    ...extra,
  });
  return traces;
}

/** The largest density value across densities and histograms (for a shared axis). */
function sharedMax(densities: readonly CheckedDensity[], histograms?: readonly { density: number[] }[]): number {
  let max = 0;
  for (const d of densities) for (const v of d.density) if (v > max) max = v;
  for (const h of histograms ?? []) for (const v of h.density) if (v > max) max = v;
  return max > 0 ? max : 1;
}

/**
 * Small multiples of the Gibbs distribution, one panel per inverse temperature beta: the exact
 * density p(x) = exp(-beta E(x)) / Z as a line and, when given, a histogram of samples as bars
 * (1D); a heatmap of p(x, y) per panel (2D, each panel scaled to its own maximum).
 * A fine grid is drawn at display size, so the figure stays small: at most 1000 points a curve,
 * keeping every stretch's highest and lowest value (a narrow cold peak keeps its exact height),
 * and at most 80 cells a side for a heatmap, each the mean of its block (see densityForDisplay.ts).
 * The same holds for {@link gibbsSliderFigure} and {@link zeroTemperatureFigure}.
 *
 * @throws TypeError when densities or an option has the wrong kind.
 * @throws RangeError when densities is empty, a density does not match its grid, has a negative
 *   or non-finite value, the densities mix 1D and 2D, or histograms do not pair up one to one.
 * @example
 * const xs = [-1, 0, 1];
 * const d = { beta: 1, axes: [xs], density: Float64Array.of(0.25, 0.5, 0.25), logDensity: new Float64Array(3),
 *   energies: Float64Array.of(1, 0, 1), logZ: 0, cellVolume: 1 };
 * gibbsFigure([d]).layout.meta.kind;
 * // => "gibbs"
 */
export function gibbsFigure(densities: readonly GibbsDensity[], options?: GibbsFigureOptions): Figure {
  const fn = "gibbsFigure";
  const checked = checkDensities(fn, densities);
  const opts = checkPlotOptions(fn, options);
  const histograms = checkHistograms(fn, opts.histograms, checked);
  const dimension = checked[0].axes.length;
  const variables = checkVariables(fn, opts.variables, dimension);
  const columns = integerOption(fn, "options.columns", opts.columns, Math.min(checked.length, 3), 1, 12);
  const shared = booleanOption(fn, "options.sharedRange", opts.sharedRange, false);
  const panels = subplotGrid(checked.length, columns, { x: 0.06, y: dimension === 1 ? 0.16 : 0.14 });
  const rows = panels[panels.length - 1].row + 1;
  const top = shared ? roundForPlot(1.05 * sharedMax(checked, histograms)) : undefined;
  const data: PlotTrace[] = [];
  const layout: Record<string, unknown> = {};
  const annotations: Record<string, unknown>[] = [];
  checked.forEach((d, k) => {
    const panel = panels[k];
    data.push(...densityTraces(d, histograms?.[k], variables, { xaxis: panel.xaxis, yaxis: panel.yaxis }, k === 0));
    const lastRow = panel.row === rows - 1 || k + columns >= checked.length;
    layout[panel.xaxisKey] = axis(lastRow ? axisTitles.state(variables[0]) : "", { domain: panel.xDomain, anchor: panel.yaxis });
    const yTitle = panel.column === 0 ? (dimension === 1 ? axisTitles.density(variables) : axisTitles.state(variables[1])) : "";
    layout[panel.yaxisKey] = axis(yTitle, {
      domain: panel.yDomain,
      anchor: panel.xaxis,
      ...(dimension === 1 && shared ? { range: [0, top] } : {}),
      ...(dimension === 1 && !shared ? { rangemode: "tozero" } : {}),
    });
    annotations.push(panelHeading(panel, `β = ${formatNumber(d.beta, 4)}`));
  });
  const betas = checked.map((d) => formatNumber(d.beta, 4)).join(", ");
  const description =
    (dimension === 1
      ? `Small multiples, one panel per inverse temperature β = ${betas}: the exact Gibbs density ${axisTitles.density(variables)} ∝ exp(−β E) as a blue line` +
        (histograms ? ", with a histogram of samples as orange bars" : "") +
        (shared ? "; all panels share one density axis." : "; each panel has its own density axis.")
      : `Small multiples, one heatmap per inverse temperature β = ${betas}, of the Gibbs density ${axisTitles.density(variables)} ∝ exp(−β E) (dark purple low, yellow high; each panel scaled to its own maximum).`) +
    ` ${checked.map((d) => describePeak(d, variables)).join("; ")}.`;
  return makeFigure({
    kind: "gibbs",
    betas: checked.map((d) => d.beta),
    title: titleOption(fn, opts.title, "Gibbs distribution at several temperatures"),
    description: descriptionOption(fn, opts.description, description),
    data,
    layout: {
      ...layout,
      annotations,
      bargap: 0,
      barmode: "overlay",
      showlegend: dimension === 1,
      legend: { orientation: "h", x: 0, y: -0.12 / rows - 0.06, xanchor: "left", yanchor: "top" },
      height: Math.max(360, 150 + rows * (dimension === 1 ? 250 : 300)),
    },
  });
}

/**
 * One panel with a beta slider: the slider has one step per density, labelled "beta = 0.5",
 * and each step shows that density (and its histogram, when given) and hides the others.
 * Works without a kernel: the slider lives inside the figure.
 *
 * @throws TypeError and RangeError as {@link gibbsFigure}, and RangeError when `active` is not
 *   the index of a density.
 * @example
 * const d = (beta) => ({ beta, axes: [[-1, 0, 1]], density: Float64Array.of(0.25, 0.5, 0.25),
 *   logDensity: new Float64Array(3), energies: Float64Array.of(1, 0, 1), logZ: 0, cellVolume: 1 });
 * gibbsSliderFigure([d(0.5), d(2)]).layout.sliders[0].steps[1].label;
 * // => "beta = 2"
 */
export function gibbsSliderFigure(densities: readonly GibbsDensity[], options?: GibbsSliderOptions): Figure {
  const fn = "gibbsSliderFigure";
  const checked = checkDensities(fn, densities);
  const opts = checkPlotOptions(fn, options);
  const histograms = checkHistograms(fn, opts.histograms, checked);
  const dimension = checked[0].axes.length;
  const variables = checkVariables(fn, opts.variables, dimension);
  const shared = booleanOption(fn, "options.sharedRange", opts.sharedRange, false);
  const active = integerOption(fn, "options.active", opts.active, 0, 0, checked.length - 1);
  const data: PlotTrace[] = [];
  const owner: number[] = [];
  checked.forEach((d, k) => {
    const traces = densityTraces(d, histograms?.[k], variables, { xaxis: "x", yaxis: "y" }, true, { visible: k === active });
    if (dimension === 2) traces[0].showscale = true;
    if (dimension === 2) traces[0].colorbar = { title: { text: axisTitles.density(variables), side: "right" }, thickness: 16 };
    for (const t of traces) {
      t.name = `${t.name} (${betaLabel(d.beta)})`;
      data.push(t);
      owner.push(k);
    }
  });
  const steps = checked.map((d, k) => ({
    method: "restyle",
    label: betaLabel(d.beta),
    args: [{ visible: owner.map((o) => o === k) }],
  }));
  const top = roundForPlot(1.05 * sharedMax(checked, histograms));
  const xs = checked.flatMap((d) => [d.axes[0][0], d.axes[0][d.axes[0].length - 1]]);
  const betas = checked.map((d) => formatNumber(d.beta, 4)).join(", ");
  const description =
    `One panel with a slider over the inverse temperature β (${betas}); each slider step shows ` +
    (dimension === 1
      ? `the exact Gibbs density ${axisTitles.density(variables)} ∝ exp(−β E) as a blue line${histograms ? " and a histogram of samples as orange bars" : ""}`
      : `a heatmap of the Gibbs density ${axisTitles.density(variables)} ∝ exp(−β E) (dark purple low, yellow high)`) +
    ` for that β. ${checked.map((d) => describePeak(d, variables)).join("; ")}. Shown first: β = ${formatNumber(checked[active].beta, 4)}.`;
  const layout: Record<string, unknown> = {
    xaxis: axis(axisTitles.state(variables[0]), { range: [roundForPlot(Math.min(...xs)), roundForPlot(Math.max(...xs))] }),
    yaxis:
      dimension === 1
        ? axis(axisTitles.density(variables), shared ? { range: [0, top] } : { rangemode: "tozero", autorange: true })
        : axis(axisTitles.state(variables[1])),
    sliders: [
      {
        active,
        steps,
        x: 0,
        len: 1,
        y: -0.12,
        yanchor: "top",
        pad: { t: 30 },
        currentvalue: { visible: true, prefix: "", xanchor: "left", font: { size: 16 } },
      },
    ],
    bargap: 0,
    barmode: "overlay",
    legend: { x: 1, xanchor: "right", y: 1 },
    margin: { l: 70, r: 30, t: 70, b: 110 },
    height: 520,
  };
  return makeFigure({
    kind: "gibbs",
    betas: checked.map((d) => d.beta),
    title: titleOption(fn, opts.title, "Gibbs distribution: move the β slider"),
    description: descriptionOption(fn, opts.description, description),
    data,
    layout,
  });
}

/** The width of the set where p >= half its peak: grid points above half the peak times the spacing (1D). */
export function halfPeakWidth(d: { axes: number[][]; density: readonly number[] }): number {
  const xs = d.axes[0];
  const peak = Math.max(...d.density);
  let width = 0;
  for (let i = 0; i < xs.length; i++) {
    if (d.density[i] >= peak / 2) {
      const left = i > 0 ? (xs[i] - xs[i - 1]) / 2 : 0;
      const right = i < xs.length - 1 ? (xs[i + 1] - xs[i]) / 2 : 0;
      width += left + right;
    }
  }
  return width;
}

/** The global minima a zero-temperature figure marks: given, or found on the coldest grid. */
function zeroTemperatureMinima(fn: string, opts: ZeroTemperatureOptions, coldest: CheckedDensity, dimension: number): GridMinimum[] {
  if (opts.minimum !== undefined && opts.minima !== undefined) {
    throw new RangeError(message(fn, "options.minima", "absent when options.minimum is given (give one or the other)", opts.minima));
  }
  const nearest = (x: readonly number[]): GridMinimum => {
    const index = x.reduce((flat, v, k) => {
      const axis = coldest.axes[k];
      let best = 0;
      for (let i = 1; i < axis.length; i++) if (Math.abs(axis[i] - v) < Math.abs(axis[best] - v)) best = i;
      return flat + best * (k === 0 ? 1 : coldest.axes[0].length);
    }, 0);
    return { ...refineAt(coldest.axes, coldest.energies, index), x: [...x] };
  };
  if (opts.minimum !== undefined) return [nearest(checkNumbers(fn, "options.minimum", opts.minimum, dimension))];
  if (opts.minima !== undefined) {
    const list = checkNonEmptyArray<readonly number[]>(fn, "options.minima", opts.minima, "points");
    return list.map((x, k) => nearest(checkNumbers(fn, `options.minima[${k}]`, x, dimension)));
  }
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of coldest.energies) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  const tolerance =
    opts.tieTolerance === undefined ? 1e-4 * (hi - lo) : checkNumbers(fn, "options.tieTolerance", [opts.tieTolerance], 1)[0];
  if (!(tolerance >= 0)) throw new RangeError(message(fn, "options.tieTolerance", "a non-negative finite number", opts.tieTolerance));
  return globalMinimaOnGrid(coldest.axes, coldest.energies, tolerance);
}

/** "x = -1 and x = 1", "(0, 1), (1, 0) and (2, 2)". */
function listWords(items: readonly string[]): string {
  return items.length <= 1 ? items.join("") : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

/**
 * What the figure says about the limit beta -> infinity: a point mass at a single global minimum;
 * with tied minima, a split of the mass between them (Laplace's method: in proportion to
 * curvature^(-1/2), E'' in 1D and det of the Hessian in 2D), with the predicted shares when the
 * curvatures are known.
 */
function limitWords(minima: readonly GridMinimum[], variables: readonly string[], marker: string): string {
  const where = minima.map((m) => formatPoint(m.x, variables));
  if (minima.length === 1) return `${marker} marks the global minimum ${where[0]}, where p becomes a point mass as β → ∞.`;
  const curvature = minima[0].x.length === 1 ? "1/√E''" : "1/√det(Hessian of E)";
  const shares = laplaceShares(minima);
  return (
    `${marker} mark the ${minima.length} tied global minima ${listWords(where)} (equally deep on the grid). ` +
    `As β → ∞ the density does not become a point mass at one of them: the mass splits between them, ` +
    `in proportion to ${curvature} at each (Laplace's method)` +
    (shares ? `, about ${listWords(shares.map((v) => `${formatNumber(100 * v, 2)}%`))} here.` : ".")
  );
}

/**
 * The approach to zero temperature: Gibbs densities overlaid (1D) in order of growing beta,
 * coloured from dark (small beta) to yellow (large beta), with the global minimum marked as the
 * beta -> infinity limit where p becomes a point mass. When several minima tie (equal depths,
 * found on the coldest density's grid within `tieTolerance`), every one is marked and the alt
 * text says how the mass splits between them in the limit: in proportion to E''^(-1/2) at each
 * (Laplace's method; det of the Hessian in 2D), so a flatter valley gets more. With normalise
 * "peak" (default) every curve is divided by its own maximum, so the narrowing shows on one
 * scale; logScale shows the tails. The alt text reports how the width above half the peak
 * shrinks. 2D densities give one heatmap per beta with the minima starred.
 *
 * @throws TypeError and RangeError as {@link gibbsFigure}, and RangeError when `minimum` or a
 *   point of `minima` does not match the dimension, both are given, tieTolerance is negative, or
 *   normalise is not "peak" or "none".
 * @example
 * const d = (beta) => ({ beta, axes: [[-1, 0, 1]], density: Float64Array.of(0.25, 0.5, 0.25),
 *   logDensity: new Float64Array(3), energies: Float64Array.of(1, 0, 1), logZ: 0, cellVolume: 1 });
 * zeroTemperatureFigure([d(1), d(4)]).data.length; // two curves; the minimum is a dashed line shape
 * // => 2
 * const xs = [-2, -1.5, -1, -0.5, 0, 0.5, 1, 1.5, 2]; // two equally deep wells, at -1 and 1
 * const wells = { beta: 8, axes: [xs], density: new Float64Array(9).fill(0.25), logDensity: new Float64Array(9),
 *   energies: Float64Array.from(xs, (x) => Math.min((x + 1) ** 2, (x - 1) ** 2)), logZ: 0, cellVolume: 0.5 };
 * zeroTemperatureFigure([wells]).layout.shapes.map((line) => line.x0); // both marked, not just one
 * // => [-1, 1]
 */
export function zeroTemperatureFigure(densities: readonly GibbsDensity[], options?: ZeroTemperatureOptions): Figure {
  const fn = "zeroTemperatureFigure";
  const checked = checkDensities(fn, densities);
  const opts = checkPlotOptions(fn, options);
  const dimension = checked[0].axes.length;
  const variables = checkVariables(fn, opts.variables, dimension);
  const normalise = choiceOption(fn, "options.normalise", opts.normalise, ["peak", "none"] as const, "peak");
  const logScale = booleanOption(fn, "options.logScale", opts.logScale, false);
  const order = checked.map((_, k) => k).sort((a, b) => checked[a].beta - checked[b].beta);
  const coldest = checked[order[order.length - 1]];
  const minima = zeroTemperatureMinima(fn, opts, coldest, dimension);
  const tied = minima.length > 1;
  const title = titleOption(fn, opts.title, "Towards zero temperature: p(x) as β grows");
  const betas = order.map((k) => formatNumber(checked[k].beta, 4)).join(", ");

  if (dimension === 2) {
    const columns = integerOption(fn, "options.columns", opts.columns, Math.min(checked.length, 3), 1, 12);
    const panels = subplotGrid(checked.length, columns, { x: 0.06, y: 0.14 });
    const rows = panels[panels.length - 1].row + 1;
    const data: PlotTrace[] = [];
    const layout: Record<string, unknown> = {};
    const annotations: Record<string, unknown>[] = [];
    order.forEach((k, slot) => {
      const d = checked[k];
      const panel = panels[slot];
      const cells = heatmapForDisplay(d.axes[0], d.axes[1], d.density);
      const peak = Math.max(...cells.z.map((row) => Math.max(...row)));
      const scale = normalise === "peak" && peak > 0 ? 1 / peak : 1;
      data.push({
        type: "heatmap",
        name: betaLabel(d.beta),
        x: roundAll(cells.x),
        y: roundAll(cells.y),
        z: cells.z.map((row) => roundAll(row.map((v) => v * scale))),
        colorscale: SEQUENTIAL_SCALE.map(([t, c]) => [t, c]),
        showscale: false,
        xaxis: panel.xaxis,
        yaxis: panel.yaxis,
      });
      data.push({
        type: "scatter",
        mode: "markers",
        name: tied ? "tied global minima" : "global minimum",
        showlegend: slot === 0,
        x: minima.map((m) => roundForPlot(m.x[0])),
        y: minima.map((m) => roundForPlot(m.x[1])),
        marker: { symbol: "star", size: 14, color: "white", line: { color: INK, width: 1 } },
        xaxis: panel.xaxis,
        yaxis: panel.yaxis,
      });
      layout[panel.xaxisKey] = axis(panel.row === rows - 1 ? variables[0] : "", { domain: panel.xDomain, anchor: panel.yaxis });
      layout[panel.yaxisKey] = axis(panel.column === 0 ? variables[1] : "", { domain: panel.yDomain, anchor: panel.xaxis });
      annotations.push(panelHeading(panel, `β = ${formatNumber(d.beta, 4)}`));
    });
    const description =
      `Heatmaps of the Gibbs density ${axisTitles.density(variables)} for growing inverse temperature β = ${betas}, each scaled to its own maximum ` +
      `(dark purple low, yellow high); as β grows the density gathers around the lowest ${tied ? "points" : "point"}. ` +
      limitWords(minima, variables, tied ? "White stars" : "A white star") +
      ` ${order.map((k) => describePeak(checked[k], variables)).join("; ")}.`;
    return makeFigure({
      kind: "gibbs",
      betas: checked.map((d) => d.beta),
      title,
      description: descriptionOption(fn, opts.description, description),
      data,
      layout: { ...layout, annotations, height: Math.max(360, 150 + rows * 300), legend: { orientation: "h", x: 1, xanchor: "right", y: 1.06, yanchor: "bottom" } },
    });
  }

  const data: PlotTrace[] = order.map((k, slot) => {
    const d = checked[k];
    const peak = Math.max(...d.density);
    const scale = normalise === "peak" && peak > 0 ? 1 / peak : 1;
    const curve = curveForDisplay(d.axes[0], d.density);
    return {
      type: "scatter",
      mode: "lines",
      name: `β = ${formatNumber(d.beta, 4)}`,
      x: roundAll(curve.x),
      y: roundAll(curve.y.map((v) => v * scale)),
      line: { color: sequentialColor(order.length === 1 ? 1 : slot / (order.length - 1)), width: 2.5 },
      hovertemplate: `${variables[0]} = %{x:.3g}<br>%{y:.3g}<extra>${betaLabel(d.beta)}</extra>`,
    };
  });
  const widths = order.map((k) => halfPeakWidth(checked[k]));
  const yTitle = normalise === "peak" ? `${axisTitles.density(variables)} / its peak` : axisTitles.density(variables);
  const description =
    `Gibbs densities ${axisTitles.density(variables)} ∝ exp(−β E) overlaid for growing inverse temperature β = ${betas}, ` +
    `coloured from dark purple (smallest β) to yellow (largest β)` +
    (normalise === "peak" ? ", each divided by its own peak so every curve reaches 1" : "") +
    (logScale ? ", on a logarithmic density axis" : "") +
    `. ${limitWords(minima, variables, tied ? "Dashed lines" : "A dashed line")} ` +
    `The width of the region above half the peak shrinks from ${formatNumber(widths[0])} (β = ${formatNumber(checked[order[0]].beta, 4)}) ` +
    `to ${formatNumber(widths[widths.length - 1])} (β = ${formatNumber(coldest.beta, 4)}).`;
  return makeFigure({
    kind: "gibbs",
    betas: checked.map((d) => d.beta),
    title,
    description: descriptionOption(fn, opts.description, description),
    data,
    layout: {
      xaxis: axis(axisTitles.state(variables[0])),
      yaxis: axis(yTitle, logScale ? { type: "log" } : { rangemode: "tozero" }),
      shapes: minima.map((m) => ({
        type: "line",
        xref: "x",
        yref: "paper",
        x0: roundForPlot(m.x[0]),
        x1: roundForPlot(m.x[0]),
        y0: 0,
        y1: 1,
        line: { color: INK, width: 1.5, dash: "dash" },
      })),
      annotations: minima.map((m) => ({
        text: `${tied ? "tied minimum" : "global minimum"} ${formatPoint(m.x, variables)}`,
        x: roundForPlot(m.x[0]),
        y: 1,
        xref: "x",
        yref: "paper",
        yanchor: "bottom",
        showarrow: false,
        bgcolor: "rgba(255,255,255,0.85)",
      })),
      legend: { title: { text: "inverse temperature" } },
    },
  });
}
