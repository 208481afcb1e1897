/**
 * Splitting independent chains across worker threads, synchronously.
 *
 * The chains are cut into `threads` contiguous blocks. The main thread runs the first block
 * itself while worker threads from a small pool (kept between calls, unref'd) each rebuild the
 * energy from its recipe and run one other block; results go straight into shared memory
 * (SharedArrayBuffer). The main thread then blocks in `Atomics.wait` until every worker has
 * reported, so the samplers stay ordinary synchronous functions. Each chain draws from its own
 * stream (seed, chain index), so the numbers are the same whatever the number of threads.
 *
 * Worker files: `worker.js` next to this file in dist/ (plain Node), or `worker.ts` when this
 * file itself runs as TypeScript under tsx; in that case, and whenever the recipe's module is a
 * .ts file, the worker registers tsx's CommonJS hook before requiring anything.
 */
import * as path from "path";
import { MessageChannel, MessagePort, Worker, receiveMessageOnPort } from "worker_threads";
import type { Energy, EnergyRecipe } from "../types";
import { runChains, type ChainBuffers, type ChainPlan } from "./chains";
import type { WorkerJob } from "./worker";

/** A Float64Array on a SharedArrayBuffer when `shared`, on an ordinary ArrayBuffer otherwise. */
export function float64Buffer(length: number, shared: boolean): Float64Array {
  return shared ? new Float64Array(new SharedArrayBuffer(length * Float64Array.BYTES_PER_ELEMENT)) : new Float64Array(length);
}

/** Block boundaries 0 = b_0 < b_1 < ... < b_parts = count, block sizes differing by at most one. */
export function splitChains(count: number, parts: number): number[] {
  const bounds = [0];
  for (let i = 1; i <= parts; i++) bounds.push(Math.floor((i * count) / parts));
  return bounds;
}

/**
 * The code of every pool worker: plain CommonJS, built-ins only outside its try. It answers each
 * job by writing 1 (done) or 2 (failed, with {name, message} posted on the job's port) into the
 * job's status slot and waking the main thread.
 */
const BOOTSTRAP = `
const { parentPort } = require("worker_threads");
let tsxRegistered = false;
let current = null;
function finish(task, code, error) {
  if (Atomics.load(task.status, task.slot) !== 0) return;
  if (error !== undefined) task.port.postMessage(error);
  task.port.close();
  Atomics.store(task.status, task.slot, code);
  Atomics.notify(task.status, task.slot);
}
process.on("exit", () => {
  if (current) finish(current, 2, { name: "Error", message: "the worker thread exited before finishing its chains" });
});
parentPort.on("message", (task) => {
  current = task;
  try {
    if (task.tsxApi && !tsxRegistered) {
      require(task.tsxApi).register();
      tsxRegistered = true;
    }
    require(task.workerFile).runWorkerJob(task.job);
    finish(task, 1);
  } catch (error) {
    const name = error && typeof error.name === "string" ? error.name : "Error";
    const message = error && typeof error.message === "string" ? error.message : String(error);
    finish(task, 2, { name, message });
  }
  current = null;
});
`;

/**
 * Worker threads kept between calls (starting one costs about 30 ms, 90 ms under tsx). They are
 * unref'd, so they never keep the process alive; pool[i] serves block i + 1.
 */
const pool: (Worker | undefined)[] = [];

/** The pool worker for block `index` (1-based), started when missing. */
function poolWorker(index: number): Worker {
  const existing = pool[index - 1];
  if (existing) return existing;
  // The bootstrap registers tsx itself when needed, so no loader flags are inherited.
  const worker = new Worker(BOOTSTRAP, { eval: true, execArgv: [] });
  worker.unref();
  const forget = () => {
    if (pool[index - 1] === worker) pool[index - 1] = undefined;
  };
  worker.on("exit", forget);
  worker.on("error", forget);
  pool[index - 1] = worker;
  return worker;
}

/** The worker entry next to this file, with this file's extension (.js in dist, .ts under tsx). */
function workerFile(): string {
  return path.join(__dirname, "worker" + path.extname(__filename));
}

/** Whether a module path is TypeScript, so that the worker needs tsx to require it. */
function isTypeScript(file: string): boolean {
  return /\.[cm]?tsx?$/.test(file);
}

/** tsx's CommonJS registration API, resolved from here; undefined when not needed. */
function tsxApiFor(fn: string, recipe: EnergyRecipe): string | undefined {
  const file = workerFile();
  if (!isTypeScript(file) && !isTypeScript(recipe.module)) return undefined;
  try {
    return require.resolve("tsx/cjs/api");
  } catch {
    throw new Error(`${fn}: worker threads need tsx to load ${isTypeScript(file) ? file : recipe.module}, and tsx is not installed`);
  }
}

/** Rebuilds an error a worker reported, keeping its class for the usual ones. */
function workerError(fn: string, reported: { name?: unknown; message?: unknown } | undefined, index: number): Error {
  const text = reported && typeof reported.message === "string" ? reported.message : "it stopped without a message";
  const ownMessage = text.startsWith(`${fn}:`) ? text : `${fn}: worker thread ${index} failed: ${text}`;
  const name = reported && typeof reported.name === "string" ? reported.name : "Error";
  if (name === "RangeError") return new RangeError(ownMessage);
  if (name === "TypeError") return new TypeError(ownMessage);
  return new Error(ownMessage);
}

/**
 * Runs all chains of the plan on `threads` threads (the main one included). The buffers must be
 * SharedArrayBuffer-backed, and `recipe` must rebuild `energy` in a worker.
 * @throws the first error of the lowest block that failed, with the class the worker saw.
 */
export function runChainsInThreads(
  fn: string,
  energy: Energy,
  recipe: EnergyRecipe,
  plan: ChainPlan,
  buffers: ChainBuffers,
  startEnergies: Float64Array,
  threads: number,
): void {
  const bounds = splitChains(plan.chains, threads);
  const tsxApi = tsxApiFor(fn, recipe);
  const file = workerFile();
  const status = new Int32Array(new SharedArrayBuffer(threads * Int32Array.BYTES_PER_ELEMENT));
  const ports: MessagePort[] = [];
  const workers: Worker[] = [];
  for (let i = 1; i < threads; i++) {
    const channel = new MessageChannel();
    const job: WorkerJob = { recipe, plan, buffers, first: bounds[i], end: bounds[i + 1], startEnergies };
    const worker = poolWorker(i);
    worker.postMessage({ job, status, slot: i, port: channel.port2, workerFile: file, tsxApi }, [channel.port2]);
    ports.push(channel.port1);
    workers.push(worker);
  }
  try {
    runChains(energy, plan, buffers, bounds[0], bounds[1]);
  } catch (error) {
    // Stop the other blocks rather than wait for results nobody will read.
    for (const worker of workers) {
      pool[pool.indexOf(worker)] = undefined;
      void worker.terminate();
    }
    for (const port of ports) port.close();
    throw error;
  }
  let failure: Error | undefined;
  for (let i = 1; i < threads; i++) {
    while (Atomics.load(status, i) === 0) Atomics.wait(status, i, 0);
    if (Atomics.load(status, i) !== 1 && failure === undefined) {
      const received = receiveMessageOnPort(ports[i - 1]);
      failure = workerError(fn, received?.message as { name?: unknown; message?: unknown } | undefined, i);
    }
    ports[i - 1].close();
  }
  if (failure) throw failure;

}
