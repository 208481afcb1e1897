/**
 * Benchmark: random-walk Metropolis on the 1D double well E(x) = (x^2 - 1)^2, beta = 1, Gaussian
 * proposals of standard deviation 0.5, 1000 chains x 10^4 steps, every state kept.
 *
 * In one run it times, interleaved, `repeats` times each:
 * - the library's `metropolis` from the compiled dist/ (as the notebooks load it), threads = 1
 *   and threads = 2 (the timed call includes checking the options, seeding 1000 streams and
 *   allocating the 80 MB of samples);
 * - bench/reference/metropolis.c, compiled with gcc -O2 into a temporary directory (same
 *   algorithm: xoshiro128**, polar normals, a 32-bit uniform only when E rises; timed loop only);
 * - bench/reference/metropolis.py, numpy vectorised over chains (timed loop only), run with the
 *   project's venv python without OPENBLAS_CORETYPE / OPENBLAS_L2_SIZE.
 * Each reports the mean of x^2 and of E over all states and the acceptance rate; the run fails
 * unless they agree (|mean x^2 difference| < 0.01, acceptance within 0.005). It prints a table of
 * M steps/s (best of the repeats) with the library/numpy and library/C ratios, then one JSON line.
 *
 * Run: npx tsc -p tsconfig.build.json && npx tsx bench/metropolis.bench.ts [repeats]
 * This file also exports the energy it samples, with a recipe pointing back here, so that the
 * library's worker threads can rebuild it (a worker requires this file; `main` only runs when it
 * is the entry point).
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { Energy } from "../src/types";
import type * as SamplingModule from "../src/sampling";
import type * as EnergyModule from "../src/energy";

const ROOT = path.resolve(__dirname, "..");
const DIST = path.join(ROOT, "dist");

const CHAINS = 1000;
const STEPS = 10_000;
const BETA = 1;
const STEP_SIZE = 0.5;
const SEED = 7;

/** The double well with its exact gradient, rebuildable in a worker thread from this file. */
export function benchDoubleWell(): Energy {
  const { energyFromFunction } = require(path.join(DIST, "energy", "index.js")) as typeof EnergyModule;
  const well = energyFromFunction(
    (x) => {
      const u = x[0] * x[0] - 1;
      return u * u;
    },
    {
      name: "double well",
      gradient: (x, w, g) => {
        g[0] = 4 * x[0] * (x[0] * x[0] - 1);
      },
    },
  );
  return Object.freeze({ ...well, recipe: { module: __filename, export: "benchDoubleWell", args: [] } });
}

/** What every implementation reports for one run. */
interface Measurement {
  seconds: number;
  stepsPerSecond: number;
  meanX2: number;
  meanEnergy: number;
  acceptanceRate: number;
}

/** One timed call of the library's metropolis. */
function runLibrary(sampling: typeof SamplingModule, well: Energy, threads: number): Measurement & { threadsUsed: number } {
  const start = process.hrtime.bigint();
  const run = sampling.metropolis(well, { beta: BETA, stepSize: STEP_SIZE, chains: CHAINS, steps: STEPS, seed: SEED, threads });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  let sumX2 = 0;
  let sumEnergy = 0;
  for (let i = 0; i < run.samples.length; i++) {
    const x = run.samples[i];
    const u = x * x - 1;
    sumX2 += x * x;
    sumEnergy += u * u;
  }
  const total = CHAINS * STEPS;
  return {
    seconds,
    stepsPerSecond: total / seconds,
    meanX2: sumX2 / total,
    meanEnergy: sumEnergy / total,
    acceptanceRate: run.acceptanceRate,
    threadsUsed: run.threadsUsed,
  };
}

/** Runs a reference program that prints one JSON line. */
function runReference(command: string, args: string[], env: NodeJS.ProcessEnv): Measurement {
  const output = execFileSync(command, args, { env, encoding: "utf8" });
  const line = output.trim().split("\n").pop() ?? "";
  return JSON.parse(line) as Measurement;
}

/** The environment for numpy: this machine may set OpenBLAS variables that numpy should not see. */
function numpyEnvironment(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.OPENBLAS_CORETYPE;
  delete env.OPENBLAS_L2_SIZE;
  return env;
}

function best(runs: Measurement[]): Measurement {
  return runs.reduce((a, b) => (b.stepsPerSecond > a.stepsPerSecond ? b : a));
}

function main(): void {
  const repeats = Number(process.argv[2] ?? 3);
  if (!(Number.isInteger(repeats) && repeats >= 1)) throw new RangeError(`metropolis.bench: repeats must be an integer >= 1, got ${process.argv[2]}`);
  if (!fs.existsSync(path.join(DIST, "sampling", "index.js"))) {
    throw new Error("metropolis.bench: dist/ is missing; build first with npx tsc -p tsconfig.build.json");
  }
  const python = process.env.BENCH_PYTHON ?? path.join(ROOT, ".venv", "bin", "python");
  if (!fs.existsSync(python)) throw new Error(`metropolis.bench: no python at ${python} (set BENCH_PYTHON)`);

  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "ebm-metropolis-bench-"));
  try {
    const binary = path.join(scratch, "metropolis");
    execFileSync("gcc", ["-O2", "-o", binary, path.join(__dirname, "reference", "metropolis.c"), "-lm"], { stdio: "inherit" });
    const gccVersion = execFileSync("gcc", ["-dumpfullversion"], { encoding: "utf8" }).trim();
    const sampling = require(path.join(DIST, "sampling", "index.js")) as typeof SamplingModule;
    const well = benchDoubleWell();
    const args = [CHAINS, STEPS, BETA, STEP_SIZE, SEED].map(String);

    console.log(`Metropolis, 1D double well (x^2 - 1)^2, beta ${BETA}, step ${STEP_SIZE}, ${CHAINS} chains x ${STEPS} steps`);
    console.log(`node ${process.version}, gcc ${gccVersion}, ${os.cpus().length} CPUs (${os.cpus()[0]?.model}), load ${os.loadavg().map((l) => l.toFixed(2)).join(" ")}`);

    // The first threads = 2 call starts the worker (about 30 ms, more when tsx loads this file).
    const coldThreads = runLibrary(sampling, well, 2);
    const runs: Record<string, Measurement[]> = { "library threads=1": [], "library threads=2": [], "C gcc -O2": [], numpy: [] };
    for (let r = 0; r < repeats; r++) {
      runs["library threads=1"].push(runLibrary(sampling, well, 1));
      const threaded = runLibrary(sampling, well, 2);
      if (threaded.threadsUsed !== 2) throw new Error(`metropolis.bench: threads = 2 ran on ${threaded.threadsUsed} thread(s)`);
      runs["library threads=2"].push(threaded);
      runs["C gcc -O2"].push(runReference(binary, args, process.env));
      runs.numpy.push(runReference(python, [path.join(__dirname, "reference", "metropolis.py"), ...args], numpyEnvironment()));
    }

    const bests = Object.fromEntries(Object.entries(runs).map(([name, list]) => [name, best(list)]));
    const numpy = bests.numpy.stepsPerSecond;
    const c = bests["C gcc -O2"].stepsPerSecond;
    const rows = Object.entries(bests).map(([name, m]) => [
      name,
      (m.stepsPerSecond / 1e6).toFixed(1),
      (m.seconds * 1000).toFixed(0),
      (m.stepsPerSecond / numpy).toFixed(2),
      (m.stepsPerSecond / c).toFixed(2),
      m.meanX2.toFixed(4),
      m.meanEnergy.toFixed(4),
      m.acceptanceRate.toFixed(4),
    ]);
    const header = ["implementation", "M steps/s", "ms", "x numpy", "x C", "mean x^2", "mean E", "acceptance"];
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
    const format = (cells: string[]) => cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join("  ");
    console.log(`best of ${repeats}:`);
    console.log(format(header));
    for (const row of rows) console.log(format(row));
    console.log(`(first threads=2 call, starting its worker: ${(coldThreads.stepsPerSecond / 1e6).toFixed(1)} M steps/s)`);

    // Sanity: the four estimate the same expectations.
    const failures: string[] = [];
    const reference = bests["C gcc -O2"];
    for (const [name, m] of Object.entries(bests)) {
      if (!(Math.abs(m.meanX2 - reference.meanX2) < 0.01)) failures.push(`${name}: mean x^2 ${m.meanX2} vs C ${reference.meanX2}`);
      if (!(Math.abs(m.acceptanceRate - reference.acceptanceRate) < 0.005)) failures.push(`${name}: acceptance ${m.acceptanceRate} vs C ${reference.acceptanceRate}`);
    }
    const libraryBest = Math.max(bests["library threads=1"].stepsPerSecond, bests["library threads=2"].stepsPerSecond);
    const summary = {
      benchmark: "metropolis",
      chains: CHAINS,
      steps: STEPS,
      repeats,
      stepsPerSecond: Object.fromEntries(Object.entries(bests).map(([name, m]) => [name, Math.round(m.stepsPerSecond)])),
      coldThreads2StepsPerSecond: Math.round(coldThreads.stepsPerSecond),
      ratios: {
        threads1OverNumpy: bests["library threads=1"].stepsPerSecond / numpy,
        threads1OverC: bests["library threads=1"].stepsPerSecond / c,
        threads2OverNumpy: bests["library threads=2"].stepsPerSecond / numpy,
        threads2OverC: bests["library threads=2"].stepsPerSecond / c,
      },
      goals: { atLeastNumpy: libraryBest >= numpy, atLeast08C: libraryBest >= 0.8 * c },
      meanX2: Object.fromEntries(Object.entries(bests).map(([name, m]) => [name, m.meanX2])),
      agree: failures.length === 0,
      load: os.loadavg(),
    };
    console.log(JSON.stringify(summary));
    if (failures.length > 0) {
      for (const failure of failures) console.error(`metropolis.bench: disagreement: ${failure}`);
      process.exitCode = 1;
    }
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

if (require.main === module) main();
