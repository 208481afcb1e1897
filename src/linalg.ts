/**
 * The small numerical linear algebra the library shares: vector norm, the Hessian by central
 * differences of a gradient, a Cholesky test of positive definiteness, and a dense solve.
 * Internal: not re-exported from the package (the public door to the Hessian is `hessian`).
 */

/** A gradient that writes dE/dx into `out` (an Energy's `gradient` fits). */
export type GradientFunction = (x: ArrayLike<number>, out: Float64Array) => unknown;

/** Euclidean norm |v| = sqrt(sum v_i^2). */
export function norm(v: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += v[i] * v[i];
  return Math.sqrt(s);
}

/** True when every entry is a finite number. */
export function allFinite(v: ArrayLike<number>): boolean {
  for (let i = 0; i < v.length; i++) if (!Number.isFinite(v[i])) return false;
  return true;
}

/**
 * The gradient by central differences of the values: g_i = (E(x + h_i e_i) - E(x - h_i e_i)) / (2 h_i),
 * h_i = step * max(1, |x_i|), accurate to O(h^2). `scratch` (length n) is overwritten; writes
 * into `out` and returns it.
 */
export function differenceGradient(
  value: (x: ArrayLike<number>) => number,
  x: ArrayLike<number>,
  step: number,
  out: Float64Array,
  scratch: Float64Array = new Float64Array(x.length),
): Float64Array {
  const n = x.length;
  for (let i = 0; i < n; i++) scratch[i] = x[i];
  for (let i = 0; i < n; i++) {
    const xi = scratch[i];
    const h = step * Math.max(1, Math.abs(xi));
    scratch[i] = xi + h;
    const up = value(scratch);
    scratch[i] = xi - h;
    const down = value(scratch);
    scratch[i] = xi;
    out[i] = (up - down) / (2 * h);
  }
  return out;
}

/**
 * The Hessian by central differences of the gradient, symmetrised:
 * H[i][j] = (g_i(x + h_j e_j) - g_i(x - h_j e_j)) / (2 h_j), then H <- (H + H^T) / 2,
 * with h_j = step * max(1, |x_j|). Accurate to O(h^2).
 */
export function hessianFromGradient(gradient: GradientFunction, x: ArrayLike<number>, step: number): number[][] {
  const n = x.length;
  const H = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  const shifted = Float64Array.from(x);
  const up = new Float64Array(n);
  const down = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    const h = step * Math.max(1, Math.abs(x[j]));
    shifted[j] = x[j] + h;
    gradient(shifted, up);
    shifted[j] = x[j] - h;
    gradient(shifted, down);
    shifted[j] = x[j];
    for (let i = 0; i < n; i++) H[i][j] = (up[i] - down[i]) / (2 * h);
  }
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < i; j++) H[i][j] = H[j][i] = (H[i][j] + H[j][i]) / 2;
  }
  return H;
}

/**
 * True when the symmetric matrix plus `shift` times the identity has a Cholesky factorisation,
 * that is when all its eigenvalues exceed -shift (shift 0: positive definite). The matrix is not
 * modified.
 */
export function isPositiveDefinite(matrix: readonly (readonly number[])[], shift = 0): boolean {
  const n = matrix.length;
  const l: number[][] = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let s = matrix[i][j] + (i === j ? shift : 0);
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
export function solveLinear(a: readonly (readonly number[])[], b: ArrayLike<number>): Float64Array | undefined {
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
