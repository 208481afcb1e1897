/**
 * The storage-capacity experiment as a curve: recall against the load P/N.
 */
import { capacityBreakdown, type CapacityResult } from "../../hopfield";
import { checkInteger, message, readOptions } from "../../validate";
import { booleanOption, checkNonEmptyArray, checkNumbers, checkObject } from "../checks";
import type { Figure, PlotTrace } from "../figure";
import { INK, PALETTE, axis, descriptionOption, formatNumber, makeFigure, roundAll, roundForPlot, titleOption } from "../style";
import { panelHeading } from "./shared";

/** Options of {@link capacityFigure}. */
export interface CapacityFigureOptions {
  /** Add a second panel: the fraction of unstable units at the stored patterns, measured and predicted. @default false */
  unstable?: boolean;
  /** Recall fraction whose crossing marks the measured breakdown. @default 0.5 */
  breakdownLevel?: number;
  /** @default "How many memories fit? Recall against the load P/N" */
  title?: string;
  /** Alt text. @default generated from the data */
  description?: string;
}

/**
 * The storage-capacity experiment as a curve: for each load alpha = P/N, the fraction of
 * recalls that ended on their pattern (final overlap >= the result's threshold) and the mean
 * final overlap, with the large-N critical load alpha_c ~ 0.138 (Amit, Gutfreund & Sompolinsky
 * 1987, Annals of Physics 173:30) as a dashed vertical line and the measured breakdown (where the recall
 * fraction first falls below `breakdownLevel`, linearly interpolated between loads) as a dotted
 * one. With `unstable` a second panel compares the fraction of unstable units at the stored
 * patterns with the signal-to-noise prediction 1/2 erfc(1 / sqrt(2 alpha)).
 *
 * @param result A CapacityResult from hopfieldCapacity.
 * @throws TypeError when result is not a capacity result or an option has the wrong kind.
 * @throws RangeError when it has no points, a load is not positive, a fraction is outside
 *   [0, 1], an overlap outside [-1, 1], breakdownLevel outside (0, 1), or an option name is
 *   unknown.
 * @example
 * const point = (a, f) => ({ load: a, patternCount: a * 100, effectiveLoad: a, meanOverlap: f, recallFraction: f,
 *   unstableFraction: 0, predictedUnstableFraction: 0, meanIterations: 1, overlaps: [] });
 * const fig = capacityFigure({ N: 100, trials: 1, seed: 1, flipFraction: 0, recallThreshold: 0.95,
 *   criticalLoad: 0.138, points: [point(0.1, 1), point(0.2, 0)] });
 * fig.data.map((t) => t.name).includes("measured breakdown: α ≈ 0.15");
 * // => true
 */
export function capacityFigure(result: CapacityResult, options?: CapacityFigureOptions): Figure {
  const fn = "capacityFigure";
  const r = checkObject(fn, "result", result, "a CapacityResult { N, points, criticalLoad, ... }");
  const n = checkInteger(fn, "result.N", r.N, 2);
  const criticalLoad = checkNumbers(fn, "result.criticalLoad", [r.criticalLoad], 1)[0];
  if (!(criticalLoad > 0)) throw new RangeError(message(fn, "result.criticalLoad", "a positive number", criticalLoad));
  const threshold = r.recallThreshold === undefined ? 0.95 : checkNumbers(fn, "result.recallThreshold", [r.recallThreshold], 1)[0];
  const points = checkNonEmptyArray<Record<string, unknown>>(fn, "result.points", r.points, "capacity points");
  const opts = readOptions<Partial<CapacityFigureOptions>>(fn, options, { unstable: undefined, breakdownLevel: undefined, title: undefined, description: undefined });
  const unstable = booleanOption(fn, "options.unstable", opts.unstable, false);
  const level = opts.breakdownLevel === undefined ? 0.5 : checkNumbers(fn, "options.breakdownLevel", [opts.breakdownLevel], 1)[0];
  if (!(level > 0 && level < 1)) throw new RangeError(message(fn, "options.breakdownLevel", "a number in (0, 1)", level));
  const fraction = (k: number, field: string, value: unknown, lo: number): number => {
    const [v] = checkNumbers(fn, `result.points[${k}].${field}`, [value], 1);
    if (!(v >= lo && v <= 1)) throw new RangeError(message(fn, `result.points[${k}].${field}`, `a number in [${lo}, 1]`, v));
    return v;
  };
  const rows = points.map((value, k) => {
    const p = checkObject(fn, `result.points[${k}]`, value, "a CapacityPoint { effectiveLoad, recallFraction, meanOverlap, ... }");
    const [load] = checkNumbers(fn, `result.points[${k}].effectiveLoad`, [p.effectiveLoad], 1);
    if (!(load > 0)) throw new RangeError(message(fn, `result.points[${k}].effectiveLoad`, "a positive number", load));
    return {
      load,
      patterns: typeof p.patternCount === "number" ? p.patternCount : Math.round(load * n),
      recall: fraction(k, "recallFraction", p.recallFraction, 0),
      overlap: fraction(k, "meanOverlap", p.meanOverlap, -1),
      unstable: unstable ? fraction(k, "unstableFraction", p.unstableFraction, 0) : 0,
      predicted: unstable ? fraction(k, "predictedUnstableFraction", p.predictedUnstableFraction, 0) : 0,
    };
  });
  rows.sort((a, b) => a.load - b.load);
  const loads = rows.map((p) => p.load);
  // The measured capacity, from the library (the same rows, checked above).
  const measured = capacityBreakdown(result, { level });
  const hover = (what: string) => `α = %{x:.3g} (P = %{customdata})<br>${what} %{y:.3f}<extra></extra>`;
  const leftDomain: [number, number] = unstable ? [0, 0.56] : [0, 1];
  const data: PlotTrace[] = [
    {
      type: "scatter",
      mode: "lines+markers",
      name: `recalled (final overlap ≥ ${formatNumber(threshold)})`,
      x: roundAll(loads),
      y: roundAll(rows.map((p) => p.recall)),
      customdata: rows.map((p) => p.patterns),
      line: { color: PALETTE[0], width: 2.5 },
      marker: { size: 8, color: PALETTE[0] },
      hovertemplate: hover("recalled:"),
    },
    {
      type: "scatter",
      mode: "lines+markers",
      name: "mean final overlap",
      x: roundAll(loads),
      y: roundAll(rows.map((p) => p.overlap)),
      customdata: rows.map((p) => p.patterns),
      line: { color: PALETTE[1], width: 2, dash: "dash" },
      marker: { size: 7, color: PALETTE[1], symbol: "square" },
      hovertemplate: hover("mean overlap"),
    },
    {
      type: "scatter",
      mode: "lines",
      name: `α_c ≈ ${formatNumber(criticalLoad)} (Amit, Gutfreund & Sompolinsky 1987)`,
      x: [roundForPlot(criticalLoad), roundForPlot(criticalLoad)],
      y: [0, 1.05],
      line: { color: INK, width: 1.5, dash: "dash" },
      hoverinfo: "name",
    },
  ];
  if (measured !== undefined) {
    data.push({
      type: "scatter",
      mode: "lines",
      name: `measured breakdown: α ≈ ${formatNumber(measured, 2)}`,
      x: [roundForPlot(measured), roundForPlot(measured)],
      y: [0, 1.05],
      line: { color: PALETTE[5], width: 2, dash: "dot" },
      hoverinfo: "name",
    });
  }
  const layout: Record<string, unknown> = {
    xaxis: axis("load α = P / N", { domain: leftDomain, anchor: "y", rangemode: "tozero" }),
    yaxis: axis("fraction recalled / overlap", { anchor: "x", range: [-0.03, 1.05] }),
    legend: { orientation: "h", x: 0, xanchor: "left", y: -0.2, yanchor: "top" },
    margin: { l: 70, r: 30, t: 80, b: 140 },
    height: 500,
  };
  if (unstable) {
    data.push(
      {
        type: "scatter",
        mode: "markers",
        name: "unstable units at the patterns (measured)",
        x: roundAll(loads),
        y: roundAll(rows.map((p) => p.unstable)),
        marker: { size: 8, color: PALETTE[2], symbol: "diamond" },
        xaxis: "x2",
        yaxis: "y2",
        hovertemplate: "α = %{x:.3g}<br>unstable fraction %{y:.4f}<extra>measured</extra>",
      },
      {
        type: "scatter",
        mode: "lines",
        name: "½ erfc(1/√(2α)) (signal-to-noise prediction)",
        x: roundAll(loads),
        y: roundAll(rows.map((p) => p.predicted)),
        line: { color: PALETTE[2], width: 2 },
        xaxis: "x2",
        yaxis: "y2",
        hovertemplate: "α = %{x:.3g}<br>predicted %{y:.4f}<extra></extra>",
      },
    );
    layout.xaxis2 = axis("load α = P / N", { domain: [0.68, 1], anchor: "y2", rangemode: "tozero" });
    layout.yaxis2 = axis("unstable fraction", { anchor: "x2", rangemode: "tozero" });
    layout.annotations = [
      panelHeading("recall", leftDomain, 1),
      panelHeading("first update: unstable units", [0.68, 1], 1),
    ];
  }
  const pointWords = rows.map((p) => `α = ${formatNumber(p.load)}: ${formatNumber(100 * p.recall, 3)}% recalled, mean overlap ${formatNumber(p.overlap)}`);
  const description =
    `Storage capacity of a Hopfield network of N = ${n} units: the fraction of recalls that end on their pattern (blue) and the mean final overlap (orange, dashed) ` +
    `against the load α = P/N. ${pointWords.join("; ")}. A dashed black line marks the large-N critical load α_c ≈ ${formatNumber(criticalLoad)} ` +
    `(Amit, Gutfreund & Sompolinsky 1987). ` +
    (measured !== undefined
      ? `The recall fraction falls below ${formatNumber(100 * level)}% at α ≈ ${formatNumber(measured, 3)} (dotted vermillion line).`
      : `The recall fraction does not fall below ${formatNumber(100 * level)}% between the loads tried.`) +
    (unstable ? " Right: the fraction of units of the stored patterns that a first update would flip (green diamonds) against ½ erfc(1/√(2α)) (green line)." : "");
  return makeFigure({
    kind: "hopfield",
    title: titleOption(fn, opts.title, "How many memories fit? Recall against the load P/N"),
    description: descriptionOption(fn, opts.description, description),
    data,
    layout,
  });
}
