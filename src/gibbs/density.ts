/**
 * The Gibbs distribution p(x) = exp(-beta E(x)) / Z on a grid, computed in log space.
 */
import type { Axis, Energy, GibbsDensity } from "../types";
import { checkPositive, describe, message, readOptions } from "../validate";
import { checkEnergy } from "../energy/checkEnergy";
import { checkAxes, gridPoint, type CheckedGrid } from "./grid";
import { energiesOnGrid } from "./energyOnGrid";
import { logSumExpUnchecked } from "./logsumexp";

/** Options of {@link gibbsDensity} and {@link logPartition}. */
export interface GibbsOptions {
  /** beta = 1 / T > 0, the inverse temperature. Required. */
  beta: number;
  /** The grid: one axis per variable of the energy. Required. */
  axes: readonly Axis[];
}

/**
 * The Gibbs (Boltzmann) distribution of an energy at inverse temperature beta, on a grid:
 * p(x) = exp(-beta E(x)) / Z, Z = integral exp(-beta E(x)) dx.
 *
 * Everything is computed in log space. With cell volume dV (dx, or dx dy) the integral is the grid
 * sum Z ~ dV sum_i exp(-beta E_i), so
 *   log Z = logSumExp(-beta E_i) + log dV,   log p_i = -beta E_i - log Z,   p_i = exp(log p_i).
 * The shift inside logSumExp keeps beta = 1e4 (or more) from overflowing or underflowing: the
 * densities are finite and sum_i p_i dV = 1 up to rounding. As beta grows, p concentrates at the
 * global minima (the zero-temperature limit); as beta shrinks, it flattens toward uniform.
 *
 * The grid sum is the rectangle rule; for a density that is negligible at the grid's ends it is as
 * accurate as the trapezoid rule, and for smooth densities far more (spectral) accurate. Make the
 * grid wide enough to hold the mass and fine enough to resolve the width 1 / sqrt(beta E'').
 * E = +Infinity at a point gives p = 0 there. Cost: one energy evaluation per grid point.
 *
 * The result carries its context: `beta`, `energyName` and the `energy` itself (so that
 * `totalVariation` and `gridMinima` can use the exact E rather than its grid values).
 *
 * @throws TypeError when `energy` is not an Energy or an option has the wrong kind.
 * @throws RangeError when beta is not a positive finite number; the axes do not match the
 *   energy's dimension, are empty or reversed, or span more than MAX_GRID_POINTS = 2e7 points; E is NaN or -Infinity
 *   at a grid point; or E = +Infinity everywhere.
 * @example
 * const well = energyFromFunction((x) => (x[0] ** 2 - 1) ** 2);
 * const p = gibbsDensity(well, { beta: 4, axes: [{ min: -2, max: 2, count: 401 }] });
 * p.density.reduce((s, v) => s + v, 0) * p.cellVolume; // a probability density
 * // => 1 (to about 1e-14)
 */
export function gibbsDensity(energy: Energy, options: GibbsOptions): GibbsDensity {
  const fn = "gibbsDensity";
  const e = checkEnergy(fn, "energy", energy);
  const opts = readOptions(fn, options, { beta: undefined as number | undefined, axes: undefined as readonly Axis[] | undefined });
  const beta = checkPositive(fn, "options.beta", opts.beta);
  const grid = checkAxes(fn, "options.axes", opts.axes, e.dimension);
  return densityFromEnergies(fn, energiesOnGrid(fn, e, grid), beta, grid, e);
}

/** The log-weights -beta E_i, refusing a +Infinity weight (beta E = -Infinity) with its place. */
export function logWeights(fn: string, energies: Float64Array, beta: number, grid: CheckedGrid): Float64Array {
  const weights = new Float64Array(energies.length);
  for (let s = 0; s < energies.length; s++) {
    const w = -beta * energies[s];
    if (w === Infinity) {
      const point = gridPoint(grid.points, s, new Float64Array(grid.points.length));
      throw new RangeError(
        message(fn, "beta * E", "finite at every grid point", -Infinity) +
          ` at ${describe(Array.from(point))} (E = ${energies[s]}, beta = ${beta})`,
      );
    }
    weights[s] = w;
  }
  return weights;
}

/** log Z from the log-weights; refuses an energy that is +Infinity on the whole grid. */
export function logPartitionOf(fn: string, weights: Float64Array, grid: CheckedGrid): number {
  const logZ = logSumExpUnchecked(weights) + Math.log(grid.cellVolume);
  if (logZ === -Infinity) {
    throw new RangeError(message(fn, "energy", "finite at some grid point (it is +Infinity everywhere)", Infinity));
  }
  return logZ;
}

/** The density from energies already on the grid (validated). Shared with temperatureSweep. */
export function densityFromEnergies(fn: string, energies: Float64Array, beta: number, grid: CheckedGrid, energy: Energy): GibbsDensity {
  const logDensity = logWeights(fn, energies, beta, grid);
  const logZ = logPartitionOf(fn, logDensity, grid);
  const density = new Float64Array(energies.length);
  for (let s = 0; s < logDensity.length; s++) {
    logDensity[s] -= logZ;
    density[s] = Math.exp(logDensity[s]);
  }
  return {
    beta,
    energyName: energy.name,
    energy,
    axes: grid.points.map((p) => p.slice()),
    density,
    logDensity,
    energies: Float64Array.from(energies),
    logZ,
    cellVolume: grid.cellVolume,
  };
}
