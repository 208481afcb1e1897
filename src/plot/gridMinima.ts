/**
 * The global minima of energies sampled on a 1D or 2D grid, ties included, with the curvature at
 * each: what the zero-temperature figure marks, and how Laplace's method splits the mass between
 * tied minima. Internal to the plot area.
 */

/** A minimum of the sampled energies. */
export interface GridMinimum {
  /** Where it is: the lowest grid point (the peak of every Gibbs curve drawn on this grid). */
  x: number[];
  /**
   * The energy at the vertex of the parabola through the point and its neighbours along each
   * axis, which lies between grid points (the grid value when a neighbour is missing). Two minima
   * of equal depth that the grid samples at different offsets compare equal by it.
   */
  energy: number;
  /**
   * The curvature: E'' in 1D, det of the Hessian in 2D, by finite differences on the grid;
   * NaN on the edge of the grid, where the differences are one-sided.
   */
  curvature: number;
  /** Its flat grid index (first axis fastest). */
  index: number;
}

/** The lowest value of the parabola through (-h, p), (0, q), (h, r) (q when it does not open upward). */
function vertex(p: number, q: number, r: number): { value: number } {
  const bend = p - 2 * q + r;
  if (!(bend > 0)) return { value: q };
  return { value: q - ((p - r) * (p - r)) / (8 * bend) };
}

/** The spacing of an axis (the grid is regular). */
function spacing(axis: readonly number[]): number {
  return (axis[axis.length - 1] - axis[0]) / (axis.length - 1);
}

/**
 * The minimum at grid index `index`, its energy refined by a parabola along each axis where it can be.
 *
 * @example
 * // E = (x - 0.3)^2 sampled at x = 0, 0.5, 1: the lowest grid value is 0.04 at x = 0.5, the vertex 0.
 * const m = refineAt([[0, 0.5, 1]], [0.09, 0.04, 0.49], 1);
 * [m.x[0], m.energy, m.curvature];
 * // => [0.5, 0, 2] (to about 1e-12)
 */
export function refineAt(axes: readonly (readonly number[])[], energies: readonly number[], index: number): GridMinimum {
  const [xs, ys] = axes;
  const nx = xs.length;
  const e = (i: number, j: number) => energies[i + nx * j];
  if (axes.length === 1) {
    const i = index;
    if (i === 0 || i === nx - 1) return { x: [xs[i]], energy: energies[i], curvature: NaN, index };
    const h = spacing(xs);
    const v = vertex(energies[i - 1], energies[i], energies[i + 1]);
    return { x: [xs[i]], energy: v.value, curvature: (energies[i - 1] - 2 * energies[i] + energies[i + 1]) / (h * h), index };
  }
  const i = index % nx;
  const j = (index - i) / nx;
  const ny = ys.length;
  if (i === 0 || i === nx - 1 || j === 0 || j === ny - 1) return { x: [xs[i], ys[j]], energy: e(i, j), curvature: NaN, index };
  const hx = spacing(xs);
  const hy = spacing(ys);
  const q = e(i, j);
  const vx = vertex(e(i - 1, j), q, e(i + 1, j));
  const vy = vertex(e(i, j - 1), q, e(i, j + 1));
  const exx = (e(i - 1, j) - 2 * q + e(i + 1, j)) / (hx * hx);
  const eyy = (e(i, j - 1) - 2 * q + e(i, j + 1)) / (hy * hy);
  const exy = (e(i + 1, j + 1) - e(i + 1, j - 1) - e(i - 1, j + 1) + e(i - 1, j - 1)) / (4 * hx * hy);
  return {
    x: [xs[i], ys[j]],
    energy: vx.value + vy.value - q,
    curvature: exx * eyy - exy * exy,
    index,
  };
}

/** The flat indices of the discrete local minima: no neighbour (8 in 2D) lower; a flat run counts once. */
function localMinimumIndices(axes: readonly (readonly number[])[], energies: readonly number[]): number[] {
  const nx = axes[0].length;
  if (axes.length === 1) {
    const out: number[] = [];
    let a = 0;
    while (a < nx) {
      let b = a;
      while (b + 1 < nx && energies[b + 1] === energies[a]) b++;
      const leftRises = a === 0 || energies[a - 1] > energies[a];
      const rightRises = b === nx - 1 || energies[b + 1] > energies[b];
      if (leftRises && rightRises) out.push(Math.floor((a + b) / 2));
      a = b + 1;
    }
    return out;
  }
  const ny = axes[1].length;
  const candidates: number[] = [];
  for (let j = 0; j < ny; j++) {
    for (let i = 0; i < nx; i++) {
      const v = energies[i + nx * j];
      let lowest = true;
      for (let dj = -1; dj <= 1 && lowest; dj++) {
        for (let di = -1; di <= 1; di++) {
          const a = i + di;
          const b = j + dj;
          if ((di === 0 && dj === 0) || a < 0 || a >= nx || b < 0 || b >= ny) continue;
          if (energies[a + nx * b] < v) {
            lowest = false;
            break;
          }
        }
      }
      if (lowest) candidates.push(i + nx * j);
    }
  }
  // Neighbouring candidates (equal values side by side) are one minimum: keep the first of each group.
  const kept: number[] = [];
  for (const c of candidates) {
    const ci = c % nx;
    const cj = (c - ci) / nx;
    const near = kept.some((k) => {
      const ki = k % nx;
      return Math.abs(ki - ci) <= 1 && Math.abs((k - ki) / nx - cj) <= 1;
    });
    if (!near) kept.push(c);
  }
  return kept;
}

/**
 * The global minima of a sampled energy: every discrete local minimum whose refined energy lies
 * within `tolerance` of the lowest. The energies compared are refined: the vertex of the parabola
 * through each minimum and its neighbours along each axis, so two minima of equal depth that fall
 * between grid points at different offsets still compare equal (exactly for parabolic wells).
 *
 * @example
 * const xs = [-2, -1.5, -1, -0.5, 0, 0.5, 1, 1.5, 2];
 * globalMinimaOnGrid([xs], xs.map((x) => Math.min((x + 1) ** 2, (x - 1) ** 2)), 1e-9).map((m) => m.x[0]);
 * // => [-1, 1]
 */
export function globalMinimaOnGrid(axes: readonly (readonly number[])[], energies: readonly number[], tolerance: number): GridMinimum[] {
  const refined = localMinimumIndices(axes, energies).map((index) => refineAt(axes, energies, index));
  let lowest = Infinity;
  for (const m of refined) if (m.energy < lowest) lowest = m.energy;
  return refined.filter((m) => m.energy <= lowest + tolerance);
}

/**
 * Laplace's method for tied minima: as beta -> infinity the mass near each minimum is
 * proportional to curvature^(-1/2) (E''^(-1/2) in 1D, det(Hessian)^(-1/2) in 2D). Returns the
 * shares (summing to 1), or undefined when some curvature is not a positive finite number
 * (a minimum on the grid's edge, or a flat one, where the method does not apply as stated).
 *
 * @example
 * // E'' = 8 and 24: shares 1/sqrt(8) : 1/sqrt(24), that is sqrt(3) / (1 + sqrt(3)) and the rest.
 * laplaceShares([{ x: [-1], energy: 0, curvature: 8, index: 0 }, { x: [1], energy: 0, curvature: 24, index: 1 }]);
 * // => [0.6339745962155614, 0.36602540378443865] (to about 1e-12)
 */
export function laplaceShares(minima: readonly GridMinimum[]): number[] | undefined {
  if (!minima.every((m) => m.curvature > 0 && Number.isFinite(m.curvature))) return undefined;
  const weights = minima.map((m) => 1 / Math.sqrt(m.curvature));
  const total = weights.reduce((s, w) => s + w, 0);
  return weights.map((w) => w / total);
}
