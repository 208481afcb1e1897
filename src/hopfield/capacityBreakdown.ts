/**
 * Where recall breaks down in a storage-capacity experiment.
 */
import { checkInRange, checkPositive, message, readOptions } from "../validate";
import type { CapacityResult } from "./capacity";

/**
 * The load at which a curve sampled at increasing loads first falls below `level`, linearly
 * interpolated between the two loads around the crossing: for the first i with
 * values[i-1] >= level > values[i],
 *
 *   alpha* = loads[i-1] + (values[i-1] - level) / (values[i-1] - values[i]) * (loads[i] - loads[i-1]).
 *
 * Undefined when the curve never crosses downward. Inputs are trusted (sorted, equal lengths):
 * {@link capacityBreakdown} and the capacity figure check theirs before calling it.
 */
export function loadCrossing(loads: readonly number[], values: readonly number[], level: number): number | undefined {
  for (let i = 1; i < loads.length; i++) {
    if (values[i - 1] >= level && values[i] < level) {
      const f = (values[i - 1] - level) / (values[i - 1] - values[i]);
      return loads[i - 1] + f * (loads[i] - loads[i - 1]);
    }
  }
  return undefined;
}

/**
 * The measured capacity of a {@link hopfieldCapacity} experiment: the load alpha = P/N at which
 * the fraction of successful recalls first falls below `level` (one half by default), linearly
 * interpolated between the loads tried (see {@link loadCrossing}; points are taken in order of
 * their effective load P/N). For large N it approaches alpha_c ~ 0.138 (Amit, Gutfreund &
 * Sompolinsky 1985); at finite N the breakdown is smoother and sits a little higher.
 *
 * @param result What `hopfieldCapacity` returned.
 * @param options `level`: the recall fraction that marks the breakdown, in (0, 1). @default 0.5
 * @returns The load, or undefined when the recall fraction does not cross `level` downward
 *   within the loads tried (all above it: try larger loads; all below: try smaller ones).
 * @throws TypeError when result is not a capacity result.
 * @throws RangeError when a point's load is not positive, its recall fraction is outside [0, 1],
 *   level is outside (0, 1), or an option is unknown.
 * @example
 * const point = (effectiveLoad, recallFraction) => ({ effectiveLoad, recallFraction });
 * capacityBreakdown({ points: [point(0.1, 1), point(0.15, 0.8), point(0.2, 0.2)] });
 * // => 0.175
 */
export function capacityBreakdown(result: CapacityResult, options?: { level?: number }): number | undefined {
  const fn = "capacityBreakdown";
  const { level } = readOptions(fn, options, { level: 0.5 as number });
  const points = (result as { points?: unknown } | null | undefined)?.points;
  if (typeof result !== "object" || result === null || !Array.isArray(points)) {
    throw new TypeError(message(fn, "result", "a capacity result (from hopfieldCapacity) with a points array", result));
  }
  if (points.length === 0) throw new RangeError(message(fn, "result.points", "a non-empty array of capacity points", points));
  if (typeof level !== "number") throw new TypeError(message(fn, "options.level", "a number in (0, 1)", level));
  if (!(level > 0 && level < 1)) throw new RangeError(message(fn, "options.level", "a number in (0, 1)", level));
  const rows = points.map((point: unknown, k) => {
    if (typeof point !== "object" || point === null) throw new TypeError(message(fn, `result.points[${k}]`, "a capacity point { effectiveLoad, recallFraction }", point));
    const p = point as { effectiveLoad?: unknown; recallFraction?: unknown };
    return {
      load: checkPositive(fn, `result.points[${k}].effectiveLoad`, p.effectiveLoad),
      recall: checkInRange(fn, `result.points[${k}].recallFraction`, p.recallFraction, 0, 1),
    };
  });
  rows.sort((a, b) => a.load - b.load);
  return loadCrossing(rows.map((r) => r.load), rows.map((r) => r.recall), level);
}
