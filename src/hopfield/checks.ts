/**
 * Door checks shared by the Hopfield and Boltzmann functions (private to this folder).
 * Messages follow the library's shape: `<function>: <argument> must be <expectation>, got <value>`.
 */
import { describe, isArrayLike, message } from "../validate";
import type { HopfieldNetwork } from "./network";

/** The library's message shape, with `got` already rendered as text (no quotes added). */
export function plainMessage(fn: string, arg: string, expected: string, got: string): string {
  return `${fn}: ${arg} must be ${expected}, got ${got}`;
}

/**
 * A state of +-1 units: an array (or typed array) of values +1 or -1, of length `size` when
 * given. Returns an Int8Array copy (the caller's array is never touched).
 */
export function checkSpinVector(fn: string, arg: string, value: unknown, size?: number): Int8Array {
  if (!isArrayLike(value)) throw new TypeError(message(fn, arg, "an array of +1/-1 values", value));
  if (size === undefined) {
    if (value.length === 0) throw new RangeError(message(fn, arg, "a non-empty array of +1/-1 values", value));
  } else if (value.length !== size) {
    throw new RangeError(message(fn, arg, `a state of ${size} units`, value) + ` (length ${value.length})`);
  }
  const out = new Int8Array(value.length);
  for (let i = 0; i < value.length; i++) {
    const v = value[i];
    if (v === 1) out[i] = 1;
    else if (v === -1) out[i] = -1;
    else throw new RangeError(message(fn, `${arg}[${i}]`, "+1 or -1", v));
  }
  return out;
}

/** P patterns of N units each, stored row after row. */
export interface SpinPatterns {
  readonly count: number;
  readonly size: number;
  /** P x N, row-major. */
  readonly data: Int8Array;
}

/**
 * A non-empty list of +-1 patterns of one common length (of length `size` when given).
 */
export function checkSpinPatterns(fn: string, arg: string, value: unknown, size?: number): SpinPatterns {
  if (!Array.isArray(value)) throw new TypeError(message(fn, arg, "an array of patterns (arrays of +1/-1 values)", value));
  if (value.length === 0) throw new RangeError(message(fn, arg, "a non-empty array of patterns", value));
  const first = checkSpinVector(fn, `${arg}[0]`, value[0], size);
  const n = first.length;
  const data = new Int8Array(value.length * n);
  data.set(first, 0);
  for (let mu = 1; mu < value.length; mu++) {
    const p = value[mu];
    if (isArrayLike(p) && p.length !== n) {
      throw new RangeError(
        message(fn, `${arg}[${mu}]`, `a pattern of ${n} units like ${arg}[0]`, p) + ` (length ${p.length})`,
      );
    }
    data.set(checkSpinVector(fn, `${arg}[${mu}]`, p, n), mu * n);
  }
  return { count: value.length, size: n, data };
}

/** Biases: `size` finite numbers, as a Float64Array copy. */
export function checkBiases(fn: string, arg: string, value: unknown, size: number): Float64Array {
  if (!isArrayLike(value)) throw new TypeError(message(fn, arg, `an array of ${size} finite numbers`, value));
  if (value.length !== size) {
    throw new RangeError(message(fn, arg, `an array of ${size} finite numbers (one per unit)`, value) + ` (length ${value.length})`);
  }
  const out = new Float64Array(size);
  for (let i = 0; i < size; i++) {
    const v = value[i];
    if (typeof v !== "number" || !Number.isFinite(v)) throw new RangeError(message(fn, `${arg}[${i}]`, "a finite number", v));
    out[i] = v;
  }
  return out;
}

/** Weights and biases after the door checks. */
export interface Couplings {
  readonly size: number;
  /**
   * N x N, row-major, symmetric, zero diagonal. A fresh copy when W came as rows; the network's
   * own array when it came as a network (read, never written).
   */
  readonly weights: Float64Array;
  readonly biases: Float64Array;
  /** sum_j |W_ij| for each row i (for the tie tolerance). */
  readonly rowAbsSums: Float64Array;
}

/** Relative tolerance of the symmetry and zero-diagonal checks. */
const SYMMETRY_TOLERANCE = 1e-12;

function isNetwork(value: unknown): value is HopfieldNetwork {
  return typeof value === "object" && value !== null && !Array.isArray(value) && "weights" in value && "size" in value;
}

/**
 * Reads W (an array of N rows, or a {@link HopfieldNetwork}) and b (optional; for a network,
 * a given b replaces the network's biases). Checks that W is square, finite, symmetric and has
 * a zero diagonal. Rows are copied into a fresh typed array; a network's weights are used as
 * they are (never written), unless the diagonal holds rounding residues to clear.
 */
export function readCouplings(
  fn: string,
  weightsArg: string,
  weights: unknown,
  biases: unknown,
  biasesArg: string,
): Couplings {
  const fromNetwork = isNetwork(weights);
  let w = fromNetwork ? networkWeights(fn, weightsArg, weights) : rowsToWeights(fn, weightsArg, weights);
  const n = Math.round(Math.sqrt(w.length));
  const label = fromNetwork ? `${weightsArg}.weights` : weightsArg;
  const rowAbsSums = new Float64Array(n);
  let scale = 0;
  for (let i = 0; i < n; i++) {
    const row = i * n;
    let sum = 0;
    for (let j = 0; j < n; j++) {
      const v = w[row + j];
      // One comparison rejects NaN and +-Infinity: both fail |v| < Infinity.
      if (!(Math.abs(v) < Infinity)) {
        throw new RangeError(message(fn, fromNetwork ? `${label}[${row + j}]` : `${label}[${i}][${j}]`, "a finite number", v));
      }
      const magnitude = Math.abs(v);
      sum += magnitude;
      if (magnitude > scale) scale = magnitude;
    }
    rowAbsSums[i] = sum;
  }
  if (checkSymmetricZeroDiagonal(fn, weightsArg, w, n, scale)) {
    if (fromNetwork) w = new Float64Array(w);
    for (let i = 0; i < n; i++) w[i * n + i] = 0;
  }
  let b: Float64Array;
  if (biases === undefined || biases === null) {
    b = fromNetwork && weights.biases !== undefined
      ? checkBiases(fn, `${weightsArg}.biases`, weights.biases, n)
      : new Float64Array(n);
  } else {
    b = checkBiases(fn, biasesArg, biases, n);
  }
  return { size: n, weights: w, biases: b, rowAbsSums };
}

/** The weights of a network object: a Float64Array of size^2 numbers. */
function networkWeights(fn: string, arg: string, network: HopfieldNetwork): Float64Array {
  const size = network.size;
  if (!(Number.isInteger(size) && size >= 1)) throw new RangeError(message(fn, `${arg}.size`, "a positive integer", size));
  const flat = network.weights as unknown;
  if (!(flat instanceof Float64Array) || flat.length !== size * size) {
    throw new TypeError(message(fn, `${arg}.weights`, `a Float64Array of ${size * size} numbers (N x N, row-major)`, flat));
  }
  return flat;
}

/** W given as N rows of N numbers, copied row-major into a fresh Float64Array. */
function rowsToWeights(fn: string, arg: string, weights: unknown): Float64Array {
  if (!Array.isArray(weights)) throw new TypeError(message(fn, arg, "a network or a square matrix (an array of rows)", weights));
  const n = weights.length;
  if (n === 0) throw new RangeError(message(fn, arg, "a non-empty square matrix", weights));
  const out = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    const row = weights[i] as unknown;
    if (!isArrayLike(row)) throw new TypeError(message(fn, `${arg}[${i}]`, `a row of ${n} finite numbers`, row));
    if (row.length !== n) {
      throw new RangeError(plainMessage(fn, arg, `a square matrix (${n} rows of ${n} numbers)`, `row ${i} of length ${row.length}`));
    }
    for (let j = 0; j < n; j++) {
      const v = row[j];
      if (typeof v !== "number") throw new TypeError(message(fn, `${arg}[${i}][${j}]`, "a finite number", v));
      out[i * n + j] = v;
    }
  }
  return out;
}

/**
 * Throws unless W (row-major, N x N) is symmetric with a zero diagonal, both to 1e-12 relative
 * to max(1, max |W_ij|). Returns true when the diagonal holds non-zero residues to clear.
 */
function checkSymmetricZeroDiagonal(fn: string, arg: string, w: Float64Array, n: number, scale: number): boolean {
  const slack = SYMMETRY_TOLERANCE * Math.max(1, scale);
  let residues = false;
  for (let i = 0; i < n; i++) {
    const d = w[i * n + i];
    if (d !== 0) {
      if (Math.abs(d) > slack) {
        throw new RangeError(plainMessage(fn, arg, "a matrix with a zero diagonal", `W[${i}][${i}] = ${describe(d)}`));
      }
      residues = true;
    }
    for (let j = i + 1; j < n; j++) {
      const a = w[i * n + j];
      const c = w[j * n + i];
      if (a !== c && Math.abs(a - c) > slack) {
        throw new RangeError(
          plainMessage(fn, arg, "a symmetric matrix (W[i][j] = W[j][i])", `W[${i}][${j}] = ${describe(a)} and W[${j}][${i}] = ${describe(c)}`),
        );
      }
    }
  }
  return residues;
}
