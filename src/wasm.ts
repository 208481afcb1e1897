/**
 * WebAssembly binary encoding, the one the library's kernels share (src/hopfield/gramWasm.ts,
 * src/hopfield/fieldsWasm.ts, src/rbm/simdKernels.ts): a module imports one memory, env.memory,
 * and exports functions written as lists of instructions. Internal: not re-exported from the
 * package. The format is the WebAssembly core specification's, chapter 5 (binary format): 1.0
 * plus the bit counts and the 128-bit SIMD instructions (section 5.4.8), no tool, no download.
 *
 * An instruction list is a flat array of bytes: an opcode from {@link OP} followed by its
 * immediates (`OP.get, 3` reads local 3; an index below 128 is its own LEB128), or one of the
 * helpers that encode the immediates for you ({@link i32Const}, {@link f64Const},
 * {@link loopUntil}, {@link v128Load}, the {@link SIMD} instructions).
 *
 * @example
 * uleb(624485); // => [229, 142, 38]
 * sleb(-123456); // => [192, 187, 120]
 */

/** Unsigned LEB128 (sizes, indices, memory offsets; spec 5.2.2). */
export function uleb(value: number): number[] {
  const out: number[] = [];
  do {
    let byte = value & 0x7f;
    value >>>= 7;
    if (value !== 0) byte |= 0x80;
    out.push(byte);
  } while (value !== 0);
  return out;
}

/** Signed LEB128 (the constants of i32.const and i64.const, up to 32 bits here). */
export function sleb(value: number): number[] {
  const out: number[] = [];
  for (;;) {
    const byte = value & 0x7f;
    value >>= 7;
    if ((value === 0 && (byte & 0x40) === 0) || (value === -1 && (byte & 0x40) !== 0)) {
      out.push(byte);
      return out;
    }
    out.push(byte | 0x80);
  }
}

/** A section: id, then its byte length, then the bytes. */
function section(id: number, bytes: number[]): number[] {
  return [id, ...uleb(bytes.length), ...bytes];
}

/** A name as a wasm vector of bytes (ASCII here). */
function name(text: string): number[] {
  return [...uleb(text.length), ...Array.from(text, (c) => c.charCodeAt(0))];
}

/** Value types (spec 5.3.1): numbers, and the 128-bit vector of the SIMD instructions. */
export const I32 = 0x7f, I64 = 0x7e, F64 = 0x7c, V128 = 0x7b;

/**
 * The one-byte opcodes the kernels use (spec 5.4), by their text names (`get` is local.get,
 * `void` the empty block type, `return` leaves the function). Loads and stores take a memarg
 * next: log2 of the alignment, then the offset as a LEB128 (`OP.f64Load, 3, 0`).
 */
export const OP = {
  block: 0x02, loop: 0x03, if: 0x04, end: 0x0b, br: 0x0c, brIf: 0x0d, return: 0x0f, void: 0x40, select: 0x1b,
  get: 0x20, set: 0x21, tee: 0x22,
  i32Load: 0x28, i64Load: 0x29, f64Load: 0x2b, i32Load8s: 0x2c, i32Store: 0x36, i64Store: 0x37, f64Store: 0x39,
  i32Const: 0x41, i64Const: 0x42, f64Const: 0x44,
  i32Eqz: 0x45, i32Ne: 0x47, i32LtS: 0x48, i32LtU: 0x49, i32GtS: 0x4a, i32GeU: 0x4f, f64Lt: 0x63, f64Gt: 0x64,
  i32Add: 0x6a, i32Sub: 0x6b, i32Mul: 0x6c, i32And: 0x71, i32Shl: 0x74, i32ShrU: 0x76,
  i64Popcnt: 0x7b, i64Add: 0x7c, i64Or: 0x84, i64Xor: 0x85, i64Shl: 0x86,
  f64Abs: 0x99, f64Neg: 0x9a, f64Add: 0xa0, f64Mul: 0xa2,
  i32WrapI64: 0xa7, i64ExtendI32U: 0xad, f64ConvertI32S: 0xb7,
} as const;

/** i32.const v (signed LEB128: 64 already takes two bytes). */
export function i32Const(v: number): number[] {
  return [OP.i32Const, ...sleb(v)];
}

/** i64.const v, for v in the 32-bit range. */
export function i64Const(v: number): number[] {
  return [OP.i64Const, ...sleb(v)];
}

/** f64.const x: the 8 bytes of the double, little-endian. */
export function f64Const(x: number): number[] {
  return [OP.f64Const, ...new Uint8Array(Float64Array.of(x).buffer)];
}

/** f64.const 0. */
export const F64_ZERO = f64Const(0);

/**
 * A loop that tests first: `while (!done) body`, as block, loop, done, br_if 1, body, br 0,
 * end, end. Inside `body`, depth 0 is the loop (continue) and depth 1 the block (break).
 */
export function loopUntil(done: readonly number[], body: readonly number[]): number[] {
  return [OP.block, OP.void, OP.loop, OP.void, ...done, OP.brIf, 1, ...body, OP.br, 0, OP.end, OP.end];
}

/** A SIMD instruction: the 0xFD prefix, then its number as a LEB128 (spec 5.4.8). */
function simd(op: number): readonly number[] {
  return [0xfd, ...uleb(op)];
}

/**
 * The SIMD instructions the kernels use, by their text names, each as its bytes (spread them
 * into a list: `...SIMD.f64x2Add`). Lanes: f64x2 holds two doubles, i64x2 two 64-bit integers,
 * i32x4 four 32-bit ones; a comparison gives all-ones or all-zeros lanes, a mask for the v128
 * bit operations. `truncSatF64x2SZero` is i32x4.trunc_sat_f64x2_s_zero (two doubles to the low
 * two i32 lanes), `convertLowI32x4S` is f64x2.convert_low_i32x4_s and `extendLowI32x4S`
 * i64x2.extend_low_i32x4_s.
 */
export const SIMD = {
  i64x2Splat: simd(0x12), f64x2Splat: simd(0x14),
  f64x2Eq: simd(0x47), f64x2Lt: simd(0x49), f64x2Ge: simd(0x4c),
  v128Not: simd(0x4d), v128And: simd(0x4e), v128Or: simd(0x50), v128Bitselect: simd(0x52), v128AnyTrue: simd(0x53),
  extendLowI32x4S: simd(0xc7), i64x2Shl: simd(0xcb), i64x2Add: simd(0xce),
  f64x2Abs: simd(0xec), f64x2Neg: simd(0xed), f64x2Add: simd(0xf0), f64x2Sub: simd(0xf1), f64x2Mul: simd(0xf2), f64x2Div: simd(0xf3),
  truncSatF64x2SZero: simd(0xfc), convertLowI32x4S: simd(0xfe),
} as const;

/** v128.load at the address on the stack plus `offset` (alignment hint 8 bytes). */
export function v128Load(offset: number): number[] {
  return [...simd(0x00), 3, ...uleb(offset)];
}

/** v128.store (address, then value, on the stack) at the address plus `offset` (hint 8 bytes). */
export function v128Store(offset: number): number[] {
  return [...simd(0x0b), 3, ...uleb(offset)];
}

/** One exported function: its parameter and result types, extra locals (types) and body. */
export interface WasmFunction {
  readonly name: string;
  readonly params: readonly number[];
  readonly results: readonly number[];
  /** The locals after the parameters, numbered on from them. */
  readonly locals: readonly number[];
  /** The instructions, without the final `end`. */
  readonly body: readonly number[];
}

/** The bytes of a module that imports env.memory and exports `functions` (one type each). */
export function moduleBytes(functions: readonly WasmFunction[]): Uint8Array {
  const types = [...uleb(functions.length)];
  for (const f of functions) types.push(0x60, ...uleb(f.params.length), ...f.params, ...uleb(f.results.length), ...f.results);
  const imports = [1, ...name("env"), ...name("memory"), 0x02, 0x00, 1];
  const declared = [...uleb(functions.length), ...functions.flatMap((_, k) => uleb(k))];
  const exported = [...uleb(functions.length), ...functions.flatMap((f, k) => [...name(f.name), 0x00, ...uleb(k)])];
  const code = [...uleb(functions.length)];
  for (const f of functions) {
    // Locals in runs of one type.
    const runs: [number, number][] = [];
    for (const type of f.locals) {
      const last = runs[runs.length - 1];
      if (last !== undefined && last[1] === type) last[0]++;
      else runs.push([1, type]);
    }
    const body = [...uleb(runs.length), ...runs.flatMap(([count, type]) => [...uleb(count), type]), ...f.body, OP.end];
    code.push(...uleb(body.length), ...body);
  }
  return Uint8Array.from([
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    ...section(1, types),
    ...section(2, imports),
    ...section(3, declared),
    ...section(7, exported),
    ...section(10, code),
  ]);
}

/** What the kernels use of WebAssembly (the library's build targets ES2022 without DOM types). */
export interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}

declare const compiledModule: unique symbol;

/** A compiled module (WebAssembly.Module), to instantiate on several memories. */
export interface WasmModule {
  readonly [compiledModule]: true;
}

interface WasmApi {
  Memory: new (descriptor: { initial: number }) => WasmMemory;
  Module: new (bytes: Uint8Array) => WasmModule;
  Instance: new (compiled: WasmModule, imports: object) => { exports: Record<string, unknown> };
}

function wasmApi(): WasmApi | undefined {
  return (globalThis as unknown as { WebAssembly?: WasmApi }).WebAssembly;
}

/** A fresh memory of `pages` pages of 64 KiB (1 unless said), or undefined without WebAssembly. */
export function wasmMemory(pages = 1): WasmMemory | undefined {
  const wasm = wasmApi();
  return wasm === undefined ? undefined : new wasm.Memory({ initial: pages });
}

/**
 * The module of `functions`, compiled; undefined without WebAssembly or when the engine refuses
 * it (an engine without SIMD refuses a module that uses it).
 */
export function compile(functions: readonly WasmFunction[]): WasmModule | undefined {
  const wasm = wasmApi();
  if (wasm === undefined) return undefined;
  try {
    return new wasm.Module(moduleBytes(functions));
  } catch {
    return undefined;
  }
}

/**
 * An instance on `memory` of `code` (a module compiled by {@link compile}, or functions to
 * compile now; WebAssembly must be there); its exports by name.
 */
export function instantiate(code: WasmModule | readonly WasmFunction[], memory: WasmMemory): Record<string, unknown> {
  const wasm = wasmApi()!;
  const compiled = Array.isArray(code) ? new wasm.Module(moduleBytes(code)) : (code as WasmModule);
  return new wasm.Instance(compiled, { env: { memory } }).exports;
}

/** Grows `memory` to at least `bytes`; false when it cannot. */
export function ensureBytes(memory: WasmMemory, bytes: number): boolean {
  const pages = Math.ceil(bytes / 65536);
  const have = memory.buffer.byteLength / 65536;
  if (pages <= have) return true;
  try {
    memory.grow(pages - have);
    return true;
  } catch {
    return false;
  }
}
