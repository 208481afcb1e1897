/**
 * Hopfield dynamics from the stored patterns instead of W (private fast paths, no validation:
 * callers check at the door).
 *
 * A Hebbian network is a sum of P outer products: W = scale * (X^T X - P I), X the P x N
 * matrix of +-1 patterns, scale = 1/N (or 1 with normalize = false). With the overlaps
 * m = X s (P integers; m_mu = N x the overlap of s with pattern mu) the local field of unit i is
 *
 *   h_i = scale * K_i + b_i,   K_i = sum_mu X_mu,i m_mu - P s_i,
 *
 * (the -P s_i removes the diagonal that X^T X carries: sum_mu X_mu,i^2 s_i = P s_i) and the
 * energy is E = -1/2 s^T W s - b^T s = -1/2 scale (sum_mu m_mu^2 - P N) - b^T s, since
 * sum_i s_i K_i = |m|^2 - P N. K and m are integers, computed exactly (|K_i| <= N P < 2^31), so
 * every decision (flip, keep, tie) is the one the general path takes with W, whose rounded fields
 * lie within about 1e-13 of scale * K_i + b_i and whose tie band is 1e-9 of the largest row
 * sum: a field the rule does not call a tie is at least `scale` away from zero when b = 0.
 *
 * Cost: the overlaps of a state O(P N / 32) (bit counts), a flip O(P) (m_mu += 2 s_i' X_mu,i),
 * and a field O(P / 8): the P patterns are cut into G = ceil(P / 8) groups of 8, and for each
 * group a table of 256 partial sums T_g[byte] = sum of m_mu over the patterns of the group whose
 * bit is set in `byte` is built (256 G additions after each change of m). Unit i's field is then
 * K_i = 2 sum_g T_g[byte_g(i)] - sum_mu m_mu - P s_i: G look-ups instead of P products (the
 * "four Russians" trick). When many units flip in a sweep, 16-entry tables per half-byte are
 * rebuilt instead (32 G additions per flip, 2 G look-ups per field).
 */
import type { SeededRandom } from "../sampling/random";
import { shuffleIndices } from "./random";
import { returnsToPrevious, type AsyncRun, type SyncRun } from "./updates";

/** The patterns of a Hebbian network, packed for the low-rank fields. Read-only once built. */
export interface HebbianFactors {
  /** P, the number of patterns. */
  readonly count: number;
  /** N, the number of units. */
  readonly size: number;
  /** W = scale * (X^T X - P I): 1/N, or 1 with normalize = false. */
  readonly scale: number;
  /** G = ceil(P / 8), the number of 8-pattern groups. */
  readonly groups: number;
  /** Bytes per unit in `columns`: G rounded up to a multiple of 4 (so 32-bit words fit). */
  readonly stride: number;
  /** N x stride bytes: bit k of byte g of unit i is set when X_{8g+k},i = +1 (zero padding). */
  readonly columns: Uint8Array;
  /** N x P: X transposed, row i holds X_mu,i for mu = 0..P-1 (for the O(P) flip update). */
  readonly transposed: Int8Array;
  /** P x ceil(N / 32) words: bit i of pattern mu set when X_mu,i = +1 (for the overlaps). */
  readonly bits: Int32Array;
  /** The integer couplings C = X^T X - P I (N x N), built when a long run first needs them. */
  couplings: Int16Array | undefined;
}

/** Packs P patterns (P x N, row-major, values +-1) for the low-rank path. O(N P). */
export function hebbianFactors(data: Int8Array, count: number, n: number, scale: number): HebbianFactors {
  const groups = Math.ceil(count / 8);
  const stride = 4 * Math.ceil(groups / 4);
  const words = Math.ceil(n / 32);
  const columns = new Uint8Array(n * stride);
  const transposed = new Int8Array(n * count);
  const bits = new Int32Array(count * words);
  for (let mu = 0; mu < count; mu++) {
    const offset = mu * n;
    const g = mu >>> 3;
    const bit = 1 << (mu & 7);
    for (let i = 0; i < n; i++) {
      const x = data[offset + i];
      transposed[i * count + mu] = x;
      if (x === 1) {
        columns[i * stride + g] |= bit;
        bits[mu * words + (i >>> 5)] |= 1 << (i & 31);
      }
    }
  }
  return { count, size: n, scale, groups, stride, columns, transposed, bits, couplings: undefined };
}

/** Side of the square tiles of the couplings build. */
const TILE = 64;

/**
 * C = X^T X - P I as 16-bit integers (P < 32768), cached on the factors: C_ij = P - 2 d_ij with
 * d_ij the number of patterns where units i and j differ, counted 32 patterns per bit count,
 * in 64 x 64 tiles written with their mirror. O(N^2 P / 32), once per network.
 */
export function couplingMatrix(f: HebbianFactors): Int16Array {
  if (f.couplings !== undefined) return f.couplings;
  const { size: n, count, stride } = f;
  const words = stride / 4;
  const bits = new Int32Array(f.columns.buffer, f.columns.byteOffset, n * words);
  const c = new Int16Array(n * n);
  for (let ti = 0; ti < n; ti += TILE) {
    const iEnd = Math.min(ti + TILE, n);
    for (let tj = ti; tj < n; tj += TILE) {
      const jEnd = Math.min(tj + TILE, n);
      for (let i = ti; i < iEnd; i++) {
        const oi = i * words;
        const row = i * n;
        for (let j = tj > i ? tj : i + 1; j < jEnd; j++) {
          const oj = j * words;
          let distance = popcount32(bits[oi] ^ bits[oj]);
          for (let k = 1; k < words; k++) distance += popcount32(bits[oi + k] ^ bits[oj + k]);
          const value = count - 2 * distance;
          c[row + j] = value;
          c[j * n + i] = value;
        }
      }
    }
  }
  f.couplings = c;
  return c;
}

/** Whether C can be held in 16 bits, and its build cost in units of one table look-up. */
function couplingCost(f: HebbianFactors): number {
  return f.count < 32768 ? 2 * f.size * f.size * (f.stride / 4) : Infinity;
}

/** The number of set bits of a 32-bit integer (the SWAR bit count). */
function popcount32(x: number): number {
  x = x - ((x >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

/** m = X s, exactly: m_mu = N - 2 (number of units where s and pattern mu differ). O(P N / 32). */
export function overlapsInto(f: HebbianFactors, s: Int8Array, m: Int32Array): Int32Array {
  const n = f.size;
  const words = Math.ceil(n / 32);
  const packed = new Int32Array(words);
  for (let i = 0; i < n; i++) if (s[i] === 1) packed[i >>> 5] |= 1 << (i & 31);
  // Units past N in the last word are 0 in both, so they never count as differences.
  for (let mu = 0; mu < f.count; mu++) {
    const offset = mu * words;
    let distance = 0;
    for (let k = 0; k < words; k++) distance += popcount32(f.bits[offset + k] ^ packed[k]);
    m[mu] = n - 2 * distance;
  }
  return m;
}

/** The lowest set bit's index of each byte 1..255 (entry 0 unused). */
const LOWEST_BIT = (() => {
  const t = new Uint8Array(256);
  for (let b = 1; b < 256; b++) t[b] = 31 - Math.clz32(b & -b);
  return t;
})();

/** T_g[byte] = sum of m_mu over the set bits of byte (pattern 8g + bit), for every group g. */
function byteTables(m: Int32Array, count: number, groups: number, t: Int32Array): void {
  for (let g = 0; g < groups; g++) {
    const base = g * 256;
    const first = g * 8;
    t[base] = 0;
    for (let b = 1; b < 256; b++) {
      const mu = first + LOWEST_BIT[b];
      t[base + b] = t[base + (b & (b - 1))] + (mu < count ? m[mu] : 0);
    }
  }
}

/** Half-byte tables: entry (2g + half) * 16 + nibble, for the low (half 0) and high 4 bits. */
function nibbleTables(m: Int32Array, count: number, groups: number, t: Int32Array): void {
  for (let q = 0; q < 2 * groups; q++) {
    const base = q * 16;
    const first = q * 4;
    t[base] = 0;
    for (let b = 1; b < 16; b++) {
      const mu = first + LOWEST_BIT[b];
      t[base + b] = t[base + (b & (b - 1))] + (mu < count ? m[mu] : 0);
    }
  }
}

function sum(m: Int32Array): number {
  let total = 0;
  for (let mu = 0; mu < m.length; mu++) total += m[mu];
  return total;
}

/** K_i = sum_mu X_mu,i m_mu - P s_i for every unit, from byte tables. O(256 G + N G). */
export function integerFieldsInto(f: HebbianFactors, s: Int8Array, m: Int32Array, k: Int32Array, tables = new Int32Array(f.groups * 256)): Int32Array {
  const { size: n, count, groups, stride, columns } = f;
  byteTables(m, count, groups, tables);
  const total = sum(m);
  for (let i = 0; i < n; i++) {
    const offset = i * stride;
    let set = 0;
    for (let g = 0; g < groups; g++) set += tables[g * 256 + columns[offset + g]];
    k[i] = 2 * set - total - count * s[i];
  }
  return k;
}

/** Flips unit i and updates the overlaps: m_mu += 2 s_i' X_mu,i. O(P). */
export function flipWithOverlaps(f: HebbianFactors, s: Int8Array, m: Int32Array, i: number): void {
  const next = -s[i];
  s[i] = next;
  const delta = 2 * next;
  const count = f.count;
  const row = i * count;
  const x = f.transposed;
  for (let mu = 0; mu < count; mu++) m[mu] += delta * x[row + mu];
}

/** sum_mu m_mu^2 - P N = s^T (X^T X - P I) s, an exact integer (below 2^53 for N <= 10^4). */
function quadraticForm(f: HebbianFactors, m: Int32Array): number {
  let q = 0;
  for (let mu = 0; mu < f.count; mu++) q += m[mu] * m[mu];
  return q - f.count * f.size;
}

/** E(s) = -1/2 scale (|m|^2 - P N) - b^T s, with m = X s up to date. O(N + P). */
export function energyFromOverlaps(f: HebbianFactors, b: Float64Array, s: Int8Array, m: Int32Array): number {
  let bs = 0;
  for (let i = 0; i < f.size; i++) bs += b[i] * s[i];
  return -0.5 * (quadraticForm(f, m) * f.scale) - bs;
}

/**
 * Asynchronous dynamics as {@link runAsync} (the same sweeps, the same seeded orders, the same
 * decisions s_i h_i < -tol), with the fields from the overlaps `m` (= X s on entry, kept up to
 * date). Each sweep picks its tables from the flips expected (those of the sweep before; for
 * the first, the units unstable at the start): byte tables when fewer than N / 224 (a rebuild,
 * 256 G additions, per flip; G look-ups per field), half-byte tables otherwise (32 G and 2 G).
 *
 * A long run (many sweeps with flips, near capacity) is cheaper with all N fields kept up to
 * date, O(1) per visit and O(N) per flip, which needs the integer couplings C (built once per
 * network, O(N^2 P / 32)). The run pays for tables until what it (and the earlier runs sharing
 * `ledger`) has spent on them reaches the cost of C, then builds C and switches (the ski-rental
 * rule: never more than twice the better of the two choices made in hindsight).
 */
export function runAsyncLowRank(
  f: HebbianFactors,
  b: Float64Array,
  s: Int8Array,
  m: Int32Array,
  random: SeededRandom,
  maxSweeps: number,
  tol: number,
  onFlip?: (time: number) => void,
  onSweep?: (sweep: number) => void,
  ledger: { spent: number } = { spent: 0 },
): AsyncRun {
  const { size: n, count, groups, stride, columns, scale } = f;
  const order = new Int32Array(n);
  const bytes = new Int32Array(groups * 256);
  const nibbles = new Int32Array(groups * 32);
  // The flips expected in the first sweep: the units unstable at the start.
  const k0 = integerFieldsInto(f, s, m, new Int32Array(n), bytes);
  let expected = 0;
  for (let i = 0; i < n; i++) if (s[i] * (scale * k0[i] + b[i]) < -tol) expected++;
  let flips = 0;
  const buy = couplingCost(f);
  let k: Int32Array | undefined;
  let c: Int16Array | undefined;
  for (let sweep = 1; sweep <= maxSweeps; sweep++) {
    shuffleIndices(random, order);
    if (k === undefined && (f.couplings !== undefined ? sweep > 1 : ledger.spent >= buy)) {
      c = couplingMatrix(f);
      k = integerFieldsInto(f, s, m, k0, bytes);
    }
    if (k !== undefined) {
      const run = vectorSweep(f, b, s, m, k, c!, order, tol, sweep, onFlip);
      flips += run;
      if (onSweep !== undefined) onSweep(sweep);
      if (run === 0) return { iterations: sweep, flips, converged: true };
      continue;
    }
    const byteMode = 224 * expected < n;
    let stale = true;
    let total = 0;
    let flipsThisSweep = 0;
    for (let c = 0; c < n; c++) {
      const i = order[c];
      if (stale) {
        if (byteMode) byteTables(m, count, groups, bytes);
        else nibbleTables(m, count, groups, nibbles);
        total = sum(m);
        stale = false;
      }
      const offset = i * stride;
      let set = 0;
      if (byteMode) {
        for (let g = 0; g < groups; g++) set += bytes[g * 256 + columns[offset + g]];
      } else {
        for (let g = 0; g < groups; g++) {
          const byte = columns[offset + g];
          set += nibbles[g * 32 + (byte & 15)] + nibbles[g * 32 + 16 + (byte >>> 4)];
        }
      }
      const si = s[i];
      const h = scale * (2 * set - total - count * si) + b[i];
      if (si * h < -tol) {
        flipWithOverlaps(f, s, m, i);
        stale = true;
        flipsThisSweep++;
        if (onFlip !== undefined) onFlip(sweep - 1 + (c + 1) / n);
      }
    }
    flips += flipsThisSweep;
    expected = flipsThisSweep;
    ledger.spent += n * groups * (byteMode ? 1 : 2) + flipsThisSweep * groups * (byteMode ? 256 : 32);
    if (onSweep !== undefined) onSweep(sweep);
    if (flipsThisSweep === 0) return { iterations: sweep, flips, converged: true };
  }
  return { iterations: maxSweeps, flips, converged: false };
}

/**
 * One asynchronous sweep with every K_i kept up to date: a flip of unit i adds 2 s_i' C_ij to
 * each K_j (C_ii = 0: K_i = sum_{j != i} C_ij s_j does not change). Returns the flips.
 */
function vectorSweep(
  f: HebbianFactors,
  b: Float64Array,
  s: Int8Array,
  m: Int32Array,
  k: Int32Array,
  c: Int16Array,
  order: Int32Array,
  tol: number,
  sweep: number,
  onFlip: ((time: number) => void) | undefined,
): number {
  const { size: n, scale } = f;
  let flips = 0;
  for (let q = 0; q < n; q++) {
    const i = order[q];
    const si = s[i];
    if (si * (scale * k[i] + b[i]) < -tol) {
      flipWithOverlaps(f, s, m, i);
      const delta = -2 * si;
      const row = i * n;
      for (let j = 0; j < n; j++) k[j] += delta * c[row + j];
      flips++;
      if (onFlip !== undefined) onFlip(sweep - 1 + (q + 1) / n);
    }
  }
  return flips;
}

/**
 * Synchronous dynamics as {@link runSync} (the same steps, 2-cycle test and decisions), with
 * all N fields from the overlaps each step: O(256 G + N G + flips x P) per step.
 */
export function runSyncLowRank(
  f: HebbianFactors,
  b: Float64Array,
  s: Int8Array,
  m: Int32Array,
  maxSteps: number,
  tol: number,
  onStep?: (step: number) => void,
): SyncRun {
  const { size: n, scale } = f;
  const previous = new Int8Array(n); // s(t - 1)
  const changed = new Int32Array(n);
  const k = new Int32Array(n);
  const tables = new Int32Array(f.groups * 256);
  let hasPrevious = false;
  let flips = 0;
  for (let step = 1; step <= maxSteps; step++) {
    integerFieldsInto(f, s, m, k, tables);
    let count = 0;
    for (let i = 0; i < n; i++) {
      const hi = scale * k[i] + b[i];
      const next = hi > tol ? 1 : hi < -tol ? -1 : s[i];
      if (next !== s[i]) changed[count++] = i;
    }
    const isCycle = hasPrevious && returnsToPrevious(s, changed, count, previous);
    previous.set(s);
    hasPrevious = true;
    for (let c = 0; c < count; c++) flipWithOverlaps(f, s, m, changed[c]);
    flips += count;
    if (onStep !== undefined) onStep(step);
    if (count === 0) return { steps: step, flips, reason: "converged" };
    if (isCycle) return { steps: step, flips, reason: "cycle" };
  }
  return { steps: maxSteps, flips, reason: "max-iterations" };
}

/**
 * True when the low-rank path is expected to beat the general one for this network: P <= N/2.
 * (Measured at N = 1000: see bench/README.md.)
 */
export function preferLowRank(f: HebbianFactors): boolean {
  return 2 * f.count <= f.size;
}
