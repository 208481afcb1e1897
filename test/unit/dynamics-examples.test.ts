// Runs the @example of every doc comment in src/dynamics and src/gibbs and checks the value on its
// `// =>` line, so the examples cannot drift from the code (mathjs does the same in
// test/node-tests/doc.test.js). The examples are our own source, not user text.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import * as dynamics from "../../src/dynamics";
import * as gibbs from "../../src/gibbs";
import { energyFromFunction } from "../../src/energy/fromFunction";

const root = join(__dirname, "..", "..");
const scope: Record<string, unknown> = { ...dynamics, ...gibbs, energyFromFunction };

interface Example {
  file: string;
  code: string[];
  expected: string;
}

/** The @example blocks of a file: code lines up to a `// => value` line. */
function examplesOf(file: string): Example[] {
  const text = readFileSync(file, "utf8");
  const examples: Example[] = [];
  for (const block of text.match(/\/\*\*[\s\S]*?\*\//g) ?? []) {
    const lines = block.split("\n").map((l) => l.replace(/^\s*\/?\*+\/?\s?/, ""));
    const start = lines.findIndex((l) => l.startsWith("@example"));
    if (start < 0) continue;
    let code: string[] = [];
    for (const line of lines.slice(start + 1)) {
      if (line.startsWith("@")) break;
      const shown = line.match(/^\/\/ => (.*)$/);
      if (shown) {
        examples.push({ file, code, expected: shown[1] });
        code = [];
      } else if (line.trim() !== "") {
        code.push(line);
      }
    }
  }
  return examples;
}

/** Runs one example: all lines, with the last statement's value returned. */
function run(example: Example): unknown {
  const body = example.code.slice(0, -1).join("\n");
  const last = example.code[example.code.length - 1].replace(/\/\/.*$/, "").trim().replace(/;$/, "");
  const names = Object.keys(scope);
  return new Function(...names, `${body}\nreturn (${last});`)(...names.map((n) => scope[n]));
}

/** Checks every example under a folder; returns how many there were. */
function checkFolder(folder: string): number {
  const files = readdirSync(join(root, folder)).filter((f) => f.endsWith(".ts")).map((f) => join(root, folder, f));
  let count = 0;
  for (const example of files.flatMap(examplesOf)) {
    count++;
    const where = `${example.file}: ${example.code[example.code.length - 1]}`;
    const actual = run(example);
    const approx = example.expected.match(/^(\S+) \(to about ([0-9.e+-]+)\)$/);
    if (approx) {
      const [, value, tolerance] = approx;
      assert.ok(Math.abs((actual as number) - Number(value)) <= Number(tolerance), `${where}: ${actual} vs ${value}`);
    } else {
      assert.deepEqual(actual, JSON.parse(example.expected), where);
    }
  }
  return count;
}

test("every @example in src/dynamics runs and shows the value it claims", () => {
  assert.ok(checkFolder("src/dynamics") >= 5);
});

test("every @example in src/gibbs runs and shows the value it claims", () => {
  assert.ok(checkFolder("src/gibbs") >= 10);
});
