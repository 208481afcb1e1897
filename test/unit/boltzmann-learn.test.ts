import { test } from "node:test";
import assert from "node:assert/strict";
import seedrandom from "seedrandom";
import { boltzmannLearn } from "../../src/hopfield/boltzmannLearn";
import { boltzmannExact } from "../../src/hopfield/boltzmannExact";
import { stateFromIndex } from "../../src/hopfield/boltzmannStates";
import { hopfieldNetwork } from "../../src/hopfield/network";

/** Entry (i, j) of a network's W. */
function weight(net: { size: number; weights: Float64Array }, i: number, j: number): number {
  return net.weights[i * net.size + j];
}

/** M samples drawn exactly from a 6-unit machine (inverse CDF over the 64 states). */
function sampledData(M: number): number[][] {
  const rng = seedrandom.alea("target");
  const n = 6;
  const W = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) W[i][j] = W[j][i] = 2 * rng() - 1;
  const b = Array.from({ length: n }, () => rng() - 0.5);
  const exact = boltzmannExact(hopfieldNetwork(W, { biases: b }), { beta: 1 });
  const data: number[][] = [];
  for (let m = 0; m < M; m++) {
    let u = rng();
    let k = 0;
    while (k < 63 && u > exact.density[k]) u -= exact.density[k++];
    data.push(stateFromIndex(k, n));
  }
  return data;
}

test("learning: KL(data || model) never rises with eta < 2 / (beta D), and ends below 0.03", () => {
  // D = N(N+1)/2 = 21 parameters bounds the largest eigenvalue of the statistics' covariance, so
  // eta = 0.09 < 2/21 is a safe gradient step on the concave log-likelihood.
  const data = sampledData(1000);
  const fit = boltzmannLearn(data, { epochs: 400, learningRate: 0.09 });
  assert.equal(fit.history.length, 401);
  assert.deepEqual(fit.history.map((r) => r.epoch), Array.from({ length: 401 }, (_, k) => k));
  for (let e = 1; e < fit.history.length; e++) {
    assert.ok(fit.history[e].klDataModel <= fit.history[e - 1].klDataModel + 1e-12, `epoch ${e}`);
  }
  // From the uniform start, KL = log 64 - H(data) (1.24 here). The best machine for these 1000
  // samples (3000 epochs below: moments matched to 1e-12) has KL 0.0245 > 0, since the sample's
  // distribution is not exactly a Boltzmann distribution; 400 epochs get within 0.002 of it.
  assert.ok(fit.history[0].klDataModel > 1.2);
  assert.ok(fit.history[400].klDataModel < 0.03, `final KL ${fit.history[400].klDataModel}`);
  // KL = -H(data) - average log-likelihood, at every epoch.
  let entropy = 0;
  for (const p of fit.dataDistribution) if (p > 0) entropy -= p * Math.log(p);
  for (const r of fit.history) assert.ok(Math.abs(r.klDataModel - (-entropy - r.logLikelihood)) < 1e-12);
  assert.ok(Math.abs(fit.history[0].klDataModel - (Math.log(64) - entropy)) < 1e-12);
  // The reported model is boltzmannExact of the learned network (W and b).
  const model = boltzmannExact(fit.network, { beta: 1 });
  assert.deepEqual(model, fit.model);
  assert.equal(fit.network.name, "Boltzmann machine, N = 6, learned");
  assert.equal(fit.model.energyName, fit.network.name);
  assert.equal(fit.beta, 1);
});

test("learning: at convergence the model's moments match the data's (Ackley, Hinton & Sejnowski 1985)", () => {
  const data = sampledData(1000);
  const fit = boltzmannLearn(data, { epochs: 3000, learningRate: 0.2 });
  for (let i = 0; i < 6; i++) {
    assert.ok(Math.abs(fit.model.meanState[i] - fit.dataMeanState[i]) < 1e-9);
    for (let j = 0; j < 6; j++) assert.ok(Math.abs(fit.model.correlations[i][j] - fit.dataCorrelations[i][j]) < 1e-9);
  }
  // The maximum-likelihood fit: KL 0.0245, the floor the 400-epoch run above approaches.
  assert.ok(Math.abs(fit.history[3000].klDataModel - 0.0245) < 0.0005, `KL ${fit.history[3000].klDataModel}`);
  // W stays symmetric with a zero diagonal.
  for (let i = 0; i < 6; i++) {
    assert.equal(weight(fit.network, i, i), 0);
    for (let j = 0; j < 6; j++) assert.equal(weight(fit.network, i, j), weight(fit.network, j, i));
  }
});

test("learning: the doc example, two units that agree", () => {
  const data = Object.freeze([Object.freeze([1, 1]), Object.freeze([1, 1]), Object.freeze([-1, -1])]);
  const fit = boltzmannLearn(data, { epochs: 200, learningRate: 0.5 });
  assert.ok(fit.history[200].klDataModel < 0.01);
  assert.ok(weight(fit.network, 0, 1) > 1 && fit.network.biases[0] > 0);
  assert.deepEqual(Array.from(fit.dataDistribution), [1 / 3, 0, 0, 2 / 3]);
});

test("learning: beta only rescales the parameters (W at beta = 1/2 with eta equals 2 W at beta = 1 with eta/2)", () => {
  // p depends on beta W, and the update adds eta x (moment differences) either way.
  const data = sampledData(100);
  const warm = boltzmannLearn(data, { epochs: 50, learningRate: 0.08, beta: 0.5 });
  const cold = boltzmannLearn(data, { epochs: 50, learningRate: 0.04, beta: 1 });
  for (let i = 0; i < 6; i++) {
    assert.ok(Math.abs(warm.network.biases[i] - 2 * cold.network.biases[i]) < 1e-12);
    for (let j = 0; j < 6; j++) assert.ok(Math.abs(weight(warm.network, i, j) - 2 * weight(cold.network, i, j)) < 1e-12);
  }
  warm.history.forEach((r, e) => assert.ok(Math.abs(r.klDataModel - cold.history[e].klDataModel) < 1e-12));
});

test("learning: a seed gives small random starting weights, the same for the same seed", () => {
  const data = sampledData(50);
  const a = boltzmannLearn(data, { epochs: 3, learningRate: 0.05, seed: 4 });
  const b = boltzmannLearn(data, { epochs: 3, learningRate: 0.05, seed: 4 });
  const c = boltzmannLearn(data, { epochs: 3, learningRate: 0.05 });
  assert.deepEqual(a, b);
  assert.notDeepEqual(a.network.weights, c.network.weights);
  assert.ok(Math.abs(a.history[0].klDataModel - c.history[0].klDataModel) < 0.05);
  assert.notEqual(a.history[0].klDataModel, c.history[0].klDataModel);
});

test("boltzmannLearn: rejects bad input with the message shape", () => {
  const wide = [new Array(21).fill(1)];
  assert.throws(() => boltzmannLearn(wide, { epochs: 1, learningRate: 0.1 }), {
    name: "RangeError",
    message: /^boltzmannLearn: data must have at most 20 units for exact enumeration \(2\^N states\), got 21 units \(2097152 states\)$/,
  });
  assert.throws(() => boltzmannLearn([], { epochs: 1, learningRate: 0.1 }), { name: "RangeError", message: /^boltzmannLearn: data must be a non-empty array of patterns, got \[\]$/ });
  assert.throws(() => boltzmannLearn([[1, -1], [1]], { epochs: 1, learningRate: 0.1 }), { name: "RangeError", message: /^boltzmannLearn: data\[1\] must be a pattern of 2 units like data\[0\]/ });
  assert.throws(() => boltzmannLearn([[1, 0]], { epochs: 1, learningRate: 0.1 }), { name: "RangeError", message: /^boltzmannLearn: data\[0\]\[1\] must be \+1 or -1, got 0$/ });
  assert.throws(() => boltzmannLearn([[1, -1]], { epochs: 0, learningRate: 0.1 }), { name: "RangeError", message: /^boltzmannLearn: options.epochs must be an integer in \[1, 1000000000000\], got 0$/ });
  assert.throws(() => boltzmannLearn([[1, -1]], { epochs: 1, learningRate: -0.1 }), { name: "RangeError", message: /^boltzmannLearn: options.learningRate must be a positive finite number, got -0.1$/ });
  assert.throws(() => boltzmannLearn([[1, -1]], { epochs: 1, learningRate: 0.1, beta: 0 }), { name: "RangeError", message: /^boltzmannLearn: options.beta must be a positive finite number, got 0$/ });
  assert.throws(() => boltzmannLearn([[1, -1]], { epochs: 1, learningRate: 0.1, T: 1 } as never), { name: "RangeError", message: /^boltzmannLearn: options.T is not an option; the options are epochs, learningRate, beta, seed, maxWork$/ });
  assert.throws(() => boltzmannLearn([[1, -1]], { epochs: 1, learningRat: 0.1 } as never), { name: "RangeError", message: /^boltzmannLearn: options.learningRat is not an option \(did you mean learningRate\?\)/ });
  assert.throws(() => boltzmannLearn([[1, -1]], undefined as never), { name: "TypeError", message: /^boltzmannLearn: options must be an options object/ });
  assert.throws(() => boltzmannLearn(null as never, { epochs: 1, learningRate: 0.1 }), { name: "TypeError", message: /^boltzmannLearn: data must be an array of patterns/ });
  assert.throws(() => boltzmannLearn([[1, -1]], { epochs: 1, learningRate: 1e308 }), { name: "RangeError", message: /^boltzmannLearn: options.learningRate must be small enough to keep the energies finite/ });
});

test("boltzmannLearn: refuses work above the budget at once", () => {
  // (epochs + 1) x 2^N x N: 1e9 epochs of a 6-unit machine is 3.84e11 state visits (the suggested budget rounds up: 3.9e11).
  const start = performance.now();
  assert.throws(() => boltzmannLearn([[1, -1, 1, -1, 1, -1]], { epochs: 1e9, learningRate: 0.1 }), {
    name: "RangeError",
    message: /^boltzmannLearn: \(epochs \+ 1\) x 2\^N states x N units = 3\.84e\+11 is above the work budget of 2e\+8 steps; ask for less, or pass \{ maxWork: 3\.9e\+11 \}/,
  });
  assert.ok(performance.now() - start < 100);
});
