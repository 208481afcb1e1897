// Workbook 07's references (src/workbook/exercises/learning-reference.ts) against the library:
// the free energy against rbmFreeEnergy and the enumerated -log sum_h exp(-E(v, h)), CD-1 against
// rbmCdGradient fed the same uniforms, the Langevin step against langevin's first move, the
// contrastive gradient against a closed form.
import { test } from "node:test";
import assert from "node:assert/strict";
import { rbm, rbmCdGradient, rbmFreeEnergy } from "../../src/rbm";
import { createRandom, langevin } from "../../src/sampling";
import { quadraticBowl } from "../../src/landscapes";
import { exerciseById } from "../../src/workbook/exercises";
import { cdUniforms, machineOf, SIX_UNIT_DATA } from "../../src/workbook/exercises/learning";
import { cd1With, contrastiveGradientWith, freeEnergyWith, hiddenGiven, langevinStepWith, visibleGiven, type CdUniforms } from "../../src/workbook/exercises/learning-reference";

type Rows = number[][];

test("free energy: -log of the sum over hidden states, and rbmFreeEnergy", () => {
  const W = [[0.5, -1], [0.25, 0.75], [-0.5, 1]];
  const b = [0.1, -0.2, 0.3];
  const c = [-0.4, 0.2];
  for (const v of [[1, 0, 1], [0, 0, 0], [1, 1, 1]]) {
    // -log sum_h exp(b.v + c.h + v W h) over the 4 hidden states, by hand.
    let sum = 0;
    for (const h of [[0, 0], [0, 1], [1, 0], [1, 1]]) {
      let minusE = 0;
      for (let i = 0; i < 3; i++) minusE += b[i] * v[i];
      for (let j = 0; j < 2; j++) {
        minusE += c[j] * h[j];
        for (let i = 0; i < 3; i++) minusE += v[i] * W[i][j] * h[j];
      }
      sum += Math.exp(minusE);
    }
    assert.ok(Math.abs(freeEnergyWith(W, b, c, v) + Math.log(sum)) < 1e-12, `v = ${v}`);
    assert.ok(Math.abs(freeEnergyWith(W, b, c, v) - rbmFreeEnergy(machineOf(W, b, c), v)) < 1e-12);
  }
  // The overflow case: the naive softplus gives -Infinity, the reference -800 - 0 + b.v = -800.
  assert.equal(freeEnergyWith([[400, -400], [400, -400]], [1, -1], [0, 0], [1, 1]), -800);
  assert.equal(freeEnergyWith([[400, -400], [400, -400]], [1, -1], [0, 0], [1, 1], { naive: true }), -Infinity);
});

test("CD-1: equals rbmCdGradient (k = 1) fed the same uniforms", () => {
  for (const seed of [1, 2, 3, 4, 5]) {
    const machine = rbm(6, 4, { seed, scale: 0.8 });
    const W = Array.from({ length: 6 }, (_, i) => Array.from(machine.weights.subarray(4 * i, 4 * i + 4)));
    const data = SIX_UNIT_DATA.map((v) => [...v]);
    const ours = cd1With(W, [0, 0, 0, 0, 0, 0], [0, 0, 0, 0], data, cdUniforms(seed, 6, 6, 4));
    const lib = rbmCdGradient(machine, data, { k: 1, seed });
    Array.from(lib.weights).forEach((g, q) => assert.ok(Math.abs(ours.weights[Math.floor(q / 4)][q % 4] - g) < 1e-12, `seed ${seed}, W ${q}`));
    Array.from(lib.visibleBiases).forEach((g, i) => assert.ok(Math.abs(ours.visibleBiases[i] - g) < 1e-12));
    Array.from(lib.hiddenBiases).forEach((g, j) => assert.ok(Math.abs(ours.hiddenBiases[j] - g) < 1e-12));
  }
});

test("CD-1 cases: equal rbmCdGradient, and no uniform within 1e-9 of its unit's probability", () => {
  const exercise = exerciseById("cd1-gradient")!;
  const seeds = [1, 2, 3];
  exercise.cases().forEach(({ label, args }, k) => {
    const [W, b, c, batch, uniforms] = args as [Rows, number[], number[], Rows, CdUniforms];
    const lib = rbmCdGradient(machineOf(W, b, c), batch, { k: 1, seed: seeds[k] });
    const ours = cd1With(W, b, c, batch, uniforms);
    Array.from(lib.weights).forEach((g, q) => assert.ok(Math.abs(ours.weights[Math.floor(q / c.length)][q % c.length] - g) < 1e-12, `${label}: W ${q}`));
    Array.from(lib.visibleBiases).forEach((g, i) => assert.ok(Math.abs(ours.visibleBiases[i] - g) < 1e-12, `${label}: b ${i}`));
    batch.forEach((v0, m) => {
      const ph0 = hiddenGiven(W, c, v0);
      ph0.forEach((p, j) => assert.ok(Math.abs(uniforms.hidden[m][j] - p) > 1e-9, `${label}: h ${m} ${j}`));
      const h0 = ph0.map((p, j) => (uniforms.hidden[m][j] < p ? 1 : 0));
      visibleGiven(W, b, h0).forEach((p, i) => assert.ok(Math.abs(uniforms.visible[m][i] - p) > 1e-9, `${label}: v ${m} ${i}`));
    });
  });
});

test("Langevin step: equals langevin's first move with the same normals", () => {
  const bowl = quadraticBowl({ k: [1, 4] }); // E = (x^2 + 4 y^2) / 2
  for (const beta of [0.5, 1, 4]) {
    const start = [0.5, -1];
    const run = langevin(bowl, { beta, stepSize: 0.05, chains: 1, steps: 1, init: start, seed: 9 });
    const random = createRandom(9, 0);
    const z = [random.normal(), random.normal()];
    const ours = langevinStepWith(start, (x) => [x[0], 4 * x[1]], 0.05, beta, z);
    ours.forEach((x, d) => assert.ok(Math.abs(x - run.finalStates[d]) < 1e-12, `beta ${beta}, coordinate ${d}`));
  }
});

test("contrastive gradient: a closed form for E = theta . x", () => {
  // dE/dtheta = x: mean of the data [2, 1] minus mean of the negatives [1/3, -1/3].
  const g = contrastiveGradientWith((x) => x, [[1, 2], [3, 0]], [[0, 0], [-1, 1], [2, -2]]);
  assert.ok(Math.abs(g[0] - 5 / 3) < 1e-15 && Math.abs(g[1] - 4 / 3) < 1e-15);
});
