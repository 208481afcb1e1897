/**
 * The parts the Gibbs figures share: checks of densities and of the histograms paired with them
 * BY BETA, the words for a peak, and the traces of one density panel. Internal to the plot area.
 */
import type { GibbsDensity } from "../types";
import { describe, message } from "../validate";
import { checkGibbsDensity, checkHistogram, checkNonEmptyArray, type CheckedDensity, type CheckedHistogram } from "./checks";
import type { PlotTrace } from "./figure";
import { curveForDisplay, heatmapForDisplay } from "./densityForDisplay";
import { SEQUENTIAL_SCALE, axisTitles, betaLabel, formatNumber, formatPoint, paletteColor, roundAll, roundForPlot } from "./style";

/** Checks a list of densities: non-empty, all of one dimension and of one energy. */
export function checkDensities(fn: string, value: unknown): CheckedDensity[] {
  const list = checkNonEmptyArray<GibbsDensity>(fn, "densities", value, "GibbsDensity");
  const checked = list.map((d, i) => checkGibbsDensity(fn, `densities[${i}]`, d));
  const dimension = checked[0].axes.length;
  const odd = checked.findIndex((d) => d.axes.length !== dimension);
  if (odd >= 0) {
    throw new RangeError(message(fn, `densities[${odd}].axes`, `${dimension} axis/axes like densities[0]`, list[odd].axes));
  }
  const named = checked.findIndex((d) => d.energyName !== undefined);
  const other = checked.findIndex((d) => d.energyName !== undefined && d.energyName !== checked[named].energyName);
  if (other >= 0) {
    throw new RangeError(
      `${fn}: densities[${other}] is of the energy ${describe(checked[other].energyName)} but densities[${named}] of ${describe(checked[named].energyName)}; a figure shows one energy`,
    );
  }
  return checked;
}

/** Two inverse temperatures are the same when they agree to 1e-12 relative. */
function sameBeta(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-12 * Math.max(Math.abs(a), Math.abs(b));
}

/**
 * Pairs the optional histograms with the densities BY BETA (1D only): entry k is the histogram
 * at the beta of density k, or undefined. Refuses a histogram without a beta, at a beta no
 * density has, of another energy, or a second histogram at the same beta.
 */
export function pairHistograms(fn: string, value: unknown, densities: readonly CheckedDensity[]): (CheckedHistogram | undefined)[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) throw new TypeError(message(fn, "options.histograms", "an array of Histogram", value));
  if (densities[0].axes.length !== 1) throw new RangeError(message(fn, "options.histograms", "absent for 2D densities (histograms are 1D)", value));
  const paired = new Array<CheckedHistogram | undefined>(densities.length).fill(undefined);
  const from = new Array<number>(densities.length).fill(-1);
  value.forEach((h, i) => {
    const arg = `options.histograms[${i}]`;
    const checked = checkHistogram(fn, arg, h);
    if (checked.beta === undefined) {
      throw new RangeError(
        message(fn, `${arg}.beta`, "the beta of the run it came from (make it with histogram(run, ...) from a sampler result, or pass { beta } to histogram)", undefined),
      );
    }
    const beta = checked.beta;
    const k = densities.findIndex((d) => sameBeta(d.beta, beta));
    if (k < 0) {
      throw new RangeError(
        `${fn}: the histogram at beta = ${beta} has no density at the same beta; the densities have beta ${densities.map((d) => d.beta).join(", ")}`,
      );
    }
    const d = densities[k];
    if (checked.energyName !== undefined && d.energyName !== undefined && checked.energyName !== d.energyName) {
      throw new RangeError(
        `${fn}: the histogram at beta = ${beta} comes from the energy ${describe(checked.energyName)} but the density at that beta is of ${describe(d.energyName)}`,
      );
    }
    if (from[k] >= 0) throw new RangeError(`${fn}: options.histograms[${from[k]}] and [${i}] are both at beta = ${beta}; give at most one histogram per density`);
    from[k] = i;
    paired[k] = checked;
  });
  return paired;
}

/** Checks variable names against the dimension. */
export function checkVariables(fn: string, value: unknown, dimension: number): readonly string[] {
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
export function gridPoint(d: CheckedDensity, index: number): number[] {
  if (d.axes.length === 1) return [d.axes[0][index]];
  const nx = d.axes[0].length;
  return [d.axes[0][index % nx], d.axes[1][Math.floor(index / nx)]];
}

/** Words for one density: where its peak is and how high. */
export function describePeak(d: CheckedDensity, variables: readonly string[]): string {
  const k = argmax(d.density);
  return `β = ${formatNumber(d.beta)}: peak ${formatNumber(d.density[k])} at ${formatPoint(gridPoint(d, k), variables)}`;
}

/** The traces of one density (line or heatmap, plus histogram bars) on given axes. */
export function densityTraces(
  d: CheckedDensity,
  histogram: CheckedHistogram | undefined,
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
export function sharedMax(densities: readonly CheckedDensity[], histograms?: readonly ({ density: number[] } | undefined)[]): number {
  let max = 0;
  for (const d of densities) for (const v of d.density) if (v > max) max = v;
  for (const h of histograms ?? []) for (const v of h?.density ?? []) if (v > max) max = v;
  return max > 0 ? max : 1;
}

