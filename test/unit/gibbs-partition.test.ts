import { test } from "node:test";
import assert from "node:assert/strict";
import { energyFromFunction } from "../../src/energy/fromFunction";
import { logPartition } from "../../src/gibbs/partition";
import { gibbsDensity } from "../../src/gibbs/density";

const quadratic = (k: number) => energyFromFunction((x) => (k * x[0] ** 2) / 2);
const doubleWell = energyFromFunction((x) => (x[0] ** 2 - 1) ** 2);

test("log Z of E = k x^2 / 2 is log sqrt(2 pi / (beta k)) (the Gaussian integral)", () => {
  // Reference: integral exp(-beta k x^2 / 2) dx = sqrt(2 pi / (beta k)). The grid holds +-14 standard
  // deviations with 20 points per standard deviation, where the rectangle rule on a Gaussian is
  // accurate to rounding (its error falls like exp(-2 pi^2 sigma^2 / h^2)).
  for (const beta of [0.1, 1, 7.5, 1000]) {
    for (const k of [0.5, 1, 3]) {
      const sigma = 1 / Math.sqrt(beta * k);
      const axes = [{ min: -14 * sigma, max: 14 * sigma, count: 561 }];
      const exact = Math.log(Math.sqrt((2 * Math.PI) / (beta * k)));
      assert.ok(Math.abs(logPartition(quadratic(k), { beta, axes }) - exact) < 1e-12, `beta ${beta}, k ${k}`);
    }
  }
});

test("log Z of a 2D anisotropic bowl is the sum of two Gaussian integrals", () => {
  // Reference: Z = 2 pi / (beta sqrt(a b)) for E = (a x^2 + b y^2) / 2.
  const bowl = energyFromFunction((x) => (2 * x[0] ** 2 + 0.5 * x[1] ** 2) / 2, { dimension: 2 });
  const beta = 3;
  const axes = [
    { min: -5, max: 5, count: 201 },
    { min: -10, max: 10, count: 401 },
  ];
  const exact = Math.log((2 * Math.PI) / (beta * Math.sqrt(2 * 0.5)));
  assert.ok(Math.abs(logPartition(bowl, { beta, axes }) - exact) < 1e-12);
});

/** I_nu(z) by its power series sum_m (z/2)^(2m+nu) / (m! Gamma(m+nu+1)) (DLMF 10.25.2), given Gamma(nu+1). */
function besselI(nu: number, z: number, gammaNuPlus1: number): number {
  let term = Math.pow(z / 2, nu) / gammaNuPlus1;
  let sum = term;
  for (let m = 1; m < 500 && term > 1e-18 * sum; m++) {
    term *= (z / 2) ** 2 / (m * (m + nu));
    sum += term;
  }
  return sum;
}

/** Adaptive Simpson quadrature with Richardson correction (Lyness 1969), independent of the library. */
function adaptiveSimpson(f: (x: number) => number, a: number, b: number, tolerance: number): number {
  const step = (a: number, b: number, fa: number, fm: number, fb: number, whole: number, tol: number, depth: number): number => {
    const m = (a + b) / 2, lm = (a + m) / 2, rm = (m + b) / 2;
    const flm = f(lm), frm = f(rm);
    const left = ((m - a) / 6) * (fa + 4 * flm + fm);
    const right = ((b - m) / 6) * (fm + 4 * frm + fb);
    if (depth > 50 || Math.abs(left + right - whole) <= 15 * tol) return left + right + (left + right - whole) / 15;
    return step(a, m, fa, flm, fm, left, tol / 2, depth + 1) + step(m, b, fm, frm, fb, right, tol / 2, depth + 1);
  };
  const fa = f(a), fb = f(b), fm = f((a + b) / 2);
  return step(a, b, fa, fm, fb, ((b - a) / 6) * (fa + 4 * fm + fb), tolerance, 0);
}

test("Z of the double well (x^2 - 1)^2 matches an independent quadrature and the Bessel closed form", () => {
  // Closed form: integral exp(-a x^4 + b x^2) dx = (pi/2) sqrt(b / (2a)) e^{b^2/(8a)} [I_{-1/4} + I_{1/4}](b^2/(8a))
  // (expand exp(b x^2) in powers, integrate each x^{2m} e^{-a x^4} to a Gamma function, and regroup the
  // even and odd terms as the series of I_{-1/4} and I_{1/4}); with a = beta, b = 2 beta and the factor
  // e^{-beta}: Z = (pi/2) e^{-beta/2} [I_{-1/4}(beta/2) + I_{1/4}(beta/2)]. The two references are
  // checked against each other first, so a slip in either shows.
  // Gamma(3/4) and Gamma(1/4) from DLMF 5.4 / OEIS A068465, A068466; Gamma(5/4) = Gamma(1/4) / 4.
  const gamma34 = 1.2254167024651776451;
  const gamma54 = 3.6256099082219083119 / 4;
  for (const beta of [0.5, 1, 4, 16]) {
    const bessel = (Math.PI / 2) * Math.exp(-beta / 2) * (besselI(-0.25, beta / 2, gamma34) + besselI(0.25, beta / 2, gamma54));
    const quadrature = adaptiveSimpson((x) => Math.exp(-beta * (x * x - 1) ** 2), -4, 4, 1e-14);
    assert.ok(Math.abs(bessel / quadrature - 1) < 1e-12, `the two references agree at beta ${beta}`);
    // The grid: [-4, 4] (E(4) = 225, so the cut tails weigh below e^{-100}), spacing 1e-3.
    const logZ = logPartition(doubleWell, { beta, axes: [{ min: -4, max: 4, count: 8001 }] });
    assert.ok(Math.abs(logZ - Math.log(quadrature)) < 1e-10, `beta ${beta}: ${Math.exp(logZ)} vs ${quadrature}`);
  }
});

test("at beta = 1e4 log Z stays finite and matches the Laplace approximation", () => {
  // Z itself is about 0.0177 here, but exp(-beta E) underflows to 0 for E > 0.075 on most of the grid.
  // Laplace's method at the two minima (E'' = 8): Z ~ 2 sqrt(2 pi / (8 beta)) (1 + O(1/beta)).
  const beta = 1e4;
  const logZ = logPartition(doubleWell, { beta, axes: [{ min: -2, max: 2, count: 40001 }] });
  const laplace = Math.log(2 * Math.sqrt((2 * Math.PI) / (8 * beta)));
  assert.ok(Number.isFinite(logZ));
  assert.ok(Math.abs(logZ - laplace) < 1e-3, `${logZ} vs ${laplace}`);
  // A shift of the energy by c shifts log Z by -beta c exactly: no overflow even when Z = e^{1e7}.
  const deep = energyFromFunction((x) => (x[0] ** 2 - 1) ** 2 - 1000);
  const logZdeep = logPartition(deep, { beta, axes: [{ min: -2, max: 2, count: 40001 }] });
  assert.ok(Math.abs(logZdeep - (logZ + beta * 1000)) < 1e-9 * beta * 1000);
});

test("log Z agrees with the density's logZ, and d log Z / d beta = -<E>", () => {
  // Thermodynamic identity: d/d beta log Z = -integral E p dx. Central difference in beta, step 1e-4.
  const axes = [{ min: -3, max: 3, count: 3001 }];
  const beta = 2;
  const p = gibbsDensity(doubleWell, { beta, axes });
  assert.equal(logPartition(doubleWell, { beta, axes }), p.logZ);
  let meanEnergy = 0;
  for (let i = 0; i < p.density.length; i++) meanEnergy += p.energies[i] * p.density[i] * p.cellVolume;
  const h = 1e-4;
  const slope = (logPartition(doubleWell, { beta: beta + h, axes }) - logPartition(doubleWell, { beta: beta - h, axes })) / (2 * h);
  assert.ok(Math.abs(slope + meanEnergy) < 1e-7, `${slope} vs ${-meanEnergy}`);
});

test("validation: every bad input gets a clear error", () => {
  const axes = [{ min: -2, max: 2, count: 11 }];
  assert.throws(() => logPartition(doubleWell, { beta: 0, axes }), {
    name: "RangeError",
    message: /^logPartition: options\.beta must be a positive finite number, got 0$/,
  });
  assert.throws(() => logPartition(doubleWell, { beta: -1, axes }), /options\.beta must be a positive finite number, got -1/);
  assert.throws(() => logPartition(doubleWell, { beta: NaN, axes }), /options\.beta must be a positive finite number, got NaN/);
  assert.throws(() => logPartition(doubleWell, { beta: Infinity, axes }), /options\.beta must be a positive finite number, got Infinity/);
  assert.throws(() => logPartition(doubleWell, { beta: 1, axes: [] }), /^RangeError: logPartition: options\.axes must be an array of 1 axis \{min, max, count\}, one per variable of the energy, got \[\] \(0 axes\)$/);
  const wall = energyFromFunction(() => Infinity);
  assert.throws(() => logPartition(wall, { beta: 1, axes }), /^RangeError: logPartition: energy must be finite at some grid point \(it is \+Infinity everywhere\), got Infinity$/);
});
