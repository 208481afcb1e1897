/**
 * The references and common mistakes of workbook 05 (the Hopfield network), on plain arrays as a
 * learner writes them: W as N rows of N numbers, b and s as arrays of N numbers, s of +-1.
 * The references are cross-checked against the library (hebbianWeights, hopfieldEnergy) in
 * test/unit/workbook-hopfield.test.ts.
 */

type Rows = readonly (readonly number[])[];

/** h_i = sum_j W_ij s_j + b_i. */
export function field(W: Rows, b: readonly number[], s: readonly number[], i: number): number {
  let h = b[i];
  for (let j = 0; j < s.length; j++) h += W[i][j] * s[j];
  return h;
}

/**
 * Hebb's rule with options for its mistakes: W = scale sum_mu v v^T, v = xi (or (xi + 1)/2 for
 * 0/1 units), the diagonal zeroed or kept.
 */
export function hebbWith(patterns: Rows, scale: number, options: { zeroDiagonal?: boolean; zeroOne?: boolean } = {}): number[][] {
  const n = patterns[0].length;
  const W = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (const xi of patterns) {
    const v = options.zeroOne === true ? xi.map((x) => (x + 1) / 2) : xi;
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) W[i][j] += scale * v[i] * v[j];
  }
  if (options.zeroDiagonal !== false) for (let i = 0; i < n; i++) W[i][i] = 0;
  return W;
}

/** s^T W s and b.s. */
export function quadraticParts(W: Rows, b: readonly number[], s: readonly number[]): { sWs: number; bs: number } {
  let sWs = 0;
  let bs = 0;
  for (let i = 0; i < s.length; i++) {
    bs += b[i] * s[i];
    for (let j = 0; j < s.length; j++) sWs += s[i] * W[i][j] * s[j];
  }
  return { sWs, bs };
}

/** How a sweep decides a unit: the right rule and its mistakes. */
export type UnitRule = "sign, tie keeps" | "Math.sign" | "tie to +1" | "flipped";

/** The new value of a unit with field h and current value si under `rule`. */
function decide(rule: UnitRule, h: number, si: number): number {
  switch (rule) {
    case "sign, tie keeps":
      return h > 0 ? 1 : h < 0 ? -1 : si;
    case "Math.sign":
      return Math.sign(h);
    case "tie to +1":
      return h >= 0 ? 1 : -1;
    case "flipped":
      return h > 0 ? -1 : h < 0 ? 1 : si;
  }
}

/**
 * One asynchronous sweep: units in `order`, each set from the current state (or, for the
 * synchronous mistake, from the state before the sweep).
 */
export function sweepWith(
  W: Rows,
  b: readonly number[],
  s: readonly number[],
  order: readonly number[],
  options: { rule?: UnitRule; synchronous?: boolean; useBias?: boolean } = {},
): number[] {
  const rule = options.rule ?? "sign, tie keeps";
  const bias = options.useBias === false ? b.map(() => 0) : b;
  const next = [...s];
  for (const i of order) {
    const h = field(W, bias, options.synchronous === true ? s : next, i);
    next[i] = decide(rule, h, next[i]);
  }
  return next;
}

/** Applies `step` (one sweep) from `cue` until it changes nothing (at most `maxSweeps` times). */
export function recallBy(step: (s: number[]) => number[], cue: readonly number[], maxSweeps = 100): number[] {
  let s = [...cue];
  for (let k = 0; k < maxSweeps; k++) {
    const next = step(s);
    if (next.every((v, i) => v === s[i])) return next;
    s = next;
  }
  return s;
}
