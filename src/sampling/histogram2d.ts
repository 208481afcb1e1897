/**
 * Two-dimensional histograms of samples (for 2D landscapes such as the lily pad).
 */
import type { Box, SamplerResult } from "../types";
import { checkFinite, checkInteger, message, readOptions } from "../validate";
import { checkSamplerResult } from "./sampleCoordinate";

/** A 2D histogram normalised as a density; grids are row-major, bin (i, j) at i + nx * j. */
export interface Histogram2d {
  /** Bin edges along x (nx + 1) and y (ny + 1). */
  readonly xEdges: number[];
  readonly yEdges: number[];
  /** Bin centres along x (nx) and y (ny). */
  readonly xCenters: number[];
  readonly yCenters: number[];
  /** Counts per bin, length nx * ny, bin (i, j) at i + nx * j. */
  readonly counts: number[];
  /** counts / (total * cell area), same layout. */
  readonly density: number[];
  /** Samples outside the box. */
  readonly outside: number;
  /** All samples, those outside included. */
  readonly total: number;
  /** From a sampler result: the run's inverse temperature, seed and energy name. */
  readonly beta?: number;
  readonly seed?: number | string;
  readonly energyName?: string;
}

/** Options of {@link histogram2d}. */
export interface Histogram2dOptions {
  /** Bins per axis: one number for both, or [nx, ny]. */
  bins: number | readonly [number, number];
  /** The box the bins cover (an energy's `domain` fits). @default the samples' bounding box */
  range?: Box;
  /** For a sampler result: the two coordinates. @default [0, 1] */
  coordinates?: readonly [number, number];
}

/**
 * Counts 2D samples in nx x ny equal cells over a box and normalises the counts as a density:
 * density = counts / (total * cell area), with `total` all samples (outside ones included). A
 * cell is half-open, [x_i, x_{i+1}) x [y_j, y_{j+1}), except the last along each axis, which also
 * holds the upper edge.
 *
 * @param samples A sampler result of dimension >= 2, or {x, y}: two arrays of the same length.
 * @param options bins; optional range (a Box) and coordinates.
 * @throws TypeError when samples is neither; RangeError for a non-finite sample, no samples, bins
 *   not integers in [1, 4096], an empty box, or coordinates that are not two different ones.
 * @example
 * const h = histogram2d({ x: [0.1, 0.9, 0.9], y: [0.1, 0.1, 0.9] }, { bins: 2, range: { lower: [0, 0], upper: [1, 1] } });
 * h.counts;    // => [1, 1, 0, 1]
 * h.density;   // => [1.3333333333333333, 1.3333333333333333, 0, 1.3333333333333333]
 */
export function histogram2d(
  samples: SamplerResult | { readonly x: ArrayLike<number>; readonly y: ArrayLike<number> },
  options: Histogram2dOptions,
): Histogram2d {
  const fn = "histogram2d";
  const opts = readOptions(fn, options, {
    bins: undefined as Histogram2dOptions["bins"] | undefined,
    range: undefined as Box | undefined,
    coordinates: undefined as readonly [number, number] | undefined,
  });
  const { xs, ys } = coordinatePairs(fn, samples, opts.coordinates);
  const bins = opts.bins as unknown;
  const [bx, by] = Array.isArray(bins) ? [bins[0], bins[1]] : [bins, bins];
  const nx = checkInteger(fn, "options.bins", bx, 1, 4096);
  const ny = checkInteger(fn, "options.bins", by, 1, 4096);
  const count = xs.length;
  if (count === 0) throw new RangeError(message(fn, "samples", "at least one sample", samples));
  let [x0, x1, y0, y1] = [Infinity, -Infinity, Infinity, -Infinity];
  for (let i = 0; i < count; i++) {
    const x = checkFinite(fn, `x[${i}]`, xs[i]);
    const y = checkFinite(fn, `y[${i}]`, ys[i]);
    if (x < x0) x0 = x;
    if (x > x1) x1 = x;
    if (y < y0) y0 = y;
    if (y > y1) y1 = y;
  }
  if (opts.range !== undefined) {
    const box = opts.range;
    if (box === null || typeof box !== "object" || !Array.isArray(box.lower) || !Array.isArray(box.upper)) {
      throw new TypeError(message(fn, "options.range", "a box {lower: [x0, y0], upper: [x1, y1]}", box));
    }
    [x0, y0] = [checkFinite(fn, "options.range.lower[0]", box.lower[0]), checkFinite(fn, "options.range.lower[1]", box.lower[1])];
    [x1, y1] = [checkFinite(fn, "options.range.upper[0]", box.upper[0]), checkFinite(fn, "options.range.upper[1]", box.upper[1])];
    if (!(x0 < x1 && y0 < y1)) throw new RangeError(message(fn, "options.range", "a box with lower < upper on both axes", [x0, y0, x1, y1]));
  } else {
    if (x0 === x1) [x0, x1] = [x0 - 0.5, x1 + 0.5];
    if (y0 === y1) [y0, y1] = [y0 - 0.5, y1 + 0.5];
  }
  const dx = (x1 - x0) / nx;
  const dy = (y1 - y0) / ny;
  const counts = new Array<number>(nx * ny).fill(0);
  let outside = 0;
  for (let k = 0; k < count; k++) {
    const x = xs[k];
    const y = ys[k];
    if (x < x0 || x > x1 || y < y0 || y > y1) {
      outside++;
      continue;
    }
    const i = Math.min(nx - 1, Math.floor((x - x0) / dx));
    const j = Math.min(ny - 1, Math.floor((y - y0) / dy));
    counts[i + nx * j]++;
  }
  const xEdges = Array.from({ length: nx + 1 }, (_, i) => (i === nx ? x1 : x0 + i * dx));
  const yEdges = Array.from({ length: ny + 1 }, (_, j) => (j === ny ? y1 : y0 + j * dy));
  return {
    xEdges,
    yEdges,
    xCenters: xEdges.slice(0, nx).map((e, i) => (e + xEdges[i + 1]) / 2),
    yCenters: yEdges.slice(0, ny).map((e, j) => (e + yEdges[j + 1]) / 2),
    counts,
    density: counts.map((k) => k / (count * dx * dy)),
    outside,
    total: count,
    ...contextOf(samples),
  };
}

/** A sampler result's beta, seed and energy name (nothing for {x, y}). */
function contextOf(samples: unknown): Pick<Histogram2d, "beta" | "seed" | "energyName"> {
  const run = samples as Partial<SamplerResult>;
  if ("x" in run) return {};
  return {
    ...(typeof run.beta === "number" ? { beta: run.beta } : {}),
    ...(typeof run.seed === "number" || typeof run.seed === "string" ? { seed: run.seed } : {}),
    ...(typeof run.energyName === "string" ? { energyName: run.energyName } : {}),
  };
}

/** The x and y values of every sample. */
function coordinatePairs(
  fn: string,
  samples: unknown,
  coordinates: readonly [number, number] | undefined,
): { xs: ArrayLike<number>; ys: ArrayLike<number> } {
  const pair = samples as { x?: unknown; y?: unknown };
  if (samples !== null && typeof samples === "object" && "x" in pair && "y" in pair) {
    const xs = pair.x as ArrayLike<number>;
    const ys = pair.y as ArrayLike<number>;
    const isList = (v: unknown) => Array.isArray(v) || (ArrayBuffer.isView(v) && !(v instanceof DataView));
    if (!isList(xs) || !isList(ys)) throw new TypeError(message(fn, "samples", "{x, y} with two arrays of numbers", samples));
    if (xs.length !== ys.length) {
      throw new RangeError(message(fn, "samples.y", `an array as long as samples.x (${xs.length})`, ys) + ` (length ${ys.length})`);
    }
    if (coordinates !== undefined) throw new TypeError(message(fn, "options.coordinates", "absent for {x, y} samples", coordinates));
    return { xs, ys };
  }
  if (samples === null || typeof samples !== "object") {
    throw new TypeError(message(fn, "samples", "a sampler result or {x, y}", samples));
  }
  const result = checkSamplerResult(fn, "samples", samples);
  const n = result.dimension;
  if (n < 2) throw new RangeError(message(fn, "samples", "a sampler result of dimension >= 2", samples) + ` (dimension ${n})`);
  const [a, b] = coordinates ?? [0, 1];
  checkInteger(fn, "options.coordinates[0]", a, 0, n - 1);
  checkInteger(fn, "options.coordinates[1]", b, 0, n - 1);
  if (a === b) throw new RangeError(message(fn, "options.coordinates", "two different coordinates", coordinates));
  const count = result.chains * result.samplesPerChain;
  const xs = new Float64Array(count);
  const ys = new Float64Array(count);
  for (let k = 0; k < count; k++) {
    xs[k] = result.samples[k * n + a];
    ys[k] = result.samples[k * n + b];
  }
  return { xs, ys };
}
