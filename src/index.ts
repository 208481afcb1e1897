/**
 * ebm: energy-based models for the course notebooks.
 *
 * @example
 * // In a notebook: import { doubleWell, gradientDescent, landscapeFigure, show } from "ebm";
 * const run = gradientDescent(doubleWell(), [0.5], { eta: 0.1 });
 * [run.reason, Math.round(run.final[0] * 1e6) / 1e6]; // rolled down into the right well, x = 1
 * // => ["converged", 1]
 */
// Shared shapes: Energy, results, grids.
export * from "./types";
// Energies from functions and formulas.
export * from "./energy";
// The catalogue of landscapes the course uses.
export * from "./landscapes";
// Deterministic dynamics: descent, flow, minima, basins.
export * from "./dynamics";
// The Gibbs distribution on grids.
export * from "./gibbs";
// Seeded samplers, histograms and distances.
export * from "./sampling";
// Hopfield networks and Boltzmann machines.
export * from "./hopfield";
// Learning from data: restricted Boltzmann machines; digits, 2D toy data and a learnable 2D energy.
export * from "./rbm";
export * from "./learning";
// Figures and show().
export * from "./plot";
// Workbooks: check() and progress() for the exercises the learner writes.
export * from "./workbook";
