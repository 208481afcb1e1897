import type { KnownMinimum, Point } from "../types";
import { makeLandscape, type LandscapeEnergy } from "./makeLandscape";
import { descendToMinimum, newtonStationaryPoint } from "./stationaryPoints";

/** The Mueller-Brown potential, with its two saddle points (the transition states). */
export interface MuellerBrownEnergy extends LandscapeEnergy {
  /** The saddles between the minima, refined like the minima (shape of a KnownMinimum). */
  readonly saddlePoints: readonly KnownMinimum[];
}

/* Müller & Brown (1979), Theor. Chim. Acta 53, 75: the four terms of the potential. */
const A = [-200, -100, -170, 15];
const a = [-1, -1, -6.5, 0.7];
const b = [0, 0, 11, 0.6];
const c = [-10, -10, -6.5, 0.7];
const X0 = [1, 0, -0.5, -1];
const Y0 = [0, 0.5, 1.5, 1];

/* Starting points for the refinement: the literature's rounded values (see muellerBrown's doc). */
const MINIMA_STARTS = [
  { at: [-0.558, 1.442], label: "A" },
  { at: [0.623, 0.028], label: "B" },
  { at: [-0.05, 0.467], label: "C" },
];
const SADDLE_STARTS = [
  { at: [-0.822, 0.624], label: "A-C saddle" },
  { at: [0.212, 0.293], label: "C-B saddle" },
];

function value(x: Point): number {
  const x0 = x[0];
  const y0 = x[1];
  let e = 0;
  for (let k = 0; k < 4; k++) {
    const dx = x0 - X0[k];
    const dy = y0 - Y0[k];
    e += A[k] * Math.exp(a[k] * dx * dx + b[k] * dx * dy + c[k] * dy * dy);
  }
  return e;
}

function gradient(x: Point, out: Float64Array): void {
  const x0 = x[0];
  const y0 = x[1];
  let gx = 0;
  let gy = 0;
  for (let k = 0; k < 4; k++) {
    const dx = x0 - X0[k];
    const dy = y0 - Y0[k];
    const term = A[k] * Math.exp(a[k] * dx * dx + b[k] * dx * dy + c[k] * dy * dy);
    gx += term * (2 * a[k] * dx + b[k] * dy);
    gy += term * (b[k] * dx + 2 * c[k] * dy);
  }
  out[0] = gx;
  out[1] = gy;
}

/** Computed once: the potential has no parameters. */
let cached: MuellerBrownEnergy | undefined;

/**
 * The Mueller-Brown potential (Müller & Brown 1979, Theor. Chim. Acta 53, 75), the classic 2D
 * test landscape of chemistry: three minima joined by two saddles, on a curved path.
 *
 *   E(x, y) = sum_{k=1..4} A_k exp(a_k (x - x0_k)^2 + b_k (x - x0_k)(y - y0_k) + c_k (y - y0_k)^2)
 *
 * with A = (-200, -100, -170, 15), a = (-1, -1, -6.5, 0.7), b = (0, 0, 11, 0.6),
 * c = (-10, -10, -6.5, 0.7), x0 = (1, 0, -0.5, -1), y0 = (0, 0.5, 1.5, 1).
 *
 * Known minima, refined at construction by damped Newton on the exact gradient from the values
 * printed in the literature: A (-0.558, 1.442) E = -146.70, B (0.623, 0.028) E = -108.17,
 * C (-0.050, 0.467) E = -80.77. `saddlePoints`: (-0.822, 0.624) E = -40.66 between A and C, and
 * (0.212, 0.293) E = -72.25 between C and B. Plotting domain x in [-1.5, 1.2], y in [-0.5, 2].
 * The energies are large (hundreds): sample at beta around 0.01 to 0.1.
 *
 * Takes no options; every call returns the same frozen energy.
 *
 * @example
 * const mb = muellerBrown();
 * mb.knownMinima[0].energy;   // minimum A
 * // => -146.6995 (to about 1e-4)
 * mb.value([0, 0]);           // => -48.4013 (to about 1e-4)
 */
export function muellerBrown(): MuellerBrownEnergy {
  if (cached !== undefined) return cached;
  const minima = MINIMA_STARTS.map((s) => {
    const found = descendToMinimum(value, gradient, s.at);
    return { x: found.x, energy: found.energy, label: s.label };
  });
  const saddles = SADDLE_STARTS.map((s) => {
    const x = newtonStationaryPoint(gradient, s.at);
    return Object.freeze({ x: Object.freeze(x), energy: value(x), label: s.label });
  });
  const energy: MuellerBrownEnergy = makeLandscape<MuellerBrownEnergy>(
    {
      name: "Mueller-Brown",
      variables: ["x", "y"],
      parameters: {},
      formula:
        "-200 * exp(-(x - 1)^2 - 10 * y^2)" +
        " - 100 * exp(-x^2 - 10 * (y - 0.5)^2)" +
        " - 170 * exp(-6.5 * (x + 0.5)^2 + 11 * (x + 0.5) * (y - 1.5) - 6.5 * (y - 1.5)^2)" +
        " + 15 * exp(0.7 * (x + 1)^2 + 0.6 * (x + 1) * (y - 1) + 0.7 * (y - 1)^2)",
      tex:
        "E(x, y) = \\sum_{k=1}^{4} A_k \\exp\\left(a_k (x - x_k)^{2} + b_k (x - x_k)(y - y_k) + c_k (y - y_k)^{2}\\right)",
      knownMinima: minima,
      domain: { lower: [-1.5, -0.5], upper: [1.2, 2] },
      recipe: { module: __filename, export: "muellerBrown", args: [] },
      value,
      gradient,
      rebuild: () => energy,
    },
    { saddlePoints: Object.freeze(saddles) },
  );
  cached = energy;
  return energy;
}
