// Workbook 06's references (src/workbook/exercises/boltzmann-reference.ts) against the library:
// the stochastic unit against exact enumeration's conditionals, the Gibbs sweep against
// boltzmannGibbsSample fed the same random numbers, the learning step against boltzmannLearn.
import { test } from "node:test";
import assert from "node:assert/strict";
import { boltzmannExact, boltzmannGibbsSample, boltzmannLearn, hopfieldNetwork, stateFromIndex, stateIndex } from "../../src/hopfield";
import { createRandom } from "../../src/sampling";
import { exerciseById } from "../../src/workbook/exercises";
import { gibbsSweepWith, learningStepWith, probabilityUp } from "../../src/workbook/exercises/boltzmann-reference";
import { field } from "../../src/workbook/exercises/hopfield-reference";

const W3 = [[0, -1, 0.5], [-1, 0, 1], [0.5, 1, 0]];
const b3 = [0.2, 0, -0.3];

/** W of a library network as N rows. */
function rows(net: { size: number; weights: ArrayLike<number> }): number[][] {
  return Array.from({ length: net.size }, (_, i) => Array.from({ length: net.size }, (_, j) => net.weights[i * net.size + j]));
}

test("stochastic unit: closed forms, and the conditional of exact enumeration", () => {
  // 1 / (1 + e^{-2 beta h}): 1/2 at h = 0; 1 / (1 + e^{-3}) at h = 0.5, beta = 3 (by hand).
  assert.equal(probabilityUp(0, 1), 0.5);
  assert.ok(Math.abs(probabilityUp(0.5, 3) - 1 / (1 + Math.exp(-3))) < 1e-15);
  assert.equal(probabilityUp(400, 2), 1);
  assert.equal(probabilityUp(-400, 2), 0);
  // P(s_i = +1 | rest) = p(s with s_i = +1) / (p(+) + p(-)) from the enumerated distribution.
  for (const beta of [0.5, 1, 2]) {
    const exact = boltzmannExact(hopfieldNetwork(W3, { biases: b3 }), { beta });
    for (let index = 0; index < 8; index++) {
      const s = stateFromIndex(index, 3);
      for (let i = 0; i < 3; i++) {
        const up = [...s];
        up[i] = 1;
        const down = [...s];
        down[i] = -1;
        const pUp = exact.density[stateIndex(up)];
        const conditional = pUp / (pUp + exact.density[stateIndex(down)]);
        assert.ok(Math.abs(probabilityUp(field(W3, b3, s, i), beta) - conditional) < 1e-12, `beta ${beta}, state ${index}, unit ${i}`);
      }
    }
  }
});

test("Gibbs sweep: equals boltzmannGibbsSample's one sweep fed the same uniforms", () => {
  // With init given, a chain draws nothing for its start: its k-th draw is unit k's uniform
  // (stream (seed, 0) for chain 0, the stream createRandom(seed, 0) gives).
  for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
    for (const beta of [0.5, 1, 2]) {
      const s = [1, -1, 1];
      const random = createRandom(seed, 0);
      const uniforms = s.map(() => random.next());
      const run = boltzmannGibbsSample(hopfieldNetwork(W3, { biases: b3 }), { beta, steps: 1, init: s, seed });
      assert.deepEqual(gibbsSweepWith(W3, b3, s, beta, uniforms), Array.from(run.finalStates), `seed ${seed}, beta ${beta}`);
    }
  }
});

test("Gibbs sweep cases: no uniform within 1e-6 of its unit's probability (rounding cannot turn a draw)", () => {
  const exercise = exerciseById("gibbs-sweep")!;
  for (const { label, args } of exercise.cases()) {
    const [W, b, s, beta, uniforms] = args as [number[][], number[], number[], number, number[]];
    const next = [...s];
    for (let i = 0; i < next.length; i++) {
      const p = probabilityUp(field(W, b, next, i), beta);
      assert.ok(Math.abs(uniforms[i] - p) > 1e-6, `${label}: unit ${i}`);
      next[i] = uniforms[i] < p ? 1 : -1;
    }
  }
});

test("learning step: closed form on two units, and boltzmannLearn's first two epochs", () => {
  // From W = 0, b = 0 the model is uniform: <s> = 0, <s0 s1> = 0. Data [1,1], [1,1], [-1,-1]:
  // <s_i> = 1/3, <s0 s1> = 1, so eta = 0.5 gives W01 = 0.5, b_i = 1/6 (by hand).
  const uniform = { meanState: [0, 0], correlations: [[1, 0], [0, 1]] };
  const pair = learningStepWith([[0, 0], [0, 0]], [0, 0], [[1, 1], [1, 1], [-1, -1]], uniform, 0.5);
  assert.deepEqual(pair.weights, [[0, 0.5], [0.5, 0]]);
  assert.ok(Math.abs(pair.biases[0] - 1 / 6) < 1e-15 && Math.abs(pair.biases[1] - 1 / 6) < 1e-15);
  // Against the library: one epoch from zero, then a second from the first epoch's machine.
  const data = [[1, 1, -1], [1, -1, -1], [-1, 1, 1], [1, 1, 1], [-1, -1, 1]];
  const eta = 0.2;
  const zero = [[0, 0, 0], [0, 0, 0], [0, 0, 0]];
  const model0 = boltzmannExact(hopfieldNetwork(zero, { biases: [0, 0, 0] }));
  const one = learningStepWith(zero, [0, 0, 0], data, model0, eta);
  const lib1 = boltzmannLearn(data, { epochs: 1, learningRate: eta }).network;
  const model1 = boltzmannExact(hopfieldNetwork(one.weights, { biases: one.biases }));
  const two = learningStepWith(one.weights, one.biases, data, model1, eta);
  const lib2 = boltzmannLearn(data, { epochs: 2, learningRate: eta }).network;
  for (const [ours, lib] of [[one, lib1], [two, lib2]] as const) {
    rows(lib).forEach((row, i) => row.forEach((w, j) => assert.ok(Math.abs(ours.weights[i][j] - w) < 1e-12, `W${i}${j}`)));
    Array.from(lib.biases).forEach((bi, i) => assert.ok(Math.abs(ours.biases[i] - bi) < 1e-12, `b${i}`));
    ours.weights.forEach((row, i) => assert.equal(row[i], 0));
  }
});
