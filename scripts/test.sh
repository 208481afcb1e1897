#!/usr/bin/env bash
# The one test command (npm test): every check the project has, in one go.
#   1. TypeScript type-check of src/, test/, bench/, scripts/
#   2. build of the library to dist/ (what the notebooks import)
#   3. unit tests (node's test runner)
#   4. committed notebooks are clean and the course is well formed (links, both tracks)
#   5. kernel tests (the notebook runner, show() and the learner traps against the real tslab and
#      Deno kernels); then every notebook again on Deno (stage deno, after notebooks)
#   6. every notebook run top to bottom on a fresh tslab kernel through nbclient; every workbook
#      run three ways (teacher, student, deliberately wrong solutions: test/workbooks/)
#   7. handouts: offline HTML and PDF export, checked in headless Chromium
#   8. the browser test: JupyterLab in headless Chromium (skipped with a message if Chromium is absent
#      outside CI; in CI it is required)
# Stops at the first failing stage. Set EBM_TEST_ONLY="unit notebooks" to run some stages only.
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
py="$here/.venv/bin/python"
[ -x "$py" ] || { echo "test: .venv is missing: run 'npm run setup' first." >&2; exit 1; }

only="${EBM_TEST_ONLY:-}"
wanted() { [ -z "$only" ] || [[ " $only " == *" $1 "* ]]; }
passed=0
stage() {
  local name="$1"; shift
  wanted "$name" || return 0
  printf '\n\033[1m== %s ==\033[0m\n' "$name"
  local start=$SECONDS
  if "$@"; then
    passed=$((passed + 1))
    printf '\033[1m== %s: ok (%ss) ==\033[0m\n' "$name" $((SECONDS - start))
  else
    printf '\033[1;31m== %s: FAILED (%ss) ==\033[0m\n' "$name" $((SECONDS - start))
    echo "stages: $passed passed, 1 failed"
    exit 1
  fi
}

stage typecheck npx tsc -p tsconfig.json --noEmit
stage build npx tsc -p tsconfig.build.json
stage unit node --import tsx --test --test-reporter=spec test/unit/*.test.ts
stage clean "$py" test/notebooks/check_clean.py
stage course "$py" test/notebooks/check_course.py
stage kernel node --import tsx --test --test-reporter=spec test/kernel/*.test.ts
stage notebooks "$py" test/notebooks/run_notebooks.py
stage workbooks "$py" test/workbooks/run_workbooks.py
stage deno "$py" test/notebooks/run_notebooks.py --kernel deno  # the same notebooks on Deno's kernel (issue 16)
if command -v chromium >/dev/null 2>&1 || [ -n "${CI:-}" ]; then
  stage handouts node --import tsx --test --test-reporter=spec test/handouts/*.test.ts
else
  echo "handouts: skipped (no chromium; 'sudo apt-get install chromium' to run it)"
fi
if [ -f test/browser/jupyterlab.test.ts ]; then
  if command -v chromium >/dev/null 2>&1 || [ -n "${CI:-}" ]; then
    stage browser node --import tsx --test --test-reporter=spec test/browser/*.test.ts
  else
    echo "browser: skipped (no chromium; 'sudo apt-get install chromium' to run it)"
  fi
fi
echo "stages: $passed passed, 0 failed"
