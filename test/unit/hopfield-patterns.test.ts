import { test } from "node:test";
import assert from "node:assert/strict";
import { corruptPattern, overlap, partialPattern, randomPatterns } from "../../src/hopfield/patterns";

test("overlap: (1/N) sum a_i b_i = 1 - 2 d / N for +-1 states", () => {
  assert.equal(overlap([1, 1, -1, -1], [1, -1, -1, -1]), 0.5);
  assert.equal(overlap([1, -1, 1], [1, -1, 1]), 1);
  assert.equal(overlap([1, -1, 1], [-1, 1, -1]), -1);
  assert.equal(overlap([0.5, 2], [2, 0.25]), 0.75);
  assert.throws(() => overlap([1, 1], [1]), { name: "RangeError", message: /^overlap: b must be an array of 2 numbers like a, got \[1\] \(length 1\)$/ });
  assert.throws(() => overlap([], []), { name: "RangeError", message: /^overlap: a must be an array of at least 1 finite number, got \[\]$/ });
  assert.throws(() => overlap([1, NaN], [1, 1]), { name: "RangeError", message: /^overlap: a\[1\] must be a finite number, got NaN$/ });
});

test("randomPatterns: shape, values +-1, balance near 1/2, determinism and nesting", () => {
  const patterns = randomPatterns(20, 500, { seed: 11 });
  assert.equal(patterns.length, 20);
  let plus = 0;
  for (const p of patterns) {
    assert.equal(p.length, 500);
    for (const v of p) {
      assert.ok(v === 1 || v === -1);
      if (v === 1) plus++;
    }
  }
  // 10^4 fair coins: the fraction of +1 is within 4 standard deviations (0.02) of 1/2.
  assert.ok(Math.abs(plus / 10000 - 0.5) < 0.02, `fraction ${plus / 10000}`);
  // Independent patterns have overlaps of order 1/sqrt(N) = 0.045.
  assert.ok(Math.abs(overlap(patterns[0], patterns[1])) < 0.2);
  assert.deepEqual(randomPatterns(20, 500, { seed: 11 }), patterns);
  assert.notDeepEqual(randomPatterns(20, 500, { seed: 12 }), patterns);
  // Pattern mu has its own stream: asking for fewer patterns gives the first ones unchanged.
  assert.deepEqual(randomPatterns(3, 500, { seed: 11 }), patterns.slice(0, 3));
  assert.throws(() => randomPatterns(0, 5, { seed: 1 }), { name: "RangeError", message: /^randomPatterns: count must be an integer in \[1, 1000000\], got 0$/ });
  assert.throws(() => randomPatterns(2, 1.5, { seed: 1 }), { name: "RangeError", message: /^randomPatterns: size must be an integer/ });
  assert.throws(() => randomPatterns(2, 5, undefined as never), { name: "TypeError", message: /^randomPatterns: options must be an options object/ });
  assert.throws(() => randomPatterns(2, 5, {} as never), { name: "TypeError", message: /^randomPatterns: options.seed must be a finite number or a non-empty string/ });
  assert.throws(() => randomPatterns(2, 5, 1 as never), { name: "TypeError", message: /^randomPatterns: options must be an options object/ });
  assert.throws(() => randomPatterns(2, 5, { seed: 1, sed: 2 } as never), { name: "RangeError", message: /^randomPatterns: options.sed is not an option \(did you mean seed\?\)/ });
  // count x size values: 1e6 patterns of 1e6 units is refused at once.
  assert.throws(() => randomPatterns(1e6, 1e6, { seed: 1 }), { name: "RangeError", message: /^randomPatterns: count x size = 1e\+12 is above the work budget/ });
});

test("corruptPattern: flips exactly k distinct units, overlap 1 - 2k/N; does not mutate", () => {
  const pattern = Object.freeze(randomPatterns(1, 200, { seed: "corrupt" })[0]);
  const noisy = corruptPattern(pattern, { flipFraction: 0.1, seed: 4 });
  assert.equal(noisy.filter((v, i) => v !== pattern[i]).length, 20);
  assert.ok(Math.abs(overlap(noisy, pattern) - 0.8) < 1e-15);
  assert.equal(corruptPattern(pattern, { flips: 7, seed: 4 }).filter((v, i) => v !== pattern[i]).length, 7);
  assert.deepEqual(corruptPattern(pattern, { flips: 0, seed: 4 }), [...pattern]);
  assert.deepEqual(corruptPattern(pattern, { flips: 200, seed: 4 }), pattern.map((v) => -v));
  assert.deepEqual(corruptPattern(pattern, { flipFraction: 0.1, seed: 4 }), noisy);
  assert.notDeepEqual(corruptPattern(pattern, { flipFraction: 0.1, seed: 5 }), noisy);
  // The doc example.
  assert.equal(overlap(corruptPattern([1, 1, 1, 1, 1, 1, 1, 1, 1, 1], { flips: 2, seed: 1 }), [1, 1, 1, 1, 1, 1, 1, 1, 1, 1]), 0.6);
});

test("corruptPattern: rejects bad options", () => {
  assert.throws(() => corruptPattern([1, -1], { seed: 1 }), {
    name: "RangeError",
    message: /^corruptPattern: options must be an object with exactly one of flipFraction and flips, got an object \(flipFraction undefined, flips undefined\)$/,
  });
  assert.throws(() => corruptPattern([1, -1], { flips: 1, flipFraction: 0.5, seed: 1 }), { name: "RangeError", message: /exactly one of flipFraction and flips/ });
  assert.throws(() => corruptPattern([1, -1], { flips: 3, seed: 1 }), { name: "RangeError", message: /^corruptPattern: options.flips must be an integer in \[0, 2\], got 3$/ });
  assert.throws(() => corruptPattern([1, -1], { flipFraction: 1.5, seed: 1 }), { name: "RangeError", message: /^corruptPattern: options.flipFraction must be a number in \[0, 1\], got 1.5$/ });
  assert.throws(() => corruptPattern([1, -1], { flips: 1 } as never), { name: "TypeError", message: /^corruptPattern: options.seed must be a finite number or a non-empty string/ });
  assert.throws(() => corruptPattern([1, 2], { flips: 1, seed: 1 }), { name: "RangeError", message: /^corruptPattern: pattern\[1\] must be \+1 or -1, got 2$/ });
  assert.throws(() => corruptPattern([1, -1], { flip: 1, seed: 1 } as never), { name: "RangeError", message: /^corruptPattern: options.flip is not an option \(did you mean flips\?\)/ });
  assert.throws(() => corruptPattern([1, -1], undefined as never), { name: "TypeError", message: /^corruptPattern: options must be an options object/ });
});

test("partialPattern: a mask keeps the known units; fixed or random fill", () => {
  assert.deepEqual(partialPattern([1, 1, -1, -1], { mask: [true, true, false, false], fill: 1 }), [1, 1, 1, 1]);
  assert.deepEqual(partialPattern([1, 1, -1, -1], { mask: [1, 0, 1, 0], fill: -1 }), [1, -1, -1, -1]);
  const pattern = Object.freeze(randomPatterns(1, 400, { seed: "partial" })[0]);
  const mask = pattern.map((_, i) => i < 200);
  const cue = partialPattern(pattern, { mask, seed: 8 });
  for (let i = 0; i < 200; i++) assert.equal(cue[i], pattern[i]);
  // The 200 random units agree with the pattern about half the time: overlap near 1/2.
  assert.ok(Math.abs(overlap(cue, pattern) - 0.5) < 0.15);
  assert.deepEqual(partialPattern(pattern, { mask, seed: 8 }), cue);
});

test("partialPattern: keepFraction keeps exactly round(f N) random units", () => {
  const pattern = new Array(100).fill(1);
  const cue = partialPattern(pattern, { keepFraction: 0.3, fill: -1, seed: 2 });
  assert.equal(cue.filter((v) => v === 1).length, 30);
  assert.deepEqual(partialPattern(pattern, { keepFraction: 0.3, fill: -1, seed: 2 }), cue);
  assert.notDeepEqual(partialPattern(pattern, { keepFraction: 0.3, fill: -1, seed: 3 }), cue);
});

test("partialPattern: rejects bad options", () => {
  assert.throws(() => partialPattern([1, -1], { mask: [true, false] }), { name: "TypeError", message: /^partialPattern: options.seed must be a finite number or a non-empty string/ });
  assert.throws(() => partialPattern([1, -1], { mask: [true], fill: 1 }), {
    name: "RangeError",
    message: /^partialPattern: options.mask must be an array of 2 booleans \(one per unit\), got \[true\] \(length 1\)$/,
  });
  assert.throws(() => partialPattern([1, -1], { mask: [true, "x" as never], fill: 1 }), { name: "TypeError", message: /^partialPattern: options.mask\[1\] must be true, false, 1 or 0, got "x"$/ });
  assert.throws(() => partialPattern([1, -1], { fill: 0 as never, mask: [true, true] }), { name: "RangeError", message: /^partialPattern: options.fill must be "random", 1 or -1, got 0$/ });
  assert.throws(() => partialPattern([1, -1], { fill: 1 }), { name: "RangeError", message: /exactly one of keepFraction and mask/ });
  assert.throws(() => partialPattern([1, -1], { keepFraction: 2, seed: 1 }), { name: "RangeError", message: /^partialPattern: options.keepFraction must be a number in \[0, 1\], got 2$/ });
  assert.throws(() => partialPattern([1, -1], { keepfraction: 0.5, seed: 1 } as never), { name: "RangeError", message: /^partialPattern: options.keepfraction is not an option \(did you mean keepFraction\?\); the options are keepFraction, mask, fill, seed$/ });
});
