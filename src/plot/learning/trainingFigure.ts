/**
 * Learning curves: one line per recorded quantity against the epoch (or any other field).
 */
import { message, readOptions } from "../../validate";
import { checkNonEmptyArray, choiceOption } from "../checks";
import { downsampleIndices } from "../downsample";
import type { Figure, PlotTrace } from "../figure";
import { axis, descriptionOption, makeFigure, paletteColor, paletteColorName, roundForPlot, titleOption } from "../style";
import { MAX_POINTS, fmt, namesOption } from "./shared";

/** Options of {@link trainingFigure}. */
export interface TrainingFigureOptions {
  /** The field(s) to draw, one line each: "loss", or ["positiveEnergy", "negativeEnergy"]. Required. */
  y: string | readonly string[];
  /** The field along the horizontal axis. @default "epoch" */
  x?: string;
  /** One legend name per y field. @default the field names */
  labels?: readonly string[];
  /** @default the label when there is one line, else "value" */
  yTitle?: string;
  /** @default the x field's name */
  xTitle?: string;
  /** @default "Training: <labels> by <x>" */
  title?: string;
  /** Alt text. @default generated from the data */
  description?: string;
  /** How lines are drawn. @default "lines+markers" up to 100 points per line, else "lines" */
  mode?: "lines" | "markers" | "lines+markers";
}

/** The most records read (checking is linear; this bounds it). */
const MAX_RECORDS = 1e6;

/** A field name: a non-empty string. */
function fieldName(fn: string, arg: string, value: unknown): string {
  if (typeof value !== "string") throw new TypeError(message(fn, arg, "a field name (a non-empty string)", value));
  if (value.trim() === "") throw new RangeError(message(fn, arg, "a field name (a non-empty string)", value));
  return value;
}

/**
 * A learning curve: one line per y field of the history against its x field (default "epoch"),
 * in the palette's colours. A record whose y field is undefined is skipped for that line (a
 * logLikelihood recorded only now and then); a field absent from every record, or one that is
 * not a finite number where present, is an error naming it. Works with the history of
 * rbmTrain, contrastiveTrain, scoreMatchingTrain, or any rows such as { k: 1, bias: 0.3 }.
 * Lines of more than 800 points are thinned (evenly spaced, first and last kept). Fields on
 * very different scales read better in two figures.
 *
 * @param history The records, one object per row.
 * @throws TypeError when history is not an array of objects, or an option has the wrong kind.
 * @throws RangeError when history is empty, a field is absent from every record or not a finite
 *   number where present, a record with a y value lacks x, labels does not hold one name per y
 *   field, or an option is unknown.
 * @example
 * const history = [{ epoch: 0, loss: 2 }, { epoch: 1, loss: 1.2 }, { epoch: 2, loss: 0.9 }];
 * const fig = trainingFigure(history, { y: "loss" });
 * [fig.layout.meta.kind, fig.data.length, fig.data[0].y];
 * // => ["learning", 1, [2, 1.2, 0.9]]
 * trainingFigure(history, { y: "los" });
 * // throws RangeError("trainingFigure: options.y must be a field of at least one record (the records have epoch, loss), got \"los\"")
 */
export function trainingFigure(history: readonly object[], options: TrainingFigureOptions): Figure {
  const fn = "trainingFigure";
  checkNonEmptyArray(fn, "history", history, "records (objects such as { epoch, loss })");
  if (history.length > MAX_RECORDS) throw new RangeError(message(fn, "history", `at most ${MAX_RECORDS} records`, history));
  const rows = history.map((h, k) => {
    if (h === null || typeof h !== "object" || Array.isArray(h)) throw new TypeError(message(fn, `history[${k}]`, "a record (an object such as { epoch, loss })", h));
    return h as Record<string, unknown>;
  });
  if (options === undefined) throw new TypeError(message(fn, "options", 'an options object naming the field(s) to draw, such as { y: "loss" }', options));
  const opts = readOptions(fn, options, {
    y: undefined as unknown,
    x: undefined as unknown,
    labels: undefined as unknown,
    yTitle: undefined as unknown,
    xTitle: undefined as unknown,
    title: undefined as unknown,
    description: undefined as unknown,
    mode: undefined as unknown,
  });
  if (opts.y === undefined) throw new TypeError(message(fn, "options.y", 'a field name or an array of field names, such as "loss"', opts.y));
  const ys: string[] =
    typeof opts.y === "string"
      ? [fieldName(fn, "options.y", opts.y)]
      : Array.isArray(opts.y)
        ? opts.y.map((f, k) => fieldName(fn, `options.y[${k}]`, f))
        : (() => {
            throw new TypeError(message(fn, "options.y", "a field name or an array of field names", opts.y));
          })();
  if (ys.length === 0 || ys.length > 8) throw new RangeError(message(fn, "options.y", "1 to 8 field names", opts.y));
  const duplicate = ys.findIndex((f, k) => ys.indexOf(f) !== k);
  if (duplicate >= 0) throw new RangeError(message(fn, `options.y[${duplicate}]`, "a field not already listed", ys[duplicate]));
  const xField = opts.x === undefined ? "epoch" : fieldName(fn, "options.x", opts.x);
  const fieldsSeen = () => [...new Set(rows.flatMap((r) => Object.keys(r)))].join(", ");
  const yArg = (j: number) => (typeof opts.y === "string" ? "options.y" : `options.y[${j}]`);
  if (!rows.some((r) => r[xField] !== undefined)) {
    throw new RangeError(message(fn, "options.x", `a field of at least one record (the records have ${fieldsSeen()})`, xField));
  }
  const lines = ys.map((field, j) => {
    const xs: number[] = [];
    const vs: number[] = [];
    rows.forEach((r, k) => {
      const v = r[field];
      if (v === undefined) return;
      if (typeof v !== "number" || !Number.isFinite(v)) throw new RangeError(message(fn, `history[${k}].${field}`, "a finite number", v));
      const x = r[xField];
      if (typeof x !== "number" || !Number.isFinite(x)) throw new RangeError(message(fn, `history[${k}].${xField}`, `a finite number (the x field, beside ${field})`, x));
      xs.push(x);
      vs.push(v);
    });
    if (vs.length === 0) throw new RangeError(message(fn, yArg(j), `a field of at least one record (the records have ${fieldsSeen()})`, field));
    return { field, xs, vs };
  });
  const labels = namesOption(fn, "options.labels", opts.labels, ys.length, "y field", (j) => ys[j]);
  const longest = Math.max(...lines.map((l) => l.vs.length));
  const mode = choiceOption(fn, "options.mode", opts.mode, ["lines", "markers", "lines+markers"] as const, longest <= 100 ? "lines+markers" : "lines");
  const text = (arg: string, value: unknown, fallback: string) => {
    if (value === undefined) return fallback;
    if (typeof value !== "string") throw new TypeError(message(fn, arg, "a string", value));
    return value;
  };
  const xTitle = text("options.xTitle", opts.xTitle, xField);
  const yTitle = text("options.yTitle", opts.yTitle, labels.length === 1 ? labels[0] : "value");
  const data: PlotTrace[] = lines.map((line, j) => {
    const keep = downsampleIndices(line.vs.length, MAX_POINTS);
    return {
      type: "scatter",
      mode,
      name: labels[j],
      x: keep.map((i) => roundForPlot(line.xs[i])),
      y: keep.map((i) => roundForPlot(line.vs[i])),
      line: { color: paletteColor(j), width: 2 },
      marker: { color: paletteColor(j), size: 6 },
      hovertemplate: `${xTitle} = %{x:.4g}<br>${labels[j]} = %{y:.4g}<extra></extra>`,
    };
  });
  const describeLine = (line: (typeof lines)[number], j: number) => {
    const n = line.vs.length;
    let lo = 0;
    let hi = 0;
    for (let i = 1; i < n; i++) {
      if (line.vs[i] < line.vs[lo]) lo = i;
      if (line.vs[i] > line.vs[hi]) hi = i;
    }
    return (
      `${labels[j]} (${lines.length > 1 ? `${paletteColorName(j)}, ` : ""}${n} point(s)${n > MAX_POINTS ? `, ${MAX_POINTS} drawn` : ""}) goes from ${fmt(line.vs[0])} at ${xField} ${fmt(line.xs[0])} ` +
      `to ${fmt(line.vs[n - 1])} at ${xField} ${fmt(line.xs[n - 1])}, lowest ${fmt(line.vs[lo])} at ${xField} ${fmt(line.xs[lo])}, highest ${fmt(line.vs[hi])} at ${xField} ${fmt(line.xs[hi])}`
    );
  };
  const description = `Line plot of ${labels.join(", ")} against ${xTitle} over ${rows.length} record(s). ${lines.map(describeLine).join("; ")}.`;
  return makeFigure({
    kind: "learning",
    title: titleOption(fn, opts.title, `Training: ${labels.join(", ")} by ${xTitle}`),
    description: descriptionOption(fn, opts.description, description),
    data,
    layout: {
      xaxis: axis(xTitle),
      yaxis: axis(yTitle),
      showlegend: lines.length > 1,
    },
  });
}
