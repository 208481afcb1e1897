// Workbook 04's checks (src/workbook/exercises/bonus.ts, bonus-dimple.ts): the dimple classifier
// against energies whose minima are known in closed form, and the robustness of the cases
// (every raindrop start away from a basin boundary, every depth away from the threshold).
import { test } from "node:test";
import assert from "node:assert/strict";
import { gradientDescent } from "../../src/dynamics";
import { exerciseById } from "../../src/workbook/exercises";
import { saturdayPad } from "../../src/workbook/exercises/bonus";
import { classifyDimple, gaussianDimple, hasMinimumNear } from "../../src/workbook/exercises/bonus-dimple";
import type { Energy } from "../../src/types";
import type { LilyPadEnergy } from "../../src/landscapes";

test("hasMinimumNear: a bowl (x - 1)^2 + (y + 0.5)^2 has its minimum at (1, -0.5), and only there", () => {
  const bowl = (p: number[]) => (p[0] - 1) ** 2 + (p[1] + 0.5) ** 2;
  assert.equal(hasMinimumNear(bowl, [1.1, -0.45]), true); // 0.11 from the minimum: inside 0.15
  assert.equal(hasMinimumNear(bowl, [1.2, -0.5]), false); // 0.2 away: the rim's low side is lower
  assert.equal(hasMinimumNear((p) => p[0], [0, 0]), false); // a slope has no minimum
});

test("classifyDimple: a Gaussian dimple is right; each mistake lands in its own class", () => {
  const pad = saturdayPad();
  const at = [-1.5, -1.2];
  assert.equal(classifyDimple(gaussianDimple(pad, at, 1, 0.35), pad, at), "right");
  // The minimum of pad + dimple: 0.069 from the centre, close to the estimate c a w^2 / d = 0.071.
  const pressed = pad.withDimple({ x: at[0], y: at[1], depth: 1, width: 0.35 });
  const low = pressed.knownMinima.find((m) => m.label === "dimple 2")!;
  assert.ok(Math.abs(Math.hypot(low.x[0] - at[0], low.x[1] - at[1]) - 0.3 * Math.hypot(...at) * 0.35 ** 2) < 0.005);
  assert.equal(classifyDimple(gaussianDimple(pad, at, -1, 0.35), pad, at), "bump");
  assert.equal(classifyDimple(gaussianDimple(pad, [at[1], at[0]], 1, 0.35), pad, at), "wrong place");
  assert.equal(classifyDimple(gaussianDimple(pad, at, 1, 1), pad, at), "too wide");
  assert.equal(classifyDimple(gaussianDimple(pad, at, 0.1, 0.35), pad, at), "no minimum");
  assert.equal(classifyDimple((p: number[]) => gaussianDimple(pad, at, 1, 0.35)(p) - pad.value(p), pad, at), "no pad");
  assert.equal(classifyDimple(() => Number.NaN, pad, at), "not an energy");
  assert.equal(classifyDimple(42, pad, at), "not an energy");
  // The unchanged pad has no minimum at the target (so doing nothing cannot pass).
  assert.equal(classifyDimple((p: number[]) => pad.value(p), pad, at), "no minimum");
});

test("raindrop cases: every start ends in the same place for eta 0.02 to 0.15, and 0.1 away too", () => {
  const exercise = exerciseById("catches-raindrop")!;
  for (const { label, args } of exercise.cases()) {
    const [pad, start] = args as [Energy, number[]];
    const end = (s: number[], eta: number) => gradientDescent(pad, s, { eta, maxIterations: 20000 }).final;
    const reference = end(start, 0.1);
    for (const eta of [0.02, 0.05, 0.15]) assert.ok(Math.hypot(end(start, eta)[0] - reference[0], end(start, eta)[1] - reference[1]) < 1e-3, `${label}, eta ${eta}`);
    for (const [dx, dy] of [[0.1, 0], [-0.1, 0], [0, 0.1], [0, -0.1]]) {
      const nudged = end([start[0] + dx, start[1] + dy], 0.1);
      assert.ok(Math.hypot(nudged[0] - reference[0], nudged[1] - reference[1]) < 1e-3, `${label}, nudged by (${dx}, ${dy})`);
    }
  }
});

test("dimple depth cases: the answer is the same 10% deeper and 10% shallower", () => {
  const exercise = exerciseById("holds-drop")!;
  const cases = exercise.cases();
  const answers = cases.map(({ args }) => exercise.reference(...args));
  assert.deepEqual(answers, [true, false, true, false, false, true]);
  for (const { label, args } of cases) {
    const [pad, dimple] = args as [LilyPadEnergy, { x: number; y: number; depth: number; width: number }];
    const answer = exercise.reference(pad, dimple);
    for (const factor of [0.9, 1.1]) assert.equal(exercise.reference(pad, { ...dimple, depth: dimple.depth * factor }), answer, `${label} x ${factor}`);
  }
});
