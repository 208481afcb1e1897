/**
 * The Gibbs distribution at many temperatures: how the density sharpens as beta grows.
 */
import type { Axis, Energy, GibbsDensity } from "../types";
import { checkFiniteArray, checkOptions, checkPositive } from "../validate";
import { checkEnergy } from "../energy/checkEnergy";
import { checkAxes } from "./grid";
import { energiesOnGrid } from "./energyOnGrid";
import { densityFromEnergies } from "./density";

/** Options of {@link temperatureSweep}. */
export interface TemperatureSweepOptions {
  /** The inverse temperatures, each a positive finite number. Required, non-empty. */
  betas: readonly number[];
  /** The grid: one axis per variable of the energy. Required. */
  axes: readonly Axis[];
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
 * @throws RangeError when `betas` is empty or holds a value that is not a positive finite number,
 *   or as {@link gibbsDensity}.
 * @example
 * const well = energyFromFunction((x) => (x[0] ** 2 - 1) ** 2);
 * const sweep = temperatureSweep(well, { betas: [1, 100], axes: [{ min: -2, max: 2, count: 401 }] });
 * sweep.map((p) => p.density[200] > 0.01); // the density at x = 0, the barrier top: gone when cold
 * // => [true, false]
 */
export function temperatureSweep(energy: Energy, options: TemperatureSweepOptions): GibbsDensity[] {
  const fn = "temperatureSweep";
  const e = checkEnergy(fn, "energy", energy);
  const opts = checkOptions(fn, "options", options);
  const betas = checkFiniteArray(fn, "options.betas", opts.betas, 1);
  betas.forEach((b, i) => checkPositive(fn, `options.betas[${i}]`, b));
  const grid = checkAxes(fn, "options.axes", opts.axes, e.dimension);
  const energies = energiesOnGrid(fn, e, grid);
  return Array.from(betas, (beta) => densityFromEnergies(fn, energies, beta, grid));
}
