import { test } from "node:test";
import assert from "node:assert/strict";
import { LETTER_FONT_LETTERS, letterPatterns } from "../../src/hopfield/letters";
import { overlap } from "../../src/hopfield/patterns";

/** Renders a pattern as text rows, "#" for +1. */
function render(p: number[], width: number): string[] {
  const rows: string[] = [];
  for (let r = 0; r < p.length / width; r++) rows.push(p.slice(r * width, (r + 1) * width).map((v) => (v > 0 ? "#" : ".")).join(""));
  return rows;
}

test("letterPatterns: 7 x 7 glyphs, +1 ink and -1 background, row-major from the top left", () => {
  const { letters, width, height, patterns } = letterPatterns("TL");
  assert.deepEqual(letters, ["T", "L"]);
  assert.equal(width, 7);
  assert.equal(height, 7);
  assert.deepEqual(patterns[0].slice(0, 7), [1, 1, 1, 1, 1, 1, 1]);
  // The drawing itself (reference: the glyphs as designed).
  assert.deepEqual(render(patterns[0], 7), ["#######", "...#...", "...#...", "...#...", "...#...", "...#...", "...#..."]);
  assert.deepEqual(render(patterns[1], 7), ["#......", "#......", "#......", "#......", "#......", "#......", "#######"]);
  assert.deepEqual(render(letterPatterns(["X"]).patterns[0], 7), ["#.....#", ".#...#.", "..#.#..", "...#...", "..#.#..", ".#...#.", "#.....#"]);
});

test("letterPatterns: all 26 capitals are distinct +-1 patterns; the brief's letters are there", () => {
  assert.equal(LETTER_FONT_LETTERS, "ABCDEFGHIJKLMNOPQRSTUVWXYZ");
  const { patterns } = letterPatterns(LETTER_FONT_LETTERS);
  const seen = new Set(patterns.map((p) => p.join(",")));
  assert.equal(seen.size, 26);
  for (const p of patterns) {
    assert.equal(p.length, 49);
    assert.ok(p.every((v) => v === 1 || v === -1));
    // Every glyph has some ink and some background.
    const ink = p.filter((v) => v === 1).length;
    assert.ok(ink >= 7 && ink <= 30, `ink ${ink}`);
  }
  // Pairwise overlaps as stated in the doc comment: from -0.35 to 0.88 (C and O).
  let lowest = 1;
  let highest = -1;
  for (let a = 0; a < 26; a++) {
    for (let b = a + 1; b < 26; b++) {
      const m = overlap(patterns[a], patterns[b]);
      lowest = Math.min(lowest, m);
      highest = Math.max(highest, m);
    }
  }
  assert.ok(Math.abs(lowest - -17 / 49) < 1e-12, `lowest ${lowest}`);
  assert.ok(Math.abs(highest - 43 / 49) < 1e-12, `highest ${highest}`);
  assert.equal(overlap(letterPatterns("C").patterns[0], letterPatterns("O").patterns[0]), 43 / 49);
});

test("letterPatterns: scale blows each pixel up into a block", () => {
  const big = letterPatterns("A", { scale: 2 });
  assert.equal(big.width, 14);
  assert.equal(big.patterns[0].length, 196);
  const small = letterPatterns("A").patterns[0];
  for (let r = 0; r < 14; r++) {
    for (let c = 0; c < 14; c++) assert.equal(big.patterns[0][r * 14 + c], small[Math.floor(r / 2) * 7 + Math.floor(c / 2)]);
  }
});

test("letterPatterns: rejects unknown letters and bad options", () => {
  assert.throws(() => letterPatterns("a"), { name: "RangeError", message: /^letterPatterns: letters\[0\] must be one of the capitals ABCDEFGHIJKLMNOPQRSTUVWXYZ, got "a"$/ });
  assert.throws(() => letterPatterns(["A", "BC"]), { name: "RangeError", message: /^letterPatterns: letters\[1\] must be one of the capitals/ });
  assert.throws(() => letterPatterns(""), { name: "RangeError", message: /^letterPatterns: letters must be at least one letter, got ""$/ });
  assert.throws(() => letterPatterns(5 as never), { name: "TypeError", message: /^letterPatterns: letters must be a string such as "ABC" or an array of letters, got 5$/ });
  assert.throws(() => letterPatterns("A", { scale: 0 }), { name: "RangeError", message: /^letterPatterns: options.scale must be an integer in \[1, 8\], got 0$/ });
  assert.throws(() => letterPatterns("A", { scal: 2 } as never), { name: "RangeError", message: /^letterPatterns: options.scal is not an option \(did you mean scale\?\)/ });
  assert.throws(() => letterPatterns("A".repeat(1001)), { name: "RangeError", message: /^letterPatterns: letters must be at most 1000 letters, got .* \(1001 letters\)$/ });
});
