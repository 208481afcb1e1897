#!/usr/bin/env bash
# Runs every benchmark in bench/, each with its references (numpy, C) in the same run.
# Builds dist/ first (the metropolis benchmark times the compiled library, as notebooks load it).
# Exits non-zero if the build or any benchmark fails (a benchmark fails when its implementations
# disagree). To add a benchmark, add one `run ...` line below.
#
# Usage: bash bench/run.sh        (or: npm run bench)
set -uo pipefail
cd "$(dirname "$0")/.."

# The project's venv python, for the numpy references (BENCH_PYTHON overrides it).
export BENCH_PYTHON="${BENCH_PYTHON:-$PWD/.venv/bin/python}"
if [ ! -x "$BENCH_PYTHON" ]; then
  echo "bench/run.sh: no python at $BENCH_PYTHON (run npm run setup, or set BENCH_PYTHON)" >&2
  exit 1
fi
export PATH="$(dirname "$BENCH_PYTHON"):$PATH"

echo "== build: npx tsc -p tsconfig.build.json"
npx tsc -p tsconfig.build.json || { echo "bench/run.sh: the build failed" >&2; exit 1; }

failed=()
run() {
  echo
  echo "== $*"
  "$@" || failed+=("$*")
}

run npx tsx bench/formula.bench.ts
run npx tsx bench/metropolis.bench.ts
run npx tsx bench/hopfield.bench.ts
run npx tsx bench/rbm.bench.ts

echo
if [ "${#failed[@]}" -gt 0 ]; then
  printf 'bench/run.sh: failed: %s\n' "${failed[@]}" >&2
  exit 1
fi
echo "bench/run.sh: all benchmarks ran"
