import { test } from "node:test";
import assert from "node:assert/strict";
import { logSumExp } from "../../src/gibbs/logsumexp";

test("agrees with the naive log(sum exp) where that does not overflow", () => {
  const values = [-3.2, 0.5, 1.7, -0.01, 4];
  const naive = Math.log(values.reduce((s, v) => s + Math.exp(v), 0));
  assert.ok(Math.abs(logSumExp(values) - naive) < 1e-15 * Math.abs(naive) + 1e-15);
  assert.equal(logSumExp([2]), 2);
  assert.equal(logSumExp([0, 0]), Math.LN2);
});

test("no overflow or underflow: a shift by c shifts the answer by c", () => {
  // log(e^a + e^a) = a + log 2 for any a.
  assert.equal(logSumExp([1000, 1000]), 1000 + Math.LN2);
  assert.equal(logSumExp([-1000, -1000]), -1000 + Math.LN2);
  assert.ok(Math.abs(logSumExp([1e5, 1e5 - 1]) - (1e5 + Math.log1p(Math.exp(-1)))) < 1e-10);
  assert.equal(logSumExp(Float64Array.of(-800, -Infinity)), -800);
});

test("-Infinity entries add nothing; all -Infinity gives -Infinity; +Infinity wins", () => {
  assert.equal(logSumExp([-Infinity, -Infinity]), -Infinity);
  assert.equal(logSumExp([-Infinity, 3]), 3);
  assert.equal(logSumExp([Infinity, 3]), Infinity);
});

test("the input is not mutated", () => {
  const values = Object.freeze([1, 2, 3]);
  logSumExp(values);
  assert.deepEqual(values, [1, 2, 3]);
});

test("validation: empty, NaN, wrong kinds", () => {
  assert.throws(() => logSumExp([]), { name: "RangeError", message: /^logSumExp: values must be a non-empty array of numbers, got \[\]$/ });
  assert.throws(() => logSumExp([1, NaN]), { name: "RangeError", message: /^logSumExp: values\[1\] must be a number \(not NaN\), got NaN$/ });
  assert.throws(() => logSumExp([1, "2"] as never), { name: "TypeError", message: /^logSumExp: values\[1\] must be a number, got "2"$/ });
  assert.throws(() => logSumExp(3 as never), { name: "TypeError", message: /^logSumExp: values must be an array of numbers, got 3$/ });
});
