// The hostile-input walk: every function the package exports (Object.keys of src/index.ts, so a
// new export is covered the day it is added) is called from a valid baseline with one argument
// at a time replaced by something careless or hostile (undefined, null, NaN, Infinity, -1, 0,
// 1e9, a string, {}, [], [NaN], a function, a huge array, the wrong dimension). Each call must
// either return within TIME_BUDGET_MS or throw an Error whose message starts with
// "<thatFunctionName>:" (never a TypeError from deep inside, never a hang). A function that takes
// an options object must refuse an unknown option name, naming it.
//
// The calls run in a worker thread, so a call that hangs cannot hang the suite: the main thread
// times each call, terminates the worker when one overruns, records the hang, and starts a new
// worker at the next call.
import { test } from "node:test";
import assert from "node:assert/strict";
import { Worker, isMainThread, parentPort } from "node:worker_threads";
import * as ebm from "../../src";

/** The most one call may take (ms). */
const TIME_BUDGET_MS = 2000;
/** Time for a (re)started worker to load the library before its first call (ms). */
const STARTUP_MS = 60_000;

/** A valid call of a function, and where its options object sits (if it takes one). */
interface Baseline {
  args: () => unknown[];
  /** Index of the options object in `args`. */
  options?: number;
  /** The baseline throws an error naming the function even so (show, outside a notebook kernel). */
  throws?: true;
}

// ---- The baselines: one valid call per exported function. ----

const L = ebm as unknown as Record<string, (...args: any[]) => any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const axis1 = { min: -2, max: 2, count: 101 };
const once = <T>(make: () => T): (() => T) => {
  let value: T | undefined;
  return () => (value ??= make());
};
const well = () => L.doubleWell();
const bowl2d = () => L.quadraticBowl();
const density = once(() => L.gibbsDensity(L.doubleWell(), { beta: 2, axes: [axis1] }));
const density2d = once(() => L.gibbsDensity(L.quadraticBowl(), { beta: 1, axes: [{ min: -3, max: 3, count: 31 }, { min: -3, max: 3, count: 31 }] }));
const run = once(() => L.metropolis(L.doubleWell(), { beta: 1, stepSize: 0.5, chains: 2, steps: 50, seed: 1 }));
const descent = once(() => L.gradientDescent(L.doubleWell(), [0.5], { eta: 0.1 }));
const hist = once(() => L.histogram([0.1, 0.2, 0.7, 0.9], { bins: 2, range: [0, 1] }));
const network = once(() => L.hebbianWeights([[1, -1, 1, -1], [1, 1, -1, -1]]));
const energies4 = once(() => Array.from({ length: 16 }, (_, i) => L.hopfieldEnergy(network(), L.stateFromIndex(i, 4))));
const recall = once(() => L.hopfieldRecall(network(), [1, -1, 1, 1], { seed: 1, patterns: [[1, -1, 1, -1]] }));
const capacity = once(() => L.hopfieldCapacity({ N: 40, loads: [0.05, 0.3], trials: 1, seed: 7 }));
const boltzmannRun = once(() => L.boltzmannGibbsSample([[0, 1], [1, 0]], { beta: 1, steps: 200, seed: 3 }));
const boltzmannExactTwo = once(() => L.boltzmannExact([[0, 1], [1, 0]], { beta: 1 }));
const samplerOptions = { beta: 1, stepSize: 0.2, chains: 2, steps: 20, seed: 1 };

const BASELINES: Record<string, Baseline> = {
  // energy (D)
  checkEnergyAt: { args: () => [well(), [0.5], {}], options: 2 },
  energyFromFormula: { args: () => ["(x^2 - 1)^2", { variables: ["x"] }], options: 1 },
  energyFromFunction: { args: () => [(x: number[]) => x[0] ** 2, {}], options: 1 },
  hessian: { args: () => [well(), [1], {}], options: 2 },
  // landscapes (D)
  doubleWell: { args: () => [{}], options: 0 },
  lilyPad: { args: () => [{}], options: 0 },
  muellerBrown: { args: () => [] },
  quadraticBowl: { args: () => [{}], options: 0 },
  ruggedWell: { args: () => [{}], options: 0 },
  tiltedDoubleWell: { args: () => [{}], options: 0 },
  twoMemories: { args: () => [{}], options: 0 },
  // dynamics (D; gradientDescent, energyRises, basinIntervals: C)
  basinIntervals: { args: () => [well(), { axis: axis1 }], options: 1 },
  basinMap: { args: () => [well(), { axes: [{ min: -2, max: 2, count: 21 }] }], options: 1 },
  energyRises: { args: () => [[3, 2, 2.5, 1], {}], options: 1 },
  findMinima: { args: () => [well(), {}], options: 1 },
  gradientDescent: { args: () => [well(), [0.5], { eta: 0.1 }], options: 2 },
  gradientFlow: { args: () => [well(), [0.5], { duration: 1 }], options: 2 },
  isLocalMinimum: { args: () => [well(), [1], {}], options: 2 },
  // gibbs (C)
  axisPoints: { args: () => [{ min: -1, max: 1, count: 5 }] },
  gibbsCovariance: { args: () => [density()] },
  gibbsDensity: { args: () => [well(), { beta: 2, axes: [axis1] }], options: 1 },
  gibbsExpectation: { args: () => [density(), (x: number[]) => x[0] ** 2] },
  gibbsMarginal: { args: () => [density2d(), 0] },
  gibbsMean: { args: () => [density()] },
  gibbsMode: { args: () => [density()] },
  gibbsVariance: { args: () => [density()] },
  gridMinima: { args: () => [density(), {}], options: 1 },
  halfPeakWidth: { args: () => [density()] },
  laplaceLogPartition: { args: () => [well(), [[-1], [1]], { beta: 10 }], options: 2 },
  laplaceWeights: { args: () => [well(), [[-1], [1]], { beta: 10 }], options: 2 },
  logPartition: { args: () => [well(), { beta: 2, axes: [axis1] }], options: 1 },
  logSumExp: { args: () => [[1, 2, 3]] },
  massNear: { args: () => [density(), [1], 0.5] },
  temperatureSweep: { args: () => [well(), { betas: [1, 2], axes: [axis1] }], options: 1 },
  zeroTemperatureShares: { args: () => [well(), [[-1], [1]], {}], options: 2 },
  // sampling (D: createRandom and the samplers; C: histograms and distances)
  binMasses: { args: () => [hist(), () => 1] },
  createRandom: { args: () => [1, 0] },
  histogram: { args: () => [[0.1, 0.2, 0.7, 0.9], { bins: 2, range: [0, 1] }], options: 1 },
  histogram2d: { args: () => [{ x: [0.1, 0.9], y: [0.1, 0.9] }, { bins: 2, range: { lower: [0, 0], upper: [1, 1] } }], options: 1 },
  klDivergence: { args: () => [[1, 1], [1, 3]] },
  langevin: { args: () => [well(), { ...samplerOptions }], options: 1 },
  mala: { args: () => [well(), { ...samplerOptions }], options: 1 },
  metropolis: { args: () => [well(), { ...samplerOptions }], options: 1 },
  sampleCoordinate: { args: () => [run(), 0] },
  totalVariation: { args: () => [hist(), () => 1, {}], options: 2 },
  totalVariationDistance: { args: () => [[1, 1], [1, 3]] },
  independentSampleDistance: { args: () => [[1, 3], { draws: 10, repeats: 2, seed: 1 }], options: 1 },
  // hopfield (A; single-flip minima, barrier paths, classification: B)
  barrierPath: { args: () => [energies4(), [1, 1, 1, 1], [1, 1, -1, -1], {}], options: 3 },
  boltzmannExact: { args: () => [[[0, 1], [1, 0]], { beta: 1 }], options: 1 },
  boltzmannGibbsSample: { args: () => [[[0, 1], [1, 0]], { beta: 1, steps: 100, seed: 3 }], options: 1 },
  boltzmannLearn: { args: () => [[[1, 1], [1, 1], [-1, -1]], { epochs: 5, learningRate: 0.5 }], options: 1 },
  capacityBreakdown: { args: () => [capacity(), {}], options: 1 },
  classifyMinima: { args: () => [energies4(), [[1, -1, 1, -1]], {}], options: 2 },
  corruptPattern: { args: () => [[1, 1, 1, 1, 1, 1], { flips: 2, seed: 1 }], options: 1 },
  denseHopfieldEnergy: { args: () => [[[1, 1, -1], [-1, 1, 1]], [0.9, 0.2, -0.5], 5] },
  denseHopfieldIterate: { args: () => [[[1, 1, -1], [-1, 1, 1]], [0.9, 0.2, -0.5], { beta: 5 }], options: 2 },
  denseHopfieldUpdate: { args: () => [[[1, 1, -1], [-1, 1, 1]], [0.9, 0.2, -0.5], 5] },
  hammingDistance: { args: () => [[1, -1, 1], [1, 1, 1]] },
  mirrorPattern: { args: () => [[1, -1, 1]] },
  hebbianWeights: { args: () => [[[1, -1, 1], [1, 1, -1]], {}], options: 1 },
  hopfieldCapacity: { args: () => [{ N: 30, loads: [0.1], trials: 1, seed: 7 }], options: 0 },
  hopfieldEnergy: { args: () => [network(), [1, -1, 1, -1]] },
  hopfieldErrorProbability: { args: () => [0.1] },
  hopfieldNetwork: { args: () => [[[0, 1], [1, 0]], {}], options: 1 },
  hopfieldRecall: { args: () => [network(), [1, -1, 1, 1], { seed: 1 }], options: 2 },
  letterPatterns: { args: () => ["TL", {}], options: 1 },
  overlap: { args: () => [[1, 1, -1, -1], [1, -1, -1, -1]] },
  partialPattern: { args: () => [[1, 1, -1, -1], { mask: [true, true, false, false], fill: 1 }], options: 1 },
  randomPatterns: { args: () => [3, 20, { seed: 42 }], options: 2 },
  singleFlipMinima: { args: () => [energies4(), {}], options: 1 },
  stateFromIndex: { args: () => [5, 3] },
  stateIndex: { args: () => [[1, -1, 1]] },
  // rbm and learning (F)
  rbm: { args: () => [4, 3, { seed: 1 }], options: 2 },
  rbmFreeEnergy: { args: () => [L.rbm(4, 3, { seed: 1 }), [1, 0, 1, 0]] },
  rbmHiddenGivenVisible: { args: () => [L.rbm(4, 3, { seed: 1 }), [1, 0, 1, 0], { seed: 1 }], options: 2 },
  rbmVisibleGivenHidden: { args: () => [L.rbm(4, 3, { seed: 1 }), [1, 0, 1], { seed: 1 }], options: 2 },
  rbmLogPartition: { args: () => [L.rbm(4, 3, { seed: 1 }), {}], options: 1 },
  rbmLogLikelihood: { args: () => [L.rbm(4, 3, { seed: 1 }), [[1, 0, 1, 0], [0, 1, 0, 1]], {}], options: 2 },
  rbmExactGradient: { args: () => [L.rbm(4, 3, { seed: 1 }), [[1, 0, 1, 0], [0, 1, 0, 1]], {}], options: 2 },
  rbmCdGradient: { args: () => [L.rbm(4, 3, { seed: 1 }), [[1, 0, 1, 0], [0, 1, 0, 1]], { k: 2, seed: 1 }], options: 2 },
  rbmTrain: { args: () => [[[1, 0, 1, 0], [0, 1, 0, 1]], { hidden: 3, epochs: 2, seed: 1 }], options: 1 },
  rbmSample: { args: () => [L.rbm(4, 3, { seed: 1 }), { chains: 2, steps: 10, seed: 1 }], options: 1 },
  rbmComplete: { args: () => [L.rbm(4, 3, { seed: 1 }), [[1, 0, 1, 0]], { known: [true, true, false, false], seed: 1, steps: 10, burnIn: 2 }], options: 2 },
  digits: { args: () => [{ binarize: true }], options: 0 },
  gaussianMixture2d: { args: () => [{ count: 20, seed: 1 }], options: 0 },
  twoMoons: { args: () => [{ count: 20, seed: 1 }], options: 0 },
  neuralEnergy: { args: () => [{ units: 4, seed: 1 }], options: 0 },
  contrastiveTrain: { args: () => [[[1, 1], [1.2, 0.9], [0.8, 1.1]], { epochs: 2, batchSize: 3, units: 4, seed: 1, bufferSize: 20 }], options: 1 },
  scoreMatchingTrain: { args: () => [[[1, 1], [1.2, 0.9], [0.8, 1.1]], { epochs: 2, batchSize: 3, units: 4, seed: 1 }], options: 1 },
  trainingLog: { args: () => [{ every: 2, print: () => undefined }], options: 0 },
  // plot (C; hopfield figures: B)
  acceptanceFigure: { args: () => [[run()], {}], options: 1 },
  basinMapFigure: { args: () => [L.basinMap(well(), { axes: [{ min: -2, max: 2, count: 21 }] }), {}], options: 1 },
  boltzmannFigure: { args: () => [[boltzmannRun()], [boltzmannExactTwo()], {}], options: 2 },
  capacityFigure: { args: () => [capacity(), {}], options: 1 },
  completionFigure: {
    args: () => [[[1, 0, 1, 0]], L.rbmComplete(L.rbm(4, 3, { seed: 1 }), [[1, 0, 1, 0]], { known: [true, true, false, false], seed: 1, steps: 5 }), { width: 2, height: 2 }],
    options: 2,
  },
  descentAnimation: { args: () => [well(), [descent()], {}], options: 2 },
  descentFigure: { args: () => [well(), [descent()], {}], options: 2 },
  figureBundle: { args: () => [L.landscapeFigure(well())] },
  gibbsFigure: { args: () => [[density()], {}], options: 1 },
  imageGridFigure: { args: () => [[[0, 0.5, 1, 0]], { width: 2, height: 2 }], options: 1 },
  gibbsSliderFigure: { args: () => [[density()], {}], options: 1 },
  landscapeContour: { args: () => [bowl2d(), {}], options: 1 },
  landscapeFigure: { args: () => [well(), {}], options: 1 },
  landscapeSurface: { args: () => [bowl2d(), {}], options: 1 },
  learnedEnergyFigure: { args: () => [bowl2d(), { data: [[0, 0], [0.5, 0.5]], points: 20 }], options: 1 },
  networkLandscapeFigure: { args: () => [energies4(), {}], options: 1 },
  patternFigure: { args: () => [[[1, -1, -1, 1], [-1, 1, 1, -1]], { width: 2, height: 2 }], options: 1 },
  recallEnergyFigure: { args: () => [recall(), {}], options: 1 },
  recallFigure: { args: () => [recall(), { width: 2, height: 2 }], options: 1 },
  receptiveFieldFigure: { args: () => [L.rbm(4, 3, { seed: 1 }), { width: 2, height: 2 }], options: 1 },
  show: { args: () => [L.landscapeFigure(well())], throws: true }, // outside a tslab kernel: "show: no tslab display channel"
  traceFigure: { args: () => [run(), {}], options: 1 },
  trainingFigure: { args: () => [[{ epoch: 0, loss: 1 }, { epoch: 1, loss: 0.5 }], { y: "loss" }], options: 1 },
  zeroTemperatureFigure: { args: () => [[density(), L.gibbsDensity(well(), { beta: 4, axes: [axis1] })], {}], options: 1 },
  // workbook (C): a learner's wrong function gets a printed verdict, never an error
  check: { args: () => ["energy-gradient", (p: number[], c: number) => [4 * p[0] * (p[0] ** 2 - 1) - c * p[1], 0]] },
  progress: { args: () => ["01-workbook-energy"] },
};

// ---- The hostile values. ----

const HUGE = new Array<number>(1_000_000).fill(0.5);

/** Each hostile value with a short label for the report; `wrongDimension` derives from the baseline. */
function hostileValues(original: unknown): [string, unknown][] {
  const values: [string, unknown][] = [
    ["undefined", undefined],
    ["null", null],
    ["NaN", NaN],
    ["Infinity", Infinity],
    ["-1", -1],
    ["0", 0],
    ["1e9", 1e9],
    ['"x"', "x"],
    ["{}", {}],
    ["[]", []],
    ["[NaN]", [NaN]],
    ["a function", () => 1],
    ["a huge array", HUGE],
  ];
  if (Array.isArray(original) && original.length > 0) {
    values.push(["wrong dimension (one more)", [...original, original[original.length - 1]]]);
    if (original.length > 1) values.push(["wrong dimension (one less)", original.slice(0, -1)]);
    if (Array.isArray(original[0])) values.push(["wrong dimension (inner one more)", original.map((row) => (Array.isArray(row) ? [...row, 1] : row))]);
  }
  return values;
}

// ---- The worker: runs the calls and reports each one. ----

/** One call's outcome, as the worker reports it. */
interface Outcome {
  index: number;
  fn: string;
  call: string;
  kind: "returned" | "threw" | "baseline-failed" | "options-accepted";
  message?: string;
  errorName?: string;
  ms: number;
}

/**
 * The option names a function knows, read from its own refusal of an unknown one ("...; the
 * options are a, b, c"), so each option's value can be fuzzed too. Cached; [] when none.
 */
const optionNameCache = new Map<string, string[]>();
function optionNames(name: string): string[] {
  const baseline = BASELINES[name];
  if (baseline?.options === undefined) return [];
  let names = optionNameCache.get(name);
  if (names === undefined) {
    names = [];
    try {
      const a = baseline.args();
      a[baseline.options] = { ...(a[baseline.options] as object), notAnOption: 1 };
      L[name](...a);
    } catch (error) {
      const listed = /the options are (.*)$/.exec(String((error as Error)?.message ?? ""))?.[1];
      if (listed !== undefined && listed !== "(none)") names = listed.split(", ");
    }
    optionNameCache.set(name, names);
  }
  return names;
}

/** The calls of one function, in a fixed order: baseline, unknown option, position x hostile value, option x hostile value. */
function callsOf(name: string): { label: string; kind: "baseline" | "unknown-option" | "hostile"; make: () => unknown[] }[] {
  const baseline = BASELINES[name];
  const fn = L[name];
  const args = baseline ? baseline.args : () => new Array<unknown>(Math.max(1, fn.length)).fill(undefined);
  const calls: { label: string; kind: "baseline" | "unknown-option" | "hostile"; make: () => unknown[] }[] = [];
  if (baseline) calls.push({ label: "the baseline call", kind: "baseline", make: args });
  if (baseline?.options !== undefined) {
    const at = baseline.options;
    calls.push({
      label: `options with an unknown name (argument ${at})`,
      kind: "unknown-option",
      make: () => {
        const a = args();
        a[at] = { ...(a[at] as object), notAnOption: 1 };
        return a;
      },
    });
  }
  const template = args();
  const positions = Math.max(template.length, fn.length, 1);
  for (let position = 0; position < positions; position++) {
    for (const [label, value] of hostileValues(template[position])) {
      calls.push({
        label: `argument ${position} = ${label}`,
        kind: "hostile",
        make: () => {
          const a = args();
          while (a.length <= position) a.push(undefined);
          a[position] = value;
          return a;
        },
      });
    }
  }
  if (baseline?.options !== undefined) {
    const at = baseline.options;
    for (const option of optionNames(name)) {
      const original = (template[at] as Record<string, unknown>)[option];
      for (const [label, value] of hostileValues(original)) {
        calls.push({
          label: `options.${option} = ${label}`,
          kind: "hostile",
          make: () => {
            const a = args();
            a[at] = { ...(a[at] as object), [option]: value };
            return a;
          },
        });
      }
    }
  }
  return calls;
}

/** The flat list of (function, call index) pairs, the same in the main thread and the worker. */
function plan(): { fn: string; call: number }[] {
  const out: { fn: string; call: number }[] = [];
  for (const name of exportedFunctions()) callsOf(name).forEach((_, call) => out.push({ fn: name, call }));
  return out;
}

function exportedFunctions(): string[] {
  return Object.keys(ebm).filter((k) => typeof L[k] === "function").sort();
}

function runWorker(from: number): void {
  const all = plan();
  parentPort!.postMessage({ ready: true });
  for (let index = from; index < all.length; index++) {
    const { fn, call } = all[index];
    const spec = callsOf(fn)[call];
    parentPort!.postMessage({ starting: index });
    let outcome: Outcome;
    let started = performance.now();
    try {
      const args = spec.make();
      started = performance.now();
      L[fn](...args);
      const ms = performance.now() - started;
      outcome = { index, fn, call: spec.label, kind: spec.kind === "unknown-option" ? "options-accepted" : "returned", ms };
    } catch (error) {
      const ms = performance.now() - started;
      const e = error as Error;
      outcome = {
        index,
        fn,
        call: spec.label,
        kind: spec.kind === "baseline" && !BASELINES[fn]?.throws ? "baseline-failed" : "threw",
        message: e instanceof Error ? e.message : String(error),
        errorName: e instanceof Error ? e.constructor.name : typeof error,
        ms,
      };
    }
    parentPort!.postMessage({ outcome });
  }
  parentPort!.postMessage({ done: true });
}

if (!isMainThread && parentPort) {
  const from = Number(process.env.FUZZ_FROM ?? "0");
  // The worker is started with workerData-free env so the same file serves both roles.
  runWorker(from);
}

// ---- The main thread: drives the workers and judges the outcomes. ----

/** Runs every planned call, restarting the worker after a hang. Returns outcomes by function. */
async function fuzzAll(): Promise<Map<string, Outcome[]>> {
  const total = plan().length;
  const byFunction = new Map<string, Outcome[]>();
  const add = (o: Outcome) => {
    const list = byFunction.get(o.fn) ?? [];
    list.push(o);
    byFunction.set(o.fn, list);
  };
  let next = 0;
  while (next < total) {
    next = await new Promise<number>((resolve, reject) => {
      const bootstrap = `require(${JSON.stringify(require.resolve("tsx/cjs/api"))}).register(); require(${JSON.stringify(__filename)});`;
      const worker = new Worker(bootstrap, { eval: true, execArgv: [], env: { ...process.env, FUZZ_FROM: String(next) }, stdout: true, stderr: true });
      let loaded = false;
      let current = next;
      let timer = setTimeout(() => hang("loading the library"), STARTUP_MS);
      const all = plan();
      function hang(what: string): void {
        void worker.terminate();
        const entry = all[current];
        if (entry) add({ index: current, fn: entry.fn, call: callsOf(entry.fn)[entry.call].label, kind: "threw", message: `(hung: still running after ${what === "in this call" ? 5 * TIME_BUDGET_MS : STARTUP_MS} ms ${what})`, ms: 5 * TIME_BUDGET_MS, errorName: "Timeout" });
        resolve(current + 1);
      }
      worker.on("message", (m: { ready?: boolean; starting?: number; outcome?: Outcome; done?: boolean }) => {
        if (m.ready) loaded = true;
        if (m.starting !== undefined) {
          clearTimeout(timer);
          current = m.starting;
          timer = setTimeout(() => hang("in this call"), TIME_BUDGET_MS * 5);
        } else if (m.outcome) {
          clearTimeout(timer);
          add(m.outcome);
        } else if (m.done) {
          clearTimeout(timer);
          void worker.terminate();
          resolve(total);
        }
      });
      worker.on("error", (error) => {
        clearTimeout(timer);
        const entry = all[current];
        if (!loaded) return reject(new Error(`the fuzz worker could not start: ${error.message}`));
        if (entry) add({ index: current, fn: entry.fn, call: callsOf(entry.fn)[entry.call].label, kind: "threw", message: `(the worker died: ${error.message})`, ms: 0, errorName: "WorkerError" });
        resolve(current + 1);
      });
    });
  }
  return byFunction;
}

/** What is wrong with one outcome, or undefined when it is fine. */
function problem(name: string, o: Outcome): string | undefined {
  if (o.ms > TIME_BUDGET_MS) return `${o.call}: took ${Math.round(o.ms)} ms (budget ${TIME_BUDGET_MS} ms)`;
  if (o.kind === "baseline-failed") return `${o.call} threw (fix the fuzz table or the function): ${o.message}`;
  if (o.kind === "options-accepted") return `${o.call}: accepted an unknown option name`;
  if (o.kind === "returned") return undefined;
  if (!o.message?.startsWith(`${name}:`)) return `${o.call}: threw ${o.errorName} "${o.message}" (must start with "${name}:")`;
  return undefined;
}

if (isMainThread) {
  test("the fuzz table has a baseline for every exported function, and no stale entries", () => {
    const exported = exportedFunctions();
    assert.deepEqual(exported.filter((name) => !(name in BASELINES)), [], "exported functions without a baseline call in BASELINES");
    assert.deepEqual(Object.keys(BASELINES).filter((name) => !exported.includes(name)).sort(), [], "BASELINES entries that are no longer exported");
  });

  test("every exported function, called with hostile arguments, returns in time or throws an error that names it", async (t) => {
    const results = await fuzzAll();
    for (const name of exportedFunctions()) {
      await t.test(name, () => {
        const outcomes = results.get(name) ?? [];
        assert.ok(outcomes.length > 0, `${name}: no call was made`);
        const problems = outcomes.map((o) => problem(name, o)).filter((p): p is string => p !== undefined);
        assert.deepEqual(problems, [], `${name}: ${problems.length} of ${outcomes.length} calls went wrong`);
      });
    }
  });
}
