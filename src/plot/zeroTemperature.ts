/**
 * The approach to zero temperature: Gibbs densities overlaid as beta grows, with the global
 * minima marked (found by gridMinima) and the split of the mass between tied minima (from
 * zeroTemperatureShares) in the words.
 */
import type { GibbsDensity } from "../types";
import { message, readOptions } from "../validate";
import { gridMinima, halfPeakWidth, zeroTemperatureShares } from "../gibbs";
import { booleanOption, checkNonEmptyArray, checkNumbers, choiceOption, integerOption, type CheckedDensity } from "./checks";
import type { Figure, PlotTrace } from "./figure";
import { curveForDisplay, heatmapForDisplay } from "./densityForDisplay";
import { checkDensities, checkVariables, describePeak } from "./gibbsPanels";
import { panelHeading, subplotGrid } from "./subplots";
import { INK, SEQUENTIAL_SCALE, axis, axisTitles, betaLabel, descriptionOption, formatNumber, formatPoint, makeFigure, roundAll, roundForPlot, sequentialColor, titleOption } from "./style";

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

/** A minimum the zero-temperature figure marks: where, and its index on the coldest grid. */
interface Marked {
  x: number[];
  index: number;
}

/** The grid index nearest to a point (per axis, first axis fastest). */
function nearestIndex(d: CheckedDensity, x: readonly number[]): number {
  return x.reduce((flat, v, k) => {
    const axis = d.axes[k];
    let best = 0;
    for (let i = 1; i < axis.length; i++) if (Math.abs(axis[i] - v) < Math.abs(axis[best] - v)) best = i;
    return flat + best * (k === 0 ? 1 : d.axes[0].length);
  }, 0);
}

/** The global minima a zero-temperature figure marks: given, or found by gridMinima on the coldest density. */
function zeroTemperatureMinima(fn: string, opts: ZeroTemperatureOptions, coldest: CheckedDensity, dimension: number): Marked[] {
  if (opts.minimum !== undefined && opts.minima !== undefined) {
    throw new RangeError(message(fn, "options.minima", "absent when options.minimum is given (give one or the other)", opts.minima));
  }
  const given = (x: number[]): Marked => ({ x, index: nearestIndex(coldest, x) });
  if (opts.minimum !== undefined) return [given(checkNumbers(fn, "options.minimum", opts.minimum, dimension))];
  if (opts.minima !== undefined) {
    const list = checkNonEmptyArray<readonly number[]>(fn, "options.minima", opts.minima, "points");
    return list.map((x, k) => given(checkNumbers(fn, `options.minima[${k}]`, x, dimension)));
  }
  const tieTolerance = opts.tieTolerance === undefined ? undefined : checkNumbers(fn, "options.tieTolerance", [opts.tieTolerance], 1)[0];
  if (tieTolerance !== undefined && !(tieTolerance >= 0)) {
    throw new RangeError(message(fn, "options.tieTolerance", "a non-negative finite number", opts.tieTolerance));
  }
  return gridMinima(coldest.source, { tieTolerance }).map((m) => ({ x: m.x, index: m.index }));
}

/**
 * The shares of tied minima as beta -> infinity (Laplace's method, from the Hessian of the
 * density's energy), or undefined when the density carries no energy or a minimum is not strict.
 */
function sharesOf(coldest: CheckedDensity, minima: readonly Marked[]): number[] | undefined {
  const energy = coldest.source.energy;
  if (energy === undefined || minima.length < 2) return undefined;
  const values = minima.map((m) => coldest.energies[m.index]);
  // The figure has already decided these tie: the tolerance spans their grid energies.
  const tieTolerance = Math.max(...values) - Math.min(...values);
  try {
    return zeroTemperatureShares(energy, minima.map((m) => m.x), { tieTolerance });
  } catch {
    return undefined;
  }
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
function limitWords(minima: readonly Marked[], shares: number[] | undefined, variables: readonly string[], marker: string): string {
  const where = minima.map((m) => formatPoint(m.x, variables));
  if (minima.length === 1) return `${marker} marks the global minimum ${where[0]}, where p becomes a point mass as β → ∞.`;
  const curvature = minima[0].x.length === 1 ? "1/√E''" : "1/√det(Hessian of E)";
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
 * beta -> infinity limit where p becomes a point mass. The minima are those `gridMinima` finds on
 * the coldest density (or the ones given). When several tie (equal depths within
 * `tieTolerance`), every one is marked and the alt text says how the mass splits between them in
 * the limit: in proportion to E''^(-1/2) at each (det of the Hessian in 2D), the shares of
 * `zeroTemperatureShares`, so a flatter valley gets more; the percentages need the density's
 * energy (gibbsDensity and temperatureSweep keep it; a marginal has none). With normalise
 * "peak" (default) every curve is divided by its own maximum, so the narrowing shows on one
 * scale; logScale shows the tails. The alt text reports how the width above half the peak
 * shrinks. 2D densities give one heatmap per beta with the minima starred.
 *
 * @throws TypeError and RangeError as {@link gibbsFigure}, and RangeError when `minimum` or a
 *   point of `minima` does not match the dimension, both are given, tieTolerance is negative,
 *   normalise is not "peak" or "none", or an option name is unknown.
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
  const opts = readOptions(fn, options, {
    normalise: undefined,
    logScale: undefined,
    minimum: undefined,
    minima: undefined,
    tieTolerance: undefined,
    variables: undefined,
    columns: undefined,
    title: undefined,
    description: undefined,
  }) as ZeroTemperatureOptions;
  const dimension = checked[0].axes.length;
  const variables = checkVariables(fn, opts.variables, dimension);
  const normalise = choiceOption(fn, "options.normalise", opts.normalise, ["peak", "none"] as const, "peak");
  const logScale = booleanOption(fn, "options.logScale", opts.logScale, false);
  const order = checked.map((_, k) => k).sort((a, b) => checked[a].beta - checked[b].beta);
  const coldest = checked[order[order.length - 1]];
  const minima = zeroTemperatureMinima(fn, opts, coldest, dimension);
  const shares = sharesOf(coldest, minima);
  const tied = minima.length > 1;
  const title = titleOption(fn, opts.title, "Towards zero temperature: p(x) as β grows");
  const betas = order.map((k) => formatNumber(checked[k].beta, 4)).join(", ");
  const figure = (description: string, data: PlotTrace[], layout: Record<string, unknown>): Figure =>
    makeFigure({ kind: "gibbs", betas: checked.map((d) => d.beta), title, description: descriptionOption(fn, opts.description, description), data, layout });

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
      limitWords(minima, shares, variables, tied ? "White stars" : "A white star") +
      ` ${order.map((k) => describePeak(checked[k], variables)).join("; ")}.`;
    return figure(description, data, {
      ...layout,
      annotations,
      height: Math.max(360, 150 + rows * 300),
      legend: { orientation: "h", x: 1, xanchor: "right", y: 1.06, yanchor: "bottom" },
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
  const widths = order.map((k) => halfPeakWidth(checked[k].source));
  const yTitle = normalise === "peak" ? `${axisTitles.density(variables)} / its peak` : axisTitles.density(variables);
  const description =
    `Gibbs densities ${axisTitles.density(variables)} ∝ exp(−β E) overlaid for growing inverse temperature β = ${betas}, ` +
    `coloured from dark purple (smallest β) to yellow (largest β)` +
    (normalise === "peak" ? ", each divided by its own peak so every curve reaches 1" : "") +
    (logScale ? ", on a logarithmic density axis" : "") +
    `. ${limitWords(minima, shares, variables, tied ? "Dashed lines" : "A dashed line")} ` +
    `The width of the region above half the peak shrinks from ${formatNumber(widths[0])} (β = ${formatNumber(checked[order[0]].beta, 4)}) ` +
    `to ${formatNumber(widths[widths.length - 1])} (β = ${formatNumber(coldest.beta, 4)}).`;
  return figure(description, data, {
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
  });
}

