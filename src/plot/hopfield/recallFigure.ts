/**
 * Recall as an animation: the state as an image, frame by frame, beside its energy and overlaps.
 */
import type { HopfieldRecallResult } from "../../hopfield";
import { readOptions } from "../../validate";
import { animationControls } from "../animation";
import { integerOption } from "../checks";
import { energyRises } from "../../dynamics";
import { downsampleIndices } from "../downsample";
import type { Figure, FigureFrame, PlotTrace } from "../figure";
import { INK, PALETTE, axis, descriptionOption, formatNumber, makeFigure, paletteColor, roundForPlot, titleOption } from "../style";
import { RECALL_MAX_POINTS, checkRecall, reasonWords } from "./recallRun";
import { imageAxes, imageRows, imageSize, imageTrace, labelsOption } from "./shared";

/** Options of {@link recallFigure}. */
export interface RecallFigureOptions {
  /** Image width in pixels; width * height must equal the number of units. */
  width: number;
  /** Image height in pixels. */
  height: number;
  /** Most animation frames (the recorded states are downsampled, keeping the first and the last). @default 60, at most 60 */
  frames?: number;
  /** Names of the patterns of `result.overlaps`. @default "pattern 1", ... */
  labels?: readonly string[];
  /** Milliseconds per frame when playing. @default 200 */
  frameDuration?: number;
  /** @default "Recall, update by update" */
  title?: string;
  /** Alt text. @default generated from the data */
  description?: string;
}

/** The largest number of frames of {@link recallFigure}. */
const RECALL_MAX_FRAMES = 60;

/**
 * Recall as an animation: the network's state as an image, frame by frame, beside the energy
 * along the run and (when the result has overlaps) the overlap m_mu = (1/N) sum_i xi_i^mu s_i
 * with each stored pattern, with markers at the current time. Play/Pause buttons and a slider
 * (one step per frame, labelled by the time in sweeps) drive it; the recorded states are
 * downsampled to at most `frames` frames, keeping the cue and the final state. Record flips
 * (`record: "flip"` in hopfieldRecall) to see the image change unit by unit.
 *
 * @param result A HopfieldRecallResult (path of +-1 states, times, energies, overlaps).
 * @throws TypeError when result is not a recall result or an option has the wrong kind.
 * @throws RangeError when the path, times, energies or overlaps disagree in length, a state
 *   value is not +-1, width * height is not the number of units, frames is not an integer in
 *   [2, 60], labels does not hold one string per pattern, or an option name is unknown.
 * @example
 * const run = { mode: "async", path: [[1, 1, -1, 1], [1, 1, 1, 1]], times: [0, 1], energies: [0, -3],
 *   overlaps: [], final: [1, 1, 1, 1], finalEnergy: -3, finalOverlaps: [], converged: true,
 *   reason: "converged", iterations: 2, flips: 1, seed: 1 };
 * recallFigure(run, { width: 2, height: 2 }).frames.length;
 * // => 2
 */
export function recallFigure(result: HopfieldRecallResult, options: RecallFigureOptions): Figure & { frames: FigureFrame[] } {
  const fn = "recallFigure";
  const run = checkRecall(fn, "result", result);
  const opts = readOptions<Partial<RecallFigureOptions>>(fn, options, {
    width: undefined,
    height: undefined,
    frames: undefined,
    labels: undefined,
    frameDuration: undefined,
    title: undefined,
    description: undefined,
  });
  const { width, height } = imageSize(fn, opts.width, opts.height, run.path[0].length);
  const maxFrames = integerOption(fn, "options.frames", opts.frames, RECALL_MAX_FRAMES, 2, RECALL_MAX_FRAMES);
  const duration = integerOption(fn, "options.frameDuration", opts.frameDuration, 200, 0, 5000);
  const patternCount = run.overlaps.length > 0 ? run.overlaps[0].length : 0;
  const labels = labelsOption(fn, "options.labels", opts.labels, patternCount, (k) => `pattern ${k + 1}`);
  const withOverlaps = patternCount > 0;
  const timeline = downsampleIndices(run.path.length, maxFrames);
  const keep = downsampleIndices(run.path.length, RECALL_MAX_POINTS);
  const timeTitle = run.mode === "sync" ? "parallel step" : "sweep";

  const imageDomain: [number, number] = [0, 0.4];
  const rightDomain: [number, number] = [0.56, 1];
  const energyY: [number, number] = withOverlaps ? [0.58, 1] : [0, 1];
  const overlapY: [number, number] = [0, 0.42];
  const image = imageAxes(width, height, "x", "y", imageDomain, [0, 1]);
  const data: PlotTrace[] = [];
  data.push(imageTrace(run.path[0], width, height, "state", "x", "y"));
  data.push({
    type: "scatter",
    mode: "lines",
    name: "energy E(s)",
    showlegend: false,
    x: keep.map((i) => roundForPlot(run.times[i])),
    y: keep.map((i) => roundForPlot(run.energies[i])),
    line: { color: INK, width: 2 },
    hovertemplate: `${timeTitle} %{x:.3g}<br>E = %{y:.4g}<extra></extra>`,
    xaxis: "x2",
    yaxis: "y2",
  });
  const energyNow = data.length;
  data.push({
    type: "scatter",
    mode: "markers",
    name: "now",
    showlegend: false,
    x: [roundForPlot(run.times[0])],
    y: [roundForPlot(run.energies[0])],
    marker: { size: 12, color: PALETTE[5], line: { color: INK, width: 1 } },
    hoverinfo: "skip",
    xaxis: "x2",
    yaxis: "y2",
  });
  let overlapNow = -1;
  if (withOverlaps) {
    for (let mu = 0; mu < patternCount; mu++) {
      data.push({
        type: "scatter",
        mode: "lines",
        name: labels[mu],
        legendgroup: `pattern ${mu}`,
        x: keep.map((i) => roundForPlot(run.times[i])),
        y: keep.map((i) => roundForPlot(run.overlaps[i][mu])),
        line: { color: paletteColor(mu), width: 2 },
        hovertemplate: `${timeTitle} %{x:.3g}<br>m = %{y:.3f}<extra>${labels[mu]}</extra>`,
        xaxis: "x3",
        yaxis: "y3",
      });
    }
    overlapNow = data.length;
    data.push({
      type: "scatter",
      mode: "markers",
      name: "overlaps now",
      showlegend: false,
      x: labels.map(() => roundForPlot(run.times[0])),
      y: run.overlaps[0].map((m) => roundForPlot(m)),
      marker: { size: 10, color: labels.map((_, mu) => paletteColor(mu)), line: { color: INK, width: 1 } },
      hoverinfo: "skip",
      xaxis: "x3",
      yaxis: "y3",
    });
  }

  const frameData = (i: number): Partial<PlotTrace>[] => {
    const parts: Partial<PlotTrace>[] = [
      { z: imageRows(run.path[i], width, height) },
      { x: [roundForPlot(run.times[i])], y: [roundForPlot(run.energies[i])] },
    ];
    if (withOverlaps) parts.push({ x: labels.map(() => roundForPlot(run.times[i])), y: run.overlaps[i].map((m) => roundForPlot(m)) });
    return parts;
  };
  const animated = withOverlaps ? [0, energyNow, overlapNow] : [0, energyNow];
  const frameName = (k: number) => `frame ${k}`;
  const frames: FigureFrame[] = timeline.map((i, k) => ({ name: frameName(k), data: frameData(i), traces: animated }));
  // Layout in pixels: the plot area, then the controls below the time axis's title.
  const top = 80;
  const figureHeight = 600;
  const bottomMargin = 150;
  const { updatemenus, sliders } = animationControls({
    frameNames: frames.map((f) => f.name),
    stepLabels: timeline.map((i) => formatNumber(run.times[i], 4)),
    frameDuration: duration,
    prefix: `${timeTitle} `,
    // Frames change the image's z: plotly must redraw.
    redraw: true,
    maxTickLabels: 10,
    plotHeight: figureHeight - top - bottomMargin,
  });

  const last = run.path.length - 1;
  const lastTime = run.times[last];
  const rises = energyRises(run.energies);
  const overlapWords = withOverlaps
    ? ` Bottom right: the overlap with each stored pattern (1 = identical, −1 = its negative), from ${labels
        .map((l, mu) => `${l} ${formatNumber(run.overlaps[0][mu])} to ${formatNumber(run.overlaps[last][mu])}`)
        .join(", ")}.`
    : "";
  const description =
    `Animation in ${frames.length} frames of ${run.mode === "sync" ? "synchronous" : "asynchronous"} recall${run.energyName !== undefined ? ` in ${run.energyName}` : ""}. ` +
    `Left: the state as a ${width} by ${height} image (black +1, white −1), from the cue to the final state. ` +
    `${withOverlaps ? "Top right" : "Right"}: the energy against the ${timeTitle}, from ${formatNumber(run.energies[0], 4)} to ${formatNumber(run.energies[last], 4)} ` +
    `over ${formatNumber(lastTime, 4)} ${timeTitle}s${run.flips !== undefined ? ` and ${run.flips} unit flips` : ""}; ` +
    (rises.length === 0 ? "it never rises." : `it rises ${rises.length} time(s).`) +
    overlapWords +
    ` The run stopped at ${reasonWords(run.reason)}. Press Play, or drag the slider.`;
  const energyAxisTitle = "energy E(s)";
  const t0 = run.times[0];
  const pad = 0.04 * Math.max(lastTime - t0, 1e-9);
  const timeRange = [roundForPlot(t0 - pad), roundForPlot(lastTime + pad)];
  const figure = makeFigure({
    kind: "hopfield",
    title: titleOption(fn, opts.title, "Recall, update by update"),
    description: descriptionOption(fn, opts.description, description),
    data,
    frames,
    layout: {
      xaxis: image.x,
      yaxis: image.y,
      xaxis2: axis(withOverlaps ? "" : timeTitle, { domain: rightDomain, anchor: "y2", range: timeRange, ...(withOverlaps ? { matches: "x3", showticklabels: false } : {}) }),
      yaxis2: axis(energyAxisTitle, { domain: energyY, anchor: "x2" }),
      ...(withOverlaps
        ? {
            xaxis3: axis(timeTitle, { domain: rightDomain, anchor: "y3", range: timeRange }),
            yaxis3: axis("overlap m", { domain: overlapY, anchor: "x3", range: [-1.08, 1.08] }),
          }
        : {}),
      updatemenus,
      sliders,
      showlegend: withOverlaps,
      legend: { orientation: "h", x: rightDomain[0], xanchor: "left", y: overlapY[1] + 0.01, yanchor: "bottom", title: { text: "overlap with" }, borderwidth: 0, bgcolor: "rgba(0,0,0,0)" },
      margin: { l: 40, r: 30, t: top, b: bottomMargin },
      height: figureHeight,
    },
  });
  return figure as Figure & { frames: FigureFrame[] };
}
