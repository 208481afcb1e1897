/**
 * A learned 2D energy as a topographic map, with the data it learned from and the model's own
 * samples on top.
 */
import type { Box, Energy } from "../../types";
import { message, readOptions } from "../../validate";
import { animationControls } from "../animation";
import { checkEnergy, checkNonEmptyArray, checkNumbers, checkObject, integerOption } from "../checks";
import type { Figure, FigureFrame, PlotTrace } from "../figure";
import { LANDSCAPE_MAX_POINTS_2D, contourTrace, grid2D } from "../landscape";
import { axis, axisTitles, descriptionOption, energyPhrase, formatNumber, makeFigure, titleOption } from "../style";
import { DATA_COLOR, SAMPLE_COLOR, checkBox2D, checkPoints2D, fmt, meanPoint, pointsTrace, thinned, thinnedWords, type Points2D } from "./shared";

/** One snapshot of the model's samples during training. */
export interface SamplesSnapshot {
  /** The epoch the samples were taken after (0 = before training). */
  readonly epoch: number;
  /** Points [x, y] from the model at that epoch (the replay buffer, or fresh samples). */
  readonly samples: Points2D;
}

/** The most snapshots (slider steps) of one figure. */
export const MAX_SNAPSHOTS = 60;

/** Options of {@link learnedEnergyFigure}. */
export interface LearnedEnergyOptions {
  /** The training data, points [x, y], drawn as small black dots. Required. */
  data: Points2D;
  /** The model's samples ("dreams"), points [x, y], drawn as orange crosses. */
  samples?: Points2D;
  /**
   * The model's samples as training went on, one snapshot per slider step (at most 60, epochs
   * strictly increasing): the crosses move with the slider over the final energy's map, and the
   * figure opens on the last snapshot. Instead of `samples`.
   */
  snapshots?: readonly SamplesSnapshot[];
  /** Milliseconds per snapshot when playing. @default 400 */
  frameDuration?: number;
  /** The box to draw. @default energy.domain */
  domain?: Box;
  /** Number of contour levels. @default 24 */
  levels?: number;
  /** Grid points per axis (at most 120). @default 80 */
  points?: number;
  /** Clip the colour scale at this energy (steep walls then do not squeeze the low region). @default the grid maximum */
  energyMax?: number;
  /** Legend names. @default { data: "data", samples: "model samples" } */
  labels?: { data?: string; samples?: string };
  /** @default "The learned energy and the data" */
  title?: string;
  /** Alt text. @default generated from the data */
  description?: string;
}

/** Checks the optional legend names. */
function labelsOption(fn: string, value: unknown): { data: string; samples: string } {
  if (value === undefined) return { data: "data", samples: "model samples" };
  const o = readOptions(fn, checkObject(fn, "options.labels", value, "an object { data?, samples? }"), { data: "data", samples: "model samples" }, "options.labels");
  for (const key of ["data", "samples"] as const) {
    if (typeof o[key] !== "string") throw new TypeError(message(fn, `options.labels.${key}`, "a non-empty string", o[key]));
    if (o[key].trim() === "") throw new RangeError(message(fn, `options.labels.${key}`, "a non-empty string", o[key]));
  }
  return o;
}

/** "10" (an epoch that is not a whole number keeps 6 significant digits). */
function epochLabel(epoch: number): string {
  return Number.isInteger(epoch) ? String(epoch) : formatNumber(epoch, 6);
}

/** Checks the snapshots option: 1 to 60 of { epoch, samples }, epochs strictly increasing. */
function snapshotsOption(fn: string, value: unknown): { epoch: number; samples: number[][] }[] {
  const arg = "options.snapshots";
  const list = checkNonEmptyArray<unknown>(fn, arg, value, "snapshots { epoch, samples }");
  if (list.length > MAX_SNAPSHOTS) {
    throw new RangeError(message(fn, arg, `at most ${MAX_SNAPSHOTS} snapshots (one slider step each)`, value) + ` (${list.length}); keep every k-th`);
  }
  const snaps = list.map((s, k) => {
    const item = checkObject(fn, `${arg}[${k}]`, s, "a snapshot { epoch, samples }");
    if (typeof item.epoch !== "number") throw new TypeError(message(fn, `${arg}[${k}].epoch`, "a finite number", item.epoch));
    if (!Number.isFinite(item.epoch)) throw new RangeError(message(fn, `${arg}[${k}].epoch`, "a finite number", item.epoch));
    return { epoch: item.epoch, samples: checkPoints2D(fn, `${arg}[${k}].samples`, item.samples) };
  });
  for (let k = 1; k < snaps.length; k++) {
    if (!(snaps[k].epoch > snaps[k - 1].epoch)) {
      throw new RangeError(message(fn, `${arg}[${k}].epoch`, `above the previous epoch ${snaps[k - 1].epoch} (epochs strictly increasing)`, snaps[k].epoch));
    }
  }
  return snaps;
}

/** How many points lie outside the box. */
function outside(points: readonly (readonly number[])[], box: Box): number {
  return points.filter((p) => p[0] < box.lower[0] || p[0] > box.upper[0] || p[1] < box.lower[1] || p[1] > box.upper[1]).length;
}

/**
 * A learned energy E(x, y) as a topographic map (filled contours, dark purple for low energy
 * and yellow for high, as in landscapeContour) with the training data as small black dots and,
 * when given, the model's samples as orange crosses. A good fit puts the data in the dark
 * valleys, and the samples where the data are. At most 800 points of each cloud are drawn
 * (evenly spaced); the alt text gives the mean energy at the drawn data points beside the
 * range of E over the grid.
 *
 * With `snapshots` (the replay buffer after each epoch, from contrastiveTrain's onEpoch) the
 * crosses become an animation over training: Play, or drag the slider, to watch the model's
 * dreams move from where they started to where the data are; it opens on the last snapshot.
 *
 * @param energy A 2D Energy (a neuralEnergy, or any 2D energy).
 * @throws TypeError when energy is not an Energy, data or samples are not arrays of points, or
 *   an option has the wrong kind.
 * @throws RangeError when the energy is not 2D, no domain is known, a point is not [x, y] of
 *   finite numbers, data is empty, an option is out of range or unknown, both samples and
 *   snapshots are given, snapshots are more than 60 or their epochs not strictly increasing, or
 *   E is not finite on the grid.
 * @example
 * const bowl = energyFromFunction((p) => p[0] ** 2 + p[1] ** 2, { dimension: 2,
 *   domain: { lower: [-2, -2], upper: [2, 2] } });
 * const fig = learnedEnergyFigure(bowl, { data: [[0, 0], [0.5, -0.2]], samples: [[0.1, 0.1]], points: 30 });
 * [fig.layout.meta.kind, fig.data.map((t) => t.name)];
 * // => ["landscape", ["E(x, y)", "data", "model samples"]]
 * const moving = learnedEnergyFigure(bowl, { data: [[0, 0]], points: 30,
 *   snapshots: [{ epoch: 0, samples: [[1.5, 1.5]] }, { epoch: 5, samples: [[0.1, 0]] }] });
 * moving.frames!.map((f) => f.name);
 * // => ["epoch 0", "epoch 5"]
 */
export function learnedEnergyFigure(energy: Energy, options: LearnedEnergyOptions): Figure {
  const fn = "learnedEnergyFigure";
  checkEnergy(fn, "energy", energy, [2], "the learned-energy map draws 2D energies only");
  if (options === undefined) throw new TypeError(message(fn, "options", "an options object with the data, such as { data: points }", options));
  const opts = readOptions(fn, options, {
    data: undefined as unknown,
    samples: undefined as unknown,
    snapshots: undefined as unknown,
    frameDuration: undefined as unknown,
    domain: undefined as unknown,
    levels: undefined as unknown,
    points: undefined as unknown,
    energyMax: undefined as unknown,
    labels: undefined as unknown,
    title: undefined as unknown,
    description: undefined as unknown,
  });
  if (opts.data === undefined) throw new TypeError(message(fn, "options.data", "an array of points [x, y] (the training data)", opts.data));
  const data = checkPoints2D(fn, "options.data", opts.data);
  if (opts.samples !== undefined && opts.snapshots !== undefined) {
    throw new RangeError(`${fn}: give options.samples (one set) or options.snapshots (one per epoch), not both`);
  }
  const snaps = opts.snapshots === undefined ? undefined : snapshotsOption(fn, opts.snapshots);
  const samples = snaps !== undefined ? snaps[snaps.length - 1].samples : opts.samples === undefined ? undefined : checkPoints2D(fn, "options.samples", opts.samples);
  const frameDuration = integerOption(fn, "options.frameDuration", opts.frameDuration, 400, 10, 10000);
  if (snaps === undefined && opts.frameDuration !== undefined) {
    throw new RangeError(`${fn}: options.frameDuration sets the speed of the snapshots' animation; give options.snapshots too, got frameDuration ${frameDuration} alone`);
  }
  const levels = integerOption(fn, "options.levels", opts.levels, 24, 2, 200);
  const points = integerOption(fn, "options.points", opts.points, 80, 2, LANDSCAPE_MAX_POINTS_2D);
  const labels = labelsOption(fn, opts.labels);
  let domain: Box;
  if (opts.domain !== undefined) domain = checkBox2D(fn, "options.domain", opts.domain);
  else if (energy.domain !== undefined) domain = checkBox2D(fn, "energy.domain", energy.domain);
  else throw new RangeError(`${fn}: options.domain must be given when the energy has no domain, got undefined (energy ${JSON.stringify(energy.name)} has no domain)`);
  const grid = grid2D(fn, energy, { range: domain, points }, points);
  let clip = grid.max;
  if (opts.energyMax !== undefined) {
    [clip] = checkNumbers(fn, "options.energyMax", [opts.energyMax], 1);
    if (!(clip > grid.min)) throw new RangeError(message(fn, "options.energyMax", `a number above the grid minimum ${fmt(grid.min)}`, clip));
  }
  const variables = energy.variables;
  const traces: PlotTrace[] = [
    contourTrace(grid, variables, clip, levels, { colorbar: { title: { text: axisTitles.energy(variables), side: "right" }, thickness: 16, x: 1.02 } }),
    pointsTrace(data, labels.data, { color: DATA_COLOR, size: 4, opacity: 0.8, line: { color: "white", width: 0.5 } }),
  ];
  if (samples !== undefined) {
    traces.push(pointsTrace(samples, labels.samples, { color: SAMPLE_COLOR, size: 7, symbol: "x-thin", line: { color: SAMPLE_COLOR, width: 2 } }));
  }
  // The mean energy at the drawn data points, beside the grid's range: is the data in the valleys?
  const drawnData = thinned(data);
  let sum = 0;
  for (let m = 0; m < drawnData.drawn; m++) sum += energy.value([drawnData.x[m], drawnData.y[m]]);
  const meanData = sum / drawnData.drawn;
  const sorted = grid.z.flat().sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)];
  const dataOut = outside(data, domain);
  let description =
    `Topographic map of ${energyPhrase(energy)} over ${variables[0]} from ${fmt(grid.xs[0])} to ${fmt(grid.xs[grid.xs.length - 1])} ` +
    `and ${variables[1]} from ${fmt(grid.ys[0])} to ${fmt(grid.ys[grid.ys.length - 1])}, dark purple for low energy and yellow for high; ` +
    `E ranges from ${fmt(grid.min)} to ${fmt(grid.max)} on the grid (median ${fmt(median)})` +
    (clip < grid.max ? `, colours clipped at ${fmt(clip)}` : "") +
    `. Small black dots: ${data.length} ${labels.data} point(s)${thinnedWords(data.length, drawnData.drawn)}, where the mean energy is ${fmt(meanData)}` +
    (Number.isFinite(meanData) && meanData < median ? ", below the grid's median: the data sit in the low ground." : ", not below the grid's median: the data do not sit in the low ground yet.");
  if (dataOut > 0) description += ` ${dataOut} data point(s) lie outside the drawn box.`;
  if (samples !== undefined) {
    const drawn = Math.min(samples.length, thinned(samples).drawn);
    description += ` Orange crosses: ${samples.length} ${labels.samples}${thinnedWords(samples.length, drawn)}`;
    const samplesOut = outside(samples, domain);
    description += samplesOut > 0 ? `, ${samplesOut} of them outside the drawn box.` : ".";
  }
  // The plot area keeps its 400 px; the slider adds room below it.
  const plotArea = 400;
  const top = 100;
  let bottom = 60;
  const animation: { frames?: FigureFrame[]; updatemenus?: unknown; sliders?: unknown } = {};
  if (snaps !== undefined) {
    // One frame per snapshot moves the crosses (trace 2); the map and the data stay.
    const names = snaps.map((snap) => `epoch ${epochLabel(snap.epoch)}`);
    animation.frames = snaps.map((snap, k) => {
      const { x, y } = thinned(snap.samples);
      return { name: names[k], data: [{ x, y }], traces: [2] };
    });
    const controls = animationControls({
      frameNames: names,
      stepLabels: snaps.map((snap) => epochLabel(snap.epoch)),
      frameDuration,
      prefix: "epoch ",
      redraw: false,
      maxTickLabels: 15,
      plotHeight: plotArea,
    });
    (controls.sliders[0] as { active: number }).active = snaps.length - 1;
    animation.updatemenus = controls.updatemenus;
    animation.sliders = controls.sliders;
    bottom = controls.bottom + 10;
    const [m0x, m0y] = meanPoint(snaps[0].samples);
    const [m1x, m1y] = meanPoint(snaps[snaps.length - 1].samples);
    description +=
      ` A slider steps through ${snaps.length} snapshot(s) of the crosses, from epoch ${epochLabel(snaps[0].epoch)} (mean (${fmt(m0x)}, ${fmt(m0y)})) ` +
      `to epoch ${epochLabel(snaps[snaps.length - 1].epoch)} (mean (${fmt(m1x)}, ${fmt(m1y)})), shown first; the map is the final energy. Press Play, or drag the slider.`;
  }
  return makeFigure({
    kind: "landscape",
    title: titleOption(fn, opts.title, "The learned energy and the data"),
    description: descriptionOption(fn, opts.description, description),
    data: traces,
    ...(animation.frames === undefined ? {} : { frames: animation.frames }),
    layout: {
      xaxis: axis(axisTitles.state(variables[0]), { range: [grid.xs[0], grid.xs[grid.xs.length - 1]], constrain: "domain" }),
      yaxis: axis(axisTitles.state(variables[1]), { range: [grid.ys[0], grid.ys[grid.ys.length - 1]], scaleanchor: "x", scaleratio: 1, constrain: "domain" }),
      showlegend: true,
      legend: { orientation: "h", x: 0, xanchor: "left", y: 1.01, yanchor: "bottom", bgcolor: "rgba(255,255,255,0.8)", bordercolor: "#CCCCCC", borderwidth: 1 },
      ...(animation.sliders === undefined ? {} : { updatemenus: animation.updatemenus, sliders: animation.sliders }),
      margin: { l: 70, r: 30, t: top, b: bottom },
      height: top + plotArea + bottom,
    },
  });
}
