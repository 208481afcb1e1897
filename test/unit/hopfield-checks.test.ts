import { test } from "node:test";
import assert from "node:assert/strict";
import { absoluteRowSums, checkSpinPatterns, checkSpinVector, isLibraryNetwork } from "../../src/hopfield/checks";
import { hebbianMatrix, hebbianWeights, hopfieldNetwork } from "../../src/hopfield/network";
import { hebbianFactors } from "../../src/hopfield/lowRank";
import { hopfieldRecall } from "../../src/hopfield/recall";
import { hopfieldEnergy } from "../../src/hopfield/energy";
import { boltzmannExact } from "../../src/hopfield/boltzmannExact";
import { corruptPattern, randomPatterns } from "../../src/hopfield/patterns";

/** W of a network as N rows of N numbers (the form that is always checked in full). */
function rows(weights: Float64Array, n: number): number[][] {
  return Array.from({ length: n }, (_, i) => Array.from(weights.subarray(i * n, (i + 1) * n)));
}

/** A symmetric n x n matrix with zero diagonal and entries (i + 1)(j + 1) / n^2 off it. */
function symmetricRows(n: number): number[][] {
  return Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 0 : ((i + 1) * (j + 1)) / (n * n))));
}

test("networks made by the library are frozen and remembered; copies and hand-made objects are not", () => {
  const hebb = hebbianWeights([[1, -1, 1], [1, 1, -1]]);
  const chosen = hopfieldNetwork([[0, 1], [1, 0]], { biases: [0.5, 0] });
  assert.equal(Object.isFrozen(hebb), true);
  assert.equal(Object.isFrozen(chosen), true);
  assert.equal(isLibraryNetwork(hebb), true);
  assert.equal(isLibraryNetwork(chosen), true);
  assert.equal(isLibraryNetwork({ ...hebb }), false);
  assert.equal(isLibraryNetwork({ size: 2, weights: new Float64Array([0, 1, 1, 0]), biases: new Float64Array(2) }), false);
  assert.equal(isLibraryNetwork([[0, 1], [1, 0]]), false);
  assert.equal(isLibraryNetwork(null), false);
});

test("a hand-made network object with an asymmetric W is still rejected (checked in full)", () => {
  // Same size and fields as a library network, but not made by the library.
  const handMade = { size: 3, weights: new Float64Array([0, 1, 0, 1, 0, 0.25, 0, 0.5, 0]), biases: new Float64Array(3) };
  const symmetricMessage = /must be a symmetric matrix \(W\[i\]\[j\] = W\[j\]\[i\]\), got W\[1\]\[2\] = 0.25 and W\[2\]\[1\] = 0.5$/;
  assert.throws(() => hopfieldRecall(handMade as never, [1, 1, 1], { seed: 1 }), { name: "RangeError", message: new RegExp("^hopfieldRecall: network " + symmetricMessage.source) });
  assert.throws(() => hopfieldEnergy(handMade as never, [1, 1, 1]), { name: "RangeError", message: symmetricMessage });
  assert.throws(() => boltzmannExact(handMade as never), { name: "RangeError", message: symmetricMessage });
  // A copy of a library network with an asymmetric W swapped in is a new object: checked in full.
  const net = hebbianWeights([[1, -1, 1], [1, 1, -1]]);
  const swapped = { ...net, weights: handMade.weights };
  assert.throws(() => hopfieldRecall(swapped, [1, 1, 1], { seed: 1 }), { name: "RangeError", message: symmetricMessage });
  // A hand-made network with a non-finite entry names the flat index.
  const notFinite = { size: 2, weights: new Float64Array([0, NaN, NaN, 0]), biases: new Float64Array(2) };
  assert.throws(() => hopfieldEnergy(notFinite as never, [1, 1]), { name: "RangeError", message: /^hopfieldEnergy: network.weights\[1\] must be a finite number, got NaN$/ });
});

test("a library network gives the same recall, energy and distribution as its W given as rows", () => {
  // Reference: the same W as number[][], which always goes through the full door checks.
  const patterns = randomPatterns(12, 90, { seed: "trusted" });
  const net = hebbianWeights(patterns, { biases: patterns[3].map((v) => 0.05 * v) });
  const W = rows(net.weights, 90);
  const b = Array.from(net.biases);
  const cue = corruptPattern(patterns[0], { flipFraction: 0.3, seed: 4 });
  // A hand-made object with the same W, b and name (always checked in full).
  const handMade = { size: 90, weights: Float64Array.from(net.weights), biases: Float64Array.from(b), name: net.name };
  // The Hebbian network runs on its patterns (low-rank path): the same states, times, flips and
  // overlaps as W; energies to 1e-12 relative (the low-rank ones are exact integers, scaled once).
  const sameRun = (a: ReturnType<typeof hopfieldRecall>, b: ReturnType<typeof hopfieldRecall>) => {
    assert.deepEqual({ ...a, energies: [], finalEnergy: 0 }, { ...b, energies: [], finalEnergy: 0 });
    assert.equal(a.energies.length, b.energies.length);
    a.energies.forEach((e, k) => assert.ok(Math.abs(e - b.energies[k]) <= 1e-12 * Math.abs(e), `energy ${k}: ${e} vs ${b.energies[k]}`));
    assert.ok(Math.abs(a.finalEnergy - b.finalEnergy) <= 1e-12 * Math.abs(a.finalEnergy));
  };
  for (const options of [{ seed: 7, record: "flip" as const }, { mode: "sync" as const }]) {
    const fromNetwork = hopfieldRecall(net, cue, { ...options, patterns });
    const fromHandMade = hopfieldRecall(handMade, cue, { ...options, patterns });
    sameRun(fromNetwork, fromHandMade);
    assert.deepEqual(fromHandMade, hopfieldRecall(hopfieldNetwork(W, { biases: b, name: net.name }), cue, { ...options, patterns }));
  }
  const e = hopfieldEnergy(net, cue);
  assert.ok(Math.abs(e - hopfieldEnergy(hopfieldNetwork(W, { biases: b }), cue)) <= 1e-12 * Math.abs(e));
  const small = hopfieldNetwork([[0, 0.5, -1], [0.5, 0, 0.25], [-1, 0.25, 0]], { biases: [0.1, 0, -0.2] });
  const fromRows = boltzmannExact(hopfieldNetwork(rows(small.weights, 3), { biases: [0.1, 0, -0.2] }), { beta: 1 / 0.7 });
  assert.deepEqual(boltzmannExact(small, { beta: 1 / 0.7 }), fromRows);
});

test("library networks: recall and energy leave the network, the cue and the patterns untouched", () => {
  const patterns = Object.freeze(randomPatterns(6, 70, { seed: "untouched" }).map((p) => Object.freeze(p)));
  const net = hebbianWeights(patterns);
  const weightsBefore = Float64Array.from(net.weights);
  const biasesBefore = Float64Array.from(net.biases);
  const cue = Object.freeze(corruptPattern(patterns[2], { flipFraction: 0.2, seed: 3 }));
  hopfieldRecall(net, cue, { seed: 1, patterns });
  hopfieldRecall(hopfieldNetwork(net, { biases: Object.freeze(new Array(70).fill(0.01)) }), cue, { mode: "sync" });
  hopfieldEnergy(net, cue);
  assert.deepEqual(net.weights, weightsBefore);
  assert.deepEqual(net.biases, biasesBefore);
  const W = Object.freeze([Object.freeze([0, 1e-15]), Object.freeze([1e-15, 0])]);
  const chosen = hopfieldNetwork(W);
  assert.deepEqual(W, [[0, 1e-15], [1e-15, 0]]);
  assert.deepEqual(Array.from(chosen.weights), [0, 1e-15, 1e-15, 0]);
});

test("the O(N) safety net: a library network whose diagonal was changed in place is checked in full", () => {
  const net = hebbianWeights([[1, -1, 1, -1], [1, 1, -1, -1]]);
  net.weights[2 * 4 + 2] = 0.5; // against the documented rule: never mutate a network in place
  assert.throws(() => hopfieldRecall(net, [1, 1, 1, 1], { seed: 1 }), {
    name: "RangeError",
    message: /^hopfieldRecall: network must be a matrix with a zero diagonal, got W\[2\]\[2\] = 0.5$/,
  });
});

test("biases changed in place on a library network are read again: the same runs as a fresh network", () => {
  // The door keeps a checked copy of a library network's biases and compares it at each call;
  // an in-place change must reach every path (the WebAssembly sync set-up included).
  const patterns = randomPatterns(8, 200, { seed: "biases in place" });
  const net = hebbianWeights(patterns, { biases: new Array(200).fill(0.01) });
  const cue = corruptPattern(patterns[1], { flipFraction: 0.25, seed: 5 });
  const W = rows(net.weights, 200);
  const sameAsRows = () => {
    const fresh = hopfieldNetwork(W, { biases: Array.from(net.biases), name: net.name });
    for (const options of [{ mode: "sync" as const, record: "ends" as const }, { seed: 3, record: "ends" as const }]) {
      const a = hopfieldRecall(net, cue, options);
      const b = hopfieldRecall(fresh, cue, options);
      assert.deepEqual({ ...a, energies: [], finalEnergy: 0 }, { ...b, energies: [], finalEnergy: 0 });
      assert.ok(Math.abs(a.finalEnergy - b.finalEnergy) <= 1e-12 * Math.abs(a.finalEnergy));
    }
    const e = hopfieldEnergy(net, cue);
    assert.ok(Math.abs(e - hopfieldEnergy(fresh, cue)) <= 1e-12 * Math.abs(e));
  };
  sameAsRows();
  sameAsRows(); // the kept copy, unchanged
  for (let i = 0; i < 200; i += 2) net.biases[i] = 0.4 * patterns[0][i]; // against the documented rule
  sameAsRows();
  net.biases.fill(0);
  net.biases[7] = -0; // a zero of the other sign is a change too (read again, same numbers)
  sameAsRows();
  // A bad value written in place gets the door's message; fixed, the network works again.
  net.biases[3] = NaN;
  assert.throws(() => hopfieldRecall(net, cue, { mode: "sync" }), { name: "RangeError", message: /^hopfieldRecall: network\.biases\[3\] must be a finite number, got NaN$/ });
  assert.throws(() => hopfieldEnergy(net, cue), { name: "RangeError", message: /^hopfieldEnergy: network\.biases\[3\] must be a finite number, got NaN$/ });
  net.biases[3] = 1.5e308;
  net.biases[4] = 1.5e308;
  assert.throws(() => hopfieldEnergy(net, cue), { name: "RangeError", message: /^hopfieldEnergy: network must be a network whose energies are finite/ });
  net.biases[3] = 0;
  net.biases[4] = 0;
  sameAsRows();
  // hopfieldNetwork gives the new network its own biases, never the door's kept copy.
  const copy = hopfieldNetwork(net);
  assert.notEqual(copy.biases, net.biases);
  copy.biases[0] = 9;
  assert.equal(net.biases[0], 0);
  sameAsRows();
});

test("checkSpinPatterns and checkSpinVector: one pass, the same values and messages for arrays and typed arrays", () => {
  const a = [1, -1, -1, 1];
  const b = [-1, -1, 1, 1];
  const expected = [1, -1, -1, 1, -1, -1, 1, 1];
  for (const list of [[a, b], [Int8Array.from(a), b], [a, Float64Array.from(b)], [a.map((v) => v + 0.5 - 0.5), b]]) {
    const out = checkSpinPatterns("fn", "patterns", list);
    assert.deepEqual([out.count, out.size, Array.from(out.data)], [2, 4, expected]);
  }
  assert.deepEqual(Array.from(checkSpinVector("fn", "s", Int8Array.from(b), 4)), b);
  const fails = (list: unknown, pattern: RegExp, name = "RangeError") => assert.throws(() => checkSpinPatterns("fn", "patterns", list), { name, message: pattern });
  // The first bad value in row order is named, with its value (nothing is converted).
  fails([a, [1, -1, 0.5, 2]], /^fn: patterns\[1\]\[2\] must be \+1 or -1, got 0\.5$/);
  fails([[1, "1", 1, 1], [1, 0, 1, 1]], /^fn: patterns\[0\]\[1\] must be \+1 or -1, got "1"$/);
  fails([a, new Uint8Array([1, 255, 1, 1])], /^fn: patterns\[1\]\[1\] must be \+1 or -1, got 255$/);
  fails([a, [1, -1, -1, -0]], /^fn: patterns\[1\]\[3\] must be \+1 or -1, got -0$/);
  const holey = [1, -1, 1, 1];
  delete (holey as unknown[])[2];
  fails([a, holey], /^fn: patterns\[1\]\[2\] must be \+1 or -1, got undefined$/);
  let converted = false;
  const sneaky = { valueOf: () => ((converted = true), 1) };
  fails([a, [1, sneaky, 1, 1]], /^fn: patterns\[1\]\[1\] must be \+1 or -1/);
  assert.equal(converted, false);
  // Kinds and lengths, as before.
  fails([a, "abcd"], /^fn: patterns\[1\] must be an array of \+1\/-1 values, got "abcd"$/, "TypeError");
  fails([a, [1, -1]], /^fn: patterns\[1\] must be a pattern of 4 units like patterns\[0\], got \[1, -1\] \(length 2\)$/);
  fails([[]], /^fn: patterns\[0\] must be a non-empty array of \+1\/-1 values, got \[\]$/);
  assert.throws(() => checkSpinPatterns("fn", "patterns", [a], 3), { name: "RangeError", message: /^fn: patterns\[0\] must be a state of 3 units, got \[1, -1, -1, 1\] \(length 4\)$/ });
  assert.throws(() => checkSpinVector("fn", "s", [1, -1, 3], 3), { name: "RangeError", message: /^fn: s\[2\] must be \+1 or -1, got 3$/ });
});

test("hopfieldNetwork: diagonal residues below 1e-12 are cleared in a copy; a network given is copied", () => {
  const handMade = { size: 2, weights: new Float64Array([1e-14, 1, 1, 0]), biases: new Float64Array(2), name: "hand-made" };
  const net = hopfieldNetwork(handMade as never);
  assert.deepEqual(Array.from(net.weights), [0, 1, 1, 0]);
  assert.equal(handMade.weights[0], 1e-14);
  const clean = { size: 2, weights: new Float64Array([0, 1, 1, 0]), biases: new Float64Array([0.5, 0]), name: "clean" };
  const copy = hopfieldNetwork(clean);
  assert.equal(copy.name, "clean");
  assert.notEqual(copy.biases, clean.biases);
  assert.deepEqual(Array.from(copy.biases), [0.5, 0]);
  assert.notEqual(copy.weights, clean.weights);
  clean.weights[1] = 5;
  assert.deepEqual(Array.from(copy.weights), [0, 1, 1, 0]);
});

test("hebbianMatrix row sums equal a row-by-row pass bit for bit (the tie tolerance is unchanged)", () => {
  // Reference: absoluteRowSums, the plain j = 0..N-1 pass the door checks use for rows.
  for (const [P, N] of [[5, 33], [70, 40], [3, 130]]) {
    const patterns = randomPatterns(P, N, { seed: `sums ${P}` });
    const data = new Int8Array(P * N);
    patterns.forEach((p, mu) => data.set(p, mu * N));
    const fromBuild = new Float64Array(N);
    const w = hebbianMatrix(hebbianFactors(data, P, N, 1 / N), fromBuild);
    const plain = new Float64Array(N);
    absoluteRowSums(w, N, plain);
    assert.deepEqual(fromBuild, plain);
  }
});

test("the tiled symmetry check reports the first offending entry in row order", () => {
  // N = 150 spans three 64-wide tiles (the last one partial).
  const n = 150;
  assert.equal(hopfieldNetwork(symmetricRows(n)).size, n);
  const farPair = symmetricRows(n);
  farPair[140][100] = 2;
  assert.throws(() => hopfieldNetwork(farPair), {
    name: "RangeError",
    message: new RegExp(`^hopfieldNetwork: weights must be a symmetric matrix \\(W\\[i\\]\\[j\\] = W\\[j\\]\\[i\\]\\), got W\\[100\\]\\[140\\] = ${farPair[100][140]} and W\\[140\\]\\[100\\] = 2$`),
  });
  // Two faults: the one in the earlier row wins, whichever tile the scan met first.
  const twoPairs = symmetricRows(n);
  twoPairs[10][20] = 3;
  twoPairs[3][149] = 4;
  assert.throws(() => hopfieldNetwork(twoPairs), { name: "RangeError", message: /got W\[3\]\[149\] = 4 and W\[149\]\[3\] = / });
  // A diagonal entry in row 5 comes after a pair in row 2, before one in row 7.
  const diagonalAndPair = symmetricRows(n);
  diagonalAndPair[5][5] = 1;
  diagonalAndPair[2][120] = 9;
  assert.throws(() => hopfieldNetwork(diagonalAndPair), { name: "RangeError", message: /got W\[2\]\[120\] = 9 and W\[120\]\[2\] = / });
  diagonalAndPair[2][120] = diagonalAndPair[120][2];
  diagonalAndPair[7][80] = 9;
  assert.throws(() => hopfieldNetwork(diagonalAndPair), { name: "RangeError", message: /^hopfieldNetwork: weights must be a matrix with a zero diagonal, got W\[5\]\[5\] = 1$/ });
});

test("rows: a wrong kind anywhere is reported before a non-finite number", () => {
  assert.throws(() => hopfieldNetwork([[0, NaN], ["x", 0]] as never), { name: "TypeError", message: /^hopfieldNetwork: weights\[1\]\[0\] must be a finite number, got "x"$/ });
  assert.throws(() => hopfieldNetwork([[0, 1, 2], [1, 0, Infinity], [2, -Infinity, 0]]), {
    name: "RangeError",
    message: /^hopfieldNetwork: weights\[1\]\[2\] must be a finite number, got Infinity$/,
  });
});

test("a huge array as the network is refused by size, before anything N x N is allocated", async () => {
  const { boltzmannGibbsSample } = await import("../../src/hopfield/boltzmannGibbs");
  const huge = new Array<number>(1_000_000).fill(0.5) as unknown as number[][];
  const tooMany = /must have at most 10000 units \(W holds N\^2 numbers\), got 1000000 units$/;
  const calls: [string, string, () => unknown][] = [
    ["hopfieldEnergy", "network", () => hopfieldEnergy(huge, [1, -1])],
    ["hopfieldRecall", "network", () => hopfieldRecall(huge, [1, -1], { seed: 1 })],
    ["boltzmannGibbsSample", "network", () => boltzmannGibbsSample(huge, { steps: 10, seed: 1 })],
    ["hopfieldNetwork", "weights", () => hopfieldNetwork(huge)],
  ];
  for (const [fn, arg, call] of calls) {
    assert.throws(call, (error: Error) => error instanceof RangeError && error.message.startsWith(`${fn}: ${arg} `) && tooMany.test(error.message), fn);
  }
  // A hand-made network object claiming too many units is refused the same way.
  assert.throws(() => hopfieldEnergy({ size: 20_000, weights: new Float64Array(4), biases: new Float64Array(0), name: "x" }, [1]), {
    name: "RangeError",
    message: /^hopfieldEnergy: network\.size must have at most 10000 units \(W holds N\^2 numbers\), got 20000 units$/,
  });
  // Enumeration counts the rows first: more than 20 is said at once, with the count of states.
  assert.throws(() => boltzmannExact(huge), {
    name: "RangeError",
    message: /^boltzmannExact: network must have at most 20 units for exact enumeration \(2\^N states\), got 1000000 units \(2\^1000000 states\)$/,
  });
});
