// The RBM against brute force: a tiny machine (6 visible, 4 hidden) whose 2^(6+4) = 1024 joint
// states are enumerated here, independently of the library's closed forms.
import { test } from "node:test";
import assert from "node:assert/strict";
import { rbm, rbmCdGradient, rbmExactGradient, rbmFreeEnergy, rbmLogLikelihood, rbmLogPartition, rbmTrain, type Rbm } from "../../src/rbm";

const V = 6;
const H = 4;
/** A machine with weights large enough that CD-1 is visibly biased (scale 1.5). */
const machine = (() => {
  const m = rbm(V, H, { seed: 11, scale: 1.5 });
  // Non-zero biases too, so every term of the formulas is exercised.
  for (let i = 0; i < V; i++) m.visibleBiases[i] = 0.3 * Math.sin(i + 1);
  for (let j = 0; j < H; j++) m.hiddenBiases[j] = -0.2 * Math.cos(j + 1);
  return m;
})();
const DATA = [
  [1, 1, 1, 0, 0, 0],
  [1, 1, 0, 0, 0, 0],
  [0, 0, 0, 1, 1, 1],
  [0, 0, 1, 1, 1, 1],
  [1, 1, 1, 0, 0, 0],
  [0, 0, 0, 0, 1, 1],
];

const bits = (index: number, n: number) => Array.from({ length: n }, (_, i) => (index >> i) & 1);
function energy(m: Rbm, v: number[], h: number[]): number {
  let e = 0;
  for (let i = 0; i < m.visible; i++) e -= m.visibleBiases[i] * v[i];
  for (let j = 0; j < m.hidden; j++) e -= m.hiddenBiases[j] * h[j];
  for (let i = 0; i < m.visible; i++) for (let j = 0; j < m.hidden; j++) e -= v[i] * m.weights[i * m.hidden + j] * h[j];
  return e;
}
/** Brute force: log Z, and log sum_h exp(-E(v, h)) for every v, from the 1024 joint states. */
function bruteForce(m: Rbm) {
  const marginal = new Float64Array(2 ** m.visible);
  for (let a = 0; a < 2 ** m.visible; a++) {
    let s = 0;
    for (let b = 0; b < 2 ** m.hidden; b++) s += Math.exp(-energy(m, bits(a, m.visible), bits(b, m.hidden)));
    marginal[a] = s;
  }
  const Z = marginal.reduce((s, x) => s + x, 0);
  return { logZ: Math.log(Z), logMarginal: Array.from(marginal, Math.log) };
}
const indexOf = (v: number[]) => v.reduce((s, x, i) => s + x * 2 ** i, 0);
const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));
/** p(h_j = 1 | v) and p(v_i = 1 | h) by the definitions. */
const ph = (m: Rbm, v: number[]) => Array.from({ length: m.hidden }, (_, j) => sigmoid(m.hiddenBiases[j] + v.reduce((s, x, i) => s + x * m.weights[i * m.hidden + j], 0)));
const pv = (m: Rbm, h: number[]) => Array.from({ length: m.visible }, (_, i) => sigmoid(m.visibleBiases[i] + h.reduce((s, x, j) => s + x * m.weights[i * m.hidden + j], 0)));
const prob = (p: number[], x: number[]) => p.reduce((s, q, k) => s * (x[k] === 1 ? q : 1 - q), 1);

/**
 * The expectation of the CD-k estimate, exactly: the k-step visible-to-visible transition matrix
 * T(v, v') = sum_h p(h | v) p(v' | h) applied k times to each data vector, then the negative
 * statistics <v'_i p(h_j = 1 | v')> under that distribution. Flattened [dW..., db..., dc...].
 */
function expectedCd(m: Rbm, data: number[][], k: number): number[] {
  const nv = 2 ** m.visible;
  const nh = 2 ** m.hidden;
  const T: number[][] = [];
  for (let a = 0; a < nv; a++) {
    const row = new Array<number>(nv).fill(0);
    const pa = ph(m, bits(a, m.visible));
    for (let b = 0; b < nh; b++) {
      const hb = bits(b, m.hidden);
      const w = prob(pa, hb);
      const pvb = pv(m, hb);
      for (let c = 0; c < nv; c++) row[c] += w * prob(pvb, bits(c, m.visible));
    }
    T.push(row);
  }
  const g = new Array<number>(m.visible * m.hidden + m.visible + m.hidden).fill(0);
  for (const v0 of data) {
    let dist = new Array<number>(nv).fill(0);
    dist[indexOf(v0)] = 1;
    for (let t = 0; t < k; t++) {
      const next = new Array<number>(nv).fill(0);
      for (let a = 0; a < nv; a++) if (dist[a] > 0) for (let c = 0; c < nv; c++) next[c] += dist[a] * T[a][c];
      dist = next;
    }
    const p0 = ph(m, v0);
    for (let i = 0; i < m.visible; i++) for (let j = 0; j < m.hidden; j++) g[i * m.hidden + j] += v0[i] * p0[j];
    for (let i = 0; i < m.visible; i++) g[m.visible * m.hidden + i] += v0[i];
    for (let j = 0; j < m.hidden; j++) g[m.visible * m.hidden + m.visible + j] += p0[j];
    for (let c = 0; c < nv; c++) {
      if (dist[c] === 0) continue;
      const vc = bits(c, m.visible);
      const pc = ph(m, vc);
      for (let i = 0; i < m.visible; i++) for (let j = 0; j < m.hidden; j++) g[i * m.hidden + j] -= dist[c] * vc[i] * pc[j];
      for (let i = 0; i < m.visible; i++) g[m.visible * m.hidden + i] -= dist[c] * vc[i];
      for (let j = 0; j < m.hidden; j++) g[m.visible * m.hidden + m.visible + j] -= dist[c] * pc[j];
    }
  }
  return g.map((x) => x / data.length);
}
const flat = (g: { weights: Float64Array; visibleBiases: Float64Array; hiddenBiases: Float64Array }) => [...g.weights, ...g.visibleBiases, ...g.hiddenBiases];
const distance = (a: number[], b: number[]) => Math.sqrt(a.reduce((s, x, k) => s + (x - b[k]) ** 2, 0));

test("free energy and log Z equal brute-force enumeration of all 2^(6+4) joint states", () => {
  const brute = bruteForce(machine);
  // Reference: the double sum over (v, h) above. Agreement to 1e-12 (rounding only).
  assert.ok(Math.abs(rbmLogPartition(machine) - brute.logZ) < 1e-12, `log Z ${rbmLogPartition(machine)} vs ${brute.logZ}`);
  for (let a = 0; a < 2 ** V; a++) {
    const v = bits(a, V);
    assert.ok(Math.abs(-rbmFreeEnergy(machine, v) - brute.logMarginal[a]) < 1e-12, `F(v) at v = ${v}`);
  }
  const fit = rbmLogLikelihood(machine, DATA);
  const expected = DATA.reduce((s, v) => s + brute.logMarginal[indexOf(v)] - brute.logZ, 0) / DATA.length;
  assert.ok(Math.abs(fit.logLikelihood - expected) < 1e-12);
});

test("the exact gradient equals the central difference of the exact log-likelihood", () => {
  const g = flat(rbmExactGradient(machine, DATA));
  const params = [machine.weights, machine.visibleBiases, machine.hiddenBiases];
  let q = 0;
  for (const array of params) {
    for (let k = 0; k < array.length; k++, q++) {
      const copy = (delta: number) => {
        const m = rbm(V, H);
        m.weights.set(machine.weights);
        m.visibleBiases.set(machine.visibleBiases);
        m.hiddenBiases.set(machine.hiddenBiases);
        const target = [m.weights, m.visibleBiases, m.hiddenBiases][params.indexOf(array)];
        target[k] += delta;
        return rbmLogLikelihood(m, DATA).logLikelihood;
      };
      const numeric = (copy(1e-5) - copy(-1e-5)) / 2e-5;
      // Central difference error O(h^2) ~ 1e-10, rounding ~ 1e-11: tolerance 1e-7.
      assert.ok(Math.abs(g[q] - numeric) < 1e-7, `parameter ${q}: ${g[q]} vs ${numeric}`);
    }
  }
});

test("CD-k: the sampled estimate matches its exact expectation, and its bias shrinks as k grows", () => {
  const exact = flat(rbmExactGradient(machine, DATA));
  const bias = [1, 2, 5, 20, 100].map((k) => distance(expectedCd(machine, DATA, k), exact));
  // Exact numbers (enumeration, no sampling): |E[CD-k] - grad| = 0.26355, 0.09727, 0.01631,
  // 2.6e-6 and 1.6e-14 for k = 1, 2, 5, 20, 100 (the chain mixes geometrically).
  const expected = [0.26355, 0.09727, 0.01631, 2.6e-6];
  for (let n = 0; n < expected.length; n++) assert.ok(Math.abs(bias[n] - expected[n]) < 1e-5, `bias at k index ${n}: ${bias[n]}`);
  for (let n = 1; n < bias.length; n++) assert.ok(bias[n] < bias[n - 1], `bias ${bias}`);
  assert.ok(bias[4] < 1e-12);
  // The library's sampled CD-1, averaged over 20000 repeats of the 6 vectors: within 0.02 of
  // its exact expectation (per-parameter noise ~ 1 / sqrt(120000) ~ 0.003; norm over 34 ~ 0.02).
  const sampled = flat(rbmCdGradient(machine, DATA, { k: 1, seed: 5, repeats: 20000 }));
  const cd1 = expectedCd(machine, DATA, 1);
  assert.ok(distance(sampled, cd1) < 0.02, `sampled CD-1 vs its expectation: ${distance(sampled, cd1)}`);
  assert.ok(distance(sampled, exact) > 0.2, "and it is biased away from the exact gradient");
});

test("the exact log-likelihood rises over CD-1 and CD-5 training on the tiny data set", () => {
  // The best possible average log-likelihood is minus the data's entropy:
  // -[(2/6) log(6/2) + 4 (1/6) log 6] = -1.5607 nats.
  const best = (2 / 6) * Math.log(2 / 6) + 4 * (1 / 6) * Math.log(1 / 6);
  for (const k of [1, 5]) {
    const fit = rbmTrain(DATA, { hidden: H, epochs: 1000, batchSize: 6, learningRate: 0.1, k, seed: 3, scale: 0.1 });
    const ll = fit.history.map((r) => r.logLikelihood!);
    // Measured (seed 3): CD-1 -4.109 -> -3.782 (epoch 100) -> -1.810 (500) -> -1.725 (1000);
    // CD-5 -4.109 -> -3.797 -> -1.785 -> -1.698. Within 0.17 nats of the best.
    assert.ok(Math.abs(ll[0] - -4.109) < 1e-3, `start ${ll[0]}`);
    assert.ok(ll[100] > ll[0] + 0.2 && ll[500] > ll[100] + 1.5 && ll[1000] > ll[500] - 0.05, `${fit.method}: ${ll[0]}, ${ll[100]}, ${ll[500]}, ${ll[1000]}`);
    assert.ok(ll[1000] > -1.75 && ll[1000] <= best + 1e-12, `${fit.method} ended at ${ll[1000]}, best ${best}`);
  }
  // Same seed, same numbers.
  const a = rbmTrain(DATA, { hidden: H, epochs: 5, batchSize: 2, seed: 9, persistent: true });
  const b = rbmTrain(DATA, { hidden: H, epochs: 5, batchSize: 2, seed: 9, persistent: true });
  assert.deepEqual(Array.from(a.machine.weights), Array.from(b.machine.weights));
  assert.deepEqual(a.history, b.history);
});
