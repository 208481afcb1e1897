/**
 * The energy along Hopfield recall: the descent view of a network.
 */
import type { HopfieldRecallResult } from "../../hopfield";
import { message, readOptions } from "../../validate";
import { checkNonEmptyArray, checkNumbers, checkObject } from "../checks";
import { energyRises } from "../../dynamics";
import { downsampleIndices } from "../downsample";
import type { Figure, PlotTrace } from "../figure";
import { INK, axis, checkText, descriptionOption, formatNumber, makeFigure, paletteColor, paletteColorName, roundForPlot, titleOption } from "../style";
import { RECALL_MAX_POINTS, checkRecall, checkSameNetwork, reasonWords } from "./recallRun";
import { labelsOption } from "./shared";

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
 * @throws RangeError when a result's times and energies disagree in length with its path, a
 *   value is not finite, the runs name different networks (energyName), labels / levels are
 *   malformed, or an option name is unknown.
 * @example
 * const run = { mode: "async", path: [[1, -1], [1, 1]], times: [0, 1], energies: [1, -1], overlaps: [],
 *   final: [1, 1], finalEnergy: -1, finalOverlaps: [], converged: true, reason: "converged", iterations: 2, flips: 1, seed: 1 };
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
  const network = checkSameNetwork(fn, runs, argOf);
  const opts = readOptions<Partial<RecallEnergyOptions>>(fn, options, { labels: undefined, levels: undefined, title: undefined, description: undefined });
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
    const rises = energyRises(run.energies);
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
    `The energy E(s) = −½ sᵀWs − bᵀs against the ${timeTitle} for ${runs.length} recall run(s)${network !== undefined ? ` of ${network}` : ""}. ${runWords.join("; ")}.` +
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
