/**
 * What the two trainers of the 2D energy share (internal): reading 2D data, Adam, the options.
 */
import { checkInteger, checkPositive, isArrayLike, message } from "../validate";

/** M points of R^2 after the door check, interleaved x0, y0, x1, y1, ... */
export function checkPoints2d(fn: string, arg: string, value: unknown): Float64Array {
  if (!Array.isArray(value)) throw new TypeError(message(fn, arg, "an array of points [x, y]", value));
  if (value.length === 0 || value.length > 1e7) throw new RangeError(message(fn, arg, "a non-empty array of points [x, y] (at most 1e7)", value));
  const out = new Float64Array(2 * value.length);
  for (let m = 0; m < value.length; m++) {
    const p = value[m];
    if (!isArrayLike(p)) throw new TypeError(message(fn, `${arg}[${m}]`, "a point [x, y]", p));
    if (p.length !== 2) throw new RangeError(message(fn, `${arg}[${m}]`, "a point [x, y] of dimension 2", p) + ` (dimension ${p.length})`);
    for (let d = 0; d < 2; d++) {
      const x = p[d];
      if (typeof x !== "number" || !Number.isFinite(x)) throw new RangeError(message(fn, `${arg}[${m}][${d}]`, "a finite number", x));
      out[2 * m + d] = x;
    }
  }
  return out;
}

/** Adam (Kingma & Ba 2015) on a flat parameter vector; `step` descends the given gradient. */
export class Adam {
  private readonly m: Float64Array;
  private readonly v: Float64Array;
  private t = 0;
  constructor(size: number, private readonly rate: number, private readonly beta1 = 0.9, private readonly beta2 = 0.999) {
    this.m = new Float64Array(size);
    this.v = new Float64Array(size);
  }
  step(theta: Float64Array, grad: Float64Array): void {
    this.t++;
    const c1 = 1 - this.beta1 ** this.t;
    const c2 = 1 - this.beta2 ** this.t;
    for (let q = 0; q < theta.length; q++) {
      this.m[q] = this.beta1 * this.m[q] + (1 - this.beta1) * grad[q];
      this.v[q] = this.beta2 * this.v[q] + (1 - this.beta2) * grad[q] * grad[q];
      theta[q] -= (this.rate * (this.m[q] / c1)) / (Math.sqrt(this.v[q] / c2) + 1e-8);
    }
  }
}

/** The options both trainers read. */
export function checkCommon(fn: string, opts: { epochs?: number; batchSize: number; learningRate: number }): { epochs: number; batchSize: number; learningRate: number } {
  return {
    epochs: checkInteger(fn, "options.epochs", opts.epochs, 1, 1e9),
    batchSize: checkInteger(fn, "options.batchSize", opts.batchSize, 1, 1e6),
    learningRate: checkPositive(fn, "options.learningRate", opts.learningRate),
  };
}
