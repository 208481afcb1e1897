/**
 * Hopfield fields from the stored patterns instead of W (private fast paths, no validation:
 * callers check at the door).
 *
 * A Hebbian network is a sum of P outer products: W = scale * C with C = X^T X - P I, X the
 * P x N matrix of +-1 patterns, scale = 1/N (or 1 with normalize = false). With the overlaps
 * m = X s (P integers; m_mu = N x the overlap of s with pattern mu) the local field of unit i is
 *
 *   h_i = scale * K_i + b_i,   K_i = (C s)_i = sum_mu X_mu,i m_mu - P s_i,
 *
 * (the -P s_i removes the diagonal that X^T X carries) and s^T C s = |m|^2 - P N. K and m are
 * integers, computed exactly (|K_i| <= N P < 2^31), so h is within one rounding of the exact
 * field: every decision (flip, keep, tie) is the one the general path takes with W, whose tie
 * band is 1e-9 of the largest row sum, while a field that is not a tie is at least `scale` away
 * from -b_i.
 *
 * Cost of all N fields: the overlaps O(P N / 32) (bit counts, 32 units per word), then O(N G)
 * with G = ceil(P / 8): the P patterns are cut into groups of 8, and for each group a table of
 * 256 partial sums T_g[byte] = sum of m_mu over the patterns of the group whose bit is set in
 * `byte` (256 G additions). Unit i's sum is then 2 sum_g T_g[byte_g(i)] - sum_mu m_mu: G look-ups
 * instead of P products (the "four Russians" trick), its bytes read four at a time from its
 * column words. Against O(N^2) with W. Synchronous recall runs wholly on these (syncOverlaps.ts).
 *
 * One entry of C from the bits: C_ij = P - 2 d_ij for i != j, with d_ij = popcount(col_i XOR
 * col_j) the number of patterns where units i and j differ (32 patterns per bit count). W is
 * built that way (network.ts, in WebAssembly with 64 per count: gramWasm.ts), and the capacity
 * experiment computes the rows of C it needs (those of the units that flip), once per network,
 * without ever forming W.
 */
import type { SeededRandom } from "../sampling/random";
import { shuffleIndices } from "./random";
import type { AsyncRun, FieldSource } from "./updates";

/** The patterns of a Hebbian network, packed for the fields. Read-only once built. */
export interface HebbianFactors {
  /** P, the number of patterns. */
  readonly count: number;
  /** N, the number of units. */
  readonly size: number;
  /** W = scale * (X^T X - P I): 1/N, or 1 with normalize = false. */
  readonly scale: number;
  /** G = ceil(P / 8), the number of 8-pattern groups. */
  readonly groups: number;
  /** 32-bit words per unit in `columnWords`: ceil(P / 32). */
  readonly words: number;
  /**
   * N x words: bit k of word w of unit i is set when X_{32w+k},i = +1 (zero padding). For the
   * entries of C, and read as bytes (byte r of word w: the group of 8 patterns 4w + r) for the
   * fields.
   */
  readonly columnWords: Int32Array;
  /**
   * P x (2 ceil(N / 64)) words: bit i of pattern mu set when X_mu,i = +1, the words past N zero
   * (for the overlaps; an even count per pattern, so pairs make 64-bit words).
   */
  readonly bits: Int32Array;
  /** Work arrays of {@link lowRankFields}, made on first use and reused (calls never nest). */
  scratch: { m: Int32Array; k: Int32Array; tables: Int32Array; packed: Int32Array } | undefined;
}

/** Packs P patterns (P x N, row-major, values +-1). O(N P), without branches. */
export function hebbianFactors(data: Int8Array, count: number, n: number, scale: number): HebbianFactors {
  const groups = Math.ceil(count / 8);
  const words = Math.ceil(count / 32);
  const unitWords = 2 * Math.ceil(n / 64); // even: pairs make the 64-bit words of fieldsWasm.ts
  const columnWords = new Int32Array(n * words);
  const bits = new Int32Array(count * unitWords);
  for (let mu = 0; mu < count; mu++) {
    const offset = mu * n;
    const word = mu >>> 5;
    const shift = mu & 31;
    const patternRow = mu * unitWords;
    let packed = 0;
    for (let i = 0; i < n; i++) {
      const up = (data[offset + i] + 1) >>> 1; // 1 for +1, 0 for -1
      columnWords[i * words + word] |= up << shift;
      packed |= up << (i & 31);
      if ((i & 31) === 31) {
        bits[patternRow + (i >>> 5)] = packed;
        packed = 0;
      }
    }
    if ((n & 31) !== 0) bits[patternRow + (n >>> 5)] = packed;
  }
  return { count, size: n, scale, groups, words, columnWords, bits, scratch: undefined };
}

/** The number of set bits of a 32-bit integer (the SWAR bit count). */
export function popcount32(x: number): number {
  x = x - ((x >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

/**
 * The number of bits in which words a[oa..oa+words) and b[ob..ob+words) differ: the sum of
 * popcount(a XOR b), three words at a time (their 4-bit partial counts, at most 4 each, add
 * without overflow, so one byte sum serves three words).
 */
export function bitDistance(a: Int32Array, oa: number, b: Int32Array, ob: number, words: number): number {
  let distance = 0;
  let k = 0;
  for (; k + 3 <= words; k += 3) {
    let x = a[oa + k] ^ b[ob + k];
    let y = a[oa + k + 1] ^ b[ob + k + 1];
    let z = a[oa + k + 2] ^ b[ob + k + 2];
    x -= (x >>> 1) & 0x55555555;
    y -= (y >>> 1) & 0x55555555;
    z -= (z >>> 1) & 0x55555555;
    let sum = (x & 0x33333333) + ((x >>> 2) & 0x33333333) + (y & 0x33333333) + ((y >>> 2) & 0x33333333);
    sum += (z & 0x33333333) + ((z >>> 2) & 0x33333333);
    sum = (sum & 0x0f0f0f0f) + ((sum >>> 4) & 0x0f0f0f0f);
    distance += Math.imul(sum, 0x01010101) >>> 24;
  }
  for (; k < words; k++) distance += popcount32(a[oa + k] ^ b[ob + k]);
  return distance;
}

/**
 * d_ij, the number of patterns in which units i and j differ, from their bit columns (word
 * offsets oi = i * words and oj = j * words). Then C_ij = P - 2 d_ij for i != j.
 */
export function columnDistance(columnWords: Int32Array, oi: number, oj: number, words: number): number {
  return bitDistance(columnWords, oi, columnWords, oj, words);
}

/** m = X s, exactly: m_mu = N - 2 (number of units where s and pattern mu differ). O(P N / 32). */
export function overlapsInto(f: HebbianFactors, s: Int8Array, m: Int32Array, packed = new Int32Array(spinWords(f.size))): Int32Array {
  const n = f.size;
  const words = packed.length;
  packSpins(s, n, packed);
  // Units past N in the last word are 0 in both, so they never count as differences.
  for (let mu = 0; mu < f.count; mu++) m[mu] = n - 2 * bitDistance(f.bits, mu * words, packed, 0, words);
  return m;
}

/** 32-bit words per packed state of N units (and per pattern in `bits`): 2 ceil(N / 64). */
export function spinWords(n: number): number {
  return 2 * Math.ceil(n / 64);
}

/** Bit i of `packed` set when s_i = +1 (the words past N zero). O(N). */
function packSpins(s: Int8Array, n: number, packed: Int32Array): void {
  let word = 0;
  for (let i = 0; i < n; i++) {
    word |= ((s[i] + 1) >>> 1) << (i & 31);
    if ((i & 31) === 31) {
      packed[i >>> 5] = word;
      word = 0;
    }
  }
  if ((n & 31) !== 0) packed[n >>> 5] = word;
  for (let w = Math.ceil(n / 32); w < packed.length; w++) packed[w] = 0;
}

/**
 * The byte tables of the overlaps: tables[256 g + byte] = 2 x the sum of m_mu over the patterns
 * mu = 8 g + k whose bit k is set in `byte`, for the 4 x words groups of 8 (patterns past P
 * count 0). Built by doubling: the entries with bit k set are those without it plus
 * 2 m_(8g+k). O(256 G).
 */
export function overlapTables(f: HebbianFactors, m: Int32Array, tables: Int32Array): Int32Array {
  const { count, words } = f;
  for (let g = 0; g < 4 * words; g++) {
    const base = g * 256;
    tables[base] = 0;
    for (let bit = 0; bit < 8; bit++) {
      const mu = g * 8 + bit;
      const value = mu < count ? 2 * m[mu] : 0;
      const span = 1 << bit;
      for (let b = 0; b < span; b++) tables[base + span + b] = tables[base + b] + value;
    }
  }
  return tables;
}

const tablesOf = new WeakMap<HebbianFactors, Int32Array>();

/** Scratch for the byte tables of a network (1024 x words entries), made once and reused. */
export function fieldTables(f: HebbianFactors): Int32Array {
  let tables = tablesOf.get(f);
  if (tables === undefined) tablesOf.set(f, (tables = new Int32Array(f.words * 1024)));
  return tables;
}

/**
 * K = C s for every unit, from the overlaps m = X s: K_i = 2 sum_g T_g[byte_g(i)] - sum_mu m_mu
 * - P s_i, with the byte tables T_g of m ({@link overlapTables}); unit i's bytes are read four at
 * a time from its column words. O(256 G + N G). `scratch` holds the tables (1024 x words
 * entries); the network's own ({@link fieldTables}) when not given or shorter.
 */
export function integerFieldsInto(f: HebbianFactors, s: Int8Array, m: Int32Array, k: Int32Array, scratch?: Int32Array): Int32Array {
  const { size: n, count, words, columnWords } = f;
  // Scratch sized for the older layout (256 G entries) is too short: use the network's own.
  const tables = scratch !== undefined && scratch.length >= words * 1024 ? scratch : fieldTables(f);
  let total = 0;
  for (let mu = 0; mu < count; mu++) total += m[mu];
  overlapTables(f, m, tables);
  for (let i = 0; i < n; i++) {
    let sum = -total - count * s[i];
    const row = i * words;
    for (let q = 0; q < words; q++) {
      const x = columnWords[row + q];
      const base = q * 1024;
      sum += tables[base + (x & 255)] + tables[base + 256 + ((x >>> 8) & 255)] + tables[base + 512 + ((x >>> 16) & 255)] + tables[base + 768 + (x >>> 24)];
    }
    k[i] = sum;
  }
  return k;
}

/** E(s) = -1/2 scale (|m|^2 - P N) - b^T s, with m = X s. O(N + P). */
export function energyFromOverlaps(f: HebbianFactors, b: Float64Array, s: Int8Array, m: Int32Array): number {
  let q = 0; // s^T C s = |m|^2 - P N, an exact integer (below 2^53 for N <= 10^4)
  for (let mu = 0; mu < f.count; mu++) q += m[mu] * m[mu];
  q -= f.count * f.size;
  let bs = 0;
  for (let i = 0; i < f.size; i++) bs += b[i] * s[i];
  return -0.5 * (q * f.scale) - bs;
}

/**
 * All N fields h = W s + b of a Hebbian network from its packed patterns, for the general
 * dynamics of updates.ts (runAsync, runSync): h_i = scale K_i + b_i with K = C s exact.
 * A fill costs O(P N / 32 + N G), against O(N^2) with W. After a synchronous step the overlaps
 * follow the flips (m_mu += 2 s_i' X_mu,i, O(P) each, or counted afresh after more than N / 8
 * flips) and h is refilled from them (O(N G)),
 * or, when at most about G units flipped, updated flip by flip from W's rows (O(N) each).
 */
export function lowRankFields(f: HebbianFactors, b: Float64Array, w: Float64Array): FieldSource {
  const { size: n, count, words, columnWords } = f;
  const work = (f.scratch ??= {
    m: new Int32Array(count),
    k: new Int32Array(n),
    tables: new Int32Array(f.words * 1024),
    packed: new Int32Array(spinWords(n)),
  });
  const { m, k, tables, packed } = work;
  const refill = (s: Int8Array, h: Float64Array): void => {
    integerFieldsInto(f, s, m, k, tables);
    const scale = f.scale;
    for (let i = 0; i < n; i++) h[i] = scale * k[i] + b[i];
  };
  return {
    fill(s: Int8Array, h: Float64Array): void {
      overlapsInto(f, s, m, packed);
      refill(s, h);
    },
    update(s: Int8Array, h: Float64Array, changed: Int32Array, flips: number): void {
      // Many flips: count the overlaps afresh (O(P N / 32)) rather than one by one (O(P) each).
      if (8 * flips > n) {
        overlapsInto(f, s, m, packed);
      } else {
        for (let c = 0; c < flips; c++) {
          const i = changed[c];
          const delta = 2 * s[i];
          // m_mu += 2 s_i' X_mu,i, with X_mu,i = +1 where bit mu of unit i's column is set.
          for (let mu = 0; mu < count; mu++) {
            m[mu] += ((columnWords[i * words + (mu >>> 5)] >>> (mu & 31)) & 1) === 1 ? delta : -delta;
          }
        }
      }
      if (flips > f.groups) {
        refill(s, h);
        return;
      }
      for (let c = 0; c < flips; c++) {
        const i = changed[c];
        const delta = 2 * s[i];
        const row = i * n;
        for (let j = 0; j < n; j++) h[j] += delta * w[row + j];
      }
    },
  };
}

/** True when a fill from the overlaps costs less than W s (O(N^2)): not for tiny N or huge P. */
export function preferOverlaps(f: HebbianFactors): boolean {
  return f.groups * (f.size + 256) + f.count * Math.ceil(f.size / 32) < f.size * f.size;
}

/**
 * The integer couplings C = X^T X - P I of a network, as far as needed: row i is computed from
 * the bit columns (O(N P / 32)) the first time unit i flips, and kept; once half the rows are
 * there (N / 4), the rest of C is completed in one tiled pass ({@link completeCouplings}: the pairs
 * still missing, each counted once for both of its entries). The capacity experiment shares
 * one per network among its cues; network.ts builds W from a complete one.
 */
export interface CouplingRows {
  readonly factors: HebbianFactors;
  /**
   * N x N, row i valid when ready[i] is 1 (allocated with the first row): 16-bit entries
   * (|C_ij| <= P) unless P >= 32768, halving the memory a flip reads.
   */
  c: Int16Array | Int32Array;
  readonly ready: Uint8Array;
  /** How many rows are ready. */
  count: number;
}

/** Empty coupling rows for a network. */
export function couplingRows(f: HebbianFactors): CouplingRows {
  return { factors: f, c: new Int16Array(0), ready: new Uint8Array(f.size), count: 0 };
}

/** Storage for C: 16-bit entries when they fit (P < 32768), else 32-bit. */
function couplingStorage(f: HebbianFactors): Int16Array | Int32Array {
  return f.count < 32768 ? new Int16Array(f.size * f.size) : new Int32Array(f.size * f.size);
}

/** Makes row i of C available and returns its offset in `rows.c`. */
export function couplingRow(rows: CouplingRows, i: number): number {
  const { size: n, count, words, columnWords } = rows.factors;
  const row = i * n;
  if (rows.ready[i] === 1) return row;
  if (rows.count === 0) rows.c = couplingStorage(rows.factors);
  const { c, ready } = rows;
  if (4 * rows.count >= n) {
    completeCouplings(rows);
    return row;
  }
  const oi = i * words;
  for (let j = 0; j < n; j++) c[row + j] = count - 2 * columnDistance(columnWords, oi, j * words, words);
  c[row + i] = 0;
  ready[i] = 1;
  rows.count++;
  return row;
}

/** Side of the square tiles of the pair loop: two 64 x 64 tiles of entries fit in L1. */
const TILE = 64;

/**
 * Completes C: every pair i < j whose rows are both missing is counted once (C_ij = P - 2 d_ij)
 * and written with its mirror; a missing entry whose mirror is in a ready row is copied. The
 * pairs are visited in 64 x 64 tiles, each written with its mirror tile (j, i), so both stay in
 * cache (writing C_ji row by row would miss the cache on every entry for large N).
 * O(N^2 P / 64) from scratch.
 */
export function completeCouplings(rows: CouplingRows): Int16Array | Int32Array {
  const { size: n, count, words, columnWords } = rows.factors;
  if (rows.count === n) return rows.c;
  const fresh = rows.count === 0;
  if (fresh) rows.c = couplingStorage(rows.factors);
  const { c, ready } = rows;
  for (let ti = 0; ti < n; ti += TILE) {
    const iEnd = Math.min(ti + TILE, n);
    for (let tj = ti; tj < n; tj += TILE) {
      const jEnd = Math.min(tj + TILE, n);
      for (let i = ti; i < iEnd; i++) {
        const oi = i * words;
        const row = i * n;
        const readyI = ready[i] === 1;
        const first = tj > i ? tj : i + 1;
        if (fresh) {
          // Nothing there yet (the build of W): every pair is counted, without the checks.
          for (let j = first; j < jEnd; j++) {
            const value = count - 2 * columnDistance(columnWords, oi, j * words, words);
            c[row + j] = value;
            c[j * n + i] = value;
          }
          continue;
        }
        for (let j = first; j < jEnd; j++) {
          if (readyI) {
            if (ready[j] === 0) c[j * n + i] = c[row + j];
          } else if (ready[j] === 1) {
            c[row + j] = c[j * n + i];
          } else {
            const value = count - 2 * columnDistance(columnWords, oi, j * words, words);
            c[row + j] = value;
            c[j * n + i] = value;
          }
        }
      }
    }
  }
  for (let i = 0; i < n; i++) c[i * n + i] = 0;
  ready.fill(1);
  rows.count = n;
  return c;
}

/**
 * Asynchronous dynamics with zero biases on the integer fields K = C s (the capacity
 * experiment): the sweeps, seeded orders and decisions of {@link runAsync} (updates.ts), whose
 * tie band holds only K_i = 0 for these networks, so the test is the exact s_i K_i < 0. A flip
 * of unit i adds 2 s_i' C_ij to every K_j (C_ii = 0), from the row of C made on demand.
 * O(1) per visit and O(N) per flip, plus O(N P / 32) the first time a unit flips.
 */
export function runAsyncIntegerFields(rows: CouplingRows, s: Int8Array, k: Int32Array, random: SeededRandom, maxSweeps: number): AsyncRun {
  const n = rows.factors.size;
  const order = new Int32Array(n);
  let flips = 0;
  for (let sweep = 1; sweep <= maxSweeps; sweep++) {
    shuffleIndices(random, order);
    let flipsThisSweep = 0;
    for (let q = 0; q < n; q++) {
      const i = order[q];
      const si = s[i];
      if (si * k[i] < 0) {
        s[i] = -si;
        const row = couplingRow(rows, i);
        const c = rows.c;
        if (si > 0) for (let j = 0; j < n; j++) k[j] -= 2 * c[row + j];
        else for (let j = 0; j < n; j++) k[j] += 2 * c[row + j];
        flipsThisSweep++;
      }
    }
    flips += flipsThisSweep;
    if (flipsThisSweep === 0) return { iterations: sweep, flips, converged: true };
  }
  return { iterations: maxSweeps, flips, converged: false };
}
