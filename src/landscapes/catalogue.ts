import { doubleWell } from "./doubleWell";
import { lilyPad } from "./lilyPad";
import type { LandscapeEnergy } from "./makeLandscape";
import { muellerBrown } from "./muellerBrown";
import { quadraticBowl } from "./quadraticBowl";
import { ruggedWell } from "./ruggedWell";
import { tiltedDoubleWell } from "./tiltedDoubleWell";
import { twoMemories } from "./twoMemories";

/** One entry of the catalogue's menu. */
export interface LandscapeEntry {
  /** The constructor's name, also the key: "doubleWell". */
  readonly id: string;
  /** A short title for menus and figures: "double well". */
  readonly title: string;
  /** 1 or 2. */
  readonly dimension: number;
  /** One line on what the landscape shows. */
  readonly description: string;
  /** Builds it with its default options. */
  readonly create: () => LandscapeEnergy;
}

/**
 * The catalogue of landscapes, keyed by constructor name, for the notebooks' menu. Each entry's
 * `create()` builds the landscape with its defaults; call the constructor itself to change them.
 *
 * @example
 * Object.keys(landscapeCatalogue).slice(0, 3);   // => ["doubleWell", "tiltedDoubleWell", "twoMemories"]
 * Object.keys(landscapeCatalogue).length;         // => 7
 * landscapeCatalogue.lilyPad.create().dimension; // => 2
 */
export const landscapeCatalogue = Object.freeze({
  doubleWell: entry("doubleWell", "double well", 1, "Two equal memories at -1 and +1, separated by a barrier at 0.", doubleWell),
  tiltedDoubleWell: entry(
    "tiltedDoubleWell",
    "tilted double well",
    1,
    "A double well with a slope: one memory is deeper; minima from the cubic's exact roots.",
    tiltedDoubleWell,
  ),
  twoMemories: entry(
    "twoMemories",
    "two memories",
    1,
    "Two memories with basins of different widths, and the boundary between the basins.",
    twoMemories,
  ),
  ruggedWell: entry("ruggedWell", "rugged well", 1, "A bowl with ripples: many local minima where descent gets stuck.", ruggedWell),
  quadraticBowl: entry("quadraticBowl", "quadratic bowl", 2, "One memory at the bottom of a (possibly elongated) bowl; Gaussian Gibbs law.", quadraticBowl),
  lilyPad: entry("lilyPad", "lily pad", 2, "The toad's pad: a gentle bowl with dimples pressed in, each a memory.", lilyPad),
  muellerBrown: entry("muellerBrown", "Mueller-Brown", 2, "The chemists' test surface: three minima joined by two saddles.", muellerBrown),
});

function entry(id: string, title: string, dimension: number, description: string, create: () => LandscapeEnergy): LandscapeEntry {
  return Object.freeze({ id, title, dimension, description, create: () => create() });
}
