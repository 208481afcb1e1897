/**
 * Grey images as small multiples: data, samples, reconstructions.
 */
import { message, readOptions } from "../../validate";
import { checkNonEmptyArray, choiceOption, integerOption } from "../checks";
import type { Figure } from "../figure";
import { FONT_SIZES, descriptionOption, makeFigure, titleOption } from "../style";
import { DIVERGING_SCALE, INK_SCALE, MAX_PANELS, checkImage, checkInk, fmt, imagePanels, imageShape, namesOption, panelsHeight, symmetricScale } from "./shared";

/** Options of {@link imageGridFigure}. */
export interface ImageGridOptions {
  /** Image width in pixels; width * height must equal the length of each image. */
  width: number;
  /** Image height in pixels. */
  height: number;
  /**
   * One caption per image, drawn above it (in a smaller font, or left out, when the columns are
   * too narrow for them; hovering still names the panel). @default "image 1", "image 2", ...
   * (just "1", "2", ... when the columns are narrow)
   */
  labels?: readonly string[];
  /** Images per row. @default min(count, 8) */
  columns?: number;
  /**
   * "ink": values in [0, 1], 0 white and 1 black (pixel intensities, probabilities);
   * "diverging": any finite values, blue below 0, white at 0, red above, one shared scale
   * from -max|value| to max|value| (weights, differences). @default "ink"
   */
  colors?: "ink" | "diverging";
  /** @default "Images" */
  title?: string;
  /** Alt text. @default generated from the data */
  description?: string;
}

/** The narrowest width a figure is drawn at, in pixels (a printed A4 page): headings must fit there. */
const NARROWEST_FIGURE = 700;
/** The mean glyph width of the figure font, in ems (digits and lower-case letters of a sans-serif). */
const GLYPH_EM = 0.56;
/** The smallest heading font, in pixels; headings that need a smaller one are left out. */
const MIN_HEADING_FONT = 10;

/**
 * Panel headings that do not overlap: the widest heading must fit its column (with a gap) when
 * the figure is only {@link NARROWEST_FIGURE} pixels wide. Tries `texts` at the normal font, then
 * `shortTexts` (if given) at the normal font, then the last of the two at a smaller font (not
 * below {@link MIN_HEADING_FONT}); undefined when nothing fits (leave the headings out: hovering
 * a panel still names it).
 *
 * @param sideMargins The figure's left plus right margin, in pixels.
 */
export function fitPanelHeadings(texts: readonly string[], columns: number, sideMargins: number, shortTexts?: readonly string[]): { texts: string[]; size: number } | undefined {
  const room = ((NARROWEST_FIGURE - sideMargins) / columns) * 0.85;
  const ems = (list: readonly string[]) => Math.max(1, ...list.map((t) => t.length)) * GLYPH_EM;
  const normal = FONT_SIZES.annotation;
  for (const list of shortTexts === undefined ? [texts] : [texts, shortTexts]) {
    if (ems(list) * normal <= room) return { texts: [...list], size: normal };
  }
  const last = shortTexts ?? texts;
  const size = Math.floor(room / ems(last));
  return size >= MIN_HEADING_FONT ? { texts: [...last], size } : undefined;
}

/** The panels' heading annotations with the fitted texts and font (none when they do not fit). */
export function fittedHeadings(annotations: readonly Record<string, unknown>[], fit: { texts: string[]; size: number } | undefined): Record<string, unknown>[] {
  if (fit === undefined) return [];
  return annotations.map((a, k) => ({ ...a, text: fit.texts[k], ...(fit.size === FONT_SIZES.annotation ? {} : { font: { size: fit.size } }) }));
}

/**
 * Images as small multiples, one panel per image, read row-major like patternFigure (pixel
 * r * width + c is row r, column c, from the top-left), square pixels and no ticks. With
 * colors "ink" (the default) a value v in [0, 1] is drawn as grey level v: 0 white, 1 black
 * (divide digits by their maxValue first). With "diverging" every panel shares one scale
 * symmetric about 0, blue for negative and red for positive, with a colour bar. At most 64
 * images. Given `labels` stand above the panels as captions, sized to fit a 700-pixel-wide
 * page: they shrink or, when even a small font would overlap, are left out; without labels
 * there are no captions (hovering a panel names it, "image k").
 *
 * @param images One to 64 images, each width * height numbers.
 * @throws TypeError when images is not an array of arrays of numbers, or an option has the
 *   wrong kind.
 * @throws RangeError when there are no images or more than 64, width * height differs from an
 *   image's length, an ink value lies outside [0, 1] (naming the image and the pixel), labels
 *   does not hold one string per image, or an option is out of range or unknown.
 * @example
 * const fig = imageGridFigure([[0, 1, 1, 0], [1, 0.5, 0.5, 1]], { width: 2, height: 2 });
 * [fig.layout.meta.kind, fig.data.length, fig.data[0].zmin, fig.data[0].zmax];
 * // => ["learning", 2, 0, 1]
 * imageGridFigure([[0, 2]], { width: 2, height: 1 });
 * // throws RangeError("imageGridFigure: images[0][1] must be a number in [0, 1] (ink: 0 white, 1 black; divide by the largest value, or use colors: \"diverging\" for signed values), got 2")
 */
export function imageGridFigure(images: readonly (readonly number[])[], options: ImageGridOptions): Figure {
  const fn = "imageGridFigure";
  checkNonEmptyArray(fn, "images", images, "images (arrays of numbers)");
  if (images.length > MAX_PANELS) throw new RangeError(message(fn, "images", `at most ${MAX_PANELS} images`, images) + ` (${images.length})`);
  if (options === undefined) throw new TypeError(message(fn, "options", "an options object with the image size, such as { width: 8, height: 8 }", options));
  const opts = readOptions(fn, options, {
    width: undefined as unknown,
    height: undefined as unknown,
    labels: undefined as unknown,
    columns: undefined as unknown,
    colors: undefined as unknown,
    title: undefined as unknown,
    description: undefined as unknown,
  });
  const first = checkImage(fn, "images[0]", images[0]);
  const { width, height } = imageShape(fn, opts.width, opts.height, first.length, "the number of pixels of each image");
  const checked = images.map((img, k) => (k === 0 ? first : checkImage(fn, `images[${k}]`, img, first.length)));
  const colors = choiceOption(fn, "options.colors", opts.colors, ["ink", "diverging"] as const, "ink");
  if (colors === "ink") {
    checked.forEach((img, k) => checkInk(fn, `images[${k}]`, img, 'ink: 0 white, 1 black; divide by the largest value, or use colors: "diverging" for signed values'));
  }
  const labels = namesOption(fn, "options.labels", opts.labels, checked.length, "image", (k) => `image ${k + 1}`);
  const columns = integerOption(fn, "options.columns", opts.columns, Math.min(checked.length, 8), 1, MAX_PANELS);
  const M = colors === "diverging" ? symmetricScale(checked) : 1;
  const scale = colors === "ink" ? { zmin: 0, zmax: 1, colorscale: INK_SCALE } : { zmin: -M, zmax: M, colorscale: DIVERGING_SCALE };
  const grid = imagePanels(
    checked.map((image, k) => ({ image, label: labels[k], colors: scale })),
    width,
    height,
    columns,
    colors === "diverging" ? { scale: { title: "value" } } : {},
  );
  // Captions only when given (hover names every panel anyway), sized to fit a narrow page; without
  // them the row of headings and its room are left out.
  const captioned = opts.labels !== undefined;
  const margin = { l: 30, r: colors === "diverging" ? 90 : 30, t: captioned ? 80 : 50, b: 20 };
  const headings = captioned ? fitPanelHeadings(labels, grid.columns, margin.l + margin.r) : undefined;
  let lo = Infinity;
  let hi = -Infinity;
  for (const img of checked) for (const v of img) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  const colourWords =
    colors === "ink"
      ? "grey levels from white (0) to black (1)"
      : `blue for negative values, white for 0 and red for positive ones, on one scale from ${fmt(-M)} to ${fmt(M)} shared by every panel`;
  const description =
    `${checked.length} image(s) of ${width} by ${height} pixels in ${grid.rows} row(s) of up to ${grid.columns}, drawn in ${colourWords}; ` +
    `values range from ${fmt(lo)} to ${fmt(hi)}.` +
    (opts.labels === undefined ? "" : ` Captions: ${labels.join(", ")}.`);
  return makeFigure({
    kind: "learning",
    title: titleOption(fn, opts.title, "Images"),
    description: descriptionOption(fn, opts.description, description),
    data: grid.data,
    layout: {
      ...grid.layout,
      annotations: fittedHeadings(grid.annotations, headings),
      showlegend: false,
      margin,
      height: panelsHeight(grid.rows, grid.columns, width, height) - (captioned ? 0 : 30),
    },
  });
}
