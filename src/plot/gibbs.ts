/**
 * Gibbs figures: p(x) = exp(-beta E(x)) / Z at several inverse temperatures, as small multiples
 * (with sampled histograms beside the exact density), as one figure with a beta slider.
 */
import type { GibbsDensity, Histogram } from "../types";
import { readOptions } from "../validate";
import { booleanOption, integerOption } from "./checks";
import type { Figure, PlotTrace } from "./figure";
import { checkDensities, checkVariables, densityTraces, describePeak, pairHistograms, sharedMax } from "./gibbsPanels";
import { panelHeading, subplotGrid } from "./subplots";
import { axis, axisTitles, betaLabel, descriptionOption, formatNumber, makeFigure, roundForPlot, titleOption } from "./style";

/** Options shared by the Gibbs figures. */
export interface GibbsFigureOptions {
  /**
   * Sampled histograms (1D only), each drawn as bars behind the exact curve of the density at
   * its beta (a histogram made from a sampler result knows its beta; pass { beta } to histogram
   * for raw numbers). At most one per density; a density may have none.
   */
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

/** The option names of the Gibbs figures (no defaults: each builder fills its own). */
const FIGURE_OPTIONS = { histograms: undefined, variables: undefined, columns: undefined, sharedRange: undefined, title: undefined, description: undefined } as const;

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
 * Histograms are paired with densities BY BETA, not by position: each histogram must know its
 * beta (from a sampler result, or histogram's `beta` option) and sits in the panel of the
 * density at that beta; densities of one energy only, and histograms of that energy.
 *
 * @throws RangeError when densities is empty, a density does not match its grid, has a negative
 *   or non-finite value, the densities mix 1D and 2D or two energies, a histogram has no beta,
 *   no density at its beta, another energy, or shares its beta with another histogram, or an
 *   option name is unknown.
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
  const opts = readOptions(fn, options, FIGURE_OPTIONS) as GibbsFigureOptions;
  const histograms = pairHistograms(fn, opts.histograms, checked);
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
        (histograms ? `, with a histogram of samples as orange bars (paired by β: ${histograms.filter((h) => h !== undefined).length} of ${checked.length} panels)` : "") +
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
  const opts = readOptions(fn, options, { ...FIGURE_OPTIONS, active: undefined }) as GibbsSliderOptions;
  const histograms = pairHistograms(fn, opts.histograms, checked);
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

