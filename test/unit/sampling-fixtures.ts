/**
 * Energies that carry a recipe pointing back to this file, so that the sampler tests can run
 * chains in worker threads (a worker rebuilds an energy with require(module)[export](...args)).
 * Not a test file itself: the sampling-*.test.ts files import it.
 */
import { energyFromFunction } from "../../src/energy/fromFunction";
import type { Energy, EnergyRecipe } from "../../src/types";

function withRecipe(energy: Energy, recipe: EnergyRecipe): Energy {
  return Object.freeze({ ...energy, recipe });
}

/** The double well E(x) = (x^2 - 1)^2 with its exact gradient 4 x (x^2 - 1), rebuildable in a worker. */
export function recipeDoubleWell(): Energy {
  const well = energyFromFunction(
    (x) => {
      const u = x[0] * x[0] - 1;
      return u * u;
    },
    {
      name: "double well",
      gradient: (x, w, g) => {
        g[0] = 4 * x[0] * (x[0] * x[0] - 1);
      },
    },
  );
  return withRecipe(well, { module: __filename, export: "recipeDoubleWell", args: [] });
}

/** The 2D bowl E(x, y) = (k x^2 + k y^2) / 2 with exact gradient, rebuildable in a worker. */
export function recipeBowl2d(k: number): Energy {
  const bowl = energyFromFunction((x, w) => (w.k * (x[0] * x[0] + x[1] * x[1])) / 2, {
    dimension: 2,
    parameters: { k },
    gradient: (x, w, g) => {
      g[0] = w.k * x[0];
      g[1] = w.k * x[1];
    },
  });
  return withRecipe(bowl, { module: __filename, export: "recipeBowl2d", args: [k] });
}

/** A 1D bowl whose recipe wrongly points at the double well: the workers must notice. */
export function mislabelledBowl(): Energy {
  const bowl = energyFromFunction((x) => x[0] * x[0] + 0.25, { gradient: (x, w, g) => void (g[0] = 2 * x[0]) });
  return withRecipe(bowl, { module: __filename, export: "recipeDoubleWell", args: [] });
}

/**
 * The exact Gibbs density exp(-beta E(x)) / Z of a 1D energy, with Z by the composite Simpson
 * rule on [lower, upper] (the energy must make the density negligible outside; with 8000
 * intervals the relative error of Z is far below 1e-10 for the smooth energies of the tests).
 */
export function exactGibbsDensity(
  energy: (x: number) => number,
  beta: number,
  lower: number,
  upper: number,
  intervals = 8000,
): (x: number) => number {
  const h = (upper - lower) / intervals;
  let sum = 0;
  for (let i = 0; i <= intervals; i++) {
    const weight = i === 0 || i === intervals ? 1 : i % 2 === 1 ? 4 : 2;
    sum += weight * Math.exp(-beta * energy(lower + i * h));
  }
  const z = (sum * h) / 3;
  return (x) => Math.exp(-beta * energy(x)) / z;
}

/** Sample mean and (population) variance of every `stride`-th number from `offset`. */
export function meanAndVariance(values: Float64Array, stride = 1, offset = 0): { mean: number; variance: number } {
  let sum = 0;
  let count = 0;
  for (let i = offset; i < values.length; i += stride) {
    sum += values[i];
    count++;
  }
  const mean = sum / count;
  let squares = 0;
  for (let i = offset; i < values.length; i += stride) squares += (values[i] - mean) ** 2;
  return { mean, variance: squares / count };
}
