import { test } from "node:test";
import assert from "node:assert/strict";
import { energyFromFunction } from "../../src/energy/fromFunction";
import { metropolis } from "../../src/sampling/metropolis";
import { langevin } from "../../src/sampling/langevin";
import { mala } from "../../src/sampling/mala";
import type { SamplerOptions } from "../../src/sampling/samplerRun";
import { recipeBowl2d, recipeDoubleWell } from "./sampling-fixtures";

const good: SamplerOptions = Object.freeze({ beta: 1, stepSize: 0.5, chains: 4, steps: 10, seed: 1 });
const well = recipeDoubleWell();

/** Runs metropolis with some options replaced. */
function withOptions(changes: Record<string, unknown>) {
  return () => metropolis(well, { ...good, ...changes } as SamplerOptions);
}

test("a missing seed is a TypeError with the exact message", () => {
  const { seed, ...withoutSeed } = good;
  void seed;
  assert.throws(
    () => metropolis(well, withoutSeed as SamplerOptions),
    (error: unknown) =>
      error instanceof TypeError &&
      error.message === "metropolis: seed must be a finite number or a non-empty string (an explicit seed), got undefined",
  );
  assert.throws(withOptions({ seed: "" }), /^TypeError: metropolis: seed must be a finite number or a non-empty string/);
  assert.throws(withOptions({ seed: Infinity }), /^TypeError: metropolis: seed must be .*, got Infinity$/);
});

test("beta and stepSize must be positive finite numbers", () => {
  for (const bad of [-1, 0, NaN, Infinity, -Infinity]) {
    assert.throws(withOptions({ beta: bad }), new RegExp(`^RangeError: metropolis: beta must be a positive finite number, got ${bad}$`));
    assert.throws(withOptions({ stepSize: bad }), new RegExp(`^RangeError: metropolis: stepSize must be a positive finite number, got ${bad}$`));
  }
  assert.throws(withOptions({ beta: "1" }), /^TypeError: metropolis: beta must be a positive finite number, got "1"$/);
  assert.throws(withOptions({ beta: undefined }), /^TypeError: metropolis: beta must be a positive finite number, got undefined$/);
  assert.throws(
    () => langevin(well, { ...good, stepSize: -0.1 }),
    /^RangeError: langevin: stepSize must be a positive finite number, got -0.1$/,
  );
  assert.throws(() => mala(well, { ...good, beta: NaN }), /^RangeError: mala: beta must be a positive finite number, got NaN$/);
});

test("chains, steps, burnIn, thin and threads must be integers in range", () => {
  assert.throws(withOptions({ chains: 0 }), /^RangeError: metropolis: chains must be an integer in \[1, 10000000\], got 0$/);
  assert.throws(withOptions({ chains: 2.5 }), /^RangeError: metropolis: chains must be an integer in \[1, 10000000\], got 2.5$/);
  assert.throws(withOptions({ chains: undefined }), /^TypeError: metropolis: chains must be an integer in \[1, 10000000\], got undefined$/);
  assert.throws(withOptions({ steps: -3 }), /^RangeError: metropolis: steps must be an integer in \[1, 1000000000000\], got -3$/);
  assert.throws(withOptions({ steps: NaN }), /^RangeError: metropolis: steps must be an integer .*, got NaN$/);
  assert.throws(withOptions({ burnIn: -1 }), /^RangeError: metropolis: burnIn must be an integer in \[0, 1000000000000\], got -1$/);
  assert.throws(withOptions({ thin: 0 }), /^RangeError: metropolis: thin must be an integer in \[1, 10\], got 0$/);
  assert.throws(withOptions({ thin: 11 }), /^RangeError: metropolis: thin must be an integer in \[1, 10\], got 11$/);
  assert.throws(withOptions({ threads: 0 }), /^RangeError: metropolis: threads must be an integer in \[1, 64\], got 0$/);
});

test("an unknown option name is reported with the known ones", () => {
  assert.throws(
    withOptions({ stepsize: 0.5 }),
    /^RangeError: metropolis: options\.stepsize is not an option \(did you mean stepSize\?\); the options are beta, stepSize, chains, steps, burnIn, thin, init, seed, threads, maxWork$/,
  );
  assert.throws(() => metropolis(well, undefined as unknown as SamplerOptions), /^TypeError: metropolis: beta must be/);
  assert.throws(() => metropolis(well, 3 as unknown as SamplerOptions), /^TypeError: metropolis: options must be an options object, got 3$/);
});

test("the energy must be an Energy", () => {
  assert.throws(
    () => metropolis(((x: number[]) => x[0]) as never, good),
    /^TypeError: metropolis: energy must be an Energy \(from energyFromFormula, energyFromFunction or a landscape such as doubleWell\(\)\), got a function$/,
  );
  assert.throws(() => mala(null as never, good), /^TypeError: mala: energy must be an Energy .*, got null$/);
});

test("init must match the dimension and the number of chains", () => {
  const bowl = recipeBowl2d(1);
  const run = (init: unknown) => () => metropolis(bowl, { ...good, init } as SamplerOptions);
  assert.throws(run([1, 2, 3]), /^RangeError: metropolis: init must be a point of dimension 2, 4 points \(one per chain\), or 8 numbers \(chains x dimension, chain-major\), got \[1, 2, 3\] \(length 3\)$/);
  assert.throws(run([[1, 2], [3, 4]]), /^RangeError: metropolis: init must be a point of dimension 2, 4 points .* \(2 points\)$/);
  assert.throws(run([[1, 2], [3, 4], [5], [7, 8]]), /^RangeError: metropolis: init\[2\] must be a point of dimension 2, got \[5\] \(dimension 1\)$/);
  assert.throws(run([1, NaN]), /^RangeError: metropolis: init\[1\] must be a finite number, got NaN$/);
  assert.throws(run(0.5), /^TypeError: metropolis: init must be an array of 2 finite numbers, got 0.5$/);
  assert.throws(run("0"), /^TypeError: metropolis: init must be a point of dimension 2, .*, got "0"$/);
});

test("E (and grad E for the Langevin samplers) must be finite at the start", () => {
  const sqrt = energyFromFunction((x) => Math.sqrt(x[0]), { gradient: (x, w, g) => void (g[0] = 0.5 / Math.sqrt(x[0])) });
  assert.throws(
    () => metropolis(sqrt, { ...good, init: -1 }),
    /^RangeError: metropolis: energy "custom energy" has a value that is not finite at init x = \[-1\]: E = NaN$/,
  );
  assert.throws(
    () => metropolis(sqrt, { ...good, init: [[1], [4], [-1], [9]] }),
    /^RangeError: metropolis: energy "custom energy" has a value that is not finite at init\[2\] x = \[-1\]: E = NaN$/,
  );
  // E(0) = 0 is finite, but the gradient 1 / (2 sqrt(0)) is not.
  assert.throws(
    () => langevin(sqrt, { ...good, init: 0 }),
    /^RangeError: langevin: energy "custom energy" has a gradient that is not finite at init x = \[0\]: dE\/dx = Infinity$/,
  );
  assert.throws(() => mala(sqrt, { ...good, init: 0 }), /^RangeError: mala: energy "custom energy" has a gradient that is not finite at init x = \[0\]: dE\/dx = Infinity$/);
  // Metropolis never uses the gradient.
  assert.equal(metropolis(sqrt, { ...good, init: 0 }).samples.length, 40);
});

test("a run that would store too many numbers is refused before it starts", () => {
  assert.throws(
    withOptions({ chains: 100_000, steps: 10_000, maxWork: 1e9 }),
    /^RangeError: metropolis: chains x floor\(steps \/ thin\) x dimension must be at most 100000000 stored numbers, got 1000000000; raise thin, or lower steps or chains$/,
  );
});

test("the work budget: chains x (burnIn + steps) above 2e8 is refused at once, with the maxWork that would allow it", () => {
  const started = Date.now();
  for (const sampler of [metropolis, langevin, mala]) {
    assert.throws(() => sampler(well, { ...good, burnIn: 1e9 }), {
      name: "RangeError",
      message: new RegExp(`^${sampler.name}: chains x \\(burnIn \\+ steps\\) = 4e\\+9 is above the work budget of 2e\\+8 steps; ask for less, or pass \\{ maxWork: 4\\.0e\\+9 \\} if you mean it`),
    });
  }
  assert.ok(Date.now() - started < 1000, "refused at the door, not after running");
  assert.throws(withOptions({ maxWork: 0 }), /^RangeError: metropolis: maxWork must be a positive finite number, got 0$/);
  // Under a raised budget the same work runs.
  assert.equal(metropolis(well, { ...good, chains: 1, steps: 100, burnIn: 100, maxWork: 200 } as SamplerOptions).samples.length, 100);
  assert.throws(() => metropolis(well, { ...good, chains: 1, steps: 100, burnIn: 101, maxWork: 200 }), /^RangeError: metropolis: chains x \(burnIn \+ steps\) = 201 is above the work budget of 2e\+2 steps/);
});

test("the result says what was sampled and how: steps, burnIn, thin and the energy's name", () => {
  const run = metropolis(well, { ...good, burnIn: 5, thin: 2 });
  assert.equal(run.steps, 10);
  assert.equal(run.burnIn, 5);
  assert.equal(run.thin, 2);
  assert.equal(run.energyName, well.name);
});
