/**
 * Thinning a Gibbs density for a figure: a fine grid is right for computing (log Z, masses,
 * marginals) but too heavy to draw. Curves keep the extremes of every stretch they drop, so a
 * narrow peak at low temperature keeps its exact height; heat maps average blocks of cells, so
 * they keep where the mass is.
 */

/** The most points a density curve keeps in a figure. */
export const DENSITY_MAX_POINTS_1D = 1000;
/** The most cells a density heat map keeps along each axis. */
export const DENSITY_MAX_CELLS_2D = 80;

/**
 * Indices of at most `max` points of a curve that keep its shape: the points are cut into
 * floor((max - 2) / 2) equal stretches (by index) and each stretch keeps its smallest and its
 * largest value, in order; the first and the last point are always kept. Every peak and trough of the curve
 * therefore keeps its exact value, which even spacing would miss (a spike narrower than the
 * spacing would vanish). When values.length <= max every index is kept.
 *
 * Assumes `values` finite and max >= 4 (callers pass checked data and a constant).
 *
 * @example
 * extremaIndices([0, 1, 9, 1, 0, 0, 0, 0, 2, 0], 6);   // both peaks, 9 and 2, survive
 * // => [0, 2, 5, 8, 9]
 */
export function extremaIndices(values: ArrayLike<number>, max: number): number[] {
  const n = values.length;
  if (n <= max) return Array.from({ length: n }, (_, i) => i);
  const stretches = Math.floor((max - 2) / 2);
  const kept: number[] = [];
  for (let s = 0; s < stretches; s++) {
    const from = Math.floor((s * n) / stretches);
    const to = Math.floor(((s + 1) * n) / stretches);
    let low = from;
    let high = from;
    for (let i = from + 1; i < to; i++) {
      if (values[i] < values[low]) low = i;
      if (values[i] > values[high]) high = i;
    }
    for (const i of low <= high ? [low, high] : [high, low]) if (kept[kept.length - 1] !== i) kept.push(i);
  }
  if (kept[0] !== 0) kept.unshift(0);
  if (kept[kept.length - 1] !== n - 1) kept.push(n - 1);
  return kept;
}

/**
 * A curve (xs[i], ys[i]) thinned to at most `max` points by {@link extremaIndices}.
 *
 * @example
 * curveForDisplay([0, 1, 2, 3, 4, 5, 6], [0, 5, 1, 1, 1, 1, 0], 6);
 * // => { "x": [0, 1, 3, 6], "y": [0, 5, 1, 0] }
 */
export function curveForDisplay(xs: ArrayLike<number>, ys: ArrayLike<number>, max = DENSITY_MAX_POINTS_1D): { x: number[]; y: number[] } {
  const kept = extremaIndices(ys, max);
  return { x: kept.map((i) => xs[i]), y: kept.map((i) => ys[i]) };
}

/**
 * A heat map on the grid xs x ys (values row-major: index i + nx j) with at most `maxCells`
 * cells along each axis: when an axis is longer, its points are grouped in blocks of
 * ceil(length / maxCells) consecutive points (the last block may be shorter), and each cell
 * holds the mean of its block's values at the mean of its block's coordinates. Averaging keeps
 * the mass of each region, so the picture of where the density lives does not change.
 *
 * @returns x and y, the cell coordinates, and z[j][i], the cell values (plotly's layout).
 * @example
 * heatmapForDisplay([0, 1, 2, 3], [0, 1], [1, 3, 5, 7, 2, 4, 6, 8], 2);
 * // => { "x": [0.5, 2.5], "y": [0, 1], "z": [[2, 6], [3, 7]] }
 */
export function heatmapForDisplay(
  xs: ArrayLike<number>,
  ys: ArrayLike<number>,
  values: ArrayLike<number>,
  maxCells = DENSITY_MAX_CELLS_2D,
): { x: number[]; y: number[]; z: number[][] } {
  const nx = xs.length;
  const ny = ys.length;
  const blockX = Math.ceil(nx / maxCells);
  const blockY = Math.ceil(ny / maxCells);
  const means = (axis: ArrayLike<number>, block: number): number[] => {
    const out: number[] = [];
    for (let start = 0; start < axis.length; start += block) {
      let sum = 0;
      const end = Math.min(axis.length, start + block);
      for (let i = start; i < end; i++) sum += axis[i];
      out.push(sum / (end - start));
    }
    return out;
  };
  const x = means(xs, blockX);
  const y = means(ys, blockY);
  const z: number[][] = [];
  for (let cj = 0; cj < y.length; cj++) {
    const row: number[] = [];
    for (let ci = 0; ci < x.length; ci++) {
      let sum = 0;
      let count = 0;
      for (let j = cj * blockY; j < Math.min(ny, (cj + 1) * blockY); j++) {
        for (let i = ci * blockX; i < Math.min(nx, (ci + 1) * blockX); i++) {
          sum += values[i + nx * j];
          count++;
        }
      }
      row.push(sum / count);
    }
    z.push(row);
  }
  return { x, y, z };
}
