/**
 * The energy landscape of a small network: every state by Hamming distance and energy, the
 * stored patterns, their mirror images, the spurious minima, and a barrier path.
 */
import { barrierPath, classifyMinima, hammingDistance, stateFromIndex } from "../../hopfield";
import { checkInteger, message, readOptions } from "../../validate";
import { checkNumbers, isArrayLike } from "../checks";
import type { Figure, PlotTrace } from "../figure";
import { INK, PALETTE, axis, descriptionOption, formatNumber, makeFigure, paletteColor, roundAll, roundForPlot, titleOption } from "../style";
import { checkSpins, labelsOption, panelHeading } from "./shared";

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

/** The most units a network landscape draws: 2^12 = 4096 states. */
const LANDSCAPE_MAX_UNITS = 12;

/** Light grey for the cloud of all states. */
const CLOUD_COLOR = "#9A9A9A";

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
 * The minima and their kinds come from {@link classifyMinima}, the path and its barrier from
 * {@link barrierPath}, the distances from {@link hammingDistance}.
 *
 * @param energies E(s) of all 2^N states, index = stateIndex(s) = sum_i [s_i = +1] 2^i, or an
 *   object with such an `energies` field (a BoltzmannDistribution from `boltzmannExact`).
 * @throws TypeError when energies is not an array or an option has the wrong kind.
 * @throws RangeError when there are not 2^N finite energies with N in [2, 12], a pattern or the
 *   reference is not N values +-1, labels do not match the patterns, the path names a pattern
 *   that is not there, or an option name is unknown.
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
  const opts = readOptions<NetworkLandscapeOptions>(fn, options, {
    patterns: undefined,
    labels: undefined,
    reference: undefined,
    path: undefined,
    title: undefined,
    description: undefined,
  });
  let patterns: number[][] = [];
  if (opts.patterns !== undefined) {
    if (!Array.isArray(opts.patterns)) throw new TypeError(message(fn, "options.patterns", `an array of patterns of ${n} values +-1`, opts.patterns));
    patterns = opts.patterns.map((p, k) => checkSpins(fn, `options.patterns[${k}]`, p, n));
  }
  const labels = labelsOption(fn, "options.labels", opts.labels, patterns.length, (k) => `pattern ${k + 1}`);
  const reference = opts.reference !== undefined ? checkSpins(fn, "options.reference", opts.reference, n) : patterns.length > 0 ? patterns[0] : stateFromIndex(0, n);
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

  // The physics, from the library: the single-flip minima, named against the patterns.
  const found = classifyMinima(e, patterns);
  const patternIndex = found.patternIndices;
  const spurious = found.spurious;
  const mirrors = found.mirrors.map((k) => ({ i: found.mirrorIndices[k], k }));

  // Positions: distance from the reference, spread sideways within a column in index order.
  const distance = Array.from({ length: count }, (_, i) => hammingDistance(stateFromIndex(i, n), reference));
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
    const barrier = barrierPath(e, patterns[a], patterns[b]);
    const route = barrier.indices;
    const routeEnergies = barrier.energies;
    const peak = barrier.peak;
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
      )}: a barrier of ${formatNumber(barrier.barrier, 4)} separates the two memories.`;
  }
  const description =
    `${withPath ? "Left: e" : "E"}very one of the ${count} states of a network of ${n} units as a grey dot at its Hamming distance from ${referenceName} (spread sideways within each distance) and its energy E(s). ` +
    `Energies run from ${formatNumber(Math.min(...e), 4)} to ${formatNumber(Math.max(...e), 4)}. There are ${found.minima.length} local minima (states no single flip can lower)` +
    (patterns.length > 0 ? `: stored patterns are coloured stars (${labels.map((l, k) => `${l} at E = ${formatNumber(e[patternIndex[k]], 4)}`).join(", ")})` : "") +
    (mirrors.length > 0 ? `, ${mirrors.length} mirror image(s) −ξ open stars` : "") +
    (spurious.length > 0 ? `, and ${spurious.length} spurious minimum(s) white diamonds (${spurious.map((i) => `E = ${formatNumber(e[i], 4)}`).join(", ")})` : ", and no spurious minimum") +
    "." +
    (found.unstable.length > 0 ? ` Not a local minimum: ${found.unstable.map((k) => labels[k]).join(", ")}.` : "") +
    pathWords;
  return makeFigure({
    kind: "landscape",
    title: titleOption(fn, opts.title, "Energy landscape of a small network"),
    description: descriptionOption(fn, opts.description, description),
    data,
    layout,
  });
}
