/**
 * The RBM's sums and sigmoids in WebAssembly SIMD (internal: the fast path of CdWorkspace in
 * kernels.ts, used when V and H are multiples of 8 and WebAssembly is there; no validation).
 *
 * `sums(m, bias, lists, lengths, count, n, width, out)` (byte addresses in the module's memory):
 * for each of `count` lists (list r at lists + 4 r n, lengths[r] entries, each the byte offset of
 * a row of m), out_r = bias + the sum of the listed rows, `width` numbers, 8 at a time in four
 * f64x2 registers. Each lane adds in list order, starting from bias, as the scalar loops do
 * (f64x2.add is the IEEE addition of each lane), so the numbers are the same bits; there is no
 * bounds check and two additions per instruction: about 7 G additions per second here against
 * 1.5 G for the scalar loop. `sigmoids` applies 1 / (1 + exp(-x)) with V8's exp written in f64x2
 * (the same bits, see sigmoidsFunction), `transpose` copies W^T, `scale` multiplies by a number
 * and `addScaled` takes the step W += eta gW.
 *
 * The five functions are instruction lists (WasmFunction) encoded by src/wasm.ts, compiled on
 * first use and kept; each workspace instantiates the module on its own memory. Where
 * WebAssembly or its SIMD is missing, `compiledSums` returns null and kernels.ts runs its
 * JavaScript loops (the same numbers).
 */
import { compile, f64Const, F64, I32, i32Const, i64Const, instantiate, loopUntil, OP, SIMD, V128, v128Load, v128Store, wasmMemory, type WasmFunction, type WasmModule } from "../wasm";

type SumsKernel = (m: number, bias: number, lists: number, lengths: number, count: number, n: number, width: number, out: number) => void;
type SigmoidKernel = (at: number, end: number) => number;
type TransposeKernel = (w: number, wt: number, V: number, H: number) => void;
type ScaleKernel = (at: number, end: number, factor: number) => void;
type AddScaledKernel = (at: number, from: number, end: number, factor: number) => void;

const O = OP;

/** `sums(m, bias, lists, lengths, count, n, width, out)`, as described above. */
function sumsFunction(): WasmFunction {
  // Parameters, then i32 locals, then the four v128 accumulators.
  const [M, BIAS, LISTS, LENGTHS, COUNT, N, WIDTH, OUT] = [0, 1, 2, 3, 4, 5, 6, 7];
  const [R, JB, P, E, BASE, ADDR, OR, WB] = [8, 9, 10, 11, 12, 13, 14, 15];
  const acc = [16, 17, 18, 19];
  const listedRow = loopUntil([O.get, P, O.get, E, O.i32GeU], [
    // addr = m + lists[p] + jb; acc_k += the 8 numbers there, two per register
    O.get, M, O.get, P, O.i32Load, 2, 0, O.i32Add, O.get, JB, O.i32Add, O.set, ADDR,
    ...acc.flatMap((a, k) => [O.get, a, O.get, ADDR, ...v128Load(16 * k), ...SIMD.f64x2Add, O.set, a]),
    O.get, P, ...i32Const(4), O.i32Add, O.set, P,
  ]);
  const blocks = loopUntil([O.get, JB, O.get, WB, O.i32GeU], [ // for each block of 8 outputs (64 bytes)
    // acc_k = the bias's 8 numbers at jb, then the listed rows, then out_r[jb..] = acc
    ...acc.flatMap((a, k) => [O.get, BIAS, O.get, JB, O.i32Add, ...v128Load(16 * k), O.set, a]),
    O.get, BASE, O.set, P,
    ...listedRow,
    ...acc.flatMap((a, k) => [O.get, OR, O.get, JB, O.i32Add, O.get, a, ...v128Store(16 * k)]),
    O.get, JB, ...i32Const(64), O.i32Add, O.set, JB,
  ]);
  const body = [
    O.get, WIDTH, ...i32Const(3), O.i32Shl, O.set, WB, // row length in bytes
    ...i32Const(0), O.set, R,
    ...loopUntil([O.get, R, O.get, COUNT, O.i32GeU], [
      // base = lists + 4 r n; e = base + 4 lengths[r]; or = out + r wb; jb = 0
      O.get, LISTS, O.get, R, O.get, N, O.i32Mul, ...i32Const(2), O.i32Shl, O.i32Add, O.set, BASE,
      O.get, BASE, O.get, LENGTHS, O.get, R, ...i32Const(2), O.i32Shl, O.i32Add, O.i32Load, 2, 0, ...i32Const(2), O.i32Shl, O.i32Add, O.set, E,
      O.get, OUT, O.get, R, O.get, WB, O.i32Mul, O.i32Add, O.set, OR,
      ...i32Const(0), O.set, JB,
      ...blocks,
      O.get, R, ...i32Const(1), O.i32Add, O.set, R,
    ]),
  ];
  const locals = [...Array<number>(8).fill(I32), ...Array<number>(4).fill(V128)];
  return { name: "sums", params: Array<number>(8).fill(I32), results: [], locals, body };
}

/** `addScaled(at, from, end, factor)`: y <- y + factor x, y at [at, end), x from `from` (f64x2). */
function addScaledFunction(): WasmFunction {
  const [AT, FROM, END, FACTOR, F] = [0, 1, 2, 3, 4];
  const body = [
    O.get, FACTOR, ...SIMD.f64x2Splat, O.set, F,
    ...loopUntil([O.get, AT, O.get, END, O.i32GeU], [
      // y + factor x, as w[q] + eta * gW[q]
      O.get, AT, O.get, AT, ...v128Load(0), O.get, F, O.get, FROM, ...v128Load(0), ...SIMD.f64x2Mul, ...SIMD.f64x2Add, ...v128Store(0),
      O.get, AT, ...i32Const(16), O.i32Add, O.set, AT,
      O.get, FROM, ...i32Const(16), O.i32Add, O.set, FROM,
    ]),
  ];
  return { name: "addScaled", params: [I32, I32, I32, F64], results: [], locals: [V128], body };
}

/** `transpose(w, wt, V, H)`: wt = W^T (H x V) from W (V x H), byte addresses; plain f64 moves. */
function transposeFunction(): WasmFunction {
  const [W, WT, V, H, J, I, SRC, DST] = [0, 1, 2, 3, 4, 5, 6, 7];
  const body = [
    ...i32Const(0), O.set, J,
    ...loopUntil([O.get, J, O.get, H, O.i32GeU], [
      O.get, W, O.get, J, ...i32Const(3), O.i32Shl, O.i32Add, O.set, SRC, // src = w + 8 j
      O.get, WT, O.get, J, O.get, V, O.i32Mul, ...i32Const(3), O.i32Shl, O.i32Add, O.set, DST, // dst = wt + 8 j V
      ...i32Const(0), O.set, I,
      ...loopUntil([O.get, I, O.get, V, O.i32GeU], [
        O.get, DST, O.get, SRC, O.f64Load, 3, 0, O.f64Store, 3, 0, // f64.store(dst, f64.load(src))
        O.get, SRC, O.get, H, ...i32Const(3), O.i32Shl, O.i32Add, O.set, SRC,
        O.get, DST, ...i32Const(8), O.i32Add, O.set, DST,
        O.get, I, ...i32Const(1), O.i32Add, O.set, I,
      ]),
      O.get, J, ...i32Const(1), O.i32Add, O.set, J,
    ]),
  ];
  return { name: "transpose", params: [I32, I32, I32, I32], results: [], locals: [I32, I32, I32, I32], body };
}

/** `scale(at, end, factor)`: x <- x factor for the numbers at [at, end) (an even count), f64x2. */
function scaleFunction(): WasmFunction {
  const [AT, END, FACTOR, F] = [0, 1, 2, 3];
  const body = [
    O.get, FACTOR, ...SIMD.f64x2Splat, O.set, F,
    ...loopUntil([O.get, AT, O.get, END, O.i32GeU], [
      O.get, AT, O.get, AT, ...v128Load(0), O.get, F, ...SIMD.f64x2Mul, ...v128Store(0), // x * factor
      O.get, AT, ...i32Const(16), O.i32Add, O.set, AT,
    ]),
  ];
  return { name: "scale", params: [I32, I32, F64], results: [], locals: [V128], body };
}

/** Expressions of v128 values, written as calls: each returns the operands' code, then the op. */
type Code = readonly number[];
const binary = (op: Code) => (a: Code, b: Code): number[] => [...a, ...b, ...op];
const unary = (op: Code) => (a: Code): number[] => [...a, ...op];
const [add, sub, mul, div] = [SIMD.f64x2Add, SIMD.f64x2Sub, SIMD.f64x2Mul, SIMD.f64x2Div].map(binary);
const [lt, ge, eq, and, or, i64Add] = [SIMD.f64x2Lt, SIMD.f64x2Ge, SIMD.f64x2Eq, SIMD.v128And, SIMD.v128Or, SIMD.i64x2Add].map(binary);
const [abs, neg, not] = [SIMD.f64x2Abs, SIMD.f64x2Neg, SIMD.v128Not].map(unary);
/** (int) x, lane by lane, toward zero: i32x4.trunc_sat_f64x2_s_zero (the two low i32 lanes). */
const trunc = unary(SIMD.truncSatF64x2SZero);
/** The two low i32 lanes as doubles, and as i64 lanes. */
const [toDouble, toI64] = [SIMD.convertLowI32x4S, SIMD.extendLowI32x4S].map(unary);
/** Both lanes of the double x, and of the integer v. */
const splat = (x: number): number[] => [...f64Const(x), ...SIMD.f64x2Splat];
const splatI64 = (v: number): number[] => [...i64Const(v), ...SIMD.i64x2Splat];
/** Each i64 lane of a shifted left by `bits`. */
const shl = (a: Code, bits: number): number[] => [...a, ...i32Const(bits), ...SIMD.i64x2Shl];
/** Lane bits of a where the mask's are 1, of b elsewhere (v128.bitselect). */
const select = (a: Code, b: Code, mask: Code): number[] => [...a, ...b, ...mask, ...SIMD.v128Bitselect];
const local = (i: number): number[] => [O.get, i];

/**
 * `sigmoids(at, end)`: x <- 1 / (1 + exp(-x)) for the numbers at byte addresses [at, end), two
 * at a time, with exp computed as V8's Math.exp computes it (fdlibm's e_exp.c: x = k ln 2 + r,
 * |r| <= ln(2) / 2, a degree-5 rational correction, times 2^k) in f64x2 operations, the same
 * IEEE operations in the same order, so the same bits. The branches of e_exp.c become lane
 * masks: k = 0 when |x| < ln(2) / 2 (its k = 0 formula is the general one with k = 0, hi = x,
 * lo = 0), and |x| < 1.5 ln 2 gives k = +-1 by the general rounding too. The cases it treats
 * apart (|x| >= 700, |x| < 2^-28, x = 1) are looked for first: if one is there, nothing is
 * changed and `sigmoids` returns 1, and the caller ({@link sigmoidInPlace}) uses Math.exp
 * instead. Checked against Math.exp on 2.9e7 arguments spread over every range of the
 * reduction (bit for bit), and by test/unit/rbm-kernels.test.ts.
 */
function sigmoidsFunction(): WasmFunction {
  const [LN2_HI, LN2_LO, INV_LN2] = [6.9314718036912381649e-1, 1.90821492927058770002e-10, 1.442695040888963387];
  const [P1, P2, P3, P4, P5] = [1.66666666666666019037e-1, -2.77777777770155933842e-3, 6.61375632143793436117e-5, -1.6533902205465251539e-6, 4.13813679705723846039e-8];
  const HALF_LN2 = 0.3465735912322998; // e_exp.c's |x| > 0.5 ln 2 test: high word above 0x3FD62E42
  const [AT, END, X, KD, HI, LO, R, T, C, P] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
  const [x, kd, hi, lo, r, t, c] = [X, KD, HI, LO, R, T, C].map(local);
  /** The lanes of x that e_exp.c treats apart (|x| >= 700 or NaN, |x| < 2^-28, x = 1). */
  const special = or(or(not(lt(abs(kd), splat(700))), lt(abs(kd), splat(3.725290298461914e-9))), eq(kd, splat(1)));
  // k = (int) (x / ln 2 +- 1/2), as a double, and 0 where |x| < ln(2) / 2
  const k = and(toDouble(trunc(add(mul(splat(INV_LN2), x), select(splat(-0.5), splat(0.5), lt(x, splat(0)))))), ge(abs(x), splat(HALF_LN2)));
  // c = r - t (P1 + t (P2 + t (P3 + t (P4 + t P5)))), t = r^2
  const correction = sub(r, mul(t, add(splat(P1), mul(t, add(splat(P2), mul(t, add(splat(P3), mul(t, add(splat(P4), mul(t, splat(P5)))))))))));
  // 1 / (1 + y 2^k), y = 1 - ((lo - r c / (2 - c)) - hi), 2^k from its bits
  const twoToK = shl(i64Add(toI64(trunc(kd)), splatI64(1023)), 52);
  const sigmoid = div(splat(1), add(splat(1), mul(sub(splat(1), sub(sub(lo, div(mul(r, c), sub(splat(2), c))), hi)), twoToK)));
  const body = [
    // Scan: any x = -s with a special lane? Then change nothing, return 1.
    O.get, AT, O.set, P,
    ...splat(0), O.set, X, // the lanes seen special so far (all bits 0)
    ...loopUntil([O.get, P, O.get, END, O.i32GeU], [
      ...neg([O.get, P, ...v128Load(0)]), O.set, KD,
      ...or(x, special), O.set, X,
      O.get, P, ...i32Const(16), O.i32Add, O.set, P,
    ]),
    O.get, X, ...SIMD.v128AnyTrue, O.if, O.void, ...i32Const(1), O.return, O.end,
    ...loopUntil([O.get, AT, O.get, END, O.i32GeU], [
      ...neg([O.get, AT, ...v128Load(0)]), O.set, X, // x = -s
      ...k, O.set, KD,
      ...sub(x, mul(kd, splat(LN2_HI))), O.set, HI,
      ...mul(kd, splat(LN2_LO)), O.set, LO,
      ...sub(hi, lo), O.set, R,
      ...mul(r, r), O.set, T,
      ...correction, O.set, C,
      O.get, AT, ...sigmoid, ...v128Store(0),
      O.get, AT, ...i32Const(16), O.i32Add, O.set, AT,
    ]),
    ...i32Const(0), // done
  ];
  return { name: "sigmoids", params: [I32, I32], results: [I32], locals: [...Array<number>(7).fill(V128), I32], body };
}

/** The five functions of the module. */
export function simdFunctions(): WasmFunction[] {
  return [sumsFunction(), sigmoidsFunction(), transposeFunction(), scaleFunction(), addScaledFunction()];
}

/** The compiled module, or null where WebAssembly (with SIMD) is missing; undefined: not tried. */
let sumsModule: WasmModule | null | undefined;
export function compiledSums(): WasmModule | null {
  if (sumsModule === undefined) sumsModule = compile(simdFunctions()) ?? null; // null: no SIMD, the scalar loops serve
  return sumsModule;
}

/** A workspace's memory for the SIMD path: views and byte addresses of its buffers. */
export class SimdBuffers {
  readonly sums: SumsKernel;
  readonly sigmoids: SigmoidKernel;
  readonly transpose: TransposeKernel;
  readonly scale: ScaleKernel;
  readonly addScaled: AddScaledKernel;
  readonly f64: Float64Array;
  readonly i32: Int32Array;
  /** Float64 buffers: their byte addresses in the memory. */
  readonly w: number;
  readonly wt: number;
  readonly b: number;
  readonly c: number;
  readonly zero: number;
  readonly mix: number;
  readonly ph0: number;
  readonly pv: number;
  readonly phk: number;
  readonly gW: number;
  readonly gc: number;
  /** Int32 buffers (byte addresses): the lists and their lengths. */
  readonly listV0: number;
  readonly listH: number;
  readonly listVk: number;
  readonly listRows: number;
  readonly lengthV0: number;
  readonly lengthH: number;
  readonly lengthVk: number;
  readonly lengthRows: number;
  readonly listAll: number;
  readonly lengthAll: number;

  constructor(compiled: WasmModule, V: number, H: number, capacity: number) {
    let top = 0;
    const take = (count: number) => {
      const at = top;
      top += 8 * count + 64; // 8-byte numbers; a gap keeps every buffer 16-byte aligned
      top = Math.ceil(top / 16) * 16;
      return at;
    };
    this.w = take(V * H);
    this.wt = take(H * V);
    this.b = take(V);
    this.c = take(H);
    this.zero = take(H);
    this.mix = take(3 * capacity * H);
    this.ph0 = take(capacity * H);
    this.pv = take(capacity * V);
    this.phk = take(capacity * H);
    this.gW = take(V * H);
    this.gc = take(H);
    this.listV0 = take(capacity * V); // (int32 lists take half of what is reserved)
    this.listH = take(capacity * H);
    this.listVk = take(capacity * V);
    this.listRows = take(V * capacity);
    this.lengthV0 = take(capacity);
    this.lengthH = take(capacity);
    this.lengthVk = take(capacity);
    this.lengthRows = take(V);
    this.listAll = take(capacity);
    this.lengthAll = take(1);
    const memory = wasmMemory(Math.ceil(top / 65536))!;
    const kernels = instantiate(compiled, memory);
    this.sums = kernels.sums as SumsKernel;
    this.sigmoids = kernels.sigmoids as SigmoidKernel;
    this.transpose = kernels.transpose as TransposeKernel;
    this.scale = kernels.scale as ScaleKernel;
    this.addScaled = kernels.addScaled as AddScaledKernel;
    this.f64 = new Float64Array(memory.buffer);
    this.i32 = new Int32Array(memory.buffer);
  }

  /** A Float64Array view of `length` numbers at byte address `at`. */
  view(at: number, length: number): Float64Array {
    return this.f64.subarray(at / 8, at / 8 + length);
  }

  /** An Int32Array view of `length` entries at byte address `at`. */
  intView(at: number, length: number): Int32Array {
    return this.i32.subarray(at / 4, at / 4 + length);
  }
}

/**
 * x_k <- sigmoid(x_k) = 1 / (1 + exp(-x_k)) for the `length` numbers (even) at byte address
 * `at` of the memory of s: in wasm, or in JavaScript with Math.exp when an x_k needs one of
 * exp's special cases (the same numbers either way).
 */
export function sigmoidInPlace(s: SimdBuffers, at: number, length: number): void {
  if (s.sigmoids(at, at + 8 * length) === 0) return;
  const x = s.view(at, length);
  for (let k = 0; k < length; k++) x[k] = 1 / (1 + Math.exp(-x[k]));
}
