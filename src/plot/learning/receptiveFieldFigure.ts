/**
 * What each hidden unit of a restricted Boltzmann machine looks for: its weights as an image.
 */
import { isArrayLike, message, readOptions } from "../../validate";
import { checkObject, integerOption } from "../checks";
import type { Figure } from "../figure";
import { descriptionOption, makeFigure, titleOption } from "../style";
import { DIVERGING_SCALE, MAX_PANELS, fmt, imagePanels, imageShape, panelsHeight, symmetricScale, type ReceptiveFieldMachine } from "./shared";

/** Options of {@link receptiveFieldFigure}. */
export interface ReceptiveFieldOptions {
  /** Image width in pixels; width * height must equal V, the number of visible units. */
  width: number;
  /** Image height in pixels. */
  height: number;
  /** How many hidden units (the first n), or which ones (indices 0..H-1). @default min(H, 16) */
  units?: number | readonly number[];
  /** Images per row. @default min(count, 8) */
  columns?: number;
  /** @default "What each hidden unit looks for (its weights)" */
  title?: string;
  /** Alt text. @default generated from the data */
  description?: string;
}

/** Checks the machine's shape and weights (the fields this figure reads). */
function checkMachine(fn: string, value: unknown): { visible: number; hidden: number; weights: ArrayLike<number>; name?: string } {
  const m = checkObject(fn, "machine", value, "an RBM (from rbm or rbmTrain)");
  const V = m.visible;
  const H = m.hidden;
  const ok = Number.isInteger(V) && Number.isInteger(H) && (V as number) > 0 && (H as number) > 0 && isArrayLike(m.weights) && m.weights.length === (V as number) * (H as number);
  if (!ok) throw new TypeError(message(fn, "machine", "an RBM (from rbm or rbmTrain) with V x H weights", value));
  const w = m.weights as ArrayLike<unknown>;
  for (let k = 0; k < w.length; k++) {
    if (typeof w[k] !== "number" || !Number.isFinite(w[k])) throw new RangeError(message(fn, `machine.weights[${k}]`, "a finite number", w[k]));
  }
  return { visible: V as number, hidden: H as number, weights: w as ArrayLike<number>, name: typeof m.name === "string" ? m.name : undefined };
}

/** The hidden units to draw: the first n, or a list of distinct indices. */
function unitsOption(fn: string, value: unknown, H: number): number[] {
  if (value === undefined) return Array.from({ length: Math.min(H, 16) }, (_, j) => j);
  if (typeof value === "number") {
    const n = integerOption(fn, "options.units", value, 0, 1, Math.min(H, MAX_PANELS));
    return Array.from({ length: n }, (_, j) => j);
  }
  if (!Array.isArray(value)) throw new TypeError(message(fn, "options.units", "a count or an array of hidden-unit indices", value));
  if (value.length === 0 || value.length > MAX_PANELS) throw new RangeError(message(fn, "options.units", `1 to ${MAX_PANELS} hidden-unit indices`, value));
  const seen = new Set<number>();
  return value.map((j, k) => {
    const index = integerOption(fn, `options.units[${k}]`, j, 0, 0, H - 1);
    if (seen.has(index)) throw new RangeError(message(fn, `options.units[${k}]`, "an index not already listed", index));
    seen.add(index);
    return index;
  });
}

/**
 * The receptive field of each hidden unit j of a restricted Boltzmann machine: its weights
 * W_{., j} (W_ij = weights[i * H + j] for visible unit i) drawn as a width x height image, read
 * row-major. Red pixels have positive weights: ink there (v_i = 1) raises the unit's input
 * c_j + sum_i v_i W_ij and so the chance that it switches on; blue pixels have negative weights,
 * ink there switches it off; white is 0. Every panel shares one scale from -M to M, M the
 * largest |weight| drawn, with a colour bar. Panels are captioned "unit j" (j from 0).
 *
 * @param machine An Rbm (from rbm or rbmTrain).
 * @throws TypeError when machine is not an RBM, or an option has the wrong kind.
 * @throws RangeError when width * height differs from V, a weight is not finite, units asks for
 *   more units than H or 64, repeats an index or names one outside 0..H-1, or an option is out of
 *   range or unknown.
 * @example
 * const machine = rbm(4, 3, { seed: 1 });
 * const fig = receptiveFieldFigure(machine, { width: 2, height: 2, units: [2, 0] });
 * [fig.layout.meta.kind, fig.data.length, fig.data[0].name, fig.data[0].zmin === -fig.data[0].zmax];
 * // => ["learning", 2, "unit 2", true]
 */
export function receptiveFieldFigure(machine: ReceptiveFieldMachine, options: ReceptiveFieldOptions): Figure {
  const fn = "receptiveFieldFigure";
  const m = checkMachine(fn, machine);
  if (options === undefined) throw new TypeError(message(fn, "options", "an options object with the image size, such as { width: 8, height: 8 }", options));
  const opts = readOptions(fn, options, {
    width: undefined as unknown,
    height: undefined as unknown,
    units: undefined as unknown,
    columns: undefined as unknown,
    title: undefined as unknown,
    description: undefined as unknown,
  });
  const { width, height } = imageShape(fn, opts.width, opts.height, m.visible, "V, the number of visible units");
  const units = unitsOption(fn, opts.units, m.hidden);
  const columns = integerOption(fn, "options.columns", opts.columns, Math.min(units.length, 8), 1, MAX_PANELS);
  const H = m.hidden;
  const images = units.map((j) => Array.from({ length: m.visible }, (_, i) => m.weights[i * H + j]));
  const M = symmetricScale(images);
  const scale = { zmin: -M, zmax: M, colorscale: DIVERGING_SCALE };
  const grid = imagePanels(
    images.map((image, k) => ({ image, label: `unit ${units[k]}`, colors: scale })),
    width,
    height,
    columns,
    { scale: { title: "weight" } },
  );
  const positives = images.map((img) => img.filter((v) => v > 0).length);
  const description =
    `The weights of ${units.length} of the ${H} hidden unit(s)${m.name ? ` of the ${m.name}` : ""} (${units.map((j) => `unit ${j}`).join(", ")}), ` +
    `each drawn as a ${width} by ${height} image of its weights to the ${m.visible} visible pixels. ` +
    `Red marks a positive weight (ink on that pixel makes the unit more likely to switch on), blue a negative one (ink there switches it off), white 0; ` +
    `one scale from ${fmt(-M)} to ${fmt(M)} is shared by every panel. ` +
    `Positive pixels per unit: ${units.map((j, k) => `unit ${j} ${positives[k]} of ${m.visible}`).join(", ")}.`;
  return makeFigure({
    kind: "learning",
    title: titleOption(fn, opts.title, "What each hidden unit looks for (its weights)"),
    description: descriptionOption(fn, opts.description, description),
    data: grid.data,
    layout: {
      ...grid.layout,
      annotations: grid.annotations,
      showlegend: false,
      margin: { l: 30, r: 90, t: 80, b: 20 },
      height: panelsHeight(grid.rows, grid.columns, width, height),
    },
  });
}
