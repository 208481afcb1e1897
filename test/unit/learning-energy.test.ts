// The learnable 2D energy: analytic gradients against central differences; denoising score
// matching on a Gaussian recovers its mean and covariance; contrastive training with Langevin
// negatives lowers KL(data || model) on a 2-component mixture, computed on a grid with the
// library's Gibbs functions. Seeds fixed: same seed, same numbers.
import { test } from "node:test";
import assert from "node:assert/strict";
import { gibbsCovariance, gibbsDensity, gibbsMean, gradientDescent, langevin } from "../../src";
import { contrastiveTrain, gaussianMixture2d, neuralEnergy, scoreMatchingTrain, twoMoons } from "../../src/learning";
import { scoreLoss } from "../../src/learning/neuralEnergy";

const axes = [{ min: -4, max: 4, count: 81 }, { min: -4, max: 4, count: 81 }];

test("the analytic gradients in x, in theta, and of the score-matching loss equal central differences", () => {
  const e = neuralEnergy({ units: 5, seed: 5 });
  const h = 1e-6;
  for (const x of [[0.3, -0.7], [2, 1.5], [-3, 0.2]]) {
    const g = e.gradient(x);
    const num = [(e.value([x[0] + h, x[1]]) - e.value([x[0] - h, x[1]])) / (2 * h), (e.value([x[0], x[1] + h]) - e.value([x[0], x[1] - h])) / (2 * h)];
    // Central differences: error O(h^2) plus rounding ~ 1e-16 |E| / h ~ 1e-9.
    for (let d = 0; d < 2; d++) assert.ok(Math.abs(g[d] - num[d]) < 1e-7, `grad_x at ${x}: ${g[d]} vs ${num[d]}`);
    const pg = e.parameterGradient(x);
    const theta = e.theta;
    for (let q = 0; q < theta.length; q++) {
      const up = Float64Array.from(theta);
      const down = Float64Array.from(theta);
      up[q] += h;
      down[q] -= h;
      const n = (e.withTheta(up).value(x) - e.withTheta(down).value(x)) / (2 * h);
      assert.ok(Math.abs(pg[q] - n) < 1e-7, `dE/dtheta_${q} at ${x}: ${pg[q]} vs ${n}`);
    }
    // The score-matching loss: d/dtheta of 1/2 |grad_x E(y) - t|^2 needs the mixed derivatives.
    const grad = new Float64Array(theta.length);
    const scratch = new Float64Array(2);
    scoreLoss(theta, 5, e.confinement, x[0], x[1], 0.5, -1.2, 1, grad, scratch);
    for (let q = 0; q < theta.length; q++) {
      const up = Float64Array.from(theta);
      const down = Float64Array.from(theta);
      up[q] += h;
      down[q] -= h;
      const sink = new Float64Array(theta.length);
      const n = (scoreLoss(up, 5, e.confinement, x[0], x[1], 0.5, -1.2, 1, sink, scratch) - scoreLoss(down, 5, e.confinement, x[0], x[1], 0.5, -1.2, 1, sink, scratch)) / (2 * h);
      assert.ok(Math.abs(grad[q] - n) < 1e-6, `dl/dtheta_${q} at ${x}: ${grad[q]} vs ${n}`);
    }
  }
  // It is an Energy: descent and the samplers take it.
  assert.equal(gradientDescent(e, [0, 0], { eta: 0.05 }).reason, "converged");
  assert.equal(langevin(e, { beta: 1, stepSize: 0.01, chains: 2, steps: 10, seed: 1 }).samples.length, 40);
  assert.equal(e.withParameters({ a0: 0 }).parameters.a0, 0);
});

test("the Gaussian mixture's density is normalised and its energy is -log p", () => {
  const mix = gaussianMixture2d({ count: 10, seed: 3, weights: [1, 3] });
  const d = gibbsDensity(mix.energy, { beta: 1, axes });
  // Reference: integral of p = 1, so log Z of exp(log p) on the grid is 0 (grid error ~ 1e-6).
  assert.ok(Math.abs(d.logZ) < 1e-6, `log Z = ${d.logZ}`);
  assert.ok(Math.abs(gibbsMean(d)[0] - (0.25 * -1.5 + 0.75 * 1.5)) < 1e-6);
  const moons = twoMoons({ count: 200, seed: 1 });
  assert.equal(moons.samples.length, 200);
  assert.deepEqual(twoMoons({ count: 5, seed: 2 }), twoMoons({ count: 5, seed: 2 }));
});

test("denoising score matching on a Gaussian recovers its mean and covariance (plus sigma^2 I)", () => {
  const mean = [0.5, -0.3];
  const cov = [[0.6, 0.2], [0.2, 0.4]];
  const sigma = 0.2;
  const data = gaussianMixture2d({ count: 2000, seed: 1, means: [mean], covariances: [cov] }).samples;
  const fit = scoreMatchingTrain(data, { epochs: 200, seed: 2, noise: sigma, learningRate: 0.003, batchSize: 500 });
  const d = gibbsDensity(fit.energy, { beta: 1, axes });
  const m = gibbsMean(d);
  const c = gibbsCovariance(d);
  // DSM fits the data smoothed by the noise: N(mu, S + sigma^2 I). Measured: mean (0.519, -0.306),
  // covariance [[0.639, 0.192], [0.192, 0.454]] against [[0.64, 0.2], [0.2, 0.44]]; the sample
  // of 2000 itself has mean (0.514, -0.295). Tolerance 0.03 on every entry.
  for (let a = 0; a < 2; a++) {
    assert.ok(Math.abs(m[a] - mean[a]) < 0.03, `mean ${m}`);
    for (let b = 0; b < 2; b++) assert.ok(Math.abs(c[a][b] - (cov[a][b] + (a === b ? sigma ** 2 : 0))) < 0.03, `covariance ${JSON.stringify(c)}`);
  }
  assert.ok(fit.history[199].loss < fit.history[0].loss);
});

test("contrastive training with Langevin negatives and a replay buffer lowers KL(data || model)", () => {
  const mix = gaussianMixture2d({ count: 1000, seed: 3 });
  const data = gibbsDensity(mix.energy, { beta: 1, axes });
  // KL(data || model) = sum_grid p log(p / q) dV, both densities from gibbsDensity on one grid.
  const kl = (energy: Parameters<typeof gibbsDensity>[0]) => {
    const model = gibbsDensity(energy, { beta: 1, axes });
    let s = 0;
    for (let i = 0; i < data.density.length; i++) s += data.density[i] * data.cellVolume * (data.logDensity[i] - model.logDensity[i]);
    return s;
  };
  const levels = [kl(neuralEnergy({ units: 16, seed: 4 }))];
  const fit = contrastiveTrain(mix.samples, { epochs: 30, seed: 4, onEpoch: (r, e) => { if (r.epoch % 10 === 0) levels.push(kl(e)); } });
  // Measured (seed 4): 3.770 at the start, 0.419, 0.251, 0.146 nats after 10, 20, 30 epochs.
  assert.ok(Math.abs(levels[0] - 3.770) < 1e-3, `start ${levels[0]}`);
  for (let n = 1; n < levels.length; n++) assert.ok(levels[n] < levels[n - 1], `KL ${levels}`);
  assert.ok(levels[3] < 0.2, `KL after 30 epochs ${levels[3]}`);
  assert.equal(fit.history.length, 30);
  assert.equal(fit.buffer.length, 1000);
});

test("contrastiveTrain's onEpoch receives a copy of the replay buffer: the last one is the result's", () => {
  const mix = gaussianMixture2d({ count: 200, seed: 5 });
  const buffers: number[][][] = [];
  const fit = contrastiveTrain(mix.samples, { epochs: 3, seed: 5, units: 4, bufferSize: 50, onEpoch: (_r, _e, buffer) => buffers.push(buffer) });
  assert.equal(buffers.length, 3);
  assert.equal(buffers[0].length, 50);
  assert.deepEqual(buffers[2], fit.buffer);
  // A copy: the negatives moved between epochs, the earlier snapshot did not move with them.
  assert.notDeepEqual(buffers[0], buffers[2]);
});
