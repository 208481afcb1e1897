/**
 * The Gibbs distribution at many temperatures: how the density sharpens as beta grows.
 */
import type { Axis, Energy, GibbsDensity } from "../types";
import { checkEnergy, checkFiniteArray, checkMaxWork, checkPositive, checkWork, isArrayLike, message, readOptions } from "../validate";
import { checkAxes } from "./grid";
import { energiesOnGrid } from "./energyOnGrid";
import { densityFromEnergies } from "./density";

/**
 * The most temperatures one sweep takes: each is a whole density (three arrays of the grid's
 * size), and a figure or a slider over more than a few hundred is unreadable anyway.
 */
export const MAX_BETAS = 1000;

/** Options of {@link temperatureSweep}. */
export interface TemperatureSweepOptions {
  /** The inverse temperatures, each a positive finite number. Required, non-empty, at most {@link MAX_BETAS}. */
  betas: readonly number[];
  /** The grid: one axis per variable of the energy. Required. */
  axes: readonly Axis[];
  /** The work budget: betas x grid points above it is refused at the door. @default 2e8 (WORK_BUDGET) */
  maxWork?: number;
}

/**
 * One {@link gibbsDensity} per beta, on one grid: p_beta(x) = exp(-beta E(x)) / Z(beta).
 *
 * The energy is evaluated once on the grid and reused for every beta, so a sweep costs one energy
 * evaluation per grid point plus O(grid size) per beta. Small beta (high temperature) spreads the
 * mass over the grid; large beta (low temperature) piles it onto the lowest minima, the Dirac limit
 * at beta = infinity. The densities come back in the order of `betas`.
 *
 * @throws TypeError when `energy` is not an Energy or an option has the wrong kind.
 * @throws RangeError when `betas` is empty, longer than {@link MAX_BETAS} or holds a value that is
 *   not a positive finite number, (betas + 1) x grid points is above the work budget (pass `maxWork` to raise it), or as
 *   {@link gibbsDensity}.
 * @example
 * const well = energyFromFunction((x) => (x[0] ** 2 - 1) ** 2);
 * const sweep = temperatureSweep(well, { betas: [1, 100], axes: [{ min: -2, max: 2, count: 401 }] });
 * sweep.map((p) => p.density[200] > 0.01); // the density at x = 0, the barrier top: gone when cold
 * // => [true, false]
 */
export function temperatureSweep(energy: Energy, options: TemperatureSweepOptions): GibbsDensity[] {
  const fn = "temperatureSweep";
  const e = checkEnergy(fn, "energy", energy);
  const opts = readOptions(fn, options, {
    betas: undefined as readonly number[] | undefined,
    axes: undefined as readonly Axis[] | undefined,
    maxWork: undefined as number | undefined,
  });
  if (isArrayLike(opts.betas) && opts.betas.length > MAX_BETAS) {
    throw new RangeError(message(fn, "options.betas", `an array of at most ${MAX_BETAS} inverse temperatures`, opts.betas));
  }
  const betas = checkFiniteArray(fn, "options.betas", opts.betas, 1);
  betas.forEach((b, i) => checkPositive(fn, `options.betas[${i}]`, b));
  const grid = checkAxes(fn, "options.axes", opts.axes, e.dimension);
  // Checked before anything is allocated: one energy evaluation per grid point, then one density per beta.
  checkWork(fn, (betas.length + 1) * grid.size, "(betas + 1) x grid points", checkMaxWork(fn, opts.maxWork));
  const energies = energiesOnGrid(fn, e, grid);
  return Array.from(betas, (beta) => densityFromEnergies(fn, energies, beta, grid, e));
}
