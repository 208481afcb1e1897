// Every catalogue landscape (defaults and variants): exact gradient = central differences,
// known minima are minima, the formula string is honest, and everything is frozen.
import { test } from "node:test";
import assert from "node:assert/strict";
import seedrandom from "seedrandom";
import { energyFromFormula } from "../../src/energy/fromFormula";
import {
  doubleWell,
  landscapeCatalogue,
  lilyPad,
  muellerBrown,
  quadraticBowl,
  ruggedWell,
  tiltedDoubleWell,
  twoMemories,
  type LandscapeEnergy,
} from "../../src/landscapes";

const VARIANTS: [string, () => LandscapeEnergy][] = [
  ...Object.entries(landscapeCatalogue).map(([id, entry]) => [`${id}()`, entry.create] as [string, () => LandscapeEnergy]),
  ["doubleWell({ barrier: 3, position: 0.5 })", () => doubleWell({ barrier: 3, position: 0.5 })],
  ["doubleWell().withParameters({ barrier: 2 })", () => doubleWell().withParameters({ barrier: 2 })],
  ["tiltedDoubleWell({ tilt: -1.2 })", () => tiltedDoubleWell({ tilt: -1.2 })],
  ["tiltedDoubleWell({ tilt: 2 })", () => tiltedDoubleWell({ tilt: 2 })],
  ["twoMemories({ depthA: 2, widthB: 1.5, confinement: 0.05 })", () => twoMemories({ depthA: 2, widthB: 1.5, confinement: 0.05 })],
  ["ruggedWell({ curvature: 0.2, amplitude: 0.5, frequency: 3 })", () => ruggedWell({ curvature: 0.2, amplitude: 0.5, frequency: 3 })],
  ["quadraticBowl({ k: [1, 10], center: [1, -2] })", () => quadraticBowl({ k: [1, 10], center: [1, -2] })],
  [
    "lilyPad with three dimples",
    () =>
      lilyPad({
        curvature: 0.3,
        dimples: [{ x: 1, y: 1 }, { x: -1.2, y: 0.3, depth: 2, width: 0.6 }, { x: 0.4, y: -1.5, depth: 0.5, width: 0.3 }],
      }),
  ],
  ["lilyPad().withParameters({ depth1: 3 })", () => lilyPad().withParameters({ depth1: 3 })],
];

/** Five-point central difference of E along axis i: error O(h^4) plus rounding eps |E| / h. */
function fivePoint(energy: LandscapeEnergy, x: readonly number[], i: number): number {
  const h = 1e-3 * Math.max(1, Math.abs(x[i]));
  const at = (d: number) => energy.value(x.map((v, j) => (j === i ? v + d : v)));
  return (-at(2 * h) + 8 * at(h) - 8 * at(-h) + at(-2 * h)) / (12 * h);
}

/** Hessian by central differences of the exact gradient (h = 1e-5). */
function hessian(energy: LandscapeEnergy, x: readonly number[]): number[][] {
  const n = x.length;
  return x.map((_, j) => {
    const h = 1e-5 * Math.max(1, Math.abs(x[j]));
    const up = energy.gradient(x.map((v, k) => (k === j ? v + h : v)));
    const down = energy.gradient(x.map((v, k) => (k === j ? v - h : v)));
    return Array.from({ length: n }, (_, i) => (up[i] - down[i]) / (2 * h));
  });
}

function randomPointIn(energy: LandscapeEnergy, rng: () => number): number[] {
  return energy.domain.lower.map((lo, i) => lo + (energy.domain.upper[i] - lo) * rng());
}

for (const [label, make] of VARIANTS) {
  test(`${label}: the exact gradient equals the five-point central difference at 30 seeded points`, () => {
    const energy = make();
    const rng = seedrandom.alea(`gradient ${label}`);
    const out = new Float64Array(energy.dimension);
    for (let k = 0; k < 30; k++) {
      const x = randomPointIn(energy, rng);
      assert.equal(energy.gradient(x, out), out);
      const scale = 1 + Math.abs(energy.value(x));
      for (let i = 0; i < energy.dimension; i++) {
        const numeric = fivePoint(energy, x, i);
        assert.ok(Math.abs(out[i] - numeric) <= 1e-7 * (scale + Math.abs(numeric)), `${label}: dE/dx${i} at [${x}]: ${out[i]} vs ${numeric}`);
      }
    }
  });

  test(`${label}: known minima have zero gradient, a positive definite Hessian and the stated energy`, () => {
    const energy = make();
    assert.ok(energy.knownMinima.length >= 1);
    for (const m of energy.knownMinima) {
      const g = energy.gradient(m.x);
      const scale = 1 + Math.abs(m.energy);
      assert.ok(Math.hypot(...g) <= 1e-10 * scale, `${label} ${m.label}: |grad| = ${Math.hypot(...g)}`);
      assert.equal(m.energy, energy.value(m.x));
      const h = hessian(energy, m.x);
      if (energy.dimension === 1) assert.ok(h[0][0] > 0, `${label} ${m.label}: E'' = ${h[0][0]}`);
      else {
        const trace = h[0][0] + h[1][1];
        const det = h[0][0] * h[1][1] - h[0][1] * h[1][0];
        assert.ok(trace > 0 && det > 0, `${label} ${m.label}: Hessian ${JSON.stringify(h)}`);
      }
      m.x.forEach((v, i) => assert.ok(v > energy.domain.lower[i] && v < energy.domain.upper[i], `${label} ${m.label} inside the domain`));
    }
  });

  test(`${label}: its formula string gives the same values and gradient through energyFromFormula`, () => {
    const energy = make();
    const fromFormula = energyFromFormula(energy.formula, { variables: [...energy.variables], parameters: energy.parameters });
    const rng = seedrandom.alea(`formula ${label}`);
    for (let k = 0; k < 30; k++) {
      const x = randomPointIn(energy, rng);
      const exact = energy.value(x);
      assert.ok(Math.abs(fromFormula.value(x) - exact) <= 1e-12 * (1 + Math.abs(exact)), `${label} at [${x}]: ${fromFormula.value(x)} vs ${exact}`);
      const g = energy.gradient(x);
      const s = fromFormula.gradient(x);
      g.forEach((v, i) => assert.ok(Math.abs(s[i] - v) <= 1e-10 * (1 + Math.abs(v)), `${label} gradient at [${x}]`));
    }
  });

  test(`${label}: frozen, exact, named, with TeX`, () => {
    const energy = make();
    assert.equal(energy.gradientKind, "exact");
    assert.equal(energy.variables.length, energy.dimension);
    assert.ok(energy.name.length > 0 && energy.tex.startsWith("E("));
    for (const part of [energy, energy.parameters, energy.knownMinima, energy.domain, energy.domain.lower, ...energy.knownMinima, ...energy.knownMinima.map((m) => m.x)]) {
      assert.ok(Object.isFrozen(part));
    }
    assert.throws(() => energy.withParameters({ nope: 1 }), { name: "RangeError", message: /^withParameters: unknown parameter "nope" for / });
    const same = energy.withParameters({});
    assert.deepEqual(same.knownMinima, energy.knownMinima);
  });
}

for (const [label, make] of VARIANTS) {
  test(`${label}: its recipe rebuilds the same energy (as a worker thread would, from cloned arguments)`, () => {
    const energy = make();
    const recipe = energy.recipe!;
    assert.ok(Object.isFrozen(recipe));
    const factory = (require(recipe.module) as Record<string, (...args: unknown[]) => LandscapeEnergy>)[recipe.export];
    const rebuilt = factory(...structuredClone(recipe.args));
    assert.deepEqual(rebuilt.parameters, energy.parameters);
    assert.deepEqual(rebuilt.knownMinima, energy.knownMinima);
    const rng = seedrandom.alea(`recipe ${label}`);
    for (let k = 0; k < 10; k++) {
      const x = randomPointIn(energy, rng);
      assert.equal(rebuilt.value(x), energy.value(x));
    }
  });
}

test("the catalogue lists each landscape once, with its id, title, dimension and a one-line description", () => {
  assert.deepEqual(Object.keys(landscapeCatalogue), ["doubleWell", "tiltedDoubleWell", "twoMemories", "ruggedWell", "quadraticBowl", "lilyPad", "muellerBrown"]);
  for (const [key, entry] of Object.entries(landscapeCatalogue)) {
    assert.equal(entry.id, key);
    assert.equal(entry.create().dimension, entry.dimension);
    assert.equal(entry.create().name, entry.title);
    assert.ok(entry.description.length > 20 && !entry.description.includes("\n"));
  }
  assert.ok(Object.isFrozen(landscapeCatalogue));
  assert.equal(muellerBrown(), muellerBrown(), "one Mueller-Brown energy, computed once");
});
