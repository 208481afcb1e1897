import { test } from "node:test";
import assert from "node:assert/strict";
import seedrandom from "seedrandom";
import { boltzmannExact } from "../../src/hopfield/boltzmannExact";
import { stateFromIndex } from "../../src/hopfield/boltzmannStates";
import { hopfieldEnergy } from "../../src/hopfield/energy";
import { hebbianWeights, hopfieldNetwork } from "../../src/hopfield/network";

function randomMachine(n: number, seed: string, scale = 1) {
  const rng = seedrandom.alea(seed);
  const W = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) W[i][j] = W[j][i] = scale * (2 * rng() - 1);
  return hopfieldNetwork(W, { biases: Array.from({ length: n }, () => scale * (rng() - 0.5)) });
}

test("exact: density sums to 1 and equals exp(-beta E - log Z) with E from hopfieldEnergy", () => {
  for (let n = 1; n <= 9; n++) {
    const net = randomMachine(n, `sum ${n}`, 2);
    const beta = 1 / (0.5 + n / 4);
    const exact = boltzmannExact(net, { beta });
    assert.equal(exact.density.length, 2 ** n);
    assert.equal(exact.beta, beta);
    const total = exact.density.reduce((a, p) => a + p, 0);
    assert.ok(Math.abs(total - 1) < 1e-12, `n = ${n}: sum ${total}`);
    for (let k = 0; k < 2 ** n; k++) {
      const e = hopfieldEnergy(net, stateFromIndex(k, n));
      assert.ok(Math.abs(exact.energies[k] - e) < 1e-12);
      assert.ok(Math.abs(exact.density[k] - Math.exp(-beta * e - exact.logZ)) < 1e-12);
      assert.ok(Math.abs(exact.logDensity[k] - (-beta * e - exact.logZ)) < 1e-12);
    }
  }
});

test("exact: two coupled units in closed form (the doc example)", () => {
  // E(++) = E(--) = -J, E(+-) = E(-+) = +J; Z = 2 e^{beta J} + 2 e^{-beta J}.
  const J = 1;
  const exact = boltzmannExact([[0, J], [J, 0]], { beta: 1 });
  const Z = 2 * Math.E + 2 / Math.E;
  assert.ok(Math.abs(exact.logZ - Math.log(Z)) < 1e-14);
  assert.ok(Math.abs(exact.density[3] - Math.E / Z) < 1e-15);
  assert.ok(Math.abs(exact.density[1] - 1 / Math.E / Z) < 1e-15);
  assert.equal(exact.density[3].toFixed(4), "0.4404");
  // <s_0 s_1> = tanh(beta J).
  assert.ok(Math.abs(exact.correlations[0][1] - Math.tanh(1)) < 1e-15);
  // beta defaults to 1, and rows name the machine by its size.
  assert.deepEqual(boltzmannExact([[0, J], [J, 0]]), exact);
  assert.equal(exact.energyName, "Boltzmann machine, N = 2");
});

test("exact: beta = 1/T gives the numbers of temperature T (p(+1,+1) = e^{J/T} / (2 e^{J/T} + 2 e^{-J/T}))", () => {
  for (const T of [0.25, 0.5, 2, 4]) {
    const exact = boltzmannExact([[0, 1], [1, 0]], { beta: 1 / T });
    const Z = 2 * Math.exp(1 / T) + 2 * Math.exp(-1 / T);
    assert.ok(Math.abs(exact.density[3] - Math.exp(1 / T) / Z) < 1e-15, `T = ${T}`);
    assert.ok(Math.abs(exact.logZ - Math.log(Z)) < 1e-14, `T = ${T}`);
  }
});

test("exact: the conditional P(s_i = +1 | rest) is 1 / (1 + exp(-2 beta h_i)) (the Gibbs sampler's rule)", () => {
  const n = 5;
  const net = randomMachine(n, "conditional", 1.5);
  const beta = 0.8;
  const exact = boltzmannExact(net, { beta });
  let worst = 0;
  for (let k = 0; k < 2 ** n; k++) {
    const s = stateFromIndex(k, n);
    for (let i = 0; i < n; i++) {
      let h = net.biases[i];
      for (let j = 0; j < n; j++) h += net.weights[i * n + j] * s[j];
      const up = exact.density[k | (1 << i)];
      const down = exact.density[k & ~(1 << i)];
      worst = Math.max(worst, Math.abs(up / (up + down) - 1 / (1 + Math.exp(-2 * beta * h))));
    }
  }
  assert.ok(worst < 1e-14, `worst ${worst}`);
});

test("exact: independent units, log Z = sum_i log(2 cosh(beta b_i)) and <s_i> = tanh(beta b_i)", () => {
  const b = [0.3, -1.2, 0, 2.5, -0.05];
  const beta = 1 / 0.7;
  const net = hopfieldNetwork(b.map(() => b.map(() => 0)), { biases: b });
  const exact = boltzmannExact(net, { beta });
  const logZ = b.reduce((a, bi) => a + Math.log(2 * Math.cosh(beta * bi)), 0);
  assert.ok(Math.abs(exact.logZ - logZ) < 1e-13);
  b.forEach((bi, i) => assert.ok(Math.abs(exact.meanState[i] - Math.tanh(beta * bi)) < 1e-14));
  // Independent units: <s_i s_j> = <s_i><s_j>.
  assert.ok(Math.abs(exact.correlations[0][3] - Math.tanh(beta * b[0]) * Math.tanh(beta * b[3])) < 1e-14);
});

test("exact: moments and entropy agree with direct sums; S = beta (<E> - F)", () => {
  const n = 6;
  const net = randomMachine(n, "moments", 1.5);
  const beta = 1 / 1.3;
  const exact = boltzmannExact(net, { beta });
  const mean = new Array(n).fill(0);
  let entropy = 0;
  let meanEnergy = 0;
  for (let k = 0; k < 2 ** n; k++) {
    const p = exact.density[k];
    const s = stateFromIndex(k, n);
    s.forEach((v, i) => (mean[i] += p * v));
    entropy -= p * Math.log(p);
    meanEnergy += p * exact.energies[k];
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) assert.ok(exact.correlations[i][j] === exact.correlations[j][i]);
    }
  }
  mean.forEach((m, i) => assert.ok(Math.abs(exact.meanState[i] - m) < 1e-14));
  assert.ok(Math.abs(exact.entropy - entropy) < 1e-12);
  assert.ok(Math.abs(exact.meanEnergy - meanEnergy) < 1e-12);
  const F = -exact.logZ / beta;
  assert.ok(Math.abs(exact.entropy - beta * (exact.meanEnergy - F)) < 1e-12);
  for (let i = 0; i < n; i++) assert.equal(exact.correlations[i][i], 1);
});

test("exact: large beta concentrates on the lowest-energy states, small beta spreads evenly", () => {
  // One stored pattern, no bias: the two ground states +-xi share the mass at large beta.
  const xi = [1, -1, -1, 1, 1, -1, 1, 1];
  const net = hebbianWeights([xi]);
  const cold = boltzmannExact(net, { beta: 50 });
  assert.equal(cold.energyName, "Hopfield network, N = 8, P = 1");
  const k = xi.reduce((a, v, i) => a + (v === 1 ? 2 ** i : 0), 0);
  const kNegative = 2 ** 8 - 1 - k;
  assert.ok(Math.abs(cold.density[k] - 0.5) < 1e-12);
  assert.ok(Math.abs(cold.density[kNegative] - 0.5) < 1e-12);
  // A small bias along xi breaks the tie: all the mass moves to xi.
  const tilted = boltzmannExact(hebbianWeights([xi], { biases: xi.map((v) => 0.01 * v) }), { beta: 1000 });
  assert.ok(tilted.density[k] > 1 - 1e-12);
  assert.ok(Number.isFinite(tilted.logZ));
  // log Z ~ -beta E_min at large beta: E(xi) = -(N - 1)/2 - 0.01 N.
  assert.ok(Math.abs(tilted.logZ - (3.5 + 0.08) * 1000) < 1e-9);
  // The log density stays finite where the density underflows to 0.
  assert.ok(tilted.logDensity.every((v) => Number.isFinite(v)));
  // Small beta: every state has probability 2^-8.
  const hot = boltzmannExact(net, { beta: 1e-9 });
  for (const p of hot.density) assert.ok(Math.abs(p - 1 / 256) < 1e-10);
});

test("exact: rejects too many units with the count, bad beta, unknown options, bad couplings", () => {
  const big = Array.from({ length: 21 }, () => new Array(21).fill(0));
  assert.throws(() => boltzmannExact(big), {
    name: "RangeError",
    message: /^boltzmannExact: network must have at most 20 units for exact enumeration \(2\^N states\), got 21 units \(2097152 states\)$/,
  });
  const W = [[0, 1], [1, 0]];
  assert.throws(() => boltzmannExact(W, { beta: 0 }), { name: "RangeError", message: /^boltzmannExact: options.beta must be a positive finite number, got 0$/ });
  assert.throws(() => boltzmannExact(W, { beta: -1 }), { name: "RangeError", message: /^boltzmannExact: options.beta must be a positive finite number, got -1$/ });
  assert.throws(() => boltzmannExact(W, { beta: Infinity }), { name: "RangeError", message: /^boltzmannExact: options.beta must be a positive finite number, got Infinity$/ });
  assert.throws(() => boltzmannExact(W, { beta: "1" as never }), { name: "TypeError", message: /^boltzmannExact: options.beta must be a positive finite number, got "1"$/ });
  assert.throws(() => boltzmannExact(W, { T: 1 } as never), { name: "RangeError", message: /^boltzmannExact: options.T is not an option; the options are beta, maxWork$/ });
  // The old positional form (W, b, T) is refused with the new one.
  assert.throws(() => (boltzmannExact as (...args: unknown[]) => unknown)(W, undefined, 1), {
    name: "TypeError",
    message: /^boltzmannExact: takes \(network, options\), got 3 arguments; the biases belong in the network \(hopfieldNetwork\(W, \{ biases \}\)\) and the inverse temperature is options.beta$/,
  });
  assert.throws(() => boltzmannExact(W, 1 as never), { name: "TypeError", message: /^boltzmannExact: options must be an options object/ });
  assert.throws(() => boltzmannExact([[0, 1, 0], [1, 0, 0]]), { name: "RangeError", message: /^boltzmannExact: network must be a square matrix \(2 rows of 2 numbers\), got row 0 of length 3$/ });
  assert.throws(() => boltzmannExact(null as never), { name: "TypeError", message: /^boltzmannExact: network must be a network/ });
  const handMade = { size: 2, weights: new Float64Array([0, 1, 1, 0]), biases: [0, 0, 0], name: "x" };
  assert.throws(() => boltzmannExact(handMade as never), { name: "RangeError", message: /^boltzmannExact: network.biases must be an array of 2 finite numbers/ });
  // The work budget: 2^N x N state-unit visits.
  assert.throws(() => boltzmannExact(W, { maxWork: 3 }), { name: "RangeError", message: /^boltzmannExact: 2\^N states x N units = 8 is above the work budget/ });
});
