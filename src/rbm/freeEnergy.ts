/**
 * The free energy of a visible state: the hidden units summed out in closed form.
 */
import { checkBatch, checkRbm, softplus, type Rbm } from "./machine";

/**
 * The free energy of a visible vector v, the hidden units summed out:
 *
 *   F(v) = -log sum_h exp(-E(v, h)) = -b.v - sum_j softplus(c_j + sum_i v_i W_ij),
 *
 * softplus(x) = log(1 + e^x), so p(v) = exp(-F(v)) / Z. Because the hidden units are
 * independent given v, the sum over 2^H hidden states factorises into H terms. Lower F, more
 * probable v. v may hold values in [0, 1] (F is then the same formula, used as a score).
 *
 * @param machine An RBM (from rbm or rbmTrain).
 * @param v A visible vector of V values in [0, 1].
 * @throws TypeError when machine is not an RBM or v is not an array.
 * @throws RangeError when v has the wrong length or a value outside [0, 1].
 * @example
 * const machine = rbm(2, 1);            // W = 0, b = c = 0
 * rbmFreeEnergy(machine, [1, 0]);        // -softplus(0) = -log 2
 * // => -0.6931471805599453
 */
export function rbmFreeEnergy(machine: Rbm, v: readonly number[] | Float64Array): number {
  const fn = "rbmFreeEnergy";
  const m = checkRbm(fn, "machine", machine);
  if (Array.isArray(v) && v.length > 0 && typeof v[0] !== "number") {
    throw new TypeError(`${fn}: v must be one visible vector of ${m.visible} values in [0, 1], got an array of vectors (map over them)`);
  }
  const batch = checkBatch(fn, "v", v, m.visible, false);
  return freeEnergyOf(m, batch.data, 0);
}

/** F(v) for the row starting at `offset` (internal: inputs checked). */
export function freeEnergyOf(m: Rbm, v: Float64Array, offset: number): number {
  const V = m.visible;
  const H = m.hidden;
  const w = m.weights;
  let f = 0;
  for (let i = 0; i < V; i++) f -= m.visibleBiases[i] * v[offset + i];
  for (let j = 0; j < H; j++) {
    let x = m.hiddenBiases[j];
    for (let i = 0; i < V; i++) x += v[offset + i] * w[i * H + j];
    f -= softplus(x);
  }
  return f;
}
