// Seeded random streams (xoshiro128**, seeded through seedrandom).
export { createRandom } from "./random";
export type { SeededRandom } from "./random";
// Samplers over many independent chains.
export { metropolis } from "./metropolis";
export type { MetropolisOptions } from "./metropolis";
export { langevin } from "./langevin";
export type { LangevinOptions } from "./langevin";
export { mala } from "./mala";
export type { MalaOptions } from "./mala";
export type { SamplerOptions, SamplerRun } from "./samplerRun";
// Histograms of samples.
export { sampleCoordinate } from "./sampleCoordinate";
export { histogram } from "./histogram";
export type { HistogramOptions } from "./histogram";
export { histogram2d } from "./histogram2d";
export type { Histogram2d, Histogram2dOptions } from "./histogram2d";
// Distances between samples and a reference density.
export { binMasses } from "./binMasses";
export type { ReferenceDensity } from "./binMasses";
export { totalVariation } from "./totalVariation";
export type { TotalVariationOptions } from "./totalVariation";
// Distances between two discrete distributions (counts, frequencies, exact probabilities).
export { klDivergence } from "./klDivergence";
export { totalVariationDistance } from "./totalVariationDistance";
export { independentSampleDistance } from "./independentSampleDistance";
export type { IndependentSampleDistance, IndependentSampleOptions } from "./independentSampleDistance";
