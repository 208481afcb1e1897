/**
 * E at every point of a grid, checked: the raw material of every Gibbs density. Internal.
 */
import type { Energy } from "../types";
import { describe, message } from "../validate";
import { gridPoint, type CheckedGrid } from "./grid";

/**
 * E(x) at each grid point, first axis fastest. +Infinity (a hard wall, probability 0) is allowed;
 * NaN and -Infinity are refused with the point where they occur.
 */
export function energiesOnGrid(fn: string, energy: Energy, grid: CheckedGrid): Float64Array {
  const values = new Float64Array(grid.size);
  const point = new Float64Array(grid.points.length);
  for (let s = 0; s < grid.size; s++) {
    gridPoint(grid.points, s, point);
    const v = energy.value(point);
    if (!(v > -Infinity)) {
      throw new RangeError(
        message(fn, "energy", "a number or +Infinity at every grid point", v) + ` at ${describe(Array.from(point))}`,
      );
    }
    values[s] = v;
  }
  return values;
}
