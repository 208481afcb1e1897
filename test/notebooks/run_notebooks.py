"""Runs every course notebook top to bottom on a fresh kernel (tslab, or Deno), through Jupyter's own client.

For each notebook in notebooks/ (or the paths given):
  * a fresh kernel (`--kernel`: tslab by default, or deno; the kernelspec names set-up registers)
    executes it with nbclient, whatever kernel the notebook's own metadata names, the kernel's working folder being the
    notebook's own folder (so `import ... from "ebm"` resolves as it does in JupyterLab);
  * the first failing cell stops it: a runtime error, or a TypeScript compile error (tslab
    prints those to stderr and answers the request with an error status; Deno does not
    type-check, so the tslab run is the one that checks the notebooks' types);
  * any stderr output at all counts as a failure (a compile error, a warning we should fix);
  * the figures shown (display_data with application/vnd.plotly.v1+json) are counted by kind
    (layout.meta.kind) and must equal what the notebook declares in its metadata:
    {"ebm": {"figures": {"landscape": 1, "descent": 2, ...}}};
  * a track notebook (NN-intuitive-* or NN-math-*) must show at least one Gibbs figure across at
    least four temperatures (layout.meta.betas), as the course promises;
  * the executed copy is written to a temporary folder (or --out): notebooks/ is never touched.

Usage: .venv/bin/python test/notebooks/run_notebooks.py [--kernel tslab|deno] [--out DIR] [--jobs N]
       [notebook ...]
Prints one line per notebook and a closing line "notebooks: N passed, M failed".
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
import time
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import nbformat
from jupyter_client.kernelspec import KernelSpecManager, NoSuchKernel
from nbclient import NotebookClient
from nbclient.client import ensure_async
from nbclient.exceptions import CellExecutionComplete
from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError

ROOT = Path(__file__).resolve().parents[2]
PLOTLY = "application/vnd.plotly.v1+json"


def figure_kinds(nb) -> Counter:
    """Counts the figures a run displayed, by their layout.meta.kind."""
    kinds: Counter = Counter()
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            if out.get("output_type") in ("display_data", "execute_result") and PLOTLY in out.get("data", {}):
                fig = out["data"][PLOTLY]
                if not isinstance(fig, dict):
                    kinds["(not a JSON object)"] += 1
                    continue
                meta = (fig.get("layout") or {}).get("meta") or {}
                kinds[meta.get("kind", "(no kind)")] += 1
    return kinds


TRACK_NOTEBOOK = re.compile(r"^\d\d-(intuitive|math)-")
MIN_TEMPERATURES = 4


def most_temperatures(nb) -> int:
    """The largest number of temperatures (layout.meta.betas) in any Gibbs figure shown."""
    most = 0
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            fig = out.get("data", {}).get(PLOTLY)
            if isinstance(fig, dict):
                meta = (fig.get("layout") or {}).get("meta") or {}
                if meta.get("kind") == "gibbs":
                    most = max(most, len(set(meta.get("betas") or [])))
    return most


def first_line(source: str) -> str:
    for line in source.splitlines():
        if line.strip():
            return line.strip()[:80]
    return "(empty cell)"


def stderr_problem(nb):
    """The first code cell that wrote to stderr, with what it wrote."""
    for index, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        for out in cell.get("outputs", []):
            if out.get("output_type") == "stream" and out.get("name") == "stderr":
                return index, cell, out.get("text", "")
    return None


# Deno's kernel (2.9) queues a cell's display_data and stream messages on a channel that another
# task drains, and sends the cell's `idle` status directly: on a busy machine an output can reach
# the client just after its cell's idle. nbclient files messages by the cell that is running, so
# it would drop such an output and a figure would go missing. LateOutputClient keeps them: a
# message whose parent is an earlier cell of this run goes to that cell, and after the last cell
# it listens LATE_OUTPUT_SECONDS more. JupyterLab can drop such late outputs too:
# kernel-setup.md says what a learner sees and does.
LATE_OUTPUT_SECONDS = 2.0
LATE_OUTPUT_TYPES = {"display_data", "update_display_data", "execute_result", "stream", "error"}


class LateOutputClient(NotebookClient):
    """A NotebookClient that files outputs arriving after their cell's idle into that cell."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._cells_by_request: dict[str, tuple] = {}
        self.late_outputs = 0

    def _file_late(self, msg) -> None:
        earlier = self._cells_by_request.get(msg["parent_header"].get("msg_id"))
        if earlier is not None and msg["msg_type"] in LATE_OUTPUT_TYPES:
            self.late_outputs += 1
            try:
                self.process_message(msg, earlier[0], earlier[1])
            except CellExecutionComplete:
                pass

    async def _async_poll_output_msg(self, parent_msg_id, cell, cell_index):
        self._cells_by_request[parent_msg_id] = (cell, cell_index)
        while True:
            msg = await ensure_async(self.kc.iopub_channel.get_msg(timeout=None))
            if msg["parent_header"].get("msg_id") == parent_msg_id:
                try:
                    self.process_message(msg, cell, cell_index)
                except CellExecutionComplete:
                    return
            else:
                self._file_late(msg)

    async def async_execute_cell(self, cell, cell_index, *args, **kwargs):
        result = await super().async_execute_cell(cell, cell_index, *args, **kwargs)
        last_code = max((i for i, c in enumerate(self.nb.cells) if c.cell_type == "code"), default=-1)
        if cell_index == last_code:
            deadline = time.monotonic() + LATE_OUTPUT_SECONDS
            while (left := deadline - time.monotonic()) > 0:
                try:
                    msg = await ensure_async(self.kc.iopub_channel.get_msg(timeout=left))
                except Exception:  # queue.Empty: nothing more came
                    break
                self._file_late(msg)
        return result


def run_one(path_str: str, out_dir_str: str, timeout: int, kernel: str = "tslab") -> dict:
    path = Path(path_str)
    nb = nbformat.read(path, as_version=4)
    expected = {k: int(v) for k, v in ((nb.metadata.get("ebm") or {}).get("figures") or {}).items()}
    client = (LateOutputClient if kernel == "deno" else NotebookClient)(
        nb,
        kernel_name=kernel,
        timeout=timeout,
        allow_errors=False,
        resources={"metadata": {"path": str(path.parent)}},
    )
    started = time.monotonic()
    error = None
    try:
        client.execute()
    except (CellExecutionError, CellTimeoutError, DeadKernelError) as exc:
        error = exc
    seconds = time.monotonic() - started
    out_path = Path(out_dir_str) / path.name
    nbformat.write(nb, out_path)

    problem = None
    stderr = stderr_problem(nb)
    if stderr is not None:
        index, cell, text = stderr
        kind = "failed" if error is not None else "wrote to stderr"
        problem = f"cell {index} ({first_line(cell.source)!r}) {kind} (a TypeScript compile error or a runtime error):\n{text.strip()}"
    elif error is not None:
        # Find the failing cell: the last code cell with an error output, or the one the exception names.
        failing = None
        for index, cell in enumerate(nb.cells):
            if cell.cell_type == "code" and any(o.get("output_type") == "error" for o in cell.get("outputs", [])):
                failing = (index, cell)
        if failing is not None:
            index, cell = failing
            err = next(o for o in cell.outputs if o.get("output_type") == "error")
            problem = f"cell {index} ({first_line(cell.source)!r}) raised {err.get('ename')}: {err.get('evalue')}"
        else:
            problem = f"{type(error).__name__}: {str(error).strip()[:2000]}"
    kinds = figure_kinds(nb)
    if problem is None and dict(kinds) != expected:
        problem = f"figures shown {dict(sorted(kinds.items()))}, but the notebook declares {dict(sorted(expected.items()))} in metadata.ebm.figures"
    if problem is None and TRACK_NOTEBOOK.match(path.name) and most_temperatures(nb) < MIN_TEMPERATURES:
        problem = (
            f"no Gibbs figure across at least {MIN_TEMPERATURES} temperatures "
            f"(the most shown in one figure: {most_temperatures(nb)}); every track notebook shows one"
        )
    return {
        "notebook": path.name,
        "kernel": kernel,
        "ok": problem is None,
        "problem": problem,
        "seconds": round(seconds, 1),
        "figures": dict(sorted(kinds.items())),
        "figure_bytes": sum(
            len(json.dumps(o["data"][PLOTLY]))
            for c in nb.cells
            for o in c.get("outputs", [])
            if PLOTLY in o.get("data", {})
        ),
        "executed": str(out_path),
        "late_outputs": getattr(client, "late_outputs", 0),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("notebooks", nargs="*", help="notebooks to run (default: every notebook in notebooks/)")
    parser.add_argument(
        "--kernel",
        default="tslab",
        help="kernelspec to run the notebooks on: tslab (default) or deno, as npm run setup registers them",
    )
    parser.add_argument("--out", help="folder for the executed copies (default: a new temporary folder)")
    parser.add_argument("--jobs", type=int, default=2, help="notebooks run at once (default 2)")
    parser.add_argument("--timeout", type=int, default=300, help="seconds allowed per cell (default 300)")
    parser.add_argument("--json", help="write the per-notebook results here as JSON")
    args = parser.parse_args()

    paths = [Path(p).resolve() for p in args.notebooks] or sorted((ROOT / "notebooks").glob("*.ipynb"))
    if not paths:
        print("notebooks: no notebooks found", file=sys.stderr)
        return 1
    out_dir = Path(args.out or tempfile.mkdtemp(prefix="ebm-notebooks-"))
    out_dir.mkdir(parents=True, exist_ok=True)
    try:
        KernelSpecManager().get_kernel_spec(args.kernel)
    except NoSuchKernel:
        print(f"notebooks: no kernel named {args.kernel!r} in this Jupyter; run 'npm run setup' to register tslab and deno", file=sys.stderr)
        return 1
    print(f"notebooks: running {len(paths)} on fresh {args.kernel} kernels ({args.jobs} at a time); executed copies in {out_dir}", flush=True)

    results = []
    with ProcessPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        futures = [pool.submit(run_one, str(p), str(out_dir), args.timeout, args.kernel) for p in paths]
        for future in futures:
            r = future.result()
            results.append(r)
            figs = ", ".join(f"{k} {v}" for k, v in r["figures"].items()) or "no figures"
            status = "ok  " if r["ok"] else "FAIL"
            late = f", {r['late_outputs']} late output(s) kept" if r.get("late_outputs") else ""
            print(f"  {status} {r['notebook']:<40} {r['seconds']:>6.1f} s  {figs}  ({r['figure_bytes'] // 1024} KB of figures{late})", flush=True)
            if not r["ok"]:
                print("       " + r["problem"].replace("\n", "\n       "), flush=True)
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2))
    failed = sum(not r["ok"] for r in results)
    print(f"notebooks: {len(results) - failed} passed, {failed} failed (kernel {args.kernel})")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
