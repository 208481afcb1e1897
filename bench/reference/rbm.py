"""numpy reference for bench/rbm.bench.ts.

1. One epoch of CD-1 on the binarized digits (64 visible, 64 hidden, minibatch 20), the same
   algorithm as the library's rbmTrain: for each minibatch v0 (in the order the bench gives),
     ph0 = sigmoid(c + v0 W), h0 ~ Bernoulli(ph0), pv = sigmoid(b + h0 W^T) (the reconstruction),
     v1 ~ Bernoulli(pv), ph1 = sigmoid(c + v1 W),
     W += eta (v0^T ph0 - v1^T ph1) / B,  b += eta mean(v0 - v1),  c += eta mean(ph0 - ph1),
   and the summed squared reconstruction error |v0 - pv|^2. Every buffer is allocated once per
   epoch and written in place (out=): matrix products by BLAS (one thread, the bench sets the
   environment), the sigmoid in four in-place ufunc passes, the uniforms drawn into a buffer.
   Starting W, b, c come from the bench's JSON file.
2. Unadjusted Langevin steps x <- x - eta grad E(x) + sqrt(2 eta) z for N points (from the
   bench's starting points) of the 2D
   energy E(x) = sum_k a_k softplus(u_k . x + c_k) + alpha |x|^2 / 2, vectorised over the points:
     grad E = (a * sigmoid(X U^T + c)) U + alpha X,
   with U, U^T, a and c made contiguous once and the N x K and N x 2 buffers written in place
   (the same numbers as the plain expression, about twice as fast as forming it every step).

Usage: python rbm.py INPUT.json REPEATS SEED
Prints one JSON line: median times in ms (time.perf_counter around each timed part only), the
epoch's mean reconstruction error and |W_after - W_before|, and the Langevin sample moments.
"""
import json
import statistics
import sys
import time

import numpy as np


def sigmoid_inplace(a):
    """a <- 1 / (1 + exp(-a)), in place (four ufunc passes, no temporaries)."""
    np.negative(a, out=a)
    np.exp(a, out=a)
    a += 1.0
    np.reciprocal(a, out=a)


def cd1_epoch(data, order, w, b, c, batch, eta, rng):
    n, v = data.shape
    h = w.shape[1]
    error = 0.0
    # Every buffer allocated once per epoch; the products and ufuncs write into them (out=).
    ph0 = np.empty((batch, h))
    ph1 = np.empty((batch, h))
    pv = np.empty((batch, v))
    h0 = np.empty((batch, h))
    v1 = np.empty((batch, v))
    uh = np.empty((batch, h))
    uv = np.empty((batch, v))
    d = np.empty((batch, v))
    gw = np.empty((v, h))
    gw1 = np.empty((v, h))
    for start in range(0, n, batch):
        v0 = data[order[start:start + batch]]
        m = v0.shape[0]
        a0 = ph0[:m]
        np.dot(v0, w, out=a0)
        a0 += c
        sigmoid_inplace(a0)
        s0 = h0[:m]
        u = uh[:m]
        rng.random(out=u)
        np.less(u, a0, out=s0)  # h0 ~ Bernoulli(ph0), as 0.0 / 1.0
        p = pv[:m]
        np.dot(s0, w.T, out=p)
        p += b
        sigmoid_inplace(p)
        dd = d[:m]
        np.subtract(v0, p, out=dd)
        error += float(np.vdot(dd, dd))
        s1 = v1[:m]
        u = uv[:m]
        rng.random(out=u)
        np.less(u, p, out=s1)  # v1 ~ Bernoulli(pv)
        a1 = ph1[:m]
        np.dot(s1, w, out=a1)
        a1 += c
        sigmoid_inplace(a1)
        scale = eta / m
        np.dot(v0.T, a0, out=gw)
        np.dot(s1.T, a1, out=gw1)
        gw -= gw1
        gw *= scale
        w += gw
        b += scale * (v0.sum(axis=0) - s1.sum(axis=0))
        c += scale * (a0.sum(axis=0) - a1.sum(axis=0))
    return error / n


def langevin_run(x, theta, alpha, eta, steps, rng):
    """steps of x <- x - eta grad E(x) + sqrt(2 eta) z on all points at once, x updated in place."""
    a = np.ascontiguousarray(theta[0::4])
    u = np.ascontiguousarray(np.stack([theta[1::4], theta[2::4]], axis=1))  # K x 2
    ut = np.ascontiguousarray(u.T)  # 2 x K
    c = np.ascontiguousarray(theta[3::4])
    noise = np.sqrt(2 * eta)
    s = np.empty((x.shape[0], a.size))
    g = np.empty_like(x)
    z = np.empty_like(x)
    for _ in range(steps):
        np.dot(x, ut, out=s)
        s += c
        np.negative(s, out=s)
        np.exp(s, out=s)
        s += 1.0
        np.divide(a, s, out=s)  # a_k sigmoid(u_k . x + c_k)
        np.dot(s, u, out=g)
        g += alpha * x
        rng.standard_normal(out=z)
        x -= eta * g
        x += noise * z
    return x


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
        langevin_run(x, theta, problem["alpha"], problem["stepSize"], problem["langevinSteps"], rng)
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
