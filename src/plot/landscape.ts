/**
 * Landscape figures: E(x) as a curve with its minima and basins (1D), as a topographic map
 * (2D contour), and as a surface (2D, "the lily pad").
 */
import type { Axis, Energy } from "../types";
import { message, readOptions } from "../validate";
import { checkEnergy, checkMinima, checkNumbers, checkObject, integerOption, booleanOption, type MinimumMarker } from "./checks";
import type { Figure, PlotTrace } from "./figure";
import { resolveAxes, sampleEnergy1D, sampleEnergy2D, type LandscapeGridOptions } from "./grid";
import { axisPoints } from "../gibbs";
import { basinIntervals } from "../dynamics";
import { INK, SEQUENTIAL_SCALE, axis, axisTitles, descriptionOption, energyPhrase, formatNumber, formatPoint, makeFigure, paletteColor, paletteColorName, roundAll, roundForPlot, titleOption } from "./style";

/** An explicit basin to shade on a 1D landscape: the interval [lower, upper] of starting states. */
export interface BasinShade {
  readonly lower: number;
  readonly upper: number;
  /** The memory it leads to, for the legend: "A". */
  readonly label?: string;
}

/** Options of {@link landscapeFigure}. */
export interface LandscapeOptions extends LandscapeGridOptions {
  /** Minima to mark. @default energy.knownMinima; `false` marks none. */
  minima?: readonly MinimumMarker[] | false;
  /**
   * Basins to shade: explicit intervals, `true` to derive them from the minima with
   * `basinIntervals` (each basin runs from the highest grid point between two neighbouring
   * minima to the next), or `false`.
   * @default true when two or more minima are marked
   */
  basins?: boolean | readonly BasinShade[];
  /** Fixed E-axis range [min, max]. @default automatic */
  energyRange?: readonly [number, number];
  /** @default "Energy landscape: <energy.name>" */
  title?: string;
  /** Alt text. @default generated from the data */
  description?: string;
}

/** Options of {@link landscapeContour} and {@link landscapeSurface}. */
export interface Landscape2DOptions extends LandscapeGridOptions {
  /** Minima to mark. @default energy.knownMinima; `false` marks none. */
  minima?: readonly MinimumMarker[] | false;
  /**
   * Clip the colour scale (and contour levels) at this energy: steep walls then do not
   * squeeze the interesting low region into one colour. @default the grid maximum
   */
  energyMax?: number;
  /** Number of contour levels (contour map only). @default 24 */
  levels?: number;
  /** Same scale on both axes, so a round bowl looks round (contour map only). @default true */
  equalAspect?: boolean;
  /** @default "Topographic map: <energy.name>" / "Energy surface: <energy.name>" */
  title?: string;
  /** Alt text. @default generated from the data */
  description?: string;
}

/** Grid defaults: 1D curves are cheap; 2D grids stay at most 120 x 120. */
export const LANDSCAPE_POINTS_1D = 400;
export const LANDSCAPE_MAX_POINTS_1D = 4000;
export const LANDSCAPE_POINTS_2D = 80;
export const LANDSCAPE_MAX_POINTS_2D = 120;

/** A minimum with its energy known, ready to draw. */
export interface ResolvedMinimum {
  x: number[];
  energy: number;
  label: string;
  /** True when the label came from the data ("A"), false for the generated "minimum 2". */
  labelled: boolean;
}

/**
 * The minima a figure marks: the option if given (false = none), else energy.knownMinima.
 * Energies missing from the markers are computed as E(x).
 */
export function resolveMinima(fn: string, energy: Energy, option: unknown): ResolvedMinimum[] {
  if (option === false) return [];
  const source = option === undefined ? (energy.knownMinima ?? []) : option;
  const arg = option === undefined ? "energy.knownMinima" : "options.minima";
  return checkMinima(fn, arg, source, energy.dimension).map((m, k) => {
    const e = m.energy ?? energy.value(m.x);
    if (!Number.isFinite(e)) throw new RangeError(message(fn, `${arg}[${k}]`, "a point where E is finite", m.x));
    return { x: [...m.x], energy: e, label: m.label ?? `minimum ${k + 1}`, labelled: m.label !== undefined };
  });
}

/** Words for a list of minima: "A at x = -1 (E = 0), B at x = 1 (E = 0)". */
export function describeMinima(minima: readonly ResolvedMinimum[], variables: readonly string[]): string {
  return minima.map((m) => `${m.label} at ${formatPoint(m.x, variables)} (E = ${formatNumber(m.energy)})`).join(", ");
}

/** Checks explicit basin intervals. */
function checkBasins(fn: string, value: unknown): BasinShade[] {
  if (!Array.isArray(value)) throw new TypeError(message(fn, "options.basins", "true, false or an array of { lower, upper, label? }", value));
  return value.map((b, k) => {
    const item = checkObject(fn, `options.basins[${k}]`, b, "an interval { lower, upper, label? }");
    const [lower, upper] = checkNumbers(fn, `options.basins[${k}] [lower, upper]`, [item.lower, item.upper], 2);
    if (!(lower < upper)) throw new RangeError(message(fn, `options.basins[${k}]`, "an interval with lower < upper", [lower, upper]));
    if (item.label !== undefined && typeof item.label !== "string") {
      throw new TypeError(message(fn, `options.basins[${k}].label`, "a string", item.label));
    }
    return { lower, upper, label: item.label as string | undefined };
  });
}

/** The curve of a 1D landscape and its minima, shared with the descent figures. */
export interface Curve1D {
  /** The drawing grid. */
  axis: Axis;
  xs: number[];
  energies: number[];
}

/** Samples E on a resolved 1D grid. */
export function curve1D(fn: string, energy: Energy, options: LandscapeGridOptions, include: readonly (readonly number[])[] = []): Curve1D {
  const [grid] = resolveAxes(fn, energy, options, LANDSCAPE_POINTS_1D, LANDSCAPE_MAX_POINTS_1D, include);
  const xs = axisPoints(grid);
  return { axis: grid, xs, energies: sampleEnergy1D(fn, energy, xs) };
}

/** The plain E(x) line trace. */
export function curveTrace(curve: Curve1D, variables: readonly string[], extra: Partial<PlotTrace> = {}): PlotTrace {
  return {
    type: "scatter",
    mode: "lines",
    name: axisTitles.energy(variables),
    x: roundAll(curve.xs),
    y: roundAll(curve.energies),
    line: { color: INK, width: 2.5 },
    hovertemplate: `${variables[0]} = %{x:.3g}<br>E = %{y:.4g}<extra></extra>`,
    ...extra,
  };
}

/** Marker trace for minima on a 1D curve (or in a 2D map when `y` is the second coordinate). */
export function minimaTrace(minima: readonly ResolvedMinimum[], colors: readonly string[], dimension: number, extra: Partial<PlotTrace> = {}): PlotTrace {
  const oneD = dimension === 1;
  return {
    type: "scatter",
    mode: oneD ? "markers+text" : "markers",
    name: minima.length === 1 ? "minimum" : "minima",
    x: minima.map((m) => roundForPlot(m.x[0])),
    y: minima.map((m) => roundForPlot(oneD ? m.energy : m.x[1])),
    text: minima.map((m) => m.label),
    textposition: "top center",
    marker: { symbol: oneD ? "triangle-up" : "star", size: oneD ? 14 : 16, color: [...colors], line: { color: oneD ? INK : "white", width: oneD ? 1 : 1.5 } },
    hovertemplate: "%{text}<extra></extra>",
    ...extra,
  };
}

/**
 * A 1D energy landscape: the curve E(x), its minima marked, and its basins of attraction
 * shaded in their own colours (the curve segment and a strip along the x-axis), as in the
 * course's first figure of two memories with their two basins.
 *
 * Basins derived from minima come from `basinIntervals` on the drawing grid: the boundary between
 * two neighbouring minima is the highest grid point between them, which for gradient descent on
 * a smooth 1D energy is where the flow splits.
 *
 * @throws TypeError when energy is not an Energy or an option has the wrong kind.
 * @throws RangeError when the energy is not 1D, no range is known, E is not finite on the grid,
 *   or a minimum or basin is malformed.
 * @example
 * const well = energyFromFunction((x) => (x[0] ** 2 - 1) ** 2, { domain: { lower: [-2], upper: [2] },
 *   knownMinima: [{ x: [-1], energy: 0, label: "A" }, { x: [1], energy: 0, label: "B" }] });
 * const fig = landscapeFigure(well);
 * fig.layout.meta.kind;
 * // => "landscape"
 */
export function landscapeFigure(energy: Energy, options?: LandscapeOptions): Figure {
  const fn = "landscapeFigure";
  checkEnergy(fn, "energy", energy, [1], "use landscapeContour or landscapeSurface for 2D energies");
  const opts = readOptions(fn, options, { axes: undefined, range: undefined, points: undefined, minima: undefined, basins: undefined, energyRange: undefined, title: undefined, description: undefined }) as LandscapeOptions;
  const curve = curve1D(fn, energy, opts);
  const lo = curve.xs[0];
  const hi = curve.xs[curve.xs.length - 1];
  const variables = energy.variables;
  const allMinima = resolveMinima(fn, energy, opts.minima);
  const minima = allMinima.filter((m) => m.x[0] >= lo && m.x[0] <= hi);
  const outside = allMinima.length - minima.length;

  let basins: BasinShade[] = [];
  if (opts.basins === undefined || opts.basins === true || opts.basins === false) {
    const wanted = booleanOption(fn, "options.basins", opts.basins, minima.length >= 2);
    if (wanted && minima.length === 0) {
      throw new RangeError(message(fn, "options.basins", "false when no minima are marked (basins are derived from minima)", true));
    }
    if (wanted) basins = basinIntervals(energy, { axis: curve.axis, minima });
  } else {
    basins = checkBasins(fn, opts.basins);
  }
  let energyRange: [number, number] | undefined;
  if (opts.energyRange !== undefined) {
    const [a, b] = checkNumbers(fn, "options.energyRange", opts.energyRange, 2);
    if (!(a < b)) throw new RangeError(message(fn, "options.energyRange", "[min, max] with min < max", opts.energyRange));
    energyRange = [a, b];
  }

  const data: PlotTrace[] = [];
  const shapes: Record<string, unknown>[] = [];
  basins.forEach((b, k) => {
    const color = paletteColor(k);
    const inside = curve.xs.map((x, i) => ({ x, e: curve.energies[i] })).filter((p) => p.x >= b.lower && p.x <= b.upper);
    data.push({
      type: "scatter",
      mode: "lines",
      name: `basin of ${b.label ?? `minimum ${k + 1}`}`,
      x: inside.map((p) => roundForPlot(p.x)),
      y: inside.map((p) => roundForPlot(p.e)),
      line: { color, width: 10 },
      opacity: 0.45,
      hoverinfo: "skip",
    });
    shapes.push({
      type: "rect",
      xref: "x",
      yref: "paper",
      x0: roundForPlot(Math.max(b.lower, lo)),
      x1: roundForPlot(Math.min(b.upper, hi)),
      y0: 0,
      y1: 0.04,
      fillcolor: color,
      opacity: 0.85,
      line: { width: 0 },
      layer: "above",
    });
  });
  data.push(curveTrace(curve, variables));
  if (minima.length > 0) {
    const colors = minima.map((m, k) => (basins.length > 0 ? paletteColor(basinIndexOf(basins, m.x[0]) ?? k) : paletteColor(k)));
    data.push(minimaTrace(minima, colors, 1));
  }

  const eMin = Math.min(...curve.energies);
  const eMax = Math.max(...curve.energies);
  if (energyRange === undefined && basins.length > 0) {
    // Leave room under the curve for the basin strip (the bottom 4% of the plot).
    const span = eMax > eMin ? eMax - eMin : 1;
    energyRange = [roundForPlot(eMin - 0.12 * span), roundForPlot(eMax + 0.05 * span)];
  }
  const name = energy.name;
  let description = `Line plot of ${energyPhrase(energy)} for ${variables[0]} from ${formatNumber(lo)} to ${formatNumber(hi)}; E ranges from ${formatNumber(eMin)} to ${formatNumber(eMax)}.`;
  description += minima.length > 0 ? ` Minima marked with triangles: ${describeMinima(minima, variables)}.` : " No minima are marked.";
  if (outside > 0) description += ` ${outside} known minimum(s) lie outside the drawn range and are not shown.`;
  if (basins.length > 0) {
    description +=
      " Basins of attraction are shaded along the curve and as a strip on the x-axis: " +
      basins
        .map((b, k) => `${paletteColorName(k)} for ${b.label ?? `minimum ${k + 1}`} (${variables[0]} from ${formatNumber(b.lower)} to ${formatNumber(b.upper)})`)
        .join(", ") +
      ".";
  }
  return makeFigure({
    kind: "landscape",
    title: titleOption(fn, opts.title, `Energy landscape: ${name}`),
    description: descriptionOption(fn, opts.description, description),
    data,
    layout: {
      xaxis: axis(axisTitles.state(variables[0]), { range: [roundForPlot(lo), roundForPlot(hi)] }),
      yaxis: axis(axisTitles.energy(variables), energyRange ? { range: energyRange } : {}),
      shapes,
      showlegend: true,
    },
  });
}

/** Which basin interval holds x (the first that does), or undefined. */
function basinIndexOf(basins: readonly BasinShade[], x: number): number | undefined {
  const k = basins.findIndex((b) => x >= b.lower && x <= b.upper);
  return k < 0 ? undefined : k;
}

/** The sampled 2D grid of a landscape, shared with descent figures. */
export interface Grid2D {
  xs: number[];
  ys: number[];
  /** z[j][i] = E(xs[i], ys[j]), rounded. */
  z: number[][];
  min: number;
  max: number;
}

/** Samples E on a resolved 2D grid. */
export function grid2D(fn: string, energy: Energy, options: LandscapeGridOptions, defaultCount: number, include: readonly (readonly number[])[] = []): Grid2D {
  const [ax, ay] = resolveAxes(fn, energy, options, defaultCount, LANDSCAPE_MAX_POINTS_2D, include);
  const xs = axisPoints(ax);
  const ys = axisPoints(ay);
  const z = sampleEnergy2D(fn, energy, xs, ys);
  let min = Infinity;
  let max = -Infinity;
  for (const row of z) for (const v of row) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return { xs: roundAll(xs), ys: roundAll(ys), z, min, max };
}

/** Checks the optional energyMax clip against the grid; returns the top of the colour scale. */
function clipOption(fn: string, value: unknown, grid: Grid2D): number {
  if (value === undefined) return grid.max;
  const [clip] = checkNumbers(fn, "options.energyMax", [value], 1);
  if (!(clip > grid.min)) throw new RangeError(message(fn, "options.energyMax", `a number above the grid minimum ${formatNumber(grid.min)}`, clip));
  return clip;
}

/** The contour trace of a 2D landscape (topographic map), coloured by Viridis. */
export function contourTrace(grid: Grid2D, variables: readonly string[], clip: number, levels: number, extra: Partial<PlotTrace> = {}): PlotTrace {
  const size = (clip - grid.min) / levels;
  return {
    type: "contour",
    name: axisTitles.energy(variables),
    x: grid.xs,
    y: grid.ys,
    z: grid.z,
    colorscale: SEQUENTIAL_SCALE.map(([t, c]) => [t, c]),
    zmin: roundForPlot(grid.min),
    zmax: roundForPlot(clip),
    autocontour: false,
    contours: { start: roundForPlot(grid.min + size / 2), end: roundForPlot(clip), size: roundForPlot(size), coloring: "heatmap", showlines: true },
    line: { color: "rgba(255,255,255,0.45)", width: 0.6 },
    colorbar: { title: { text: axisTitles.energy(variables), side: "right" }, thickness: 16 },
    hovertemplate: `${variables[0]} = %{x:.3g}<br>${variables[1]} = %{y:.3g}<br>E = %{z:.4g}<extra></extra>`,
    ...extra,
  };
}

/** Labels (with a white box) for minima on a 2D map. */
export function minimaAnnotations(
  minima: readonly { readonly x: readonly number[]; readonly label: string }[],
  extra: Record<string, unknown> = {},
): Record<string, unknown>[] {
  return minima.map((m) => ({
    x: roundForPlot(m.x[0]),
    y: roundForPlot(m.x[1]),
    text: m.label,
    showarrow: true,
    arrowhead: 0,
    ax: 22,
    ay: -24,
    bgcolor: "rgba(255,255,255,0.85)",
    bordercolor: INK,
    borderwidth: 1,
    ...extra,
  }));
}

/**
 * A 2D energy landscape as a topographic map: filled contours of E(x, y) on a grid of at most
 * 120 x 120 points, minima marked with stars and labelled.
 *
 * @throws TypeError when energy is not an Energy or an option has the wrong kind.
 * @throws RangeError when the energy is not 2D, no range is known, the grid is larger than
 *   120 points per axis, or E is not finite on the grid.
 * @example
 * const bowl = energyFromFunction((p) => p[0] ** 2 + 2 * p[1] ** 2, { dimension: 2,
 *   domain: { lower: [-1, -1], upper: [1, 1] }, knownMinima: [{ x: [0, 0], energy: 0 }] });
 * landscapeContour(bowl, { points: 40 }).data[0].type;
 * // => "contour"
 */
export function landscapeContour(energy: Energy, options?: Landscape2DOptions): Figure {
  const fn = "landscapeContour";
  checkEnergy(fn, "energy", energy, [2], "use landscapeFigure for 1D energies");
  const opts = readOptions(fn, options, { axes: undefined, range: undefined, points: undefined, minima: undefined, energyMax: undefined, levels: undefined, equalAspect: undefined, title: undefined, description: undefined }) as Landscape2DOptions;
  const grid = grid2D(fn, energy, opts, LANDSCAPE_POINTS_2D);
  const clip = clipOption(fn, opts.energyMax, grid);
  const levels = integerOption(fn, "options.levels", opts.levels, 24, 2, 200);
  const equal = booleanOption(fn, "options.equalAspect", opts.equalAspect, true);
  const variables = energy.variables;
  const minima = resolveMinima(fn, energy, opts.minima);
  const data: PlotTrace[] = [contourTrace(grid, variables, clip, levels)];
  if (minima.length > 0) data.push(minimaTrace(minima, minima.map((_, k) => paletteColor(k)), 2));
  let description =
    `Topographic map of ${energyPhrase(energy)}: filled contours over ${variables[0]} from ${formatNumber(grid.xs[0])} to ${formatNumber(grid.xs[grid.xs.length - 1])} ` +
    `and ${variables[1]} from ${formatNumber(grid.ys[0])} to ${formatNumber(grid.ys[grid.ys.length - 1])}, dark purple for low energy and yellow for high; E ranges from ${formatNumber(grid.min)} to ${formatNumber(grid.max)}` +
    (clip < grid.max ? ` (colours clipped at ${formatNumber(clip)})` : "") +
    ".";
  description += minima.length > 0 ? ` Minima marked with stars: ${describeMinima(minima, variables)}.` : "";
  return makeFigure({
    kind: "landscape",
    title: titleOption(fn, opts.title, `Topographic map: ${energy.name}`),
    description: descriptionOption(fn, opts.description, description),
    data,
    layout: {
      xaxis: axis(axisTitles.state(variables[0]), { range: [grid.xs[0], grid.xs[grid.xs.length - 1]], constrain: "domain" }),
      yaxis: axis(axisTitles.state(variables[1]), {
        range: [grid.ys[0], grid.ys[grid.ys.length - 1]],
        ...(equal ? { scaleanchor: "x", scaleratio: 1, constrain: "domain" } : {}),
      }),
      annotations: minimaAnnotations(minima.filter((m) => m.labelled)),
      showlegend: false,
      height: 520,
    },
  });
}

/**
 * A 2D energy landscape as a 3D surface (the lily pad): E(x, y) as height, coloured by Viridis,
 * with the topographic map projected on the floor and the minima marked.
 *
 * @throws TypeError when energy is not an Energy or an option has the wrong kind.
 * @throws RangeError when the energy is not 2D, no range is known, the grid is larger than
 *   120 points per axis, or E is not finite on the grid.
 * @example
 * const bowl = energyFromFunction((p) => p[0] ** 2 + p[1] ** 2, { dimension: 2,
 *   domain: { lower: [-1, -1], upper: [1, 1] } });
 * landscapeSurface(bowl, { points: 30 }).data[0].type;
 * // => "surface"
 */
export function landscapeSurface(energy: Energy, options?: Landscape2DOptions): Figure {
  const fn = "landscapeSurface";
  checkEnergy(fn, "energy", energy, [2], "use landscapeFigure for 1D energies");
  const opts = readOptions(fn, options, { axes: undefined, range: undefined, points: undefined, minima: undefined, energyMax: undefined, title: undefined, description: undefined }) as Landscape2DOptions;
  const grid = grid2D(fn, energy, opts, 60);
  const clip = clipOption(fn, opts.energyMax, grid);
  const variables = energy.variables;
  const minima = resolveMinima(fn, energy, opts.minima);
  const z = clip < grid.max ? grid.z.map((row) => row.map((v) => Math.min(v, roundForPlot(clip)))) : grid.z;
  const data: PlotTrace[] = [
    {
      type: "surface",
      name: axisTitles.energy(variables),
      x: grid.xs,
      y: grid.ys,
      z,
      colorscale: SEQUENTIAL_SCALE.map(([t, c]) => [t, c]),
      cmin: roundForPlot(grid.min),
      cmax: roundForPlot(clip),
      contours: { z: { show: true, usecolormap: true, project: { z: true }, width: 1 } },
      colorbar: { title: { text: axisTitles.energy(variables), side: "right" }, thickness: 16 },
      hovertemplate: `${variables[0]} = %{x:.3g}<br>${variables[1]} = %{y:.3g}<br>E = %{z:.4g}<extra></extra>`,
    },
  ];
  if (minima.length > 0) {
    data.push({
      type: "scatter3d",
      mode: "markers+text",
      name: minima.length === 1 ? "minimum" : "minima",
      x: minima.map((m) => roundForPlot(m.x[0])),
      y: minima.map((m) => roundForPlot(m.x[1])),
      z: minima.map((m) => roundForPlot(m.energy)),
      text: minima.map((m) => m.label),
      marker: { size: 6, color: minima.map((_, k) => paletteColor(k)), line: { color: "white", width: 1 } },
      hovertemplate: "%{text}<extra></extra>",
    });
  }
  let description =
    `3D surface of ${energyPhrase(energy)} over ${variables[0]} from ${formatNumber(grid.xs[0])} to ${formatNumber(grid.xs[grid.xs.length - 1])} ` +
    `and ${variables[1]} from ${formatNumber(grid.ys[0])} to ${formatNumber(grid.ys[grid.ys.length - 1])}: height and colour show E (dark purple low, yellow high), ` +
    `from ${formatNumber(grid.min)} to ${formatNumber(grid.max)}` +
    (clip < grid.max ? `, cut off at ${formatNumber(clip)}` : "") +
    "; the contour map is projected on the floor. Drag to rotate.";
  description += minima.length > 0 ? ` Minima marked: ${describeMinima(minima, variables)}.` : "";
  return makeFigure({
    kind: "landscape",
    title: titleOption(fn, opts.title, `Energy surface: ${energy.name}`),
    description: descriptionOption(fn, opts.description, description),
    data,
    layout: {
      scene: {
        xaxis: axis(axisTitles.state(variables[0])),
        yaxis: axis(axisTitles.state(variables[1])),
        zaxis: axis(axisTitles.energy(variables)),
        aspectmode: "manual",
        aspectratio: { x: 1, y: 1, z: 0.6 },
        camera: { eye: { x: 1.45, y: -1.45, z: 1.0 } },
      },
      margin: { l: 10, r: 10, t: 60, b: 10 },
      showlegend: false,
      height: 560,
    },
  });
}
