/**
 * The modern (dense, continuous) Hopfield network of Ramsauer et al. (2020), "Hopfield Networks
 * is All You Need" (arXiv:2008.02217): one update is softmax attention over the stored patterns.
 *
 * Layout: the stored patterns are the ROWS of X here (P rows of d numbers), which is the
 * transpose of the paper's X (patterns as columns). The formulas below are written for rows.
 */
import { checkFiniteArray, checkInteger, checkMaxWork, checkNonNegative, checkPositive, checkWork, message, readOptions } from "../validate";

/** Stored patterns after the door checks: P x d, row-major. */
interface DensePatterns {
  count: number;
  dimension: number;
  data: Float64Array;
}

function checkDensePatterns(fn: string, value: unknown): DensePatterns {
  if (!Array.isArray(value)) throw new TypeError(message(fn, "patterns", "an array of patterns (arrays of finite numbers)", value));
  if (value.length === 0) throw new RangeError(message(fn, "patterns", "a non-empty array of patterns", value));
  const first = checkFiniteArray(fn, "patterns[0]", value[0]);
  const d = first.length;
  const data = new Float64Array(value.length * d);
  data.set(first);
  for (let mu = 1; mu < value.length; mu++) {
    const row = checkFiniteArray(fn, `patterns[${mu}]`, value[mu]);
    if (row.length !== d) {
      throw new RangeError(message(fn, `patterns[${mu}]`, `a pattern of ${d} numbers like patterns[0]`, value[mu]) + ` (length ${row.length})`);
    }
    data.set(row, mu * d);
  }
  return { count: value.length, dimension: d, data };
}

function checkState(fn: string, value: unknown, d: number): Float64Array {
  const state = checkFiniteArray(fn, "state", value);
  if (state.length !== d) {
    throw new RangeError(message(fn, "state", `a state of ${d} numbers (the pattern length)`, value) + ` (length ${state.length})`);
  }
  return state;
}

/** p = softmax(beta X xi), written into `p`, stable (the largest score is subtracted first). */
function attention(x: DensePatterns, xi: Float64Array, beta: number, p: Float64Array): Float64Array {
  const { count, dimension: d, data } = x;
  let largest = -Infinity;
  for (let mu = 0; mu < count; mu++) {
    let dot = 0;
    for (let k = 0; k < d; k++) dot += data[mu * d + k] * xi[k];
    p[mu] = beta * dot;
    if (p[mu] > largest) largest = p[mu];
  }
  let sum = 0;
  for (let mu = 0; mu < count; mu++) {
    p[mu] = Math.exp(p[mu] - largest);
    sum += p[mu];
  }
  for (let mu = 0; mu < count; mu++) p[mu] /= sum;
  return p;
}

/** xi_new = sum_mu p_mu x_mu, written into `out`. */
function mix(x: DensePatterns, p: Float64Array, out: Float64Array): Float64Array {
  const { count, dimension: d, data } = x;
  out.fill(0);
  for (let mu = 0; mu < count; mu++) {
    const weight = p[mu];
    for (let k = 0; k < d; k++) out[k] += weight * data[mu * d + k];
  }
  return out;
}

/** E(xi) = -lse(beta, X xi) + 1/2 xi.xi + (1/beta) log P + 1/2 M^2. */
function energyOf(x: DensePatterns, xi: Float64Array, beta: number): number {
  const { count, dimension: d, data } = x;
  let largest = -Infinity;
  let maxNormSquared = 0;
  const scores = new Float64Array(count);
  for (let mu = 0; mu < count; mu++) {
    let dot = 0;
    let norm = 0;
    for (let k = 0; k < d; k++) {
      const v = data[mu * d + k];
      dot += v * xi[k];
      norm += v * v;
    }
    scores[mu] = beta * dot;
    if (scores[mu] > largest) largest = scores[mu];
    if (norm > maxNormSquared) maxNormSquared = norm;
  }
  let sum = 0;
  for (let mu = 0; mu < count; mu++) sum += Math.exp(scores[mu] - largest);
  const lse = (largest + Math.log(sum)) / beta;
  let xiSquared = 0;
  for (let k = 0; k < d; k++) xiSquared += xi[k] * xi[k];
  return -lse + 0.5 * xiSquared + Math.log(count) / beta + 0.5 * maxNormSquared;
}

/**
 * One update of the dense Hopfield network: xi_new = X^T softmax(beta X xi) with the patterns as
 * the rows of X, that is xi_new = sum_mu p_mu x_mu with p = softmax(beta x_mu . xi)
 * (Ramsauer et al. 2020, eq. 3, written for rows). It is attention with the state as the query
 * and the patterns as keys and values. At large beta the softmax picks the pattern most aligned
 * with xi, so one update retrieves it; at small beta the update averages the patterns.
 * The softmax subtracts the largest score first, so no beta overflows. Cost O(P d).
 *
 * @param patterns P stored patterns, each an array of d finite numbers (the rows of X).
 * @param state The query xi: d finite numbers.
 * @param beta Inverse temperature, > 0.
 * @throws TypeError when an argument has the wrong kind.
 * @throws RangeError when the patterns are empty or disagree in length, the state has the wrong
 *   length, a number is not finite, or beta is not positive.
 * @example
 * denseHopfieldUpdate([[1, 1, -1], [-1, 1, 1]], [0.9, 0.2, -0.5], 50); // one step lands on the first pattern
 * // => [1, 1, -1] (to about 1e-15)
 */
export function denseHopfieldUpdate(patterns: readonly (readonly number[])[], state: readonly number[], beta: number): number[] {
  const fn = "denseHopfieldUpdate";
  const x = checkDensePatterns(fn, patterns);
  const xi = checkState(fn, state, x.dimension);
  checkPositive(fn, "beta", beta);
  const p = attention(x, xi, beta, new Float64Array(x.count));
  return Array.from(mix(x, p, new Float64Array(x.dimension)));
}

/**
 * The energy of the dense Hopfield network (Ramsauer et al. 2020, eq. 2):
 * E(xi) = -lse(beta, X xi) + 1/2 xi.xi + (1/beta) log P + 1/2 M^2, with
 * lse(beta, z) = (1/beta) log sum_mu exp(beta z_mu) and M the largest pattern norm.
 * The update never raises it (each update is a step of the concave-convex procedure), and
 * 0 <= E <= 2 M^2 (both in their sec. 2).
 *
 * @throws TypeError / RangeError as {@link denseHopfieldUpdate}.
 * @example
 * denseHopfieldEnergy([[1, 0], [0, 1]], [1, 0], 1); // -log(e + 1) + 1/2 + log 2 + 1/2
 * // => 0.379885 (to about 1e-6)
 */
export function denseHopfieldEnergy(patterns: readonly (readonly number[])[], state: readonly number[], beta: number): number {
  const fn = "denseHopfieldEnergy";
  const x = checkDensePatterns(fn, patterns);
  const xi = checkState(fn, state, x.dimension);
  checkPositive(fn, "beta", beta);
  return energyOf(x, xi, beta);
}

/** Options of {@link denseHopfieldIterate}. */
export interface DenseIterateOptions {
  /** Inverse temperature, > 0. Required. */
  beta: number;
  /** At most this many updates. @default 20 */
  maxIterations?: number;
  /** Stop when no coordinate moves by more than this in one update. @default 1e-12 */
  tolerance?: number;
  /** The work budget, in pattern-coordinate products: maxIterations x P x d. @default 2e8 */
  maxWork?: number;
}

/** The trajectory of {@link denseHopfieldIterate}. */
export interface DenseIterateResult {
  readonly beta: number;
  /** xi_0 (the query), xi_1, ...: path[t] is the state after t updates. */
  readonly path: number[][];
  /** The update count of each state: 0, 1, 2, ... */
  readonly times: number[];
  /** E(xi_t) for each state. */
  readonly energies: number[];
  /** softmax(beta X xi_t) for each state but the last: which patterns the update mixed. */
  readonly attention: number[][];
  readonly final: number[];
  readonly finalEnergy: number;
  /** Updates made. */
  readonly iterations: number;
  /** True when the last update moved no coordinate by more than the tolerance. */
  readonly converged: boolean;
  /** "converged", or "max-iterations" when the limit was reached first. */
  readonly reason: "converged" | "max-iterations";
}

/**
 * Repeats {@link denseHopfieldUpdate} from a query until the state stops moving, recording the
 * states, their energies and the attention weights of each step. The energy never rises: the
 * update is a step of the concave-convex procedure on E (Ramsauer et al. 2020, sec. 2). Cost
 * O(P d) per update; maxIterations x P x d must be within the work budget.
 *
 * @throws TypeError / RangeError as {@link denseHopfieldUpdate}, and when maxIterations is not a
 *   positive integer, tolerance is negative, an option is unknown, or the work is above the
 *   budget.
 * @example
 * const run = denseHopfieldIterate([[1, 1, -1], [-1, 1, 1]], [0.9, 0.2, -0.5], { beta: 50 });
 * run.attention[0][0]; // all the weight on the first pattern after one step
 * // => 1 (to about 1e-15)
 * [run.reason, run.iterations]; // the second update no longer moves it
 * // => ["converged", 2]
 */
export function denseHopfieldIterate(
  patterns: readonly (readonly number[])[],
  state: readonly number[],
  options: DenseIterateOptions,
): DenseIterateResult {
  const fn = "denseHopfieldIterate";
  if (options === undefined) throw new TypeError(message(fn, "options", "an options object such as { beta: 1 }", options));
  const opts = readOptions(fn, options, {
    beta: undefined as number | undefined,
    maxIterations: 20 as number,
    tolerance: 1e-12 as number,
    maxWork: undefined as number | undefined,
  });
  const beta = checkPositive(fn, "options.beta", opts.beta);
  const maxIterations = checkInteger(fn, "options.maxIterations", opts.maxIterations, 1, 1e12);
  const tolerance = checkNonNegative(fn, "options.tolerance", opts.tolerance);
  const maxWork = checkMaxWork(fn, opts.maxWork);
  const x = checkDensePatterns(fn, patterns);
  let xi = checkState(fn, state, x.dimension);
  checkWork(fn, maxIterations * x.count * x.dimension, "maxIterations x P x d", maxWork);
  const path = [Array.from(xi)];
  const energies = [energyOf(x, xi, beta)];
  const weights: number[][] = [];
  const p = new Float64Array(x.count);
  let iterations = 0;
  let converged = false;
  while (iterations < maxIterations) {
    attention(x, xi, beta, p);
    const next = mix(x, p, new Float64Array(x.dimension));
    let moved = 0;
    for (let k = 0; k < next.length; k++) moved = Math.max(moved, Math.abs(next[k] - xi[k]));
    xi = next;
    iterations++;
    weights.push(Array.from(p));
    path.push(Array.from(xi));
    energies.push(energyOf(x, xi, beta));
    if (moved <= tolerance) {
      converged = true;
      break;
    }
  }
  return {
    beta,
    path,
    times: path.map((_, t) => t),
    energies,
    attention: weights,
    final: Array.from(xi),
    finalEnergy: energies[energies.length - 1],
    iterations,
    converged,
    reason: converged ? "converged" : "max-iterations",
  };
}
