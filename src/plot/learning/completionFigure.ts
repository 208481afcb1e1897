/**
 * Pattern completion by a restricted Boltzmann machine: the original, what the machine was
 * shown, and what it filled in.
 */
import { isArrayLike, message, readOptions } from "../../validate";
import { checkNonEmptyArray, checkObject, integerOption } from "../checks";
import type { Figure } from "../figure";
import { headingAnnotation } from "../subplots";
import { descriptionOption, makeFigure, titleOption } from "../style";
import { fitPanelHeadings, fittedHeadings } from "./imageGridFigure";
import {
  INK_SCALE,
  MASKED_SCALE,
  checkImage,
  checkInk,
  fmt,
  imagePanels,
  imageShape,
  panelsHeight,
  rowsOf,
  type CompletionFigureResult,
  type ImagePanel,
} from "./shared";

/** Options of {@link completionFigure}. */
export interface CompletionFigureOptions {
  /** Image width in pixels; width * height must equal the length of each image. */
  width: number;
  /** Image height in pixels. */
  height: number;
  /** Examples per row. @default min(count, 8) */
  columns?: number;
  /** @default "Filling in the hidden pixels" */
  title?: string;
  /** Alt text. @default generated from the data */
  description?: string;
}

/** The most examples of one completion figure. */
export const MAX_COMPLETIONS = 12;

/** The names of the three rows of each example. */
const ROW_NAMES = ["original", "shown", "filled in"] as const;

/**
 * Pattern completion, three rows of panels per block of examples: the original image, what the
 * machine was shown (hidden pixels, those with result.known[i] false, in light blue-grey; seen
 * pixels as in the original), and the completion result.probabilities, p(v_i = 1 | seen
 * pixels), in ink (0 white, 1 black). Images are read row-major like patternFigure. Examples
 * run left to right, `columns` to a block, each headed "example k" (just "k" when the columns
 * are too narrow for it on a 700-pixel-wide page). At most 12 examples.
 *
 * @param originals The full images, values in [0, 1], one per completed input.
 * @param result An RbmCompleteResult (from rbmComplete) of the same inputs.
 * @throws TypeError when originals or result has the wrong shape, or an option has the wrong
 *   kind.
 * @throws RangeError when there are no originals or more than 12, their count differs from
 *   result.probabilities, width * height differs from an image's length, a value lies outside
 *   [0, 1], known does not hold one boolean per pixel, or an option is out of range or unknown.
 * @example
 * const machine = rbm(4, 2);
 * const done = rbmComplete(machine, [[1, 0, 1, 0]], { known: [true, true, false, false], method: "mean-field" });
 * const fig = completionFigure([[1, 0, 1, 0]], done, { width: 2, height: 2 });
 * [fig.layout.meta.kind, fig.data.map((t) => t.name)];
 * // => ["learning", ["original 1", "shown 1", "filled in 1"]]
 */
export function completionFigure(originals: readonly (readonly number[])[], result: CompletionFigureResult, options: CompletionFigureOptions): Figure {
  const fn = "completionFigure";
  checkNonEmptyArray(fn, "originals", originals, "images (arrays of numbers in [0, 1])");
  if (originals.length > MAX_COMPLETIONS) throw new RangeError(message(fn, "originals", `at most ${MAX_COMPLETIONS} images`, originals) + ` (${originals.length})`);
  const r = checkObject(fn, "result", result, "an RbmCompleteResult { probabilities, known, ... } (from rbmComplete)");
  if (!Array.isArray(r.probabilities)) throw new TypeError(message(fn, "result.probabilities", "an array of images (from rbmComplete)", r.probabilities));
  if (r.probabilities.length !== originals.length) {
    throw new RangeError(
      message(fn, "result.probabilities", `${originals.length} completion(s), one per original`, r.probabilities) + ` (length ${r.probabilities.length})`,
    );
  }
  if (options === undefined) throw new TypeError(message(fn, "options", "an options object with the image size, such as { width: 8, height: 8 }", options));
  const opts = readOptions(fn, options, {
    width: undefined as unknown,
    height: undefined as unknown,
    columns: undefined as unknown,
    title: undefined as unknown,
    description: undefined as unknown,
  });
  const inkHint = "ink: 0 white, 1 black";
  const first = checkImage(fn, "originals[0]", originals[0]);
  const V = first.length;
  const { width, height } = imageShape(fn, opts.width, opts.height, V, "the number of pixels of each image");
  const images = originals.map((img, k) => (k === 0 ? first : checkImage(fn, `originals[${k}]`, img, V)));
  images.forEach((img, k) => checkInk(fn, `originals[${k}]`, img, inkHint));
  const filled = (r.probabilities as unknown[]).map((p, k) => checkImage(fn, `result.probabilities[${k}]`, p, V));
  filled.forEach((img, k) => checkInk(fn, `result.probabilities[${k}]`, img, "a probability"));
  if (!isArrayLike(r.known)) throw new TypeError(message(fn, "result.known", `an array of ${V} true/false values (true = seen)`, r.known));
  if (r.known.length !== V) throw new RangeError(message(fn, "result.known", `an array of ${V} true/false values, one per pixel`, r.known) + ` (length ${r.known.length})`);
  const known = Array.from(r.known as ArrayLike<unknown>, (b, i) => {
    if (typeof b !== "boolean") throw new TypeError(message(fn, `result.known[${i}]`, "true or false", b));
    return b;
  });
  const count = images.length;
  const columns = integerOption(fn, "options.columns", opts.columns, Math.min(count, 8), 1, MAX_COMPLETIONS);
  const cols = Math.min(columns, count);
  const blocks = Math.ceil(count / cols);

  // Panel order: for each example, original, shown, filled in; slot (3 * block + row) * cols + column.
  const panels: ImagePanel[] = [];
  const slots: number[] = [];
  const ink = { zmin: 0, zmax: 1, colorscale: INK_SCALE };
  images.forEach((img, k) => {
    const block = Math.floor(k / cols);
    const column = k % cols;
    // Hidden pixels are -1 on a scale from -1 to 1 whose lower half is the blue-grey.
    const shown = img.map((v, i) => (known[i] ? v : -1));
    const text = rowsOf(img, width, height).map((row, y) => row.map((v, x) => (known[y * width + x] ? String(v) : "hidden")));
    const rows: ImagePanel[] = [
      { image: img, label: `${ROW_NAMES[0]} ${k + 1}`, colors: ink },
      { image: shown, label: `${ROW_NAMES[1]} ${k + 1}`, colors: { zmin: -1, zmax: 1, colorscale: MASKED_SCALE }, text },
      { image: filled[k], label: `${ROW_NAMES[2]} ${k + 1}`, colors: ink },
    ];
    rows.forEach((panel, row) => {
      panels.push(panel);
      slots.push((3 * block + row) * cols + column);
    });
  });
  const grid = imagePanels(panels, width, height, cols, { slots, rows: 3 * blocks, gapY: 0.04 });
  // Captions: the example number over its top panel, and the row names at the left of each row.
  // "example k" over each example, or just "k" when the columns are too narrow for it.
  const margin = { l: 90, r: 30, t: 80, b: 20 };
  const tops = grid.annotations.filter((_, p) => p % 3 === 0);
  const names = tops.map((_, k) => `example ${k + 1}`);
  const numbers = tops.map((_, k) => String(k + 1));
  const annotations = fittedHeadings(tops, fitPanelHeadings(names, cols, margin.l + margin.r, numbers));
  const rowHeadings: Record<string, unknown>[] = [];
  for (let block = 0; block < blocks; block++) {
    for (let row = 0; row < 3; row++) {
      const axisKey = `yaxis${(3 * block + row) * cols === 0 ? "" : (3 * block + row) * cols + 1}`;
      const domain = ((grid.layout[axisKey] as Record<string, unknown>).domain as [number, number]) ?? [0, 1];
      rowHeadings.push({ ...headingAnnotation(ROW_NAMES[row], 0, (domain[0] + domain[1]) / 2), xanchor: "right", yanchor: "middle", xshift: -6 });
    }
  }
  const hiddenCount = known.filter((b) => !b).length;
  // How close the completion came on the hidden pixels: mean |p - original| there.
  const errors = images.map((img, k) => {
    if (hiddenCount === 0) return 0;
    let s = 0;
    for (let i = 0; i < V; i++) if (!known[i]) s += Math.abs(filled[k][i] - img[i]);
    return s / hiddenCount;
  });
  const meanError = errors.reduce((a, b) => a + b, 0) / count;
  const methodWords = r.method === "gibbs" || r.method === "mean-field" ? ` by ${r.method === "gibbs" ? "Gibbs sampling" : "mean-field iteration"}` : "";
  const description =
    `Pattern completion${methodWords} for ${count} ${width} by ${height} image(s), three rows per example: the original (ink, 0 white and 1 black), ` +
    `what the machine was shown, with the ${hiddenCount} hidden pixel(s) of the ${V} in light blue-grey (no legend: blue-grey means hidden), ` +
    `and the filled-in image, p(pixel on | seen pixels) in ink. ` +
    (hiddenCount > 0
      ? `The mean |filled in − original| over the hidden pixels is ${fmt(meanError)} (per example: ${errors.map((e) => fmt(e)).join(", ")}).`
      : "No pixel was hidden.");
  return makeFigure({
    kind: "learning",
    title: titleOption(fn, opts.title, "Filling in the hidden pixels"),
    description: descriptionOption(fn, opts.description, description),
    data: grid.data,
    layout: {
      ...grid.layout,
      annotations: [...annotations, ...rowHeadings],
      showlegend: false,
      margin,
      // Three rows per example: smaller panels than a plain grid, so a few examples stay on one page.
      height: panelsHeight(3 * blocks, cols, width, height, 130),
    },
  });
}
