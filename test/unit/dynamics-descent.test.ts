import { test } from "node:test";
import assert from "node:assert/strict";
import seedrandom from "seedrandom";
import { energyFromFunction } from "../../src/energy/fromFunction";
import { gradientDescent } from "../../src/dynamics/descent";
import { muellerBrown } from "../../src/landscapes";

// Energies with exact gradients.
const quadratic = (k: number) =>
  energyFromFunction((x) => (k * x[0] ** 2) / 2, { gradient: (x, _w, g) => void (g[0] = k * x[0]) });
const doubleWell = energyFromFunction((x) => (x[0] ** 2 - 1) ** 2, {
  gradient: (x, _w, g) => void (g[0] = 4 * x[0] * (x[0] ** 2 - 1)),
});
// Two wells at (+-1, 0) with a saddle at the origin.
const twoWell2D = energyFromFunction((x) => (x[0] ** 2 - 1) ** 2 + x[1] ** 2, {
  dimension: 2,
  gradient: (x, _w, g) => {
    g[0] = 4 * x[0] * (x[0] ** 2 - 1);
    g[1] = 2 * x[1];
  },
});
// An anisotropic bowl (a x^2 + b y^2) / 2 with a = 1, b = 20.
const bowl2D = energyFromFunction((x) => (x[0] ** 2 + 20 * x[1] ** 2) / 2, {
  dimension: 2,
  gradient: (x, _w, g) => {
    g[0] = x[0];
    g[1] = 20 * x[1];
  },
});

test("on E = k x^2 / 2 the iterates are exactly x_t = (1 - eta k)^t x_0 and stop at the closed-form step", () => {
  // Closed form: x_{t+1} = x_t - eta k x_t = (1 - eta k) x_t. With k = 2 and eta = 1/4 the factor
  // is 1/2, and every operation (2x, x/2, x - x/2) is exact in binary floating point.
  const k = 2, eta = 0.25, x0 = 3, tolerance = 1e-6;
  const run = gradientDescent(quadratic(k), [x0], { eta, tolerance });
  // Converged at the first t with |grad E(x_t)| = k |x_0| 2^-t <= tolerance: t = ceil(log2(k |x_0| / tol)).
  const expected = Math.ceil(Math.log2((k * Math.abs(x0)) / tolerance));
  assert.equal(expected, 23);
  assert.equal(run.reason, "converged");
  assert.equal(run.converged, true);
  assert.equal(run.iterations, expected);
  assert.deepEqual(run.times, Array.from({ length: expected + 1 }, (_, t) => t));
  run.path.forEach((p, t) => assert.equal(p[0], x0 * 0.5 ** t));
  run.energies.forEach((e, t) => assert.equal(e, (k * (x0 * 0.5 ** t) ** 2) / 2));
  assert.deepEqual(run.final, [x0 * 0.5 ** expected]);
  assert.equal(run.energyIncreases, 0);
  assert.ok(run.gradientNorm <= tolerance);
});

test("a non-dyadic factor (1 - eta k) = 0.7 matches the closed form to rounding", () => {
  const k = 3, eta = 0.1, x0 = -2, tolerance = 1e-9;
  const run = gradientDescent(quadratic(k), [x0], { eta, tolerance });
  // Smallest t with k |x0| 0.7^t <= tol (the boundary is not close: log ratio is 58.85...).
  const expected = Math.ceil(Math.log(tolerance / (k * Math.abs(x0))) / Math.log(0.7));
  assert.equal(run.iterations, expected);
  run.path.forEach((p, t) => {
    const exact = x0 * 0.7 ** t;
    assert.ok(Math.abs(p[0] - exact) <= 1e-13 * Math.abs(x0), `t = ${t}: ${p[0]} vs ${exact}`);
  });
});

test("energy never rises along a small-step descent (Lyapunov), over many seeded starts", () => {
  // With eta < 2 / L (L = max |E''| on the region the path visits) the descent lemma gives
  // E(x_{t+1}) <= E(x_t) - eta (1 - L eta / 2) |grad E|^2. On [-2, 2] the double well has
  // |E''| = |12 x^2 - 4| <= 44, the 2D energies at most 44 and 20: eta = 0.01 is stable.
  const random = seedrandom("dynamics-descent-lyapunov");
  const cases = [
    { energy: doubleWell, dimension: 1 },
    { energy: twoWell2D, dimension: 2 },
    { energy: bowl2D, dimension: 2 },
  ];
  for (const { energy, dimension } of cases) {
    for (let s = 0; s < 100; s++) {
      const start = Array.from({ length: dimension }, () => 4 * random() - 2);
      const run = gradientDescent(energy, start, { eta: 0.01 });
      assert.equal(run.reason, "converged", `start ${start}`);
      assert.equal(run.energyIncreases, 0);
      for (let t = 1; t < run.energies.length; t++) {
        assert.ok(run.energies[t] <= run.energies[t - 1], `${energy.name} from ${start}: E rose at step ${t}`);
      }
      if (energy !== bowl2D) {
        // It ends in the well on the side it started (the flow never crosses x = 0).
        assert.ok(Math.abs(run.final[0] - Math.sign(start[0])) < 1e-8, `start ${start} ended at ${run.final}`);
      }
    }
  }
});

test("a step above 2/k on the quadratic raises the energy and is stopped and reported", () => {
  // x_{t+1} = (1 - eta k) x_t = -1.5 x_t for k = 1, eta = 2.5: |x| and E grow every step.
  const run = gradientDescent(quadratic(1), [1], { eta: 2.5 });
  assert.equal(run.reason, "energy-increased");
  assert.equal(run.converged, false);
  assert.equal(run.iterations, 1);
  assert.deepEqual(run.path, [[1], [-1.5]]);
  assert.deepEqual(run.energies, [0.5, 1.125]);
  assert.equal(run.energyIncreases, 1);
});

test("with stopOnEnergyIncrease false the unstable run goes on, counts the rises and diverges", () => {
  // |x_t| = 1.5^t passes the default bound 1e12 first at t = floor(log(1e12) / log(1.5)) + 1 = 69.
  const run = gradientDescent(quadratic(1), [1], { eta: 2.5, stopOnEnergyIncrease: false });
  const expected = Math.floor(Math.log(1e12) / Math.log(1.5)) + 1;
  assert.equal(expected, 69);
  assert.equal(run.reason, "diverged");
  assert.equal(run.iterations, expected);
  assert.equal(run.energyIncreases, expected);
  assert.ok(Math.abs(run.final[0]) > 1e12 && Number.isFinite(run.final[0]));
  assert.equal(run.path.length, expected + 1);
});

test("eta = 2/k exactly: x_t = (-1)^t x_0, the energy stays level and nothing is flagged", () => {
  // 1 - eta k = -1, and x - 2x = -x exactly.
  const run = gradientDescent(quadratic(1), [0.75], { eta: 2, maxIterations: 6 });
  assert.equal(run.reason, "max-iterations");
  assert.equal(run.energyIncreases, 0);
  assert.deepEqual(run.path.map((p) => p[0]), [0.75, -0.75, 0.75, -0.75, 0.75, -0.75, 0.75]);
});

test("a run down an energy unbounded below diverges at the bound; a NaN energy ends at the last finite point", () => {
  const slope = energyFromFunction((x) => -(x[0] ** 2), { gradient: (x, _w, g) => void (g[0] = -2 * x[0]) });
  // x_t = (1 + 2 eta)^t x_0 = 2^t for eta = 1/2: first above 1e6 at t = 20.
  const run = gradientDescent(slope, [1], { eta: 0.5, divergenceBound: 1e6 });
  assert.equal(run.reason, "diverged");
  assert.equal(run.iterations, 20);
  assert.deepEqual(run.final, [2 ** 20]);

  const cliff = energyFromFunction((x) => (x[0] < 3 ? -(x[0] ** 2) : NaN), {
    gradient: (x, _w, g) => void (g[0] = -2 * x[0]),
  });
  const fall = gradientDescent(cliff, [1], { eta: 0.5 });
  assert.equal(fall.reason, "diverged");
  assert.deepEqual(fall.final, [2]); // x = 4 has E = NaN and is not kept
  assert.equal(fall.iterations, 1);
  assert.ok(fall.energies.every(Number.isFinite));
});

test("recordEvery keeps every k-th point plus the start and the last point", () => {
  const run = gradientDescent(quadratic(1), [1], { eta: 0.1, maxIterations: 12, recordEvery: 5, tolerance: 0 });
  assert.equal(run.reason, "max-iterations");
  assert.deepEqual(run.times, [0, 5, 10, 12]);
  assert.equal(run.path.length, 4);
  assert.ok(Math.abs(run.path[2][0] - 0.9 ** 10) < 1e-15);
});

test("a start at a critical point converges at once; maxIterations 0 takes no step", () => {
  const atTop = gradientDescent(doubleWell, [0], { eta: 0.1 });
  assert.equal(atTop.reason, "converged");
  assert.equal(atTop.iterations, 0);
  const none = gradientDescent(doubleWell, [0.5], { eta: 0.1, maxIterations: 0 });
  assert.equal(none.reason, "max-iterations");
  assert.deepEqual(none.path, [[0.5]]);
});

test("inputs are not mutated and the same call gives identical numbers", () => {
  const start = Object.freeze([1.5, -0.5]);
  const options = Object.freeze({ eta: 0.02, recordEvery: 3 });
  const a = gradientDescent(twoWell2D, start, options);
  const b = gradientDescent(twoWell2D, start, options);
  assert.deepEqual(a, b);
  assert.deepEqual(start, [1.5, -0.5]);
  const typed = Float64Array.of(0.3, 0.2);
  gradientDescent(twoWell2D, typed, { eta: 0.01 });
  assert.deepEqual(Array.from(typed), [0.3, 0.2]);
});

test("the result is a plain object that survives JSON", () => {
  const run = gradientDescent(doubleWell, [0.5], { eta: 0.05 });
  assert.deepEqual(JSON.parse(JSON.stringify(run)), run);
});

test("validation: every bad input gets a clear error", () => {
  const e = doubleWell;
  assert.throws(() => gradientDescent(e, [1], { eta: 0 }), {
    name: "RangeError",
    message: /^gradientDescent: options\.eta must be a positive finite number, got 0$/,
  });
  assert.throws(() => gradientDescent(e, [1], { eta: -0.1 }), /options\.eta must be a positive finite number, got -0\.1/);
  assert.throws(() => gradientDescent(e, [1], { eta: NaN }), /options\.eta must be a positive finite number, got NaN/);
  assert.throws(() => gradientDescent(e, [1], { eta: Infinity }), /options\.eta must be a positive finite number, got Infinity/);
  assert.throws(() => gradientDescent(e, [1], undefined as never), {
    name: "TypeError",
    message: /options\.eta must be a positive finite number, got undefined/,
  });
  assert.throws(() => gradientDescent(e, [1, 2], { eta: 0.1 }), {
    name: "RangeError",
    message: /^gradientDescent: start must be a point of dimension 1, got \[1, 2\] \(dimension 2\)$/,
  });
  assert.throws(() => gradientDescent(twoWell2D, [NaN, 0], { eta: 0.1 }), /start\[0\] must be a finite number, got NaN/);
  assert.throws(() => gradientDescent(twoWell2D, "0,0" as never, { eta: 0.1 }), {
    name: "TypeError",
    message: /start must be an array of 2 finite numbers, got "0,0"/,
  });
  const root = energyFromFunction((x) => Math.sqrt(x[0]), { gradient: (x, _w, g) => void (g[0] = 0.5 / Math.sqrt(x[0])) });
  assert.throws(() => gradientDescent(root, [-1], { eta: 0.1 }), {
    name: "RangeError",
    message: /^gradientDescent: energy "custom energy" has a value that is not finite at the starting point x = \[-1\]: E = NaN$/,
  });
  assert.throws(() => gradientDescent(root, [0], { eta: 0.1 }), /has a gradient that is not finite at the starting point x = \[0\]: dE\/dx = Infinity/);
  assert.throws(() => gradientDescent({} as never, [0], { eta: 0.1 }), {
    name: "TypeError",
    message: /^gradientDescent: energy must be an Energy \(from energyFromFormula, energyFromFunction or a landscape such as doubleWell\(\)\), got an object$/,
  });
  assert.throws(() => gradientDescent(e, [1], { eta: 0.1, maxIterations: -1 }), /options\.maxIterations must be an integer >= 0, got -1/);
  assert.throws(() => gradientDescent(e, [1], { eta: 0.1, maxIterations: 2.5 }), /options\.maxIterations must be an integer >= 0, got 2\.5/);
  assert.throws(() => gradientDescent(e, [1], { eta: 0.1, tolerance: -1 }), /options\.tolerance must be a non-negative finite number, got -1/);
  assert.throws(() => gradientDescent(e, [1], { eta: 0.1, recordEvery: 0 }), /options\.recordEvery must be an integer >= 1, got 0/);
  assert.throws(() => gradientDescent(e, [1], { eta: 0.1, stopOnEnergyIncrease: "no" as never }), {
    name: "TypeError",
    message: /options\.stopOnEnergyIncrease must be true or false, got "no"/,
  });
  assert.throws(() => gradientDescent(e, [1], { eta: 0.1, divergenceBound: 0 }), /options\.divergenceBound must be a positive finite number, got 0/);
  assert.throws(
    () => gradientDescent(e, [1], { eta: 0.1, energyIncreaseTolerance: NaN }),
    /options\.energyIncreaseTolerance must be a non-negative finite number, got NaN/,
  );
});

test("energyRises: the path indices where the recorded energy rose, counted once with the run's tolerance", () => {
  const run = gradientDescent(quadratic(1), [1], { eta: 2.5, stopOnEnergyIncrease: false, maxIterations: 8 });
  const rose = run.energies.map((e, i) => i).filter((i) => i > 0 && run.energies[i] > run.energies[i - 1]);
  assert.deepEqual(run.energyRises, rose);
  assert.deepEqual(run.energyRises, [1, 2, 3, 4, 5, 6, 7, 8]);
  assert.equal(run.energyIncreases, run.energyRises.length);
  // A stable run has none; and the run's own tolerance decides what counts.
  assert.deepEqual(gradientDescent(quadratic(1), [1], { eta: 0.5 }).energyRises, []);
  const loose = gradientDescent(quadratic(1), [1], { eta: 2.5, stopOnEnergyIncrease: false, maxIterations: 8, energyIncreaseTolerance: 2 });
  assert.deepEqual(loose.energyRises, [], "E_{t+1} = 2.25 E_t: a rise of 1.25 E_t is below 2 max(1, E_t)");
});

test("with recordEvery, every step where E rose is still kept in the path, and energyRises points at it", () => {
  // eta = 2.5, k = 1: x_t = (-1.5)^t; every step rises, so every step is kept despite recordEvery 3.
  const rising = gradientDescent(quadratic(1), [1], { eta: 2.5, stopOnEnergyIncrease: false, maxIterations: 7, recordEvery: 3 });
  assert.deepEqual(rising.times, [0, 1, 2, 3, 4, 5, 6, 7]);
  assert.deepEqual(rising.energyRises, [1, 2, 3, 4, 5, 6, 7]);
  for (const i of rising.energyRises) assert.ok(rising.energies[i] > rising.energies[i - 1]);
  // A falling run keeps only every third step (and the last).
  const falling = gradientDescent(quadratic(1), [1], { eta: 0.5, maxIterations: 7, recordEvery: 3 });
  assert.deepEqual(falling.times, [0, 3, 6, 7]);
  assert.deepEqual(falling.energyRises, []);
});

test("gradientDescent options: unknown names refused with a suggestion; maxIterations bounded by the work budget", () => {
  assert.throws(() => gradientDescent(quadratic(1), [1], { eta: 0.1, maxIteration: 5 } as never), {
    name: "RangeError",
    message: /^gradientDescent: options\.maxIteration is not an option \(did you mean maxIterations\?\); the options are eta, maxIterations, /,
  });
  assert.throws(() => gradientDescent(quadratic(1), [1], { eta: 0.1, maxIterations: 1e9 }), /^RangeError: gradientDescent: options.maxIterations \(one gradient and one energy evaluation each\) = 1e\+9 is above the work budget/);
  const run = gradientDescent(quadratic(1), [1], { eta: 0.1, maxIterations: 1e9, maxWork: 1e9 });
  assert.equal(run.reason, "converged");
  const bowl = quadratic(1);
  assert.equal(gradientDescent(bowl, [1], { eta: 0.1 }).energyName, bowl.name, "the run names the energy it descended");
});

test("Mueller-Brown from (0.3, 0.3) with eta = 1e-4 converges on minimum B by the gradient rule", () => {
  const mb = muellerBrown();
  const b = mb.knownMinima!.find((m) => m.label === "B")!;
  const run = gradientDescent(mb, [0.3, 0.3], { eta: 1e-4 });
  assert.equal(run.reason, "converged");
  assert.equal(run.converged, true);
  assert.ok(run.gradientNorm <= 1e-8, `|grad E| = ${run.gradientNorm}`);
  run.final.forEach((v, i) => assert.ok(Math.abs(v - b.x[i]) < 1e-9, `final ${run.final} vs B ${b.x}`));
  assert.ok(Math.abs(run.finalEnergy - b.energy) < 1e-9);
  assert.equal(run.energyIncreases, 0);
});

test("scale-aware convergence: a run whose gradient noise is above the tolerance ends converged once it stops moving", () => {
  // Mueller-Brown times 1e6: at B the rounding noise of grad E is about 1e-7, above the default
  // tolerance 1e-8, so |grad E| never gets there; the iterates settle on a floating-point fixed
  // point or cycle next to B instead. Before the resting rule this ran to max-iterations.
  const mb = muellerBrown();
  const b = mb.knownMinima!.find((m) => m.label === "B")!;
  const scale = 1e6;
  const big = energyFromFunction((x) => scale * mb.value(x), {
    dimension: 2,
    name: "Mueller-Brown x 1e6",
    gradient: (x, _w, g) => {
      const inner = mb.gradient(Float64Array.from(x));
      g[0] = scale * inner[0];
      g[1] = scale * inner[1];
    },
  });
  const run = gradientDescent(big, [0.3, 0.3], { eta: 1e-4 / scale });
  assert.equal(run.reason, "converged");
  assert.ok(run.iterations < 1000, `${run.iterations} iterations`);
  assert.ok(run.gradientNorm > 1e-8, "the gradient rule did not stop it: the resting rule did");
  run.final.forEach((v, i) => assert.ok(Math.abs(v - b.x[i]) < 1e-9, `final ${run.final} vs B ${b.x}`));
  // It stopped because the state is back where it had been: the final point is an earlier one.
  assert.ok(run.path.slice(0, -1).some((p) => p[0] === run.final[0] && p[1] === run.final[1]));

  // A bowl far from the origin: x* = 1e9 + 0.05 is no double, |grad E| stays near 7e-8 at the
  // nearest ones, and each step is below half an ulp: x_{t+1} = x_t.
  const far = energyFromFunction((x) => (x[0] - 1e9 - 0.05) ** 2 / 2, { gradient: (x, _w, g) => void (g[0] = x[0] - 1e9 - 0.05) });
  const stuck = gradientDescent(far, [1e9 + 3], { eta: 0.5 });
  assert.equal(stuck.reason, "converged");
  assert.ok(stuck.gradientNorm > 1e-8);
  assert.ok(Math.abs(stuck.final[0] - (1e9 + 0.05)) < 1e-6);
  // tolerance 0 still means: run until another rule stops it.
  const full = gradientDescent(far, [1e9 + 3], { eta: 0.5, tolerance: 0, maxIterations: 200 });
  assert.equal(full.reason, "max-iterations");
  assert.equal(full.iterations, 200);
  assert.deepEqual(full.final, stuck.final);
});
