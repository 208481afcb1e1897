#!/usr/bin/env bash
# Sets up everything the course needs, inside the project folder, idempotently:
#   1. npm dependencies from package-lock.json, and the library built to dist/;
#   2. a Python venv in .venv/ with the pinned packages of requirements.txt;
#   3. the two TypeScript kernels, tslab and Deno, registered inside that venv only (never in
#      your global Jupyter); tslab carries the project's fixes from patches/ (patch-package).
# A second run checks each step's fingerprint and skips what is already done.
# Usage: npm run setup            (or: bash scripts/setup.sh)
#        EBM_SKIP_BROWSER=1 ...    skip the optional Chromium step
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
venv="$here/.venv"
stamp_dir="$here/node_modules/.ebm-setup"

say()  { printf '\033[1msetup:\033[0m %s\n' "$*"; }
fail() { printf '\033[1;31msetup failed:\033[0m %s\n' "$*" >&2; exit 1; }
hash_of() { cat "$@" | sha256sum | cut -c1-16; }

# --- preconditions -----------------------------------------------------------------------
command -v node >/dev/null 2>&1 || fail "Node.js is not installed. Install Node 20 or newer (https://nodejs.org, or your system's package manager), then run this again."
node_major="$(node -p 'process.versions.node.split(".")[0]')"
if [ "$node_major" -lt 20 ]; then
  fail "Node $(node --version) is too old: the course needs Node 20 or newer. Install a newer Node (for example with nvm: 'nvm install 20'), then run this again."
fi
command -v npm >/dev/null 2>&1 || fail "npm is not installed (it normally comes with Node.js)."
python="${PYTHON:-python3}"
command -v "$python" >/dev/null 2>&1 || fail "python3 is not installed. Install Python 3.9 or newer (Debian/Ubuntu: 'apt-get install python3 python3-venv'), then run this again."
"$python" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 9) else 1)' \
  || fail "$("$python" --version 2>&1) is too old: JupyterLab 4 needs Python 3.9 or newer."
"$python" -c 'import venv, ensurepip' 2>/dev/null \
  || fail "Python's venv module (with ensurepip) is missing. Debian/Ubuntu: 'apt-get install python3-venv'; then run this again."

# --- 1. npm packages and the library -----------------------------------------------------
# patches/ is part of the fingerprint: a changed patch needs a fresh node_modules to apply to.
npm_hash="$(hash_of package.json package-lock.json patches/*.patch)"
if [ -f "$stamp_dir/npm" ] && [ "$(cat "$stamp_dir/npm")" = "$npm_hash" ] && [ -e node_modules/.bin/tslab ] \
  && [ -e node_modules/deno/package.json ]; then
  say "npm packages: up to date"
else
  say "npm packages: installing from package-lock.json (npm ci; its postinstall applies patches/) ..."
  npm ci --no-audit --no-fund --loglevel=error \
    || fail "npm ci failed. If the message above mentions the network (ENOTFOUND, ETIMEDOUT, EAI_AGAIN), check that the npm registry is reachable ('npm ping'), or set your proxy with 'npm config set proxy ...'."
  mkdir -p "$stamp_dir" && echo "$npm_hash" > "$stamp_dir/npm"
fi
# The tslab fixes (patches/tslab+*.patch): npm ci applies them through the postinstall script;
# re-apply here in case npm ran with --ignore-scripts (patch-package skips a patch already in place).
patched() { grep -q "ebm-notebooks patch" "node_modules/tslab/dist/$1.js" 2>/dev/null; }
if ! patched converter || ! patched executor; then
  say "tslab: applying the project's fixes (patch-package) ..."
  npx --no-install patch-package >/dev/null && patched converter && patched executor \
    || fail "patch-package could not apply patches/ to node_modules/tslab (see the message above). Delete node_modules/ and run 'npm run setup' again."
fi
# Deno's npm package links its binary (from the optional package @deno/<platform>) in a postinstall
# script, which npm may skip for dependencies; that script is idempotent, so run it here if needed.
# A platform Deno does not ship for (Alpine's musl, for one) keeps the tslab kernel only.
deno_ok=1
if [ ! -x node_modules/deno/deno ]; then
  say "deno: linking the binary for $(uname -sm) ..."
  node node_modules/deno/install.cjs >/dev/null 2>&1 || deno_ok=""
fi
node -e 'require("zeromq")' 2>/dev/null \
  || fail "the zeromq module that tslab uses does not load on this machine ($(uname -sm), Node $(node --version)). See kernel-setup.md, 'zeromq'."

src_hash="$(find src tsconfig.json tsconfig.build.json -type f -print0 | sort -z | xargs -0 cat | sha256sum | cut -c1-16)"
if [ -f "$stamp_dir/build" ] && [ "$(cat "$stamp_dir/build")" = "$src_hash" ] && [ -f dist/index.js ]; then
  say "library: dist/ up to date"
else
  say "library: building src/ -> dist/ ..."
  npx tsc -p tsconfig.build.json || fail "the library does not compile (messages above)."
  echo "$src_hash" > "$stamp_dir/build"
fi

# --- 2. the Python venv --------------------------------------------------------------------
if [ ! -x "$venv/bin/python" ]; then
  say "python: creating the venv in .venv/ ..."
  "$python" -m venv "$venv" || fail "could not create .venv/ with $python -m venv."
fi
pip_hash="$(hash_of requirements.txt)"
if [ -f "$venv/.ebm-requirements" ] && [ "$(cat "$venv/.ebm-requirements")" = "$pip_hash" ]; then
  say "python: JupyterLab and friends up to date"
else
  say "python: installing requirements.txt into .venv/ (JupyterLab, plotly, nbclient, nbconvert, numpy) ..."
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r requirements.txt \
    || fail "pip could not install requirements.txt. If the message above mentions the network, check that PyPI is reachable ('$venv/bin/pip download --no-deps -d /tmp six'), or set HTTPS_PROXY."
  echo "$pip_hash" > "$venv/.ebm-requirements"
fi

# --- 3. the kernels, inside the venv only ---------------------------------------------------
kernel_json="$venv/share/jupyter/kernels/tslab/kernel.json"
tslab_bin="$here/node_modules/.bin/tslab"
if [ -f "$kernel_json" ] && grep -qF "\"$tslab_bin\"" "$kernel_json"; then
  say "kernel: tslab registered in .venv ($kernel_json)"
else
  say "kernel: registering tslab in .venv (tslab install --sys-prefix) ..."
  "$tslab_bin" install --python="$venv/bin/python" --sys-prefix --binary="$tslab_bin" >/dev/null \
    || fail "tslab install failed (see kernel-setup.md, 'Kernel not listed')."
  grep -qF "\"$tslab_bin\"" "$kernel_json" || fail "the tslab kernelspec was not written to $kernel_json."
fi

# Deno's kernel: `deno jupyter --install` would write to your user's Jupyter, so the kernelspec is
# written here, into the venv, pointing at the project's pinned binary. DENO_DIR keeps Deno's
# cache inside node_modules/; NO_COLOR keeps error messages free of terminal colour codes.
deno_json="$venv/share/jupyter/kernels/deno/kernel.json"
deno_spec="$(HERE="$here" node -e '
  const here = process.env.HERE;
  process.stdout.write(JSON.stringify({
    argv: [here + "/node_modules/deno/deno", "jupyter", "--kernel", "--conn", "{connection_file}"],
    display_name: "TypeScript (Deno)",
    language: "typescript",
    env: { DENO_DIR: here + "/node_modules/.deno", DENO_NO_UPDATE_CHECK: "1", NO_COLOR: "1" },
  }, null, 1) + "\n");')"
if [ -n "$deno_ok" ] && ! "$here/node_modules/deno/deno" --version >/dev/null 2>&1; then deno_ok=""; fi
if [ -z "$deno_ok" ]; then
  say "kernel: Deno has no binary that runs here ($(uname -sm)), so only the tslab kernel is registered (see kernel-setup.md, 'The Deno kernel dies at start')."
elif [ -f "$deno_json" ] && [ "$(cat "$deno_json")" = "$deno_spec" ]; then
  say "kernel: Deno registered in .venv ($deno_json)"
else
  say "kernel: registering Deno in .venv (TypeScript (Deno)) ..."
  mkdir -p "$(dirname "$deno_json")" && printf '%s\n' "$deno_spec" > "$deno_json"
fi

# --- 4. optional: Chromium for PDF handouts and browser tests --------------------------------
if [ -z "${EBM_SKIP_BROWSER:-}" ] && ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    say "browser: installing Debian's chromium (for PDF handouts and browser tests) ..."
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
      || say "browser: could not install chromium; the course works without it, only PDF handouts and browser tests need it."
  else
    say "browser: chromium not found. The course works without it; PDF handouts and the browser test need it: 'sudo apt-get install chromium'."
  fi
fi

say "done. Start the course with: npm run lab"
