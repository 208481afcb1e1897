import type { Point } from "../types";
import { checkPositive, readOptions } from "../validate";
import { makeLandscape, type LandscapeEnergy } from "./makeLandscape";
import { criticalPoints1D } from "./stationaryPoints";

/** Options of {@link ruggedWell}. */
export interface RuggedWellOptions {
  /** Curvature of the overall bowl. @default 0.5 */
  curvature?: number;
  /** Height of the ripples. @default 1 */
  amplitude?: number;
  /** Angular frequency of the ripples: local minima sit near k pi / frequency. @default 2 */
  frequency?: number;
}

/** The grid used to bracket the stationary points must not be larger than this. */
const MAX_CELLS = 1_000_000;
/** Grid cells per half period of the ripples. */
const CELLS_PER_RIPPLE = 64;

/**
 * A bowl with ripples: several local minima, where plain descent gets stuck and noise helps.
 *
 *   E(x) = curvature/2 x^2 + amplitude sin^2(frequency x),
 *   E'(x) = curvature x + amplitude frequency sin(2 frequency x).
 *
 * The global minimum is x = 0; local minima sit near x = k pi / frequency, as long as the bowl's
 * slope curvature |x| stays below the ripples' largest slope amplitude frequency. All of them are
 * found at construction: every stationary point has |x| <= amplitude frequency / curvature, which
 * is sampled with 64 cells per ripple (pi / frequency) and each sign change of E' is bisected to
 * machine precision. Minima are labelled "well k" (k = round(x frequency / pi)).
 * The plotting domain reaches one ripple beyond the outermost minima.
 *
 * @throws TypeError or RangeError when an option is not a positive finite number, and
 *   RangeError when amplitude frequency^2 / curvature is so large that the minima would number
 *   in the tens of thousands.
 * @example
 * const rugged = ruggedWell();
 * rugged.knownMinima.map((m) => m.label); // => ["well -2", "well -1", "well 0", "well 1", "well 2"]
 * rugged.value([0]);                      // => 0
 */
export function ruggedWell(options?: RuggedWellOptions): LandscapeEnergy {
  const fn = "ruggedWell";
  const opts = readOptions(fn, options, { curvature: 0.5, amplitude: 1, frequency: 2 });
  return buildRuggedWell(opts, fn, "options");
}

function buildRuggedWell(w: Readonly<Record<string, number>>, fn: string, prefix: string): LandscapeEnergy {
  const curvature = checkPositive(fn, `${prefix}.curvature`, w.curvature);
  const amplitude = checkPositive(fn, `${prefix}.amplitude`, w.amplitude);
  const frequency = checkPositive(fn, `${prefix}.frequency`, w.frequency);
  const reach = (amplitude * frequency) / curvature;
  const ripple = Math.PI / frequency;
  const cells = Math.ceil(((2 * reach) / ripple + 2) * CELLS_PER_RIPPLE);
  if (cells > MAX_CELLS) {
    throw new RangeError(
      `${fn}: amplitude * frequency^2 / curvature must be at most about ${Math.floor((MAX_CELLS / CELLS_PER_RIPPLE) * Math.PI / 2)}, ` +
        `got ${(amplitude * frequency * frequency) / curvature} (too many minima to list)`,
    );
  }
  const halfCurvature = 0.5 * curvature;
  const slope = amplitude * frequency;
  const value = (x: Point): number => {
    const x0 = x[0];
    const s = Math.sin(frequency * x0);
    return halfCurvature * x0 * x0 + amplitude * s * s;
  };
  const derivative = (x0: number): number => curvature * x0 + slope * Math.sin(2 * frequency * x0);
  const minima = criticalPoints1D(derivative, -reach - ripple, reach + ripple, cells).filter((s) => s.kind === "minimum");
  const outermost = Math.max(...minima.map((m) => Math.abs(m.x)));
  return makeLandscape({
    name: "rugged well",
    variables: ["x"],
    parameters: { curvature, amplitude, frequency },
    formula: "curvature / 2 * x^2 + amplitude * sin(frequency * x)^2",
    tex: "E(x) = \\frac{\\mathrm{curvature}}{2} x^{2} + \\mathrm{amplitude}\\,\\sin^{2}(\\mathrm{frequency}\\, x)",
    knownMinima: minima.map((m) => ({ x: [m.x], energy: value([m.x]), label: `well ${Math.round(m.x / ripple)}` })),
    domain: { lower: [-outermost - ripple], upper: [outermost + ripple] },
    recipe: { module: __filename, export: "ruggedWell", args: [{ curvature, amplitude, frequency }] },
    value,
    gradient(x: Point, out: Float64Array): void {
      out[0] = derivative(x[0]);
    },
    rebuild: (p) => buildRuggedWell(p, "withParameters", "changes"),
  });
}
