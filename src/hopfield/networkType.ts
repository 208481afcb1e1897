/**
 * The type of a Hopfield network (and of a fully visible Boltzmann machine), on its own so that
 * the door checks (checks.ts) and the builders (network.ts) can both use it without importing
 * each other.
 */

/**
 * N units with symmetric weights (zero diagonal), biases and a name.
 *
 * `weights` is row-major: W_ij is `weights[i * size + j]`. Make one with `hebbianWeights`
 * or `hopfieldNetwork` (or learn one with `boltzmannLearn`); every function that takes a
 * network also accepts the weights as an array of rows (number[][]), with zero biases. The
 * biases always come from the network: no function takes them as a separate argument.
 *
 * A network made by those two functions is checked once, when made (W finite, symmetric, zero
 * diagonal), then frozen and remembered: recall, energy and the Boltzmann functions trust it and
 * skip the O(N^2) checks of W. Its `weights` is a Float64Array, which JavaScript cannot freeze:
 * do not change it in place; build a new network instead (for example
 * `hopfieldNetwork(rows)` from edited rows). A network object written by hand, or a copy such
 * as `{ ...net }`, is checked in full on every call.
 */
export interface HopfieldNetwork {
  /** N, the number of units. */
  readonly size: number;
  /**
   * W, N x N, row-major: W_ij at index i * N + j. Symmetric, zero diagonal. Do not mutate in
   * place: build a new network.
   */
  readonly weights: Float64Array;
  /** b, length N (zeros when the network has no biases). */
  readonly biases: Float64Array;
  /**
   * A readable name, such as "Hopfield network, N = 49, P = 4": results made from the network
   * carry it as their `energyName`, so figures can tell runs of different networks apart.
   */
  readonly name: string;
  /** P, the number of patterns stored by the Hebbian rule (absent for hand-made networks). */
  readonly patternCount?: number;
}
