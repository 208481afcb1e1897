import { test } from "node:test";
import assert from "node:assert/strict";
import { energyFromFunction } from "../../src/energy/fromFunction";
import { metropolis } from "../../src/sampling/metropolis";
import { histogram } from "../../src/sampling/histogram";
import { totalVariation } from "../../src/sampling/totalVariation";
import { createRandom } from "../../src/sampling/random";
import { metropolisChains, metropolisChains1d, type ChainPlan } from "../../src/sampling/chains";
import { exactGibbsDensity, meanAndVariance, recipeBowl2d, recipeDoubleWell } from "./sampling-fixtures";

/** E = k x^2 / 2 with its exact gradient. */
function bowl(k: number) {
  return energyFromFunction((x, w) => (w.k * x[0] * x[0]) / 2, {
    parameters: { k },
    gradient: (x, w, g) => void (g[0] = w.k * x[0]),
  });
}

test("Metropolis on E = k x^2 / 2: variance 1 / (beta k) and the exact acceptance rate", () => {
  // The Gibbs density of k x^2 / 2 is N(0, 1 / (beta k)). For a 1D Gaussian target and a
  // Gaussian random-walk proposal of standard deviation l times the target's, the stationary
  // acceptance rate is (2 / pi) arctan(2 / l) (Sherlock, Fearnhead and Roberts 2010, Statistical
  // Science 25(2), section 3; the 0.44 optimum of Gelman, Roberts and Gilks 1996 at l = 2.4).
  // 1000 chains x 2000 kept steps (autocorrelation time about 4): the standard error of the
  // variance is about 0.1 %, of the acceptance rate about 0.05 %: tolerances 2 % and 0.005.
  const k = 2;
  const beta = 1.5;
  const stepSize = 1.2;
  const run = metropolis(bowl(k), { beta, stepSize, chains: 1000, steps: 2000, burnIn: 200, seed: 11 });
  const { mean, variance } = meanAndVariance(run.samples);
  const exactVariance = 1 / (beta * k);
  assert.ok(Math.abs(variance / exactVariance - 1) < 0.02, `variance ${variance}, exact ${exactVariance}`);
  assert.ok(Math.abs(mean) < 0.01, `mean ${mean}`);
  const l = stepSize * Math.sqrt(beta * k);
  const exactAcceptance = (2 / Math.PI) * Math.atan(2 / l);
  assert.ok(Math.abs(run.acceptanceRate - exactAcceptance) < 0.005, `acceptance ${run.acceptanceRate}, exact ${exactAcceptance}`);
});

test("Metropolis in 2D (the general path): each coordinate has variance 1 / (beta k), no correlation", () => {
  // E = k (x^2 + y^2) / 2: x and y independent N(0, 1 / (beta k)). Tolerance 3 % (800 x 2000 samples).
  const k = 0.5;
  const beta = 2;
  const run = metropolis(recipeBowl2d(k), { beta, stepSize: 1.5, chains: 800, steps: 2000, burnIn: 200, seed: "2d" });
  const exact = 1 / (beta * k);
  const x = meanAndVariance(run.samples, 2, 0);
  const y = meanAndVariance(run.samples, 2, 1);
  assert.ok(Math.abs(x.variance / exact - 1) < 0.03, `var x ${x.variance}`);
  assert.ok(Math.abs(y.variance / exact - 1) < 0.03, `var y ${y.variance}`);
  let covariance = 0;
  for (let i = 0; i < run.samples.length; i += 2) covariance += (run.samples[i] - x.mean) * (run.samples[i + 1] - y.mean);
  covariance /= run.samples.length / 2;
  assert.ok(Math.abs(covariance / exact) < 0.02, `correlation ${covariance / exact}`);
});

test("Metropolis on the double well (x^2 - 1)^2: total variation to the exact Gibbs density below 0.015", () => {
  // Reference: p(x) = exp(-beta (x^2 - 1)^2) / Z with Z by Simpson's rule on [-4, 4] (the
  // density there is below e^-225 at the ends). 200 chains x 5000 steps, 60 bins on [-2.5, 2.5]:
  // seen between 0.003 and 0.006 for several seeds, so 0.015 leaves room for the sampling noise
  // while a wrong temperature (beta = 2) is 0.14 away and fails.
  const beta = 1;
  const wellValue = (x: number) => (x * x - 1) ** 2;
  const init = Array.from({ length: 200 }, (_, c) => [c % 2 === 0 ? -1 : 1]);
  const run = metropolis(recipeDoubleWell(), { beta, stepSize: 0.5, chains: 200, steps: 5000, burnIn: 500, seed: 5, init });
  const h = histogram(run, { bins: 60, range: [-2.5, 2.5] });
  const tv = totalVariation(h, exactGibbsDensity(wellValue, beta, -4, 4));
  assert.ok(tv < 0.015, `TV ${tv}`);
  const wrong = totalVariation(h, exactGibbsDensity(wellValue, 2, -4, 4));
  assert.ok(wrong > 0.1, `TV to the beta = 2 density ${wrong}`);
});

test("chain c draws from createRandom(seed, c): normal() per proposal, next32() when E rises", () => {
  // A plain re-implementation of the documented transition, in the documented order of draws.
  const well = recipeDoubleWell();
  const beta = 2;
  const stepSize = 0.7;
  const run = metropolis(well, { beta, stepSize, chains: 3, steps: 50, seed: "contract", init: [[0.3], [-1], [2]] });
  const starts = [0.3, -1, 2];
  for (let c = 0; c < 3; c++) {
    const random = createRandom("contract", c);
    let x = starts[c];
    let e = (x * x - 1) * (x * x - 1);
    for (let t = 0; t < 50; t++) {
      const y = x + stepSize * random.normal();
      const ey = (y * y - 1) * (y * y - 1);
      const logRatio = -beta * (ey - e);
      if (logRatio >= 0 || random.next32() < Math.exp(logRatio)) {
        x = y;
        e = ey;
      }
      assert.equal(run.samples[c * 50 + t], x, `chain ${c} step ${t}`);
    }
  }
});

test("the 1D fast path and the general path give bit-identical chains", () => {
  const plan: ChainPlan = { method: "metropolis", seed: 9, beta: 1.3, stepSize: 0.8, burnIn: 7, steps: 300, thin: 3, dimension: 1, chains: 4 };
  const make = () => ({
    starts: Float64Array.of(0, 1.5, -0.2, 3),
    samples: new Float64Array(4 * 100),
    finalStates: new Float64Array(4),
    accepted: new Float64Array(4),
  });
  const fast = make();
  const general = make();
  metropolisChains1d(recipeDoubleWell(), plan, fast, 0, 4);
  metropolisChains(recipeDoubleWell(), plan, general, 0, 4);
  assert.deepEqual(fast, general);
});

test("same seed: bit-identical; another seed: different", () => {
  const options = { beta: 1, stepSize: 0.5, chains: 5, steps: 200, seed: 123 };
  const a = metropolis(recipeDoubleWell(), options);
  const b = metropolis(recipeDoubleWell(), options);
  assert.deepEqual(a.samples, b.samples);
  assert.deepEqual(a.finalStates, b.finalStates);
  assert.deepEqual(a.chainAcceptanceRates, b.chainAcceptanceRates);
  const c = metropolis(recipeDoubleWell(), { ...options, seed: 124 });
  assert.notDeepEqual(a.samples, c.samples);
  const d = metropolis(recipeDoubleWell(), { ...options, seed: "123" });
  assert.notDeepEqual(a.samples, d.samples);
});

test("inputs are not mutated (frozen options and init)", () => {
  const init = Object.freeze([Object.freeze([0.5]), Object.freeze([-0.5])]);
  const options = Object.freeze({ beta: 1, stepSize: 0.5, chains: 2, steps: 20, seed: 1, init });
  const run = metropolis(recipeDoubleWell(), options);
  assert.deepEqual(init, [[0.5], [-0.5]]);
  assert.equal(run.samples.length, 40);
});

test("result fields: counts, rates in [0, 1], seed and settings recorded", () => {
  const run = metropolis(recipeBowl2d(1), { beta: 0.5, stepSize: 2, chains: 7, steps: 100, burnIn: 10, thin: 4, seed: "r" });
  assert.equal(run.method, "metropolis");
  assert.equal(run.seed, "r");
  assert.equal(run.beta, 0.5);
  assert.equal(run.chains, 7);
  assert.equal(run.samplesPerChain, 25);
  assert.equal(run.dimension, 2);
  assert.equal(run.samples.length, 7 * 25 * 2);
  assert.equal(run.finalStates.length, 14);
  assert.equal(run.chainAcceptanceRates.length, 7);
  assert.ok(run.acceptanceRate > 0 && run.acceptanceRate < 1);
  let sum = 0;
  for (const rate of run.chainAcceptanceRates) {
    assert.ok(rate >= 0 && rate <= 1);
    sum += rate;
  }
  // Every chain makes the same number of proposals, so the overall rate is the mean chain rate.
  assert.ok(Math.abs(sum / 7 - run.acceptanceRate) < 1e-15);
  assert.deepEqual([run.stepSize, run.steps, run.burnIn, run.thin, run.threadsUsed], [2, 100, 10, 4, 1]);
  // The last kept sample (after transition burnIn + 100) is the final state.
  assert.deepEqual(Array.from(run.samples.subarray(24 * 2, 25 * 2)), Array.from(run.finalStates.subarray(0, 2)));
});

test("burnIn and thin select transitions of the same chains", () => {
  // Same seed, same streams: the kept states are a subsequence of the unthinned run.
  const base = { beta: 1, stepSize: 0.9, chains: 3, seed: 4 };
  const all = metropolis(recipeDoubleWell(), { ...base, steps: 35 });
  const burnt = metropolis(recipeDoubleWell(), { ...base, steps: 30, burnIn: 5 });
  const thinned = metropolis(recipeDoubleWell(), { ...base, steps: 30, burnIn: 5, thin: 3 });
  assert.equal(thinned.samplesPerChain, 10);
  for (let c = 0; c < 3; c++) {
    for (let t = 0; t < 30; t++) assert.equal(burnt.samples[c * 30 + t], all.samples[c * 35 + t + 5]);
    for (let s = 0; s < 10; s++) assert.equal(thinned.samples[c * 10 + s], burnt.samples[c * 30 + 3 * s + 2]);
  }
  assert.deepEqual(thinned.finalStates, all.finalStates);
});

test("init: one point, one per chain, or chain-major numbers; default the domain centre", () => {
  const base = { beta: 1, stepSize: 0.5, chains: 3, steps: 40, seed: 8 };
  const perChain = metropolis(recipeBowl2d(1), { ...base, init: [[1, 2], [3, 4], [5, 6]] });
  const flat = metropolis(recipeBowl2d(1), { ...base, init: Float64Array.of(1, 2, 3, 4, 5, 6) });
  assert.deepEqual(perChain.samples, flat.samples);
  const shared = metropolis(recipeBowl2d(1), { ...base, init: [1, 2] });
  const repeated = metropolis(recipeBowl2d(1), { ...base, init: [[1, 2], [1, 2], [1, 2]] });
  assert.deepEqual(shared.samples, repeated.samples);
  const boxed = energyFromFunction((x) => (x[0] - 3) ** 2, { domain: { lower: [2], upper: [4] } });
  assert.deepEqual(metropolis(boxed, base).samples, metropolis(boxed, { ...base, init: 3 }).samples);
  const plain = energyFromFunction((x) => x[0] ** 2);
  assert.deepEqual(metropolis(plain, base).samples, metropolis(plain, { ...base, init: [0] }).samples);
});

test("proposals where E is NaN or +Infinity are rejected", () => {
  // A half-line support: E = x for x >= 0, +Infinity below; NaN above 5.
  const halfLine = energyFromFunction((x) => (x[0] < 0 ? Infinity : x[0] > 5 ? NaN : x[0]));
  const run = metropolis(halfLine, { beta: 1, stepSize: 1, chains: 4, steps: 500, init: 1, seed: 2 });
  for (const x of run.samples) assert.ok(x >= 0 && x <= 5, `sample ${x}`);
});
