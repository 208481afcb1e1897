/**
 * Histograms of samples, normalised as densities.
 */
import type { Histogram, SamplerResult } from "../types";
import { checkFinite, checkInteger, checkPositive, describe, isArrayLike, message, readOptions } from "../validate";
import { checkSamplerResult } from "./sampleCoordinate";

/** Options of {@link histogram}. */
export interface HistogramOptions {
  /** The number of bins, all of the same width. */
  bins: number;
  /** The interval [min, max] the bins cover. @default [smallest sample, largest sample] */
  range?: readonly [number, number];
  /** For a sampler result: which coordinate. @default 0 */
  coordinate?: number;
  /** For raw numbers: the inverse temperature they were sampled at (a sampler result carries its own). */
  beta?: number;
  /** For raw numbers: the name of the energy they were sampled from (a sampler result carries its own). */
  energyName?: string;
}

/**
 * Counts samples in `bins` equal bins over [min, max] and normalises the counts as a density:
 * density_i = counts_i / (total * width), with width = (max - min) / bins and `total` the number
 * of samples, those outside the range included. Bin i is [edge_i, edge_{i+1}), except the last,
 * which also holds max (as numpy.histogram does). Samples outside [min, max] are counted in
 * `outside` and in no bin, so with an explicit range the density integrates to the fraction of
 * samples inside it (1 with the default range): it estimates the full distribution's density
 * there, ready to compare with a Gibbs density.
 *
 * The histogram carries its context: from a sampler result it keeps the run's `beta`, `seed` and
 * `energyName`; from raw numbers, the `beta` and `energyName` options when given. `gibbsFigure`
 * and `totalVariation` use them to pair it with the density at the same beta and refuse one of
 * another energy.
 *
 * @param samples Finite numbers, or a sampler result (then `coordinate` picks the coordinate).
 * @param options bins; optional range and coordinate.
 * @throws TypeError when samples is neither an array of numbers nor a sampler result.
 * @throws RangeError when a sample is not finite, there are no samples, bins is not an integer
 *   in [1, 10^6], the range is not two finite numbers with min < max, the coordinate is not one
 *   of the result's, beta is not a positive finite number, beta or energyName is given with a
 *   sampler result, or an option name is unknown.
 * @example
 * const h = histogram([0.1, 0.2, 0.7, 1], { bins: 2, range: [0, 1], beta: 2 });
 * h.counts;    // => [2, 2]
 * h.density;   // => [1, 1]
 * h.beta;      // => 2
 * const run = metropolis(doubleWell(), { beta: 4, stepSize: 0.5, chains: 2, steps: 50, seed: 3 });
 * const fromRun = histogram(run, { bins: 10, range: [-2, 2] });
 * [fromRun.beta, fromRun.seed, fromRun.energyName];
 * // => [4, 3, "double well"]
 */
export function histogram(samples: ArrayLike<number> | SamplerResult, options: HistogramOptions): Histogram {
  const fn = "histogram";
  const opts = readOptions(fn, options, {
    bins: undefined as number | undefined,
    range: undefined as readonly [number, number] | undefined,
    coordinate: undefined as number | undefined,
    beta: undefined as number | undefined,
    energyName: undefined as string | undefined,
  });
  const { values, stride, offset } = sampleView(fn, samples, opts);
  const bins = checkInteger(fn, "options.bins", opts.bins, 1, 1_000_000);
  const context = contextOf(fn, samples, opts);
  const count = Math.floor((values.length - offset + stride - 1) / stride);
  if (count === 0) throw new RangeError(message(fn, "samples", "at least one sample", samples));
  let lower = Infinity;
  let upper = -Infinity;
  for (let i = offset; i < values.length; i += stride) {
    const v = values[i];
    if (!Number.isFinite(v)) throw new RangeError(message(fn, `samples[${(i - offset) / stride}]`, "a finite number", v));
    if (v < lower) lower = v;
    if (v > upper) upper = v;
  }
  if (opts.range !== undefined) {
    [lower, upper] = checkRange(fn, "options.range", opts.range);
  } else if (lower === upper) {
    lower -= 0.5;
    upper += 0.5;
  }
  const width = (upper - lower) / bins;
  const counts = new Array<number>(bins).fill(0);
  let outside = 0;
  for (let i = offset; i < values.length; i += stride) {
    const v = values[i];
    if (v < lower || v > upper) {
      outside++;
      continue;
    }
    const bin = Math.min(bins - 1, Math.floor((v - lower) / width));
    counts[bin]++;
  }
  const edges = Array.from({ length: bins + 1 }, (_, i) => (i === bins ? upper : lower + i * width));
  const centers = Array.from({ length: bins }, (_, i) => (edges[i] + edges[i + 1]) / 2);
  const density = counts.map((k) => k / (count * width));
  return { edges, centers, counts, density, outside, total: count, ...context };
}

/** The run's context: a sampler result's beta, seed and energy name, or the options' for raw numbers. */
function contextOf(fn: string, samples: unknown, opts: { beta?: number; energyName?: string }): Pick<Histogram, "beta" | "seed" | "energyName"> {
  if (!isArrayLike(samples)) {
    const run = samples as SamplerResult;
    for (const key of ["beta", "energyName"] as const) {
      if (opts[key] !== undefined) {
        throw new RangeError(message(fn, `options.${key}`, `absent for a sampler result (it carries its own: ${describe(run[key])})`, opts[key]));
      }
    }
    return {
      ...(typeof run.beta === "number" ? { beta: run.beta } : {}),
      ...(typeof run.seed === "number" || typeof run.seed === "string" ? { seed: run.seed } : {}),
      ...(typeof run.energyName === "string" ? { energyName: run.energyName } : {}),
    };
  }
  const beta = opts.beta === undefined ? undefined : checkPositive(fn, "options.beta", opts.beta);
  if (opts.energyName !== undefined && typeof opts.energyName !== "string") {
    throw new TypeError(message(fn, "options.energyName", "a string", opts.energyName));
  }
  return { ...(beta !== undefined ? { beta } : {}), ...(opts.energyName !== undefined ? { energyName: opts.energyName } : {}) };
}

/** Where the values of `samples` are: every `stride`-th number from `offset`. */
function sampleView(
  fn: string,
  samples: unknown,
  options: { coordinate?: number } | undefined,
): { values: ArrayLike<number>; stride: number; offset: number } {
  if (isArrayLike(samples)) {
    const coordinate = options?.coordinate;
    if (coordinate !== undefined && coordinate !== 0) {
      throw new RangeError(message(fn, "options.coordinate", "0 (or absent) for an array of numbers", coordinate));
    }
    const values = samples as ArrayLike<unknown>;
    if (Array.isArray(values)) {
      for (let i = 0; i < values.length; i++) {
        if (typeof values[i] !== "number") throw new TypeError(message(fn, `samples[${i}]`, "a number", values[i]));
      }
    }
    return { values: values as ArrayLike<number>, stride: 1, offset: 0 };
  }
  if (samples === null || typeof samples !== "object") {
    throw new TypeError(message(fn, "samples", "an array of numbers or a sampler result", samples));
  }
  const result = checkSamplerResult(fn, "samples", samples);
  const coordinate = checkInteger(fn, "options.coordinate", options?.coordinate ?? 0, 0, result.dimension - 1);
  return { values: result.samples, stride: result.dimension, offset: coordinate };
}

/** A range [min, max] of finite numbers with min < max. */
function checkRange(fn: string, arg: string, range: unknown): [number, number] {
  if (!Array.isArray(range) || range.length !== 2) throw new TypeError(message(fn, arg, "[min, max]", range));
  const lower = checkFinite(fn, `${arg}[0]`, range[0]);
  const upper = checkFinite(fn, `${arg}[1]`, range[1]);
  if (!(lower < upper)) throw new RangeError(message(fn, arg, "[min, max] with min < max", range));
  return [lower, upper];
}
