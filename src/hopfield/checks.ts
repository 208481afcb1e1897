/**
 * Door checks shared by the Hopfield and Boltzmann functions (private to this folder).
 * Messages follow the library's shape: `<function>: <argument> must be <expectation>, got <value>`.
 */
import { describe, isArrayLike, message } from "../validate";
import type { HebbianFactors } from "./lowRank";
import type { HopfieldNetwork } from "./networkType";

/** The library's message shape, with `got` already rendered as text (no quotes added). */
export function plainMessage(fn: string, arg: string, expected: string, got: string): string {
  return `${fn}: ${arg} must be ${expected}, got ${got}`;
}

/**
 * A state of +-1 units: an array (or typed array) of values +1 or -1, of length `size` when
 * given. Returns an Int8Array copy (the caller's array is never touched).
 */
export function checkSpinVector(fn: string, arg: string, value: unknown, size?: number): Int8Array {
  const n = checkSpinLength(fn, arg, value, size);
  const out = new Int8Array(n);
  const bad = copySpins(value as ArrayLike<unknown>, out, 0, n);
  if (bad >= 0) throw new RangeError(message(fn, `${arg}[${bad}]`, "+1 or -1", (value as ArrayLike<unknown>)[bad]));
  return out;
}

/** The kind and length checks of {@link checkSpinVector}; returns the length. */
function checkSpinLength(fn: string, arg: string, value: unknown, size: number | undefined): number {
  if (!isArrayLike(value)) throw new TypeError(message(fn, arg, "an array of +1/-1 values", value));
  if (size === undefined) {
    if (value.length === 0) throw new RangeError(message(fn, arg, "a non-empty array of +1/-1 values", value));
  } else if (value.length !== size) {
    throw new RangeError(message(fn, arg, `a state of ${size} units`, value) + ` (length ${value.length})`);
  }
  return value.length;
}

/**
 * Copies the first n values of `value` (all +1 or -1) into out[offset ..]; returns the index of
 * the first other value, or -1. One tight pass without branches on the values (a random +-1
 * pattern would mispredict half of them): each value is written as (v === 1) - (v === -1), and
 * a value that is neither is noted; only then a second, plain pass finds the first one. Arrays and
 * typed arrays go through separate loops, so each loop's reads see one kind of object. Values
 * are only compared, never converted (no valueOf is called).
 */
function copySpins(value: ArrayLike<unknown>, out: Int8Array, offset: number, n: number): number {
  const clean = Array.isArray(value) ? copySpinsFromArray(value, out, offset, n) : copySpinsFromView(value, out, offset, n);
  return clean ? -1 : firstNonSpin(value, n);
}

function copySpinsFromArray(value: readonly unknown[], out: Int8Array, offset: number, n: number): boolean {
  let other = 0;
  for (let i = 0; i < n; i++) {
    const v = value[i];
    const up = ((v === 1) as unknown as number) | 0; // 1 or 0
    const down = ((v === -1) as unknown as number) | 0;
    out[offset + i] = up - down;
    other |= 1 - up - down;
  }
  return other === 0;
}

function copySpinsFromView(value: ArrayLike<unknown>, out: Int8Array, offset: number, n: number): boolean {
  let other = 0;
  for (let i = 0; i < n; i++) {
    const v = value[i];
    const up = ((v === 1) as unknown as number) | 0; // 1 or 0
    const down = ((v === -1) as unknown as number) | 0;
    out[offset + i] = up - down;
    other |= 1 - up - down;
  }
  return other === 0;
}

/** The index of the first value that is not +1 or -1 (n when all are). */
function firstNonSpin(value: ArrayLike<unknown>, n: number): number {
  for (let i = 0; i < n; i++) {
    const v = value[i];
    if (v !== 1 && v !== -1) return i;
  }
  return n;
}

/**
 * Refuses calls with more arguments than the function takes (the old positional forms such as
 * `boltzmannExact(W, b, T)`), with a hint of the new form.
 */
export function checkArgumentCount(fn: string, given: number, most: number, form: string): void {
  if (given > most) throw new TypeError(`${fn}: takes ${form}, got ${given} arguments; the biases belong in the network (hopfieldNetwork(W, { biases })) and the inverse temperature is options.beta`);
}

/** W holds N^2 numbers: at most 10,000 units (800 MB of weights). */
export const MAX_NETWORK_UNITS = 10_000;

/**
 * Refuses more than MAX_NETWORK_UNITS units (W would hold N^2 numbers). Called before anything
 * of size N^2 is allocated, so a huge array gets this message, not the engine's.
 */
export function checkNetworkSize(fn: string, arg: string, n: number): void {
  if (n > MAX_NETWORK_UNITS) {
    throw new RangeError(`${fn}: ${arg} must have at most ${MAX_NETWORK_UNITS} units (W holds N^2 numbers), got ${n} units`);
  }
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
 * One pass over the numbers, straight into the P x N result (no copy per pattern).
 */
export function checkSpinPatterns(fn: string, arg: string, value: unknown, size?: number): SpinPatterns {
  if (!Array.isArray(value)) throw new TypeError(message(fn, arg, "an array of patterns (arrays of +1/-1 values)", value));
  if (value.length === 0) throw new RangeError(message(fn, arg, "a non-empty array of patterns", value));
  const count = value.length;
  const n = checkSpinLength(fn, `${arg}[0]`, value[0], size);
  const data = new Int8Array(count * n);
  for (let mu = 0; mu < count; mu++) {
    const p = value[mu] as unknown;
    if (mu > 0) {
      if (!isArrayLike(p)) throw new TypeError(message(fn, `${arg}[${mu}]`, "an array of +1/-1 values", p));
      if (p.length !== n) {
        throw new RangeError(
          message(fn, `${arg}[${mu}]`, `a pattern of ${n} units like ${arg}[0]`, p) + ` (length ${p.length})`,
        );
      }
    }
    const bad = copySpins(p as ArrayLike<unknown>, data, mu * n, n);
    if (bad >= 0) throw new RangeError(message(fn, `${arg}[${mu}][${bad}]`, "+1 or -1", (p as ArrayLike<unknown>)[bad]));
  }
  return { count, size: n, data };
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
  /**
   * b, checked. Read, never written, and not to be handed out as a result's own array (copy
   * it): for a library network it is the copy kept from an earlier call (see Remembered).
   */
  readonly biases: Float64Array;
  /**
   * sum_j |W_ij| for each row i (for the tie tolerance), summed before any diagonal residues
   * were cleared. Shared with a library network's remembered sums: read, never written.
   */
  readonly rowAbsSums: Float64Array;
  /** True when W came with diagonal residues (below the tolerance) that were set to zero. */
  readonly diagonalCleared: boolean;
  /** The network's name (its `name`, or "<kind>, N = <size>" for rows). */
  readonly name: string;
  /**
   * The stored patterns of a network hebbianWeights made (W = scale (X^T X - P I)), for the
   * low-rank fields; undefined for every other network (and for W given as rows).
   */
  readonly factors?: HebbianFactors;
}

/** Relative tolerance of the symmetry and zero-diagonal checks. */
const SYMMETRY_TOLERANCE = 1e-12;

/** What the library remembers of a network it built. */
interface Remembered {
  /** sum_j |W_ij| for each row (for the tie tolerance). */
  readonly rowAbsSums: Float64Array;
  /** The packed patterns, when W is a Hebbian sum of them (hebbianWeights). */
  readonly factors: HebbianFactors | undefined;
  /**
   * The network's biases as the last call checked them (finite, N of them, energies bounded):
   * a private copy, never written, or undefined before the first call. A later call whose
   * biases hold the same numbers gets this same array back, with no check and no copy (and
   * code that keeps per-biases work, such as the WebAssembly set-up of syncOverlaps.ts, sees the
   * same object); biases changed in place since are checked and copied afresh.
   */
  checkedBiases: Float64Array | undefined;
  /** The bits of checkedBiases (a Uint32Array view of the same memory), for the comparison. */
  checkedBits: Uint32Array | undefined;
}

/**
 * Networks this library built (hebbianWeights, hopfieldNetwork): validated once when made, then
 * frozen. Maps each such network object to its row sums sum_j |W_ij| (and, for a Hebbian
 * network, its packed patterns), so later calls skip the O(N^2) door checks of W. Weak: a
 * network nobody holds any more is not kept alive here.
 */
const libraryNetworks = new WeakMap<object, Remembered>();

/**
 * Freezes a network the library has just built and checked, and remembers it (with its row sums
 * sum_j |W_ij| and, when W = scale (X^T X - P I), the packed patterns X) so that functions given
 * it later skip the O(N^2) checks of W, and recall and energy can use the P overlaps instead of
 * W. Internal: callers must pass a network whose W is finite, symmetric and has an exact zero
 * diagonal, and factors that give exactly that W.
 */
export function rememberLibraryNetwork<T extends HopfieldNetwork>(network: T, rowAbsSums: Float64Array, factors?: HebbianFactors): T {
  Object.freeze(network);
  libraryNetworks.set(network, { rowAbsSums, factors, checkedBiases: undefined, checkedBits: undefined });
  return network;
}

/** The packed patterns of a library-made Hebbian network, or undefined. */
export function libraryFactors(network: unknown): HebbianFactors | undefined {
  return typeof network === "object" && network !== null ? libraryNetworks.get(network)?.factors : undefined;
}

/** True when `value` is a network object this library built (hebbianWeights, hopfieldNetwork, boltzmannLearn). */
export function isLibraryNetwork(value: unknown): boolean {
  return typeof value === "object" && value !== null && libraryNetworks.has(value);
}

function isNetwork(value: unknown): value is HopfieldNetwork {
  return typeof value === "object" && value !== null && !Array.isArray(value) && "weights" in value && "size" in value;
}

/**
 * Reads a network: a {@link HopfieldNetwork} (weights, biases and name from the object), or W
 * as an array of N rows (zero biases). Checks that W is square, finite, symmetric and has a
 * zero diagonal, and that the biases are N finite numbers. `kind` names a network given as
 * rows (or a hand-made object without a name): "Hopfield network" gives "Hopfield network,
 * N = 10".
 *
 * - Rows (number[][]) are copied into a fresh typed array (one pass that also checks finiteness
 *   and sums |W_ij| per row), then checked for symmetry in cache-friendly tiles.
 * - A network object made by hand is checked the same way; its weights are used as they are
 *   (never written), unless the diagonal holds rounding residues to clear (then a copy).
 * - A network the library built (hebbianWeights, hopfieldNetwork, boltzmannLearn) was checked
 *   when made: only an O(N) look at its diagonal (still exactly zero?) is done here, and its
 *   remembered row sums are reused. If the diagonal was changed in place, the full checks run.
 *   Its biases, which may also have been changed in place, are compared (O(N), sequential)
 *   with the copy the last call checked: when equal, that copy is returned again (no check, no
 *   new array); otherwise they are checked and copied afresh.
 */
export function readCouplings(fn: string, arg: string, network: unknown, kind = "Hopfield network"): Couplings {
  if (network === undefined || network === null) {
    throw new TypeError(message(fn, arg, "a network (from hopfieldNetwork or hebbianWeights) or a square matrix (an array of rows)", network));
  }
  const fromNetwork = isNetwork(network);
  const remembered = fromNetwork ? libraryNetworks.get(network) : undefined;
  const net = network as HopfieldNetwork;
  const change = remembered === undefined ? DIAGONAL_CHANGED : changeSinceChecked(net.weights, net.size, net.biases, remembered.checkedBits);
  if (change !== DIAGONAL_CHANGED) {
    // Library-made and checked when made; the network object is frozen, so size and weights
    // are the ones that were checked. The biases are those checked last time, bit for bit,
    // unless changed in place since (or never read yet): then checked and copied afresh.
    const n = net.size;
    const rowAbsSums = remembered!.rowAbsSums;
    let b = remembered!.checkedBiases!;
    if (change === BIASES_CHANGED) {
      b = readBiases(fn, arg, net.biases, n, rowAbsSums);
      remembered!.checkedBiases = b;
      remembered!.checkedBits = new Uint32Array(b.buffer, b.byteOffset, 2 * n);
    }
    const name = networkName(network, kind, n);
    return { size: n, weights: net.weights, biases: b, rowAbsSums, diagonalCleared: false, name, factors: remembered!.factors };
  }
  const read = fromNetwork ? readNetworkWeights(fn, arg, network) : readRowWeights(fn, arg, network);
  const n = read.size;
  let w = read.weights;
  let diagonalCleared = false;
  if (checkSymmetricZeroDiagonal(fn, arg, w, n, read.scale)) {
    if (fromNetwork) w = new Float64Array(w);
    for (let i = 0; i < n; i++) w[i * n + i] = 0;
    diagonalCleared = true;
  }
  const b = readBiases(fn, arg, fromNetwork ? (network as { biases?: unknown }).biases : undefined, n, read.rowAbsSums);
  const name = fromNetwork ? networkName(network, kind, n) : `${kind}, N = ${n}`;
  return { size: n, weights: w, biases: b, rowAbsSums: read.rowAbsSums, diagonalCleared, name };
}

/**
 * The biases of a network (all zero when absent) as a fresh Float64Array, checked: N finite
 * numbers, and sum_i (sum_j |W_ij| + |b_i|) finite, since |E(s)| <= sum_i (sum_j |W_ij| / 2 +
 * |b_i|) and |h_i| <= sum_j |W_ij| + |b_i| must stay finite.
 */
function readBiases(fn: string, arg: string, given: unknown, n: number, rowAbsSums: Float64Array): Float64Array {
  const b = given === undefined || given === null ? new Float64Array(n) : checkBiases(fn, `${arg}.biases`, given, n);
  let bound = 0;
  for (let i = 0; i < n; i++) bound += rowAbsSums[i] + Math.abs(b[i]);
  if (!(bound < Infinity)) {
    throw new RangeError(plainMessage(fn, arg, "a network whose energies are finite (sum of |W_ij| and |b_i| below 1.8e308)", "a sum that overflows"));
  }
  return b;
}

/** What changed in a library network since it was checked (see changeSinceChecked). */
const UNCHANGED = 0;
const BIASES_CHANGED = 1;
const DIAGONAL_CHANGED = 2;

/**
 * The O(N) look at a library network at each call, in one pass: DIAGONAL_CHANGED unless every
 * W_ii is still exactly zero (W then gets the full checks); else BIASES_CHANGED unless the
 * biases are a Float64Array of N numbers equal bit for bit to the copy checked last time
 * (`keptBits`, undefined before the first call; a NaN or a zero of the other sign differs);
 * else UNCHANGED. The biases are compared as 32-bit words: exact, with no division for zeros.
 */
function changeSinceChecked(w: Float64Array, n: number, given: unknown, keptBits: Uint32Array | undefined): number {
  if (keptBits === undefined || !(given instanceof Float64Array) || given.length !== n) {
    return hasZeroDiagonal(w, n) ? BIASES_CHANGED : DIAGONAL_CHANGED;
  }
  const givenBits = new Uint32Array(given.buffer, given.byteOffset, 2 * n);
  let differ = 0;
  for (let i = 0; i < n; i++) {
    if (w[i * n + i] !== 0) return DIAGONAL_CHANGED;
    const k = 2 * i;
    differ |= (givenBits[k] ^ keptBits[k]) | (givenBits[k + 1] ^ keptBits[k + 1]);
  }
  return differ === 0 ? UNCHANGED : BIASES_CHANGED;
}

/** The network's `name`, or "<kind>, N = <size>" when it has none (or an empty or odd one). */
function networkName(network: object, kind: string, n: number): string {
  const label = (network as { name?: unknown }).name;
  return typeof label === "string" && label.length > 0 ? label : `${kind}, N = ${n}`;
}

/** W as read at the door: row-major values, with sum_j |W_ij| per row and max |W_ij|. */
interface ReadWeights {
  readonly size: number;
  readonly weights: Float64Array;
  readonly rowAbsSums: Float64Array;
  readonly scale: number;
}

/** True when every W_ii is exactly zero (O(N): the safety net for library networks). */
function hasZeroDiagonal(w: Float64Array, n: number): boolean {
  for (let i = 0; i < n; i++) if (w[i * n + i] !== 0) return false;
  return true;
}

/** rowAbsSums[i] = sum_j |W_ij|, j ascending (the order of the door pass). */
export function absoluteRowSums(w: Float64Array, n: number, rowAbsSums: Float64Array): void {
  for (let i = 0; i < n; i++) {
    const row = i * n;
    let sum = 0;
    for (let j = 0; j < n; j++) sum += Math.abs(w[row + j]);
    rowAbsSums[i] = sum;
  }
}

/** The weights of a hand-made network object: a Float64Array of size^2 finite numbers. */
function readNetworkWeights(fn: string, arg: string, network: HopfieldNetwork): ReadWeights {
  const size = network.size;
  if (!(Number.isInteger(size) && size >= 1)) throw new RangeError(message(fn, `${arg}.size`, "a positive integer", size));
  checkNetworkSize(fn, `${arg}.size`, size);
  const flat = network.weights as unknown;
  if (!(flat instanceof Float64Array) || flat.length !== size * size) {
    throw new TypeError(message(fn, `${arg}.weights`, `a Float64Array of ${size * size} numbers (N x N, row-major)`, flat));
  }
  const n = size;
  const rowAbsSums = new Float64Array(n);
  let scale = 0;
  for (let i = 0; i < n; i++) {
    const row = i * n;
    let sum = 0;
    for (let j = 0; j < n; j++) {
      const v = flat[row + j];
      // One comparison rejects NaN and +-Infinity: both fail |v| < Infinity.
      if (!(Math.abs(v) < Infinity)) throw new RangeError(message(fn, `${arg}.weights[${row + j}]`, "a finite number", v));
      const magnitude = Math.abs(v);
      sum += magnitude;
      if (magnitude > scale) scale = magnitude;
    }
    rowAbsSums[i] = sum;
  }
  return { size: n, weights: flat, rowAbsSums, scale };
}

/**
 * W given as N rows of N numbers, copied row-major into a fresh Float64Array. The same pass
 * checks that each entry is finite and sums |W_ij| per row. Errors keep their order: a wrong
 * kind anywhere (TypeError) is reported before the first non-finite number (RangeError).
 */
function readRowWeights(fn: string, arg: string, weights: unknown): ReadWeights {
  if (!Array.isArray(weights)) throw new TypeError(message(fn, arg, "a network or a square matrix (an array of rows)", weights));
  const n = weights.length;
  if (n === 0) throw new RangeError(message(fn, arg, "a non-empty square matrix", weights));
  checkNetworkSize(fn, arg, n);
  const out = new Float64Array(n * n);
  const rowAbsSums = new Float64Array(n);
  let scale = 0;
  let firstNonFinite = -1;
  for (let i = 0; i < n; i++) {
    const row = weights[i] as unknown;
    if (!isArrayLike(row)) throw new TypeError(message(fn, `${arg}[${i}]`, `a row of ${n} finite numbers`, row));
    if (row.length !== n) {
      throw new RangeError(plainMessage(fn, arg, `a square matrix (${n} rows of ${n} numbers)`, `row ${i} of length ${row.length}`));
    }
    const offset = i * n;
    let sum = 0;
    for (let j = 0; j < n; j++) {
      const v = row[j];
      if (typeof v !== "number") throw new TypeError(message(fn, `${arg}[${i}][${j}]`, "a finite number", v));
      out[offset + j] = v;
      const magnitude = Math.abs(v);
      // One comparison rejects NaN and +-Infinity: both fail |v| < Infinity.
      if (!(magnitude < Infinity)) {
        if (firstNonFinite < 0) firstNonFinite = offset + j;
      } else {
        sum += magnitude;
        if (magnitude > scale) scale = magnitude;
      }
    }
    rowAbsSums[i] = sum;
  }
  if (firstNonFinite >= 0) {
    const i = Math.floor(firstNonFinite / n);
    const j = firstNonFinite - i * n;
    throw new RangeError(message(fn, `${arg}[${i}][${j}]`, "a finite number", out[firstNonFinite]));
  }
  return { size: n, weights: out, rowAbsSums, scale };
}

/** Side of the square tiles of the symmetry scan: two 64 x 64 tiles of doubles fit in L1/L2. */
const SYMMETRY_TILE = 64;

/**
 * Throws unless W (row-major, N x N) is symmetric with a zero diagonal, both to 1e-12 relative
 * to max(1, max |W_ij|). Returns true when the diagonal holds non-zero residues to clear.
 *
 * The scan compares tile (I, J) above the diagonal with tile (J, I) below it, 64 x 64 at a time,
 * so both tiles stay in cache (a plain row-by-column scan reads W_ji with a stride of N doubles,
 * a cache miss per entry for large N). Only when something is wrong does the plain scan run, to
 * report the first offending entry in row order, as always.
 */
function checkSymmetricZeroDiagonal(fn: string, arg: string, w: Float64Array, n: number, scale: number): boolean {
  const slack = SYMMETRY_TOLERANCE * Math.max(1, scale);
  let residues = false;
  let ok = true;
  for (let i = 0; i < n && ok; i++) {
    const d = w[i * n + i];
    if (d !== 0) {
      if (Math.abs(d) > slack) ok = false;
      residues = true;
    }
  }
  for (let ti = 0; ti < n && ok; ti += SYMMETRY_TILE) {
    const iEnd = Math.min(ti + SYMMETRY_TILE, n);
    for (let tj = ti; tj < n && ok; tj += SYMMETRY_TILE) {
      const jEnd = Math.min(tj + SYMMETRY_TILE, n);
      for (let i = ti; i < iEnd; i++) {
        const row = i * n;
        for (let j = tj > i ? tj : i + 1; j < jEnd; j++) {
          const a = w[row + j];
          const c = w[j * n + i];
          if (a !== c && Math.abs(a - c) > slack) ok = false;
        }
      }
    }
  }
  if (!ok) throwFirstAsymmetry(fn, arg, w, n, slack);
  return residues;
}

/** The plain row-order scan: throws for the first non-zero diagonal entry or asymmetric pair. */
function throwFirstAsymmetry(fn: string, arg: string, w: Float64Array, n: number, slack: number): void {
  for (let i = 0; i < n; i++) {
    const d = w[i * n + i];
    if (d !== 0 && Math.abs(d) > slack) {
      throw new RangeError(plainMessage(fn, arg, "a matrix with a zero diagonal", `W[${i}][${i}] = ${describe(d)}`));
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
}
