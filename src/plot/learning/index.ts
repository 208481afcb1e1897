// Figures for learning an energy from data, one per file. Like every builder in src/plot they
// draw what the library computed (contrastiveTrain, scoreMatchingTrain, rbmTrain, rbmComplete,
// rbmSample): they compute no physics. Images are read row-major from the top-left pixel;
// "ink" images run from 0 (white) to 1 (black), signed ones (weights) blue-white-red about 0.

// A learned 2D energy with the data and the model's samples (one set, or a slider over epochs).
export { learnedEnergyFigure } from "./learnedEnergyFigure";
export type { LearnedEnergyOptions, SamplesSnapshot } from "./learnedEnergyFigure";
// Images as small multiples (data, samples, reconstructions).
export { imageGridFigure } from "./imageGridFigure";
export type { ImageGridOptions } from "./imageGridFigure";
// What each hidden unit of an RBM looks for.
export { receptiveFieldFigure } from "./receptiveFieldFigure";
export type { ReceptiveFieldOptions } from "./receptiveFieldFigure";
// Pattern completion: original, shown, filled in.
export { completionFigure } from "./completionFigure";
export type { CompletionFigureOptions } from "./completionFigure";
// Learning curves.
export { trainingFigure } from "./trainingFigure";
export type { TrainingFigureOptions } from "./trainingFigure";
