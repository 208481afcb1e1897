import { test } from "node:test";
import assert from "node:assert/strict";
import { energyFromFunction } from "../../src/energy/fromFunction";
import { langevin } from "../../src/sampling/langevin";
import { createRandom } from "../../src/sampling/random";
import { meanAndVariance } from "./sampling-fixtures";

/** E = k x^2 / 2 with its exact gradient. */
function bowl(k: number) {
  return energyFromFunction((x, w) => (w.k * x[0] * x[0]) / 2, {
    parameters: { k },
    gradient: (x, w, g) => void (g[0] = w.k * x[0]),
  });
}

test("unadjusted Langevin on k x^2 / 2 has the biased stationary variance 1 / (beta k (1 - eta k / 2))", () => {
  // Derivation: on E = k x^2 / 2 the step is the AR(1) recursion x' = (1 - eta k) x + sqrt(2 eta / beta) z,
  // whose stationary variance is (2 eta / beta) / (1 - (1 - eta k)^2) = 1 / (beta k (1 - eta k / 2)).
  // At eta k = 0.5 that is 4/3 of the Gibbs variance 1 / (beta k), at eta k = 1.5 four times it.
  // 1000 chains x 2000 steps (autocorrelation time (1 + a) / (1 - a) <= 3 for a = 1 - eta k):
  // standard error about 0.2 %; tolerance 1.5 %.
  const k = 2;
  const beta = 1;
  for (const eta of [0.25, 0.75]) {
    const run = langevin(bowl(k), { beta, stepSize: eta, chains: 1000, steps: 2000, burnIn: 100, seed: 21 });
    const { variance, mean } = meanAndVariance(run.samples);
    const biased = 1 / (beta * k * (1 - (eta * k) / 2));
    assert.ok(Math.abs(variance / biased - 1) < 0.015, `eta k = ${eta * k}: variance ${variance}, exact ${biased}`);
    assert.ok(Math.abs(variance / (1 / (beta * k)) - 1) > 0.3, "the bias is measurable");
    assert.ok(Math.abs(mean) < 0.02, `mean ${mean}`);
    assert.equal(run.acceptanceRate, 1);
    assert.ok(run.chainAcceptanceRates.every((rate) => rate === 1));
  }
});

test("one Langevin step is x - eta grad E(x) + sqrt(2 eta / beta) z with z = createRandom(seed, c).normal()", () => {
  const k = 3;
  const eta = 0.1;
  const beta = 2;
  const run = langevin(bowl(k), { beta, stepSize: eta, chains: 4, steps: 3, seed: "one step", init: [[1], [-2], [0.5], [0]] });
  const starts = [1, -2, 0.5, 0];
  const noise = Math.sqrt((2 * eta) / beta);
  for (let c = 0; c < 4; c++) {
    const random = createRandom("one step", c);
    let x = starts[c];
    for (let t = 0; t < 3; t++) {
      x = x - eta * (k * x) + noise * random.normal();
      assert.equal(run.samples[c * 3 + t], x);
    }
  }
});

test("same seed: bit-identical; another seed: different", () => {
  const options = { beta: 1, stepSize: 0.1, chains: 4, steps: 100, seed: 3 };
  assert.deepEqual(langevin(bowl(1), options).samples, langevin(bowl(1), options).samples);
  assert.notDeepEqual(langevin(bowl(1), options).samples, langevin(bowl(1), { ...options, seed: 4 }).samples);
});

test("a step too large for the energy is reported, not turned into NaN samples", () => {
  // E = x^4: from x = 3 with eta = 1, x' = x - 4 x^3 + ... explodes within a few steps.
  const quartic = energyFromFunction((x) => x[0] ** 4, { gradient: (x, w, g) => void (g[0] = 4 * x[0] ** 3) });
  assert.throws(
    () => langevin(quartic, { beta: 1, stepSize: 1, chains: 2, steps: 100, init: 3, seed: 1 }),
    /^RangeError: langevin: chain 0 left the finite numbers at step \d+ \(coordinate 0 became (-?Infinity|NaN)\); the step size 1 is too large for this energy: lower stepSize, or use mala$/,
  );
});
