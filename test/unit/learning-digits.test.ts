// The committed digits file: provenance (checksum of the scikit-learn 1.9.1 copy), count, shape,
// value range and label counts (reference: data/digits/README.md and scikit-learn's DESCR).
import { test } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { digits, DIGITS_FILE } from "../../src/learning/digits";

test("the data file is the scikit-learn 1.9.1 copy, byte for byte", () => {
  assert.equal(DIGITS_FILE, path.resolve(__dirname, "../../data/digits/digits.csv.gz"));
  const sha = createHash("sha256").update(readFileSync(DIGITS_FILE)).digest("hex");
  assert.equal(sha, "09f66e6debdee2cd2b5ae59e0d6abbb73fc2b0e0185d2e1957e9ebb51e23aa22");
});

test("1797 images of 8 x 8 counts 0..16, labels 0..9 with the documented counts", () => {
  const set = digits();
  assert.equal(set.count, 1797);
  assert.ok(set.images.every((row) => row.length === 64 && row.every((x) => Number.isInteger(x) && x >= 0 && x <= 16)));
  assert.equal(Math.max(...set.images.flat()), 16);
  const counts = new Array(10).fill(0);
  for (const label of set.labels) counts[label]++;
  assert.deepEqual(counts, [178, 182, 177, 183, 181, 182, 181, 179, 174, 180]);
  // The first image, a zero (scikit-learn's load_digits().data[0]).
  assert.deepEqual(set.images[0].slice(0, 16), [0, 0, 5, 13, 9, 1, 0, 0, 0, 0, 13, 15, 10, 15, 5, 0]);
  const binary = digits({ binarize: true });
  assert.ok(binary.images.every((row) => row.every((x) => x === 0 || x === 1)));
  assert.deepEqual(binary.images[0].slice(0, 8), [0, 0, 0, 1, 1, 0, 0, 0]);
  assert.deepEqual(digits({ binarize: 1 }).images[0].slice(0, 8), [0, 0, 1, 1, 1, 1, 0, 0]);
});

test("dist/ finds the same file (data/ sits beside dist/ and src/)", () => {
  const built = path.resolve(__dirname, "../../dist/learning/digits.js");
  assert.equal(path.resolve(path.dirname(built), "..", "..", "data", "digits", "digits.csv.gz"), DIGITS_FILE);
});
