// The WebAssembly encoder (src/wasm.ts): LEB128 against known encodings, the constants and the
// layout of a module's bytes, and small modules that compile, instantiate and compute.
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  compile,
  ensureBytes,
  F64,
  f64Const,
  F64_ZERO,
  I32,
  i32Const,
  instantiate,
  loopUntil,
  moduleBytes,
  OP,
  SIMD,
  sleb,
  uleb,
  V128,
  v128Load,
  v128Store,
  wasmMemory,
  type WasmFunction,
} from "../../src/wasm";

test("uleb: the unsigned LEB128 of the DWARF 4 specification's table (figure 22) and of Wikipedia's example", () => {
  const known: [number, number[]][] = [
    [0, [0x00]],
    [2, [0x02]],
    [127, [0x7f]],
    [128, [0x80, 0x01]],
    [129, [0x81, 0x01]],
    [130, [0x82, 0x01]],
    [12857, [0xb9, 0x64]],
    [624485, [0xe5, 0x8e, 0x26]],
    [2 ** 32 - 1, [0xff, 0xff, 0xff, 0xff, 0x0f]], // the largest u32: five bytes (spec 5.2.2)
  ];
  for (const [value, bytes] of known) assert.deepEqual(uleb(value), bytes, `uleb(${value})`);
});

test("sleb: the signed LEB128 of the DWARF 4 specification's table (figure 23), the sign bit of the last byte, and the i32 range", () => {
  const known: [number, number[]][] = [
    [0, [0x00]],
    [2, [0x02]],
    [-2, [0x7e]],
    [127, [0xff, 0x00]],
    [-127, [0x81, 0x7f]],
    [128, [0x80, 0x01]],
    [-128, [0x80, 0x7f]],
    [129, [0x81, 0x01]],
    [-129, [0xff, 0x7e]],
    [-1, [0x7f]],
    [63, [0x3f]],
    [64, [0xc0, 0x00]], // bit 6 set: one byte would read as -64
    [-64, [0x40]],
    [-65, [0xbf, 0x7f]],
    [-123456, [0xc0, 0xbb, 0x78]], // Wikipedia's example
    [2 ** 31 - 1, [0xff, 0xff, 0xff, 0xff, 0x07]],
    [-(2 ** 31), [0x80, 0x80, 0x80, 0x80, 0x78]],
  ];
  for (const [value, bytes] of known) assert.deepEqual(sleb(value), bytes, `sleb(${value})`);
});

test("constants and loops: i32.const, f64.const (little-endian IEEE bytes), loopUntil's block-loop pattern", () => {
  assert.deepEqual(i32Const(64), [0x41, 0xc0, 0x00]);
  assert.deepEqual(f64Const(1), [0x44, 0, 0, 0, 0, 0, 0, 0xf0, 0x3f]);
  assert.deepEqual(F64_ZERO, [0x44, 0, 0, 0, 0, 0, 0, 0, 0]);
  assert.deepEqual(loopUntil([0xaa], [0xbb]), [0x02, 0x40, 0x03, 0x40, 0xaa, 0x0d, 1, 0xbb, 0x0c, 0, 0x0b, 0x0b]);
  assert.deepEqual([...SIMD.f64x2Add], [0xfd, 0xf0, 0x01]); // a SIMD number past 127 takes two LEB128 bytes
  assert.deepEqual(v128Load(16), [0xfd, 0x00, 3, 16]);
  assert.deepEqual(v128Store(0), [0xfd, 0x0b, 3, 0]);
});

const add: WasmFunction = { name: "add", params: [I32, I32], results: [I32], locals: [], body: [OP.get, 0, OP.get, 1, OP.i32Add] };
const addF64: WasmFunction = { name: "addF64", params: [F64, F64], results: [F64], locals: [], body: [OP.get, 0, OP.get, 1, OP.f64Add] };

test("moduleBytes: the header, then the type, import (env.memory), function, export and code sections", () => {
  const bytes = Array.from(moduleBytes([add]));
  const ascii = (text: string) => [text.length, ...Array.from(text, (c) => c.charCodeAt(0))];
  assert.deepEqual(bytes, [
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, // \0asm, version 1
    1, 7, 1, 0x60, 2, I32, I32, 1, I32, // one type: (i32, i32) -> i32
    2, 15, 1, ...ascii("env"), ...ascii("memory"), 0x02, 0x00, 1, // memory import, at least 1 page
    3, 2, 1, 0, // function 0 has type 0
    7, 7, 1, ...ascii("add"), 0x00, 0, // export "add" = function 0
    10, 9, 1, 7, 0, OP.get, 0, OP.get, 1, OP.i32Add, OP.end, // its body: no locals
  ]);
  // Locals go in runs of one type: (2 x i32), (1 x f64), (1 x i32).
  const f: WasmFunction = { name: "f", params: [], results: [], locals: [I32, I32, F64, I32], body: [] };
  assert.deepEqual(Array.from(moduleBytes([f])).slice(-9), [8, 3, 2, I32, 1, F64, 1, I32, OP.end], "the body: its size, three runs, end");
});

test("a tiny module adds two numbers, and a loop sums 1..n, on an imported memory", () => {
  const memory = wasmMemory();
  assert.ok(memory !== undefined, "Node has WebAssembly");
  // sum(n): s = 0, i = 1; until i > n: s += i, i += 1; memory[0] = s; return s
  const [N, S, I] = [0, 1, 2];
  const sum: WasmFunction = {
    name: "sum",
    params: [I32],
    results: [I32],
    locals: [I32, I32],
    body: [
      ...i32Const(1), OP.set, I,
      ...loopUntil([OP.get, I, OP.get, N, OP.i32GtS], [OP.get, S, OP.get, I, OP.i32Add, OP.set, S, OP.get, I, ...i32Const(1), OP.i32Add, OP.set, I]),
      ...i32Const(0), OP.get, S, OP.i32Store, 2, 0,
      OP.get, S,
    ],
  };
  const e = instantiate([add, addF64, sum], memory);
  assert.equal((e.add as (a: number, b: number) => number)(2, 3), 5);
  assert.equal((e.add as (a: number, b: number) => number)(2 ** 31 - 1, 1), -(2 ** 31), "i32 wraps around");
  assert.equal((e.addF64 as (a: number, b: number) => number)(0.1, 0.2), 0.1 + 0.2);
  assert.equal((e.sum as (n: number) => number)(100), 5050);
  assert.equal(new Int32Array(memory.buffer)[0], 5050, "the store went to the imported memory");
});

test("compile once, instantiate on two memories; f64x2 SIMD adds lane by lane; a refused module gives undefined", () => {
  // pairs(at, end): x[k] += x[k + 2], two numbers at a time
  const [AT, END] = [0, 1];
  const pairs: WasmFunction = {
    name: "pairs",
    params: [I32, I32],
    results: [],
    locals: [V128],
    body: loopUntil([OP.get, AT, OP.get, END, OP.i32GeU], [
      OP.get, AT, OP.get, AT, ...v128Load(0), OP.get, AT, ...v128Load(16), ...SIMD.f64x2Add, ...v128Store(0),
      OP.get, AT, ...i32Const(32), OP.i32Add, OP.set, AT,
    ]),
  };
  const compiled = compile([pairs]);
  assert.ok(compiled !== undefined, "Node 20 compiles SIMD");
  const results: number[][] = [];
  for (const offset of [0, 10]) {
    const memory = wasmMemory(2)!;
    assert.equal(memory.buffer.byteLength, 2 * 65536);
    const x = new Float64Array(memory.buffer, 0, 8);
    x.set([0.1, 1, 0.2, 2, 5, 6, 7, 8].map((v) => v + offset));
    (instantiate(compiled, memory).pairs as (at: number, end: number) => void)(0, 64);
    results.push(Array.from(x.subarray(0, 2)).concat(Array.from(x.subarray(4, 6))));
  }
  assert.deepEqual(results, [
    [0.1 + 0.2, 3, 12, 14],
    [10.1 + 10.2, 23, 32, 34],
  ]);
  const broken: WasmFunction = { name: "broken", params: [], results: [I32], locals: [], body: [OP.i32Add] };
  assert.equal(compile([broken]), undefined, "an i32.add with nothing on the stack does not validate");
});

test("ensureBytes grows the memory to whole pages and leaves it when it is large enough", () => {
  const memory = wasmMemory()!;
  assert.equal(ensureBytes(memory, 1000), true);
  assert.equal(memory.buffer.byteLength, 65536);
  assert.equal(ensureBytes(memory, 3 * 65536 + 1), true);
  assert.equal(memory.buffer.byteLength, 4 * 65536);
});
