// Workbook 05's references (src/workbook/exercises/hopfield-reference.ts) against closed forms
// and the library: Hebb's rule against hebbianWeights, the energy against hopfieldEnergy, the
// sweep's Lyapunov property, and the recall's end as a fixed point of hopfieldRecall.
import { test } from "node:test";
import assert from "node:assert/strict";
import { hebbianWeights, hopfieldEnergy, hopfieldNetwork, hopfieldRecall, letterPatterns, randomPatterns } from "../../src/hopfield";
import { createRandom } from "../../src/sampling";
import { exerciseById } from "../../src/workbook/exercises";
import { hebbWith, quadraticParts, recallBy, sweepWith } from "../../src/workbook/exercises/hopfield-reference";

/** W of a library network as N rows. */
function rows(net: { size: number; weights: ArrayLike<number> }): number[][] {
  return Array.from({ length: net.size }, (_, i) => Array.from({ length: net.size }, (_, j) => net.weights[i * net.size + j]));
}

test("Hebb: closed form on two patterns, and hebbianWeights on random ones", () => {
  // [1, -1, 1] and [1, 1, -1], N = 3: W01 = (-1 + 1)/3 = 0, W12 = (-1 - 1)/3 = -2/3 (by hand).
  const W = hebbWith([[1, -1, 1], [1, 1, -1]], 1 / 3);
  assert.deepEqual(W, [[0, 0, 0], [0, 0, -2 / 3], [0, -2 / 3, 0]]);
  for (const [P, N] of [[3, 8], [5, 16], [4, 49]]) {
    const patterns = randomPatterns(P, N, { seed: P * N });
    const ours = hebbWith(patterns, 1 / N);
    rows(hebbianWeights(patterns)).forEach((row, i) =>
      row.forEach((w, j) => assert.ok(Math.abs(ours[i][j] - w) < 1e-15, `P ${P}, N ${N}, W${i}${j}`)),
    );
  }
});

test("energy: closed form, and every case of the exercise against -1/2 s^T W s - b.s", () => {
  // W = [[0, 1], [1, 0]], b = [0.5, 0], s = [1, 1]: -1/2 (1 + 1) - 0.5 = -1.5 (by hand).
  const exercise = exerciseById("hopfield-energy")!;
  assert.equal(exercise.reference([[0, 1], [1, 0]], [0.5, 0], [1, 1]), -1.5);
  for (const { label, args } of exercise.cases()) {
    const [W, b, s] = args as [number[][], number[], number[]];
    const { sWs, bs } = quadraticParts(W, b, s);
    assert.ok(Math.abs((exercise.reference(W, b, s) as number) - (-0.5 * sWs - bs)) < 1e-12, label);
  }
});

test("sweep: ties keep their unit (by hand), and no single update ever raises the energy", () => {
  // W = [[0, 1, -1], [1, 0, 1], [-1, 1, 0]], s = [1, -1, 1], order [2, 0, 1]: h2 = -2 flips unit
  // 2; then h0 = 0 and h1 = 0 are ties: [1, -1, -1] (by hand).
  assert.deepEqual(sweepWith([[0, 1, -1], [1, 0, 1], [-1, 1, 0]], [0, 0, 0], [1, -1, 1], [2, 0, 1]), [1, -1, -1]);
  const random = createRandom(55, "sweep test");
  for (let trial = 0; trial < 50; trial++) {
    const patterns = randomPatterns(3, 10, { seed: trial });
    const b = Array.from({ length: 10 }, () => Math.round(8 * random.next() - 4) / 8);
    const net = hopfieldNetwork(hebbianWeights(patterns), { biases: b });
    const W = rows(net);
    let s: number[] = Array.from({ length: 10 }, () => (random.next() < 0.5 ? 1 : -1));
    for (let i = 0; i < 10; i++) {
      const next = sweepWith(W, b, s, [i]);
      assert.ok(hopfieldEnergy(net, next) <= hopfieldEnergy(net, s) + 1e-12, `trial ${trial}, unit ${i}`);
      s = next;
    }
  }
});

test("recall: every case ends at a fixed point of the library's dynamics; the second needs two sweeps", () => {
  const exercise = exerciseById("recall-letter")!;
  const cases = exercise.cases();
  const letters = hebbianWeights(letterPatterns("IRUX").patterns);
  cases.forEach(({ label, args }) => {
    const [step, cue] = args as [(s: number[]) => number[], number[]];
    const end = recallBy(step, cue);
    assert.deepEqual(step(end), end, `${label}: a sweep changes nothing`);
    // The letters' network with b = 0: the library's recall from the end makes no flip.
    const run = hopfieldRecall(letters, end, { seed: 1 });
    assert.equal(run.flips, 0, label);
    assert.deepEqual(run.final, end, label);
  });
  const [step, cue] = cases[1].args as [(s: number[]) => number[], number[]];
  assert.notDeepEqual(step(cue), recallBy(step, cue));
});
