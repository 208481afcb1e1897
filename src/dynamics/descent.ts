/**
 * Gradient descent, the discrete-time deterministic EBM: x_{t+1} = x_t - eta grad E(x_t).
 */
import type { DescentResult, Energy, Point } from "../types";
import { WORK_BUDGET, checkBoolean, checkEnergy, checkInteger, checkMaxWork, checkNonNegative, checkPositive, checkWork, readOptions } from "../validate";
import { PathRecord, RISE_TOLERANCE } from "./path";
import { checkStart } from "./start";
import { allFinite, norm } from "../linalg";

/**
 * The resting rule. A run whose gradient cannot get below `tolerance` (on an energy of large
 * scale the rounding noise of grad E is above 1e-8) ends on a floating-point fixed point or a short
 * cycle: x_{t+1} = x_t exactly, or the iterates take turns among a few neighbouring floats. The
 * map x -> x - eta grad E(x) is deterministic, so once the state is back at a point it has already
 * been at, the run repeats itself forever: it has stopped moving. The rule looks for that return
 * among the last RESTING_MEMORY points reached by small steps (every |step_i| <= SMALL_STEP
 * (1 + |x_i|); larger steps cannot be rounding noise). A run that reaches |grad E| <= tolerance
 * never returns to a point first (it would repeat without ever getting there), so those runs
 * stop exactly where they did before the rule.
 */
class RestingWatch {
  private readonly memory: Float64Array;
  private stored = 0;
  private next = 0;

  constructor(private readonly n: number) {
    this.memory = new Float64Array(RESTING_MEMORY * n);
  }

  /** Records the point `x` reached by a small step; true when the run had already been there. */
  returned(x: Float64Array): boolean {
    const { n, memory } = this;
    for (let k = 0; k < this.stored; k++) {
      let same = true;
      for (let i = 0; i < n && same; i++) same = memory[k * n + i] === x[i];
      if (same) return true;
    }
    memory.set(x, this.next * n);
    this.next = (this.next + 1) % RESTING_MEMORY;
    this.stored = Math.min(this.stored + 1, RESTING_MEMORY);
    return false;
  }
}

/** How many recent small-step points the resting rule remembers (the longest cycle it sees). */
const RESTING_MEMORY = 16;
/** A step is small (possibly rounding noise) when every |step_i| <= SMALL_STEP (1 + |x_i|). */
const SMALL_STEP = 1e-8;

/** Options of {@link gradientDescent}. */
export interface GradientDescentOptions {
  /** eta > 0, the step size (learning rate). Required. */
  eta: number;
  /** The most steps to take. @default 10000 */
  maxIterations?: number;
  /**
   * Stop ("converged") once |grad E(x_t)| <= tolerance, or once the state has stopped moving: it
   * is back, to the last bit, at a point of its last few small steps (a floating-point fixed point
   * or cycle), so a run on an energy of large scale, whose gradient rounding noise is above the
   * tolerance, still ends converged. 0 runs until another rule stops it. @default 1e-8
   */
  tolerance?: number;
  /** Keep every k-th point in `path` (the start and the last point are always kept). @default 1 */
  recordEvery?: number;
  /**
   * Stop at the first step where E rises ("energy-increased"). With false the run goes on and
   * `energyRises` lists the rises. @default true
   */
  stopOnEnergyIncrease?: boolean;
  /**
   * A step counts as a rise when E_{t+1} - E_t > energyIncreaseTolerance * max(1, |E_t|), so
   * rounding noise near a minimum is not reported. @default 1e-12
   */
  energyIncreaseTolerance?: number;
  /** Stop ("diverged") once some |x_i| exceeds this bound. @default 1e12 */
  divergenceBound?: number;
  /** The work budget: maxIterations above it is refused at the door. @default 2e8 (WORK_BUDGET) */
  maxWork?: number;
}

/** What {@link gradientDescent} returns: the common {@link DescentResult} and a few diagnostics. */
export interface GradientDescentResult extends DescentResult {
  /** The step size used. */
  readonly eta: number;
  /**
   * How many steps raised the energy (each one breaks the Lyapunov property E(x_{t+1}) <= E(x_t)):
   * the length of `energyRises`, which says where.
   */
  readonly energyIncreases: number;
  /** |grad E| at the last point (Infinity or NaN when the gradient overflowed there). */
  readonly gradientNorm: number;
}

/**
 * Gradient descent: x_{t+1} = x_t - eta grad E(x_t), from `start` until one rule stops it.
 *
 * For a small enough step (eta < 2 / L when grad E is L-Lipschitz along the path) each step
 * lowers the energy, E(x_{t+1}) <= E(x_t) - eta (1 - L eta / 2) |grad E(x_t)|^2, so E is a
 * Lyapunov function of the dynamics. On E = k x^2 / 2 the iterates are exactly
 * x_t = (1 - eta k)^t x_0: they shrink for 0 < eta < 2/k and grow, with E rising, for eta > 2/k.
 *
 * Stop reasons, checked in this order before each step and after it:
 * - "converged": |grad E(x_t)| <= tolerance, or (tolerance > 0) the state has stopped moving:
 *   x_t is, to the last bit, a point the run reached within its last 16 small steps (every
 *   |step_i| <= 1e-8 (1 + |x_i|)). The map is deterministic, so from there it would repeat
 *   itself forever: a floating-point fixed point or cycle around a minimum whose gradient
 *   rounding noise is above `tolerance` (an energy of large scale). Scale-aware, like
 *   gradientFlow's rule; a run that reaches the gradient tolerance is never stopped by it;
 * - "max-iterations": maxIterations steps were taken;
 * - "diverged": a coordinate left [-divergenceBound, divergenceBound], or x, E or grad E became
 *   non-finite. A new point whose coordinates or energy are not finite is not kept: the run
 *   ends at the last finite point and `iterations` is that point's step index;
 * - "energy-increased": E rose (see `energyIncreaseTolerance`) and `stopOnEnergyIncrease` is on.
 *   The point where it rose is kept, so `energies` shows the rise.
 *
 * Every point reached by a rise is kept in `path` (whatever `recordEvery` says), and its index
 * listed in `energyRises`; `energyIncreases` is their number. Figures read these: the rises are
 * counted once, with this run's tolerance.
 *
 * `times` holds the step index t of each kept point. Cost: one gradient and one energy
 * evaluation per step.
 *
 * @throws TypeError when `energy` is not an Energy, `start` is not an array of numbers, or an
 *   option has the wrong kind.
 * @throws RangeError when eta is not a positive finite number, `start` has the wrong dimension
 *   or E or grad E is not finite there, an option is out of range or unknown, or maxIterations is
 *   above the work budget (pass `maxWork` to raise it).
 * @example
 * const bowl = energyFromFunction((x) => x[0] ** 2, { gradient: (x, _w, g) => { g[0] = 2 * x[0]; } });
 * const run = gradientDescent(bowl, [1], { eta: 0.25, maxIterations: 3 });
 * run.path.map((p) => p[0]); // x_t = (1 - 0.25 * 2)^t
 * // => [1, 0.5, 0.25, 0.125]
 * gradientDescent(bowl, [1], { eta: 1.5, stopOnEnergyIncrease: false, maxIterations: 3 }).energyRises;
 * // => [1, 2, 3]
 * gradientDescent(bowl, [1], { eta: 0.25, maxIteration: 3 });
 * // throws RangeError("gradientDescent: options.maxIteration is not an option (did you mean maxIterations?); the options are eta, maxIterations, tolerance, recordEvery, stopOnEnergyIncrease, energyIncreaseTolerance, divergenceBound, maxWork")
 */
export function gradientDescent(energy: Energy, start: Point, options: GradientDescentOptions): GradientDescentResult {
  const fn = "gradientDescent";
  const e = checkEnergy(fn, "energy", energy);
  const opts = readOptions(fn, options, {
    eta: undefined as number | undefined,
    maxIterations: 10000,
    tolerance: 1e-8,
    recordEvery: 1,
    stopOnEnergyIncrease: true,
    energyIncreaseTolerance: RISE_TOLERANCE,
    divergenceBound: 1e12,
    maxWork: WORK_BUDGET,
  });
  const eta = checkPositive(fn, "options.eta", opts.eta);
  const maxIterations = checkInteger(fn, "options.maxIterations", opts.maxIterations, 0);
  const tolerance = checkNonNegative(fn, "options.tolerance", opts.tolerance);
  const recordEvery = checkInteger(fn, "options.recordEvery", opts.recordEvery, 1);
  const stopOnRise = checkBoolean(fn, "options.stopOnEnergyIncrease", opts.stopOnEnergyIncrease);
  const riseTolerance = checkNonNegative(fn, "options.energyIncreaseTolerance", opts.energyIncreaseTolerance);
  const bound = checkPositive(fn, "options.divergenceBound", opts.divergenceBound);
  checkWork(fn, maxIterations, "options.maxIterations (one gradient and one energy evaluation each)", checkMaxWork(fn, opts.maxWork));
  const begin = checkStart(fn, "start", e, start);

  const n = e.dimension;
  let x = begin.x;
  let value = begin.value;
  let g = begin.gradient;
  let gradientNorm = norm(g);
  let next = new Float64Array(n);
  let gradientBuffer = new Float64Array(n);

  const record = new PathRecord(x, value, e.name);
  let t = 0;
  let reason: DescentResult["reason"];
  const watch = new RestingWatch(n);
  /** The state is back at a point it had reached (see RestingWatch). */
  let resting = false;

  for (;;) {
    if (gradientNorm <= tolerance || (tolerance > 0 && resting)) {
      reason = "converged";
      break;
    }
    if (t >= maxIterations) {
      reason = "max-iterations";
      break;
    }
    let outside = false;
    let small = true;
    for (let i = 0; i < n; i++) {
      const xi = x[i] - eta * g[i];
      next[i] = xi;
      if (!(Math.abs(xi) <= bound)) outside = true;
      if (!(Math.abs(xi - x[i]) <= SMALL_STEP * (1 + Math.abs(x[i])))) small = false;
    }
    const nextValue = e.value(next);
    if (!allFinite(next) || !Number.isFinite(nextValue)) {
      reason = "diverged";
      break;
    }
    t++;
    resting = tolerance > 0 && small && watch.returned(next);
    const rose = record.step(next, value, nextValue, t, riseTolerance);
    const nextGradient = e.gradient(next, gradientBuffer);
    // Swap the buffers: the old point becomes scratch for the next step.
    [x, next] = [next, x];
    gradientBuffer = g;
    g = nextGradient;
    value = nextValue;
    gradientNorm = norm(g);
    const stop = outside || !Number.isFinite(gradientNorm) || (rose && stopOnRise);
    if (t % recordEvery === 0 || stop) record.add(x, value, t);
    if (outside || !Number.isFinite(gradientNorm)) {
      reason = "diverged";
      break;
    }
    if (rose && stopOnRise) {
      reason = "energy-increased";
      break;
    }
  }
  const result = record.finish(x, value, t, t, reason);
  return { ...result, eta, energyIncreases: result.energyRises.length, gradientNorm };
}
