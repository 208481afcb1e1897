// twoMemories: two Gaussian wells of different widths in a gentle bowl, and the boundary between them.
import { test } from "node:test";
import assert from "node:assert/strict";
import { twoMemories } from "../../src/landscapes/twoMemories";

/** E'' by central differences of the exact gradient. */
function curvature(energy: ReturnType<typeof twoMemories>, x: number): number {
  const h = 1e-5;
  return (energy.gradient([x + h])[0] - energy.gradient([x - h])[0]) / (2 * h);
}

/** Local minima of E sampled on a uniform grid (an independent scan, no derivatives). */
function scannedMinima(energy: ReturnType<typeof twoMemories>, count: number): number[] {
  const [lo] = energy.domain.lower;
  const [hi] = energy.domain.upper;
  const xs = Array.from({ length: count + 1 }, (_, i) => lo + ((hi - lo) * i) / count);
  const es = xs.map((x) => energy.value([x]));
  return xs.filter((_, i) => i > 0 && i < count && es[i] < es[i - 1] && es[i] < es[i + 1]);
}

test("two memories, A left and narrow, B right and wide, with the basin boundary between them", () => {
  const memories = twoMemories();
  const [a, b] = memories.knownMinima;
  assert.equal(a.label, "memory A");
  assert.equal(b.label, "memory B");
  assert.ok(a.x[0] < memories.basinBoundary && memories.basinBoundary < b.x[0]);
  assert.ok(curvature(memories, a.x[0]) > 3 * curvature(memories, b.x[0]), "A's well is the narrow one");
  // The boundary is the barrier top: E' = 0 there and E'' < 0.
  assert.ok(Math.abs(memories.gradient([memories.basinBoundary])[0]) < 1e-14);
  assert.ok(curvature(memories, memories.basinBoundary) < 0);
  assert.equal(memories.barrierEnergy, memories.value([memories.basinBoundary]));
  assert.ok(memories.barrierEnergy > a.energy && memories.barrierEnergy > b.energy);
});

test("the minima agree with an independent grid scan of E (no other minima in the domain)", () => {
  for (const memories of [twoMemories(), twoMemories({ depthA: 2, widthB: 1.5, confinement: 0.05 })]) {
    const scanned = scannedMinima(memories, 100_000);
    const spacing = (memories.domain.upper[0] - memories.domain.lower[0]) / 100_000;
    assert.equal(scanned.length, 2);
    scanned.forEach((x, i) => assert.ok(Math.abs(x - memories.knownMinima[i].x[0]) <= spacing));
  }
});

test("Newton with the hand-derived E'' polishes the stored minima by less than 1e-14", () => {
  // E'' = c + sum_k d_k / w_k^2 (1 - (x - m_k)^2 / w_k^2) exp(-(x - m_k)^2 / (2 w_k^2)).
  const memories = twoMemories();
  const p = memories.parameters;
  const second = (x: number) =>
    p.confinement +
    [[p.centerA, p.widthA, p.depthA], [p.centerB, p.widthB, p.depthB]].reduce((s, [m, w, d]) => {
      const u = (x - m) / w;
      return s + (d / (w * w)) * (1 - u * u) * Math.exp(-u * u / 2);
    }, 0);
  for (const m of memories.knownMinima) {
    const x = m.x[0];
    const step = memories.gradient([x])[0] / second(x);
    assert.ok(Math.abs(step) < 1e-14, `${m.label}: Newton step ${step}`);
  }
});

test("a deeper memory A keeps its label and moves the boundary; the original is unchanged", () => {
  const memories = twoMemories();
  const deeper = memories.withParameters({ depthA: 3 });
  assert.ok(deeper.knownMinima[0].energy < memories.knownMinima[0].energy - 1.5);
  assert.notEqual(deeper.basinBoundary, memories.basinBoundary);
  assert.equal(memories.parameters.depthA, 1);
  assert.deepEqual(memories.parameters, { centerA: -1.5, widthA: 0.35, depthA: 1, centerB: 1, widthB: 1, depthB: 1, confinement: 0.1 });
});

test("options are checked at the door, including that they make exactly two memories", () => {
  assert.throws(() => twoMemories({ centerA: 1, centerB: 0 }), {
    name: "RangeError",
    message: "twoMemories: options.centerA must be less than options.centerB (memory A is the left one), got centerA = 1 and centerB = 0",
  });
  assert.throws(() => twoMemories().withParameters({ centerA: 5 }), {
    name: "RangeError",
    message: "withParameters: changes.centerA must be less than changes.centerB (memory A is the left one), got centerA = 5 and centerB = 1",
  });
  assert.throws(() => twoMemories({ centerA: -0.2, centerB: 0.2, widthA: 1 }), {
    name: "RangeError",
    message: /^twoMemories: these options make 1 minimum, not two \(centerA -0.2, .*\); make the wells deeper, narrower or further apart, or the confinement weaker$/,
  });
  assert.throws(() => twoMemories({ widthA: 0 }), { name: "RangeError", message: "twoMemories: options.widthA must be a positive finite number, got 0" });
  assert.throws(() => twoMemories({ widthA: 1e-5, widthB: 50 }), { name: "RangeError", message: /^twoMemories: the widths 0.00001 and 50 are too different/ });
  assert.throws(() => twoMemories({ memory: 1 } as unknown as object), { name: "RangeError", message: /^twoMemories: options.memory is not an option; the options are centerA, widthA/ });
  assert.equal(twoMemories({ widthA: undefined }).parameters.widthA, 0.35, "undefined means the default");
});
