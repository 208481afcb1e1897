// Figures for Hopfield networks and Boltzmann machines, one per file. Like every builder in
// src/plot they draw what the library computed (hopfieldRecall, hopfieldCapacity,
// boltzmannExact, boltzmannGibbsSample, classifyMinima, barrierPath): they compute no physics.
// States are +-1 vectors; an image is read row-major from its top-left pixel, +1 black and -1
// white; the index of a state is stateIndex(s) = sum_i [s_i = +1] 2^i.

// Patterns as small images.
export { patternFigure } from "./patternFigure";
export type { PatternFigureOptions } from "./patternFigure";
// Recall as an animation, and the energy along recall (the descent view).
export { recallFigure } from "./recallFigure";
export type { RecallFigureOptions } from "./recallFigure";
export { recallEnergyFigure } from "./recallEnergyFigure";
export type { RecallEnergyLevel, RecallEnergyOptions } from "./recallEnergyFigure";
// The storage-capacity curve.
export { capacityFigure } from "./capacityFigure";
export type { CapacityFigureOptions } from "./capacityFigure";
// Boltzmann samples against the exact distribution, paired by beta.
export { boltzmannFigure } from "./boltzmannFigure";
export type { BoltzmannFigureOptions } from "./boltzmannFigure";
// Every state of a small network: minima, mirrors, spurious states, a barrier path.
export { networkLandscapeFigure } from "./networkLandscapeFigure";
export type { NetworkLandscapeOptions } from "./networkLandscapeFigure";
