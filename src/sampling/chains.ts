/**
 * The chain loops of the three samplers, shared by the main thread and the worker threads.
 *
 * A "plan" is plain data (it can be posted to a worker); the buffers are Float64Arrays that the
 * loops fill in place, in the layout of {@link SamplerResult}. Chain c draws every random number
 * from the stream `(seed, c)` (see random.ts), so a chain's numbers do not depend on which
 * thread runs it or on how many chains there are.
 *
 * Schedule, per chain: `burnIn + steps` transitions from the start point; after transition
 * t (0-based) with t >= burnIn, the state is kept when (t - burnIn + 1) is a multiple of `thin`.
 * So `floor(steps / thin)` samples are kept and the start point itself never is.
 *
 * Order of random draws in one transition (the contract the 1D fast path and the tests rely on):
 * one `normal()` per coordinate for the proposal (or the Langevin noise), then, for Metropolis
 * and MALA only and only when the log acceptance ratio is below 0, one `next32()` uniform u;
 * the proposal is accepted when u < exp(log ratio). A NaN energy or log ratio rejects.
 */
import type { Energy } from "../types";
import { streamRandom, streamWords } from "./random";

/** The three samplers. */
export type SamplerMethod = "metropolis" | "langevin" | "mala";

/** Everything a block of chains needs besides the energy and the buffers. */
export interface ChainPlan {
  readonly method: SamplerMethod;
  readonly seed: number | string;
  readonly beta: number;
  /** Metropolis: the proposal standard deviation. Langevin and MALA: the time step eta. */
  readonly stepSize: number;
  readonly burnIn: number;
  /** Transitions after the burn-in. */
  readonly steps: number;
  readonly thin: number;
  readonly dimension: number;
  readonly chains: number;
}

/** Where the loops read start points and write results (chain-major, see SamplerResult). */
export interface ChainBuffers {
  /** chains x dimension start points. */
  readonly starts: Float64Array;
  /** chains x samplesPerChain x dimension kept states. */
  readonly samples: Float64Array;
  /** chains x dimension last states. */
  readonly finalStates: Float64Array;
  /** chains accepted-proposal counts (burn-in included). */
  readonly accepted: Float64Array;
}

/** Samples kept per chain: floor(steps / thin). */
export function keptPerChain(plan: ChainPlan): number {
  return Math.floor(plan.steps / plan.thin);
}

/** Runs chains [first, end) of the plan, writing into the buffers. */
export function runChains(energy: Energy, plan: ChainPlan, buffers: ChainBuffers, first: number, end: number): void {
  if (plan.method === "metropolis") {
    if (plan.dimension === 1) metropolisChains1d(energy, plan, buffers, first, end);
    else metropolisChains(energy, plan, buffers, first, end);
  } else {
    langevinChains(energy, plan, buffers, first, end);
  }
}

/**
 * Random-walk Metropolis in any dimension: y = x + stepSize * z with z ~ N(0, I), accepted with
 * probability min(1, exp(-beta (E(y) - E(x)))).
 */
export function metropolisChains(energy: Energy, plan: ChainPlan, buffers: ChainBuffers, first: number, end: number): void {
  const { beta, stepSize, burnIn, thin, dimension: n } = plan;
  const total = burnIn + plan.steps;
  const kept = keptPerChain(plan);
  const samples = buffers.samples;
  let x = new Float64Array(n);
  let y = new Float64Array(n);
  for (let c = first; c < end; c++) {
    const random = streamRandom(plan.seed, c);
    loadStart(x, buffers.starts, c);
    let e = energy.value(x);
    let acceptedHere = 0;
    let k = c * kept * n;
    let untilKept = thin;
    for (let t = 0; t < total; t++) {
      for (let d = 0; d < n; d++) y[d] = x[d] + stepSize * random.normal();
      const ey = energy.value(y);
      const logRatio = -beta * (ey - e);
      if (logRatio >= 0 || random.next32() < Math.exp(logRatio)) {
        const swap = x;
        x = y;
        y = swap;
        e = ey;
        acceptedHere++;
      }
      if (t >= burnIn && --untilKept === 0) {
        for (let d = 0; d < n; d++) samples[k++] = x[d];
        untilKept = thin;
      }
    }
    finishChain(buffers, c, x, acceptedHere);
  }
}

/** 2^-32 and 2^-31: the grids of the 32-bit uniforms (as in random.ts). */
const TWO_POW_MINUS_32 = 2.3283064365386963e-10;
const TWO_POW_MINUS_31 = 4.656612873077393e-10;

/**
 * The same transitions as {@link metropolisChains} for n = 1, with the xoshiro128** state and
 * the spare normal held in local variables (the generator of random.ts written out inline, three
 * times). It draws exactly the numbers `Xoshiro128StarStar.normal()` and `next32()` would, in the
 * same order, so both paths give bit-identical samples (a unit test checks this). About 20%
 * faster than calling the generator's methods, which V8 does not fully inline here.
 */
export function metropolisChains1d(energy: Energy, plan: ChainPlan, buffers: ChainBuffers, first: number, end: number): void {
  const { beta, stepSize, burnIn, thin } = plan;
  const total = burnIn + plan.steps;
  const kept = keptPerChain(plan);
  const { starts, samples, finalStates, accepted } = buffers;
  const point = new Float64Array(1);
  for (let c = first; c < end; c++) {
    const words = streamWords(plan.seed, c);
    let s0 = words[0] | 0;
    let s1 = words[1] | 0;
    let s2 = words[2] | 0;
    let s3 = words[3] | 0;
    let hasSpare = false;
    let spare = 0;
    let x = starts[c];
    point[0] = x;
    let e = energy.value(point);
    let acceptedHere = 0;
    let k = c * kept;
    let untilKept = thin;
    for (let t = 0; t < total; t++) {
      let z: number;
      if (hasSpare) {
        z = spare;
        hasSpare = false;
      } else {
        // Marsaglia polar method, as Xoshiro128StarStar.normal().
        let u: number;
        let v: number;
        let s: number;
        do {
          let m = Math.imul(s1, 5);
          let r = Math.imul((m << 7) | (m >>> 25), 9) >>> 0;
          let shifted = s1 << 9;
          s2 ^= s0;
          s3 ^= s1;
          s1 ^= s2;
          s0 ^= s3;
          s2 ^= shifted;
          s3 = (s3 << 11) | (s3 >>> 21);
          u = (r + 0.5) * TWO_POW_MINUS_31 - 1;
          m = Math.imul(s1, 5);
          r = Math.imul((m << 7) | (m >>> 25), 9) >>> 0;
          shifted = s1 << 9;
          s2 ^= s0;
          s3 ^= s1;
          s1 ^= s2;
          s0 ^= s3;
          s2 ^= shifted;
          s3 = (s3 << 11) | (s3 >>> 21);
          v = (r + 0.5) * TWO_POW_MINUS_31 - 1;
          s = u * u + v * v;
        } while (s >= 1);
        const f = Math.sqrt((-2 * Math.log(s)) / s);
        spare = v * f;
        hasSpare = true;
        z = u * f;
      }
      const y = x + stepSize * z;
      point[0] = y;
      const ey = energy.value(point);
      const logRatio = -beta * (ey - e);
      let accept = logRatio >= 0;
      if (!accept) {
        // One next32(), as Xoshiro128StarStar.next32().
        const m = Math.imul(s1, 5);
        const r = Math.imul((m << 7) | (m >>> 25), 9) >>> 0;
        const shifted = s1 << 9;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= shifted;
        s3 = (s3 << 11) | (s3 >>> 21);
        accept = r * TWO_POW_MINUS_32 < Math.exp(logRatio);
      }
      if (accept) {
        x = y;
        e = ey;
        acceptedHere++;
      }
      if (t >= burnIn && --untilKept === 0) {
        samples[k++] = x;
        untilKept = thin;
      }
    }
    finalStates[c] = x;
    accepted[c] = acceptedHere;
  }
}

/**
 * The two Langevin samplers, which share their proposal: the Euler-Maruyama step of
 * dx = -grad E dt + sqrt(2 / beta) dW,
 *   y = x - eta grad E(x) + sqrt(2 eta / beta) z,  z ~ N(0, I).
 *
 * - "langevin" (unadjusted) always moves to y, so every step is "accepted"; its samples carry a
 *   bias of order eta.
 * - "mala" (Metropolis-adjusted Langevin, Roberts and Tweedie 1996) treats y as a proposal with
 *   density q(y | x) proportional to exp(-beta |y - x + eta grad E(x)|^2 / (4 eta)) and accepts
 *   it with probability min(1, exp(log r)), where
 *   log r = -beta (E(y) - E(x)) - beta / (4 eta) (|x - y + eta grad E(y)|^2 - |y - x + eta grad E(x)|^2),
 *   which removes the bias.
 *
 * @throws RangeError ("langevin" only) when a state stops being finite (the step is too large
 *   for the energy); MALA rejects such a proposal instead.
 */
export function langevinChains(energy: Energy, plan: ChainPlan, buffers: ChainBuffers, first: number, end: number): void {
  const adjusted = plan.method === "mala";
  const { beta, stepSize: eta, burnIn, thin, dimension: n } = plan;
  const total = burnIn + plan.steps;
  const kept = keptPerChain(plan);
  const noise = Math.sqrt((2 * eta) / beta);
  const samples = buffers.samples;
  let x = new Float64Array(n);
  let y = new Float64Array(n);
  let gx = new Float64Array(n);
  let gy = new Float64Array(n);
  for (let c = first; c < end; c++) {
    const random = streamRandom(plan.seed, c);
    loadStart(x, buffers.starts, c);
    let e = adjusted ? energy.value(x) : 0;
    energy.gradient(x, gx);
    let acceptedHere = 0;
    let k = c * kept * n;
    let untilKept = thin;
    for (let t = 0; t < total; t++) {
      // The unadjusted step moves x in place; MALA keeps x and writes the proposal into y.
      const target = adjusted ? y : x;
      for (let d = 0; d < n; d++) {
        const next = x[d] - eta * gx[d] + noise * random.normal();
        if (!adjusted && !(Math.abs(next) < Infinity)) {
          throw new RangeError(
            `langevin: chain ${c} left the finite numbers at step ${t + 1} (coordinate ${d} became ${next}); ` +
              `the step size ${eta} is too large for this energy: lower stepSize, or use mala`,
          );
        }
        target[d] = next;
      }
      if (!adjusted) {
        energy.gradient(x, gx);
        acceptedHere++;
      } else {
        const ey = energy.value(y);
        energy.gradient(y, gy);
        let forward = 0;
        let backward = 0;
        for (let d = 0; d < n; d++) {
          const f = y[d] - x[d] + eta * gx[d];
          const b = x[d] - y[d] + eta * gy[d];
          forward += f * f;
          backward += b * b;
        }
        const logRatio = -beta * (ey - e) - (beta / (4 * eta)) * (backward - forward);
        if (logRatio >= 0 || random.next32() < Math.exp(logRatio)) {
          let swap = x;
          x = y;
          y = swap;
          swap = gx;
          gx = gy;
          gy = swap;
          e = ey;
          acceptedHere++;
        }
      }
      if (t >= burnIn && --untilKept === 0) {
        for (let d = 0; d < n; d++) samples[k++] = x[d];
        untilKept = thin;
      }
    }
    finishChain(buffers, c, x, acceptedHere);
  }
}

/** Copies chain c's start point into x (length n). */
function loadStart(x: Float64Array, starts: Float64Array, c: number): void {
  const n = x.length;
  for (let d = 0; d < n; d++) x[d] = starts[c * n + d];
}

/** Stores chain c's last state and how many proposals it accepted. */
function finishChain(buffers: ChainBuffers, c: number, x: Float64Array, acceptedCount: number): void {
  const n = x.length;
  for (let d = 0; d < n; d++) buffers.finalStates[c * n + d] = x[d];
  buffers.accepted[c] = acceptedCount;
}
