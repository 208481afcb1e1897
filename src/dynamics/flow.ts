/**
 * Gradient flow, the continuous-time deterministic EBM: dx/dt = -grad E(x), integrated numerically.
 */
import type { DescentResult, Energy, Point } from "../types";
import { WORK_BUDGET, checkInteger, checkMaxWork, checkNonNegative, checkPositive, checkWork, message, readOptions } from "../validate";
import { checkEnergy } from "../energy/checkEnergy";
import { PathRecord } from "./path";
import { checkStart } from "./start";
import { allFinite, norm } from "../linalg";

/** The integrators {@link gradientFlow} offers. */
export type FlowMethod = "dormand-prince" | "rk4";

/** Options of {@link gradientFlow}. */
export interface GradientFlowOptions {
  /** T > 0: integrate from t = 0 to t = T. Required. */
  duration: number;
  /**
   * Stop ("converged") once |grad E(x(t))| <= tolerance, or (Dormand-Prince) once the state has
   * stopped moving: five accepted steps in a row each moved every x_i by less than its error
   * tolerance absoluteTolerance + relativeTolerance |x_i|, so the flow rests on a minimum as
   * exactly as it can resolve one whatever the energy's scale. 0 integrates to the full duration.
   * @default 1e-8
   */
  tolerance?: number;
  /**
   * "dormand-prince": adaptive Runge-Kutta 5(4) with error control (Dormand & Prince 1980).
   * "rk4": classical Runge-Kutta of order 4 with the fixed step `step`. @default "dormand-prince"
   */
  method?: FlowMethod;
  /** Dormand-Prince: relative tolerance of the local error. @default 1e-8 */
  relativeTolerance?: number;
  /** Dormand-Prince: absolute tolerance of the local error. @default 1e-10 */
  absoluteTolerance?: number;
  /** Dormand-Prince: the first trial step. @default chosen from |x| and |grad E| at the start */
  initialStep?: number;
  /** rk4: the fixed step h (the last step is shortened to land on T). @default duration / 1000 */
  step?: number;
  /** The most step attempts (accepted and rejected together). @default 100000 */
  maxSteps?: number;
  /** Keep every k-th accepted step in `path` (the start and the end are always kept). @default 1 */
  recordEvery?: number;
  /** Stop ("diverged") once some |x_i| exceeds this bound. @default 1e12 */
  divergenceBound?: number;
  /** The work budget: maxSteps x 6 gradient evaluations must not exceed it. @default 2e8 */
  maxWork?: number;
}

/** What {@link gradientFlow} returns: the common {@link DescentResult} and a few diagnostics. */
export interface GradientFlowResult extends DescentResult {
  /** The integrator used. */
  readonly method: FlowMethod;
  /** Steps the error control rejected and retried with a smaller step (0 for rk4). */
  readonly rejectedSteps: number;
  /**
   * Accepted steps along which E rose by more than 1e-12 * max(1, |E|). The exact flow never
   * raises E (dE/dt = -|grad E|^2); a rise means the integration error is too large.
   */
  readonly energyIncreases: number;
  /** |grad E| at the last point. */
  readonly gradientNorm: number;
}

/** Accepted steps in a row without a resolvable move after which the flow counts as at rest. */
const RESTING_STEPS = 5;

// Dormand-Prince 5(4) tableau (Dormand & Prince 1980; Hairer, Norsett & Wanner, Solving ODEs I, Table 5.2).
const A21 = 1 / 5;
const A31 = 3 / 40, A32 = 9 / 40;
const A41 = 44 / 45, A42 = -56 / 15, A43 = 32 / 9;
const A51 = 19372 / 6561, A52 = -25360 / 2187, A53 = 64448 / 6561, A54 = -212 / 729;
const A61 = 9017 / 3168, A62 = -355 / 33, A63 = 46732 / 5247, A64 = 49 / 176, A65 = -5103 / 18656;
const B1 = 35 / 384, B3 = 500 / 1113, B4 = 125 / 192, B5 = -2187 / 6784, B6 = 11 / 84;
// Error weights: 5th-order minus 4th-order weights.
const E1 = 71 / 57600, E3 = -71 / 16695, E4 = 71 / 1920, E5 = -17253 / 339200, E6 = 22 / 525, E7 = -1 / 40;

/**
 * Gradient flow: integrates dx/dt = -grad E(x) from x(0) = start over 0 <= t <= duration.
 *
 * Along the exact flow the energy never rises: dE/dt = grad E . dx/dt = -|grad E|^2 <= 0, so E
 * is a Lyapunov function and the flow runs downhill into a minimum (or stalls at a critical
 * point). On E = k x^2 / 2 the solution is x(t) = x_0 e^{-k t}.
 *
 * The default integrator is Dormand-Prince 5(4): each step has error estimate e = h sum_i
 * (b_i - b*_i) k_i, accepted when sqrt(mean_i (e_i / (atol + rtol max(|x_i|, |x'_i|)))^2) <= 1,
 * and the next step chosen by the PI controller of Hairer & Wanner's dopri5,
 * h' = h min(5, max(0.2, 0.9 err^(-0.17) err_prev^(0.04))), which keeps the step from
 * oscillating at the stability limit near a minimum (a plain controller stalls there, about rtol
 * away). With `method: "rk4"` it is the classical fixed-step Runge-Kutta 4.
 *
 * Stop reasons: "converged" when |grad E| <= tolerance, or (Dormand-Prince, tolerance > 0) when
 * the state has stopped moving within the integrator's resolution (see `tolerance`): near a stiff
 * minimum the gradient cannot fall below about |H| (atol + rtol |x|), which may be far above an
 * absolute tolerance (on Mueller-Brown, |H| is in the thousands); "max-iterations" when t reaches
 * `duration` (the usual end of a run that has not converged) or after `maxSteps` attempts;
 * "diverged" when a coordinate leaves [-divergenceBound, divergenceBound], x, E or grad E
 * becomes non-finite (a non-finite point is not kept), or the error control shrinks the step to
 * rounding level. The flow never stops with
 * "energy-increased": rises are counted in `energyIncreases` instead.
 *
 * `times` holds the real time t of each kept point. Cost: 6 gradient evaluations per
 * Dormand-Prince attempt (the 7th is reused by the next step), 4 per rk4 step.
 *
 * @throws TypeError when `energy` is not an Energy, `start` is not an array of numbers, or an
 *   option has the wrong kind.
 * @throws RangeError when duration is not a positive finite number, `start` has the wrong
 *   dimension or E or grad E is not finite there, an option is out of range or unknown, or
 *   6 x maxSteps is above the work budget (`maxWork`).
 * @example
 * const bowl = energyFromFunction((x) => x[0] ** 2 / 2, { gradient: (x, _w, g) => { g[0] = x[0]; } });
 * const run = gradientFlow(bowl, [1], { duration: 1, tolerance: 0 });
 * Math.abs(run.final[0] - Math.exp(-1)) < 1e-7; // x(1) = e^{-1}
 * // => true
 */
export function gradientFlow(energy: Energy, start: Point, options: GradientFlowOptions): GradientFlowResult {
  const fn = "gradientFlow";
  const e = checkEnergy(fn, "energy", energy);
  const opts = readOptions<GradientFlowOptions>(fn, options, {
    duration: undefined as unknown as number,
    tolerance: 1e-8,
    method: "dormand-prince",
    relativeTolerance: 1e-8,
    absoluteTolerance: 1e-10,
    initialStep: undefined,
    step: undefined,
    maxSteps: 100000,
    recordEvery: 1,
    divergenceBound: 1e12,
    maxWork: WORK_BUDGET,
  });
  const duration = checkPositive(fn, "options.duration", opts.duration);
  const tolerance = checkNonNegative(fn, "options.tolerance", opts.tolerance);
  const method = opts.method;
  if (method !== "dormand-prince" && method !== "rk4") {
    throw new RangeError(message(fn, "options.method", '"dormand-prince" or "rk4"', method));
  }
  const rtol = checkPositive(fn, "options.relativeTolerance", opts.relativeTolerance);
  const atol = checkPositive(fn, "options.absoluteTolerance", opts.absoluteTolerance);
  const initialStep = opts.initialStep === undefined ? undefined : checkPositive(fn, "options.initialStep", opts.initialStep);
  const fixedStep = checkPositive(fn, "options.step", opts.step ?? duration / 1000);
  const maxSteps = checkInteger(fn, "options.maxSteps", opts.maxSteps, 1);
  const recordEvery = checkInteger(fn, "options.recordEvery", opts.recordEvery, 1);
  const bound = checkPositive(fn, "options.divergenceBound", opts.divergenceBound);
  checkWork(fn, 6 * maxSteps, "6 x options.maxSteps (gradient evaluations)", checkMaxWork(fn, opts.maxWork));
  const begin = checkStart(fn, "start", e, start);

  const n = e.dimension;
  const x = begin.x;
  let value = begin.value;
  // f = -grad E at x, kept up to date (the FSAL stage of Dormand-Prince).
  const f = new Float64Array(n);
  for (let i = 0; i < n; i++) f[i] = -begin.gradient[i];
  let gradientNorm = norm(f);

  const k2 = new Float64Array(n), k3 = new Float64Array(n), k4 = new Float64Array(n);
  const k5 = new Float64Array(n), k6 = new Float64Array(n), k7 = new Float64Array(n);
  const stage = new Float64Array(n);
  const next = new Float64Array(n);
  const gradientBuffer = new Float64Array(n);

  /** Writes -grad E(point) into out; returns false when it is not finite. */
  const field = (point: Float64Array, out: Float64Array): boolean => {
    const g = e.gradient(point, gradientBuffer);
    let finite = true;
    for (let i = 0; i < n; i++) {
      out[i] = -g[i];
      if (!Number.isFinite(out[i])) finite = false;
    }
    return finite;
  };

  const record = new PathRecord(x, value);
  let t = 0;
  let accepted = 0;
  let rejected = 0;
  let attempts = 0;
  let energyIncreases = 0;
  let reason: DescentResult["reason"] | undefined;
  let previousError = 1e-4;
  /** Accepted Dormand-Prince steps in a row that moved no coordinate beyond its error tolerance. */
  let restingSteps = 0;

  let h =
    method === "rk4"
      ? fixedStep
      : initialStep ?? Math.min(duration, (0.01 * Math.max(1, norm(x))) / Math.max(gradientNorm, 1e-300));

  while (reason === undefined) {
    if (gradientNorm <= tolerance || (tolerance > 0 && restingSteps >= RESTING_STEPS)) {
      reason = "converged";
      break;
    }
    if (t >= duration || attempts >= maxSteps) {
      reason = "max-iterations";
      break;
    }
    attempts++;
    const last = h * (1 + 1e-9) >= duration - t;
    const step = last ? duration - t : h;
    let finite = true;
    let err = 0;
    if (method === "rk4") {
      finite = rk4Step(x, f, step, n, field, k2, k3, k4, stage, next);
    } else {
      // Stages 2..7 of Dormand-Prince; stage 1 is f, and k7 = f(next) becomes the next f.
      for (let i = 0; i < n; i++) stage[i] = x[i] + step * A21 * f[i];
      finite = field(stage, k2) && finite;
      for (let i = 0; i < n; i++) stage[i] = x[i] + step * (A31 * f[i] + A32 * k2[i]);
      finite = field(stage, k3) && finite;
      for (let i = 0; i < n; i++) stage[i] = x[i] + step * (A41 * f[i] + A42 * k2[i] + A43 * k3[i]);
      finite = field(stage, k4) && finite;
      for (let i = 0; i < n; i++) stage[i] = x[i] + step * (A51 * f[i] + A52 * k2[i] + A53 * k3[i] + A54 * k4[i]);
      finite = field(stage, k5) && finite;
      for (let i = 0; i < n; i++) {
        stage[i] = x[i] + step * (A61 * f[i] + A62 * k2[i] + A63 * k3[i] + A64 * k4[i] + A65 * k5[i]);
      }
      finite = field(stage, k6) && finite;
      for (let i = 0; i < n; i++) next[i] = x[i] + step * (B1 * f[i] + B3 * k3[i] + B4 * k4[i] + B5 * k5[i] + B6 * k6[i]);
      finite = field(next, k7) && finite;
      let sum = 0;
      for (let i = 0; i < n; i++) {
        const local = step * (E1 * f[i] + E3 * k3[i] + E4 * k4[i] + E5 * k5[i] + E6 * k6[i] + E7 * k7[i]);
        const scale = atol + rtol * Math.max(Math.abs(x[i]), Math.abs(next[i]));
        sum += (local / scale) ** 2;
      }
      err = Math.sqrt(sum / n);
      if (!finite || !Number.isFinite(err)) {
        // A stage blew up: retry with a much smaller step, as for a large error.
        err = Infinity;
      }
      if (err > 1) {
        rejected++;
        h = step * (Number.isFinite(err) ? Math.max(0.2, 0.9 * err ** -0.2) : 0.1);
        if (!(h > Math.abs(t) * 1e-15 && h > 1e-300)) reason = "diverged";
        continue;
      }
      // PI step control with beta = 0.04 (Hairer & Wanner's dopri5): steadier steps near equilibria.
      const grow = err === 0 ? Infinity : 0.9 * err ** -0.17 * previousError ** 0.04;
      h = step * Math.min(5, Math.max(0.2, grow));
      previousError = Math.max(err, 1e-4);
    }
    const nextValue = e.value(next);
    if (!allFinite(next) || !Number.isFinite(nextValue) || (method === "rk4" && !finite)) {
      reason = "diverged";
      break;
    }
    accepted++;
    t = last ? duration : t + step;
    let moved = false;
    for (let i = 0; i < n; i++) if (Math.abs(next[i] - x[i]) > atol + rtol * Math.abs(x[i])) moved = true;
    restingSteps = method === "dormand-prince" && !moved ? restingSteps + 1 : 0;
    if (record.step(next, value, nextValue, t, 1e-12)) energyIncreases++;
    x.set(next);
    value = nextValue;
    if (method === "rk4") {
      if (!field(x, f)) {
        reason = "diverged";
      }
    } else {
      f.set(k7);
    }
    gradientNorm = norm(f);
    let outside = false;
    for (let i = 0; i < n; i++) if (!(Math.abs(x[i]) <= bound)) outside = true;
    if (outside || !Number.isFinite(gradientNorm)) reason = "diverged";
    if (accepted % recordEvery === 0 || reason !== undefined) record.add(x, value, t);
  }
  return { ...record.finish(x, value, t, accepted, reason!), method, rejectedSteps: rejected, energyIncreases, gradientNorm };
}

/**
 * One classical Runge-Kutta 4 step for dx/dt = f(x): k1 = f(x), k2 = f(x + h k1 / 2),
 * k3 = f(x + h k2 / 2), k4 = f(x + h k3), x' = x + h (k1 + 2 k2 + 2 k3 + k4) / 6.
 * Writes x' into `next`; returns false when a stage was not finite.
 */
function rk4Step(
  x: Float64Array,
  k1: Float64Array,
  h: number,
  n: number,
  field: (point: Float64Array, out: Float64Array) => boolean,
  k2: Float64Array,
  k3: Float64Array,
  k4: Float64Array,
  stage: Float64Array,
  next: Float64Array,
): boolean {
  let finite = true;
  for (let i = 0; i < n; i++) stage[i] = x[i] + 0.5 * h * k1[i];
  finite = field(stage, k2) && finite;
  for (let i = 0; i < n; i++) stage[i] = x[i] + 0.5 * h * k2[i];
  finite = field(stage, k3) && finite;
  for (let i = 0; i < n; i++) stage[i] = x[i] + h * k3[i];
  finite = field(stage, k4) && finite;
  for (let i = 0; i < n; i++) next[i] = x[i] + (h / 6) * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]);
  return finite;
}
