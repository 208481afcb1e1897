"""numpy reference for bench/metropolis.bench.ts.

Random-walk Metropolis on the 1D double well E(x) = (x^2 - 1)^2, vectorised over chains: every
step updates all chains at once with whole-array operations on preallocated buffers (no Python
loop over chains). Proposals are x + step * N(0, 1); a proposal is accepted when
u < exp(-beta * dE) with u uniform on [0, 1) (always when dE <= 0, since then exp(-beta dE) >= 1).
Random numbers come from numpy's default generator (PCG64, normals by the ziggurat method).

Usage: python metropolis.py CHAINS STEPS BETA STEP SEED
Prints one JSON line: steps per second of the timed loop (time.perf_counter around the step loop
only), the mean of x^2 and of E over every state after every step, and the acceptance rate.
"""
import json
import sys
import time

import numpy as np


def main() -> None:
    if len(sys.argv) != 6:
        sys.exit("usage: metropolis.py CHAINS STEPS BETA STEP SEED")
    chains, steps = int(sys.argv[1]), int(sys.argv[2])
    beta, step = float(sys.argv[3]), float(sys.argv[4])
    seed = int(sys.argv[5])
    if chains <= 0 or steps <= 0 or not beta > 0 or not step > 0:
        sys.exit("metropolis.py: bad arguments")

    rng = np.random.default_rng(seed)
    x = np.zeros(chains)
    e = (x * x - 1.0) ** 2
    y = np.empty(chains)
    ey = np.empty(chains)
    threshold = np.empty(chains)
    u = np.empty(chains)
    accept = np.empty(chains, dtype=bool)
    sum_x2 = 0.0
    sum_e = 0.0
    accepted = 0

    start = time.perf_counter()
    for _ in range(steps):
        rng.standard_normal(out=y)
        np.multiply(y, step, out=y)
        np.add(y, x, out=y)                      # y = x + step * z
        np.multiply(y, y, out=ey)
        np.subtract(ey, 1.0, out=ey)
        np.multiply(ey, ey, out=ey)              # ey = (y^2 - 1)^2
        np.subtract(ey, e, out=threshold)
        np.multiply(threshold, -beta, out=threshold)
        np.exp(threshold, out=threshold)         # exp(-beta * dE)
        rng.random(out=u)
        np.less(u, threshold, out=accept)
        np.copyto(x, y, where=accept)
        np.copyto(e, ey, where=accept)
        accepted += int(np.count_nonzero(accept))
        sum_x2 += float(np.dot(x, x))
        sum_e += float(e.sum())
    seconds = time.perf_counter() - start

    total = chains * steps
    print(json.dumps({
        "implementation": "numpy " + np.__version__,
        "chains": chains,
        "steps": steps,
        "seconds": seconds,
        "stepsPerSecond": total / seconds,
        "meanX2": sum_x2 / total,
        "meanEnergy": sum_e / total,
        "acceptanceRate": accepted / total,
    }))


if __name__ == "__main__":
    main()
