// Grids: the points of an axis (first axis fastest in every grid field).
export { axisPoints, MAX_GRID_POINTS } from "./grid";
// Log space: log-sum-exp, the partition function.
export { logSumExp } from "./logsumexp";
export { logPartition } from "./partition";
// The Gibbs density p(x) = exp(-beta E(x)) / Z on a grid, at one temperature or many.
export { gibbsDensity } from "./density";
export type { GibbsOptions } from "./density";
export { temperatureSweep } from "./sweep";
export type { TemperatureSweepOptions } from "./sweep";
// Averages, spread and where the mass sits.
export { gibbsExpectation, gibbsMean } from "./expectation";
export { gibbsVariance, gibbsCovariance } from "./variance";
export { massNear, gibbsMode } from "./mass";
export type { GibbsMode } from "./mass";
export { halfPeakWidth } from "./halfPeakWidth";
// Marginals: integrate one axis out of a 2D density.
export { gibbsMarginal } from "./marginal";
// Low temperature: the minima on the grid and their curvatures, and Laplace's method.
export { gridMinima } from "./gridMinima";
export type { GridMinimum, GridMinimaOptions } from "./gridMinima";
export { laplaceWeights, laplaceLogPartition, zeroTemperatureShares } from "./laplace";
export type { LaplaceOptions, MinimumPoint, ZeroTemperatureSharesOptions } from "./laplace";
