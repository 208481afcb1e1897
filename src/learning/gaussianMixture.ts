/**
 * Seeded samples of a Gaussian mixture on the plane, with its exact density.
 */
import { energyFromFunction } from "../energy/fromFunction";
import { createRandom } from "../sampling/random";
import type { Energy, Point } from "../types";
import { checkFiniteArray, checkInteger, checkSeed, isArrayLike, message, readOptions } from "../validate";

/** Options of {@link gaussianMixture2d}. */
export interface GaussianMixtureOptions {
  /** How many samples. Required. */
  count: number;
  /** Seed of the samples. Required. */
  seed: number | string;
  /** The component means. @default [[-1.5, 0], [1.5, 0]] */
  means?: readonly (readonly number[])[];
  /** The component covariances [[sxx, sxy], [sxy, syy]], positive definite. @default 0.25 I each */
  covariances?: readonly (readonly (readonly number[])[])[];
  /** The mixing weights (normalised here). @default equal */
  weights?: readonly number[];
}

/** The result of {@link gaussianMixture2d}. */
export interface GaussianMixture2d {
  /** The samples, [x, y] each. */
  readonly samples: number[][];
  /** The exact density p(x) = sum_k w_k N(x; mu_k, S_k). */
  density(x: Point): number;
  /** log p(x). */
  logDensity(x: Point): number;
  /** E(x) = -log p(x) as an Energy: its Gibbs density at beta = 1 is the mixture itself. */
  readonly energy: Energy;
  readonly means: number[][];
  readonly covariances: number[][][];
  readonly weights: number[];
}

/**
 * Seeded samples of a mixture of K Gaussians on R^2 with its exact density,
 *
 *   p(x) = sum_k w_k N(x; mu_k, S_k),   N(x; mu, S) = exp(-(x - mu)^T S^-1 (x - mu) / 2) / (2 pi sqrt(det S)),
 *
 * drawn as: pick k with probability w_k, then x = mu_k + L_k z with L_k L_k^T = S_k (Cholesky),
 * z ~ N(0, I). The energy -log p (exact gradient) lets the library's Gibbs functions compute
 * the data density on a grid, e.g. for KL(data || model).
 *
 * @throws TypeError when an option has the wrong kind or the seed is missing.
 * @throws RangeError when count is not a positive integer, a covariance is not positive
 *   definite, the shapes disagree, a weight is negative, or an option is unknown.
 * @example
 * const mix = gaussianMixture2d({ count: 3, seed: 1 });
 * [mix.samples.length, mix.density([1.5, 0])]; // peak: 1/2 / (2 pi 0.25) (the other part negligible)
 * // => [3, 0.3183098861837907] (to about 1e-6)
 */
export function gaussianMixture2d(options: GaussianMixtureOptions): GaussianMixture2d {
  const fn = "gaussianMixture2d";
  if (options === undefined) throw new TypeError(message(fn, "options", "an options object such as { count: 500, seed: 1 }", options));
  const opts = readOptions(fn, options, {
    count: undefined as number | undefined,
    seed: undefined as number | string | undefined,
    means: [[-1.5, 0], [1.5, 0]] as readonly (readonly number[])[],
    covariances: undefined as GaussianMixtureOptions["covariances"],
    weights: undefined as readonly number[] | undefined,
  });
  const count = checkInteger(fn, "options.count", opts.count, 1, 1e7);
  const seed = checkSeed(fn, "options.seed", opts.seed);
  if (!Array.isArray(opts.means) || opts.means.length === 0 || opts.means.length > 1000) throw new TypeError(message(fn, "options.means", "a non-empty array of points [x, y]", opts.means));
  const means = opts.means.map((m, k) => {
    const p = checkFiniteArray(fn, `options.means[${k}]`, m);
    if (p.length !== 2) throw new RangeError(message(fn, `options.means[${k}]`, "a point [x, y]", m));
    return Array.from(p);
  });
  const K = means.length;
  const covariances = opts.covariances === undefined ? means.map(() => [[0.25, 0], [0, 0.25]]) : readCovariances(fn, opts.covariances, K);
  let weights: number[];
  if (opts.weights === undefined) weights = means.map(() => 1 / K);
  else {
    const w = checkFiniteArray(fn, "options.weights", opts.weights);
    if (w.length !== K || w.some((x) => x < 0) || !(w.reduce((s, x) => s + x, 0) > 0)) throw new RangeError(message(fn, "options.weights", `${K} non-negative numbers with a positive sum`, opts.weights));
    const total = w.reduce((s, x) => s + x, 0);
    weights = Array.from(w, (x) => x / total);
  }
  // Cholesky factors, inverses and log normalisers.
  const parts = covariances.map(([[a, b], [, d]]) => {
    const det = a * d - b * b;
    const l11 = Math.sqrt(a);
    const l21 = b / l11;
    const l22 = Math.sqrt(d - l21 * l21);
    return { l11, l21, l22, i11: d / det, i12: -b / det, i22: a / det, logNorm: -Math.log(2 * Math.PI) - 0.5 * Math.log(det) };
  });
  const random = createRandom(seed, "gaussian mixture");
  const samples: number[][] = [];
  for (let n = 0; n < count; n++) {
    let u = random.next();
    let k = 0;
    while (k < K - 1 && u >= weights[k]) u -= weights[k++];
    const z0 = random.normal();
    const z1 = random.normal();
    const p = parts[k];
    samples.push([means[k][0] + p.l11 * z0, means[k][1] + p.l21 * z0 + p.l22 * z1]);
  }
  const logTerms = (x0: number, x1: number, out: number[]) => {
    let max = -Infinity;
    for (let k = 0; k < K; k++) {
      const p = parts[k];
      const d0 = x0 - means[k][0];
      const d1 = x1 - means[k][1];
      out[k] = weights[k] === 0 ? -Infinity : Math.log(weights[k]) + p.logNorm - 0.5 * (p.i11 * d0 * d0 + 2 * p.i12 * d0 * d1 + p.i22 * d1 * d1);
      if (out[k] > max) max = out[k];
    }
    return max;
  };
  const terms = new Array<number>(K);
  const logDensity = (x: Point) => {
    const max = logTerms(x[0], x[1], terms);
    let s = 0;
    for (let k = 0; k < K; k++) s += Math.exp(terms[k] - max);
    return max + Math.log(s);
  };
  const energy = energyFromFunction((x) => -logDensity(x), {
    dimension: 2,
    name: `Gaussian mixture, K = ${K}`,
    gradient: (x, _w, out) => {
      // grad(-log p) = sum_k r_k S_k^-1 (x - mu_k), r_k the responsibilities.
      const max = logTerms(x[0], x[1], terms);
      let s = 0;
      for (let k = 0; k < K; k++) s += Math.exp(terms[k] - max);
      out[0] = 0;
      out[1] = 0;
      for (let k = 0; k < K; k++) {
        const r = Math.exp(terms[k] - max) / s;
        const p = parts[k];
        const d0 = x[0] - means[k][0];
        const d1 = x[1] - means[k][1];
        out[0] += r * (p.i11 * d0 + p.i12 * d1);
        out[1] += r * (p.i12 * d0 + p.i22 * d1);
      }
    },
  });
  return { samples, density: (x) => Math.exp(logDensity(x)), logDensity, energy, means, covariances, weights };
}

function readCovariances(fn: string, value: unknown, K: number): number[][][] {
  if (!Array.isArray(value) || value.length !== K) throw new TypeError(message(fn, "options.covariances", `${K} matrices [[sxx, sxy], [sxy, syy]], one per mean`, value));
  return value.map((c, k) => {
    const arg = `options.covariances[${k}]`;
    if (!isArrayLike(c) || c.length !== 2) throw new TypeError(message(fn, arg, "a 2 x 2 matrix [[sxx, sxy], [sxy, syy]]", c));
    const r0 = checkFiniteArray(fn, `${arg}[0]`, c[0]);
    const r1 = checkFiniteArray(fn, `${arg}[1]`, c[1]);
    if (r0.length !== 2 || r1.length !== 2 || r0[1] !== r1[0] || !(r0[0] > 0 && r0[0] * r1[1] - r0[1] * r1[0] > 0)) {
      throw new RangeError(message(fn, arg, "a symmetric positive definite 2 x 2 matrix", c));
    }
    return [Array.from(r0), Array.from(r1)];
  });
}
