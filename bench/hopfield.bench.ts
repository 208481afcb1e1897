/**
 * Benchmark: Hopfield recall on N = 1000 units, the library against a numpy reference
 * (bench/reference/hopfield.py) run in the same run on the same patterns and cue (issue 17).
 *
 * Cases: P = 50 stored random patterns (load 0.05), cue = pattern 0 with 10% of its units flipped;
 * and P = 120 (load 0.12, near capacity) with 20% flipped, where recall takes more sweeps.
 *
 *   build   hebbianWeights (Hebb sums counted with          vs  X^T X / N (one BLAS product)
 *           WebAssembly's i64.popcnt, row by row)
 *   sync    hopfieldRecall mode "sync" (pattern space:       vs  s <- sign(W s), one dgemv per step,
 *           only the P overlaps m = X s are kept, fields        AND the low-rank X^T (X s), two
 *           from byte tables of m, exact integers)              P x N dgemv per step; the best counts
 *   async   hopfieldRecall mode "async" (low-rank)           vs  a Python loop over units with
 *                                                               incremental fields (h += 2 s_i W_i
 *                                                               after a flip), and field per unit
 *
 * The ratio for each task is numpy's BEST time over the library's (above 1: the library is
 * faster). "general" rows time the library's W path on the same problem (W passed as a network
 * made by hopfieldNetwork from rows, which has no stored patterns). numpy runs with one BLAS
 * thread, like the one JS thread, and with OPENBLAS_CORETYPE / OPENBLAS_L2_SIZE unset for its
 * command only (see bench/README.md).
 *
 * Two regimes, both printed, with a ratio each:
 *   first calls  the median of 15 runs after 10 warm-ups, each task in turn (calls 11-25 of a
 *                fresh process, before V8 has compiled most of the JavaScript: a learner's
 *                first few recalls). Measured for both cases before any warm run.
 *   warm         after WARM_CALLS (300) more calls of every task, the best of 15 rounds that run
 *                every task once in turn (interleaved); a long run such as a capacity sweep of
 *                thousands of recalls. numpy likewise (its naive async loop warmed 3 times; its
 *                async loops from a generator seeded alike each call, one order, as the library).
 *
 * Fails (exit code 1) unless: the sync final states equal numpy's (both numpy variants) with the
 * same steps, and the energies agree to 1e-12 relative; the low-rank async run equals the general
 * (W) run with the same seed (state, sweeps, flips; energy to 1e-12); and the async overlap is
 * within 0.02 of one of numpy's async runs (numpy's update order is its own); and the warm runs
 * ended exactly where the first calls did (the library's sync and async runs, numpy's sync runs).
 *
 * Then the capacity experiment (hopfieldCapacity) at N = 2000, 8 loads, 5 trials, 20 cues, timed,
 * and its breakdown load (capacityBreakdown) at N = 500, 1000, 2000 beside 0.138.
 *
 * Run: npx tsx bench/hopfield.bench.ts [--no-capacity]
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { capacityBreakdown, corruptPattern, hebbianWeights, HOPFIELD_CRITICAL_LOAD, hopfieldCapacity, hopfieldNetwork, hopfieldRecall, overlap, randomPatterns } from "../src/hopfield";

const N = 1000;
const SEED = 2024;
const REPEATS = 15;
const WARMUPS = 10;
/** Calls of every task before the warm regime's timed rounds (both sides). */
const WARM_CALLS = 300;
const FIRST_CALLS = `median of ${REPEATS} runs after ${WARMUPS} warm-ups (calls ${WARMUPS + 1}-${WARMUPS + REPEATS} of a fresh process)`;
const WARM = `best of ${REPEATS} interleaved rounds after ${WARM_CALLS} warm-up calls of every task (numpy's naive async loop: 3)`;
const PYTHON = process.env.BENCH_PYTHON ?? path.resolve(__dirname, "../.venv/bin/python");
const REFERENCE = path.resolve(__dirname, "reference/hopfield.py");
const CASES = [
  { P: 50, flipFraction: 0.1 },
  { P: 120, flipFraction: 0.2 },
];
const CAPACITY_LOADS = [0.06, 0.1, 0.12, 0.13, 0.14, 0.15, 0.17, 0.2];

interface NumpyResult {
  numpy: string;
  build_ms: number;
  sync_ms: number;
  sync_steps: number;
  sync_reason: string;
  sync_overlap: number;
  sync_final: string;
  sync_energy: number;
  sync_low_rank_ms: number;
  sync_low_rank_steps: number;
  sync_low_rank_reason: string;
  sync_low_rank_final: string;
  async_naive_ms: number;
  async_naive_sweeps: number;
  async_naive_overlap: number;
  async_incremental_ms: number;
  async_incremental_sweeps: number;
  async_incremental_overlap: number;
  async_incremental_energy: number;
  /** The warm regime: best of REPEATS interleaved rounds after WARM_CALLS warm-up calls. */
  warm: {
    build_ms: number; sync_ms: number; sync_low_rank_ms: number; async_naive_ms: number; async_incremental_ms: number; warm_calls: number;
    async_naive_sweeps: number; async_naive_overlap: number; async_incremental_sweeps: number; async_incremental_overlap: number;
    /** The warm sync runs ended where the first calls did (both variants). */
    sync_same: boolean;
  };
}

/** The library's times of one regime, in ms. */
interface LibraryTimes {
  build: number;
  sync: number;
  syncGeneral: number;
  async: number;
  asyncGeneral: number;
}

/** numpy's times of one regime, in ms (the fields both regimes report). */
type NumpyTimes = Pick<NumpyResult["warm"], "build_ms" | "sync_ms" | "sync_low_rank_ms" | "async_incremental_ms" | "async_naive_ms">;

/** One regime's times, both sides, and numpy's best time / the library's for each task. */
function regimeReport(regime: string, ts: LibraryTimes, numpy: NumpyTimes) {
  return {
    regime,
    ms: {
      ...ts,
      numpyBuild: numpy.build_ms, numpySync: numpy.sync_ms, numpySyncLowRank: numpy.sync_low_rank_ms,
      numpyAsyncIncremental: numpy.async_incremental_ms, numpyAsyncNaive: numpy.async_naive_ms,
    },
    ratiosBestNumpyOverTs: {
      build: numpy.build_ms / ts.build,
      sync: Math.min(numpy.sync_ms, numpy.sync_low_rank_ms) / ts.sync,
      async: Math.min(numpy.async_incremental_ms, numpy.async_naive_ms) / ts.async,
    },
  };
}

/**
 * Median wall time in milliseconds over `repeats` runs, after WARMUPS untimed runs (so V8 has
 * compiled the hot loops, as in a notebook's second call; numpy warms up alike).
 */
function time<T>(run: () => T, repeats = REPEATS): { ms: number; result: T } {
  let result = run();
  for (let r = 1; r < WARMUPS; r++) run();
  const times: number[] = [];
  for (let r = 0; r < repeats; r++) {
    const start = performance.now();
    result = run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(times.length / 2)], result };
}

function numpyReference(patterns: number[][], cue: number[]): NumpyResult {
  const folder = mkdtempSync(path.join(tmpdir(), "hopfield-bench-"));
  const input = path.join(folder, "problem.json");
  writeFileSync(input, JSON.stringify({ patterns, cue }));
  const env: NodeJS.ProcessEnv = { ...process.env, OPENBLAS_NUM_THREADS: "1", OMP_NUM_THREADS: "1", MKL_NUM_THREADS: "1" };
  // Set on some machines for old OpenBLAS builds; they slow a current numpy. Unset together, here only.
  delete env.OPENBLAS_CORETYPE;
  delete env.OPENBLAS_L2_SIZE;
  const child = spawnSync(PYTHON, [REFERENCE, input, String(REPEATS), String(SEED), String(WARM_CALLS)], { encoding: "utf8", env });
  rmSync(folder, { recursive: true, force: true });
  if (child.status !== 0) {
    console.error(child.stderr || child.error);
    throw new Error(`bench/hopfield: the numpy reference failed (exit ${child.status})`);
  }
  return JSON.parse(child.stdout.trim().split("\n").pop()!) as NumpyResult;
}

const relClose = (a: number, b: number) => Math.abs(a - b) <= 1e-12 * Math.max(Math.abs(a), Math.abs(b));
const signs = (s: readonly number[]) => s.map((v) => (v > 0 ? "+" : "-")).join("");

/** The first-calls regime of one case (and numpy's two regimes, measured in its own process). */
function firstCalls(P: number, flipFraction: number) {
  const patterns = randomPatterns(P, N, { seed: SEED });
  const cue = corruptPattern(patterns[0], { flipFraction, seed: SEED });

  const build = time(() => hebbianWeights(patterns));
  const net = build.result;
  const rowsW = Array.from({ length: N }, (_, i) => Array.from(net.weights.subarray(i * N, (i + 1) * N)));
  const generalNet = hopfieldNetwork(rowsW, { name: net.name }); // same W, no stored patterns
  const sync = time(() => hopfieldRecall(net, cue, { mode: "sync", record: "ends" }));
  const syncGeneral = time(() => hopfieldRecall(generalNet, cue, { mode: "sync", record: "ends" }));
  const asyncRun = time(() => hopfieldRecall(net, cue, { seed: SEED, record: "ends" }));
  const asyncGeneral = time(() => hopfieldRecall(generalNet, cue, { seed: SEED, record: "ends" }));
  const ms: LibraryTimes = { build: build.ms, sync: sync.ms, syncGeneral: syncGeneral.ms, async: asyncRun.ms, asyncGeneral: asyncGeneral.ms };
  const py = numpyReference(patterns, cue);
  return { P, flipFraction, patterns, cue, net, generalNet, ms, sync: sync.result, syncGeneral: syncGeneral.result, asyncRun: asyncRun.result, asyncGeneral: asyncGeneral.result, py };
}

/**
 * The warm regime of one case: WARM_CALLS calls of every task, then REPEATS rounds that time
 * every task once in turn; the best time of each. Also returns whether the warm runs gave the
 * same results as the first calls (sync and async final states, energies, steps).
 */
function warmCase(c: ReturnType<typeof firstCalls>): { ms: LibraryTimes; same: boolean } {
  const { patterns, cue, net, generalNet } = c;
  const tasks: Record<keyof LibraryTimes, () => unknown> = {
    build: () => hebbianWeights(patterns),
    sync: () => hopfieldRecall(net, cue, { mode: "sync", record: "ends" }),
    syncGeneral: () => hopfieldRecall(generalNet, cue, { mode: "sync", record: "ends" }),
    async: () => hopfieldRecall(net, cue, { seed: SEED, record: "ends" }),
    asyncGeneral: () => hopfieldRecall(generalNet, cue, { seed: SEED, record: "ends" }),
  };
  const names = Object.keys(tasks) as (keyof LibraryTimes)[];
  const last: Partial<Record<keyof LibraryTimes, unknown>> = {};
  for (const name of names) for (let k = 0; k < WARM_CALLS; k++) tasks[name]();
  const ms: LibraryTimes = { build: Infinity, sync: Infinity, syncGeneral: Infinity, async: Infinity, asyncGeneral: Infinity };
  for (let r = 0; r < REPEATS; r++) {
    for (const name of names) {
      const start = performance.now();
      last[name] = tasks[name]();
      ms[name] = Math.min(ms[name], performance.now() - start);
    }
  }
  const same = (a: unknown, b: ReturnType<typeof hopfieldRecall>) => {
    const x = a as ReturnType<typeof hopfieldRecall>;
    return signs(x.final) === signs(b.final) && Object.is(x.finalEnergy, b.finalEnergy) && x.iterations === b.iterations && x.flips === b.flips;
  };
  return { ms, same: same(last.sync, c.sync) && same(last.syncGeneral, c.syncGeneral) && same(last.async, c.asyncRun) && same(last.asyncGeneral, c.asyncGeneral) };
}

function report(c: ReturnType<typeof firstCalls>, warm: { ms: LibraryTimes; same: boolean }) {
  const { P, flipFraction, py, patterns } = c;
  const sync = c.sync;
  const syncFinal = signs(sync.final);
  const syncReason = sync.reason === "converged" ? "fixed-point" : sync.reason;
  const syncAgree =
    syncFinal === py.sync_final && syncFinal === py.sync_low_rank_final && syncFinal === signs(c.syncGeneral.final) &&
    syncReason === py.sync_reason && syncReason === py.sync_low_rank_reason &&
    sync.iterations === py.sync_steps && sync.iterations === py.sync_low_rank_steps &&
    relClose(sync.finalEnergy, py.sync_energy) && relClose(sync.finalEnergy, c.syncGeneral.finalEnergy);
  const a = c.asyncRun;
  const g = c.asyncGeneral;
  const asyncPathsAgree = signs(a.final) === signs(g.final) && a.iterations === g.iterations && a.flips === g.flips && relClose(a.finalEnergy, g.finalEnergy);
  const asyncOverlap = overlap(a.final, patterns[0]);
  // Update orders differ (xoshiro128** against PCG64): near capacity the runs may end in nearby
  // fixed points, so the overlap must be within 0.02 of one of numpy's two async runs.
  const asyncNearNumpy = Math.min(Math.abs(asyncOverlap - py.async_incremental_overlap), Math.abs(asyncOverlap - py.async_naive_overlap)) <= 0.02;
  // The warm runs must repeat the first calls' results (deterministic on both sides; numpy's
  // warm async runs use one seeded order of their own and are reported, not compared).
  const agreement = syncAgree && asyncPathsAgree && asyncNearNumpy && warm.same && py.warm.sync_same;

  const first = c.ms;
  const hot = warm.ms;
  const pw = py.warm;
  const bestSync = Math.min(py.sync_ms, py.sync_low_rank_ms);
  const bestAsync = Math.min(py.async_incremental_ms, py.async_naive_ms);
  const warmBestSync = Math.min(pw.sync_ms, pw.sync_low_rank_ms);
  const warmBestAsync = Math.min(pw.async_incremental_ms, pw.async_naive_ms);
  // name, library first calls, numpy first calls, library warm, numpy warm, numpy's task
  const rows: [string, number, number, number, number, string][] = [
    ["build W (hebbianWeights)", first.build, py.build_ms, hot.build, pw.build_ms, "X^T X / N"],
    ["sync recall (low-rank)", first.sync, py.sync_ms, hot.sync, pw.sync_ms, "W @ s per step"],
    ["sync recall (low-rank)", first.sync, py.sync_low_rank_ms, hot.sync, pw.sync_low_rank_ms, "X^T (X s) per step"],
    ["sync recall (general W)", first.syncGeneral, bestSync, hot.syncGeneral, warmBestSync, "best of the two"],
    ["async recall (low-rank)", first.async, py.async_incremental_ms, hot.async, pw.async_incremental_ms, "incremental fields"],
    ["async recall (low-rank)", first.async, py.async_naive_ms, hot.async, pw.async_naive_ms, "field per unit"],
    ["async recall (general W)", first.asyncGeneral, bestAsync, hot.asyncGeneral, warmBestAsync, "best of the two"],
  ];
  const cell = (ts: number, ref: number) => ts.toFixed(3).padStart(8) + ref.toFixed(3).padStart(8) + ((ref / ts).toFixed(2) + "x").padStart(8);
  console.log(`\nN = ${N}, P = ${P} (load ${P / N}), cue = pattern 0 with ${flipFraction * 100}% flipped; ms, and numpy / ts`);
  console.log("".padEnd(26) + "numpy".padEnd(21) + "| first calls".padEnd(26) + "| warm");
  console.log("library".padEnd(26) + "".padEnd(21) + "|      ts   numpy   ratio | ".padEnd(26) + "     ts   numpy   ratio");
  for (const [name, ts, ref, tsWarm, refWarm, refName] of rows) {
    console.log(name.padEnd(26) + refName.padEnd(21) + "|" + cell(ts, ref) + " |" + cell(tsWarm, refWarm));
  }
  console.log(
    `sync : library ${sync.reason} after ${sync.iterations} steps, E = ${sync.finalEnergy}; numpy ${py.sync_reason} after ` +
      `${py.sync_steps} steps, E = ${py.sync_energy}; identical final states (W, low-rank, library general): ${syncAgree}`,
  );
  console.log(
    `async: library ${a.reason} after ${a.iterations} sweeps (${a.flips} flips), overlap ${asyncOverlap}, E = ${a.finalEnergy}; general W path ` +
      `${g.iterations} sweeps (${g.flips} flips), E = ${g.finalEnergy}, same state: ${signs(a.final) === signs(g.final)}; numpy incremental ` +
      `${py.async_incremental_sweeps} sweeps, overlap ${py.async_incremental_overlap}; naive ${py.async_naive_sweeps} sweeps, overlap ${py.async_naive_overlap}`,
  );
  console.log(
    `warm: library runs gave the first calls' results (states, energies, steps, flips): ${warm.same}; numpy sync too: ${py.warm.sync_same}; ` +
      `numpy async (one seeded order) incremental ${py.warm.async_incremental_sweeps} sweeps, overlap ${py.warm.async_incremental_overlap}; ` +
      `naive ${py.warm.async_naive_sweeps} sweeps, overlap ${py.warm.async_naive_overlap}`,
  );
  return {
    P,
    flipFraction,
    numpyVersion: py.numpy,
    firstCalls: regimeReport(FIRST_CALLS, first, py),
    warm: regimeReport(WARM, hot, pw),
    agreement,
  };
}

function capacityReport() {
  const timed = (N: number, repeats: number) => {
    const times: number[] = [];
    let result = hopfieldCapacity({ N, loads: CAPACITY_LOADS, trials: 5, probes: 20, seed: SEED, maxWork: 1e9 });
    for (let r = 0; r < repeats; r++) {
      const start = performance.now();
      result = hopfieldCapacity({ N, loads: CAPACITY_LOADS, trials: 5, probes: 20, seed: SEED + r, maxWork: 1e9 });
      times.push(performance.now() - start);
    }
    times.sort((x, y) => x - y);
    return { N, ms: times[Math.floor(times.length / 2)], breakdown: capacityBreakdown(result) };
  };
  console.log(`\ncapacity experiment: ${CAPACITY_LOADS.length} loads (${CAPACITY_LOADS.join(", ")}), 5 trials, 20 cues; median of 3 after one warm-up`);
  const out = [500, 1000, 2000].map((N) => {
    const r = timed(N, 3);
    console.log(`N = ${String(N).padStart(4)}: ${r.ms.toFixed(0).padStart(6)} ms, recall falls below 1/2 at alpha = ${r.breakdown?.toFixed(4)} (alpha_c = ${HOPFIELD_CRITICAL_LOAD})`);
    return r;
  });
  return out;
}

console.log(`Hopfield benchmark (issue 17), TypeScript on Node ${process.version}; numpy, one BLAS thread`);
console.log(`first calls: ${FIRST_CALLS}, both cases before any warm run`);
console.log(`warm: ${WARM}`);
// All first calls before any warm run, so that P = 120's first calls are as cold as before.
const firsts = CASES.map(({ P, flipFraction }) => firstCalls(P, flipFraction));
const cases = firsts.map((c) => report(c, warmCase(c)));
console.log(`\nnumpy's best time / the library's time at N = ${N} (above 1: the library is faster)`);
for (const c of cases) {
  const r = c.firstCalls.ratiosBestNumpyOverTs;
  const h = c.warm.ratiosBestNumpyOverTs;
  console.log(
    `P = ${String(c.P).padStart(3)}: first calls sync ${r.sync.toFixed(2)}x, async ${r.async.toFixed(2)}x, build ${r.build.toFixed(2)}x | ` +
      `warm sync ${h.sync.toFixed(2)}x, async ${h.async.toFixed(2)}x, build ${h.build.toFixed(2)}x; implementations agree: ${c.agreement}`,
  );
}
const capacity = process.argv.includes("--no-capacity") ? [] : capacityReport();
const agreement = cases.every((c) => c.agreement);
console.log(JSON.stringify({ bench: "hopfield", N, seed: SEED, repeats: REPEATS, warmCalls: WARM_CALLS, regimes: { firstCalls: FIRST_CALLS, warm: WARM }, cases, capacity, agreement }));
if (!agreement) process.exitCode = 1;
