// Data for the plot tests, built by hand from closed forms (no dynamics, gibbs or sampling code).
import { energyFromFunction } from "../../src/energy/fromFunction";
import type { DescentResult, Energy, GibbsDensity, Histogram, SamplerResult } from "../../src/types";
import { PALETTE, INK, UNASSIGNED_COLOR, SEQUENTIAL_SCALE } from "../../src/plot/style";
import type { Figure } from "../../src/plot/figure";

/** E(x) = (x^2 - 1)^2 on [-2, 2]: minima at -1 and 1 (E = 0), maximum at 0 (E = 1). */
export function doubleWellEnergy(): Energy {
  return energyFromFunction((x) => (x[0] ** 2 - 1) ** 2, {
    name: "double well",
    gradient: (x, _w, g) => {
      g[0] = 4 * x[0] * (x[0] ** 2 - 1);
    },
    domain: { lower: [-2], upper: [2] },
    knownMinima: [
      { x: [-1], energy: 0, label: "A" },
      { x: [1], energy: 0, label: "B" },
    ],
  });
}

/** E(x) = k x^2 / 2 on [-2, 2]. */
export function parabola(k = 1): Energy {
  return energyFromFunction((x) => 0.5 * k * x[0] ** 2, {
    name: "parabola",
    gradient: (x, _w, g) => {
      g[0] = k * x[0];
    },
    domain: { lower: [-2], upper: [2] },
    knownMinima: [{ x: [0], energy: 0, label: "bottom" }],
  });
}

/** E(x, y) = x^2 + 2 y^2 on [-1, 1]^2: one minimum at the origin. Asymmetric in x and y on purpose. */
export function bowl2D(): Energy {
  return energyFromFunction((p) => p[0] ** 2 + 2 * p[1] ** 2, {
    name: "bowl",
    dimension: 2,
    domain: { lower: [-1, -1], upper: [1, 1] },
    knownMinima: [{ x: [0, 0], energy: 0, label: "O" }],
  });
}

/**
 * Gradient descent on E = k x^2 / 2 in closed form: x_t = (1 - eta k)^t x0, E_t = k x_t^2 / 2.
 * With 0 < eta k < 2 the energy falls every step; with eta k > 2 it rises every step.
 */
export function quadraticDescent(x0: number, eta: number, k: number, steps: number): DescentResult {
  const r = 1 - eta * k;
  const path: number[][] = [];
  const energies: number[] = [];
  const times: number[] = [];
  for (let t = 0; t <= steps; t++) {
    const x = x0 * r ** t;
    path.push([x]);
    energies.push(0.5 * k * x * x);
    times.push(t);
  }
  const final = path[steps];
  return {
    path,
    energies,
    times,
    iterations: steps,
    converged: Math.abs(r) < 1,
    reason: Math.abs(r) < 1 ? "converged" : "diverged",
    final,
    finalEnergy: energies[steps],
    // |r| > 1: E_t = k x0^2 r^(2t) / 2 rises at every step (closed form, not recounted).
    energyRises: Math.abs(r) > 1 ? times.slice(1) : [],
  };
}

/** Descent on E = x^2 + 2 y^2 in closed form: x_t = (1 - 2 eta)^t x0, y_t = (1 - 4 eta)^t y0. */
export function bowlDescent(start: [number, number], eta: number, steps: number): DescentResult {
  const path: number[][] = [];
  const energies: number[] = [];
  const times: number[] = [];
  for (let t = 0; t <= steps; t++) {
    const x = start[0] * (1 - 2 * eta) ** t;
    const y = start[1] * (1 - 4 * eta) ** t;
    path.push([x, y]);
    energies.push(x * x + 2 * y * y);
    times.push(t);
  }
  return { path, energies, times, iterations: steps, converged: true, reason: "converged", final: path[steps], finalEnergy: energies[steps], energyRises: [] };
}

/** A uniform grid of n points on [a, b]. */
export function grid(a: number, b: number, n: number): number[] {
  return Array.from({ length: n }, (_, i) => a + ((b - a) * i) / (n - 1));
}

/** The Gibbs density of E = x^2 / 2 at beta: the normal density sqrt(beta / 2 pi) exp(-beta x^2 / 2). */
export function normalDensity(beta: number, xs: number[] = grid(-3, 3, 121)): GibbsDensity {
  const energies = Float64Array.from(xs, (x) => 0.5 * x * x);
  const logZ = 0.5 * Math.log((2 * Math.PI) / beta);
  const logDensity = energies.map((e) => -beta * e - logZ);
  return {
    beta,
    energyName: "parabola",
    axes: [xs],
    density: logDensity.map((v) => Math.exp(v)),
    logDensity,
    energies,
    logZ,
    cellVolume: xs[1] - xs[0],
  };
}

/** The Gibbs density of E = (x^2 + y^2) / 2 on a square grid (row-major, x fastest). */
export function normalDensity2D(beta: number, xs: number[], ys: number[]): GibbsDensity {
  const n = xs.length * ys.length;
  const energies = new Float64Array(n);
  for (let j = 0; j < ys.length; j++) for (let i = 0; i < xs.length; i++) energies[i + xs.length * j] = 0.5 * (xs[i] ** 2 + ys[j] ** 2);
  const logZ = Math.log((2 * Math.PI) / beta);
  const logDensity = energies.map((e) => -beta * e - logZ);
  return { beta, energyName: "round bowl", axes: [xs, ys], density: logDensity.map((v) => Math.exp(v)), logDensity, energies, logZ, cellVolume: (xs[1] - xs[0]) * (ys[1] - ys[0]) };
}

/** A histogram with the given edges whose density is the normal density at the bin centres; it knows its beta. */
export function normalHistogram(beta: number, edges: number[]): Histogram {
  const centers = edges.slice(1).map((e, i) => (e + edges[i]) / 2);
  const density = centers.map((c) => Math.sqrt(beta / (2 * Math.PI)) * Math.exp(-0.5 * beta * c * c));
  const width = edges[1] - edges[0];
  const total = 1000;
  return { edges, centers, counts: density.map((d) => Math.round(d * width * total)), density, outside: 0, total, beta, energyName: "parabola" };
}

/**
 * A sampler result with known samples: sample s of chain c, coordinate d is
 * c + s / 1000 + d / 10, so every value says where it came from.
 */
export function knownSampler(chains: number, perChain: number, dimension = 1): SamplerResult {
  const samples = new Float64Array(chains * perChain * dimension);
  for (let c = 0; c < chains; c++) for (let s = 0; s < perChain; s++) for (let d = 0; d < dimension; d++) {
    samples[(c * perChain + s) * dimension + d] = c + s / 1000 + d / 10;
  }
  return {
    method: "metropolis",
    seed: 7,
    beta: 1,
    chains,
    samplesPerChain: perChain,
    dimension,
    samples,
    acceptanceRate: 0.5,
    chainAcceptanceRates: new Float64Array(chains).fill(0.5),
    finalStates: new Float64Array(chains * dimension),
    steps: perChain, burnIn: 0, thin: 1, energyName: "known samples",
  };
}

/** Every colour string found anywhere in a figure's traces and shapes (keys named color/fillcolor). */
export function colorsIn(figure: Figure): string[] {
  const found: string[] = [];
  const visit = (value: unknown, key: string) => {
    if (Array.isArray(value)) {
      if (/color$/i.test(key)) for (const v of value) if (typeof v === "string") found.push(v);
      for (const v of value) if (v && typeof v === "object") visit(v, "");
      return;
    }
    if (value && typeof value === "object") {
      for (const [k, v] of Object.entries(value)) visit(v, k);
      return;
    }
    if (typeof value === "string" && /color$/i.test(key)) found.push(value);
  };
  visit(figure.data, "");
  visit(figure.layout.shapes, "");
  return found;
}

/** Colours a figure may use: the palette, ink, the "no basin" grey, Viridis stops, and white or translucent overlays. */
export function isHouseColor(color: string): boolean {
  if (PALETTE.includes(color) || color === INK || color === UNASSIGNED_COLOR || color === "white") return true;
  if (SEQUENTIAL_SCALE.some(([, c]) => c === color)) return true;
  if (/^rgba\((255,\s*255,\s*255|0,\s*0,\s*0),\s*[\d.]+\)$/.test(color)) return true;
  return false;
}
