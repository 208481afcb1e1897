/**
 * Laplace's method: how the Gibbs mass splits between the valleys of an energy at low
 * temperature, from the depth and the curvature (det of the Hessian) of each minimum.
 */
import type { Energy, Point } from "../types";
import { checkNonNegative, checkPositive, isArrayLike, message, readOptions } from "../validate";
import { checkEnergy } from "../energy/checkEnergy";
import { hessian } from "../energy/hessian";
import { isPositiveDefinite } from "../linalg";
import { logSumExpUnchecked } from "./logsumexp";

/** A minimum as these functions accept it: a point, or an object with one (a KnownMinimum). */
export type MinimumPoint = Point | { readonly x: Point };

/** Options of {@link laplaceWeights} and {@link laplaceLogPartition}. */
export interface LaplaceOptions {
  /** beta = 1 / T > 0, the inverse temperature. Required. */
  beta: number;
}

/** Options of {@link zeroTemperatureShares}. */
export interface ZeroTemperatureSharesOptions {
  /**
   * Minima whose energies lie within this of the lowest count as tied global minima.
   * @default 1e-9 * max(1, |lowest energy|)
   */
  tieTolerance?: number;
}

/** Each minimum's energy and log det of its Hessian, checked to be a strict minimum. */
interface Valley {
  readonly energy: number;
  readonly logDet: number;
}

/** det of a small matrix by elimination with partial pivoting (NaN when an entry is not finite). Internal. */
export function determinant(matrix: readonly (readonly number[])[]): number {
  const n = matrix.length;
  const m = matrix.map((row) => [...row]);
  let det = 1;
  for (let c = 0; c < n; c++) {
    let pivot = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r][c]) > Math.abs(m[pivot][c])) pivot = r;
    if (m[pivot][c] === 0) return 0;
    if (pivot !== c) {
      [m[c], m[pivot]] = [m[pivot], m[c]];
      det = -det;
    }
    det *= m[c][c];
    for (let r = c + 1; r < n; r++) {
      const f = m[r][c] / m[c][c];
      for (let k = c; k < n; k++) m[r][k] -= f * m[c][k];
    }
  }
  return det;
}

/** Checks the energy and the minima; evaluates E and det H at each, refusing a non-strict minimum. */
function valleys(fn: string, energy: unknown, minima: unknown): { e: Energy; list: Valley[] } {
  const e = checkEnergy(fn, "energy", energy);
  if (!Array.isArray(minima) || minima.length === 0) {
    throw new TypeError(message(fn, "minima", "a non-empty array of points (or of { x }, such as energy.knownMinima)", minima));
  }
  if (minima.length > 10000) throw new RangeError(message(fn, "minima", "at most 10000 minima", minima));
  const list = minima.map((m: unknown, k) => {
    const x = m !== null && typeof m === "object" && !isArrayLike(m) ? (m as { x?: unknown }).x : m;
    const arg = `minima[${k}]`;
    if (!isArrayLike(x) && typeof x !== "number") throw new TypeError(message(fn, arg, "a point or { x }", m));
    if (isArrayLike(x) && x.length !== e.dimension) {
      throw new RangeError(message(fn, arg, `a point of dimension ${e.dimension}`, x));
    }
    const point = Array.from(isArrayLike(x) ? (x as ArrayLike<unknown>) : [x], (v, i) => {
      if (typeof v !== "number" || !Number.isFinite(v)) throw new RangeError(message(fn, `${arg}[${i}]`, "a finite number", v));
      return v;
    });
    const value = e.value(point);
    if (!Number.isFinite(value)) throw new RangeError(message(fn, arg, "a point where E is finite", point) + ` (E = ${value})`);
    let H: number[][];
    try {
      H = hessian(e, point);
    } catch (error) {
      throw new RangeError(`${fn}: the Hessian at ${arg} = [${point.join(", ")}] is not finite (${(error as Error).message})`);
    }
    if (!isPositiveDefinite(H)) {
      throw new RangeError(
        message(fn, arg, "a strict minimum (a positive definite Hessian)", point) +
          ` (det H = ${determinant(H)}; Laplace's method needs a valley curved in every direction)`,
      );
    }
    return { energy: value, logDet: Math.log(determinant(H)) };
  });
  return { e, list };
}

/**
 * Laplace's weights of the valleys of an energy at inverse temperature beta: the share of the
 * Gibbs mass near each minimum x_k,
 *
 *   w_k = exp(-beta E(x_k)) det(H_k)^(-1/2) / sum_j exp(-beta E(x_j)) det(H_j)^(-1/2),
 *
 * with H_k the Hessian at x_k (from `hessian`). It comes from expanding E to second order in
 * each valley: the integral of exp(-beta E) over valley k is about
 * exp(-beta E_k) (2 pi / beta)^(n/2) det(H_k)^(-1/2), and the common factor cancels. Exact in the
 * limit beta -> infinity; at finite beta the valleys must be narrow (1 / sqrt(beta lambda_min)
 * small) compared with the distances between them. Computed in log space (no overflow at large
 * beta). Cost: one Hessian per minimum.
 *
 * @param energy Any Energy.
 * @param minima Its minima: points, or objects with `x` (such as `energy.knownMinima`).
 * @returns The weights, one per minimum, summing to 1.
 * @throws TypeError when energy is not an Energy, minima is not a non-empty array of points, or
 *   an option has the wrong kind.
 * @throws RangeError when beta is not a positive finite number, a point has the wrong dimension
 *   or E is not finite there, or a point is not a strict minimum (positive definite Hessian).
 * @example
 * laplaceWeights(doubleWell(), [[-1], [1]], { beta: 10 }); // a symmetric double well
 * // => [0.5, 0.5] (to about 1e-9)
 */
export function laplaceWeights(energy: Energy, minima: readonly MinimumPoint[], options: LaplaceOptions): number[] {
  const fn = "laplaceWeights";
  const opts = readOptions(fn, options, { beta: undefined as number | undefined });
  const beta = checkPositive(fn, "options.beta", opts.beta);
  const { list } = valleys(fn, energy, minima);
  const logs = list.map((v) => -beta * v.energy - v.logDet / 2);
  const total = logSumExpUnchecked(logs);
  return logs.map((l) => Math.exp(l - total));
}

/**
 * Laplace's approximation of log Z: the sum over valleys of the Gaussian integral of each,
 *
 *   log Z ~ log sum_k exp(-beta E(x_k)) (2 pi / beta)^(n/2) det(H_k)^(-1/2),
 *
 * (n the dimension, H_k the Hessian at x_k), computed with log-sum-exp. Its error is
 * O(1 / beta) relative as beta -> infinity; compare with `logPartition` on a grid.
 *
 * @throws TypeError and RangeError as {@link laplaceWeights}.
 * @example
 * const bowl = energyFromFunction((x) => x[0] ** 2 / 2); // a Gaussian: exact for a quadratic
 * laplaceLogPartition(bowl, [[0]], { beta: 1 }); // log sqrt(2 pi)
 * // => 0.9189385332046728 (to about 1e-6)
 */
export function laplaceLogPartition(energy: Energy, minima: readonly MinimumPoint[], options: LaplaceOptions): number {
  const fn = "laplaceLogPartition";
  const opts = readOptions(fn, options, { beta: undefined as number | undefined });
  const beta = checkPositive(fn, "options.beta", opts.beta);
  const { e, list } = valleys(fn, energy, minima);
  const gaussian = (e.dimension / 2) * Math.log((2 * Math.PI) / beta);
  return logSumExpUnchecked(list.map((v) => -beta * v.energy - v.logDet / 2)) + gaussian;
}

/**
 * The zero-temperature shares: the limit of {@link laplaceWeights} as beta -> infinity. All the
 * mass goes to the global minima; when several tie (equal energies, within `tieTolerance`), it
 * splits between them in proportion to det(H_k)^(-1/2), so a flatter valley gets more:
 *
 *   s_k = det(H_k)^(-1/2) / sum_{j tied} det(H_j)^(-1/2) for tied global minima, 0 for the others.
 *
 * Two wells of equal depth with E'' = 8 and 24 split sqrt(24 / 8) : 1, about 63% : 37%.
 *
 * @throws TypeError and RangeError as {@link laplaceWeights}, and RangeError when tieTolerance
 *   is negative or not finite.
 * @example
 * const valleys = energyFromFunction((x) => Math.min(4 * (x[0] + 1) ** 2, 12 * (x[0] - 1) ** 2));
 * zeroTemperatureShares(valleys, [[-1], [1]]); // E'' = 8 and 24
 * // => [0.6339745962155614, 0.36602540378443865] (to about 1e-6)
 */
export function zeroTemperatureShares(energy: Energy, minima: readonly MinimumPoint[], options?: ZeroTemperatureSharesOptions): number[] {
  const fn = "zeroTemperatureShares";
  const opts = readOptions(fn, options, { tieTolerance: undefined as number | undefined });
  const { list } = valleys(fn, energy, minima);
  const lowest = Math.min(...list.map((v) => v.energy));
  const tolerance = opts.tieTolerance === undefined ? 1e-9 * Math.max(1, Math.abs(lowest)) : checkNonNegative(fn, "options.tieTolerance", opts.tieTolerance);
  const tied = list.map((v) => v.energy <= lowest + tolerance);
  const logs = list.map((v, k) => (tied[k] ? -v.logDet / 2 : -Infinity));
  const total = logSumExpUnchecked(logs);
  return logs.map((l) => Math.exp(l - total));
}
