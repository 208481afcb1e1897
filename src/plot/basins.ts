/**
 * Basin maps: which minimum each starting state flows to, one colour per minimum (the same
 * colour order as the basins of {@link landscapeFigure}: basin k in palette colour k).
 */
import type { Energy } from "../types";
import { message, readOptions } from "../validate";
import { checkEnergy, checkEnergyDimension, checkIncreasing, checkMinima, checkObject, isArrayLike } from "./checks";
import type { Figure, PlotTrace } from "./figure";
import { sampleEnergy1D } from "./grid";
import { minimaAnnotations } from "./landscape";
import { INK, UNASSIGNED_COLOR, axis, axisTitles, descriptionOption, energyPhrase, formatNumber, formatPoint, makeFigure, paletteColor, paletteColorName, roundAll, roundForPlot, titleOption } from "./style";

/** A basin map as the dynamics produce it: a grid, one label per grid point, and the minima. */
export interface BasinMapInput {
  /** Grid coordinates along each axis (1 or 2 axes). */
  readonly axes: readonly (readonly number[])[];
  /** Row-major (index = i + nx j): the index into `minima` reached from that point, or -1 for none. */
  readonly labels: Int32Array | readonly number[];
  /** The minima, in label order. */
  readonly minima: readonly { readonly x: readonly number[]; readonly label?: string }[];
}

/** Options of {@link basinMapFigure}. */
export interface BasinMapFigureOptions {
  /** 1D: also draw the energy curve above the strip, coloured by basin. */
  energy?: Energy;
  /**
   * Names of the minima, in label order. @default map.minima[k].label (basinMap keeps the labels
   *   of the minima it was given, such as a catalogue's knownMinima), else "minimum k+1"
   */
  minimumLabels?: readonly string[];
  /** Names of the state variables. @default energy.variables, else ["x"] or ["x", "y"] */
  variables?: readonly string[];
  /** @default "Basins of attraction" */
  title?: string;
  /** Alt text. @default generated from the data */
  description?: string;
}

/**
 * A discrete plotly colorscale for the values z = label + 1 of a basin map: 0 is "no minimum"
 * (grey), v >= 1 is basin v - 1 in palette colour v - 1. With `withNone` the scale covers
 * 0..K (use zmin = -0.5, zmax = K + 0.5); without, 1..K (zmin = 0.5, zmax = K + 0.5).
 *
 * @example
 * basinColorscale(1, true);
 * // => [[0, "#D9D9D9"], [0.5, "#D9D9D9"], [0.5, "#0072B2"], [1, "#0072B2"]]
 */
export function basinColorscale(basins: number, withNone = true): [number, string][] {
  const first = withNone ? 0 : 1;
  const bands = basins + 1 - first;
  const scale: [number, string][] = [];
  for (let v = first; v <= basins; v++) {
    const color = v === 0 ? UNASSIGNED_COLOR : paletteColor(v - 1);
    const b = v - first;
    scale.push([roundForPlot(b / bands), color], [roundForPlot((b + 1) / bands), color]);
  }
  return scale;
}

/**
 * A map of basins of attraction. 2D: a heatmap with one colour per minimum (grey where no
 * minimum was reached), minima starred and labelled. 1D: a coloured strip along x, and, when
 * `options.energy` is given, the energy curve above it coloured by the basin of each point.
 * The alt text gives each basin's share of the grid.
 *
 * @throws TypeError when map or an option has the wrong kind.
 * @throws RangeError when the axes are not increasing, the labels do not match the grid, a label
 *   is not an integer in [-1, minima.length - 1], a minimum has the wrong dimension, or the
 *   energy's dimension is not 1.
 * @example
 * const map = { axes: [[-1, -0.5, 0.5, 1]], labels: [0, 0, 1, 1], minima: [{ x: [-1], label: "A" }, { x: [1], label: "B" }] };
 * basinMapFigure(map).layout.meta.kind;
 * // => "basins"
 */
export function basinMapFigure(map: BasinMapInput, options?: BasinMapFigureOptions): Figure {
  const fn = "basinMapFigure";
  const m = checkObject(fn, "map", map, "a basin map { axes, labels, minima }");
  if (!Array.isArray(m.axes) || m.axes.length < 1 || m.axes.length > 2) throw new RangeError(message(fn, "map.axes", "one or two grid axes", m.axes));
  const axes = m.axes.map((a, k) => checkIncreasing(fn, `map.axes[${k}]`, a, 2));
  const dimension = axes.length;
  const size = axes.reduce((s, a) => s * a.length, 1);
  const minima = checkMinima(fn, "map.minima", m.minima, dimension);
  if (minima.length === 0) throw new RangeError(message(fn, "map.minima", "a non-empty array of minima", m.minima));
  if (!isArrayLike(m.labels)) throw new TypeError(message(fn, "map.labels", "an array of integer labels", m.labels));
  if (m.labels.length !== size) {
    throw new RangeError(message(fn, "map.labels", `an array of length ${size} (one label per grid point)`, m.labels) + ` (length ${m.labels.length})`);
  }
  const labels = Array.from(m.labels as ArrayLike<unknown>, (v, i) => {
    if (!(typeof v === "number" && Number.isInteger(v) && v >= -1 && v < minima.length)) {
      throw new RangeError(message(fn, `map.labels[${i}]`, `an integer in [-1, ${minima.length - 1}]`, v));
    }
    return v;
  });
  const opts = readOptions(fn, options, { energy: undefined, minimumLabels: undefined, variables: undefined, title: undefined, description: undefined }) as BasinMapFigureOptions;
  let energy: Energy | undefined;
  if (opts.energy !== undefined) {
    energy = checkEnergy(fn, "options.energy", opts.energy);
    if (dimension === 2) throw new RangeError(message(fn, "options.energy", "absent for a 2D map (the energy curve is drawn for 1D maps only)", opts.energy));
    checkEnergyDimension(fn, "options.energy", energy, [1], "the map is 1D");
  }
  let variables: readonly string[] = energy?.variables ?? (dimension === 1 ? ["x"] : ["x", "y"]);
  if (opts.variables !== undefined) {
    if (!Array.isArray(opts.variables) || opts.variables.length !== dimension || opts.variables.some((v) => typeof v !== "string" || v === "")) {
      throw new RangeError(message(fn, "options.variables", `${dimension} non-empty name(s)`, opts.variables));
    }
    variables = opts.variables;
  }
  if (opts.minimumLabels !== undefined) {
    const l = opts.minimumLabels as unknown;
    if (!Array.isArray(l) || l.length !== minima.length || l.some((v) => typeof v !== "string" || v === "")) {
      throw new RangeError(message(fn, "options.minimumLabels", `${minima.length} non-empty name(s), one per minimum`, l));
    }
  }
  const names = minima.map((mm, k) => opts.minimumLabels?.[k] ?? mm.label ?? `minimum ${k + 1}`);
  const named = minima.map((mm, k) => opts.minimumLabels?.[k] !== undefined || mm.label !== undefined);
  const K = minima.length;
  const counts = new Array<number>(K + 1).fill(0);
  for (const l of labels) counts[l + 1]++;
  const z = labels.map((l) => l + 1);
  const withNone = counts[0] > 0;
  const zRange = { zmin: withNone ? -0.5 : 0.5, zmax: K + 0.5 };
  const colorbar = {
    title: { text: "basin of", side: "right" },
    tickvals: withNone ? Array.from({ length: K + 1 }, (_, v) => v) : Array.from({ length: K }, (_, v) => v + 1),
    ticktext: withNone ? ["none", ...names] : names,
    thickness: 16,
    len: 0.9,
  };
  const share = (c: number) => `${formatNumber((100 * c) / size, 3)}%`;
  const basinWords =
    names.map((name, k) => `${paletteColorName(k)} for ${name} at ${formatPoint(minima[k].x, variables)} (${share(counts[k + 1])} of the grid)`).join(", ") +
    (counts[0] > 0 ? `; grey where no minimum was reached (${share(counts[0])})` : "");
  const data: PlotTrace[] = [];
  const layout: Record<string, unknown> = {};
  let description: string;

  if (dimension === 2) {
    const [xs, ys] = axes;
    const rows: number[][] = [];
    for (let j = 0; j < ys.length; j++) rows.push(z.slice(j * xs.length, (j + 1) * xs.length));
    data.push({
      type: "heatmap",
      name: "basins",
      x: roundAll(xs),
      y: roundAll(ys),
      z: rows,
      ...zRange,
      colorscale: basinColorscale(K, withNone),
      colorbar,
      hovertemplate: `${variables[0]} = %{x:.3g}<br>${variables[1]} = %{y:.3g}<extra></extra>`,
    });
    data.push({
      type: "scatter",
      mode: "markers",
      name: "minima",
      x: minima.map((mm) => roundForPlot(mm.x[0])),
      y: minima.map((mm) => roundForPlot(mm.x[1])),
      text: names,
      marker: { symbol: "star", size: 16, color: "white", line: { color: INK, width: 1.2 } },
      hovertemplate: "%{text}<extra></extra>",
    });
    layout.xaxis = axis(axisTitles.state(variables[0]), { range: [roundForPlot(xs[0]), roundForPlot(xs[xs.length - 1])], constrain: "domain" });
    layout.yaxis = axis(axisTitles.state(variables[1]), { range: [roundForPlot(ys[0]), roundForPlot(ys[ys.length - 1])], scaleanchor: "x", scaleratio: 1, constrain: "domain" });
    layout.annotations = minimaAnnotations(minima.flatMap((mm, k) => (named[k] ? [{ x: mm.x, label: names[k] }] : [])));
    layout.height = 520;
    layout.showlegend = false;
    description =
      `Map of basins of attraction over ${variables[0]} from ${formatNumber(xs[0])} to ${formatNumber(xs[xs.length - 1])} and ${variables[1]} from ${formatNumber(ys[0])} to ${formatNumber(ys[ys.length - 1])}: ` +
      `each grid point is coloured by the minimum that descent from it reaches, ${basinWords}. Minima are starred.`;
  } else {
    const xs = axes[0];
    const withCurve = energy !== undefined;
    const stripDomain: [number, number] = withCurve ? [0, 0.14] : [0, 1];
    data.push({
      type: "heatmap",
      name: "basins",
      x: roundAll(xs),
      y: [0],
      z: [z],
      ...zRange,
      colorscale: basinColorscale(K, withNone),
      // With the curve, its legend names the basins; without, the colour bar does.
      showscale: !withCurve,
      colorbar,
      hovertemplate: `${variables[0]} = %{x:.3g}<extra></extra>`,
      xaxis: "x",
      yaxis: "y",
    });
    data.push({
      type: "scatter",
      mode: "markers",
      name: "minima",
      x: minima.map((mm) => roundForPlot(mm.x[0])),
      y: minima.map(() => 0),
      text: names,
      marker: { symbol: "triangle-up", size: 14, color: "white", line: { color: INK, width: 1.2 } },
      hovertemplate: "%{text}<extra></extra>",
      showlegend: false,
      xaxis: "x",
      yaxis: "y",
    });
    layout.xaxis = axis(axisTitles.state(variables[0]), { range: [roundForPlot(xs[0]), roundForPlot(xs[xs.length - 1])] });
    layout.yaxis = axis("", { domain: stripDomain, showticklabels: false, showgrid: false, ticks: "", fixedrange: true });
    layout.height = withCurve ? 480 : 240;
    description =
      `Strip along ${variables[0]} from ${formatNumber(xs[0])} to ${formatNumber(xs[xs.length - 1])} coloured by basin of attraction (the minimum that descent from each point reaches): ${basinWords}. Minima are marked with white triangles.`;
    if (energy) {
      const energies = sampleEnergy1D(fn, energy, xs);
      let start = 0;
      const seen = new Set<number>();
      for (let i = 1; i <= xs.length; i++) {
        if (i === xs.length || labels[i] !== labels[start]) {
          const l = labels[start];
          const stop = Math.min(i, xs.length - 1);
          data.push({
            type: "scatter",
            mode: "lines",
            name: l < 0 ? "no minimum" : `basin of ${names[l]}`,
            legendgroup: `basin${l}`,
            showlegend: !seen.has(l),
            x: roundAll(xs.slice(start, stop + 1)),
            y: roundAll(energies.slice(start, stop + 1)),
            line: { color: l < 0 ? UNASSIGNED_COLOR : paletteColor(l), width: 4 },
            xaxis: "x",
            yaxis: "y2",
          });
          seen.add(l);
          start = i;
        }
      }
      layout.yaxis2 = axis(axisTitles.energy(variables), { domain: [0.24, 1], anchor: "x" });
      description += ` Above it, the curve of ${energyPhrase(energy)} is drawn in the colour of each point's basin.`;
    }
  }
  return makeFigure({
    kind: "basins",
    title: titleOption(fn, opts.title, energy ? `Basins of attraction: ${energy.name}` : "Basins of attraction"),
    description: descriptionOption(fn, opts.description, description),
    data,
    layout,
  });
}
