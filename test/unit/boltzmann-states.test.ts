import { test } from "node:test";
import assert from "node:assert/strict";
import { stateFromIndex, stateIndex } from "../../src/hopfield/boltzmannStates";

test("stateIndex: index = sum_i [s_i = +1] 2^i, unit 0 the lowest bit", () => {
  assert.equal(stateIndex([1, -1, 1]), 5);
  assert.equal(stateIndex([-1, -1, -1]), 0);
  assert.equal(stateIndex([1, -1, -1]), 1);
  assert.equal(stateIndex([-1, -1, 1]), 4);
  assert.equal(stateIndex([1, 1, 1, 1]), 15);
  assert.equal(stateIndex(new Array(52).fill(1)), 2 ** 52 - 1);
});

test("stateFromIndex inverts stateIndex for every state of 1 to 8 units", () => {
  assert.deepEqual(stateFromIndex(5, 3), [1, -1, 1]);
  for (let n = 1; n <= 8; n++) {
    for (let k = 0; k < 2 ** n; k++) assert.equal(stateIndex(stateFromIndex(k, n)), k);
  }
  assert.deepEqual(stateFromIndex(2 ** 40 + 1, 41), [1, ...new Array(39).fill(-1), 1]);
});

test("state numbering: rejects bad input", () => {
  assert.throws(() => stateIndex([1, 0]), { name: "RangeError", message: /^stateIndex: s\[1\] must be \+1 or -1, got 0$/ });
  assert.throws(() => stateIndex([]), { name: "RangeError", message: /^stateIndex: s must be a non-empty array of \+1\/-1 values, got \[\]$/ });
  assert.throws(() => stateIndex(new Array(53).fill(1)), { name: "RangeError", message: /^stateIndex: s must be a state of at most 52 units, got .* \(length 53\)$/ });
  assert.throws(() => stateFromIndex(8, 3), { name: "RangeError", message: /^stateFromIndex: index must be an integer in \[0, 7\], got 8$/ });
  assert.throws(() => stateFromIndex(1.5, 3), { name: "RangeError", message: /^stateFromIndex: index must be an integer in \[0, 7\], got 1.5$/ });
  assert.throws(() => stateFromIndex(0, 0), { name: "RangeError", message: /^stateFromIndex: N must be an integer in \[1, 52\], got 0$/ });
});
