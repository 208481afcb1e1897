// muellerBrown: the Mueller-Brown potential against the values published for it.
import { test } from "node:test";
import assert from "node:assert/strict";
import { muellerBrown } from "../../src/landscapes/muellerBrown";

// Müller & Brown (1979), Theor. Chim. Acta 53, 75, as tabulated in the literature that uses the
// surface: minima and saddle points with coordinates to 3 decimals and energies to 2.
const MINIMA = [
  { label: "A", x: -0.558, y: 1.442, energy: -146.7 },
  { label: "B", x: 0.623, y: 0.028, energy: -108.17 },
  { label: "C", x: -0.05, y: 0.467, energy: -80.77 },
];
const SADDLES = [
  { label: "A-C saddle", x: -0.822, y: 0.624, energy: -40.66 },
  { label: "C-B saddle", x: 0.212, y: 0.293, energy: -72.25 },
];

function matchesPrinted(found: { x: readonly number[]; energy: number; label?: string }, printed: (typeof MINIMA)[number]) {
  assert.equal(found.label, printed.label);
  // Rounded to the printed digits: |error| <= half a unit in the last place.
  assert.ok(Math.abs(found.x[0] - printed.x) <= 0.0005, `${printed.label} x: ${found.x[0]}`);
  assert.ok(Math.abs(found.x[1] - printed.y) <= 0.0005, `${printed.label} y: ${found.x[1]}`);
  assert.ok(Math.abs(found.energy - printed.energy) <= 0.005, `${printed.label} E: ${found.energy}`);
}

test("the three minima match the literature to the printed digits", () => {
  const mb = muellerBrown();
  assert.equal(mb.knownMinima.length, 3);
  mb.knownMinima.forEach((m, i) => matchesPrinted(m, MINIMA[i]));
});

test("the two saddles match the literature and are saddles (zero gradient, Hessian with det < 0)", () => {
  const mb = muellerBrown();
  mb.saddlePoints.forEach((s, i) => {
    matchesPrinted(s, SADDLES[i]);
    assert.ok(Math.hypot(...mb.gradient(s.x)) < 1e-10);
    const h = 1e-5;
    const gx = [mb.gradient([s.x[0] + h, s.x[1]]), mb.gradient([s.x[0] - h, s.x[1]])];
    const gy = [mb.gradient([s.x[0], s.x[1] + h]), mb.gradient([s.x[0], s.x[1] - h])];
    const hxx = (gx[0][0] - gx[1][0]) / (2 * h);
    const hyy = (gy[0][1] - gy[1][1]) / (2 * h);
    const hxy = (gx[0][1] - gx[1][1]) / (2 * h);
    assert.ok(hxx * hyy - hxy * hxy < 0, `${s.label} is a saddle`);
  });
});

test("values at hand-computed points", () => {
  const mb = muellerBrown();
  // At (0, 0): -200 e^-1 - 100 e^-2.5 - 170 e^(-6.5*0.25 - 11*0.75 - 6.5*2.25) + 15 e^(0.7 - 0.6 + 0.7).
  const expected = -200 * Math.exp(-1) - 100 * Math.exp(-2.5) - 170 * Math.exp(-1.625 - 8.25 - 14.625) + 15 * Math.exp(0.8);
  assert.ok(Math.abs(mb.value([0, 0]) - expected) < 1e-12);
  assert.ok(Math.abs(mb.value([0, 0]) - -48.40127417318389) < 1e-12);
  assert.deepEqual(mb.parameters, {});
  assert.equal(mb.withParameters({}), mb);
});
