/**
 * The door check of a Hopfield recall result, shared by recallFigure and recallEnergyFigure
 * (internal to src/plot/hopfield), and the words for why a run stopped.
 */
import { message } from "../../validate";
import { checkNumbers, checkObject } from "../checks";
import { checkSpins } from "./shared";

/** Points per energy line (longer runs are downsampled, keeping the ends). */
export const RECALL_MAX_POINTS = 1000;

/** A recall result after the door checks. */
export interface CheckedRecall {
  /** The recorded states, path[0] = the cue. */
  path: number[][];
  times: number[];
  energies: number[];
  /** overlaps[k][mu]; [] without patterns. */
  overlaps: number[][];
  mode: "async" | "sync";
  reason: string;
  /** Single-unit changes in total, when the result says. */
  flips: number | undefined;
  /** The network's name, when the result says. */
  energyName: string | undefined;
}

/** Checks the recorded fields of a HopfieldRecallResult { path, times, energies, overlaps, reason, ... }. */
export function checkRecall(fn: string, arg: string, value: unknown): CheckedRecall {
  const r = checkObject(fn, arg, value, "a HopfieldRecallResult { path, times, energies, overlaps, ... }");
  if (!Array.isArray(r.path)) throw new TypeError(message(fn, `${arg}.path`, "an array of recorded states", r.path));
  if (r.path.length === 0) throw new RangeError(message(fn, `${arg}.path`, "a non-empty array of recorded states", r.path));
  const count = r.path.length;
  const first = checkSpins(fn, `${arg}.path[0]`, r.path[0]);
  const path = r.path.map((s, k) => (k === 0 ? first : checkSpins(fn, `${arg}.path[${k}]`, s, first.length)));
  const times = checkNumbers(fn, `${arg}.times`, r.times, count);
  const energies = checkNumbers(fn, `${arg}.energies`, r.energies, count);
  let overlaps: number[][] = [];
  if (r.overlaps !== undefined) {
    if (!Array.isArray(r.overlaps)) throw new TypeError(message(fn, `${arg}.overlaps`, "an array of overlap lists (one per recorded state)", r.overlaps));
    if (r.overlaps.length > 0) {
      if (r.overlaps.length !== count) {
        throw new RangeError(message(fn, `${arg}.overlaps`, `${count} overlap lists (one per recorded state) or none`, r.overlaps) + ` (length ${r.overlaps.length})`);
      }
      const p0 = checkNumbers(fn, `${arg}.overlaps[0]`, r.overlaps[0]);
      overlaps = r.overlaps.map((o, k) => (k === 0 ? p0 : checkNumbers(fn, `${arg}.overlaps[${k}]`, o, p0.length)));
    }
  }
  const mode = r.mode === "sync" ? "sync" : "async";
  const reason = typeof r.reason === "string" ? r.reason : "unknown";
  const flips = typeof r.flips === "number" && Number.isFinite(r.flips) ? r.flips : undefined;
  const energyName = typeof r.energyName === "string" && r.energyName.length > 0 ? r.energyName : undefined;
  return { path, times, energies, overlaps, mode, reason, flips, energyName };
}

/**
 * Throws unless every run that names its network names the same one (energies of different
 * networks on one axis, or against one network's reference levels, would mislead).
 */
export function checkSameNetwork(fn: string, runs: readonly CheckedRecall[], argOf: (k: number) => string): string | undefined {
  const first = runs.findIndex((r) => r.energyName !== undefined);
  if (first < 0) return undefined;
  const name = runs[first].energyName!;
  runs.forEach((r, k) => {
    if (r.energyName !== undefined && r.energyName !== name) {
      throw new RangeError(
        `${fn}: ${argOf(k)} is a recall of ${JSON.stringify(r.energyName)} but ${argOf(first)} of ${JSON.stringify(name)}; draw the runs of one network per figure`,
      );
    }
  });
  return name;
}

/** "a fixed point", "a 2-cycle", "the iteration limit". */
export function reasonWords(reason: string): string {
  if (reason === "converged") return "a fixed point (no unit wants to change)";
  if (reason === "cycle") return "a 2-cycle (the state flips back and forth)";
  if (reason === "max-iterations") return "the iteration limit (maxIterations)";
  return reason;
}
