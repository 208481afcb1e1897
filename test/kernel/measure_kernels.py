"""Measures the two kernels side by side, in one run: kernel start, the first import cell, a typical
cell, and each notebook's run time (issue 16). Not a test: it prints a table (and --json).

For each kernel (tslab, deno by default):
  * kernel start: from starting the process until it answers kernel_info (jupyter_client's
    wait_for_ready), the median of --starts fresh kernels started in notebooks/;
  * first import cell: the first code cell of 01-intuitive-energy that imports from "ebm", timed
    from the execute request to its reply, on a fresh kernel;
  * typical cell: the median of that notebook's following code cells, run in order after it;
  * every notebook through test/notebooks/run_notebooks.py (nbclient, fresh kernel, one at a time),
    wall time including the kernel start.

Usage: .venv/bin/python test/kernel/measure_kernels.py [--kernels tslab,deno] [--starts 3]
       [--json FILE] [notebook ...]
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

import nbformat
from jupyter_client.manager import KernelManager

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT / "test" / "notebooks"))
from run_cells import run_cell  # noqa: E402
from run_notebooks import run_one  # noqa: E402

START_NOTEBOOK = ROOT / "notebooks" / "01-intuitive-energy.ipynb"  # many small library cells


def start(kernel: str):
    """A fresh kernel in notebooks/, and the seconds until it answered."""
    began = time.monotonic()
    manager = KernelManager(kernel_name=kernel)
    manager.start_kernel(cwd=str(ROOT / "notebooks"))
    client = manager.client()
    client.start_channels()
    client.wait_for_ready(timeout=120)
    return manager, client, time.monotonic() - began


def stop(manager, client) -> None:
    client.stop_channels()
    manager.shutdown_kernel(now=True)


def measure_cells(kernel: str, cells: list[str]) -> dict:
    manager, client, started = start(kernel)
    try:
        replies = [run_cell(client, code, 300) for code in cells]
    finally:
        stop(manager, client)
    failed = [i for i, r in enumerate(replies) if r["status"] != "ok"]
    if failed:
        r = replies[failed[0]]
        raise RuntimeError(f"{kernel}: cell {failed[0]} failed: {r['ename']}: {r['evalue']} {r['stderr'][:500]}")
    return {
        "start_s": started,
        "import_s": replies[0]["seconds"],
        "typical_s": statistics.median(r["seconds"] for r in replies[1:]),
        "cells": len(replies),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("notebooks", nargs="*", help="notebooks to time (default: every notebook in notebooks/)")
    parser.add_argument("--kernels", default="tslab,deno")
    parser.add_argument("--starts", type=int, default=3, help="kernel starts to take the median of")
    parser.add_argument("--json", help="write the numbers here as JSON")
    args = parser.parse_args()
    kernels = args.kernels.split(",")
    paths = [Path(p).resolve() for p in args.notebooks] or sorted((ROOT / "notebooks").glob("*.ipynb"))
    code = [c.source for c in nbformat.read(START_NOTEBOOK, as_version=4).cells if c.cell_type == "code" and c.source.strip()]
    first_import = next(i for i, c in enumerate(code) if 'from "ebm"' in c)
    cells = code[first_import:]

    results: dict = {}
    for kernel in kernels:
        starts = []
        for _ in range(args.starts):
            manager, client, seconds = start(kernel)
            stop(manager, client)
            starts.append(seconds)
        row = measure_cells(kernel, cells)
        row["start_s"] = statistics.median(starts)
        row["starts_s"] = starts
        results[kernel] = row
        print(f"{kernel}: start {row['start_s']:.2f} s (of {', '.join(f'{s:.2f}' for s in starts)}), "
              f"first import cell {row['import_s']:.3f} s, typical cell {row['typical_s']:.3f} s "
              f"(median of {row['cells'] - 1} cells of {START_NOTEBOOK.name})", flush=True)

    out = Path(tempfile.mkdtemp(prefix="ebm-measure-"))
    notebooks: dict = {}
    for path in paths:
        notebooks[path.name] = {}
        for kernel in kernels:
            r = run_one(str(path), str(out), 300, kernel)
            notebooks[path.name][kernel] = {"seconds": r["seconds"], "ok": r["ok"], "problem": r["problem"]}
        line = "  ".join(f"{k} {v['seconds']:6.1f} s{'' if v['ok'] else ' FAILED'}" for k, v in notebooks[path.name].items())
        print(f"  {path.name:<36} {line}", flush=True)
        for k, v in notebooks[path.name].items():
            if not v["ok"]:
                print(f"    {k}: {v['problem']}", flush=True)
    totals = {k: sum(n[k]["seconds"] for n in notebooks.values()) for k in kernels}
    print("  total" + " " * 32 + "  ".join(f"{k} {totals[k]:6.1f} s" for k in kernels))

    if args.json:
        Path(args.json).write_text(json.dumps({"kernels": results, "notebooks": notebooks, "totals": totals}, indent=2))
    return 0 if all(v["ok"] for n in notebooks.values() for v in n.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
