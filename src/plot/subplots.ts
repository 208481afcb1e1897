/**
 * A grid of subplots (small multiples) laid out by hand: plotly's own `make_subplots` lives in
 * Python, so the axis domains are computed here.
 */
import { checkInteger } from "../validate";
import { roundForPlot } from "./style";

/** One panel of a subplot grid: its axis names and where it sits on the page. */
export interface SubplotPanel {
  /** Trace attributes: "x", "x2", ... and "y", "y2", ... */
  xaxis: string;
  yaxis: string;
  /** Layout keys: "xaxis", "xaxis2", ... and "yaxis", "yaxis2", ... */
  xaxisKey: string;
  yaxisKey: string;
  /** Paper fractions [from, to]. */
  xDomain: [number, number];
  yDomain: [number, number];
  row: number;
  column: number;
}

/**
 * Panels for `count` subplots in rows of `columns`, filled left to right, top to bottom, with
 * gaps given as fractions of the page. Panel k uses axes number k + 1 ("x" for the first).
 *
 * @throws RangeError when count or columns is not a positive integer, or a gap is outside [0, 0.5).
 * @example
 * subplotGrid(2, 2)[1].xaxis;
 * // => "x2"
 */
export function subplotGrid(count: number, columns: number, gaps: { x?: number; y?: number } = {}): SubplotPanel[] {
  const fn = "subplotGrid";
  checkInteger(fn, "count", count, 1, 1000);
  checkInteger(fn, "columns", columns, 1, 1000);
  const cols = Math.min(columns, count);
  const rows = Math.ceil(count / cols);
  const gapX = gaps.x ?? 0.07;
  const gapY = gaps.y ?? 0.12;
  if (!(gapX >= 0 && gapX < 0.5)) throw new RangeError(`${fn}: gaps.x must be a number in [0, 0.5), got ${gapX}`);
  if (!(gapY >= 0 && gapY < 0.5)) throw new RangeError(`${fn}: gaps.y must be a number in [0, 0.5), got ${gapY}`);
  const width = (1 - gapX * (cols - 1)) / cols;
  const height = (1 - gapY * (rows - 1)) / rows;
  const round = (v: number) => Math.round(v * 1e4) / 1e4;
  const panels: SubplotPanel[] = [];
  for (let k = 0; k < count; k++) {
    const row = Math.floor(k / cols);
    const column = k % cols;
    const suffix = k === 0 ? "" : String(k + 1);
    const x0 = column * (width + gapX);
    const y1 = 1 - row * (height + gapY);
    panels.push({
      xaxis: `x${suffix}`,
      yaxis: `y${suffix}`,
      xaxisKey: `xaxis${suffix}`,
      yaxisKey: `yaxis${suffix}`,
      xDomain: [round(x0), round(Math.min(1, x0 + width))],
      yDomain: [round(Math.max(0, y1 - height)), round(y1)],
      row,
      column,
    });
  }
  return panels;
}

/** A heading centred at (x, y), in fractions of the page, standing on that height. */
export function headingAnnotation(text: string, x: number, y: number): Record<string, unknown> {
  return { text, x, y, xref: "paper", yref: "paper", xanchor: "center", yanchor: "bottom", showarrow: false };
}

/** A heading centred above one panel of a subplot grid. */
export function panelHeading(panel: SubplotPanel, text: string): Record<string, unknown> {
  return headingAnnotation(text, roundForPlot((panel.xDomain[0] + panel.xDomain[1]) / 2), panel.yDomain[1]);
}
