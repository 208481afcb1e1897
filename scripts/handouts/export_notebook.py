"""Executes one course notebook afresh on the tslab kernel and renders its handout HTML.

Called by scripts/handouts/handouts.ts once per notebook (one process each, so a crash or a
hung kernel stops that notebook only). Steps:

  1. read the notebook and clear every stored output (stored outputs are never trusted);
  2. run it top to bottom on a fresh tslab kernel with nbclient, the kernel's working folder
     being --workdir (a temporary folder where `import ... from "ebm"` resolves: it holds a
     `node_modules` link to the project's); the first failing cell stops the notebook;
  3. render the executed notebook to HTML with the `ebm-handout` nbconvert template
     (scripts/handouts/template/): the teacher version as is, the student version without the
     answers (see strip_answers). A workbook (NN-workbook-TOPIC.ipynb) gets its versions from
     workbook_versions.py: the teacher's with each solution folded into a closed <details>, the
     student's with `throw new Error("not done yet");` in place of each solution and no outputs.

It writes nothing into the notebook's own folder. It talks to its caller through JSON lines on
stdout, one event per line ({"event": "cell", ...}, {"event": "html", ...}, {"event": "done", ...}
or {"event": "failed", ...}); anything else it prints goes to stderr.

Usage: .venv/bin/python scripts/handouts/export_notebook.py NOTEBOOK --workdir DIR
           [--teacher OUT.html] [--student OUT.html] [--timeout SECONDS]
"""
from __future__ import annotations

import argparse
import copy
import json
import re
import sys
import time
from pathlib import Path

import nbformat

from workbook_versions import is_workbook, student_notebook, teacher_notebook

TEMPLATE_DIR = Path(__file__).resolve().parent / "template"
TEMPLATE_NAME = "ebm-handout"
PLOTLY = "application/vnd.plotly.v1+json"
ANSWER_TAG = "answer"
LEFT_OUT = '<p class="ebm-answer-left-out">(The answer is left out of the student handout.)</p>'
DETAILS_OPEN = re.compile(r"<details\b[^>]*>", re.IGNORECASE)
DETAILS_ANY = re.compile(r"<details\b[^>]*>|</details\s*>", re.IGNORECASE)
ANSWER_ATTR = re.compile(r"""\bclass\s*=\s*["'][^"']*\banswer\b[^"']*["']|\bdata-answer\b""", re.IGNORECASE)


def emit(event: str, **fields) -> None:
    """One JSON line for the caller."""
    sys.stdout.write(json.dumps({"event": event, **fields}) + "\n")
    sys.stdout.flush()


def first_line(source: str) -> str:
    for line in source.splitlines():
        if line.strip():
            return line.strip()[:80]
    return "(empty cell)"


def is_answer_cell(cell) -> bool:
    return ANSWER_TAG in (cell.get("metadata", {}).get("tags") or [])


def strip_answer_details(source: str) -> tuple[str, int]:
    """Removes every `<details class="answer">` (or `<details data-answer>`) block from markdown.

    Nested <details> inside an answer go with it. Returns the new source and how many blocks
    were removed; each is replaced by a one-line note.
    """
    out: list[str] = []
    removed = 0
    pos = 0
    while True:
        m = DETAILS_OPEN.search(source, pos)
        if m is None:
            out.append(source[pos:])
            break
        if not ANSWER_ATTR.search(m.group(0)):
            out.append(source[pos:m.end()])
            pos = m.end()
            continue
        depth = 0
        end = len(source)
        for tag in DETAILS_ANY.finditer(source, m.start()):
            depth += -1 if tag.group(0).startswith("</") else 1
            if depth == 0:
                end = tag.end()
                break
        out.append(source[pos:m.start()])
        out.append("\n\n" + LEFT_OUT + "\n\n")
        removed += 1
        pos = end
    return "".join(out), removed


def strip_answers(nb) -> tuple[object, int, int]:
    """The student version: cells tagged "answer" and markdown answer <details> blocks left out.

    A run of consecutive answer cells becomes one short note saying the answer is left out.
    Returns (new notebook, answer cells removed, answer blocks removed). `nb` is not changed.
    """
    student = copy.deepcopy(nb)
    cells = []
    removed_cells = 0
    removed_blocks = 0
    for cell in student.cells:
        if is_answer_cell(cell):
            removed_cells += 1
            if not (cells and cells[-1].get("metadata", {}).get("ebm_left_out")):
                note = nbformat.v4.new_markdown_cell(LEFT_OUT)
                note.metadata["ebm_left_out"] = True
                cells.append(note)
            continue
        if cell.cell_type == "markdown":
            cell.source, n = strip_answer_details(cell.source)
            removed_blocks += n
        cells.append(cell)
    student.cells = cells
    return student, removed_cells, removed_blocks


def count_figures(nb) -> tuple[int, int]:
    """(figures shown, figures the HTML page can draw: those with a text/html rendering)."""
    shown = drawable = 0
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            data = out.get("data", {})
            if out.get("output_type") in ("display_data", "execute_result") and PLOTLY in data:
                shown += 1
                if "text/html" in data:
                    drawable += 1
    return shown, drawable


def notebook_title(nb, fallback: str) -> str:
    """The first markdown heading, without its #s, or the file name."""
    for cell in nb.cells:
        if cell.cell_type != "markdown":
            continue
        for line in cell.source.splitlines():
            m = re.match(r"^\s*#{1,6}\s+(.+?)\s*#*\s*$", line)
            if m:
                return re.sub(r"[*_`]", "", m.group(1))
    return fallback


ERROR_HEADLINE = re.compile(r"^\s*(?:Uncaught\s+)?[A-Za-z_$][\w$]*(?:Error|Exception)\b.*$")


def condense(stderr: str, max_lines: int = 8) -> str:
    """The useful part of what a failing cell wrote: the error's own line ("TypeError: ...")
    when there is one (the kernel's stack frames below it are noise), else the first lines
    (a TypeScript compile error: "1:7 - Type 'string' is not assignable to type 'number'.")."""
    lines = [line.rstrip() for line in stderr.strip().splitlines()]
    for line in lines:
        if ERROR_HEADLINE.match(line):
            return line.strip()
    kept = [line for line in lines if line.strip()][:max_lines]
    return "\n".join(kept) + ("\n..." if len([l for l in lines if l.strip()]) > max_lines else "")


def failing_cell_message(nb, index: int | None, exc: Exception) -> dict:
    """Names the cell that failed and says what it wrote."""
    if index is None:
        return {"cell": None, "message": f"{type(exc).__name__}: {str(exc).strip()[:2000]}"}
    cell = nb.cells[index]
    detail = ""
    for out in cell.get("outputs", []):
        if out.get("output_type") == "error":
            detail = f"{out.get('ename')}: {out.get('evalue')}"
        elif out.get("output_type") == "stream" and out.get("name") == "stderr" and not detail:
            detail = condense(out.get("text", ""))
    if not detail:
        detail = f"{type(exc).__name__}: {str(exc).strip()[:1500]}"
    return {
        "cell": index + 1,
        "cells": len(nb.cells),
        "cell_id": cell.get("id"),
        "cell_line": first_line(cell.source),
        "message": detail[:2000],
    }


def execute(nb, workdir: Path, timeout: int) -> dict | None:
    """Runs the notebook in place on a fresh tslab kernel; None when every cell ran."""
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError

    code_cells = [i for i, c in enumerate(nb.cells) if c.cell_type == "code"]
    current: dict = {"index": None}

    def on_cell_start(cell, cell_index, **_):
        current["index"] = cell_index
        if cell.cell_type == "code":
            emit("cell", cell=cell_index + 1, cells=len(nb.cells), code=code_cells.index(cell_index) + 1, codes=len(code_cells))

    client = NotebookClient(
        nb,
        kernel_name="tslab",
        timeout=timeout,
        allow_errors=False,
        resources={"metadata": {"path": str(workdir)}},
        on_cell_start=on_cell_start,
    )
    try:
        client.execute()
    except (CellExecutionError, CellTimeoutError, DeadKernelError) as exc:
        failure = failing_cell_message(nb, current["index"], exc)
        if isinstance(exc, CellTimeoutError):
            failure["message"] = f"did not finish within {timeout} s (--timeout): " + failure["message"]
        elif isinstance(exc, DeadKernelError):
            failure["message"] = "the kernel died while running it: " + failure["message"]
        return failure
    except Exception as exc:  # kernel missing, kernel did not start, ...
        text = f"{type(exc).__name__}: {exc}"
        if "No such kernel" in text or "NoSuchKernel" in text:
            text += " (the tslab kernel is not registered in .venv: run `npm run setup`)"
        return {"cell": None, "message": text[:2000]}
    return None


def render(nb, source: Path, title: str, out: Path) -> None:
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(
        template_name=TEMPLATE_NAME,
        extra_template_basedirs=[str(TEMPLATE_DIR)],
        embed_images=True,
    )
    body, _ = exporter.from_notebook_node(
        nb, resources={"metadata": {"name": title, "path": str(source.parent)}}
    )
    out.write_text(body, encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("notebook")
    parser.add_argument("--workdir", required=True, help="the kernel's working folder (a temporary folder)")
    parser.add_argument("--teacher", help="write the teacher HTML here")
    parser.add_argument("--student", help="write the student HTML here")
    parser.add_argument("--timeout", type=int, default=300, help="seconds allowed per cell")
    args = parser.parse_args()

    source = Path(args.notebook).resolve()
    nb = nbformat.read(source, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
    declared = {k: int(v) for k, v in ((nb.metadata.get("ebm") or {}).get("figures") or {}).items()}
    title = notebook_title(nb, source.stem)
    emit("start", title=title, cells=len(nb.cells), codes=sum(c.cell_type == "code" for c in nb.cells), declared=declared)

    started = time.monotonic()
    # A workbook's student version shows no outputs (they would show the solutions' results), so
    # when it is the only version asked for, the notebook is not executed at all.
    skip = is_workbook(source) and not args.teacher
    failure = None if skip else execute(nb, Path(args.workdir), args.timeout)
    if failure is not None:
        emit("failed", step="execute", seconds=round(time.monotonic() - started, 2), **failure)
        return 1
    emit("executed", seconds=round(time.monotonic() - started, 2))
    stderr_cells = [
        i + 1
        for i, c in enumerate(nb.cells)
        if c.cell_type == "code" and any(o.get("output_type") == "stream" and o.get("name") == "stderr" for o in c.outputs)
    ]

    # A workbook's versions (workbook_versions.py): the teacher's with each solution folded into
    # a closed <details> after the student's stub, the student's with stubs and no outputs.
    workbook = is_workbook(source)
    solutions = {"teacher": 0, "student": 0}
    versions = []
    if args.teacher:
        teacher = nb
        if workbook:
            teacher, solutions["teacher"] = teacher_notebook(nb)
        versions.append(("teacher", teacher, Path(args.teacher), 0, 0))
    if args.student:
        student, removed_cells, removed_blocks = strip_answers(nb)
        if workbook:
            student, solutions["student"] = student_notebook(student)
        versions.append(("student", student, Path(args.student), removed_cells, removed_blocks))
    for name, version_nb, out, removed_cells, removed_blocks in versions:
        started = time.monotonic()
        try:
            render(version_nb, source, title, out)
        except Exception as exc:
            emit("failed", step=f"html ({name})", cell=None, message=f"nbconvert: {type(exc).__name__}: {exc}"[:2000])
            return 1
        shown, drawable = count_figures(version_nb)
        emit(
            "html",
            version=name,
            path=str(out),
            figures=shown,
            drawable=drawable,
            answer_cells_removed=removed_cells,
            answer_blocks_removed=removed_blocks,
            solutions=solutions[name],
            seconds=round(time.monotonic() - started, 2),
        )
    emit("done", stderr_cells=stderr_cells)
    return 0


if __name__ == "__main__":
    sys.exit(main())
