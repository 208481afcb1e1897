import { test } from "node:test";
import assert from "node:assert/strict";
import { hessian } from "../../src/energy/hessian";
import { energyFromFormula } from "../../src/energy/fromFormula";
import { energyFromFunction } from "../../src/energy/fromFunction";
import { doubleWell, muellerBrown, quadraticBowl } from "../../src/landscapes";
import { createRandom } from "../../src/sampling/random";

const closeMatrix = (got: number[][], want: number[][], relative: number, what: string) => {
  const scale = Math.max(1, ...want.flat().map(Math.abs));
  got.forEach((row, i) => row.forEach((v, j) => assert.ok(Math.abs(v - want[i][j]) <= relative * scale, `${what}: H[${i}][${j}] = ${v}, want ${want[i][j]}`)));
};

/**
 * The exact Hessian of the Mueller-Brown potential (Müller & Brown 1979, Theor. Chim. Acta 53:75):
 * E = sum_k A_k exp(u_k), u_k = a_k dx^2 + b_k dx dy + c_k dy^2, so with u_x = 2 a dx + b dy and
 * u_y = b dx + 2 c dy: E_xx = sum A e^u (u_x^2 + 2a), E_xy = sum A e^u (u_x u_y + b),
 * E_yy = sum A e^u (u_y^2 + 2c).
 */
function muellerBrownHessian([x, y]: number[]): number[][] {
  const A = [-200, -100, -170, 15];
  const a = [-1, -1, -6.5, 0.7];
  const b = [0, 0, 11, 0.6];
  const c = [-10, -10, -6.5, 0.7];
  const x0 = [1, 0, -0.5, -1];
  const y0 = [0, 0.5, 1.5, 1];
  let xx = 0;
  let xy = 0;
  let yy = 0;
  for (let k = 0; k < 4; k++) {
    const dx = x - x0[k];
    const dy = y - y0[k];
    const term = A[k] * Math.exp(a[k] * dx * dx + b[k] * dx * dy + c[k] * dy * dy);
    const ux = 2 * a[k] * dx + b[k] * dy;
    const uy = b[k] * dx + 2 * c[k] * dy;
    xx += term * (ux * ux + 2 * a[k]);
    xy += term * (ux * uy + b[k]);
    yy += term * (uy * uy + 2 * c[k]);
  }
  return [[xx, xy], [xy, yy]];
}

test("hessian: closed forms for catalogue and formula energies (exact or symbolic gradients)", () => {
  // Double well (x^2 - 1)^2: E'' = 12 x^2 - 4.
  for (const x of [-1.3, -1, 0, 0.5, 2]) closeMatrix(hessian(doubleWell(), [x]), [[12 * x * x - 4]], 1e-8, `double well at ${x}`);
  // A formula with every kind of term: E = x^2 y + sin(x y) + exp(y).
  const mixed = energyFromFormula("x^2 * y + sin(x * y) + exp(y)", { variables: ["x", "y"] });
  const exact = ([x, y]: number[]) => [
    [2 * y - y * y * Math.sin(x * y), 2 * x + Math.cos(x * y) - x * y * Math.sin(x * y)],
    [2 * x + Math.cos(x * y) - x * y * Math.sin(x * y), -x * x * Math.sin(x * y) + Math.exp(y)],
  ];
  const random = createRandom(8);
  for (let k = 0; k < 20; k++) {
    const point = [4 * random.next() - 2, 4 * random.next() - 2];
    closeMatrix(hessian(mixed, point), exact(point), 1e-7, `formula at ${point}`);
    closeMatrix(hessian(muellerBrown(), point.map((v) => v / 2 + 0.5)), muellerBrownHessian(point.map((v) => v / 2 + 0.5)), 1e-7, `Mueller-Brown at ${point}`);
  }
});

test("hessian: energies without a gradient use second differences of the values", () => {
  // E = x^4 + x y + sin(y): H = [[12 x^2, 1], [1, -sin y]].
  const noGradient = energyFromFunction((p) => p[0] ** 4 + p[0] * p[1] + Math.sin(p[1]), { dimension: 2 });
  assert.equal(noGradient.gradientKind, "central-difference");
  closeMatrix(hessian(noGradient, [1.5, 0.7]), [[27, 1], [1, -Math.sin(0.7)]], 1e-6, "value differences");
});

test("hessian: the curvature behind stability and basins (invariants)", () => {
  // A minimum has a positive definite Hessian; each catalogued Mueller-Brown minimum does.
  for (const m of muellerBrown().knownMinima!) {
    const [[p, q], [, r]] = hessian(muellerBrown(), m.x);
    assert.ok(p > 0 && p * r - q * q > 0, `${m.label}: det = ${p * r - q * q}`);
  }
  // A quadratic bowl has a constant Hessian, the same everywhere, and always symmetric.
  const bowl = quadraticBowl();
  const here = hessian(bowl, [0.3, -0.2]);
  closeMatrix(hessian(bowl, [5, 7]), here, 1e-8, "bowl");
  assert.equal(here[0][1], here[1][0]);
  // The input point is not changed.
  const point = Object.freeze([0.1, 0.2]);
  hessian(bowl, point);
  assert.deepEqual(point, [0.1, 0.2]);
});

test("hessian checks its input", () => {
  assert.throws(() => hessian({} as never, [0]), /^TypeError: hessian: energy must be an Energy/);
  assert.throws(() => hessian(doubleWell(), [0, 1]), /^RangeError: hessian: x must be a point of dimension 1, got \[0, 1\] \(dimension 2\)$/);
  assert.throws(() => hessian(doubleWell(), [NaN]), /^RangeError: hessian: x\[0\] must be a finite number, got NaN$/);
  assert.throws(() => hessian(doubleWell(), [0], { step: 0 }), /^RangeError: hessian: options.step must be a number in \(0, 0.1\], got 0$/);
  assert.throws(() => hessian(doubleWell(), [0], { step: "1" as never }), /^TypeError: hessian: options.step must be a number in \(0, 0.1\], got "1"$/);
  const log = energyFromFormula("log(x)", { variables: ["x"] });
  assert.throws(() => hessian(log, [-1]), /^RangeError: hessian: energy "log\(x\)" has a value that is not finite at the point x = \[-1\]: E = NaN$/);
  // sqrt(x) at 0: the value is finite, the gradient 1 / (2 sqrt(x)) is not.
  const edge = energyFromFormula("sqrt(x)", { variables: ["x"] });
  assert.throws(() => hessian(edge, [0]), /^RangeError: hessian: energy "sqrt\(x\)" has a gradient that is not finite at the point x = \[0\]: dE\/dx = Infinity$/);
  // Finite at x = 1e-7, but the difference reaches x - h < 0, where sqrt is not defined.
  assert.throws(() => hessian(edge, [1e-7]), /^RangeError: hessian: the Hessian of energy "sqrt\(x\)" is not finite at x = \[1e-7\]: H\[0\]\[0\] = NaN \(is E smooth there\?\)$/);
});
