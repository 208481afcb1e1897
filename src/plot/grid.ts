/**
 * The drawing grid of a landscape figure: which box to draw, how finely, and E on it.
 * (Drawing needs E at grid points; everything physical — descent, sampling, Z — happens
 * elsewhere and arrives as data.) Internal to the plot area.
 */
import type { Axis, Box, Energy } from "../types";
import { checkInteger, message } from "../validate";
import { checkObject, isArrayLike } from "./checks";
import { roundForPlot } from "./style";

/** Where to draw: one of these, in this order of precedence, else `energy.domain`. */
export interface LandscapeGridOptions {
  /** The grid itself, one Axis per dimension (count <= the builder's maximum). */
  axes?: readonly Axis[];
  /** The range: `[min, max]` in 1D, or a Box `{ lower, upper }` in any dimension. */
  range?: readonly [number, number] | Box;
  /** Grid points per axis (the builder's default when absent). */
  points?: number;
}

/** A finite interval [lo, hi] with lo < hi. */
function checkInterval(fn: string, arg: string, lo: unknown, hi: unknown): [number, number] {
  if (typeof lo !== "number" || typeof hi !== "number" || !Number.isFinite(lo) || !Number.isFinite(hi) || !(lo < hi)) {
    throw new RangeError(message(fn, arg, "an interval [min, max] of finite numbers with min < max", [lo, hi]));
  }
  return [lo, hi];
}

/**
 * Resolves the grid of a figure. Precedence: options.axes, options.range, energy.domain.
 * `include` lists points (descent paths) the range must cover when it comes from the domain:
 * the range then grows to cover them with a 5% margin. An explicit range or axes is kept as is.
 *
 * @throws RangeError when no range can be found, or a range is empty or not finite.
 */
export function resolveAxes(
  fn: string,
  energy: Energy,
  options: LandscapeGridOptions,
  defaultCount: number,
  maxCount: number,
  include: readonly (readonly number[])[] = [],
): Axis[] {
  const n = energy.dimension;
  if (options.axes !== undefined) {
    if (!Array.isArray(options.axes) || options.axes.length !== n) {
      throw new RangeError(message(fn, "options.axes", `${n} Axis object(s) { min, max, count }`, options.axes));
    }
    return options.axes.map((a, k) => {
      const item = checkObject(fn, `options.axes[${k}]`, a, "an Axis { min, max, count }");
      const [min, max] = checkInterval(fn, `options.axes[${k}]`, item.min, item.max);
      const count = checkInteger(fn, `options.axes[${k}].count`, item.count, 2, maxCount);
      return { min, max, count };
    });
  }
  const count = options.points === undefined ? defaultCount : checkInteger(fn, "options.points", options.points, 2, maxCount);
  let lower: number[];
  let upper: number[];
  let explicit = true;
  if (options.range !== undefined) {
    const r = options.range as unknown;
    if (isArrayLike(r) && n === 1) {
      if (r.length !== 2) throw new RangeError(message(fn, "options.range", "an interval [min, max]", r));
      const [lo, hi] = checkInterval(fn, "options.range", r[0], r[1]);
      lower = [lo];
      upper = [hi];
    } else {
      const box = checkObject(fn, "options.range", r, n === 1 ? "[min, max] or a Box { lower, upper }" : "a Box { lower, upper }");
      if (!isArrayLike(box.lower) || !isArrayLike(box.upper) || box.lower.length !== n || box.upper.length !== n) {
        throw new RangeError(message(fn, "options.range", `a Box { lower, upper } of dimension ${n}`, r));
      }
      lower = [];
      upper = [];
      for (let k = 0; k < n; k++) {
        const [lo, hi] = checkInterval(fn, `options.range (axis ${k})`, box.lower[k], box.upper[k]);
        lower.push(lo);
        upper.push(hi);
      }
    }
  } else if (energy.domain !== undefined) {
    explicit = false;
    lower = [];
    upper = [];
    for (let k = 0; k < n; k++) {
      const [lo, hi] = checkInterval(fn, `energy.domain (axis ${k})`, energy.domain.lower[k], energy.domain.upper[k]);
      lower.push(lo);
      upper.push(hi);
    }
  } else {
    throw new RangeError(
      `${fn}: options.range must be given when the energy has no domain, got undefined (energy ${JSON.stringify(energy.name)} has no domain)`,
    );
  }
  if (!explicit && include.length > 0) {
    for (let k = 0; k < n; k++) {
      let lo = lower[k];
      let hi = upper[k];
      for (const p of include) {
        if (p[k] < lo) lo = p[k];
        if (p[k] > hi) hi = p[k];
      }
      if (lo < lower[k] || hi > upper[k]) {
        const pad = 0.05 * (hi - lo);
        lower[k] = lo < lower[k] ? lo - pad : lower[k];
        upper[k] = hi > upper[k] ? hi + pad : upper[k];
      }
    }
  }
  return lower.map((min, k) => ({ min, max: upper[k], count }));
}

/** Calls E and insists on a finite value: a figure cannot draw NaN or infinity. */
function energyAt(fn: string, energy: Energy, x: number[]): number {
  const v = energy.value(x);
  if (typeof v !== "number" || !Number.isFinite(v)) {
    throw new RangeError(
      message(fn, "energy", "finite on the drawing grid", v) + ` at ${energy.dimension === 1 ? `x = ${x[0]}` : `(${x.join(", ")})`}; narrow options.range`,
    );
  }
  return v;
}

/** E at each x of a 1D grid (unrounded). */
export function sampleEnergy1D(fn: string, energy: Energy, xs: readonly number[]): number[] {
  return xs.map((x) => energyAt(fn, energy, [x]));
}

/** E on a 2D grid as plotly wants it: z[j][i] = E(xs[i], ys[j]), rounded for the figure. */
export function sampleEnergy2D(fn: string, energy: Energy, xs: readonly number[], ys: readonly number[]): number[][] {
  return ys.map((y) => xs.map((x) => roundForPlot(energyAt(fn, energy, [x, y]))));
}

/** Minimum and maximum of a finite list, padded by a fraction of the span (never empty). */
export function paddedRange(values: readonly number[], fraction = 0.05): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  const span = hi - lo;
  const pad = span > 0 ? fraction * span : Math.max(Math.abs(hi) * fraction, 0.5);
  return [roundForPlot(lo - pad), roundForPlot(hi + pad)];
}
