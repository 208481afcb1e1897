// Hopfield networks and Boltzmann machines on +-1 units.

// The network as data, and Hebb's rule.
export { hebbianWeights, hopfieldNetwork } from "./network";
export type { HopfieldNetwork, HebbianOptions, NetworkOptions } from "./network";
// E(s) = -1/2 s^T W s - b^T s (also the Boltzmann machine's energy).
export { hopfieldEnergy } from "./energy";
// Recall: asynchronous and synchronous updates.
export { hopfieldRecall } from "./recall";
export type { HopfieldRecallOptions, HopfieldRecallResult, HopfieldStopReason } from "./recall";
// Patterns: random, corrupted, partial, and the overlap between states.
export { overlap, randomPatterns, corruptPattern, partialPattern } from "./patterns";
export type { RandomPatternsOptions, CorruptOptions, PartialOptions } from "./patterns";
// Letters from a built-in 7 x 7 font.
export { letterPatterns, LETTER_FONT_LETTERS, LETTER_FONT_SIZE } from "./letters";
export type { LetterOptions, LetterPatterns } from "./letters";
// Storage capacity.
export { hopfieldCapacity, hopfieldErrorProbability, HOPFIELD_CRITICAL_LOAD } from "./capacity";
export type { CapacityOptions, CapacityPoint, CapacityResult } from "./capacity";
export { capacityBreakdown } from "./capacityBreakdown";
// The dense (modern) Hopfield network: softmax attention over the stored patterns.
export { denseHopfieldUpdate, denseHopfieldEnergy, denseHopfieldIterate } from "./dense";
export type { DenseIterateOptions, DenseIterateResult } from "./dense";
// Boltzmann machines: state numbering, exact enumeration, Gibbs sampling, learning.
export { stateIndex, stateFromIndex, MAX_ENUMERATION_UNITS } from "./boltzmannStates";
export { boltzmannExact } from "./boltzmannExact";
export type { BoltzmannDistribution, BoltzmannExactOptions } from "./boltzmannExact";
export { boltzmannGibbsSample } from "./boltzmannGibbs";
export type { BoltzmannGibbsOptions, BoltzmannSamples } from "./boltzmannGibbs";
export { boltzmannLearn } from "./boltzmannLearn";
export type { BoltzmannLearnOptions, BoltzmannLearnRecord, BoltzmannLearnResult } from "./boltzmannLearn";
// Landscape analysis of small networks (enumerated states).
export { hammingDistance } from "./hammingDistance";
export { mirrorPattern } from "./mirrorPattern";
export { singleFlipMinima } from "./singleFlipMinima";
export type { SingleFlipOptions } from "./singleFlipMinima";
export { classifyMinima } from "./classifyMinima";
export type { ClassifiedMinimum, MinimaClassification, MinimumKind } from "./classifyMinima";
export { barrierPath } from "./barrierPath";
export type { BarrierPath } from "./barrierPath";
