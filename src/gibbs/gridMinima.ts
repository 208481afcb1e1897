/**
 * The minima of an energy sampled on the grid of a Gibbs density, ties included, with the
 * curvature at each: where the density piles up as beta grows, and what Laplace's method needs.
 */
import type { GibbsDensity } from "../types";
import { checkNonNegative, isArrayLike, message, readOptions } from "../validate";
import { hessian } from "../energy/hessian";
import { checkDensity } from "./checkDensity";
import { determinant } from "./laplace";

/** A minimum of the sampled energies. */
export interface GridMinimum {
  /** Where it is: the lowest grid point of its valley (the peak of every Gibbs curve on this grid). */
  readonly x: number[];
  /** Its flat grid index (first axis fastest). */
  readonly index: number;
  /**
   * The energy at the vertex of the parabola through the point and its neighbours along each
   * axis, which lies between grid points (the grid value on the grid's edge). Two minima of
   * equal depth that the grid samples at different offsets compare equal by it.
   */
  readonly energy: number;
  /**
   * The curvature det H(x) (E''(x) in 1D), H the Hessian of the density's energy at the grid
   * point, from `hessian`; NaN when the density carries no energy (a marginal), on the edge of
   * the grid (not a critical point), or where the Hessian is not finite.
   */
  readonly curvature: number;
}

/** Options of {@link gridMinima}. */
export interface GridMinimaOptions {
  /**
   * Minima whose refined energies lie within this of the lowest count as tied global minima.
   * @default 1e-4 times the range of the finite grid energies
   */
  tieTolerance?: number;
  /** Return every discrete local minimum of the grid (true), or only the tied global ones. @default false */
  all?: boolean;
}

/**
 * The minima of the energy on the grid of a 1D or 2D Gibbs density (its `energies`): the grid
 * points with no lower neighbour (2 in 1D, 8 in 2D; a flat run of equal values counts once, at
 * its middle), by default only the global ones: those whose refined energy lies within
 * `tieTolerance` of the lowest. The refined energy is the vertex of the parabola through the
 * point and its two neighbours along each axis, q - (p - r)^2 / (8 (p - 2q + r)), so two equally
 * deep minima that the grid samples at different offsets still tie (exactly for parabolic wells).
 *
 * The curvature of each is det H, with H = `hessian(density.energy, x)` at the grid point (the
 * library's one Hessian); it is what Laplace's method weighs valleys by (see `laplaceWeights`).
 * At a grid point off the true minimum by dx it is off by O(dx) times the third derivative.
 * Cost O(grid size) plus one Hessian per minimum. The minima come in grid order.
 *
 * @throws TypeError when `density` is not a GibbsDensity or an option has the wrong kind.
 * @throws RangeError when the density is not 1D or 2D, its energies do not hold one number per
 *   grid point, tieTolerance is negative or not finite, or an option name is unknown.
 * @example
 * const p = gibbsDensity(doubleWell(), { beta: 4, axes: [{ min: -2, max: 2, count: 401 }] });
 * gridMinima(p).map((m) => [m.x[0], m.curvature]); // E = (x^2 - 1)^2: E'' = 8 at x = -1 and 1
 * // => [[-1, 8], [1, 8]] (to about 1e-6)
 */
export function gridMinima(density: GibbsDensity, options?: GridMinimaOptions): GridMinimum[] {
  const fn = "gridMinima";
  const d = checkDensity(fn, "density", density);
  const opts = readOptions(fn, options, { tieTolerance: undefined as number | undefined, all: false });
  if (d.points.length > 2) {
    throw new RangeError(message(fn, "density", "a 1D or 2D density", `a ${d.points.length}D density`));
  }
  const energies = checkEnergies(fn, density.energies, d.size);
  if (typeof opts.all !== "boolean") throw new TypeError(message(fn, "options.all", "true or false", opts.all));
  let tolerance: number;
  if (opts.tieTolerance === undefined) {
    let lo = Infinity;
    let hi = -Infinity;
    for (let i = 0; i < energies.length; i++) {
      const v = energies[i];
      if (!Number.isFinite(v)) continue;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
    tolerance = hi > lo ? 1e-4 * (hi - lo) : 0;
  } else {
    tolerance = checkNonNegative(fn, "options.tieTolerance", opts.tieTolerance);
  }
  const refined = localMinimumIndices(d.points, energies).map((index) => refineAt(d.points, energies, index));
  let lowest = Infinity;
  for (const m of refined) if (m.energy < lowest) lowest = m.energy;
  const kept = opts.all ? refined : refined.filter((m) => m.energy <= lowest + tolerance);
  const energy = density.energy;
  return kept.map((m) => ({ x: m.x, index: m.index, energy: m.energy, curvature: m.onEdge || energy === undefined ? NaN : curvatureAt(energy, m.x) }));
}

/** The energies of the grid, one finite number or +Infinity per point. */
function checkEnergies(fn: string, value: unknown, size: number): ArrayLike<number> {
  if (!isArrayLike(value)) throw new TypeError(message(fn, "density.energies", "an array of numbers", value));
  if (value.length !== size) throw new RangeError(message(fn, "density.energies", `an array of ${size} values (the grid size)`, value));
  const values = value as ArrayLike<unknown>;
  for (let i = 0; i < size; i++) {
    const v = values[i];
    if (typeof v !== "number" || !(v > -Infinity)) throw new RangeError(message(fn, `density.energies[${i}]`, "a number or +Infinity", v));
  }
  return value as ArrayLike<number>;
}

/** det of the Hessian at x, NaN where the Hessian is not finite. */
function curvatureAt(energy: NonNullable<GibbsDensity["energy"]>, x: readonly number[]): number {
  try {
    return determinant(hessian(energy, x));
  } catch {
    return NaN;
  }
}

/** The lowest value of the parabola through (-h, p), (0, q), (h, r) (q when it does not open upward). */
function vertex(p: number, q: number, r: number): number {
  const bend = p - 2 * q + r;
  return bend > 0 ? q - ((p - r) * (p - r)) / (8 * bend) : q;
}

/** The minimum at grid index `index`, its energy refined by a parabola along each axis. */
function refineAt(axes: readonly (readonly number[])[], energies: ArrayLike<number>, index: number) {
  const [xs, ys] = axes;
  const nx = xs.length;
  if (axes.length === 1) {
    const i = index;
    if (i === 0 || i === nx - 1) return { x: [xs[i]], index, energy: energies[i], onEdge: true };
    return { x: [xs[i]], index, energy: vertex(energies[i - 1], energies[i], energies[i + 1]), onEdge: false };
  }
  const e = (i: number, j: number) => energies[i + nx * j];
  const i = index % nx;
  const j = (index - i) / nx;
  if (i === 0 || i === nx - 1 || j === 0 || j === ys.length - 1) return { x: [xs[i], ys[j]], index, energy: e(i, j), onEdge: true };
  const q = e(i, j);
  const energy = vertex(e(i - 1, j), q, e(i + 1, j)) + vertex(e(i, j - 1), q, e(i, j + 1)) - q;
  return { x: [xs[i], ys[j]], index, energy, onEdge: false };
}

/** The flat indices of the discrete local minima: no neighbour (8 in 2D) lower; a flat run counts once. */
function localMinimumIndices(axes: readonly (readonly number[])[], energies: ArrayLike<number>): number[] {
  const nx = axes[0].length;
  if (axes.length === 1) {
    const out: number[] = [];
    let a = 0;
    while (a < nx) {
      let b = a;
      while (b + 1 < nx && energies[b + 1] === energies[a]) b++;
      const leftRises = a === 0 || energies[a - 1] > energies[a];
      const rightRises = b === nx - 1 || energies[b + 1] > energies[b];
      if (leftRises && rightRises && energies[a] < Infinity) out.push(Math.floor((a + b) / 2));
      a = b + 1;
    }
    return out;
  }
  const ny = axes[1].length;
  const kept: number[] = [];
  const keptSet = new Set<number>();
  for (let j = 0; j < ny; j++) {
    for (let i = 0; i < nx; i++) {
      const v = energies[i + nx * j];
      if (!(v < Infinity) || hasLowerNeighbour(energies, nx, ny, i, j, v)) continue;
      // Neighbouring candidates (equal values side by side) are one minimum: keep the first of each group.
      let near = false;
      for (let dj = -1; dj <= 1 && !near; dj++) {
        for (let di = -1; di <= 1; di++) {
          if (i + di >= 0 && i + di < nx && keptSet.has(i + di + nx * (j + dj))) near = true;
        }
      }
      if (!near) {
        kept.push(i + nx * j);
        keptSet.add(i + nx * j);
      }
    }
  }
  return kept;
}

/** True when one of the 8 neighbours of (i, j) is lower than v. */
function hasLowerNeighbour(energies: ArrayLike<number>, nx: number, ny: number, i: number, j: number, v: number): boolean {
  for (let dj = -1; dj <= 1; dj++) {
    for (let di = -1; di <= 1; di++) {
      const a = i + di;
      const b = j + dj;
      if ((di === 0 && dj === 0) || a < 0 || a >= nx || b < 0 || b >= ny) continue;
      if (energies[a + nx * b] < v) return true;
    }
  }
  return false;
}
