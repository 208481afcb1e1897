// Figures: pure plotly data builders, and show() which displays one in the kernel.

// The figure type and its kinds.
export { FIGURE_KINDS } from "./figure";
export type { Figure, FigureKind, FigureMeta, FigureLayout, FigureFrame, FigureConfig, PlotTrace } from "./figure";

// The house style: palette, layout, axis titles, and makeFigure (title + meta on every figure).
export {
  PALETTE,
  PALETTE_NAMES,
  INK,
  UNASSIGNED_COLOR,
  SEQUENTIAL_SCALE,
  FONT_FAMILY,
  FONT_SIZES,
  FIGURE_HEIGHT,
  paletteColor,
  paletteColorName,
  sequentialColor,
  baseLayout,
  baseConfig,
  axisTitles,
  betaLabel,
  makeFigure,
} from "./style";
export type { FigureParts } from "./style";

// Layout helpers: small multiples, downsampling.
export { subplotGrid } from "./subplots";
export type { SubplotPanel } from "./subplots";
export { downsample, downsampleIndices } from "./downsample";

// Landscapes: 1D curve with minima and basins, 2D topographic map, 2D surface.
export { landscapeFigure, landscapeContour, landscapeSurface } from "./landscape";
export type { LandscapeOptions, Landscape2DOptions, BasinInterval } from "./landscape";
export type { MinimumMarker } from "./checks";
export type { LandscapeGridOptions } from "./grid";

// Descent: paths over the landscape with the energy-versus-step view, and the animation.
export { descentFigure, descentAnimation, energyIncreases } from "./descent";
export type { DescentFigureOptions, DescentAnimationOptions } from "./descent";

// The Gibbs distribution: small multiples, beta slider, approach to zero temperature.
export { gibbsFigure, gibbsSliderFigure, zeroTemperatureFigure } from "./gibbs";
export type { GibbsFigureOptions, GibbsSliderOptions, ZeroTemperatureOptions } from "./gibbs";

// Basins of attraction as a map.
export { basinMapFigure, basinColorscale } from "./basins";
export type { BasinMapInput, BasinMapFigureOptions } from "./basins";

// Samplers: chain traces and acceptance rates.
export { traceFigure, acceptanceFigure } from "./sampler";
export type { TraceFigureOptions, AcceptanceFigureOptions, AcceptanceEntry } from "./sampler";

// Display: the bundle (plotly JSON + self-contained HTML + text) and show().
export { show, figureBundle, figureSize, PLOTLY_MIMETYPE } from "./show";
export type { FigureBundle } from "./show";

// Hopfield networks and Boltzmann machines.
export * from "./hopfieldFigures";
