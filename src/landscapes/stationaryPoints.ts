/**
 * Locating stationary points (minima, maxima, saddles) of catalogue landscapes at construction.
 *
 * These are internal tools, run once per landscape on its exact gradient:
 * - `criticalPoints1D`: every sign change of E'(x) on a fine grid, bisected to machine precision;
 * - `descendToMinimum`: damped Newton with a backtracking line search, which only goes downhill
 *   and so ends in a minimum (not a saddle) from a start inside a basin;
 * - `newtonStationaryPoint`: plain Newton on the gradient, which also converges to saddles;
 * - `hessianByDifferences`, `isPositiveDefinite`: the second-order check.
 * The Hessian is the central difference of the exact gradient; it only steers Newton's steps,
 * so its O(h^2) error slows the last iterations slightly but does not move the point found.
 */

/** A zero of E' in 1D and whether E has a minimum or a maximum there. */
export interface CriticalPoint1D {
  readonly x: number;
  readonly kind: "minimum" | "maximum";
}

/** Bisects f on [a, b] with f(a), f(b) of opposite signs until the interval cannot shrink. */
function bisect(f: (x: number) => number, a: number, b: number, fa: number, fb: number): number {
  for (let i = 0; i < 2000; i++) {
    const m = a + (b - a) / 2;
    if (m <= a || m >= b) break;
    const fm = f(m);
    if (fm === 0) return m;
    if (fm < 0 === fa < 0) {
      a = m;
      fa = fm;
    } else {
      b = m;
      fb = fm;
    }
  }
  return Math.abs(fa) <= Math.abs(fb) ? a : b;
}

/**
 * The zeros of `derivative` on [lower, upper] where it changes sign, found by sampling
 * `cells + 1` grid points and bisecting each bracket to machine precision. A minimum is a
 * change from - to +, a maximum from + to -. Zeros without a sign change (inflection points,
 * or two zeros closer than a cell) are not reported.
 */
export function criticalPoints1D(derivative: (x: number) => number, lower: number, upper: number, cells: number): CriticalPoint1D[] {
  const found: CriticalPoint1D[] = [];
  let previousX = NaN;
  let previousF = 0;
  for (let i = 0; i <= cells; i++) {
    const x = i === cells ? upper : lower + ((upper - lower) * i) / cells;
    const f = derivative(x);
    if (f === 0 || Number.isNaN(f)) continue;
    if (!Number.isNaN(previousX) && f < 0 !== previousF < 0) {
      found.push({
        x: bisect(derivative, previousX, x, previousF, f),
        kind: previousF < 0 ? "minimum" : "maximum",
      });
    }
    previousX = x;
    previousF = f;
  }
  return found;
}

type Gradient = (x: ArrayLike<number>, out: Float64Array) => unknown;

function norm(v: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += v[i] * v[i];
  return Math.sqrt(s);
}

/** H_ij = (g_i(x + h e_j) - g_i(x - h e_j)) / 2h, symmetrised; h = 1e-5 max(1, |x_j|). */
export function hessianByDifferences(gradient: Gradient, x: ArrayLike<number>): number[][] {
  const n = x.length;
  const probe = Float64Array.from(x);
  const up = new Float64Array(n);
  const down = new Float64Array(n);
  const h: number[][] = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let j = 0; j < n; j++) {
    const step = 1e-5 * Math.max(1, Math.abs(x[j]));
    probe[j] = x[j] + step;
    gradient(probe, up);
    probe[j] = x[j] - step;
    gradient(probe, down);
    probe[j] = x[j];
    for (let i = 0; i < n; i++) h[i][j] = (up[i] - down[i]) / (2 * step);
  }
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < i; j++) h[i][j] = h[j][i] = (h[i][j] + h[j][i]) / 2;
  }
  return h;
}

/** True when the symmetric matrix has a Cholesky factorisation (all eigenvalues > 0). */
export function isPositiveDefinite(matrix: readonly (readonly number[])[]): boolean {
  const n = matrix.length;
  const l: number[][] = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let s = matrix[i][j];
      for (let k = 0; k < j; k++) s -= l[i][k] * l[j][k];
      if (i === j) {
        if (!(s > 0)) return false;
        l[i][i] = Math.sqrt(s);
      } else {
        l[i][j] = s / l[j][j];
      }
    }
  }
  return true;
}

/** Solves A d = b by Gaussian elimination with partial pivoting; undefined if A is singular. */
function solve(a: readonly (readonly number[])[], b: ArrayLike<number>): Float64Array | undefined {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]]);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(m[r][col]) > Math.abs(m[pivot][col])) pivot = r;
    if (m[pivot][col] === 0 || !Number.isFinite(m[pivot][col])) return undefined;
    [m[col], m[pivot]] = [m[pivot], m[col]];
    for (let r = col + 1; r < n; r++) {
      const factor = m[r][col] / m[col][col];
      for (let c = col; c <= n; c++) m[r][c] -= factor * m[col][c];
    }
  }
  const d = new Float64Array(n);
  for (let r = n - 1; r >= 0; r--) {
    let s = m[r][n];
    for (let c = r + 1; c < n; c++) s -= m[r][c] * d[c];
    d[r] = s / m[r][r];
  }
  return d;
}

/**
 * Goes downhill from `start` to a local minimum: Newton steps where the Hessian is positive
 * definite, steepest descent elsewhere, each halved until the energy does not rise. Stops when
 * no step improves (the point is then as exact as the gradient's rounding allows).
 *
 * @returns the minimum and whether its Hessian is positive definite.
 */
export function descendToMinimum(
  value: (x: ArrayLike<number>) => number,
  gradient: Gradient,
  start: ArrayLike<number>,
): { x: number[]; energy: number; isMinimum: boolean } {
  const n = start.length;
  let x = Float64Array.from(start);
  let energy = value(x);
  let g = new Float64Array(n);
  gradient(x, g);
  let gNorm = norm(g);
  const trial = new Float64Array(n);
  const trialG = new Float64Array(n);
  for (let iteration = 0; iteration < 500 && gNorm > 0; iteration++) {
    const hessian = hessianByDifferences(gradient, x);
    const minusG = g.map((v) => -v);
    let direction = isPositiveDefinite(hessian) ? solve(hessian, minusG) : undefined;
    if (direction === undefined || direction.reduce((s, d, i) => s + d * g[i], 0) >= 0) direction = minusG;
    let accepted = false;
    for (let t = 1, halvings = 0; halvings < 80; t /= 2, halvings++) {
      for (let i = 0; i < n; i++) trial[i] = x[i] + t * direction[i];
      const trialEnergy = value(trial);
      gradient(trial, trialG);
      const trialNorm = norm(trialG);
      const tolerance = 1e-14 * Math.max(1, Math.abs(energy));
      if (trialEnergy < energy || (trialEnergy <= energy + tolerance && trialNorm < gNorm)) {
        x = Float64Array.from(trial);
        g = Float64Array.from(trialG);
        energy = trialEnergy;
        gNorm = trialNorm;
        accepted = true;
        break;
      }
    }
    if (!accepted) break;
  }
  return { x: Array.from(x), energy, isMinimum: isPositiveDefinite(hessianByDifferences(gradient, x)) };
}

/**
 * Newton's method on the gradient from `start`: converges to the nearby stationary point of
 * any kind (minimum, maximum or saddle). Iterates while the gradient norm keeps falling.
 */
export function newtonStationaryPoint(gradient: Gradient, start: ArrayLike<number>): number[] {
  const n = start.length;
  let x = Float64Array.from(start);
  const g = new Float64Array(n);
  gradient(x, g);
  let gNorm = norm(g);
  for (let iteration = 0; iteration < 100 && gNorm > 0; iteration++) {
    const step = solve(hessianByDifferences(gradient, x), g.map((v) => -v));
    if (step === undefined) break;
    const next = x.map((v, i) => v + step[i]);
    const nextG = new Float64Array(n);
    gradient(next, nextG);
    const nextNorm = norm(nextG);
    if (!(nextNorm < gNorm)) break;
    x = next;
    g.set(nextG);
    gNorm = nextNorm;
  }
  return Array.from(x);
}
