// The catalogue of landscapes the course uses: exact value and gradient, formula, known minima.
export type { LandscapeEnergy } from "./makeLandscape";
// 1D
export { doubleWell } from "./doubleWell";
export type { DoubleWellOptions } from "./doubleWell";
export { tiltedDoubleWell } from "./tiltedDoubleWell";
export type { TiltedDoubleWellOptions } from "./tiltedDoubleWell";
export { twoMemories } from "./twoMemories";
export type { TwoMemoriesOptions, TwoMemoriesEnergy } from "./twoMemories";
export { ruggedWell } from "./ruggedWell";
export type { RuggedWellOptions } from "./ruggedWell";
// 2D
export { quadraticBowl } from "./quadraticBowl";
export type { QuadraticBowlOptions } from "./quadraticBowl";
export { lilyPad } from "./lilyPad";
export type { Dimple, LilyPadOptions, LilyPadEnergy } from "./lilyPad";
export { muellerBrown } from "./muellerBrown";
export type { MuellerBrownEnergy } from "./muellerBrown";
// The menu.
export { landscapeCatalogue } from "./catalogue";
export type { LandscapeEntry } from "./catalogue";
