import { test } from "node:test";
import assert from "node:assert/strict";
import { energyFromFunction } from "../../src/energy/fromFunction";
import { metropolis } from "../../src/sampling/metropolis";
import { langevin } from "../../src/sampling/langevin";
import { mala } from "../../src/sampling/mala";
import { splitChains } from "../../src/sampling/threads";
import type { SamplerRun } from "../../src/sampling/samplerRun";
import { mislabelledBowl, recipeBowl2d, recipeDoubleWell } from "./sampling-fixtures";

/** The numbers of two runs, compared bit for bit. */
function assertSameNumbers(a: SamplerRun, b: SamplerRun): void {
  assert.deepEqual(Array.from(a.samples), Array.from(b.samples));
  assert.deepEqual(Array.from(a.finalStates), Array.from(b.finalStates));
  assert.deepEqual(Array.from(a.chainAcceptanceRates), Array.from(b.chainAcceptanceRates));
  assert.equal(a.acceptanceRate, b.acceptanceRate);
}

test("splitChains cuts chains into contiguous blocks differing by at most one", () => {
  assert.deepEqual(splitChains(10, 3), [0, 3, 6, 10]);
  assert.deepEqual(splitChains(2, 2), [0, 1, 2]);
  assert.deepEqual(splitChains(1000, 1), [0, 1000]);
});

test("threads = 2 and 3 give the same numbers as threads = 1 (Metropolis 1D and 2D, Langevin, MALA)", () => {
  // Chain c always draws from the stream (seed, c), whichever thread runs it.
  const cases: [string, () => SamplerRun, (threads: number) => SamplerRun][] = [
    ["metropolis 1D", () => metropolis(recipeDoubleWell(), { beta: 1, stepSize: 0.5, chains: 9, steps: 300, seed: 1 }),
      (threads) => metropolis(recipeDoubleWell(), { beta: 1, stepSize: 0.5, chains: 9, steps: 300, seed: 1, threads })],
    ["metropolis 2D", () => metropolis(recipeBowl2d(2), { beta: 1, stepSize: 0.5, chains: 7, steps: 200, thin: 2, seed: "a" }),
      (threads) => metropolis(recipeBowl2d(2), { beta: 1, stepSize: 0.5, chains: 7, steps: 200, thin: 2, seed: "a", threads })],
    ["langevin", () => langevin(recipeDoubleWell(), { beta: 2, stepSize: 0.05, chains: 5, steps: 200, burnIn: 10, seed: 2 }),
      (threads) => langevin(recipeDoubleWell(), { beta: 2, stepSize: 0.05, chains: 5, steps: 200, burnIn: 10, seed: 2, threads })],
    ["mala", () => mala(recipeBowl2d(1), { beta: 1, stepSize: 0.4, chains: 6, steps: 200, seed: 3, init: [1, -1] }),
      (threads) => mala(recipeBowl2d(1), { beta: 1, stepSize: 0.4, chains: 6, steps: 200, seed: 3, init: [1, -1], threads })],
  ];
  for (const [name, single, threaded] of cases) {
    const reference = single();
    for (const threads of [2, 3]) {
      const run = threaded(threads);
      assert.equal(run.threadsUsed, threads, name);
      assert.equal(run.threadsNote, undefined, name);
      assertSameNumbers(run, reference);
    }
  }
});

test("an energy without a recipe runs on one thread, and the result says why", () => {
  const well = energyFromFunction((x) => (x[0] ** 2 - 1) ** 2);
  const run = metropolis(well, { beta: 1, stepSize: 0.5, chains: 4, steps: 10, seed: 1, threads: 2 });
  assert.equal(run.threadsUsed, 1);
  assert.match(run.threadsNote ?? "", /no recipe/);
  assertSameNumbers(run, metropolis(well, { beta: 1, stepSize: 0.5, chains: 4, steps: 10, seed: 1 }));
});

test("more threads than chains: one chain per thread", () => {
  const run = metropolis(recipeDoubleWell(), { beta: 1, stepSize: 0.5, chains: 2, steps: 10, seed: 1, threads: 4 });
  assert.equal(run.threadsUsed, 2);
  assert.match(run.threadsNote ?? "", /4 threads were asked for 2 chains/);
});

test("a recipe that rebuilds a different energy is caught in the worker", () => {
  assert.throws(
    () => metropolis(mislabelledBowl(), { beta: 1, stepSize: 0.5, chains: 4, steps: 10, seed: 1, threads: 2 }),
    /^RangeError: metropolis: worker thread 1 failed: the energy rebuilt from its recipe gives 1 at the start of chain 2, the original 0.25: the recipe does not describe this energy$/,
  );
});

test("a bad recipe is rejected at the door", () => {
  const well = recipeDoubleWell();
  const relative = Object.freeze({ ...well, recipe: { module: "./fixtures", export: "x", args: [] } });
  assert.throws(
    () => metropolis(relative, { beta: 1, stepSize: 0.5, chains: 4, steps: 10, seed: 1, threads: 2 }),
    /^TypeError: metropolis: energy.recipe.module must be an absolute path or a package name, got "\.\/fixtures"$/,
  );
  const missing = Object.freeze({ ...well, recipe: { module: __filename.replace("threads.test", "fixtures"), export: "nothing", args: [] } });
  assert.throws(
    () => metropolis(missing, { beta: 1, stepSize: 0.5, chains: 4, steps: 10, seed: 1, threads: 2 }),
    /^TypeError: metropolis: worker thread 1 failed: the recipe module .*sampling-fixtures\.ts has no exported function "nothing"$/,
  );
});

test("an error inside a worker's chains reaches the caller with the same message as on one thread", () => {
  // Langevin on the double well at eta = 0.05 is stable near the wells (eta E'' = 0.4 < 2) but
  // explodes from x = 40, where eta E'(x) = 12800; chain 2 is in the worker's block [2, 4).
  const well = recipeDoubleWell();
  const options = { beta: 1, stepSize: 0.05, chains: 4, steps: 50, seed: 1, init: [[0.1], [0.2], [40], [0.3]] };
  const single = (() => {
    try {
      langevin(well, options);
    } catch (error) {
      return error as Error;
    }
    return undefined;
  })();
  assert.ok(single instanceof RangeError, "diverges on one thread");
  assert.match(single.message, /^langevin: chain 2 left the finite numbers/);
  assert.throws(
    () => langevin(well, { ...options, threads: 2 }),
    (error: unknown) => error instanceof RangeError && error.message === single.message,
  );
});

test("after the main thread's own block fails, the next threaded run still works", () => {
  // Chain 0 (the main thread's block) diverges; the busy worker is stopped and later replaced.
  const well = recipeDoubleWell();
  assert.throws(
    () => langevin(well, { beta: 1, stepSize: 0.05, chains: 4, steps: 50, seed: 1, init: [[40], [0.2], [0.1], [0.3]], threads: 2 }),
    /^RangeError: langevin: chain 0 left the finite numbers/,
  );
  const options = { beta: 1, stepSize: 0.5, chains: 6, steps: 100, seed: 5 };
  assertSameNumbers(metropolis(well, { ...options, threads: 2 }), metropolis(well, options));
});
