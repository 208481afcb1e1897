// show() against the real tslab kernel (issue 4): ONE display_data output per figure, whose
// bundle holds the plotly JSON as an object, a self-contained text/html and a text/plain.
// show() goes through tslab's private lastWriteDisplayData (tslab is pinned exactly in
// package.json); this test is what tells us when a tslab upgrade breaks that route. On Deno's
// kernel (issue 16) show() goes through Deno.jupyter.broadcast, and the output must be the same.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const root = path.resolve(__dirname, "../..");
const python = path.join(root, ".venv/bin/python");

for (const kernel of ["tslab", "deno"]) test(`show() on ${kernel} sends one display_data with the plotly object, HTML and text`, () => {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), "ebm-show-"));
  const run = spawnSync(
    python,
    [
      path.join(root, "test/notebooks/run_notebooks.py"),
      ...["--kernel", kernel, "--jobs", "1", "--out", out],
      path.join(root, "test/notebooks/fixtures/show.ipynb"),
    ],
    { encoding: "utf8", timeout: 120_000 },
  );
  assert.equal(run.status, 0, run.stdout + run.stderr);
  const executed = JSON.parse(fs.readFileSync(path.join(out, "show.ipynb"), "utf8"));
  const outputs = executed.cells[1].outputs;
  assert.equal(outputs.length, 1, JSON.stringify(outputs).slice(0, 500));
  const [display] = outputs;
  assert.equal(display.output_type, "display_data");
  assert.deepEqual(Object.keys(display.data).sort(), ["application/vnd.plotly.v1+json", "text/html", "text/plain"]);
  const figure = display.data["application/vnd.plotly.v1+json"];
  assert.equal(typeof figure, "object", "the plotly figure must travel as a JSON object, not a string");
  assert.ok(Array.isArray(figure.data) && figure.data.length > 0);
  assert.equal(figure.layout.meta.kind, "landscape");
  const html = [display.data["text/html"]].flat().join("");
  assert.match(html, /Plotly\.newPlot/);
  assert.doesNotMatch(html, /https?:\/\//, "no network URL in the HTML");
  const text = [display.data["text/plain"]].flat().join("");
  assert.match(text, /double well/);
  assert.equal(display.metadata.ebm.kind, "landscape");
  fs.rmSync(out, { recursive: true, force: true });
});
