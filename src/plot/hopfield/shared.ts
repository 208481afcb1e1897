/**
 * Pieces shared by the Hopfield and Boltzmann figures (internal to src/plot/hopfield): door
 * checks of states and labels, pattern images, panel headings and bit strings. They draw; they
 * compute no physics.
 */
import { checkInteger, message } from "../../validate";
import { checkNumbers } from "../checks";
import type { PlotTrace } from "../figure";
import { checkText, roundAll, roundForPlot } from "../style";

/** The colour scale of pattern images: -1 white, +1 black, values in between grey. */
export const IMAGE_SCALE: [number, string][] = [
  [0, "#FFFFFF"],
  [1, "#000000"],
];

/**
 * A state of `length` values in [-1, 1] (+-1 for Hopfield states, in between for dense ones); a
 * plain copy. Values up to 1e-9 outside (rounding in a convex mix of +-1 patterns) are clipped.
 */
export function checkState(fn: string, arg: string, value: unknown, length?: number): number[] {
  const out = checkNumbers(fn, arg, value, length);
  const bad = out.findIndex((v) => Math.abs(v) > 1 + 1e-9);
  if (bad >= 0) throw new RangeError(message(fn, `${arg}[${bad}]`, "a number in [-1, 1] (units are +-1)", out[bad]));
  return out.map((v) => Math.min(1, Math.max(-1, v)));
}

/** A state of exactly +1 / -1 values. */
export function checkSpins(fn: string, arg: string, value: unknown, length?: number): number[] {
  const out = checkNumbers(fn, arg, value, length);
  const bad = out.findIndex((v) => v !== 1 && v !== -1);
  if (bad >= 0) throw new RangeError(message(fn, `${arg}[${bad}]`, "+1 or -1", out[bad]));
  return out;
}

/** Labels: `count` strings, or the fallback names. */
export function labelsOption(fn: string, arg: string, value: unknown, count: number, fallback: (k: number) => string): string[] {
  if (value === undefined) return Array.from({ length: count }, (_, k) => fallback(k));
  if (!Array.isArray(value)) throw new TypeError(message(fn, arg, `an array of ${count} string(s)`, value));
  if (value.length !== count) throw new RangeError(message(fn, arg, `an array of ${count} string(s), one per pattern`, value) + ` (length ${value.length})`);
  value.forEach((label, k) => checkText(fn, `${arg}[${k}]`, label));
  return [...value];
}

/** Image dimensions from the options, checked against the number of units. */
export function imageSize(fn: string, width: unknown, height: unknown, units: number): { width: number; height: number } {
  const w = checkInteger(fn, "options.width", width, 1, 1000);
  const h = checkInteger(fn, "options.height", height, 1, 1000);
  if (w * h !== units) {
    throw new RangeError(message(fn, "options.width * options.height", `${units} (the number of units of each state)`, w * h) + ` (${w} * ${h})`);
  }
  return { width: w, height: h };
}

/** Rows of an image, top row first. */
export function imageRows(state: readonly number[], width: number, height: number): number[][] {
  const rows: number[][] = [];
  for (let r = 0; r < height; r++) rows.push(roundAll(state.slice(r * width, (r + 1) * width)));
  return rows;
}

/** An image axis: no ticks or grid, a thin frame, a fixed range; y reversed with square pixels. */
export function imageAxes(width: number, height: number, xaxis: string, yaxis: string, xDomain: [number, number], yDomain: [number, number]) {
  const bare = {
    showticklabels: false,
    ticks: "",
    showgrid: false,
    zeroline: false,
    showline: true,
    mirror: true,
    linecolor: "#888888",
    constrain: "domain",
    fixedrange: true,
    title: { text: "" },
  };
  return {
    x: { ...bare, domain: xDomain, anchor: yaxis, range: [-0.5, width - 0.5] },
    y: { ...bare, domain: yDomain, anchor: xaxis, range: [height - 0.5, -0.5], scaleanchor: xaxis, scaleratio: 1 },
  };
}

/** One image trace. */
export function imageTrace(state: readonly number[], width: number, height: number, name: string, xaxis: string, yaxis: string): PlotTrace {
  return {
    type: "heatmap",
    name,
    z: imageRows(state, width, height),
    zmin: -1,
    zmax: 1,
    colorscale: IMAGE_SCALE.map(([t, c]) => [t, c]),
    showscale: false,
    hovertemplate: `row %{y}, column %{x}: %{z}<extra>${name}</extra>`,
    xaxis,
    yaxis,
  };
}

/** A heading over a panel. */
export function panelHeading(text: string, xDomain: readonly [number, number], yTop: number): Record<string, unknown> {
  return {
    text,
    x: roundForPlot((xDomain[0] + xDomain[1]) / 2),
    y: yTop,
    xref: "paper",
    yref: "paper",
    xanchor: "center",
    yanchor: "bottom",
    showarrow: false,
  };
}

/** A +-1 state written as "+−+−" (unit 1 first). */
export function bitString(state: readonly number[]): string {
  return state.map((v) => (v > 0 ? "+" : "−")).join("");
}

