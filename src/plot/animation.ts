/**
 * The controls of every animated figure: Play and Pause buttons and a slider with one step per
 * frame, laid out in one row below the plot (and below the x-axis title). Internal to the plot
 * area, shared by descentAnimation and the Hopfield recall figure.
 */
import { roundForPlot } from "./style";

/** What {@link animationControls} needs. */
export interface AnimationControlsOptions {
  /** The frame names, in order (one slider step per frame). */
  frameNames: readonly string[];
  /** The label of each slider step (the step or time it shows), same length. */
  stepLabels: readonly string[];
  /** Milliseconds per frame when playing. */
  frameDuration: number;
  /** The text before the current step's label: "step ", "sweep ". */
  prefix: string;
  /**
   * Redraw the whole plot at each frame: needed when a frame changes a heatmap's z (an image);
   * not for frames that only move points (faster).
   */
  redraw: boolean;
  /** Above this many steps the slider's tick labels are hidden (they would overlap). */
  maxTickLabels: number;
  /** The height of the plot area in pixels: the figure height less its top and bottom margins. */
  plotHeight: number;
  /** Pixels from the bottom of the plot area to the top of the controls (room for the x-axis ticks and title). @default 70 */
  gap?: number;
}

/** The controls, as the layout keys plotly reads, and the pixels they take below the plot area. */
export interface AnimationControls {
  updatemenus: Record<string, unknown>[];
  sliders: Record<string, unknown>[];
  /** Pixels from the bottom of the plot area to the bottom of the controls. */
  bottom: number;
}

/** Room the Play and Pause buttons take to the left of the slider, in pixels. */
const BUTTONS_WIDTH = 140;

/** Height of the row: the current-step label above the slider, the track, and its ticks. */
const ROW_HEIGHT = 70;

/**
 * Play/Pause buttons and a frame slider in one row, placed `gap` pixels below the plot area.
 * Plotly places both in units of the plot area's height, so the pixel offsets are divided by
 * `plotHeight`; the slider is padded on the left by the buttons' width in pixels, so the two do
 * not overlap at any figure width. Play runs from the current frame; Pause stops; each slider
 * step jumps to its frame.
 *
 * @example
 * const c = animationControls({ frameNames: ["frame 0", "frame 1"], stepLabels: ["0", "1"], frameDuration: 80,
 *   prefix: "step ", redraw: false, maxTickLabels: 20, plotHeight: 350 });
 * [c.sliders[0].y, c.updatemenus[0].y, c.bottom]; // 70 px below the plot area, the buttons level with the track
 * // => [-0.2, -0.28, 140]
 */
export function animationControls(options: AnimationControlsOptions): AnimationControls {
  const { frameNames, stepLabels, frameDuration, prefix, redraw, maxTickLabels, plotHeight } = options;
  const gap = options.gap ?? 70;
  const settings = (ms: number) => ({ mode: "immediate", frame: { duration: ms, redraw }, transition: { duration: 0 } });
  const below = (pixels: number) => roundForPlot(-pixels / plotHeight, 4);
  return {
    updatemenus: [
      {
        type: "buttons",
        direction: "left",
        showactive: false,
        x: 0,
        // Level with the slider's track, under the current-step label.
        y: below(gap + 28),
        xanchor: "left",
        yanchor: "top",
        pad: { t: 0, r: 10 },
        buttons: [
          { label: "Play", method: "animate", args: [null, { ...settings(frameDuration), fromcurrent: true }] },
          { label: "Pause", method: "animate", args: [[null], settings(0)] },
        ],
      },
    ],
    sliders: [
      {
        active: 0,
        x: 0,
        y: below(gap),
        len: 1,
        xanchor: "left",
        yanchor: "top",
        pad: { t: 0, b: 0, l: BUTTONS_WIDTH },
        ...(frameNames.length > maxTickLabels ? { font: { color: "rgba(0,0,0,0)" }, ticklen: 3, minorticklen: 0 } : {}),
        currentvalue: { prefix, visible: true, xanchor: "left", font: { color: "#222222", size: 15 } },
        steps: frameNames.map((name, k) => ({ method: "animate", label: stepLabels[k], args: [[name], settings(0)] })),
      },
    ],
    bottom: gap + ROW_HEIGHT,
  };
}
