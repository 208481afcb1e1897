/**
 * The Hebbian weight matrix W = scale (X^T X - P I) counted with WebAssembly's 64-bit bit count
 * (private fast path of hebbianWeights; no validation: network.ts checks at the door).
 *
 * Write unit i's values across the P patterns as a P-bit string (bit mu set when X_mu,i = +1),
 * in words64 = ceil(P / 64) words of 64 bits. Then sum_mu X_mu,i X_mu,j = P - 2 d_ij with
 * d_ij = popcount(col_i XOR col_j), one `i64.popcnt` per word, so
 *
 *   W_ij = values[d_ij],   values[d] = (P - 2 d) scale   (the same double as C_ij * scale),
 *
 * a table look-up. The kernel fills the N x N matrix row by row (stores in order, no mirror
 * writes that miss the cache: each pair is counted twice, which costs less here) and adds
 * |W_ij| along each row in order, four rows at a time.
 * JavaScript has no bit count of its own: the same count costs about 12 operations per 32-bit
 * word there (lowRank.ts's bitDistance), which is why this module exists.
 *
 * The module is assembled from the instruction list in `kernelBody` (src/wasm.ts writes the
 * bytes; no tool, no download): one module per words64 (the inner count unrolled), compiled on first use
 * and kept. Its memory is one WebAssembly.Memory shared by those modules, holding the columns
 * and one chunk of rows (copied out into W as they are made), grown as needed up to
 * {@link MAX_WASM_BYTES} and kept for the next build.
 * Where WebAssembly is missing, or the columns would need more memory, `wasmGram` returns
 * false and network.ts counts in JavaScript (the same numbers). Measured at N = 1000 (issue 17,
 * bench/README.md): about 1.2 ms for P = 50 and 1.5 ms for P = 120 with the copy out; the
 * whole build took 9 and 14 ms with the JavaScript count (tiled, then converted to doubles).
 */
import { ensureBytes, F64, F64_ZERO, I32, I64, instantiate, OP, sleb, uleb, wasmMemory, type WasmFunction, type WasmMemory } from "../wasm";

/** The largest wasm memory the kernel may keep: 64 MiB (the columns, N x P bits, and a chunk of rows). */
export const MAX_WASM_BYTES = 64 * 1024 * 1024;

const { block: BLOCK, loop: LOOP, end: END, br: BR, brIf: BR_IF, void: VOID, select: SELECT } = OP;
const { get: GET, set: SET, tee: TEE, i64Load: I64_LOAD, f64Load: F64_LOAD, f64Store: F64_STORE } = OP;
const { i32Const: I32_CONST, i32Ne: I32_NE, i32GeU: I32_GE_U } = OP;
const { i32Add: I32_ADD, i32Sub: I32_SUB, i32Mul: I32_MUL, i32Shl: I32_SHL } = OP;
const { i64Popcnt: I64_POPCNT, i64Add: I64_ADD, i64Xor: I64_XOR, f64Abs: F64_ABS, f64Add: F64_ADD, i32WrapI64: I32_WRAP_I64 } = OP;

// Parameters: rows [i0, i1), n, and the byte addresses of cols, values, out, sums.
const I0 = 0, I1 = 1, N = 2, COLS = 3, VALUES = 4, OUT = 5, SUMS = 6;
// i32 locals: i, j, cj (address of col j), rowBytes (8 n), lim (end of the current j range);
// then per row r of the block: o_r (where W_(i+r),j goes); f64: tv, s_r; i64: a_(r,k), the
// words of col i+r.
const I = 7, J = 8, CJ = 9, ROW_BYTES = 10, LIM = 11, O0 = 12;

/**
 * The kernel's instructions for `words64` words per unit and blocks of `rows` rows (1 or 4):
 *
 *   for i = i0, i0 + rows, ... < i1: a_r = col_(i+r); s_r = 0
 *     for j < n: for each r: d = sum_k popcnt(a_(r,k) ^ col_j[k]);
 *                            v = (j == i + r) ? 0 : values[d]; out[i - i0 + r][j] = v; s_r += |v|
 *     sums[i + r] = s_r
 *
 * The j loop runs in three ranges, [0, i), [i, i + rows) and [i + rows, n), so that only the
 * middle one (the block's diagonal) tests j == i + r. Each row's sum adds |W_ij| for
 * j = 0, 1, ..., N - 1 in turn (the diagonal's 0 included), the order of a row-by-row pass, so
 * the same doubles; the rows of a block add independently, which hides the latency of the
 * additions. The columns col_j are read once per block.
 */
function kernelBody(words64: number, rows: number): number[] {
  const stride = 8 * words64;
  const tv = O0 + rows; // f64 locals start here
  const s0 = tv + 1;
  const a0 = s0 + rows; // i64 locals start here
  const code: number[] = [];
  /** One j loop up to `lim` (set before), the diagonal test in it when `diagonal`. */
  const jLoop = (diagonal: boolean): void => {
    code.push(BLOCK, VOID, LOOP, VOID);
    code.push(GET, J, GET, LIM, I32_GE_U, BR_IF, 1);
    for (let r = 0; r < rows; r++) {
      code.push(GET, O0 + r); // the store's address, under the value
      code.push(GET, VALUES);
      for (let k = 0; k < words64; k++) {
        code.push(GET, a0 + r * words64 + k, GET, CJ, I64_LOAD, 3, ...uleb(8 * k), I64_XOR, I64_POPCNT);
        if (k > 0) code.push(I64_ADD);
      }
      code.push(I32_WRAP_I64, I32_CONST, 3, I32_SHL, I32_ADD, F64_LOAD, 3, 0);
      if (diagonal) {
        code.push(...F64_ZERO);
        code.push(GET, J, GET, I, I32_CONST, r, I32_ADD, I32_NE, SELECT);
      }
      code.push(TEE, tv, F64_STORE, 3, 0);
      code.push(GET, s0 + r, GET, tv, F64_ABS, F64_ADD, SET, s0 + r);
      code.push(GET, O0 + r, I32_CONST, 8, I32_ADD, SET, O0 + r);
    }
    code.push(GET, CJ, I32_CONST, ...sleb(stride), I32_ADD, SET, CJ);
    code.push(GET, J, I32_CONST, 1, I32_ADD, SET, J, BR, 0, END, END);
  };
  code.push(GET, N, I32_CONST, 8, I32_MUL, SET, ROW_BYTES);
  code.push(GET, I0, SET, I);
  code.push(BLOCK, VOID, LOOP, VOID);
  code.push(GET, I, GET, I1, I32_GE_U, BR_IF, 1);
  for (let r = 0; r < rows; r++) {
    for (let k = 0; k < words64; k++) {
      // a_(r,k) = cols[(i + r) * stride + 8 k]
      code.push(GET, COLS, GET, I, I32_CONST, ...sleb(stride), I32_MUL, I32_ADD, I64_LOAD, 3, ...uleb(stride * r + 8 * k), SET, a0 + r * words64 + k);
    }
    code.push(...F64_ZERO, SET, s0 + r);
    // o_r = out + (i - i0 + r) * 8 n: the block's rows, from the start of `out`
    if (r === 0) code.push(GET, OUT, GET, I, GET, I0, I32_SUB, GET, ROW_BYTES, I32_MUL, I32_ADD, SET, O0);
    else code.push(GET, O0 + r - 1, GET, ROW_BYTES, I32_ADD, SET, O0 + r);
  }
  code.push(I32_CONST, 0, SET, J, GET, COLS, SET, CJ);
  code.push(GET, I, SET, LIM);
  jLoop(false);
  code.push(GET, I, I32_CONST, rows, I32_ADD, SET, LIM);
  jLoop(true);
  code.push(GET, N, SET, LIM);
  jLoop(false);
  for (let r = 0; r < rows; r++) {
    // sums[i + r] = s_r
    code.push(GET, SUMS, GET, I, I32_CONST, 3, I32_SHL, I32_ADD, GET, s0 + r, F64_STORE, 3, ...uleb(8 * r));
  }
  code.push(GET, I, I32_CONST, rows, I32_ADD, SET, I, BR, 0, END, END);
  return code;
}

/** One kernel function, `name`, for blocks of `rows` rows. */
function kernelFunction(name: string, words64: number, rows: number): WasmFunction {
  const locals = [...Array<number>(5 + rows).fill(I32), ...Array<number>(1 + rows).fill(F64), ...Array<number>(rows * words64).fill(I64)];
  return { name, params: [I32, I32, I32, I32, I32, I32, I32], results: [], locals, body: kernelBody(words64, rows) };
}

type Gram = (i0: number, i1: number, n: number, cols: number, values: number, out: number, sums: number) => void;

let memory: WasmMemory | undefined;
const kernels = new Map<number, { gram4: Gram; gram1: Gram }>();

/**
 * The kernels for `words64`, compiled on first use: gram4 for blocks of 4 rows, gram1 for the
 * rows left. Undefined without WebAssembly.
 */
function kernel(words64: number): { gram4: Gram; gram1: Gram } | undefined {
  let pair = kernels.get(words64);
  if (pair !== undefined) return pair;
  memory ??= wasmMemory();
  if (memory === undefined) return undefined;
  const compiled = instantiate([kernelFunction("gram4", words64, BLOCK_ROWS), kernelFunction("gram1", words64, 1)], memory);
  pair = { gram4: compiled.gram4 as Gram, gram1: compiled.gram1 as Gram };
  kernels.set(words64, pair);
  return pair;
}

/** Rows per block of the main kernel (their sums add side by side). */
const BLOCK_ROWS = 4;

/** Bytes of matrix rows computed per call into wasm memory, then copied out: about 512 KiB. */
const CHUNK_BYTES = 1 << 19;

/**
 * W = scale (X^T X - P I) into `weights` (N x N, every entry written, the diagonal 0) and
 * rowAbsSums[i] = sum_j |W_ij| added for j = 0, 1, ..., N - 1 (the doubles of a row-by-row
 * pass), from the bit columns (`columnWords`, `words` 32-bit words per unit, bit k of word w set
 * when X_(32w+k),i = +1). The rows are made a chunk at a time (a multiple of 4 rows, about
 * 512 KiB, still in cache when copied out). Returns false, writing nothing, when WebAssembly is
 * missing or the memory would exceed {@link MAX_WASM_BYTES}.
 */
export function wasmGram(
  count: number,
  n: number,
  scale: number,
  columnWords: Int32Array,
  words: number,
  weights: Float64Array,
  rowAbsSums: Float64Array,
): boolean {
  const words64 = Math.ceil(count / 64);
  const chunkRows = Math.max(BLOCK_ROWS, BLOCK_ROWS * Math.floor(CHUNK_BYTES / (8 * BLOCK_ROWS * n)));
  const colsBytes = n * 8 * words64;
  const valuesAt = colsBytes;
  const sumsAt = valuesAt + 8 * (count + 1);
  const outAt = sumsAt + 8 * n;
  const total = outAt + 8 * n * chunkRows;
  if (total > MAX_WASM_BYTES) return false;
  const pair = kernel(words64);
  if (pair === undefined || memory === undefined) return false;
  if (!ensureBytes(memory, total)) return false; // no memory for it: the JavaScript count instead
  const buffer = memory.buffer;
  // Unit i's column: its 32-bit words, then zeros up to words64 64-bit words (two 32-bit words
  // make one 64-bit word; which bit is which does not matter to a count of differences).
  const cols = new Int32Array(buffer, 0, colsBytes / 4);
  const per = 2 * words64;
  for (let i = 0; i < n; i++) {
    const from = i * words;
    const to = i * per;
    for (let w = 0; w < per; w++) cols[to + w] = w < words ? columnWords[from + w] : 0;
  }
  const values = new Float64Array(buffer, valuesAt, count + 1);
  for (let d = 0; d <= count; d++) values[d] = (count - 2 * d) * scale;
  const out = new Float64Array(buffer, outAt, n * chunkRows);
  for (let i0 = 0; i0 < n; i0 += chunkRows) {
    const i1 = Math.min(n, i0 + chunkRows);
    const blocked = i1 - ((i1 - i0) % BLOCK_ROWS);
    pair.gram4(i0, blocked, n, 0, valuesAt, outAt, sumsAt);
    if (blocked < i1) pair.gram1(blocked, i1, n, 0, valuesAt, outAt + 8 * n * (blocked - i0), sumsAt);
    weights.set(i1 - i0 === chunkRows ? out : out.subarray(0, (i1 - i0) * n), i0 * n);
  }
  rowAbsSums.set(new Float64Array(buffer, sumsAt, n));
  return true;
}
