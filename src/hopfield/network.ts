/**
 * The Hopfield network as data: N units with values +1 or -1, symmetric weights W with a zero
 * diagonal, and biases b. The same object describes a fully visible Boltzmann machine.
 */
import { checkBoolean, message, readOptions } from "../validate";
import { absoluteRowSums, checkBiases, checkNetworkSize, checkSpinPatterns, readCouplings, rememberLibraryNetwork } from "./checks";
import { wasmGram } from "./gramWasm";
import { completeCouplings, couplingRows, hebbianFactors, type HebbianFactors } from "./lowRank";
import type { HopfieldNetwork } from "./networkType";

export type { HopfieldNetwork } from "./networkType";
export { MAX_NETWORK_UNITS } from "./checks";

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
 * P/N stays below about 0.138 (Amit, Gutfreund & Sompolinsky 1985). Cost O(N^2 P / 64):
 * the sums are counted 64 patterns at a time with bit counts (WebAssembly's i64.popcnt where
 * available), one table look-up per weight.
 *
 * The network also keeps the patterns, packed (internally, not a field): W = (X^T X - P I)/N
 * for the P x N patterns X, so {@link hopfieldRecall} and {@link hopfieldEnergy} compute fields
 * from the P overlaps m = X s (exact integers, O(P N / 8)) instead of W (O(N^2)), with the same
 * results. `hopfieldNetwork(net, { biases })` keeps them; a copy such as
 * `{ ...net }` or W given as rows does not (the general path, also exact in its decisions).
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
  const scale = normalize ? 1 / n : 1;
  // The packed patterns give W, and are kept: recall and energy compute fields from them.
  const factors = hebbianFactors(list.data, list.count, n, scale);
  // Hebb's rule gives finite, symmetric weights with an exact zero diagonal: nothing to re-check.
  const weights = hebbianMatrix(factors, rowAbsSums);
  return rememberLibraryNetwork({ size: n, weights, biases, name, patternCount: list.count }, rowAbsSums, factors);
}

/**
 * W = scale * sum_mu xi^mu xi^mu^T with a zero diagonal, from the packed patterns. Internal fast
 * path: no validation.
 *
 * The sum is counted with bits: write unit i's values across the P patterns as a P-bit string
 * (bit mu set when xi_i^mu = +1). Then sum_mu xi_i^mu xi_j^mu = (agreements) - (disagreements)
 * = P - 2 d_ij, where d_ij = popcount(bits_i XOR bits_j) is the Hamming distance of the two
 * strings: the same integers as the plain sum, so W_ij = (P - 2 d_ij) * scale is the same
 * double. The count runs in WebAssembly (gramWasm.ts: one 64-bit bit count per 64 patterns, row
 * by row) when available and N is at most about 2000; otherwise in JavaScript, through the
 * integer couplings C of lowRank.ts ({@link completeCouplings}, pairs in cache-sized tiles).
 * Every entry of the result is written, so its memory is taken without zero-filling it first.
 *
 * When `rowAbsSums` (length N) is given, it receives sum_j |W_ij| for each row, added in the
 * order j = 0, 1, ..., N - 1 (so the same doubles as a row-by-row pass over W).
 */
export function hebbianMatrix(f: HebbianFactors, rowAbsSums?: Float64Array): Float64Array {
  const { size: n, count, scale } = f;
  const weights = unfilledDoubles(n * n);
  const sums = rowAbsSums ?? new Float64Array(n);
  if (wasmGram(count, n, scale, f.columnWords, f.words, weights, sums)) return weights;
  const c = completeCouplings(couplingRows(f));
  for (let i = 0; i < n; i++) {
    const row = i * n;
    let sum = 0;
    for (let j = 0; j < n; j++) {
      const w = c[row + j] * scale;
      weights[row + j] = w;
      sum += Math.abs(w);
    }
    sums[i] = sum;
  }
  return weights;
}

/**
 * A Float64Array of `length` whose contents are undefined until written: in Node, memory from
 * Buffer.allocUnsafeSlow (its own ArrayBuffer, not zero-filled: at N = 1000 that saves a pass
 * over 8 MB); elsewhere a plain (zeroed) Float64Array. Callers must write every entry.
 */
function unfilledDoubles(length: number): Float64Array {
  const node = (globalThis as { Buffer?: { allocUnsafeSlow?: (size: number) => Uint8Array } }).Buffer;
  if (typeof node?.allocUnsafeSlow !== "function") return new Float64Array(length);
  const bytes = node.allocUnsafeSlow(8 * length);
  return new Float64Array(bytes.buffer, bytes.byteOffset, length);
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
  const couplings = readCouplings(fn, "weights", weights);
  const { size: n, weights: w } = couplings;
  // couplings.biases may be the copy the door keeps for a library network: copy it again.
  const biases = opts.biases === undefined ? new Float64Array(couplings.biases) : checkBiases(fn, "options.biases", opts.biases, n);
  const name = checkName(fn, "options.name", opts.name) ?? couplings.name;
  // Checked here, once. The row sums are kept for the tie tolerance of later recalls; they are
  // summed again only when diagonal residues were cleared (so they describe W as stored).
  let rowAbsSums = couplings.rowAbsSums;
  if (couplings.diagonalCleared) absoluteRowSums(w, n, (rowAbsSums = new Float64Array(n)));
  // Rows were copied into a fresh array, which the new network owns. A network object given
  // instead was read in place: copy its array, so later changes to it cannot reach this one.
  const given = (weights as { weights?: unknown }).weights;
  const owned = given === w ? new Float64Array(w) : w;
  // Either way the biases are the new network's own array too. A Hebbian network
  // given whole keeps its patterns (same W, perhaps new biases or name): its fast recall too.
  const factors = couplings.diagonalCleared ? undefined : couplings.factors;
  return rememberLibraryNetwork({ size: n, weights: owned, biases, name }, rowAbsSums, factors);
}
