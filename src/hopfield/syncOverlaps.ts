/**
 * Synchronous Hopfield dynamics of a Hebbian network in pattern space (private fast path, no
 * validation: callers check at the door).
 *
 * With W = scale C, C = X^T X - P I (X the P x N patterns), every field is
 *
 *   h_i = scale K_i + b_i,   K = C s = X^T m - P s,   m = X s (P overlaps, exact integers),
 *
 * so a synchronous step s(t+1)_i = sign(h_i(t)) (ties keep s_i) needs only m: K from the byte
 * tables of lowRank.ts (O(256 G + N G), G = ceil(P / 8)), then the new state, then m follows
 * the flips (m_mu += 2 s_i' X_mu,i, O(P) per flip, or counted afresh after many flips,
 * O(P N / 32)). W is read only after a step with few flips (at most 4 ceil(P / 32)), whose
 * rows then move the fields more cheaply than a refill. Against numpy's best (two P x N products
 * per step, the same O(P N) as here, done by BLAS), this does 8 patterns per look-up. The
 * refills and the counts of m run in WebAssembly where available (fieldsWasm.ts, the same
 * numbers; compiled from the first call on), in JavaScript otherwise.
 *
 * h_i is scale K_i + b_i rounded once, exactly the value {@link lowRankFields} fills, so every
 * decision (flip, keep, tie band) is the general path's: same states, steps, flips and cycle
 * check as runSync (updates.ts) with W. The energy comes from the overlaps:
 * E = -1/2 scale (|m|^2 - P N) - b.s (energyFromOverlaps), equal to the W path's to about
 * 1e-15 relative.
 */
import { overlapTables, overlapsInto, spinWords, type HebbianFactors } from "./lowRank";
import { wasmFields, type WasmFields } from "./fieldsWasm";
import { returnsToPrevious, type SyncRun } from "./updates";

/** Work arrays of one synchronous run, kept per network and reused (runs never nest). */
interface SyncScratch {
  readonly h: Float64Array;
  readonly tables: Int32Array;
  readonly packed: Int32Array;
  readonly previous: Int8Array;
  readonly changed: Int32Array;
  /** N x P, unit-major: X_mu,i at i * P + mu (+-1), to follow the overlaps flip by flip. */
  readonly unitPatterns: Int8Array;
}

const scratchOf = new WeakMap<HebbianFactors, SyncScratch>();

function scratch(f: HebbianFactors): SyncScratch {
  let work = scratchOf.get(f);
  if (work === undefined) {
    const n = f.size;
    work = {
      h: new Float64Array(n),
      tables: new Int32Array(f.words * 1024),
      packed: new Int32Array(spinWords(n)),
      previous: new Int8Array(n),
      changed: new Int32Array(n),
      unitPatterns: unitMajorPatterns(f),
    };
    scratchOf.set(f, work);
  }
  return work;
}

/** X transposed, N x P values +-1, from the bit columns. O(N P), once per network. */
function unitMajorPatterns(f: HebbianFactors): Int8Array {
  const { size: n, count, words, columnWords } = f;
  const out = new Int8Array(n * count);
  for (let i = 0; i < n; i++) {
    for (let mu = 0; mu < count; mu++) out[i * count + mu] = ((columnWords[i * words + (mu >>> 5)] >>> (mu & 31)) & 1) === 1 ? 1 : -1;
  }
  return out;
}

/** The last run set up in WebAssembly, with the network and biases it was set up for. */
let last: { f: HebbianFactors; b: Float64Array; fields: WasmFields } | undefined;

/** The WebAssembly fields for (f, b): the last ones while they still hold, else new ones. */
function fieldsFor(f: HebbianFactors, b: Float64Array): WasmFields | undefined {
  if (last !== undefined && last.f === f && last.b === b && last.fields.current()) return last.fields;
  const fields = wasmFields(f, b);
  last = fields === undefined ? undefined : { f, b, fields };
  return fields;
}

/**
 * m = X s for a fresh state (O(P N / 32)), into `m`. Given the biases of the run that follows,
 * it counts in WebAssembly and sets that run up (the same numbers).
 */
export function startOverlaps(f: HebbianFactors, s: Int8Array, m: Int32Array, b?: Float64Array): Int32Array {
  const wasm = b === undefined ? undefined : fieldsFor(f, b);
  if (wasm === undefined) return overlapsInto(f, s, m, scratch(f).packed);
  wasm.overlaps(s, m);
  return m;
}

/**
 * All N fields h = W s + b of a Hebbian network from its patterns, in WebAssembly (the values
 * lowRankFields fills: the same doubles), into `h`. False, writing nothing, without WebAssembly.
 */
export function fieldsFromPatterns(f: HebbianFactors, b: Float64Array, s: Int8Array, h: Float64Array): boolean {
  const wasm = fieldsFor(f, b);
  if (wasm === undefined) return false;
  const m = new Int32Array(f.count);
  wasm.overlaps(s, m);
  wasm.refill(s, m, Infinity); // no unit counts as flipping: only h is wanted
  h.set(wasm.h);
  return true;
}

/**
 * Runs synchronous dynamics from s with m = X s up to date on entry: the same steps, stops
 * ("converged", "cycle", "max-iterations") and flips as runSync in updates.ts with W. `s` and
 * `m` are updated in place (m = X s on exit too); `onStep(step)` is called after each step, when
 * both are up to date. A step after at most 4 ceil(P / 32) flips moves the fields with W's rows
 * instead (h_j += 2 s_i' W_ij, O(N) per flip, as runSync does), cheaper than a refill then.
 */
export function runSyncOverlaps(
  f: HebbianFactors,
  w: Float64Array,
  b: Float64Array,
  s: Int8Array,
  m: Int32Array,
  maxSteps: number,
  tol: number,
  onStep?: (step: number) => void,
): SyncRun {
  const work = scratch(f);
  const { tables, packed, previous, unitPatterns } = work;
  // The refills and counts in WebAssembly where available (fieldsWasm.ts: the same numbers).
  const wasm = fieldsFor(f, b);
  const h = wasm === undefined ? work.h : wasm.h;
  const changed = wasm === undefined ? work.changed : wasm.changed;
  const n = f.size;
  // Following a flip costs P additions, counting m afresh about P N / 32 word counts.
  const recount = Math.max(1, Math.ceil(n / 32));
  let hasPrevious = false;
  let flips = 0;
  let count = 0; // flips of the last step
  for (let step = 1; step <= maxSteps; step++) {
    // A refill reads 4 bytes per word of each unit's column; W's rows cost N per flip.
    if (step > 1 && count <= 4 * f.words) count = moveAndDecide(w, n, s, h, changed, count, tol);
    else count = wasm === undefined ? refillAndDecide(f, b, s, m, tables, h, tol, changed) : wasm.refill(s, m, tol);
    // Is s(t+1) equal to s(t-1)? Compare before overwriting s(t).
    const isCycle = hasPrevious && returnsToPrevious(s, changed, count, previous);
    previous.set(s);
    hasPrevious = true;
    for (let c = 0; c < count; c++) s[changed[c]] = -s[changed[c]];
    if (count >= recount) {
      if (wasm === undefined) overlapsInto(f, s, m, packed);
      else wasm.overlaps(s, m);
    } else if (count > 0) followFlips(f.count, unitPatterns, s, m, changed, count);
    flips += count;
    if (onStep !== undefined) onStep(step);
    if (count === 0) return { steps: step, flips, reason: "converged" };
    if (isCycle) return { steps: step, flips, reason: "cycle" };
  }
  return { steps: maxSteps, flips, reason: "max-iterations" };
}

/**
 * h_i = scale K_i + b_i for every unit, with K = C s from the overlaps (as integerFieldsInto in
 * lowRank.ts: the byte tables of m, four bytes of unit i's column words at a time), the value
 * lowRankFields fills; and in the same pass the units whose sign(h_i) (ties keep s_i) differs
 * from s_i, into `changed`. Returns how many. O(256 G + N G).
 */
function refillAndDecide(f: HebbianFactors, b: Float64Array, s: Int8Array, m: Int32Array, tables: Int32Array, h: Float64Array, tol: number, changed: Int32Array): number {
  const { size: n, count: p, words, columnWords, scale } = f;
  let total = 0;
  for (let mu = 0; mu < p; mu++) total += m[mu];
  overlapTables(f, m, tables);
  let count = 0;
  for (let i = 0; i < n; i++) {
    const si = s[i];
    let sum = -total - p * si;
    const row = i * words;
    for (let q = 0; q < words; q++) {
      const x = columnWords[row + q];
      const base = q * 1024;
      sum += tables[base + (x & 255)] + tables[base + 256 + ((x >>> 8) & 255)] + tables[base + 512 + ((x >>> 16) & 255)] + tables[base + 768 + (x >>> 24)];
    }
    const hi = scale * sum + b[i];
    h[i] = hi;
    if (hi > tol ? si < 0 : hi < -tol && si > 0) changed[count++] = i;
  }
  return count;
}

/**
 * h_j += 2 s_i' W_ij for each unit i that flipped in the last step (changed[0..flips), s holds
 * the new values; O(N) per flip), then the units that now want to change, into `changed`.
 */
function moveAndDecide(w: Float64Array, n: number, s: Int8Array, h: Float64Array, changed: Int32Array, flips: number, tol: number): number {
  for (let c = 0; c < flips; c++) {
    const i = changed[c];
    const delta = 2 * s[i];
    const row = i * n;
    for (let j = 0; j < n; j++) h[j] += delta * w[row + j];
  }
  let count = 0;
  for (let i = 0; i < n; i++) {
    const hi = h[i];
    const si = s[i];
    if (hi > tol ? si < 0 : hi < -tol && si > 0) changed[count++] = i;
  }
  return count;
}

/** m_mu += 2 s_i' X_mu,i for each flipped unit i (s holds the new values). O(P) per flip. */
function followFlips(p: number, unitPatterns: Int8Array, s: Int8Array, m: Int32Array, changed: Int32Array, count: number): void {
  for (let c = 0; c < count; c++) {
    const i = changed[c];
    const delta = 2 * s[i];
    const row = i * p;
    for (let mu = 0; mu < p; mu++) m[mu] += delta * unitPatterns[row + mu];
  }
}
