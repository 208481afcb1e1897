"""numpy reference for bench/rbm.bench.ts.

1. One epoch of CD-1 on the binarized digits (64 visible, 64 hidden, minibatch 20), the same
   algorithm as the library's rbmTrain: for each minibatch v0 (in the order the bench gives),
     ph0 = sigmoid(c + v0 W), h0 ~ Bernoulli(ph0), pv = sigmoid(b + h0 W^T) (the reconstruction),
     v1 ~ Bernoulli(pv), ph1 = sigmoid(c + v1 W),
     W += eta (v0^T ph0 - v1^T ph1) / B,  b += eta mean(v0 - v1),  c += eta mean(ph0 - ph1),
   and the summed squared reconstruction error |v0 - pv|^2. Preallocated float64 buffers, one BLAS
   thread (the bench sets the environment). Starting W, b, c come from the bench's JSON file.
2. Unadjusted Langevin steps x <- x - eta grad E(x) + sqrt(2 eta) z for N points (from the
   bench's starting points) of the 2D
   energy E(x) = sum_k a_k softplus(u_k . x + c_k) + alpha |x|^2 / 2, vectorised over the points:
     grad E = (a * sigmoid(X U^T + c)) U + alpha X.

Usage: python rbm.py INPUT.json REPEATS SEED
Prints one JSON line: median times in ms (time.perf_counter around each timed part only), the
epoch's mean reconstruction error and |W_after - W_before|, and the Langevin sample moments.
"""
import json
import statistics
import sys
import time

import numpy as np


def cd1_epoch(data, order, w, b, c, batch, eta, rng):
    n, v = data.shape
    h = w.shape[1]
    error = 0.0
    ph0 = np.empty((batch, h))
    ph1 = np.empty((batch, h))
    pv = np.empty((batch, v))
    for start in range(0, n, batch):
        v0 = data[order[start:start + batch]]
        m = v0.shape[0]
        a0 = ph0[:m]
        np.dot(v0, w, out=a0)
        a0 += c
        np.negative(a0, out=a0)
        np.exp(a0, out=a0)
        a0 += 1.0
        np.reciprocal(a0, out=a0)
        h0 = (rng.random((m, h)) < a0).astype(np.float64)
        p = pv[:m]
        np.dot(h0, w.T, out=p)
        p += b
        np.negative(p, out=p)
        np.exp(p, out=p)
        p += 1.0
        np.reciprocal(p, out=p)
        d = v0 - p
        error += float(np.einsum("ij,ij->", d, d))
        v1 = (rng.random((m, v)) < p).astype(np.float64)
        a1 = ph1[:m]
        np.dot(v1, w, out=a1)
        a1 += c
        np.negative(a1, out=a1)
        np.exp(a1, out=a1)
        a1 += 1.0
        np.reciprocal(a1, out=a1)
        scale = eta / m
        w += scale * (v0.T @ a0 - v1.T @ a1)
        b += scale * (v0 - v1).sum(axis=0)
        c += scale * (a0 - a1).sum(axis=0)
    return error / n


def langevin_step(x, theta, alpha, eta, rng):
    a = theta[0::4]
    u = np.stack([theta[1::4], theta[2::4]], axis=1)
    c = theta[3::4]
    s = x @ u.T + c
    g = (a / (1.0 + np.exp(-s))) @ u + alpha * x
    return x - eta * g + np.sqrt(2 * eta) * rng.standard_normal(x.shape)


def main():
    problem = json.load(open(sys.argv[1]))
    repeats = int(sys.argv[2])
    rng = np.random.default_rng(int(sys.argv[3]))
    data = np.array(problem["data"], dtype=np.float64)
    order = np.array(problem["order"], dtype=np.int64)
    w0 = np.array(problem["w"], dtype=np.float64).reshape(problem["visible"], problem["hidden"])
    b0 = np.array(problem["b"], dtype=np.float64)
    c0 = np.array(problem["c"], dtype=np.float64)
    times, errors, moves = [], [], []
    for r in range(repeats + 2):
        w, b, c = w0.copy(), b0.copy(), c0.copy()
        start = time.perf_counter()
        err = cd1_epoch(data, order, w, b, c, problem["batch"], problem["eta"], rng)
        elapsed = (time.perf_counter() - start) * 1000
        if r >= 2:
            times.append(elapsed)
            errors.append(err)
            moves.append(float(np.linalg.norm(w - w0)))
    theta = np.array(problem["theta"], dtype=np.float64)
    starts = np.array(problem["starts"], dtype=np.float64)
    ltimes = []
    for r in range(repeats + 2):
        x = starts.copy()
        start = time.perf_counter()
        for _ in range(problem["langevinSteps"]):
            x = langevin_step(x, theta, problem["alpha"], problem["stepSize"], rng)
        elapsed = (time.perf_counter() - start) * 1000
        if r >= 2:
            ltimes.append(elapsed)
    print(json.dumps({
        "numpy": np.__version__,
        "epoch_ms": statistics.median(times),
        "reconstruction_error": statistics.median(errors),
        "weight_change": statistics.median(moves),
        "langevin_ms": statistics.median(ltimes),
        "langevin_mean": x.mean(axis=0).tolist(),
        "langevin_var": x.var(axis=0).tolist(),
    }))


if __name__ == "__main__":
    main()
