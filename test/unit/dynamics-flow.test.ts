import { test } from "node:test";
import assert from "node:assert/strict";
import seedrandom from "seedrandom";
import { energyFromFunction } from "../../src/energy/fromFunction";
import { gradientFlow } from "../../src/dynamics/flow";
import { muellerBrown } from "../../src/landscapes";

const quadratic = (k: number) =>
  energyFromFunction((x) => (k * x[0] ** 2) / 2, { gradient: (x, _w, g) => void (g[0] = k * x[0]) });
const doubleWell = energyFromFunction((x) => (x[0] ** 2 - 1) ** 2, {
  gradient: (x, _w, g) => void (g[0] = 4 * x[0] * (x[0] ** 2 - 1)),
});
const twoWell2D = energyFromFunction((x) => (x[0] ** 2 - 1) ** 2 + x[1] ** 2, {
  dimension: 2,
  gradient: (x, _w, g) => {
    g[0] = 4 * x[0] * (x[0] ** 2 - 1);
    g[1] = 2 * x[1];
  },
});
// (a x^2 + b y^2) / 2 with a = 1, b = 10.
const bowl2D = energyFromFunction((x) => (x[0] ** 2 + 10 * x[1] ** 2) / 2, {
  dimension: 2,
  gradient: (x, _w, g) => {
    g[0] = x[0];
    g[1] = 10 * x[1];
  },
});

test("on E = k x^2 / 2 the flow matches x(t) = x_0 e^{-k t} to 1e-6 (Dormand-Prince and RK4)", () => {
  // Closed form of dx/dt = -k x.
  for (const k of [0.5, 1, 3]) {
    for (const method of ["dormand-prince", "rk4"] as const) {
      const x0 = 2;
      const run = gradientFlow(quadratic(k), [x0], { duration: 3, tolerance: 0, method, step: 0.01 });
      assert.equal(run.reason, "max-iterations");
      assert.equal(run.method, method);
      assert.equal(run.times[run.times.length - 1], 3);
      run.path.forEach((p, i) => {
        const exact = x0 * Math.exp(-k * run.times[i]);
        assert.ok(Math.abs(p[0] - exact) < 1e-6, `${method}, k = ${k}, t = ${run.times[i]}: ${p[0]} vs ${exact}`);
      });
    }
  }
});

test("on an anisotropic 2D bowl each coordinate decays at its own rate", () => {
  // Closed form: x(t) = x0 e^{-t}, y(t) = y0 e^{-10 t}.
  const run = gradientFlow(bowl2D, [1, -1], { duration: 2, tolerance: 0 });
  run.path.forEach((p, i) => {
    const t = run.times[i];
    assert.ok(Math.abs(p[0] - Math.exp(-t)) < 1e-6);
    assert.ok(Math.abs(p[1] + Math.exp(-10 * t)) < 1e-6);
  });
});

test("on the double well the flow matches the logistic closed form of x(t)^2", () => {
  // With u = x^2: du/dt = 2 x dx/dt = -8 u (u - 1), a logistic equation, so
  // u(t) = 1 / (1 + (1/u_0 - 1) e^{-8 t}) and x(t) = sign(x_0) sqrt(u(t)).
  for (const x0 of [0.1, 0.5, -0.3, 1.7]) {
    const run = gradientFlow(doubleWell, [x0], { duration: 1.5, tolerance: 0 });
    run.path.forEach((p, i) => {
      const u = 1 / (1 + (1 / x0 ** 2 - 1) * Math.exp(-8 * run.times[i]));
      assert.ok(Math.abs(p[0] - Math.sign(x0) * Math.sqrt(u)) < 1e-6, `x0 = ${x0}, t = ${run.times[i]}`);
    });
  }
});

test("energy never rises along the flow (dE/dt = -|grad E|^2), over many seeded starts", () => {
  const random = seedrandom("dynamics-flow-lyapunov");
  for (const energy of [doubleWell, twoWell2D, bowl2D]) {
    for (let s = 0; s < 40; s++) {
      const start = Array.from({ length: energy.dimension }, () => 4 * random() - 2);
      const run = gradientFlow(energy, start, { duration: 30 }); // the slowest rate is 1 (bowl, x): e^{-30} is enough
      assert.equal(run.reason, "converged", `from ${start}`);
      assert.equal(run.energyIncreases, 0);
      for (let i = 1; i < run.energies.length; i++) {
        assert.ok(run.energies[i] <= run.energies[i - 1], `${energy.name} from ${start}: E rose at t = ${run.times[i]}`);
        assert.ok(run.times[i] > run.times[i - 1]);
      }
    }
  }
});

test("the flow converges into the well on its side and says so", () => {
  const run = gradientFlow(twoWell2D, [-0.2, 1.5], { duration: 100, tolerance: 1e-9 });
  assert.equal(run.reason, "converged");
  assert.equal(run.converged, true);
  assert.ok(run.gradientNorm <= 1e-9);
  assert.ok(Math.abs(run.final[0] + 1) < 1e-9 && Math.abs(run.final[1]) < 1e-9);
  assert.ok(run.times[run.times.length - 1] < 100);
  assert.equal(run.finalEnergy, run.energies[run.energies.length - 1]);
});

test("the step cap stops the run early with max-iterations; rk4 takes duration / step steps", () => {
  const capped = gradientFlow(doubleWell, [0.5], { duration: 10, maxSteps: 5, tolerance: 0 });
  assert.equal(capped.reason, "max-iterations");
  assert.ok(capped.times[capped.times.length - 1] < 10);
  assert.ok(capped.iterations + capped.rejectedSteps <= 5);
  const fixed = gradientFlow(quadratic(1), [1], { duration: 1, method: "rk4", step: 0.125, tolerance: 0 });
  assert.equal(fixed.iterations, 8);
  assert.deepEqual(fixed.times, [0, 0.125, 0.25, 0.375, 0.5, 0.625, 0.75, 0.875, 1]);
  assert.equal(fixed.rejectedSteps, 0);
});

test("a flow that blows up in finite time is reported as diverged", () => {
  // E = -x^4 / 4: dx/dt = x^3, x(t) = x0 / sqrt(1 - 2 x0^2 t), infinite at t = 1/(2 x0^2) = 0.5.
  const cliff = energyFromFunction((x) => -(x[0] ** 4) / 4, { gradient: (x, _w, g) => void (g[0] = -(x[0] ** 3)) });
  const run = gradientFlow(cliff, [1], { duration: 1 });
  assert.equal(run.reason, "diverged");
  assert.ok(run.times[run.times.length - 1] < 0.5 + 1e-6); // the numerical blow-up time is within the tolerance of 0.5
  assert.ok(run.path.every((p) => Number.isFinite(p[0])));
});

test("recordEvery thins the path; the end is always kept", () => {
  const all = gradientFlow(quadratic(1), [1], { duration: 1, method: "rk4", step: 0.1, tolerance: 0 });
  const thin = gradientFlow(quadratic(1), [1], { duration: 1, method: "rk4", step: 0.1, tolerance: 0, recordEvery: 4 });
  assert.equal(all.path.length, 11);
  assert.deepEqual(thin.times, [0, all.times[4], all.times[8], 1]);
  assert.deepEqual(thin.final, all.final);
});

test("inputs are not mutated and the same call gives identical numbers", () => {
  const start = Object.freeze([0.4, 0.3]);
  const options = Object.freeze({ duration: 2 });
  const a = gradientFlow(twoWell2D, start, options);
  assert.deepEqual(gradientFlow(twoWell2D, start, options), a);
  assert.deepEqual(start, [0.4, 0.3]);
  assert.deepEqual(JSON.parse(JSON.stringify(a)), a);
});

test("validation: every bad input gets a clear error", () => {
  const e = doubleWell;
  assert.throws(() => gradientFlow(e, [1], { duration: 0 }), {
    name: "RangeError",
    message: /^gradientFlow: options\.duration must be a positive finite number, got 0$/,
  });
  assert.throws(() => gradientFlow(e, [1], { duration: NaN }), /options\.duration must be a positive finite number, got NaN/);
  assert.throws(() => gradientFlow(e, [1], { duration: Infinity }), /options\.duration must be a positive finite number, got Infinity/);
  assert.throws(() => gradientFlow(e, [1], {} as never), {
    name: "TypeError",
    message: /options\.duration must be a positive finite number, got undefined/,
  });
  assert.throws(() => gradientFlow(e, [1], { duration: 1, method: "euler" as never }), {
    name: "RangeError",
    message: /^gradientFlow: options\.method must be "dormand-prince" or "rk4", got "euler"$/,
  });
  assert.throws(() => gradientFlow(e, [1, 2], { duration: 1 }), /^RangeError: gradientFlow: start must be a point of dimension 1, got \[1, 2\] \(dimension 2\)$/);
  const log = energyFromFunction((x) => Math.log(x[0]), { gradient: (x, _w, g) => void (g[0] = 1 / x[0]) });
  assert.throws(() => gradientFlow(log, [0], { duration: 1 }), {
    name: "RangeError",
    message: /^gradientFlow: energy "custom energy" has a value that is not finite at the starting point x = \[0\]: E = -Infinity$/,
  });
  assert.throws(() => gradientFlow(e, [1], { duration: 1, relativeTolerance: 0 }), /options\.relativeTolerance must be a positive finite number, got 0/);
  assert.throws(() => gradientFlow(e, [1], { duration: 1, absoluteTolerance: -1 }), /options\.absoluteTolerance must be a positive finite number, got -1/);
  assert.throws(() => gradientFlow(e, [1], { duration: 1, initialStep: 0 }), /options\.initialStep must be a positive finite number, got 0/);
  assert.throws(() => gradientFlow(e, [1], { duration: 1, step: -0.1 }), /options\.step must be a positive finite number, got -0\.1/);
  assert.throws(() => gradientFlow(e, [1], { duration: 1, maxSteps: 0 }), /options\.maxSteps must be an integer >= 1, got 0/);
  assert.throws(() => gradientFlow(e, [1], { duration: 1, tolerance: NaN }), /options\.tolerance must be a non-negative finite number, got NaN/);
  assert.throws(() => gradientFlow(e, [1], { duration: 1, recordEvery: 0.5 }), /options\.recordEvery must be an integer >= 1, got 0\.5/);
  assert.throws(() => gradientFlow(e, [1], { duration: 1, divergenceBound: -5 }), /options\.divergenceBound must be a positive finite number, got -5/);
  assert.throws(() => gradientFlow(e, [1], 7 as never), /^TypeError: gradientFlow: options must be an options object, got 7$/);
  assert.throws(() => gradientFlow(e, [1], { duration: 1, tolerence: 1e-6 } as never), {
    name: "RangeError",
    message: /^gradientFlow: options\.tolerence is not an option \(did you mean tolerance\?\)/,
  });
  assert.throws(() => gradientFlow(e, [1], { duration: 1, maxSteps: 1e9 }), {
    name: "RangeError",
    message: /^gradientFlow: 6 x options\.maxSteps \(gradient evaluations\) = 6e\+9 is above the work budget of 2e\+8 steps; ask for less, or pass \{ maxWork: 6\.0e\+9 \}/,
  });
  assert.throws(() => gradientFlow(null as never, [1], { duration: 1 }), {
    name: "TypeError",
    message: /^gradientFlow: energy must be an Energy \(from energyFromFormula, energyFromFunction or a landscape such as doubleWell\(\)\), got null$/,
  });
});

test("convergence is scale-aware: on Mueller-Brown (|H| in the thousands) the flow that rests on minimum B reports converged", () => {
  const mb = muellerBrown();
  const run = gradientFlow(mb, [0.3, 0.3], { duration: 10 });
  assert.equal(run.reason, "converged");
  assert.equal(run.converged, true);
  const b = mb.knownMinima[1].x;
  assert.ok(Math.hypot(run.final[0] - b[0], run.final[1] - b[1]) < 1e-8, `ended at ${run.final}`);
  assert.ok(run.times[run.times.length - 1] < 1, "stopped long before the duration");
  // tolerance 0 still integrates to the full duration.
  const full = gradientFlow(mb, [0.3, 0.3], { duration: 0.5, tolerance: 0 });
  assert.equal(full.reason, "max-iterations");
  assert.equal(full.times[full.times.length - 1], 0.5);
});
