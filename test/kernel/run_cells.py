"""Runs a sequence of cells on a fresh kernel, as a learner would type them, and reports each reply.

The kernel tests (test/kernel/*.test.ts) use this to replay what learners do when they change
cells: run cells out of order, re-run one, run the cells after a failing one. It talks to the real
kernel through jupyter_client, the kernel's working folder being `--cwd` (notebooks/ by default,
so `import ... from "ebm"` resolves as in JupyterLab).

Input (stdin, JSON): {"cells": ["code", ...], "pause": seconds between cells (default 0)}
Output (stdout, JSON): {"start_seconds": s, "cells": [{"status": "ok" | "error" | "abort",
  "ename", "evalue", "stdout", "stderr", "mimetypes": [...], "seconds": s (until the reply and
  the idle status), "late_streams": output messages that came after the idle status}, ...]}

Usage: .venv/bin/python test/kernel/run_cells.py --kernel tslab|deno [--cwd DIR] < cells.json
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path
from queue import Empty

from jupyter_client.manager import KernelManager

ROOT = Path(__file__).resolve().parents[2]
LATE_SECONDS = 0.2  # how long to listen for a cell's output after its idle status


def run_cell(client, code: str, timeout: float) -> dict:
    """Executes one cell and collects everything the kernel sent for it until it is idle again."""
    started = time.monotonic()
    msg_id = client.execute(code, store_history=True, allow_stdin=False, stop_on_error=True)
    result = {"status": None, "ename": None, "evalue": None, "stdout": "", "stderr": "", "mimetypes": []}
    idle = False
    while not idle or result["status"] is None:
        remaining = timeout - (time.monotonic() - started)
        if remaining <= 0:
            raise TimeoutError(f"cell {code[:60]!r} did not finish in {timeout} s")
        if not idle:
            try:
                msg = client.get_iopub_msg(timeout=remaining)
            except Empty:
                continue
            if msg["parent_header"].get("msg_id") != msg_id:
                continue
            kind, content = msg["msg_type"], msg["content"]
            if kind == "stream":
                result[content["name"]] += content["text"]
            elif kind in ("display_data", "execute_result"):
                result["mimetypes"].append(sorted(content["data"].keys()))
            elif kind == "error":
                result["ename"], result["evalue"] = content.get("ename"), content.get("evalue")
            elif kind == "status" and content["execution_state"] == "idle":
                idle = True
        else:
            reply = client.get_shell_msg(timeout=remaining)
            if reply["parent_header"].get("msg_id") != msg_id:
                continue
            result["status"] = reply["content"]["status"]
            if result["status"] == "error" and result["ename"] is None:
                result["ename"] = reply["content"].get("ename")
                result["evalue"] = reply["content"].get("evalue")
    result["seconds"] = round(time.monotonic() - started, 4)
    # Deno forwards console output from a separate task and gives it a few milliseconds before it
    # answers; on a busy machine a stream can arrive after the idle status (denoland/deno#20337).
    # Clients that stop at idle (nbclient, JupyterLab) then drop it; collect it here, and say so.
    result["late_streams"] = 0
    drain_until = time.monotonic() + LATE_SECONDS
    while time.monotonic() < drain_until:
        try:
            msg = client.get_iopub_msg(timeout=max(0.01, drain_until - time.monotonic()))
        except Empty:
            break
        if msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] == "stream":
            result[msg["content"]["name"]] += msg["content"]["text"]
            result["late_streams"] += 1
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--kernel", default="tslab", help="kernelspec name (default tslab)")
    parser.add_argument("--cwd", default=str(ROOT / "notebooks"), help="the kernel's working folder")
    parser.add_argument("--timeout", type=float, default=120, help="seconds allowed per cell")
    args = parser.parse_args()
    request = json.load(sys.stdin)
    pause = float(request.get("pause", 0))
    # The kernel inherits this process's stdout, and tslab writes to it at shutdown: keep the
    # JSON answer alone on the real stdout, and send everything else to stderr.
    answer = os.fdopen(os.dup(1), "w")
    sys.stdout.flush()
    os.dup2(2, 1)

    started = time.monotonic()
    manager = KernelManager(kernel_name=args.kernel)
    manager.start_kernel(cwd=args.cwd)
    client = manager.client()
    client.start_channels()
    try:
        client.wait_for_ready(timeout=60)
        start_seconds = round(time.monotonic() - started, 4)
        cells = []
        for code in request["cells"]:
            cells.append(run_cell(client, code, args.timeout))
            if pause:
                time.sleep(pause)
    finally:
        client.stop_channels()
        manager.shutdown_kernel(now=True)
    json.dump({"kernel": args.kernel, "start_seconds": start_seconds, "cells": cells}, answer)
    answer.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
