// Every exercise of every workbook, through the registry (src/workbook/exercises/index.ts): so a
// topic's exercises are covered the day they are added. For each exercise: its cases are
// deterministic, the library's reference passes its own check, every known mistake fails it and
// is recognised by its own hint, and the learner's usual accidents (the stub, a throw, NaN,
// undefined, the wrong type, the wrong shape) give a friendly verdict, never an exception.
import { test } from "node:test";
import assert from "node:assert/strict";
import { EXERCISES, exercisesOf, workbookNames } from "../../src/workbook/exercises";
import { evaluate, STUB_LINE } from "../../src/workbook/check";
import { VERDICT_MARKS } from "../../src/workbook/format";
import { isArrayOrTyped } from "../../src/workbook/compare";
import type { Exercise, Verdict } from "../../src/workbook/types";
import { figureBundle } from "../../src";

/** A verdict must never carry a stack trace ("    at f (file:line)"). */
function assertFriendly(verdict: Verdict, what: string): void {
  assert.doesNotMatch(verdict.message, /\n\s+at .+\(.*:\d+:\d+\)/, `${what}: the verdict shows a stack trace`);
  assert.ok(verdict.message.startsWith(VERDICT_MARKS[verdict.status]), `${what}: the verdict starts with its mark: ${verdict.message}`);
}

/** A wrong answer of the right kind but the wrong shape, or undefined when the shape has none. */
function wrongShape(exercise: Exercise): unknown {
  const { args } = exercise.cases()[0];
  const reference = exercise.reference(...args);
  if (exercise.shape.kind === "vector" && isArrayOrTyped(reference)) return Array.from(reference).slice(0, -1).concat(reference.length < 2 ? [0, 0] : []);
  if (exercise.shape.kind === "matrix" && isArrayOrTyped(reference)) return Array.from(reference).slice(0, -1);
  return undefined;
}

test("the registry: unique ids, workbook names NN-workbook-TOPIC, 3 to 5 exercises per workbook", () => {
  const ids = EXERCISES.map((e) => e.id);
  assert.deepEqual(ids.filter((id, i) => ids.indexOf(id) !== i), [], "duplicate exercise ids");
  for (const id of ids) assert.match(id, /^[a-z][a-z0-9-]*$/, `id ${id}: lower-case words joined by -`);
  for (const name of workbookNames()) {
    assert.match(name, /^0[1-9]-workbook-[a-z]+$/);
    const count = exercisesOf(name).length;
    assert.ok(count >= 3 && count <= 5, `${name} has ${count} exercises (3 to 5 expected)`);
  }
});

for (const exercise of EXERCISES) {
  test(`${exercise.workbook} / ${exercise.id}`, async (t) => {
    await t.test("its cases are deterministic and there is at least one", () => {
      const first = exercise.cases();
      const second = exercise.cases();
      assert.ok(first.length >= 1);
      assert.deepEqual(first.map((c) => c.label), second.map((c) => c.label));
      for (let i = 0; i < first.length; i++) {
        // JSON of the args (functions drop out): the same numbers both times.
        assert.equal(JSON.stringify(first[i].args), JSON.stringify(second[i].args), `case ${i} differs between two calls`);
      }
    });

    await t.test("the reference passes its own check", () => {
      const verdict = evaluate(exercise, exercise.reference);
      assert.equal(verdict.status, "pass", verdict.message);
      assert.ok(verdict.message.includes(exercise.verified));
    });

    for (const mistake of exercise.mistakes) {
      await t.test(`the mistake "${mistake.name}" fails and is recognised by its own hint`, () => {
        const verdict = evaluate(exercise, mistake.implementation);
        assert.notEqual(verdict.status, "pass", `"${mistake.name}" passes the check: it never differs from the reference on the cases`);
        assertFriendly(verdict, mistake.name);
        assert.equal(verdict.mistake, mistake.name, `recognised as "${verdict.mistake}" instead:\n${verdict.message}`);
        assert.ok(verdict.message.includes(mistake.hint));
      });
    }

    await t.test("the student stub gives 'not done yet'", () => {
      const verdict = evaluate(exercise, () => {
        throw new Error("not done yet");
      });
      assert.equal(verdict.status, "not-done");
      assert.ok(verdict.message.includes(STUB_LINE));
      assertFriendly(verdict, "stub");
    });

    await t.test("a throw, NaN, undefined, the wrong type and the wrong shape give friendly verdicts", () => {
      const accidents: [string, (...args: unknown[]) => unknown][] = [
        ["a TypeError", () => (undefined as unknown as { x: number }).x],
        ["NaN", () => NaN],
        ["undefined", () => undefined],
        ["the wrong type", () => (exercise.shape.kind === "string" ? 42 : "forty-two")],
        ["an object", () => ({ answer: 1 })],
      ];
      const shaped = wrongShape(exercise);
      if (shaped !== undefined) accidents.push(["the wrong shape", () => shaped]);
      for (const [what, learner] of accidents) {
        const verdict = evaluate(exercise, learner);
        assert.ok(verdict.status === "error" || verdict.status === "fail", `${what}: status ${verdict.status}\n${verdict.message}`);
        assertFriendly(verdict, what);
        assert.ok(verdict.failingCase, `${what}: the verdict names the failing case`);
        assert.ok(verdict.message.includes(verdict.failingCase.label));
      }
    });

    if (exercise.figure) {
      await t.test("its picture of the reference is a valid figure", () => {
        assert.doesNotThrow(() => figureBundle(exercise.figure!(exercise.reference)));
      });
    }
  });
}
