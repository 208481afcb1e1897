// The README's table of the public surface names every export of the library, and its count
// is the true one: a new public function cannot land undocumented.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import * as ebm from "../../src";

const readme = fs.readFileSync(path.join(__dirname, "../../README.md"), "utf8");

test("README's public-surface table names every export, and the count matches", () => {
  const names = Object.keys(ebm);
  const missing = names.filter((name) => !readme.includes("`" + name + "`"));
  assert.deepEqual(missing, [], `exports missing from README.md's table: ${missing.join(", ")}`);
  const stated = /The public surface, by folder \((\d+) names/.exec(readme);
  assert.ok(stated, "README.md states the number of public names");
  assert.equal(Number(stated[1]), names.length, "README.md's count of public names");
});
