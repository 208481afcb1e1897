/**
 * Benchmark: learning from data (issue 15), the library against numpy (bench/reference/rbm.py)
 * in the same run, on the same numbers.
 *
 *   CD-1 epoch   one pass of CD-1 over the 1,797 binarized digits, 64 visible x 64 hidden,
 *                minibatch 20, learning rate 0.1, the same starting W, b, c and the same
 *                minibatch order on both sides:
 *                - library kernel: the loop rbmTrain runs (src/rbm/kernels.ts, CdWorkspace);
 *                - library rbmTrain({ epochs: 1, init }): the public call, which also measures
 *                  the starting machine (epoch 0, one pass without updates), so 2 passes: its
 *                  time is printed per pass;
 *                - numpy: matrix products and ufuncs written into buffers allocated once per
 *                  epoch (one BLAS thread).
 *   Langevin     x <- x - eta grad E(x) + sqrt(2 eta) z for 1000 points of neuralEnergy (K = 16),
 *                100 steps: the library's langevin() (one chain per point, only the last state
 *                kept) against numpy vectorised over the points (in-place buffers); time per
 *                point and step.
 *
 * The ratio is numpy's time over the library's (above 1: the library is faster). Each time is
 * the median of REPEATS runs after two warm-ups; the library and numpy then alternate for ROUNDS
 * rounds (default 2), each side keeps its best round, and every round's ratio is printed too
 * (the machine is shared: compare within a round). Fails (exit code 1) unless the epoch's mean
 * reconstruction error agrees within 3% and |W_after - W_before| within 5% (the two sides draw
 * different random numbers), and the Langevin points' mean agrees within 0.1 and variance within
 * 10% (same starting points).
 *
 * Run: npx tsx bench/rbm.bench.ts [rounds]
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { digits, neuralEnergy } from "../src/learning";
import { langevin } from "../src/sampling";
import { createRandom, streamRandom } from "../src/sampling/random";
import { rbm, rbmTrain } from "../src/rbm";
import { CdWorkspace } from "../src/rbm/kernels";
import { makeRbm } from "../src/rbm/machine";

const SEED = 2024;
const REPEATS = 15;
const ROUNDS = Number(process.argv[2] ?? 2);
if (!(Number.isInteger(ROUNDS) && ROUNDS >= 1 && ROUNDS <= 20)) throw new RangeError(`bench/rbm: rounds must be an integer from 1 to 20, got ${process.argv[2]}`);
const V = 64;
const H = 64;
const BATCH = 20;
const ETA = 0.1;
const POINTS = 1000;
const LANGEVIN_STEPS = 100;
const STEP_SIZE = 0.01;
const PYTHON = process.env.BENCH_PYTHON ?? path.resolve(__dirname, "../.venv/bin/python");
const REFERENCE = path.resolve(__dirname, "reference/rbm.py");

function time<T>(run: () => T, repeats = REPEATS): { ms: number; result: T } {
  let result = run();
  run();
  const times: number[] = [];
  for (let r = 0; r < repeats; r++) {
    const start = performance.now();
    result = run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(times.length / 2)], result };
}

// The problem: data, starting machine (b from the data means, as rbmTrain starts), order.
const images = digits({ binarize: true }).images;
const M = images.length;
const data = Float64Array.from(images.flat());
const fresh = rbm(V, H, { seed: SEED, scale: 0.01 });
const b0 = new Float64Array(V);
for (let i = 0; i < V; i++) {
  let p = 0;
  for (let r = 0; r < M; r++) p += data[r * V + i];
  p = Math.min(0.999, Math.max(0.001, p / M));
  b0[i] = Math.log(p / (1 - p));
}
const c0 = new Float64Array(H);
const order = Array.from({ length: M }, (_, r) => r);
const shuffle = createRandom(SEED, "order");
for (let r = M - 1; r > 0; r--) {
  const s = Math.floor(shuffle.next() * (r + 1));
  [order[r], order[s]] = [order[s], order[r]];
}

/** One CD-1 epoch with the library's kernel, as rbmTrain runs it. */
function kernelEpoch(seed: number): { error: number; change: number } {
  const w = Float64Array.from(fresh.weights);
  const b = Float64Array.from(b0);
  const c = Float64Array.from(c0);
  const work = new CdWorkspace(V, H, BATCH);
  const random = streamRandom(seed, "rbm gibbs");
  const batch = new Float64Array(BATCH * V);
  let error = 0;
  for (let start = 0; start < M; start += BATCH) {
    const count = Math.min(BATCH, M - start);
    for (let r = 0; r < count; r++) {
      const from = order[start + r] * V;
      for (let i = 0; i < V; i++) batch[r * V + i] = data[from + i];
    }
    error += work.gradient(w, b, c, batch, count, 1, random);
    work.update(w, b, c, ETA);
  }
  let change = 0;
  for (let q = 0; q < V * H; q++) change += (w[q] - fresh.weights[q]) ** 2;
  return { error: error / M, change: Math.sqrt(change) };
}

const median = (x: number[]) => [...x].sort((a, b) => a - b)[Math.floor(x.length / 2)];
const init = makeRbm(Float64Array.from(fresh.weights), Float64Array.from(b0), Float64Array.from(c0), V, H);

// The statistics the agreement check compares (the same numbers in every round).
const errors: number[] = [];
const changes: number[] = [];
for (let s = 0; s < REPEATS; s++) {
  const r = kernelEpoch(1000 + s);
  errors.push(r.error);
  changes.push(r.change);
}

// Langevin on the 2D energy.
const energy = neuralEnergy({ units: 16, seed: SEED });
const startRandom = createRandom(SEED, "langevin starts");
const starts = Array.from({ length: POINTS }, () => [startRandom.normal(), startRandom.normal()]);
const runLangevin = () => langevin(energy, { beta: 1, stepSize: STEP_SIZE, chains: POINTS, steps: LANGEVIN_STEPS, thin: LANGEVIN_STEPS, seed: SEED, init: starts });
const finals = runLangevin().finalStates;
const lMean = [0, 1].map((d) => { let s = 0; for (let c = 0; c < POINTS; c++) s += finals[2 * c + d]; return s / POINTS; });
const lVar = [0, 1].map((d) => { let s = 0; for (let c = 0; c < POINTS; c++) s += (finals[2 * c + d] - lMean[d]) ** 2; return s / POINTS; });

/** One round of the library's timings (ms): kernel epoch, rbmTrain per pass, Langevin run. */
let seedCounter = 0;
function libraryRound(): { kernel: number; pass: number; langevin: number } {
  const kernel = time(() => kernelEpoch(seedCounter++)).ms;
  const pass = time(() => rbmTrain(images, { init, epochs: 1, batchSize: BATCH, learningRate: ETA, seed: SEED, logLikelihood: false }), 5).ms / 2;
  const lang = time(runLangevin, 5).ms;
  return { kernel, pass, langevin: lang };
}

// numpy: the same problem through a JSON file.
interface NumpyRound {
  numpy: string; epoch_ms: number; reconstruction_error: number; weight_change: number; langevin_ms: number; langevin_mean: number[]; langevin_var: number[];
}
const folder = mkdtempSync(path.join(tmpdir(), "rbm-bench-"));
const input = path.join(folder, "problem.json");
writeFileSync(input, JSON.stringify({
  data: images, order, visible: V, hidden: H, batch: BATCH, eta: ETA, w: Array.from(fresh.weights), b: Array.from(b0), c: Array.from(c0),
  theta: Array.from(energy.theta), alpha: energy.confinement, points: POINTS, langevinSteps: LANGEVIN_STEPS, stepSize: STEP_SIZE, starts,
}));
const env: NodeJS.ProcessEnv = { ...process.env, OPENBLAS_NUM_THREADS: "1", OMP_NUM_THREADS: "1", MKL_NUM_THREADS: "1" };
delete env.OPENBLAS_CORETYPE;
delete env.OPENBLAS_L2_SIZE;
function numpyRound(): NumpyRound {
  const child = spawnSync(PYTHON, [REFERENCE, input, String(REPEATS), String(SEED)], { encoding: "utf8", env });
  if (child.status !== 0) {
    console.error(child.stderr || child.error);
    rmSync(folder, { recursive: true, force: true });
    throw new Error(`bench/rbm: the numpy reference failed (exit ${child.status})`);
  }
  return JSON.parse(child.stdout.trim().split("\n").pop()!) as NumpyRound;
}

// Rounds: library, numpy, library, numpy, ... so that both sides see the same machine (it is
// shared, and its load drifts); each side keeps its best round, and every round's ratio is shown.
const ts: ReturnType<typeof libraryRound>[] = [];
const pys: NumpyRound[] = [];
for (let r = 0; r < ROUNDS; r++) {
  ts.push(libraryRound());
  pys.push(numpyRound());
}
rmSync(folder, { recursive: true, force: true });
const best = (x: number[]) => Math.min(...x);
const kernelMs = best(ts.map((t) => t.kernel));
const passMs = best(ts.map((t) => t.pass));
const langevinMs = best(ts.map((t) => t.langevin));
const py = pys[0];
const numpyEpochMs = best(pys.map((p) => p.epoch_ms));
const numpyLangevinMs = best(pys.map((p) => p.langevin_ms));

const tsError = median(errors);
const tsChange = median(changes);
const perStepTs = (langevinMs * 1e6) / (POINTS * LANGEVIN_STEPS); // ns per point and step
const perStepPy = (numpyLangevinMs * 1e6) / (POINTS * LANGEVIN_STEPS);
const epochAgree = Math.abs(tsError - py.reconstruction_error) <= 0.03 * py.reconstruction_error && Math.abs(tsChange - py.weight_change) <= 0.05 * py.weight_change;
const langevinAgree = [0, 1].every((d) => Math.abs(lMean[d] - py.langevin_mean[d]) <= 0.1 && Math.abs(lVar[d] - py.langevin_var[d]) <= 0.1 * py.langevin_var[d]);

console.log(`RBM benchmark (issue 15): each time the median of ${REPEATS} runs after 2 warm-ups, best of ${ROUNDS} interleaved rounds (Node ${process.version}; numpy ${py.numpy}, one BLAS thread)`);
console.log(`\nCD-1 epoch on the digits: ${M} images, ${V} visible x ${H} hidden, minibatch ${BATCH}`);
console.log("library".padEnd(34) + "ms".padStart(9) + "   numpy ms".padStart(12) + "   numpy / ts".padStart(14) + "   per round");
const perRound = (pick: (r: number) => number) => ts.map((_, r) => pick(r).toFixed(2)).join(", ");
const row = (name: string, t: number, ref: number, rounds: string) => console.log(name.padEnd(34) + t.toFixed(2).padStart(9) + ref.toFixed(2).padStart(12) + ((ref / t).toFixed(2) + "x").padStart(14) + "   " + rounds);
row("CD-1 epoch (kernel)", kernelMs, numpyEpochMs, perRound((r) => pys[r].epoch_ms / ts[r].kernel));
row("rbmTrain epochs: 1, per pass", passMs, numpyEpochMs, perRound((r) => pys[r].epoch_ms / ts[r].pass));
console.log(`reconstruction error (mean over the epoch): library ${tsError.toFixed(4)}, numpy ${py.reconstruction_error.toFixed(4)}; |dW|: library ${tsChange.toFixed(4)}, numpy ${py.weight_change.toFixed(4)}; agree: ${epochAgree}`);
console.log(`\nLangevin step of neuralEnergy (K = 16), ${POINTS} points x ${LANGEVIN_STEPS} steps`);
console.log(`library langevin(): ${perStepTs.toFixed(1)} ns per point and step; numpy vectorised: ${perStepPy.toFixed(1)} ns; numpy / ts = ${(perStepPy / perStepTs).toFixed(2)}x (per round ${perRound((r) => pys[r].langevin_ms / ts[r].langevin)})`);
console.log(`final points: mean library [${lMean.map((x) => x.toFixed(3))}], numpy [${py.langevin_mean.map((x) => x.toFixed(3))}]; variance library [${lVar.map((x) => x.toFixed(3))}], numpy [${py.langevin_var.map((x) => x.toFixed(3))}]; agree: ${langevinAgree}`);
const agreement = epochAgree && langevinAgree;
console.log(JSON.stringify({
  bench: "rbm", seed: SEED, repeats: REPEATS, rounds: ROUNDS, numpy: py.numpy,
  ms: { kernelEpoch: kernelMs, rbmTrainPerPass: passMs, numpyEpoch: numpyEpochMs, langevinTs: langevinMs, langevinNumpy: numpyLangevinMs },
  ratiosNumpyOverTs: { epoch: numpyEpochMs / kernelMs, rbmTrainPass: numpyEpochMs / passMs, langevinStep: perStepPy / perStepTs },
  roundRatios: ts.map((t, r) => ({ epoch: pys[r].epoch_ms / t.kernel, rbmTrainPass: pys[r].epoch_ms / t.pass, langevinStep: pys[r].langevin_ms / t.langevin })),
  agreement,
}));
if (!agreement) process.exitCode = 1;
