/**
 * Stored patterns as small black-and-white images.
 */
import { message, readOptions } from "../../validate";
import { checkNonEmptyArray, integerOption } from "../checks";
import type { Figure, PlotTrace } from "../figure";
import { subplotGrid } from "../subplots";
import { descriptionOption, makeFigure, titleOption } from "../style";
import { checkState, imageAxes, imageSize, imageTrace, labelsOption, panelHeading } from "./shared";

/** Options of {@link patternFigure}. */
export interface PatternFigureOptions {
  /** Image width in pixels; width * height must equal the length of each pattern. */
  width: number;
  /** Image height in pixels. */
  height: number;
  /** One caption per pattern. @default "pattern 1", "pattern 2", ... */
  labels?: readonly string[];
  /** Images per row. @default min(count, 8) */
  columns?: number;
  /** @default "Stored patterns" (one pattern: "A pattern") */
  title?: string;
  /** Alt text. @default generated from the data */
  description?: string;
}

/**
 * Patterns as small black-and-white images, one panel per pattern (small multiples): +1 is a
 * black pixel, -1 a white one (values in between, as in a dense Hopfield state, are grey).
 * Pattern k is read row-major from the top-left pixel: unit r * width + c is row r, column c.
 * Pixels are square and the panels carry no ticks.
 *
 * @param patterns One or more patterns, each width * height numbers in [-1, 1].
 * @throws TypeError when patterns is not an array of arrays of numbers, or an option has the
 *   wrong kind.
 * @throws RangeError when there are no patterns or more than 48, width * height differs from a
 *   pattern's length, a value is outside [-1, 1], labels does not hold one string per pattern, or
 *   an option name is unknown.
 * @example
 * const fig = patternFigure([[1, -1, -1, 1], [-1, 1, 1, -1]], { width: 2, height: 2, labels: ["\\", "/"] });
 * [fig.data.length, fig.data[0].type, fig.layout.meta.kind];
 * // => [2, "heatmap", "hopfield"]
 */
export function patternFigure(patterns: readonly (readonly number[])[], options: PatternFigureOptions): Figure {
  const fn = "patternFigure";
  checkNonEmptyArray(fn, "patterns", patterns, "patterns (arrays of numbers)");
  if (patterns.length > 48) throw new RangeError(message(fn, "patterns", "at most 48 patterns", patterns) + ` (${patterns.length})`);
  const opts = readOptions<Partial<PatternFigureOptions>>(fn, options, {
    width: undefined,
    height: undefined,
    labels: undefined,
    columns: undefined,
    title: undefined,
    description: undefined,
  });
  const first = checkState(fn, "patterns[0]", patterns[0]);
  const { width, height } = imageSize(fn, opts.width, opts.height, first.length);
  const states = patterns.map((p, k) => (k === 0 ? first : checkState(fn, `patterns[${k}]`, p, first.length)));
  const labels = labelsOption(fn, "options.labels", opts.labels, states.length, (k) => `pattern ${k + 1}`);
  const columns = integerOption(fn, "options.columns", opts.columns, Math.min(states.length, 8), 1, 48);
  const panels = subplotGrid(states.length, columns, { x: 0.03, y: 0.14 });
  const rows = panels[panels.length - 1].row + 1;
  const cols = Math.min(columns, states.length);
  const data: PlotTrace[] = [];
  const layout: Record<string, unknown> = {};
  const annotations: Record<string, unknown>[] = [];
  states.forEach((state, k) => {
    const panel = panels[k];
    data.push(imageTrace(state, width, height, labels[k], panel.xaxis, panel.yaxis));
    const axes = imageAxes(width, height, panel.xaxis, panel.yaxis, panel.xDomain, panel.yDomain);
    layout[panel.xaxisKey] = axes.x;
    layout[panel.yaxisKey] = axes.y;
    annotations.push(panelHeading(labels[k], panel.xDomain, panel.yDomain[1]));
  });
  // Panels as tall as they are wide on a page about 900 pixels wide.
  const panelPixels = Math.max(70, Math.min(220, (800 / cols) * (height / width)));
  const binary = states.every((s) => s.every((v) => v === 1 || v === -1));
  const describeOne = (s: number[], k: number) => `${labels[k]} (${s.filter((v) => v > 0).length} of ${s.length} pixels black)`;
  const description =
    `${states.length} pattern(s) of ${width} by ${height} pixels drawn as images, black for +1 and white for −1` +
    (binary ? "" : ", grey for values in between") +
    `: ${states.map(describeOne).join(", ")}.`;
  return makeFigure({
    kind: "hopfield",
    title: titleOption(fn, opts.title, states.length === 1 ? "A pattern" : "Stored patterns"),
    description: descriptionOption(fn, opts.description, description),
    data,
    layout: {
      ...layout,
      annotations,
      showlegend: false,
      margin: { l: 30, r: 30, t: 80, b: 20 },
      height: Math.round(100 + rows * panelPixels * 1.15),
    },
  });
}
