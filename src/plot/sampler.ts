/**
 * Sampler figures: traces of a few chains over the steps (how a chain wanders, sticks in one
 * well, or hops between wells), and acceptance rates as bars (for example across step sizes).
 */
import type { SamplerResult } from "../types";
import { checkInteger, message, readOptions } from "../validate";
import { checkAcceptance, checkNonEmptyArray, checkObject, checkSamplerResult, integerOption } from "./checks";
import { downsampleIndices } from "./downsample";
import type { Figure, PlotTrace } from "./figure";
import { INK, axis, axisTitles, descriptionOption, formatNumber, makeFigure, paletteColor, paletteColorName, roundForPlot, titleOption } from "./style";

/** Options of {@link traceFigure}. */
export interface TraceFigureOptions {
  /** Which chains to draw (indices). @default the first min(4, chains) */
  chains?: readonly number[];
  /** Which coordinate of the state to draw. @default 0 */
  coordinate?: number;
  /** The coordinate's name, for the axis. @default "x" in 1D, "x1", "x2", ... otherwise */
  variable?: string;
  /** Most points drawn per chain (downsampled, keeping first and last). @default 1000, at most 5000 */
  maxPoints?: number;
  /** @default "<method> chains at β = <beta>" */
  title?: string;
  /** Alt text. @default generated from the data */
  description?: string;
}

/** One bar of {@link acceptanceFigure} when not given a SamplerResult. */
export interface AcceptanceEntry {
  readonly label: string;
  readonly acceptanceRate: number;
}

/** Options of {@link acceptanceFigure}. */
export interface AcceptanceFigureOptions {
  /** One label per bar (overrides the entries' labels). @default entry labels, or "<method> i" */
  labels?: readonly string[];
  /** Title of the category axis, e.g. "proposal step size". @default "run" */
  xTitle?: string;
  /** A reference rate drawn as a dashed line (e.g. 0.234 for random-walk Metropolis in high dimension). */
  target?: number;
  /** @default "Acceptance rate" */
  title?: string;
  /** Alt text. @default generated from the data */
  description?: string;
}

/**
 * Trace plot: the chosen coordinate of a few chains against the sample index, one palette
 * colour per chain. Long chains are downsampled for drawing (first and last sample kept).
 * The alt text gives each chain's range, mean and acceptance rate.
 *
 * @throws TypeError when result is not a SamplerResult or an option has the wrong kind.
 * @throws RangeError when the samples do not match chains * samplesPerChain * dimension, a
 *   chain index or the coordinate is out of range, or a drawn sample is not finite.
 * @example
 * const result = { method: "metropolis", seed: 1, beta: 1, chains: 2, samplesPerChain: 3, dimension: 1,
 *   samples: Float64Array.of(0, 0.5, 1, -1, -0.5, 0), acceptanceRate: 0.5,
 *   chainAcceptanceRates: Float64Array.of(0.5, 0.5), finalStates: Float64Array.of(1, 0) };
 * traceFigure(result).data.length;
 * // => 2
 */
export function traceFigure(result: SamplerResult, options?: TraceFigureOptions): Figure {
  const fn = "traceFigure";
  const r = checkSamplerResult(fn, "result", result);
  const opts = readOptions(fn, options, { chains: undefined, coordinate: undefined, variable: undefined, maxPoints: undefined, title: undefined, description: undefined }) as TraceFigureOptions;
  let chains: number[];
  if (opts.chains !== undefined) {
    if (!Array.isArray(opts.chains) || opts.chains.length === 0) throw new RangeError(message(fn, "options.chains", "a non-empty array of chain indices", opts.chains));
    chains = opts.chains.map((c, i) => checkInteger(fn, `options.chains[${i}]`, c, 0, r.chains - 1));
  } else {
    chains = Array.from({ length: Math.min(4, r.chains) }, (_, c) => c);
  }
  const d = integerOption(fn, "options.coordinate", opts.coordinate, 0, 0, r.dimension - 1);
  const variable = opts.variable ?? (r.dimension === 1 ? "x" : `x${d + 1}`);
  if (typeof variable !== "string" || variable === "") throw new TypeError(message(fn, "options.variable", "a non-empty string", opts.variable));
  const maxPoints = integerOption(fn, "options.maxPoints", opts.maxPoints, 1000, 2, 5000);
  const S = r.samplesPerChain;
  const keep = downsampleIndices(S, maxPoints);
  const stats: string[] = [];
  const data: PlotTrace[] = chains.map((c, k) => {
    const base = c * S;
    let lo = Infinity;
    let hi = -Infinity;
    let sum = 0;
    for (let s = 0; s < S; s++) {
      const v = r.samples[(base + s) * r.dimension + d];
      if (!Number.isFinite(v)) throw new RangeError(message(fn, `result.samples[${(base + s) * r.dimension + d}] (chain ${c}, sample ${s})`, "a finite number", v));
      if (v < lo) lo = v;
      if (v > hi) hi = v;
      sum += v;
    }
    const rate = r.chainAcceptanceRates && r.chainAcceptanceRates.length === r.chains ? r.chainAcceptanceRates[c] : undefined;
    stats.push(
      `chain ${c} (${paletteColorName(k)}) ranges from ${formatNumber(lo)} to ${formatNumber(hi)} with mean ${formatNumber(sum / S)}` +
        (rate !== undefined && Number.isFinite(rate) ? ` and acceptance rate ${formatNumber(rate, 2)}` : ""),
    );
    return {
      type: "scatter",
      mode: "lines",
      name: `chain ${c}`,
      x: keep,
      y: keep.map((s) => roundForPlot(r.samples[(base + s) * r.dimension + d])),
      line: { color: paletteColor(k), width: 1.3 },
      opacity: 0.9,
    };
  });
  const thinned = keep.length < S ? ` (drawn: ${keep.length} evenly spaced samples per chain)` : "";
  const description =
    `Trace plot of ${variable} against the sample index for ${chains.length} of the ${r.chains} chain(s) of the ${r.method} sampler at β = ${formatNumber(r.beta, 4)} ` +
    `(seed ${String(r.seed)}), ${S} samples per chain${thinned}. ${stats.join("; ")}. Overall acceptance rate ${formatNumber(r.acceptanceRate, 2)}.`;
  return makeFigure({
    kind: "sampler",
    title: titleOption(fn, opts.title, `${r.method.charAt(0).toUpperCase()}${r.method.slice(1)} chains at β = ${formatNumber(r.beta, 4)}`),
    description: descriptionOption(fn, opts.description, description),
    data,
    layout: {
      xaxis: axis(`sample (${axisTitles.step})`, { range: [0, Math.max(1, S - 1)] }),
      yaxis: axis(axisTitles.state(variable)),
      legend: { orientation: "h", x: 0, y: 1.02, xanchor: "left", yanchor: "bottom" },
      margin: { l: 70, r: 30, t: 90, b: 60 },
    },
  });
}

/**
 * Acceptance rates as bars, one per run (for example Metropolis at several proposal step
 * sizes), labelled with the rate as a percentage; an optional dashed reference line.
 * Takes SamplerResults or plain { label, acceptanceRate } entries.
 *
 * @throws TypeError when results is not an array or an entry has the wrong kind.
 * @throws RangeError when results is empty, a rate is outside [0, 1], labels do not match the
 *   number of runs, or target is outside [0, 1].
 * @example
 * acceptanceFigure([{ label: "step 0.1", acceptanceRate: 0.9 }, { label: "step 2", acceptanceRate: 0.3 }]).data[0].y;
 * // => [0.9, 0.3]
 */
export function acceptanceFigure(results: readonly SamplerResult[] | readonly AcceptanceEntry[], options?: AcceptanceFigureOptions): Figure {
  const fn = "acceptanceFigure";
  const list = checkNonEmptyArray<unknown>(fn, "results", results, "SamplerResult or { label, acceptanceRate }");
  const opts = readOptions(fn, options, { labels: undefined, xTitle: undefined, target: undefined, title: undefined, description: undefined }) as AcceptanceFigureOptions;
  const entries = list.map((item, i) => {
    const o = checkObject(fn, `results[${i}]`, item, "a SamplerResult or { label, acceptanceRate }");
    const rate = checkAcceptance(fn, `results[${i}].acceptanceRate`, o.acceptanceRate);
    let label: string;
    if ("samples" in o) label = `${typeof o.method === "string" ? o.method : "run"} ${i + 1}`;
    else if (typeof o.label === "string" && o.label !== "") label = o.label;
    else throw new TypeError(message(fn, `results[${i}].label`, "a non-empty string", o.label));
    return { label, rate };
  });
  if (opts.labels !== undefined) {
    if (!Array.isArray(opts.labels) || opts.labels.length !== entries.length || opts.labels.some((l) => typeof l !== "string" || l === "")) {
      throw new RangeError(message(fn, "options.labels", `${entries.length} non-empty label(s), one per run`, opts.labels));
    }
    opts.labels.forEach((l, i) => (entries[i].label = l));
  }
  const duplicate = entries.findIndex((e, i) => entries.findIndex((f) => f.label === e.label) !== i);
  if (duplicate >= 0) throw new RangeError(message(fn, `labels`, "distinct (bars are placed by label)", entries[duplicate].label));
  const xTitle = opts.xTitle === undefined ? "run" : opts.xTitle;
  if (typeof xTitle !== "string") throw new TypeError(message(fn, "options.xTitle", "a string", opts.xTitle));
  const target = opts.target === undefined ? undefined : checkAcceptance(fn, "options.target", opts.target);
  const data: PlotTrace[] = [
    {
      type: "bar",
      name: axisTitles.acceptance,
      x: entries.map((e) => e.label),
      y: entries.map((e) => roundForPlot(e.rate)),
      text: entries.map((e) => `${formatNumber(100 * e.rate, 3)}%`),
      textposition: "outside",
      marker: { color: paletteColor(0) },
      hovertemplate: "%{x}: %{y:.3f}<extra></extra>",
    },
  ];
  const description =
    `Bar chart of the acceptance rate (fraction of proposals accepted) for ${entries.length} run(s) by ${xTitle}: ` +
    entries.map((e) => `${e.label} ${formatNumber(100 * e.rate, 3)}%`).join(", ") +
    "." +
    (target !== undefined ? ` A dashed line marks the reference rate ${formatNumber(target, 3)}.` : "");
  return makeFigure({
    kind: "sampler",
    title: titleOption(fn, opts.title, "Acceptance rate"),
    description: descriptionOption(fn, opts.description, description),
    data,
    layout: {
      xaxis: axis(xTitle, { type: "category" }),
      yaxis: axis(axisTitles.acceptance, { range: [0, 1.1], tickformat: ".0%" }),
      showlegend: false,
      shapes:
        target === undefined
          ? []
          : [{ type: "line", xref: "paper", yref: "y", x0: 0, x1: 1, y0: target, y1: target, line: { color: INK, width: 1.5, dash: "dash" } }],
      annotations:
        target === undefined
          ? []
          : [{ text: `reference ${formatNumber(100 * target, 3)}%`, xref: "paper", yref: "y", x: 1, y: target, xanchor: "right", yanchor: "bottom", showarrow: false, bgcolor: "rgba(255,255,255,0.85)" }],
    },
  });
}
