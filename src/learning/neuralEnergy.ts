/**
 * A small learnable energy on the plane: a two-layer network of softplus units plus a fixed
 * quadratic confinement, with analytic gradients in x and in the parameters.
 */
import { createRandom } from "../sampling/random";
import type { Box, Energy, Point } from "../types";
import { checkFiniteArray, checkInteger, checkNonNegative, checkPositive, checkSeed, message, readOptions } from "../validate";

/** A {@link neuralEnergy}: an Energy on R^2 that also knows its parameter vector theta. */
export interface NeuralEnergy extends Energy {
  /** K, the number of softplus units. */
  readonly units: number;
  /** alpha, the weight of the fixed confinement alpha |x|^2 / 2. */
  readonly confinement: number;
  /** theta = [a_0, u_0x, u_0y, c_0, a_1, ...], 4K numbers (a copy each time it is read). */
  readonly theta: Float64Array;
  /** dE/dtheta at x, in the order of theta. Fast path: no validation. */
  parameterGradient(x: Point, out?: Float64Array): Float64Array;
  /** The same network with other parameters theta (4K finite numbers). */
  withTheta(theta: ArrayLike<number>): NeuralEnergy;
}

/** Options of {@link neuralEnergy}. */
export interface NeuralEnergyOptions {
  /** K, the number of softplus units. @default 16 */
  units?: number;
  /** Seed of the starting parameters: u_k, c_k ~ N(0, scale^2), a_k ~ N(0, 0.1^2). Required unless theta is given. */
  seed?: number | string;
  /** The spread of the starting u_k and c_k (sharp ridges learn faster). @default 3 */
  scale?: number;
  /** alpha > 0 in alpha |x|^2 / 2 (keeps exp(-E) normalisable). @default 0.1 */
  confinement?: number;
  /** The parameters theta, 4K numbers, instead of a seeded start. */
  theta?: ArrayLike<number>;
  /** Where to look (grids, figures). @default [-4, 4] x [-4, 4] */
  domain?: Box;
}

const softplus = (z: number) => (z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z)));
const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/**
 * A learnable energy on R^2 (a two-layer network with K softplus units):
 *
 *   E(x; theta) = sum_k a_k softplus(u_k . x + c_k) + alpha |x|^2 / 2,
 *   grad_x E = sum_k a_k sigmoid(u_k . x + c_k) u_k + alpha x,
 *   dE/da_k = softplus(s_k),  dE/dc_k = a_k sigmoid(s_k),  dE/du_k = a_k sigmoid(s_k) x,   s_k = u_k . x + c_k.
 *
 * Each softplus grows at most linearly, so the fixed confinement alpha > 0 keeps exp(-E)
 * normalisable for every theta. It is an `Energy` (gradientKind "exact"): gradient descent,
 * gibbsDensity, langevin and the figures take it as they take a landscape; its parameters are
 * also named a0, u0x, u0y, c0, a1, ... for withParameters. Train it with
 * {@link contrastiveTrain} or {@link scoreMatchingTrain}.
 *
 * @throws TypeError when an option has the wrong kind, or neither seed nor theta is given.
 * @throws RangeError when an option is out of range or unknown, or theta has the wrong length.
 * @example
 * const e = neuralEnergy({ units: 1, theta: [2, 1, 0, 0], confinement: 0.5 });
 * e.value([0, 1]); // 2 softplus(0) + 0.5 * 1 / 2 = 2 log 2 + 0.25
 * // => 1.6362943611198906 (to about 1e-12)
 * Array.from(e.gradient([0, 1])); // 2 sigmoid(0) [1, 0] + 0.5 [0, 1]
 * // => [1, 0.5]
 */
export function neuralEnergy(options?: NeuralEnergyOptions): NeuralEnergy {
  const fn = "neuralEnergy";
  const opts = readOptions(fn, options, {
    units: 16 as number,
    seed: undefined as number | string | undefined,
    scale: 3 as number,
    confinement: 0.1 as number,
    theta: undefined as ArrayLike<number> | undefined,
    domain: undefined as Box | undefined,
  });
  const units = checkInteger(fn, "options.units", opts.units, 1, 10_000);
  const scale = checkNonNegative(fn, "options.scale", opts.scale);
  const alpha = checkPositive(fn, "options.confinement", opts.confinement);
  let theta: Float64Array;
  if (opts.theta !== undefined) {
    theta = checkFiniteArray(fn, "options.theta", opts.theta);
    if (theta.length !== 4 * units) throw new RangeError(message(fn, "options.theta", `${4 * units} numbers (4 per unit: a, u_x, u_y, c)`, opts.theta) + ` (length ${theta.length})`);
  } else {
    if (opts.seed === undefined) throw new TypeError(message(fn, "options.seed", "a seed for the starting parameters (or options.theta)", opts.seed));
    const random = createRandom(checkSeed(fn, "options.seed", opts.seed), "neural energy init");
    theta = new Float64Array(4 * units);
    for (let k = 0; k < units; k++) {
      theta[4 * k] = 0.1 * random.normal();
      theta[4 * k + 1] = scale * random.normal();
      theta[4 * k + 2] = scale * random.normal();
      theta[4 * k + 3] = scale * random.normal();
    }
  }
  let domain: Box = { lower: [-4, -4], upper: [4, 4] };
  if (opts.domain !== undefined) {
    const d = opts.domain as Partial<Box> | null;
    if (d === null || typeof d !== "object") throw new TypeError(message(fn, "options.domain", "a box { lower: [x, y], upper: [x, y] }", d));
    const lower = checkFiniteArray(fn, "options.domain.lower", d.lower);
    const upper = checkFiniteArray(fn, "options.domain.upper", d.upper);
    if (lower.length !== 2 || upper.length !== 2 || !(lower[0] < upper[0] && lower[1] < upper[1])) throw new RangeError(message(fn, "options.domain", "a box with lower < upper in both coordinates", d));
    domain = { lower: Array.from(lower), upper: Array.from(upper) };
  }
  return makeNeuralEnergy(theta, units, alpha, domain);
}

/** Builds the energy (internal: theta checked; the energy keeps its own copy). */
export function makeNeuralEnergy(thetaIn: ArrayLike<number>, units: number, alpha: number, domain: Box): NeuralEnergy {
  const theta = Float64Array.from(thetaIn);
  const parameters: Record<string, number> = {};
  for (let k = 0; k < units; k++) {
    parameters[`a${k}`] = theta[4 * k];
    parameters[`u${k}x`] = theta[4 * k + 1];
    parameters[`u${k}y`] = theta[4 * k + 2];
    parameters[`c${k}`] = theta[4 * k + 3];
  }
  const names = Object.keys(parameters);
  const energy: NeuralEnergy = {
    name: `neural energy, K = ${units}`,
    dimension: 2,
    variables: ["x", "y"],
    parameters: Object.freeze(parameters),
    tex: String.raw`E(x) = \sum_k a_k \,\mathrm{softplus}(u_k \cdot x + c_k) + \tfrac{\alpha}{2} |x|^2`,
    gradientKind: "exact",
    domain,
    units,
    confinement: alpha,
    get theta() {
      return Float64Array.from(theta);
    },
    value(x: Point): number {
      return energyValue(theta, units, alpha, x[0], x[1]);
    },
    gradient(x: Point, out?: Float64Array): Float64Array {
      const g = out ?? new Float64Array(2);
      energyGradient(theta, units, alpha, x[0], x[1], g, 0);
      return g;
    },
    parameterGradient(x: Point, out?: Float64Array): Float64Array {
      const g = out ?? new Float64Array(4 * units);
      const x0 = x[0];
      const x1 = x[1];
      for (let k = 0; k < units; k++) {
        const a = theta[4 * k];
        const s = theta[4 * k + 1] * x0 + theta[4 * k + 2] * x1 + theta[4 * k + 3];
        const as = a * sigmoid(s);
        g[4 * k] = softplus(s);
        g[4 * k + 1] = as * x0;
        g[4 * k + 2] = as * x1;
        g[4 * k + 3] = as;
      }
      return g;
    },
    withTheta(next: ArrayLike<number>): NeuralEnergy {
      const checked = checkFiniteArray("withTheta", "theta", next);
      if (checked.length !== 4 * units) throw new RangeError(message("withTheta", "theta", `${4 * units} numbers`, next));
      return makeNeuralEnergy(checked, units, alpha, domain);
    },
    withParameters(changes: Readonly<Record<string, number>>): Energy {
      const next = Float64Array.from(theta);
      for (const [key, v] of Object.entries(changes)) {
        const at = names.indexOf(key);
        if (at < 0) throw new RangeError(`withParameters: ${key} is not a parameter of the neural energy; the parameters are a0, u0x, u0y, c0, ..., c${units - 1}`);
        if (typeof v !== "number" || !Number.isFinite(v)) throw new RangeError(message("withParameters", key, "a finite number", v));
        next[at] = v;
      }
      return makeNeuralEnergy(next, units, alpha, domain);
    },
  };
  return Object.freeze(energy);
}

/** E at (x0, x1). */
export function energyValue(theta: Float64Array, units: number, alpha: number, x0: number, x1: number): number {
  let e = 0.5 * alpha * (x0 * x0 + x1 * x1);
  for (let k = 0; k < units; k++) e += theta[4 * k] * softplus(theta[4 * k + 1] * x0 + theta[4 * k + 2] * x1 + theta[4 * k + 3]);
  return e;
}

/** grad_x E at (x0, x1), written to out[at], out[at + 1]. */
export function energyGradient(theta: Float64Array, units: number, alpha: number, x0: number, x1: number, out: Float64Array, at: number): void {
  let g0 = alpha * x0;
  let g1 = alpha * x1;
  for (let k = 0; k < units; k++) {
    const u0 = theta[4 * k + 1];
    const u1 = theta[4 * k + 2];
    const as = theta[4 * k] * sigmoid(u0 * x0 + u1 * x1 + theta[4 * k + 3]);
    g0 += as * u0;
    g1 += as * u1;
  }
  out[at] = g0;
  out[at + 1] = g1;
}

/**
 * Denoising score matching for one pair (clean x, noisy y): the loss
 * l = 1/2 |grad_x E(y) - (y - x) / sigma^2|^2 (times sigma^2 / 1, left to the caller), and
 * dl/dtheta added (times `weight`) into `grad`. With r = grad_x E(y) - t and s_k = u_k . y + c_k:
 *   dl/da_k = sigmoid(s_k) (u_k . r),  dl/dc_k = a_k sigmoid'(s_k) (u_k . r),
 *   dl/du_k = a_k [sigmoid(s_k) r + sigmoid'(s_k) (u_k . r) y].
 */
export function scoreLoss(theta: Float64Array, units: number, alpha: number, y0: number, y1: number, t0: number, t1: number, weight: number, grad: Float64Array, scratch: Float64Array): number {
  energyGradient(theta, units, alpha, y0, y1, scratch, 0);
  const r0 = scratch[0] - t0;
  const r1 = scratch[1] - t1;
  for (let k = 0; k < units; k++) {
    const a = theta[4 * k];
    const u0 = theta[4 * k + 1];
    const u1 = theta[4 * k + 2];
    const sg = sigmoid(u0 * y0 + u1 * y1 + theta[4 * k + 3]);
    const d = sg * (1 - sg);
    const ur = u0 * r0 + u1 * r1;
    grad[4 * k] += weight * sg * ur;
    grad[4 * k + 1] += weight * a * (sg * r0 + d * ur * y0);
    grad[4 * k + 2] += weight * a * (sg * r1 + d * ur * y1);
    grad[4 * k + 3] += weight * a * d * ur;
  }
  return 0.5 * (r0 * r0 + r1 * r1);
}
