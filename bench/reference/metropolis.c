/*
 * C reference for bench/metropolis.bench.ts: random-walk Metropolis on the 1D double well
 * E(x) = (x^2 - 1)^2, many independent chains, Gaussian proposals.
 *
 * Same algorithm as the library's metropolis() so that the benchmark compares languages, not
 * methods: one xoshiro128** 1.1 stream per chain (Blackman and Vigna,
 * https://prng.di.unimi.it/xoshiro128starstar.c), normals by the Marsaglia polar method with
 * the spare kept, a 32-bit uniform for the acceptance test drawn only when dE > 0. The streams
 * are seeded with splitmix64 (Steele, Lea and Flood 2014) from (seed, chain), so the numbers
 * differ from the library's (which seeds through seedrandom); only statistics are compared.
 *
 * Build and run:  gcc -O2 -o metropolis metropolis.c -lm && ./metropolis 1000 10000 1.0 0.5 7
 * Arguments: chains, steps per chain, beta, proposal standard deviation, seed.
 * Prints one JSON line: steps per second of the timed loop (clock_gettime, monotonic), the mean
 * of x^2 and of E over every state after every step, and the acceptance rate.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static inline uint32_t rotl32(uint32_t x, int k) { return (x << k) | (x >> (32 - k)); }

typedef struct { uint32_t s[4]; int has_spare; double spare; } stream_t;

static inline uint32_t next_u32(stream_t *g) {
  uint32_t *s = g->s;
  const uint32_t result = rotl32(s[1] * 5, 7) * 9;
  const uint32_t t = s[1] << 9;
  s[2] ^= s[0];
  s[3] ^= s[1];
  s[1] ^= s[2];
  s[0] ^= s[3];
  s[2] ^= t;
  s[3] = rotl32(s[3], 11);
  return result;
}

static uint64_t splitmix64(uint64_t *x) {
  uint64_t z = (*x += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

static void seed_stream(stream_t *g, uint64_t seed, uint64_t chain) {
  uint64_t x = seed * 0x100000001b3ULL ^ chain;
  uint64_t a = splitmix64(&x), b = splitmix64(&x);
  g->s[0] = (uint32_t)a; g->s[1] = (uint32_t)(a >> 32);
  g->s[2] = (uint32_t)b; g->s[3] = (uint32_t)(b >> 32);
  if ((g->s[0] | g->s[1] | g->s[2] | g->s[3]) == 0) g->s[0] = 1;
  g->has_spare = 0;
}

/* Marsaglia polar method, u and v = (k + 0.5) / 2^31 - 1 as in the library. */
static inline double normal(stream_t *g) {
  if (g->has_spare) { g->has_spare = 0; return g->spare; }
  double u, v, s;
  do {
    u = ((double)next_u32(g) + 0.5) * 4.656612873077393e-10 - 1.0;
    v = ((double)next_u32(g) + 0.5) * 4.656612873077393e-10 - 1.0;
    s = u * u + v * v;
  } while (s >= 1.0);
  const double f = sqrt(-2.0 * log(s) / s);
  g->spare = v * f;
  g->has_spare = 1;
  return u * f;
}

static inline double energy(double x) { const double u = x * x - 1.0; return u * u; }

int main(int argc, char **argv) {
  if (argc != 6) {
    fprintf(stderr, "usage: %s chains steps beta step seed\n", argv[0]);
    return 2;
  }
  const long chains = atol(argv[1]), steps = atol(argv[2]);
  const double beta = atof(argv[3]), sigma = atof(argv[4]);
  const uint64_t seed = strtoull(argv[5], NULL, 10);
  if (chains <= 0 || steps <= 0 || !(beta > 0) || !(sigma > 0)) {
    fprintf(stderr, "metropolis.c: bad arguments\n");
    return 2;
  }
  struct timespec t0, t1;
  clock_gettime(CLOCK_MONOTONIC, &t0);
  double sum_x2 = 0.0, sum_e = 0.0;
  long accepted = 0;
  stream_t g;
  for (long c = 0; c < chains; c++) {
    seed_stream(&g, seed, (uint64_t)c);
    double x = 0.0, e = energy(x);
    for (long t = 0; t < steps; t++) {
      const double y = x + sigma * normal(&g);
      const double ey = energy(y);
      const double de = ey - e;
      if (de <= 0.0 || (double)next_u32(&g) * 2.3283064365386963e-10 < exp(-beta * de)) {
        x = y;
        e = ey;
        accepted++;
      }
      sum_x2 += x * x;
      sum_e += e;
    }
  }
  clock_gettime(CLOCK_MONOTONIC, &t1);
  const double seconds = (double)(t1.tv_sec - t0.tv_sec) + 1e-9 * (double)(t1.tv_nsec - t0.tv_nsec);
  const double total = (double)chains * (double)steps;
  printf("{\"implementation\":\"C gcc -O2\",\"chains\":%ld,\"steps\":%ld,\"seconds\":%.6f,"
         "\"stepsPerSecond\":%.1f,\"meanX2\":%.6f,\"meanEnergy\":%.6f,\"acceptanceRate\":%.6f}\n",
         chains, steps, seconds, total / seconds, sum_x2 / total, sum_e / total, accepted / total);
  return 0;
}
