#!/usr/bin/env bash
# Starts JupyterLab from the project's venv, opened on notebooks/, with the tslab kernel.
# Extra arguments go to jupyter lab, e.g.: npm run lab -- --no-browser --port 8899
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if [ ! -x "$here/.venv/bin/jupyter-lab" ]; then
  echo "lab: JupyterLab is not set up yet. Run 'npm run setup' first." >&2
  exit 1
fi
extra=()
[ "$(id -u)" = "0" ] && extra+=(--allow-root)
cd "$here/notebooks"
exec "$here/.venv/bin/jupyter-lab" --notebook-dir="$here/notebooks" "${extra[@]}" "$@"
