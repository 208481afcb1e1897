// Workbook 03's exercises (src/workbook/exercises/stochastic.ts): the references against closed
// forms, the chain reference against the library's own metropolis sampler bit for bit, and the
// histogram tolerances of the long chains against that sampler on 20 seeds. The generic checks
// (the reference passes, each mistake is caught with its own hint) are in
// workbook-exercises.test.ts.
import { test } from "node:test";
import assert from "node:assert/strict";
import { stochasticExercises, chainTests } from "../../src/workbook/exercises/stochastic";
import { chainDistance, referenceChain } from "../../src/workbook/exercises/stochastic-chain";
import { axisPoints, createRandom, doubleWell, energyFromFunction, metropolis, twoMemories } from "../../src";
import type { Energy } from "../../src";

const byId = (id: string) => {
  const exercise = stochasticExercises.find((e) => e.id === id);
  assert.ok(exercise, `exercise ${id} exists`);
  return exercise;
};

test("workbook 03: three exercises, smallest first, all in 03-workbook-stochastic", () => {
  assert.deepEqual(stochasticExercises.map((e) => e.id), ["gibbs-normalise", "metropolis-accept", "metropolis-chain"]);
  for (const e of stochasticExercises) assert.equal(e.workbook, "03-workbook-stochastic");
});

test("gibbs-normalise: a Gaussian's density on a fine grid, and the shifted wells at beta = 100", () => {
  const normalise = byId("gibbs-normalise");
  // E = x^2 / 2 at beta = 2 is the Gaussian N(0, 1/2): p(0) = sqrt(beta / (2 pi)), exact to
  // rounding on a grid this wide (the rectangle rule is spectrally accurate here).
  const gaussian = energyFromFunction((x) => x[0] ** 2 / 2);
  const xs = axisPoints({ min: -10, max: 10, count: 2001 });
  const p = normalise.reference(gaussian, 2, xs) as number[];
  assert.ok(Math.abs(p[1000] - Math.sqrt(2 / (2 * Math.PI))) < 1e-13, `p(0) = ${p[1000]}`);
  // A shift of E by a constant cancels in p: the wells shifted by -10 and +10 (weights exp(1000) and
  // exp(-1000), cases 4 and 5) give the unshifted double well's density.
  const cases = normalise.cases();
  const grid = cases[3].args[2] as number[];
  const plain = normalise.reference(doubleWell(), 100, grid) as number[];
  for (const c of [cases[3], cases[4]]) {
    const shifted = normalise.reference(...c.args) as number[];
    assert.ok(shifted.every(Number.isFinite), `${c.label}: finite`);
    const worst = Math.max(...shifted.map((v, i) => Math.abs(v - plain[i]) / Math.max(1, plain[i])));
    assert.ok(worst < 1e-9, `${c.label}: differs from the unshifted density by ${worst}`);
    const mass = shifted.reduce((s, v) => s + v, 0) * (grid[1] - grid[0]);
    assert.ok(Math.abs(mass - 1) < 1e-12, `${c.label}: integrates to ${mass}`);
  }
});

test("metropolis-accept: min(1, exp(-beta dE)) on every case, from the closed form", () => {
  const accept = byId("metropolis-accept");
  const expected = [Math.exp(-1), 1, 1, Math.exp(-0.5), Math.exp(-9), 0, 1];
  accept.cases().forEach((c, k) => {
    assert.ok(Math.abs((accept.reference(...c.args) as number) - expected[k]) < 1e-16, c.label);
  });
});

/**
 * The draws the library's metropolis makes for one chain (stream (seed, 0)): a normal per step,
 * then a 32-bit uniform only when the move goes uphill (src/sampling/chains.ts). A downhill step
 * gets the uniform 0, which accepts as the library does.
 */
function libraryDraws(energy: Energy, start: number, beta: number, stepSize: number, seed: number, steps: number) {
  const random = createRandom(seed, 0);
  const normals: number[] = [];
  const uniforms: number[] = [];
  let x = start;
  for (let t = 0; t < steps; t++) {
    const z = random.normal();
    const y = x + stepSize * z;
    const logRatio = -beta * (energy.value([y]) - energy.value([x]));
    const u = logRatio >= 0 ? 0 : random.next32();
    normals.push(z);
    uniforms.push(u);
    if (u < Math.min(1, Math.exp(logRatio))) x = y;
  }
  return { normals, uniforms };
}

test("metropolis-chain: fed the library sampler's draws, the reference gives its samples bit for bit", () => {
  for (const [energy, beta, stepSize, seed] of [[doubleWell(), 2, 1, 5], [twoMemories(), 4, 0.6, 9]] as const) {
    const steps = 3000;
    const run = metropolis(energy, { beta, stepSize, chains: 1, steps, seed, init: [1] });
    const draws = libraryDraws(energy, 1, beta, stepSize, seed, steps);
    const mine = referenceChain(energy, 1, beta, stepSize, draws.normals, draws.uniforms);
    assert.deepEqual(mine, Array.from(run.samples), `${energy.name}: the reference chain is the library's`);
  }
});

test("metropolis-chain: the tolerances lie above the library sampler's TV on 20 seeds, and below every mistake's", () => {
  const chain = byId("metropolis-chain");
  const cases = chain.cases();
  for (const c of cases.slice(1)) {
    const [energy, start, beta, stepSize, normals] = c.args as [Energy, number, number, number, number[]];
    const histogramTest = chainTests.get(energy);
    assert.ok(histogramTest, `${c.label}: has a histogram test`);
    // The library's own sampler with the case's settings (one chain, no burn-in), 20 seeds.
    let worst = 0;
    for (let seed = 1; seed <= 20; seed++) {
      const run = metropolis(energy, { beta, stepSize, chains: 1, steps: normals.length, seed, init: [start] });
      worst = Math.max(worst, chainDistance(energy, beta, run.samples, histogramTest));
    }
    assert.ok(worst < histogramTest.tolerance, `${c.label}: library TV up to ${worst}, tolerance ${histogramTest.tolerance}`);
    // The reference chain on the case's own draws passes; every mistake of full length fails by a margin.
    const reference = chain.reference(...c.args) as number[];
    assert.ok(chainDistance(energy, beta, reference, histogramTest) < histogramTest.tolerance);
    for (const mistake of chain.mistakes) {
      const wrong = mistake.implementation(...c.args) as number[];
      if (wrong.length !== normals.length) continue; // judged by its length alone
      const tv = chainDistance(energy, beta, wrong, histogramTest);
      assert.ok(tv > 2 * histogramTest.tolerance, `${c.label}, ${mistake.name}: TV ${tv}`);
    }
    // A right chain on other draws (the library's, seed 99) is accepted by the histogram test;
    // the missing-beta chain is not.
    const other = Array.from(metropolis(energy, { beta, stepSize, chains: 1, steps: normals.length, seed: 99, init: [start] }).samples);
    assert.equal(chain.compare(reference, other, c.args), true, `${c.label}: a right chain on other draws`);
    const missingBeta = chain.mistakes.find((m) => m.name === "missing beta")!.implementation(...c.args);
    assert.equal(chain.compare(reference, missingBeta, c.args), false, `${c.label}: the missing-beta chain`);
  }
});
