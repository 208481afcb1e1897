/**
 * What a pressed lily pad looks like to the check of workbook 04's first exercise: the learner
 * returns a new energy (pad + dimple), and instead of comparing numbers with one right answer
 * (any depth, width or shape of dimple will do), the check sorts the answer into one verdict
 * class: right, or one of the common mistakes. Two answers "agree" when they fall in the same
 * class, which is how the engine matches a learner's answer with a mistake's.
 *
 * The tests, on a probe grid of step 0.05 over [-3, 3]^2 (the pad's plotting box):
 * - a local minimum near the target: inside the disk of radius {@link DIMPLE_TOLERANCE} around
 *   it, some point (grid of step 0.01) lies lower than every point of its rim (720 points): a
 *   continuous function then has a local minimum inside. 0.15 is under half the dimple width the
 *   course uses (0.35); a Gaussian dimple of depth 1 and width 0.35 sits 0.07 from its centre,
 *   pushed in by the bowl (shift about c a w^2 / d for a bowl of curvature c, at distance a).
 * - the rest nearly unchanged: at every probe at least {@link FAR_DISTANCE} from the target,
 *   |new - pad| <= {@link FAR_CHANGE} (2% of the Saturday dimple's depth, 1.2). A Gaussian of
 *   depth 1 and width 0.35 changes the pad there by 1e-4, one of width 0.55 by 0.024.
 */
import type { Energy } from "../../types";

/** The verdict classes of a pressed pad, right first. */
export type DimpleClass = "right" | "not an energy" | "no pad" | "bump" | "wrong place" | "too wide" | "no minimum";

/** Radius around the target where the new minimum must lie. */
export const DIMPLE_TOLERANCE = 0.15;
/** Distance from the target beyond which the pad must be nearly unchanged. */
export const FAR_DISTANCE = 1.5;
/** The largest change allowed there. */
export const FAR_CHANGE = 0.02;

/** A learner's energy: a function of a point [x, y]. */
type PointEnergy = (p: number[]) => number;

/** The probe grid: step 0.05 over [-3, 3]^2 (121 x 121 points). */
function probes(): number[][] {
  const points: number[][] = [];
  for (let i = 0; i <= 120; i++) for (let j = 0; j <= 120; j++) points.push([-3 + 0.05 * i, -3 + 0.05 * j]);
  return points;
}
const PROBES = probes();

/** Calls the learner's energy, turning a throw into NaN. */
function evaluate(energy: PointEnergy, p: number[]): number {
  try {
    const v = energy([p[0], p[1]]);
    return typeof v === "number" ? v : Number.NaN;
  } catch {
    return Number.NaN;
  }
}

/** True when some point inside the disk around `at` lies lower than its whole rim. */
export function hasMinimumNear(energy: PointEnergy, at: readonly number[], radius = DIMPLE_TOLERANCE): boolean {
  let rim = Infinity;
  for (let k = 0; k < 720; k++) {
    const t = (2 * Math.PI * k) / 720;
    rim = Math.min(rim, evaluate(energy, [at[0] + radius * Math.cos(t), at[1] + radius * Math.sin(t)]));
  }
  const steps = Math.round(radius / 0.01);
  let inside = Infinity;
  for (let i = -steps; i <= steps; i++) {
    for (let j = -steps; j <= steps; j++) {
      const dx = 0.01 * i;
      const dy = 0.01 * j;
      if (Math.hypot(dx, dy) >= radius - 0.005) continue;
      inside = Math.min(inside, evaluate(energy, [at[0] + dx, at[1] + dy]));
    }
  }
  return inside < rim;
}

/**
 * The class of a learner's pressed pad, checked in this order: not a function or not finite on
 * the probes; "no pad" (the answer is flat, |E| <= 0.05, far from the target: the dimple alone);
 * "bump" (raised at the target); "wrong place" (the deepest change lies more than 0.2 from the
 * target); "too wide" (changes the pad by more than 0.02 beyond 1.5 from the target);
 * "no minimum" (no local minimum within 0.15 of the target); otherwise "right".
 */
export function classifyDimple(answer: unknown, pad: Energy, at: readonly number[]): DimpleClass {
  if (typeof answer !== "function") return "not an energy";
  const energy = answer as PointEnergy;
  let flatFar = true;
  let farChange = 0;
  let deepest = Infinity;
  let deepestAt: number[] = [at[0], at[1]];
  for (const p of PROBES) {
    const value = evaluate(energy, p);
    if (!Number.isFinite(value)) return "not an energy";
    const change = value - pad.value(p);
    const far = Math.hypot(p[0] - at[0], p[1] - at[1]) >= FAR_DISTANCE;
    if (far) {
      if (Math.abs(value) > 0.05) flatFar = false;
      farChange = Math.max(farChange, Math.abs(change));
    }
    if (change < deepest) {
      deepest = change;
      deepestAt = p;
    }
  }
  const atValue = evaluate(energy, [at[0], at[1]]);
  if (!Number.isFinite(atValue)) return "not an energy";
  if (flatFar) return "no pad";
  const atChange = atValue - pad.value(at);
  if (atChange > 0) return "bump";
  if (deepest < atChange - 1e-9 && Math.hypot(deepestAt[0] - at[0], deepestAt[1] - at[1]) > 0.2) return "wrong place";
  if (farChange > FAR_CHANGE) return "too wide";
  if (!hasMinimumNear(energy, at)) return "no minimum";
  return "right";
}

/** What a class means, as the verdict shows it ("expected" and "got"). */
export function describeDimple(kind: DimpleClass, at: readonly number[]): string {
  const target = `(${at.map((v) => Number(v.toFixed(2))).join(", ")})`;
  switch (kind) {
    case "right":
      return `a low point within 0.15 of ${target}, the pad unchanged beyond 1.5`;
    case "not an energy":
      return "not an energy: return a function of p = [x, y] giving finite numbers";
    case "no pad":
      return "the dimple alone: flat far from the target, the pad is missing";
    case "bump":
      return `a bump: higher than the pad at ${target}`;
    case "wrong place":
      return `the deepest change is more than 0.2 from ${target}`;
    case "too wide":
      return "the pad changed by more than 0.02 farther than 1.5 from the target";
    case "no minimum":
      return `no low point within 0.15 of ${target}: a drop there rolls away`;
  }
}

/** A Gaussian dimple pressed into `pad`: E(p) = pad(p) - depth exp(-|p - centre|^2 / (2 width^2)). */
export function gaussianDimple(pad: Energy, centre: readonly number[], depth: number, width: number): PointEnergy {
  return (p) => {
    const r2 = (p[0] - centre[0]) ** 2 + (p[1] - centre[1]) ** 2;
    return pad.value(p) - depth * Math.exp(-r2 / (2 * width * width));
  };
}
