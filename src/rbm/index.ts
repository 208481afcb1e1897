// Restricted Boltzmann machines with binary {0, 1} units: learning from data.

// The machine as data.
export { rbm, MAX_RBM_UNITS } from "./machine";
export type { Rbm, RbmOptions } from "./machine";
// F(v) = -b.v - sum_j softplus(c_j + v.W_j).
export { rbmFreeEnergy } from "./freeEnergy";
// p(h | v), p(v | h) and draws from them.
export { rbmHiddenGivenVisible, rbmVisibleGivenHidden } from "./conditionals";
export type { RbmConditional, RbmConditionalOptions } from "./conditionals";
// Exact log Z and log-likelihood (H <= 20).
export { rbmLogPartition, rbmLogLikelihood, MAX_EXACT_HIDDEN } from "./exact";
export type { RbmExactOptions, RbmLogLikelihood } from "./exact";
// The log-likelihood gradient: exact, and its CD-k estimate.
export { rbmExactGradient, rbmCdGradient } from "./gradient";
export type { RbmGradient, RbmExactGradientOptions, RbmCdGradientOptions } from "./gradient";
// Training by CD-k and PCD.
export { rbmTrain } from "./train";
export type { RbmTrainOptions, RbmTrainRecord, RbmTrainResult } from "./train";
// Long Gibbs chains, and filling in a partly hidden input.
export { rbmSample } from "./sample";
export type { RbmSampleOptions, RbmSampleResult } from "./sample";
export { rbmComplete } from "./complete";
export type { RbmCompleteOptions, RbmCompleteResult } from "./complete";
