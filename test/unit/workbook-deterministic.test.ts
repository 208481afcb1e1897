// Workbook 02's exercises (src/workbook/exercises/deterministic.ts): their references against
// closed forms on the quadratic bowl, and the safe step against gradient descent itself. The
// generic checks (the reference passes, each mistake is caught with its own hint) are in
// workbook-exercises.test.ts.
import { test } from "node:test";
import assert from "node:assert/strict";
import { deterministicExercises } from "../../src/workbook/exercises/deterministic";
import { energyFromFunction, gradientDescent } from "../../src";

const byId = (id: string) => {
  const exercise = deterministicExercises.find((e) => e.id === id);
  assert.ok(exercise, `exercise ${id} exists`);
  return exercise;
};

test("workbook 02: four exercises, smallest first, all in 02-workbook-deterministic", () => {
  assert.deepEqual(deterministicExercises.map((e) => e.id), ["gradient-step", "descent-loop", "lyapunov-check", "safe-step"]);
  for (const e of deterministicExercises) assert.equal(e.workbook, "02-workbook-deterministic");
});

test("gradient-step: on the bowl k = [1, 4] the step is (x - eta x, y - 4 eta y) exactly", () => {
  const step = byId("gradient-step");
  const bowlCase = step.cases()[3]; // [2, 1], eta 0.1 on the bowl k = [1, 4]
  // Closed form: grad E = (x, 4 y), so the step is (2 - 0.2, 1 - 0.4).
  const got = step.reference(...bowlCase.args) as number[];
  assert.ok(Math.abs(got[0] - 1.8) < 1e-15 && Math.abs(got[1] - 0.6) < 1e-15, `got ${got}`);
});

test("descent-loop: on the bowl the path is x_t = (0.9^t * 2, 0.6^t) and stops at the first small gradient", () => {
  const loop = byId("descent-loop");
  const [energy, start, eta, tolerance, maxIterations] = loop.cases()[2].args as [never, number[], number, number, number];
  assert.deepEqual(start, [2, 1]);
  const path = loop.reference(energy, start, eta, tolerance, maxIterations) as number[][];
  // Closed form (E = (x^2 + 4 y^2) / 2, eta = 0.1): x_t = 0.9^t * 2, y_t = 0.6^t, and
  // |grad E(x_t)| = sqrt(x_t^2 + 16 y_t^2); the run stops at the first t where it is <= 1e-3.
  let stop = 0;
  while (Math.hypot(2 * 0.9 ** stop, 4 * 0.6 ** stop) > tolerance) stop++;
  assert.equal(path.length, stop + 1);
  path.forEach((p, t) => {
    assert.ok(Math.abs(p[0] - 2 * 0.9 ** t) < 1e-12 && Math.abs(p[1] - 0.6 ** t) < 1e-12, `step ${t}: ${p}`);
  });
  // The start at the minimum and maxIterations = 0 give the start alone.
  assert.deepEqual(loop.reference(...loop.cases()[4].args), [[0, 0]]);
  assert.deepEqual(loop.reference(...loop.cases()[5].args), [[0.5]]);
});

test("lyapunov-check: the references on the test paths, from closed forms", () => {
  const lyapunov = byId("lyapunov-check");
  const cases = lyapunov.cases();
  // Small steps on the two memories: E never rises (the descent lemma, eta = 0.1 < 2 / L).
  assert.deepEqual(lyapunov.reference(...cases[0].args), []);
  // The bowl k = [1, 4] with eta = 0.6: y_t = (1 - 2.4)^t grows, E_t = (0.4^(2t) + 4 * 1.96^t) / 2 rises every step.
  assert.deepEqual(lyapunov.reference(...cases[2].args), [1, 2, 3, 4, 5, 6, 7, 8]);
  // A rise of 1e-16 is no rise with tolerance 1e-12, and is one with tolerance 0.
  assert.deepEqual(lyapunov.reference(...cases[3].args), []);
  assert.deepEqual(lyapunov.reference(...cases[4].args), [1]);
  // High up (E about 5e5): a rise of 1e-7 is 2e-13 of E, below the relative tolerance 1e-12.
  assert.deepEqual(lyapunov.reference(...cases[5].args), []);
});

test("safe-step: 2 / lambda_max in closed form, and gradient descent converges just below it and not just above", () => {
  const safe = byId("safe-step");
  const expected = [0.5, 0.5, 2 / 3, 1 / 3, 0.5]; // eigenvalues 4, 4, 3, 6, 4 (closed form of each 2 x 2)
  safe.cases().forEach((c, k) => {
    const h = c.args[0] as number[][];
    const eta = safe.reference(h) as number;
    assert.ok(Math.abs(eta - expected[k]) < 1e-15, `${c.label}: ${eta}`);
    const bowl = energyFromFunction((x) => 0.5 * (h[0][0] * x[0] ** 2 + 2 * h[0][1] * x[0] * x[1] + h[1][1] * x[1] ** 2), {
      dimension: 2,
      gradient: (x, _w, g) => {
        g[0] = h[0][0] * x[0] + h[0][1] * x[1];
        g[1] = h[0][1] * x[0] + h[1][1] * x[1];
      },
    });
    const options = { maxIterations: 4000, tolerance: 1e-8, stopOnEnergyIncrease: false };
    const below = gradientDescent(bowl, [1, 0.7], { ...options, eta: 0.98 * eta });
    const above = gradientDescent(bowl, [1, 0.7], { ...options, eta: 1.02 * eta });
    assert.equal(below.reason, "converged", `${c.label}: below the limit`);
    assert.notEqual(above.reason, "converged", `${c.label}: above the limit`);
    assert.ok(above.energyIncreases > 0, `${c.label}: above the limit the energy rises`);
  });
});
