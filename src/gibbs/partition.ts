/**
 * The log partition function log Z(beta) on a grid.
 */
import type { Axis, Energy } from "../types";
import { checkPositive, readOptions } from "../validate";
import { checkEnergy } from "../energy/checkEnergy";
import { checkAxes } from "./grid";
import { energiesOnGrid } from "./energyOnGrid";
import { logPartitionOf, logWeights, type GibbsOptions } from "./density";

/**
 * log Z, with Z = integral exp(-beta E(x)) dx approximated on the grid:
 * log Z = logSumExp_i(-beta E_i) + log dV (dV the cell volume), as in {@link gibbsDensity}.
 *
 * Z itself overflows a double for beta E_min below about -709 and underflows above 745; log Z does
 * not. Its derivative is minus the mean energy: d log Z / d beta = -<E>. Cost: one energy
 * evaluation per grid point.
 *
 * @throws TypeError when `energy` is not an Energy or an option has the wrong kind.
 * @throws RangeError as {@link gibbsDensity}.
 * @example
 * const bowl = energyFromFunction((x) => x[0] ** 2 / 2); // a standard Gaussian at beta = 1
 * logPartition(bowl, { beta: 1, axes: [{ min: -10, max: 10, count: 2001 }] }); // log sqrt(2 pi)
 * // => 0.9189385332046728 (to about 1e-14)
 */
export function logPartition(energy: Energy, options: GibbsOptions): number {
  const fn = "logPartition";
  const e = checkEnergy(fn, "energy", energy);
  const opts = readOptions(fn, options, { beta: undefined as number | undefined, axes: undefined as readonly Axis[] | undefined });
  const beta = checkPositive(fn, "options.beta", opts.beta);
  const grid = checkAxes(fn, "options.axes", opts.axes, e.dimension);
  return logPartitionOf(fn, logWeights(fn, energiesOnGrid(fn, e, grid), beta, grid), grid);
}
