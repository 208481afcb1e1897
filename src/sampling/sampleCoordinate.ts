/**
 * One coordinate of every kept sample of a sampler run.
 */
import type { SamplerResult } from "../types";
import { checkInteger, message } from "../validate";

/**
 * Extracts coordinate d of every kept sample, chain after chain: element
 * c * samplesPerChain + s is coordinate d of sample s of chain c. For a 1D run this is a copy of
 * `samples`.
 *
 * @param result A result of `metropolis`, `langevin` or `mala`.
 * @param d The coordinate, an integer in [0, dimension - 1]. @default 0
 * @throws TypeError when `result` is not a sampler result.
 * @throws RangeError when d is not a coordinate of the result.
 * @example
 * const bowl2d = energyFromFunction((x) => (x[0] ** 2 + x[1] ** 2) / 2, { dimension: 2 });
 * const run = metropolis(bowl2d, { beta: 1, stepSize: 0.5, chains: 2, steps: 3, seed: 1 });
 * sampleCoordinate(run, 1).length;   // => 6
 */
export function sampleCoordinate(result: SamplerResult, d = 0): Float64Array {
  const fn = "sampleCoordinate";
  checkSamplerResult(fn, "result", result);
  const n = result.dimension;
  checkInteger(fn, "d", d, 0, n - 1);
  const count = result.chains * result.samplesPerChain;
  const out = new Float64Array(count);
  for (let i = 0; i < count; i++) out[i] = result.samples[i * n + d];
  return out;
}

/** Checks the fields of a sampler result that the histogram functions read. */
export function checkSamplerResult(fn: string, arg: string, result: unknown): SamplerResult {
  const r = result as SamplerResult;
  const ok =
    result !== null &&
    typeof result === "object" &&
    r.samples instanceof Float64Array &&
    Number.isInteger(r.dimension) &&
    r.dimension >= 1 &&
    Number.isInteger(r.chains) &&
    Number.isInteger(r.samplesPerChain) &&
    r.samples.length === r.chains * r.samplesPerChain * r.dimension;
  if (!ok) throw new TypeError(message(fn, arg, "a sampler result (from metropolis, langevin or mala)", result));
  return r;
}
