/**
 * The Hopfield network as data: N units with values +1 or -1, symmetric weights W with a zero
 * diagonal, and biases b. The same object describes a fully visible Boltzmann machine.
 */
import { checkBoolean, message, readOptions } from "../validate";
import { absoluteRowSums, checkBiases, checkSpinPatterns, readCouplings, rememberLibraryNetwork } from "./checks";

/**
 * N units with symmetric weights (zero diagonal), biases and a name.
 *
 * `weights` is row-major: W_ij is `weights[i * size + j]`. Make one with {@link hebbianWeights}
 * or {@link hopfieldNetwork} (or learn one with `boltzmannLearn`); every function that takes a
 * network also accepts the weights as an array of rows (number[][]), with zero biases. The
 * biases always come from the network: no function takes them as a separate argument.
 *
 * A network made by those two functions is checked once, when made (W finite, symmetric, zero
 * diagonal), then frozen and remembered: recall, energy and the Boltzmann functions trust it and
 * skip the O(N^2) checks of W. Its `weights` is a Float64Array, which JavaScript cannot freeze:
 * do not change it in place; build a new network instead (for example
 * `hopfieldNetwork(rows)` from edited rows). A network object written by hand, or a copy such
 * as `{ ...net }`, is checked in full on every call.
 */
export interface HopfieldNetwork {
  /** N, the number of units. */
  readonly size: number;
  /**
   * W, N x N, row-major: W_ij at index i * N + j. Symmetric, zero diagonal. Do not mutate in
   * place: build a new network.
   */
  readonly weights: Float64Array;
  /** b, length N (zeros when the network has no biases). */
  readonly biases: Float64Array;
  /**
   * A readable name, such as "Hopfield network, N = 49, P = 4": results made from the network
   * carry it as their `energyName`, so figures can tell runs of different networks apart.
   */
  readonly name: string;
  /** P, the number of patterns stored by the Hebbian rule (absent for hand-made networks). */
  readonly patternCount?: number;
}

/** Options of {@link hebbianWeights}. */
export interface HebbianOptions {
  /** Divide by N (W = (1/N) sum_mu xi xi^T); false keeps the integer sums. @default true */
  normalize?: boolean;
  /** Biases b, one per unit. @default all zero */
  biases?: readonly number[];
  /** The network's name. @default "Hopfield network, N = <N>, P = <P>" */
  name?: string;
}

/** Options of {@link hopfieldNetwork}. */
export interface NetworkOptions {
  /** Biases b, one per unit. @default the given network's biases, or all zero for rows */
  biases?: readonly number[];
  /** The network's name. @default the given network's name, or "Hopfield network, N = <N>" */
  name?: string;
}

/** W holds N^2 numbers: at most 10,000 units (800 MB of weights). */
export const MAX_NETWORK_UNITS = 10_000;

/** A name option: a non-empty string, or undefined for the default. */
export function checkName(fn: string, arg: string, value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "string" || value.length === 0) throw new TypeError(message(fn, arg, "a non-empty string", value));
  return value;
}

/**
 * Stores patterns with Hebb's rule (Hopfield 1982, eq. 2):
 * W_ij = (1/N) sum_mu xi_i^mu xi_j^mu for i != j, and W_ii = 0.
 *
 * Each pattern then sits at (or near) a minimum of E(s) = -1/2 s^T W s - b^T s while the load
 * P/N stays below about 0.138 (Amit, Gutfreund & Sompolinsky 1985). Cost O(N^2 P / 32):
 * the sums are counted 32 patterns at a time with bit operations.
 *
 * @param patterns P patterns, each an array of N values +1 or -1.
 * @throws TypeError when `patterns` is not an array of arrays, or an option has the wrong kind.
 * @throws RangeError when the list is empty, the patterns disagree in length, a value is not
 *   +1 or -1, N is above 10,000, the biases are not N finite numbers, or an option is unknown.
 * @example
 * const net = hebbianWeights([[1, -1, 1], [1, 1, -1]]);
 * net.weights[0 * 3 + 1]; // (1*-1 + 1*1) / 3
 * // => 0
 * net.weights[1 * 3 + 2]; // (-1*1 + 1*-1) / 3
 * // => -0.6666666666666666
 */
export function hebbianWeights(patterns: readonly (readonly number[])[], options?: HebbianOptions): HopfieldNetwork {
  const fn = "hebbianWeights";
  const opts = readOptions(fn, options, { normalize: true as boolean, biases: undefined as readonly number[] | undefined, name: undefined as string | undefined });
  const list = checkSpinPatterns(fn, "patterns", patterns);
  const normalize = checkBoolean(fn, "options.normalize", opts.normalize);
  const n = list.size;
  checkNetworkSize(fn, "patterns[0]", n);
  const biases = opts.biases === undefined ? new Float64Array(n) : checkBiases(fn, "options.biases", opts.biases, n);
  const name = checkName(fn, "options.name", opts.name) ?? `Hopfield network, N = ${n}, P = ${list.count}`;
  const rowAbsSums = new Float64Array(n);
  const weights = hebbianMatrix(list.data, list.count, n, normalize ? 1 / n : 1, rowAbsSums);
  // Hebb's rule gives finite, symmetric weights with an exact zero diagonal: nothing to re-check.
  return rememberLibraryNetwork({ size: n, weights, biases, name, patternCount: list.count }, rowAbsSums);
}

/**
 * W = scale * sum_mu xi^mu xi^mu^T with a zero diagonal, from P patterns stored row after row
 * in `data` (P x N). Internal fast path: no validation.
 *
 * The sum is counted with bits: write unit i's values across the P patterns as a P-bit string
 * (bit mu set when xi_i^mu = +1). Then sum_mu xi_i^mu xi_j^mu = (agreements) - (disagreements)
 * = P - 2 d_ij, where d_ij = popcount(bits_i XOR bits_j) is the Hamming distance of the two
 * strings. The result is the same integer as the plain sum (so the same doubles after the
 * scale), about 15 times faster at P = 200.
 *
 * When `rowAbsSums` (length N) is given, it receives sum_j |W_ij| for each row, added in the
 * order j = 0, 1, ..., N - 1 (so the same doubles as a row-by-row pass over W).
 */
export function hebbianMatrix(data: Int8Array, count: number, n: number, scale: number, rowAbsSums?: Float64Array): Float64Array {
  const words = Math.ceil(count / 32);
  const bits = new Int32Array(n * words);
  for (let mu = 0; mu < count; mu++) {
    const offset = mu * n;
    const word = mu >>> 5;
    const mask = 1 << (mu & 31);
    for (let i = 0; i < n; i++) if (data[offset + i] === 1) bits[i * words + word] |= mask;
  }
  const weights = new Float64Array(n * n);
  // Without an output array the sums go to a scratch array (N doubles): one loop, no branch.
  const sums = rowAbsSums ?? new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const oi = i * words;
    // Row i already holds its j < i terms (added when rows j < i were built); add j > i now.
    let rowSum = sums[i];
    for (let j = i + 1; j < n; j++) {
      const oj = j * words;
      let distance = 0;
      for (let k = 0; k < words; k++) distance += popcount32(bits[oi + k] ^ bits[oj + k]);
      const w = (count - 2 * distance) * scale;
      weights[i * n + j] = w;
      weights[j * n + i] = w;
      const magnitude = Math.abs(w);
      rowSum += magnitude;
      sums[j] += magnitude;
    }
    sums[i] = rowSum;
  }
  return weights;
}

/** The number of set bits of a 32-bit integer (the SWAR bit count). */
function popcount32(x: number): number {
  x = x - ((x >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24);
}

/**
 * Makes a network from weights you choose: W as an array of N rows of N numbers (symmetric,
 * zero diagonal), with optional biases b and a name in the options.
 *
 * The energy E(s) = -1/2 s^T W s - b^T s decreases under asynchronous updates only when W is
 * symmetric with a zero (or non-negative) diagonal; this library asks for a zero diagonal, which
 * for +-1 units loses nothing (the diagonal only adds the constant -1/2 sum_i W_ii).
 *
 * @throws TypeError when `weights` is not an array of arrays of numbers, or an option has the
 *   wrong kind.
 * @throws RangeError when W is not square, not symmetric (to 1e-12 relative), has a non-zero
 *   diagonal entry or a non-finite entry, N is above 10,000, b is not N finite numbers, or an
 *   option is unknown.
 * @example
 * const net = hopfieldNetwork([[0, 1], [1, 0]], { biases: [0.5, 0] });
 * [net.size, net.name];
 * // => [2, "Hopfield network, N = 2"]
 */
export function hopfieldNetwork(weights: HopfieldNetwork | readonly (readonly number[])[], options?: NetworkOptions): HopfieldNetwork {
  const fn = "hopfieldNetwork";
  const opts = readOptions(fn, options, { biases: undefined as readonly number[] | undefined, name: undefined as string | undefined });
  if (Array.isArray(weights)) checkNetworkSize(fn, "weights", weights.length);
  const couplings = readCouplings(fn, "weights", weights);
  const { size: n, weights: w } = couplings;
  const biases = opts.biases === undefined ? couplings.biases : checkBiases(fn, "options.biases", opts.biases, n);
  const name = checkName(fn, "options.name", opts.name) ?? couplings.name;
  // Checked here, once. The row sums are kept for the tie tolerance of later recalls; they are
  // summed again only when diagonal residues were cleared (so they describe W as stored).
  let rowAbsSums = couplings.rowAbsSums;
  if (couplings.diagonalCleared) absoluteRowSums(w, n, (rowAbsSums = new Float64Array(n)));
  // Rows were copied into a fresh array, which the new network owns. A network object given
  // instead was read in place: copy its array, so later changes to it cannot reach this one.
  const given = (weights as { weights?: unknown }).weights;
  const owned = given === w ? new Float64Array(w) : w;
  // checkBiases copies, so the biases are the new network's own array too.
  return rememberLibraryNetwork({ size: n, weights: owned, biases, name }, rowAbsSums);
}

/** Refuses more than MAX_NETWORK_UNITS units (W would hold N^2 numbers). */
function checkNetworkSize(fn: string, arg: string, n: number): void {
  if (n > MAX_NETWORK_UNITS) {
    throw new RangeError(`${fn}: ${arg} must have at most ${MAX_NETWORK_UNITS} units (W holds N^2 numbers), got ${n} units`);
  }
}
