// Learning an energy from data: real digits, 2D toy data, and a small learnable 2D energy.

// The 8 x 8 handwritten digits (UCI, via scikit-learn), read offline.
export { digits } from "./digits";
export type { Digits, DigitsOptions } from "./digits";
// Seeded 2D toy data.
export { gaussianMixture2d } from "./gaussianMixture";
export type { GaussianMixture2d, GaussianMixtureOptions } from "./gaussianMixture";
export { twoMoons } from "./twoMoons";
export type { TwoMoons, TwoMoonsOptions } from "./twoMoons";
// E(x; theta) = sum_k a_k softplus(u_k . x + c_k) + alpha |x|^2 / 2.
export { neuralEnergy } from "./neuralEnergy";
export type { NeuralEnergy, NeuralEnergyOptions } from "./neuralEnergy";
// Training it: contrastive with Langevin negatives, and denoising score matching.
export { contrastiveTrain } from "./contrastive";
export type { ContrastiveOptions, ContrastiveRecord, ContrastiveResult } from "./contrastive";
export { scoreMatchingTrain } from "./scoreMatching";
export type { ScoreMatchingOptions, ScoreMatchingRecord, ScoreMatchingResult } from "./scoreMatching";
// One line of progress per stage, for any trainer's onEpoch.
export { trainingLog } from "./trainingLog";
export type { TrainingLogOptions } from "./trainingLog";
