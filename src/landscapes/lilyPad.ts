import type { KnownMinimum, Point } from "../types";
import { checkFinite, checkPositive, message, readOptions } from "../validate";
import { makeLandscape, type LandscapeEnergy } from "./makeLandscape";
import { descendToMinimum } from "./stationaryPoints";

/** A dimple pressed into the pad: a Gaussian dip centred at (x, y). */
export interface Dimple {
  /** Where it is pressed. */
  readonly x: number;
  readonly y: number;
  /** How deep it is pressed. @default 1 */
  readonly depth?: number;
  /** Its radius (standard deviation of the Gaussian). @default 0.4 */
  readonly width?: number;
}

/** Options of {@link lilyPad}. */
export interface LilyPadOptions {
  /** The dimples, each a memory. @default [{ x: 1, y: 0.5, depth: 1, width: 0.4 }] */
  dimples?: readonly Dimple[];
  /** Curvature of the pad's gentle bowl. @default 0.2 */
  curvature?: number;
}

/** The lily pad, with its dimples and a way to press one more. */
export interface LilyPadEnergy extends LandscapeEnergy {
  /** The dimples, with depth and width filled in. */
  readonly dimples: readonly Required<Dimple>[];
  readonly curvature: number;
  /** A new pad with one more dimple pressed (this one is unchanged). */
  withDimple(dimple: Dimple): LilyPadEnergy;
  withParameters(changes: Readonly<Record<string, number>>): LilyPadEnergy;
}

const DEFAULT_DEPTH = 1;
const DEFAULT_WIDTH = 0.4;
const DEFAULT_DIMPLES: readonly Dimple[] = [{ x: 1, y: 0.5, depth: 1, width: 0.4 }];

function checkDimple(fn: string, arg: string, value: unknown): Required<Dimple> {
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw new TypeError(message(fn, arg, "a dimple { x, y, depth?, width? }", value));
  }
  const d = readOptions<Dimple>(fn, value, { x: undefined as unknown as number, y: undefined as unknown as number, depth: DEFAULT_DEPTH, width: DEFAULT_WIDTH }, arg);
  return {
    x: checkFinite(fn, `${arg}.x`, d.x),
    y: checkFinite(fn, `${arg}.y`, d.y),
    depth: checkPositive(fn, `${arg}.depth`, d.depth),
    width: checkPositive(fn, `${arg}.width`, d.width),
  };
}

/**
 * The toad's lily pad (the post's bonus story): a gentle bowl with Gaussian dimples pressed
 * into it, each dimple a memory that a raindrop falling nearby runs down into.
 *
 *   E(x, y) = curvature/2 (x^2 + y^2) - sum_i depth_i exp(-((x - cx_i)^2 + (y - cy_i)^2) / (2 width_i^2)).
 *
 * Parameters are named per dimple, numbered from 1: cx1, cy1, depth1, width1, cx2, ...
 * Known minima are found at construction by descending (damped Newton on the exact gradient)
 * from each dimple's centre and from the pad's centre; a start that ends at an already found
 * minimum adds nothing, so a dimple too shallow to hold a drop on the slope has no minimum of
 * its own. A minimum within two widths of a dimple is labelled "dimple i" (i from 1), any other
 * "pad centre" (the bowl's own bottom, when it remains a separate minimum). These are the minima
 * reachable from those starts; with strongly overlapping dimples further minima may exist
 * between them. The plotting domain is a square
 * reaching at least 2.5 from the centre and three widths beyond every dimple.
 *
 * @throws TypeError or RangeError for a bad dimple (x, y finite; depth, width positive) or a
 *   curvature that is not positive.
 * @example
 * const pad = lilyPad({ dimples: [{ x: 1, y: 0 }] });
 * pad.knownMinima.map((m) => m.label);         // the whole pad drains into the dimple
 * // => ["dimple 1"]
 * const pressed = pad.withDimple({ x: -1, y: 1, depth: 2 });
 * pressed.knownMinima.map((m) => m.label);     // => ["dimple 1", "dimple 2"]
 */
export function lilyPad(options?: LilyPadOptions): LilyPadEnergy {
  const fn = "lilyPad";
  const opts = readOptions<Required<LilyPadOptions>>(fn, options, { dimples: DEFAULT_DIMPLES, curvature: 0.2 });
  const dimples = opts.dimples;
  if (!Array.isArray(dimples)) throw new TypeError(message(fn, "options.dimples", "an array of dimples { x, y, depth?, width? }", dimples));
  const checked = dimples.map((d, i) => checkDimple(fn, `options.dimples[${i}]`, d));
  return buildLilyPad(checkPositive(fn, "options.curvature", opts.curvature), checked);
}

/** The flat parameter record of a pad: curvature, then cx1, cy1, depth1, width1, cx2, ... */
function flatParameters(curvature: number, dimples: readonly Required<Dimple>[]): Record<string, number> {
  const p: Record<string, number> = { curvature };
  dimples.forEach((d, i) => {
    p[`cx${i + 1}`] = d.x;
    p[`cy${i + 1}`] = d.y;
    p[`depth${i + 1}`] = d.depth;
    p[`width${i + 1}`] = d.width;
  });
  return p;
}

/**
 * "dimple i" for a minimum within two widths of dimple i's centre (the closest in widths),
 * otherwise "pad centre".
 */
function labelOf(x: readonly number[], dimples: readonly Required<Dimple>[]): string {
  let best = "pad centre";
  let closest = 2;
  dimples.forEach((d, i) => {
    const distance = Math.hypot(x[0] - d.x, x[1] - d.y) / d.width;
    if (distance <= closest) {
      closest = distance;
      best = `dimple ${i + 1}`;
    }
  });
  return best;
}

function buildLilyPad(curvature: number, dimpleList: readonly Required<Dimple>[]): LilyPadEnergy {
  const dimples = Object.freeze(dimpleList.map((d) => Object.freeze({ ...d })));
  const count = dimples.length;
  const cx = Float64Array.from(dimples, (d) => d.x);
  const cy = Float64Array.from(dimples, (d) => d.y);
  const depth = Float64Array.from(dimples, (d) => d.depth);
  const inv = Float64Array.from(dimples, (d) => 1 / (2 * d.width * d.width));
  const halfCurvature = 0.5 * curvature;

  const value = (x: Point): number => {
    const x0 = x[0];
    const y0 = x[1];
    let e = halfCurvature * (x0 * x0 + y0 * y0);
    for (let i = 0; i < count; i++) {
      const dx = x0 - cx[i];
      const dy = y0 - cy[i];
      e -= depth[i] * Math.exp(-(dx * dx + dy * dy) * inv[i]);
    }
    return e;
  };
  const gradient = (x: Point, out: Float64Array): void => {
    const x0 = x[0];
    const y0 = x[1];
    let gx = curvature * x0;
    let gy = curvature * y0;
    for (let i = 0; i < count; i++) {
      const dx = x0 - cx[i];
      const dy = y0 - cy[i];
      const pull = 2 * inv[i] * depth[i] * Math.exp(-(dx * dx + dy * dy) * inv[i]);
      gx += pull * dx;
      gy += pull * dy;
    }
    out[0] = gx;
    out[1] = gy;
  };

  const knownMinima: KnownMinimum[] = [];
  for (const start of [...dimples.map((d) => [d.x, d.y]), [0, 0]]) {
    const found = descendToMinimum(value, gradient, start);
    const isNew = knownMinima.every((m) => Math.hypot(m.x[0] - found.x[0], m.x[1] - found.x[1]) > 1e-6);
    if (found.isMinimum && isNew) knownMinima.push({ x: found.x, energy: found.energy, label: labelOf(found.x, dimples) });
  }

  const reach = Math.max(2.5, ...dimples.map((d) => Math.max(Math.abs(d.x), Math.abs(d.y)) + 3 * d.width));
  const terms = dimples.map(
    (_, i) => ` - depth${i + 1} * exp(-((x - cx${i + 1})^2 + (y - cy${i + 1})^2) / (2 * width${i + 1}^2))`,
  );
  const texTerms = count === 0 ? "" : " - \\sum_{i} d_i\\, e^{-\\frac{(x - x_i)^{2} + (y - y_i)^{2}}{2 w_i^{2}}}";
  const parameters = flatParameters(curvature, dimples);

  const pad: LilyPadEnergy = makeLandscape<LilyPadEnergy>(
    {
      name: "lily pad",
      variables: ["x", "y"],
      parameters,
      formula: `curvature / 2 * (x^2 + y^2)${terms.join("")}`,
      tex: `E(x, y) = \\frac{\\mathrm{curvature}}{2}\\left(x^{2} + y^{2}\\right)${texTerms}`,
      knownMinima,
      domain: { lower: [-reach, -reach], upper: [reach, reach] },
      recipe: { module: __filename, export: "lilyPad", args: [{ curvature, dimples: dimples.map((d) => ({ ...d })) }] },
      value,
      gradient,
      rebuild: (p) => {
        const fn = "withParameters";
        const next = dimples.map((_, i) => ({
          x: p[`cx${i + 1}`],
          y: p[`cy${i + 1}`],
          depth: checkPositive(fn, `changes.depth${i + 1}`, p[`depth${i + 1}`]),
          width: checkPositive(fn, `changes.width${i + 1}`, p[`width${i + 1}`]),
        }));
        return buildLilyPad(checkPositive(fn, "changes.curvature", p.curvature), next);
      },
    },
    {
      dimples,
      curvature,
      withDimple(dimple: Dimple): LilyPadEnergy {
        return buildLilyPad(curvature, [...dimples, checkDimple("withDimple", "dimple", dimple)]);
      },
    },
  );
  return pad;
}
