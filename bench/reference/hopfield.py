"""numpy reference for bench/hopfield.bench.ts.

Hopfield recall on +-1 units with Hebbian weights, the same problem the TypeScript bench solves:
it reads the stored patterns and the cue from a JSON file written by the bench, so both sides
start from identical numbers.

  build   W = X^T X / N with a zero diagonal (one BLAS matrix product), X the P x N patterns.
  sync    s <- sign(W s) for all units at once (one matrix-vector product per step) until a
          fixed point or a 2-cycle. No randomness, so the final state must equal the library's.
  sync, low rank: the same dynamics with h = (X^T (X s) - P s) / N, two matrix-vector
          products of P x N per step (W is never formed): numpy's best for P << N.
  async   one unit at a time, every unit once per sweep in a random order (numpy's PCG64
          permutation, so the order differs from the library's), until a sweep without a flip:
          - "naive": the field h_i = W[i] . s recomputed for each visited unit (O(N) per visit);
          - "incremental": the fields kept up to date, h += 2 s_i' W[:, i] only after a flip
            (W is symmetric, so the contiguous row W[i] is used for the column), O(N) per flip.
          Both loop over units in Python, which is where numpy cannot help.
Ties: a field with |h_i| <= 1e-9 * max_i sum_j |W_ij| keeps s_i, the library's rule.

Usage: python hopfield.py INPUT.json REPEATS SEED [WARM_CALLS]
Prints one JSON line with two regimes, measured in this order in one process:
  - "first calls" (the top-level *_ms keys, as the bench's first calls): the median of REPEATS
    runs after 10 untimed warm-up runs (1 for the slow naive loop), each task in turn;
  - "warm" (the "warm" object): each task called WARM_CALLS times more (default 300; 3 for the
    naive loop, 13 ms a call at P = 120), then REPEATS rounds that run every task once in turn
    (interleaved, so a busy moment hits all of them alike); the best time of each. Here the
    async loops start each call from a fresh generator seeded alike (made outside the timed
    part): the same order and sweeps every call, as the library's seeded runs. In the first
    calls one generator runs on, so each call has its own order (and number of sweeps).
Times are time.perf_counter around each run only, in milliseconds. Also printed: final overlaps
with pattern 0, sweeps, and the sync end state as a string of "+" and "-".
"""
import json
import statistics
import sys
import time

import numpy as np


WARMUPS = 10


def build(x: np.ndarray) -> np.ndarray:
    n = x.shape[1]
    w = x.T @ x
    w /= n
    np.fill_diagonal(w, 0.0)
    return w


def recall_sync(fields, cue: np.ndarray, tol: float, max_steps: int = 100):
    """s <- sign(fields(s)) for all units at once, ties keep s_i, until a fixed point or a 2-cycle."""
    s = cue.copy()
    previous = None
    for step in range(1, max_steps + 1):
        h = fields(s)
        new = np.where(h > tol, 1.0, np.where(h < -tol, -1.0, s))
        if np.array_equal(new, s):
            return s, step, "fixed-point"
        if previous is not None and np.array_equal(new, previous):
            return new, step, "cycle"
        previous = s
        s = new
    return s, max_steps, "max-sweeps"


def energy(w, s):
    return float(-0.5 * (s @ (w @ s)))


def recall_async_naive(w, cue, tol, rng, max_sweeps=100):
    s = cue.copy()
    n = s.shape[0]
    for sweep in range(1, max_sweeps + 1):
        flips = 0
        for i in rng.permutation(n):
            if s[i] * (w[i] @ s) < -tol:
                s[i] = -s[i]
                flips += 1
        if flips == 0:
            return s, sweep
    return s, max_sweeps


def recall_async_incremental(w, cue, tol, rng, max_sweeps=100):
    s = cue.copy()
    n = s.shape[0]
    h = w @ s
    for sweep in range(1, max_sweeps + 1):
        flips = 0
        for i in rng.permutation(n):
            if s[i] * h[i] < -tol:
                s[i] = -s[i]
                h += (2.0 * s[i]) * w[i]
                flips += 1
        if flips == 0:
            return s, sweep
    return s, max_sweeps


def timed(fn, repeats, warmups=WARMUPS):
    """Median wall time in ms over `repeats` runs after `warmups` untimed runs (as the bench)."""
    for _ in range(warmups):
        fn()
    times = []
    result = None
    for _ in range(repeats):
        start = time.perf_counter()
        result = fn()
        times.append((time.perf_counter() - start) * 1000.0)
    return statistics.median(times), result


def warm_best(tasks, repeats):
    """The "warm" regime: each task's warm-up calls, then `repeats` interleaved rounds; best ms.

    tasks: name -> (fn, warmups, setup); fn(setup()) is timed, setup() is not.
    Returns the best times and each task's last result."""
    for name, (fn, warmups, setup) in tasks.items():
        for _ in range(warmups):
            fn(setup())
    best = {name: float("inf") for name in tasks}
    last = {}
    for _ in range(repeats):
        for name, (fn, _warmups, setup) in tasks.items():
            arg = setup()
            start = time.perf_counter()
            last[name] = fn(arg)
            best[name] = min(best[name], (time.perf_counter() - start) * 1000.0)
    return best, last


def main() -> None:
    if len(sys.argv) not in (4, 5):
        sys.exit("usage: hopfield.py INPUT.json REPEATS SEED [WARM_CALLS]")
    with open(sys.argv[1]) as f:
        problem = json.load(f)
    repeats, seed = int(sys.argv[2]), int(sys.argv[3])
    warm_calls = int(sys.argv[4]) if len(sys.argv) == 5 else 300
    x = np.array(problem["patterns"], dtype=np.float64)
    cue = np.array(problem["cue"], dtype=np.float64)
    n = x.shape[1]
    xi = x[0]

    build_ms, w = timed(lambda: build(x), repeats)
    tol = 1e-9 * np.abs(w).sum(axis=1).max()
    p = x.shape[0]
    sync_ms, (s_sync, steps, reason) = timed(lambda: recall_sync(lambda s: w @ s, cue, tol), repeats)
    low_rank = lambda s: (x.T @ (x @ s) - p * s) / n  # noqa: E731 (W never formed)
    low_ms, (s_low, steps_low, reason_low) = timed(lambda: recall_sync(low_rank, cue, tol), repeats)
    rng = np.random.default_rng(seed)
    naive_ms, (s_naive, sweeps_naive) = timed(lambda: recall_async_naive(w, cue, tol, rng), max(1, repeats // 3), 1)
    incremental_ms, (s_incr, sweeps_incr) = timed(lambda: recall_async_incremental(w, cue, tol, rng), repeats)
    # Warm: the async loops get a fresh generator seeded alike before each call (made outside
    # the timed part), so every call runs the same order and sweeps, as the library's seeded runs.
    nothing = lambda: None  # noqa: E731
    fresh = lambda: np.random.default_rng(seed)  # noqa: E731
    warm, last = warm_best({
        "build_ms": (lambda _: build(x), warm_calls, nothing),
        "sync_ms": (lambda _: recall_sync(lambda s: w @ s, cue, tol), warm_calls, nothing),
        "sync_low_rank_ms": (lambda _: recall_sync(low_rank, cue, tol), warm_calls, nothing),
        "async_naive_ms": (lambda g: recall_async_naive(w, cue, tol, g), min(3, warm_calls), fresh),
        "async_incremental_ms": (lambda g: recall_async_incremental(w, cue, tol, g), warm_calls, fresh),
    }, repeats)
    warm["warm_calls"] = warm_calls
    warm["async_naive_sweeps"] = last["async_naive_ms"][1]
    warm["async_naive_overlap"] = float(xi @ last["async_naive_ms"][0]) / n
    warm["async_incremental_sweeps"] = last["async_incremental_ms"][1]
    warm["async_incremental_overlap"] = float(xi @ last["async_incremental_ms"][0]) / n
    warm["sync_same"] = bool(np.array_equal(last["sync_ms"][0], s_sync) and np.array_equal(last["sync_low_rank_ms"][0], s_low))
    print(json.dumps({
        "N": n,
        "P": x.shape[0],
        "numpy": np.__version__,
        "build_ms": build_ms,
        "sync_ms": sync_ms,
        "sync_steps": steps,
        "sync_reason": reason,
        "sync_overlap": float(xi @ s_sync) / n,
        "sync_final": "".join("+" if v > 0 else "-" for v in s_sync),
        "sync_energy": energy(w, s_sync),
        "sync_low_rank_ms": low_ms,
        "sync_low_rank_steps": steps_low,
        "sync_low_rank_reason": reason_low,
        "sync_low_rank_final": "".join("+" if v > 0 else "-" for v in s_low),
        "async_naive_ms": naive_ms,
        "async_naive_sweeps": sweeps_naive,
        "async_naive_overlap": float(xi @ s_naive) / n,
        "async_incremental_ms": incremental_ms,
        "async_incremental_sweeps": sweeps_incr,
        "async_incremental_overlap": float(xi @ s_incr) / n,
        "async_incremental_energy": energy(w, s_incr),
        "warm": warm,
    }))


if __name__ == "__main__":
    main()
