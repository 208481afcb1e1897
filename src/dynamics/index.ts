// Gradient descent, the discrete-time deterministic EBM: x_{t+1} = x_t - eta grad E(x_t).
export { gradientDescent } from "./descent";
export type { GradientDescentOptions, GradientDescentResult } from "./descent";
// Gradient flow, the continuous-time deterministic EBM: dx/dt = -grad E(x).
export { gradientFlow } from "./flow";
export type { FlowMethod, GradientFlowOptions, GradientFlowResult } from "./flow";
// Local minima (the memories) and their basins of attraction.
export { isLocalMinimum } from "./localMinimum";
export type { LocalMinimumOptions } from "./localMinimum";
export { findMinima } from "./minima";
export type { FindMinimaOptions, FoundMinimum, MinimaSearch } from "./minima";
export { basinMap } from "./basins";
export type { BasinMap, BasinMapOptions } from "./basins";
// Basins of a 1D energy as intervals, and where a recorded energy rose (helper C).
export { basinIntervals } from "./basinIntervals";
export type { BasinInterval, BasinIntervalsOptions } from "./basinIntervals";
export { energyRises } from "./path";
export type { EnergyRisesOptions } from "./path";
