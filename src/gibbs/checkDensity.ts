/**
 * Door check for functions that take a {@link GibbsDensity}. Internal.
 */
import type { GibbsDensity } from "../types";
import { message } from "../validate";

/** A density as the summing functions need it. */
export interface CheckedDensity {
  readonly points: readonly (readonly number[])[];
  readonly density: ArrayLike<number>;
  readonly cellVolume: number;
  readonly size: number;
}

/**
 * Checks the shape of a density: axes (arrays of numbers), a density array whose length is the
 * product of the axis lengths, and a positive finite cell volume.
 */
export function checkDensity(fn: string, arg: string, value: unknown): CheckedDensity {
  const d = value as GibbsDensity;
  const expected = "a GibbsDensity (from gibbsDensity or temperatureSweep)";
  if (value === null || typeof value !== "object" || !Array.isArray(d.axes) || d.axes.length === 0) {
    throw new TypeError(message(fn, arg, expected, value));
  }
  if (!d.axes.every((a) => Array.isArray(a) && a.length >= 2)) {
    throw new TypeError(message(fn, `${arg}.axes`, "arrays of at least 2 grid coordinates", d.axes));
  }
  const size = d.axes.reduce((p, a) => p * a.length, 1);
  const density = d.density as unknown;
  const isArrayLike = Array.isArray(density) || (ArrayBuffer.isView(density) && !(density instanceof DataView));
  if (!isArrayLike) throw new TypeError(message(fn, `${arg}.density`, "an array of numbers", density));
  if ((density as ArrayLike<number>).length !== size) {
    throw new RangeError(message(fn, `${arg}.density`, `an array of ${size} values (the grid size)`, density));
  }
  const cellVolume = d.cellVolume;
  if (typeof cellVolume !== "number" || !(cellVolume > 0 && Number.isFinite(cellVolume))) {
    throw new RangeError(message(fn, `${arg}.cellVolume`, "a positive finite number", cellVolume));
  }
  return { points: d.axes, density: density as ArrayLike<number>, cellVolume, size };
}
