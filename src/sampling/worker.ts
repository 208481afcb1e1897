/**
 * The worker-thread side of the samplers: rebuild the energy from its recipe, check that it is
 * the same energy, and run a block of chains into the shared buffers.
 *
 * threads.ts starts a worker with a small bootstrap that requires this file (worker.js in dist/,
 * worker.ts under tsx) and calls {@link runWorkerJob}; the bootstrap reports success or the
 * error back to the waiting main thread.
 */
import type { Energy, EnergyRecipe } from "../types";
import { runChains, type ChainBuffers, type ChainPlan } from "./chains";

/** What the main thread sends to one worker: plain data and shared-memory buffers. */
export interface WorkerJob {
  readonly recipe: EnergyRecipe;
  readonly plan: ChainPlan;
  /** Backed by SharedArrayBuffers: the worker writes its chains' parts in place. */
  readonly buffers: ChainBuffers;
  /** The chains [first, end) this worker runs. */
  readonly first: number;
  readonly end: number;
  /** E at every chain's start point as the main thread computed it (the recipe check). */
  readonly startEnergies: Float64Array;
}

/** Calls `require(recipe.module)[recipe.export](...recipe.args)` and checks it returned an energy. */
export function rebuildEnergy(recipe: EnergyRecipe): Energy {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const moduleExports = require(recipe.module) as Record<string, unknown>;
  const factory = moduleExports[recipe.export];
  if (typeof factory !== "function") {
    throw new TypeError(`the recipe module ${recipe.module} has no exported function ${JSON.stringify(recipe.export)}`);
  }
  const energy = factory(...recipe.args) as Energy;
  if (energy === null || typeof energy !== "object" || typeof energy.value !== "function" || typeof energy.gradient !== "function") {
    throw new TypeError(`the recipe ${recipe.module} ${recipe.export}(...) did not return an energy`);
  }
  return energy;
}

/** Runs one block of chains with the energy rebuilt from its recipe. */
export function runWorkerJob(job: WorkerJob): void {
  const { plan, buffers, first, end } = job;
  const energy = rebuildEnergy(job.recipe);
  if (energy.dimension !== plan.dimension) {
    throw new RangeError(`the energy rebuilt from its recipe has dimension ${energy.dimension}, the original ${plan.dimension}`);
  }
  const n = plan.dimension;
  for (let c = first; c < end; c++) {
    const rebuilt = energy.value(buffers.starts.subarray(c * n, (c + 1) * n));
    if (!Object.is(rebuilt, job.startEnergies[c])) {
      throw new RangeError(
        `the energy rebuilt from its recipe gives ${rebuilt} at the start of chain ${c}, the original ` +
          `${job.startEnergies[c]}: the recipe does not describe this energy`,
      );
    }
  }
  runChains(energy, plan, buffers, first, end);
}
