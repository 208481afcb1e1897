/**
 * The pattern-space fields of synchronous recall (syncOverlaps.ts) in WebAssembly: the overlaps
 * m = X s with 64-bit bit counts, the byte tables of m, and all N fields with the units that
 * flip (private fast path, no validation).
 *
 * The same integer sums and the same two roundings as the JavaScript of lowRank.ts and
 * syncOverlaps.ts (h_i = scale K_i + b_i: one product, one sum, no fused operations in
 * WebAssembly), so the same doubles and decisions. Compiled code from the first call on, where
 * JavaScript runs its first calls in the interpreter: the benefit is in a notebook's first
 * recalls as much as in the steady state.
 *
 * Memory (one WebAssembly.Memory, grown as needed, kept): the network's column words and
 * pattern bits are copied in at the start of each run (O(N P / 32)), then each step copies s
 * and m in (O(N + P)) and reads h and the changed units in place.
 */
import { ensureBytes, F64, I32, I64, instantiate, OP, type WasmFunction, type WasmMemory, wasmMemory } from "../wasm";
import type { HebbianFactors } from "./lowRank";

const O = OP;

/**
 * overlaps(p, u64, bits, packed, m, n, s): packs s (bit i of word i / 64 set when s_i = +1, into
 * `packed`, zero on entry), then m_mu = n - 2 sum_k popcnt(bits[mu][k] ^ packed[k]).
 */
function overlapsFunction(): WasmFunction {
  const [P, U, BITS, PACKED, M, N, S, MU, K, PTR, Q, D, I, A] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13];
  const body = [
    O.i32Const, 0, O.set, I,
    O.block, O.void, O.loop, O.void,
    O.get, I, O.get, N, O.i32GeU, O.brIf, 1,
    // packed[i >> 6] |= ((s_i + 1) >> 1) << (i & 63)
    O.get, PACKED, O.get, I, O.i32Const, 6, O.i32ShrU, O.i32Const, 3, O.i32Shl, O.i32Add, O.set, A,
    O.get, A, O.get, A, O.i64Load, 3, 0,
    O.get, S, O.get, I, O.i32Add, O.i32Load8s, 0, 0, O.i32Const, 1, O.i32Add, O.i32Const, 1, O.i32ShrU, O.i64ExtendI32U,
    O.get, I, O.i32Const, 63, O.i32And, O.i64ExtendI32U, O.i64Shl, O.i64Or, O.i64Store, 3, 0,
    O.get, I, O.i32Const, 1, O.i32Add, O.set, I, O.br, 0, O.end, O.end,
    O.get, BITS, O.set, PTR, O.i32Const, 0, O.set, MU,
    O.block, O.void, O.loop, O.void,
    O.get, MU, O.get, P, O.i32GeU, O.brIf, 1,
    O.i64Const, 0, O.set, D, O.i32Const, 0, O.set, K, O.get, PACKED, O.set, Q,
    O.block, O.void, O.loop, O.void,
    O.get, K, O.get, U, O.i32GeU, O.brIf, 1,
    O.get, D, O.get, PTR, O.i64Load, 3, 0, O.get, Q, O.i64Load, 3, 0, O.i64Xor, O.i64Popcnt, O.i64Add, O.set, D,
    O.get, PTR, O.i32Const, 8, O.i32Add, O.set, PTR,
    O.get, Q, O.i32Const, 8, O.i32Add, O.set, Q,
    O.get, K, O.i32Const, 1, O.i32Add, O.set, K, O.br, 0, O.end, O.end,
    // m[mu] = n - 2 d
    O.get, M, O.get, MU, O.i32Const, 2, O.i32Shl, O.i32Add,
    O.get, N, O.get, D, O.i32WrapI64, O.i32Const, 1, O.i32Shl, O.i32Sub, O.i32Store, 2, 0,
    O.get, MU, O.i32Const, 1, O.i32Add, O.set, MU, O.br, 0, O.end, O.end,
  ];
  return { name: "overlaps", params: [I32, I32, I32, I32, I32, I32, I32], results: [], locals: [I32, I32, I32, I32, I64, I32, I32], body };
}

/** tables(groups, p, m, tables): tables[256 g + byte] = 2 sum of m over the set bits (lowRank.ts's overlapTables). */
function tablesFunction(): WasmFunction {
  const [G, P, M, T, GI, BASE, BIT, MU, V, SPAN, X] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
  const body = [
    O.i32Const, 0, O.set, GI, O.get, T, O.set, BASE,
    O.block, O.void, O.loop, O.void,
    O.get, GI, O.get, G, O.i32GeU, O.brIf, 1,
    O.get, BASE, O.i32Const, 0, O.i32Store, 2, 0,
    O.i32Const, 0, O.set, BIT,
    O.block, O.void, O.loop, O.void,
    O.get, BIT, O.i32Const, 8, O.i32GeU, O.brIf, 1,
    O.get, GI, O.i32Const, 3, O.i32Shl, O.get, BIT, O.i32Add, O.set, MU,
    // v = mu < p ? 2 m[mu] : 0 (the load past P reads other scratch, discarded)
    O.get, M, O.get, MU, O.i32Const, 2, O.i32Shl, O.i32Add, O.i32Load, 2, 0, O.i32Const, 1, O.i32Shl,
    O.i32Const, 0, O.get, MU, O.get, P, O.i32LtS, O.select, O.set, V,
    O.i32Const, 1, O.get, BIT, O.i32Shl, O.set, SPAN,
    O.i32Const, 0, O.set, X,
    O.block, O.void, O.loop, O.void,
    O.get, X, O.get, SPAN, O.i32GeU, O.brIf, 1,
    // tables[base + span + x] = tables[base + x] + v
    O.get, BASE, O.get, SPAN, O.get, X, O.i32Add, O.i32Const, 2, O.i32Shl, O.i32Add,
    O.get, BASE, O.get, X, O.i32Const, 2, O.i32Shl, O.i32Add, O.i32Load, 2, 0, O.get, V, O.i32Add, O.i32Store, 2, 0,
    O.get, X, O.i32Const, 1, O.i32Add, O.set, X, O.br, 0, O.end, O.end,
    O.get, BIT, O.i32Const, 1, O.i32Add, O.set, BIT, O.br, 0, O.end, O.end,
    O.get, BASE, O.i32Const, 0x80, 0x08, O.i32Add, O.set, BASE, // += 1024
    O.get, GI, O.i32Const, 1, O.i32Add, O.set, GI, O.br, 0, O.end, O.end,
  ];
  return { name: "tables", params: [I32, I32, I32, I32], results: [], locals: [I32, I32, I32, I32, I32, I32, I32], body };
}

/**
 * refill(n, words, cols, tables, s, b, h, changed, total, p, scale, tol) -> count:
 * h_i = scale (sum of the tables at unit i's column bytes - total - p s_i) + b_i, and the units
 * whose sign(h_i) (ties keep s_i) differs from s_i into `changed`.
 */
function refillFunction(): WasmFunction {
  const [N, W, COLS, T, S, B, H, CH, TOTAL, P, SCALE, TOL] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
  const [I, C, Q, BASE, X, SUM, SI, COUNT, HI] = [12, 13, 14, 15, 16, 17, 18, 19, 20];
  /** sum += tables[base + (offset / 1024) * 256 + byte], byte = (x >>> shift) & 255. */
  const lookup = (shift: number, offset: number): number[] => [
    O.get, SUM, O.get, BASE, O.get, X,
    ...(shift === 0 ? [] : [O.i32Const, shift, O.i32ShrU]),
    ...(shift === 24 ? [] : [O.i32Const, 0xff, 0x01, O.i32And]),
    O.i32Const, 2, O.i32Shl, O.i32Add, O.i32Load, 2, ...(offset === 0 ? [0] : offset === 1024 ? [0x80, 0x08] : offset === 2048 ? [0x80, 0x10] : [0x80, 0x18]),
    O.i32Add, O.set, SUM,
  ];
  const body = [
    O.i32Const, 0, O.set, COUNT, O.i32Const, 0, O.set, I, O.get, COLS, O.set, C,
    O.block, O.void, O.loop, O.void,
    O.get, I, O.get, N, O.i32GeU, O.brIf, 1,
    O.get, S, O.get, I, O.i32Add, O.i32Load8s, 0, 0, O.set, SI,
    // sum = -total - p s_i
    O.i32Const, 0, O.get, TOTAL, O.i32Sub, O.get, P, O.get, SI, O.i32Mul, O.i32Sub, O.set, SUM,
    O.i32Const, 0, O.set, Q, O.get, T, O.set, BASE,
    O.block, O.void, O.loop, O.void,
    O.get, Q, O.get, W, O.i32GeU, O.brIf, 1,
    O.get, C, O.i32Load, 2, 0, O.set, X,
    ...lookup(0, 0), ...lookup(8, 1024), ...lookup(16, 2048), ...lookup(24, 3072),
    O.get, C, O.i32Const, 4, O.i32Add, O.set, C,
    O.get, BASE, O.i32Const, 0x80, 0x20, O.i32Add, O.set, BASE, // += 4096
    O.get, Q, O.i32Const, 1, O.i32Add, O.set, Q, O.br, 0, O.end, O.end,
    // h_i = scale sum + b_i
    O.get, SCALE, O.get, SUM, O.f64ConvertI32S, O.f64Mul,
    O.get, B, O.get, I, O.i32Const, 3, O.i32Shl, O.i32Add, O.f64Load, 3, 0, O.f64Add, O.set, HI,
    O.get, H, O.get, I, O.i32Const, 3, O.i32Shl, O.i32Add, O.get, HI, O.f64Store, 3, 0,
    // flips when (h_i > tol ? s_i < 0 : h_i < -tol && s_i > 0)
    O.get, SI, O.i32Const, 0, O.i32LtS,
    O.get, HI, O.get, TOL, O.f64Neg, O.f64Lt, O.get, SI, O.i32Const, 0, O.i32GtS, O.i32And,
    O.get, HI, O.get, TOL, O.f64Gt, O.select,
    O.if, O.void,
    O.get, CH, O.get, COUNT, O.i32Const, 2, O.i32Shl, O.i32Add, O.get, I, O.i32Store, 2, 0,
    O.get, COUNT, O.i32Const, 1, O.i32Add, O.set, COUNT,
    O.end,
    O.get, I, O.i32Const, 1, O.i32Add, O.set, I, O.br, 0, O.end, O.end,
    O.get, COUNT,
  ];
  const params = [I32, I32, I32, I32, I32, I32, I32, I32, I32, I32, F64, F64];
  return { name: "refill", params, results: [I32], locals: [I32, I32, I32, I32, I32, I32, I32, I32, F64], body };
}

interface Kernels {
  readonly memory: WasmMemory;
  readonly overlaps: (p: number, u64: number, bits: number, packed: number, m: number, n: number, s: number) => void;
  readonly tables: (groups: number, p: number, m: number, tables: number) => void;
  readonly refill: (n: number, words: number, cols: number, tables: number, s: number, b: number, h: number, changed: number, total: number, p: number, scale: number, tol: number) => number;
}

let kernels: Kernels | null | undefined;

function compiled(): Kernels | undefined {
  if (kernels === undefined) {
    const memory = wasmMemory();
    if (memory === undefined) kernels = null;
    else {
      const e = instantiate([overlapsFunction(), tablesFunction(), refillFunction()], memory);
      kernels = { memory, overlaps: e.overlaps as Kernels["overlaps"], tables: e.tables as Kernels["tables"], refill: e.refill as Kernels["refill"] };
    }
  }
  return kernels ?? undefined;
}

/** One run's view of the kernels: the network's data copied in, h and changed in place. */
export interface WasmFields {
  /** True while the memory still holds this run's data (no later run has replaced it). */
  current(): boolean;
  /** The fields h (N), in wasm memory. */
  readonly h: Float64Array;
  /** The units that flip (N), in wasm memory. */
  readonly changed: Int32Array;
  /** m = X s into `m`. */
  overlaps(s: Int8Array, m: Int32Array): void;
  /** Fills h from m and writes the units that flip into `changed`; returns how many. */
  refill(s: Int8Array, m: Int32Array, tol: number): number;
}

/** The run whose data the memory holds. */
let holder: WasmFields | undefined;

/** The largest memory the kernels may keep: 64 MiB. */
const MAX_BYTES = 64 * 1024 * 1024;

/** Sets up a run for the network (its biases b); undefined without WebAssembly or memory. */
export function wasmFields(f: HebbianFactors, b: Float64Array): WasmFields | undefined {
  const k = compiled();
  if (k === undefined) return undefined;
  const { size: n, count: p, words, columnWords, bits, scale } = f;
  const u64 = Math.ceil(n / 64); // 64-bit words per pattern in f.bits (spinWords)
  const at8 = (bytes: number): number => Math.ceil(bytes / 8) * 8;
  const colsAt = 0;
  const bitsAt = at8(colsAt + 4 * n * words);
  const packedAt = bitsAt + 8 * p * u64;
  const mAt = packedAt + 8 * u64;
  const tablesAt = at8(mAt + 4 * p);
  const sAt = tablesAt + 4096 * words;
  const bAt = at8(sAt + n);
  const hAt = bAt + 8 * n;
  const changedAt = hAt + 8 * n;
  const total = changedAt + 4 * n;
  if (total > MAX_BYTES || !ensureBytes(k.memory, total)) return undefined;
  const buffer = k.memory.buffer;
  new Int32Array(buffer, colsAt, n * words).set(columnWords);
  new Int32Array(buffer, bitsAt, 2 * p * u64).set(bits);
  new Float64Array(buffer, bAt, n).set(b);
  const packed = new Int32Array(buffer, packedAt, 2 * u64);
  const mView = new Int32Array(buffer, mAt, p);
  const sView = new Int8Array(buffer, sAt, n);
  const fields: WasmFields = {
    current: () => holder === fields,
    h: new Float64Array(buffer, hAt, n),
    changed: new Int32Array(buffer, changedAt, n),
    overlaps(s: Int8Array, m: Int32Array): void {
      sView.set(s);
      packed.fill(0);
      k.overlaps(p, u64, bitsAt, packedAt, mAt, n, sAt);
      m.set(mView);
    },
    refill(s: Int8Array, m: Int32Array, tol: number): number {
      let sum = 0;
      for (let mu = 0; mu < p; mu++) sum += m[mu];
      mView.set(m);
      sView.set(s);
      k.tables(4 * words, p, mAt, tablesAt);
      return k.refill(n, words, colsAt, tablesAt, sAt, bAt, hAt, changedAt, sum, p, scale, tol);
    },
  };
  holder = fields;
  return fields;
}
