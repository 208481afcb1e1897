// show() on Deno's Jupyter kernel (issue 16): inside `deno jupyter`, `Deno.jupyter.broadcast` is
// the display channel; show() must send through it the same display_data message it sends on
// tslab. Here a recorder stands in for Deno's namespace; test/kernel/show.test.ts runs the real
// kernel.
import { test } from "node:test";
import assert from "node:assert/strict";
import { figureBundle, show } from "../../src/plot/show";
import { landscapeFigure } from "../../src/plot/landscape";
import { doubleWellEnergy } from "./plot-fixtures";

type Global = { Deno?: unknown };

/** Runs `body` with `globalThis.Deno` set to `deno`, then removes it again. */
function withDeno<T>(deno: unknown, body: () => T): T {
  const g = globalThis as Global;
  assert.equal(g.Deno, undefined, "this test runs on Node, where there is no Deno global");
  g.Deno = deno;
  try {
    return body();
  } finally {
    delete g.Deno;
  }
}

test("show() on Deno broadcasts ONE display_data with the bundle and its metadata", () => {
  const messages: { type: string; content: any }[] = [];
  const fig = landscapeFigure(doubleWellEnergy());
  const deno = { jupyter: { broadcast: (type: string, content: unknown) => void messages.push({ type, content }) } };
  assert.equal(
    withDeno(deno, () => show(fig)),
    undefined,
  );
  assert.equal(messages.length, 1);
  assert.equal(messages[0].type, "display_data");
  // The same content tslab's writer receives (see plot-show.test.ts): bundle, metadata, no transient.
  assert.deepEqual(messages[0].content, { ...figureBundle(fig), transient: {} });
});

test("show() on Deno outside `deno jupyter` (Deno.jupyter throws there) explains itself", () => {
  const deno = {
    get jupyter(): never {
      throw new Error("Deno.jupyter is only available in `deno jupyter` subcommand");
    },
  };
  assert.throws(
    () => withDeno(deno, () => show(landscapeFigure(doubleWellEnergy()))),
    /^Error: show: no tslab display channel and no Deno\.jupyter: show\(\) must be called from a tslab notebook cell or a Deno one/,
  );
});

test("show() on Deno checks the figure before it looks for the kernel", () => {
  const messages: unknown[] = [];
  const deno = { jupyter: { broadcast: (...args: unknown[]) => void messages.push(args) } };
  assert.throws(() => withDeno(deno, () => show({} as never)), /^TypeError: show: figure.data must be an array of traces/);
  assert.equal(messages.length, 0);
});
