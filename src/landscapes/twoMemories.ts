import type { Point } from "../types";
import { checkFinite, checkPositive, readOptions } from "../validate";
import { makeLandscape, type LandscapeEnergy } from "./makeLandscape";
import { criticalPoints1D } from "./stationaryPoints";

/** Options of {@link twoMemories}: a Gaussian well for each memory, and a confining bowl. */
export interface TwoMemoriesOptions {
  /** Centre of memory A's well (must be left of memory B's). @default -1.5 */
  centerA?: number;
  /** Width (standard deviation) of memory A's well: A is the narrow memory by default. @default 0.35 */
  widthA?: number;
  /** Depth of memory A's well. @default 1 */
  depthA?: number;
  /** Centre of memory B's well. @default 1 */
  centerB?: number;
  /** Width of memory B's well: B is the wide memory by default. @default 1 */
  widthB?: number;
  /** Depth of memory B's well. @default 1 */
  depthB?: number;
  /** Curvature of the gentle bowl that keeps the state from wandering off. @default 0.1 */
  confinement?: number;
}

/** The two-memories landscape, with where its two basins meet. */
export interface TwoMemoriesEnergy extends LandscapeEnergy {
  /** x of the energy maximum between the memories: states left of it recall A, right of it B. */
  readonly basinBoundary: number;
  /** E at the basin boundary (the top of the barrier between the memories). */
  readonly barrierEnergy: number;
  withParameters(changes: Readonly<Record<string, number>>): TwoMemoriesEnergy;
}

const DEFAULTS: Readonly<Required<TwoMemoriesOptions>> = {
  centerA: -1.5,
  widthA: 0.35,
  depthA: 1,
  centerB: 1,
  widthB: 1,
  depthB: 1,
  confinement: 0.1,
};

/** The grid used to bracket the stationary points must not be larger than this. */
const MAX_CELLS = 1_000_000;

/**
 * An energy storing two memories as two low points with basins of different widths: the
 * landscape of the course's first figure (after the post's figure 1).
 *
 *   E(x) = confinement/2 x^2 - depthA exp(-(x - centerA)^2 / (2 widthA^2))
 *                            - depthB exp(-(x - centerB)^2 / (2 widthB^2)).
 *
 * The two minima ("memory A", left, and "memory B", right) and the barrier between them are
 * found at construction: sign changes of the exact E' on a fine grid (cell = min width / 20),
 * bisected to machine precision. `basinBoundary` is the barrier's x. Every stationary point lies
 * within |x| <= (depthA/widthA + depthB/widthB) e^(-1/2) / confinement of 0 and within 40 widths
 * of a centre (farther out the Gaussians underflow and only the bowl remains), so the search
 * interval covers them all. The plotting domain reaches three widths (or half the distance
 * between the memories) beyond each memory.
 *
 * @throws TypeError or RangeError for a bad option (widths, depths and confinement must be
 *   positive, centerA < centerB), and RangeError when the options do not make exactly two
 *   minima (wells too shallow or too close to stay apart).
 * @example
 * const memories = twoMemories();
 * memories.knownMinima.map((m) => m.label); // => ["memory A", "memory B"]
 * memories.basinBoundary;                   // left of 0: memory A's well is the narrow one
 * // => -0.6971 (to about 1e-4)
 */
export function twoMemories(options?: TwoMemoriesOptions): TwoMemoriesEnergy {
  const fn = "twoMemories";
  const merged = readOptions(fn, options, DEFAULTS as Required<TwoMemoriesOptions>);
  return buildTwoMemories(merged as unknown as Record<string, number>, fn, "options");
}

function buildTwoMemories(w: Readonly<Record<string, number>>, fn: string, prefix: string): TwoMemoriesEnergy {
  const centerA = checkFinite(fn, `${prefix}.centerA`, w.centerA);
  const widthA = checkPositive(fn, `${prefix}.widthA`, w.widthA);
  const depthA = checkPositive(fn, `${prefix}.depthA`, w.depthA);
  const centerB = checkFinite(fn, `${prefix}.centerB`, w.centerB);
  const widthB = checkPositive(fn, `${prefix}.widthB`, w.widthB);
  const depthB = checkPositive(fn, `${prefix}.depthB`, w.depthB);
  const confinement = checkPositive(fn, `${prefix}.confinement`, w.confinement);
  if (!(centerA < centerB)) {
    throw new RangeError(
      `${fn}: ${prefix}.centerA must be less than ${prefix}.centerB (memory A is the left one), got centerA = ${centerA} and centerB = ${centerB}`,
    );
  }
  const parameters = { centerA, widthA, depthA, centerB, widthB, depthB, confinement };
  const invA = 1 / (2 * widthA * widthA);
  const invB = 1 / (2 * widthB * widthB);

  const value = (x: Point): number => {
    const x0 = x[0];
    const da = x0 - centerA;
    const db = x0 - centerB;
    return 0.5 * confinement * x0 * x0 - depthA * Math.exp(-da * da * invA) - depthB * Math.exp(-db * db * invB);
  };
  const derivative = (x0: number): number => {
    const da = x0 - centerA;
    const db = x0 - centerB;
    return confinement * x0 + 2 * invA * depthA * da * Math.exp(-da * da * invA) + 2 * invB * depthB * db * Math.exp(-db * db * invB);
  };

  const reach = ((depthA / widthA + depthB / widthB) * Math.exp(-0.5)) / confinement;
  const maxWidth = Math.max(widthA, widthB);
  const lower = Math.max(-reach, Math.min(centerA - 40 * maxWidth, 0)) - 1;
  const upper = Math.min(reach, Math.max(centerB + 40 * maxWidth, 0)) + 1;
  const cells = Math.ceil((upper - lower) / (Math.min(widthA, widthB) / 20));
  if (cells > MAX_CELLS) {
    throw new RangeError(
      `${fn}: the widths ${widthA} and ${widthB} are too different for the span of the landscape (${lower} to ${upper}); ` +
        "bring them within a factor of about 1000 of each other",
    );
  }
  const stationary = criticalPoints1D(derivative, lower, upper, cells);
  const minima = stationary.filter((s) => s.kind === "minimum");
  if (minima.length !== 2) {
    throw new RangeError(
      `${fn}: these options make ${minima.length} minim${minima.length === 1 ? "um" : "a"}, not two ` +
        `(centerA ${centerA}, widthA ${widthA}, depthA ${depthA}, centerB ${centerB}, widthB ${widthB}, depthB ${depthB}, ` +
        `confinement ${confinement}); make the wells deeper, narrower or further apart, or the confinement weaker`,
    );
  }
  const barrier = stationary.find((s) => s.kind === "maximum" && s.x > minima[0].x && s.x < minima[1].x)!;
  const halfGap = (minima[1].x - minima[0].x) / 2;
  const domain = {
    lower: [Math.min(centerA, minima[0].x) - Math.max(3 * widthA, halfGap)],
    upper: [Math.max(centerB, minima[1].x) + Math.max(3 * widthB, halfGap)],
  };

  return makeLandscape<TwoMemoriesEnergy>(
    {
      name: "two memories",
      variables: ["x"],
      parameters,
      formula:
        "confinement / 2 * x^2 - depthA * exp(-(x - centerA)^2 / (2 * widthA^2)) - depthB * exp(-(x - centerB)^2 / (2 * widthB^2))",
      tex:
        "E(x) = \\frac{\\mathrm{confinement}}{2} x^{2} " +
        "- \\mathrm{depthA}\\, e^{-\\frac{(x - \\mathrm{centerA})^{2}}{2\\,\\mathrm{widthA}^{2}}} " +
        "- \\mathrm{depthB}\\, e^{-\\frac{(x - \\mathrm{centerB})^{2}}{2\\,\\mathrm{widthB}^{2}}}",
      knownMinima: [
        { x: [minima[0].x], energy: value([minima[0].x]), label: "memory A" },
        { x: [minima[1].x], energy: value([minima[1].x]), label: "memory B" },
      ],
      domain,
      recipe: { module: __filename, export: "twoMemories", args: [parameters] },
      value,
      gradient(x: Point, out: Float64Array): void {
        out[0] = derivative(x[0]);
      },
      rebuild: (p) => buildTwoMemories(p, "withParameters", "changes"),
    },
    { basinBoundary: barrier.x, barrierEnergy: value([barrier.x]) },
  );
}
