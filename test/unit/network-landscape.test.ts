// The landscape of small networks: single-flip minima, stored / mirror / spurious minima,
// barrier paths and Hamming distances, against hand-checked and brute-force results.
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  barrierPath,
  classifyMinima,
  hammingDistance,
  hebbianWeights,
  hopfieldEnergy,
  singleFlipMinima,
  stateFromIndex,
  stateIndex,
} from "../../src/hopfield";

/** Three patterns of 10 units (P/N = 0.3, small enough at N = 10 for all three to be stable). */
const PATTERNS = [
  [1, 1, 1, 1, 1, -1, -1, -1, -1, -1],
  [1, -1, 1, -1, 1, -1, 1, -1, 1, -1],
  [1, 1, -1, -1, 1, 1, -1, -1, 1, 1],
];

/** E(s) of every state, by the library's energy function (index = stateIndex(s)). */
function energiesOf(network: Parameters<typeof hopfieldEnergy>[0], n: number): number[] {
  // + 0 turns -0 into 0.
  return Array.from({ length: 2 ** n }, (_, i) => hopfieldEnergy(network, stateFromIndex(i, n)) + 0);
}

/** W as rows from Hebb's rule, written out here (independent of hebbianWeights). */
function hebbRows(patterns: number[][]): number[][] {
  const n = patterns[0].length;
  return Array.from({ length: n }, (_, i) =>
    Array.from({ length: n }, (_, j) => (i === j ? 0 : patterns.reduce((sum, p) => sum + p[i] * p[j], 0) / n)),
  );
}

const negate = (s: readonly number[]) => s.map((v) => -v);

test("singleFlipMinima: two and three units by hand", () => {
  // E(s) = -s1 s2: the aligned states 0 (--) and 3 (++).
  assert.deepEqual(singleFlipMinima([-1, 1, 1, -1]), [0, 3]);
  // With a bias on unit 1, E = -s1 s2 - 0.5 s1: [-0.5, 0.5, 1.5, -1.5]; both aligned states stay minima.
  const biased = [-0.5, 0.5, 1.5, -1.5];
  assert.deepEqual(singleFlipMinima(biased), [0, 3]);
  // Index 2 = (-, +, -) has neighbours 3, 0, 6 at 1, 0, 1 > -1; index 0 has neighbour 2 lower.
  assert.deepEqual(singleFlipMinima([0, 1, -1, 1, 1, 1, 1, -2]), [2, 7]);
  // One unit: the lower of the two states.
  assert.deepEqual(singleFlipMinima([2, -1]), [1]);
  // An object with an energies field (a BoltzmannDistribution) works too.
  assert.deepEqual(singleFlipMinima({ energies: Float64Array.of(-1, 1, 1, -1) }), [0, 3]);
});

test("singleFlipMinima: flat ties count as minima; the tolerance decides what rounding is", () => {
  assert.deepEqual(singleFlipMinima([0, 0, 0, 0]), [0, 1, 2, 3], "a plateau: no flip lowers E");
  const rounded = [0, -1e-15, 0, 0];
  assert.deepEqual(singleFlipMinima(rounded), [0, 1, 2, 3], "1e-15 is rounding at the default 1e-12");
  assert.deepEqual(singleFlipMinima(rounded, { tolerance: 0 }), [1, 2], "tolerance 0: any descent counts");
});

test("singleFlipMinima: exactly the states with s_i h_i >= 0 for every unit (fixed points of asynchronous recall)", () => {
  const rows = hebbRows(PATTERNS);
  const n = 10;
  const energies = energiesOf(hebbianWeights(PATTERNS), n);
  const expected: number[] = [];
  for (let index = 0; index < 2 ** n; index++) {
    const s = stateFromIndex(index, n);
    const stable = s.every((si, i) => si * rows[i].reduce((h, w, j) => h + w * s[j], 0) >= -1e-12);
    if (stable) expected.push(index);
  }
  assert.deepEqual(singleFlipMinima(energies), expected);
  // Flipping unit i changes E by 2 s_i h_i: check it on every neighbour of one minimum.
  const s = stateFromIndex(expected[0], n);
  for (let i = 0; i < n; i++) {
    const h = rows[i].reduce((sum, w, j) => sum + w * s[j], 0);
    const flipped = s.map((v, j) => (j === i ? -v : v));
    assert.ok(Math.abs(energies[stateIndex(flipped)] - energies[expected[0]] - 2 * s[i] * h) < 1e-12);
  }
});

test("classifyMinima: a 3-pattern 10-unit Hebbian network stores its patterns, their mirrors, and mixtures", () => {
  const energies = energiesOf(hebbianWeights(PATTERNS), 10);
  // Without biases E(-s) = E(s) for every state.
  for (let index = 0; index < 1024; index++) assert.equal(energies[1023 - index], energies[index]);
  const found = classifyMinima(energies, PATTERNS);
  assert.equal(found.size, 10);
  assert.deepEqual(found.stored, [0, 1, 2]);
  assert.deepEqual(found.mirrors, [0, 1, 2]);
  assert.deepEqual(found.unstable, []);
  assert.deepEqual(found.patternIndices, PATTERNS.map(stateIndex));
  assert.deepEqual(found.mirrorIndices, PATTERNS.map((p) => stateIndex(negate(p))));
  // The symmetric mixture sign(xi1 + xi2 + xi3) and its mirror are spurious minima.
  const mixture = PATTERNS[0].map((_, i) => Math.sign(PATTERNS[0][i] + PATTERNS[1][i] + PATTERNS[2][i]));
  assert.ok(found.spurious.includes(stateIndex(mixture)));
  assert.ok(found.spurious.includes(stateIndex(negate(mixture))));
  // Every minimum is classified once, in index order, with its state and energy.
  assert.deepEqual(found.minima.map((m) => m.index), singleFlipMinima(energies));
  for (const m of found.minima) {
    assert.deepEqual(m.state, stateFromIndex(m.index, 10));
    assert.equal(m.energy, energies[m.index]);
    if (m.kind === "stored") assert.deepEqual(m.state, PATTERNS[m.pattern!]);
    if (m.kind === "mirror") assert.deepEqual(m.state, negate(PATTERNS[m.pattern!]));
    if (m.kind === "spurious") assert.equal(m.pattern, undefined);
  }
  assert.equal(found.minima.filter((m) => m.kind === "spurious").length, found.spurious.length);
  // Each stored pattern and its mirror lie at the same energy.
  for (const mu of [0, 1, 2]) assert.equal(energies[found.mirrorIndices[mu]], energies[found.patternIndices[mu]]);
});

test("classifyMinima: by hand, with an unstable pattern and a pattern that is another's mirror", () => {
  const energies = [0, 1, -1, 1, 1, 1, 1, -2];
  const found = classifyMinima(energies, [[1, 1, 1], [-1, -1, -1]]);
  // 7 = +++ is stored; 0 = --- is a given pattern (so not a mirror) but not a minimum; 2 is spurious.
  assert.deepEqual(found.minima.map((m) => [m.index, m.kind, m.pattern]), [[2, "spurious", undefined], [7, "stored", 0]]);
  assert.deepEqual([found.stored, found.mirrors, found.unstable, found.spurious], [[0], [], [1], [2]]);
  // No patterns: every minimum is spurious.
  assert.deepEqual(classifyMinima(energies, []).spurious, [2, 7]);
});

test("barrierPath: energies are hopfieldEnergy along the path, one flip per step, ending at the target", () => {
  const net = hebbianWeights(PATTERNS);
  const energies = energiesOf(net, 10);
  for (const [a, b] of [[0, 1], [1, 2], [2, 0]]) {
    const route = barrierPath(energies, PATTERNS[a], PATTERNS[b]);
    const d = hammingDistance(PATTERNS[a], PATTERNS[b]);
    assert.equal(route.path.length, d + 1);
    assert.deepEqual(route.path[0], PATTERNS[a]);
    assert.deepEqual(route.path[d], PATTERNS[b]);
    assert.deepEqual(route.indices, route.path.map(stateIndex));
    route.path.forEach((s, k) => assert.equal(route.energies[k], hopfieldEnergy(net, s) + 0));
    for (let k = 0; k < d; k++) {
      assert.equal(hammingDistance(route.path[k], route.path[k + 1]), 1);
      assert.equal(route.path[k][route.flips[k]], -route.path[k + 1][route.flips[k]]);
      // Each step takes the cheapest of the remaining flips.
      const options = route.path[k].map((v, i) => i).filter((i) => route.path[k][i] !== PATTERNS[b][i]);
      const cheapest = Math.min(...options.map((i) => energies[stateIndex(route.path[k].map((v, j) => (j === i ? -v : v)))]));
      assert.ok(route.energies[k + 1] <= cheapest + 1e-12, "equal up to rounding: a tie within the tolerance goes to the lower unit");
    }
    assert.equal(route.peakEnergy, Math.max(...route.energies));
    assert.equal(route.energies[route.peak], route.peakEnergy);
    assert.equal(route.barrier, route.peakEnergy - route.energies[0]);
    assert.equal(route.reverseBarrier, route.peakEnergy - route.energies[d]);
    assert.ok(route.barrier > 0, "two stable memories are separated by a barrier");
  }
});

test("barrierPath: by hand on A = ++++ and B = ++-- (ties go to the lower unit), and a path of length 0", () => {
  const energies = energiesOf(hebbRows([[1, 1, 1, 1], [1, 1, -1, -1]]), 4);
  const route = barrierPath(energies, [1, 1, 1, 1], [1, 1, -1, -1]);
  assert.deepEqual(route.indices, [15, 11, 3]);
  assert.deepEqual(route.flips, [2, 3]);
  assert.deepEqual(route.energies, [-1, 0, -1]);
  assert.deepEqual([route.peak, route.peakEnergy, route.barrier, route.reverseBarrier], [1, 0, 1, 1]);
  const back = barrierPath(energies, [1, 1, -1, -1], [1, 1, 1, 1]);
  assert.deepEqual(back.indices, [3, 7, 15]);
  const stay = barrierPath(energies, [1, 1, 1, 1], [1, 1, 1, 1]);
  assert.deepEqual([stay.indices, stay.flips, stay.energies, stay.barrier], [[15], [], [-1], 0]);
});

test("hammingDistance: differing units, (N - a.b)/2", () => {
  assert.equal(hammingDistance([1, -1, 1, 1], [1, 1, -1, 1]), 2);
  assert.equal(hammingDistance(PATTERNS[0], PATTERNS[0]), 0);
  assert.equal(hammingDistance(PATTERNS[0], negate(PATTERNS[0])), 10);
  for (const [a, b] of [[0, 1], [1, 2], [0, 2]]) {
    const dot = PATTERNS[a].reduce((sum, v, i) => sum + v * PATTERNS[b][i], 0);
    assert.equal(hammingDistance(PATTERNS[a], PATTERNS[b]), (10 - dot) / 2);
  }
});

test("the landscape functions name themselves in their errors and refuse unknown options", () => {
  assert.throws(() => singleFlipMinima([1, 2, 3]), /^RangeError: singleFlipMinima: energies must be 2\^N finite energies, one per state \(index = stateIndex\(s\)\), with N from 1 to 20, got \[1, 2, 3\] \(length 3\)$/);
  assert.throws(() => singleFlipMinima([1]), /singleFlipMinima: energies must be 2\^N finite energies/);
  assert.throws(() => singleFlipMinima([0, NaN]), /^RangeError: singleFlipMinima: energies\[1\] must be a finite number, got NaN$/);
  assert.throws(() => singleFlipMinima({ energies: [0, 1, 2] }), /^RangeError: singleFlipMinima: energies.energies must be 2\^N/);
  assert.throws(() => singleFlipMinima("x" as never), /^TypeError: singleFlipMinima: energies must be an array of 2\^N energies/);
  assert.throws(() => singleFlipMinima(null as never), /^TypeError: singleFlipMinima: energies must be an array/);
  assert.throws(() => singleFlipMinima([0, 1], { tol: 0 } as never), /^RangeError: singleFlipMinima: options.tol is not an option; the options are tolerance$/);
  assert.throws(() => singleFlipMinima([0, 1], { tolerance: -1 }), /^RangeError: singleFlipMinima: options.tolerance must be a non-negative finite number, got -1$/);
  assert.throws(() => classifyMinima([0, 1, 1, 0], [[1, 1, 1]]), /^RangeError: classifyMinima: patterns\[0\] must be a state of 2 units/);
  assert.throws(() => classifyMinima([0, 1, 1, 0], [[1, 0]]), /^RangeError: classifyMinima: patterns\[0\]\[1\] must be \+1 or -1, got 0$/);
  assert.throws(() => classifyMinima([0, 1, 1, 0], undefined as never), /^TypeError: classifyMinima: patterns must be an array of patterns of 2 values \+-1/);
  assert.throws(() => classifyMinima([0, 1, 1, 0], [], { tolerances: 1 } as never), /classifyMinima: options.tolerances is not an option \(did you mean tolerance\?\)/);
  assert.throws(() => barrierPath([0, 1, 1, 0], [1, 1], [1]), /^RangeError: barrierPath: to must be a state of 2 units/);
  assert.throws(() => barrierPath([0, 1, 1, 0], [1, 2], [1, 1]), /^RangeError: barrierPath: from\[1\] must be \+1 or -1, got 2$/);
  assert.throws(() => barrierPath([0, 1], [1], [1], 3 as never), /^TypeError: barrierPath: options must be an options object/);
  assert.throws(() => hammingDistance([1, -1], [1]), /^RangeError: hammingDistance: b must be a state of 2 units/);
  assert.throws(() => hammingDistance([1, 0], [1, 1]), /^RangeError: hammingDistance: a\[1\] must be \+1 or -1, got 0$/);
  assert.throws(() => hammingDistance("++" as never, [1, 1]), /^TypeError: hammingDistance: a must be an array of \+1\/-1 values/);
});

test("the landscape functions do not modify their inputs", () => {
  const energies = Object.freeze([0, 1, -1, 1, 1, 1, 1, -2]);
  const pattern = Object.freeze([1, 1, 1]);
  assert.deepEqual(classifyMinima(energies, Object.freeze([pattern])).stored, [0]);
  assert.deepEqual(barrierPath(energies, pattern, Object.freeze([-1, 1, -1])).indices.at(-1), 2);
});
