// Figures: pure plotly data builders, and show() which displays one in the kernel.

// The figure type: plotly data and layout, with a title and alt text on every figure.
export type { Figure, FigureKind, FigureMeta, FigureLayout, FigureFrame, FigureConfig, PlotTrace } from "./figure";

// Landscapes: 1D curve with minima and basins, 2D topographic map, 2D surface.
export { landscapeFigure, landscapeContour, landscapeSurface } from "./landscape";
export type { LandscapeOptions, Landscape2DOptions, BasinShade } from "./landscape";
export type { MinimumMarker } from "./checks";
export type { LandscapeGridOptions } from "./grid";

// Descent: paths over the landscape with the energy-versus-step view, and the animation.
export { descentFigure, descentAnimation } from "./descent";
export type { DescentFigureOptions, DescentAnimationOptions } from "./descent";

// The Gibbs distribution: small multiples, beta slider, approach to zero temperature.
export { gibbsFigure, gibbsSliderFigure } from "./gibbs";
export type { GibbsFigureOptions, GibbsSliderOptions } from "./gibbs";
export { zeroTemperatureFigure } from "./zeroTemperature";
export type { ZeroTemperatureOptions } from "./zeroTemperature";

// Basins of attraction as a map.
export { basinMapFigure } from "./basins";
export type { BasinMapInput, BasinMapFigureOptions } from "./basins";

// Samplers: chain traces and acceptance rates.
export { traceFigure, acceptanceFigure } from "./sampler";
export type { TraceFigureOptions, AcceptanceFigureOptions, AcceptanceEntry } from "./sampler";

// Display: the bundle (plotly JSON + self-contained HTML + text) and show().
export { show, figureBundle } from "./show";
export type { FigureBundle } from "./show";

// Hopfield networks and Boltzmann machines: patterns, recall, capacity, Boltzmann samples, landscapes.
export {
  patternFigure,
  recallFigure,
  recallEnergyFigure,
  capacityFigure,
  boltzmannFigure,
  networkLandscapeFigure,
} from "./hopfield";
export type {
  PatternFigureOptions,
  RecallFigureOptions,
  RecallEnergyLevel,
  RecallEnergyOptions,
  CapacityFigureOptions,
  BoltzmannFigureOptions,
  NetworkLandscapeOptions,
} from "./hopfield";

// Learning an energy from data: the learned map (with the samples across training), images,
// receptive fields, completion, learning curves.
export {
  learnedEnergyFigure,
  imageGridFigure,
  receptiveFieldFigure,
  completionFigure,
  trainingFigure,
} from "./learning";
export type {
  LearnedEnergyOptions,
  SamplesSnapshot,
  ImageGridOptions,
  ReceptiveFieldOptions,
  CompletionFigureOptions,
  TrainingFigureOptions,
} from "./learning";
