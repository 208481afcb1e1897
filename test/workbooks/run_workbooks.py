"""Runs every workbook (notebooks/NN-workbook-TOPIC.ipynb) three ways on fresh tslab kernels.

1. teacher: the committed notebook, solutions in place: every check prints "✓ passed", the
   progress table says every exercise passed, the figures shown equal metadata.ebm.figures;
2. student: the student version made by the handouts' own code (scripts/handouts/
   workbook_versions.py: each BEGIN/END SOLUTION region becomes `throw new Error("not done
   yet");`, as nbgrader's ClearSolutions does): every check prints "… not done yet", and no
   cell writes an error or to stderr;
3. wrong rounds, from test/workbooks/fixtures/NN-workbook-TOPIC.json
   ({"exercise-id": [{"mistake": ..., "code": ..., "hint": ...}, ...]}): round r puts the r-th
   fixture of each exercise in place of the lines strictly between its BEGIN and END SOLUTION
   markers (exercises with fewer fixtures keep their solution); each replaced exercise's verdict
   must show "✗ not yet" and the fixture's hint, every other one "✓ passed". Every exercise of a
   workbook needs at least one fixture.

The rounds of a workbook run one after the other on ONE fresh tslab kernel (see run_workbook);
the first failing cell (a TypeScript compile error of a fixture, a runtime error outside check)
stops the run: its round fails and the later rounds are reported as not run. The kernel's working folder is notebooks/, so `import ... from "ebm"`
resolves as in JupyterLab; notebooks/ is never written to (executed copies go to --out).
Helpers shared with test/notebooks/run_notebooks.py are imported from it.

Usage: .venv/bin/python test/workbooks/run_workbooks.py [--jobs N] [--out DIR] [notebook ...]
Prints one line per round and a closing line "workbooks: N rounds passed, M failed".
"""
from __future__ import annotations

import argparse
import copy
import json
import re
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "test" / "notebooks"))
sys.path.insert(0, str(ROOT / "scripts" / "handouts"))

import nbformat  # noqa: E402
from nbclient import NotebookClient  # noqa: E402
from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError  # noqa: E402

from run_notebooks import figure_kinds, first_line, stderr_problem  # noqa: E402
from workbook_versions import BEGIN_SOLUTION, END_SOLUTION, student_notebook  # noqa: E402

NOTEBOOKS = ROOT / "notebooks"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
PASS, FAIL, NOT_DONE = "✓ passed", "✗ not yet", "… not done yet"
CHECK_CALL = re.compile(r"""^\s*check\(\s*["']([^"']+)["']\s*,\s*([A-Za-z_$][\w$]*)\s*\)\s*;?\s*$""", re.MULTILINE)
PROGRESS_CALL = re.compile(r"""progress\(\s*["']([^"']+)["']\s*\)""")


def exercises_of(nb) -> dict[str, tuple[int, int]]:
    """exercise id -> (index of its solution cell, index of its check cell)."""
    found: dict[str, tuple[int, int]] = {}
    last_solution = None
    for index, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        if BEGIN_SOLUTION in cell.source:
            last_solution = index
        m = CHECK_CALL.search(cell.source)
        if m:
            if last_solution is None:
                raise ValueError(f"cell {index + 1}: check({m.group(1)!r}) has no solution cell before it")
            found[m.group(1)] = (last_solution, index)
    return found


def replace_solution(source: str, code: str) -> str:
    """The cell's source with the lines strictly between BEGIN and END SOLUTION replaced by `code`."""
    lines = source.splitlines()
    begin = next(i for i, line in enumerate(lines) if BEGIN_SOLUTION in line)
    end = next(i for i, line in enumerate(lines) if END_SOLUTION in line and i > begin)
    return "\n".join(lines[: begin + 1] + code.rstrip("\n").splitlines() + lines[end:])


def stdout_of(cell) -> str:
    return "".join(o.get("text", "") for o in cell.get("outputs", []) if o.get("output_type") == "stream" and o.get("name") == "stdout")


def execute(nb, timeout: int) -> str | None:
    """Runs the notebook in place on a fresh tslab kernel; the problem, or None."""
    client = NotebookClient(nb, kernel_name="tslab", timeout=timeout, allow_errors=False, resources={"metadata": {"path": str(NOTEBOOKS)}})
    error = None
    try:
        client.execute()
    except (CellExecutionError, CellTimeoutError, DeadKernelError) as exc:
        error = exc
    stderr = stderr_problem(nb)
    if stderr is not None:
        index, cell, text = stderr
        return f"cell {index + 1} ({first_line(cell.source)!r}) wrote to stderr (a compile or runtime error):\n{text.strip()[:1500]}"
    if error is not None:
        for index, cell in enumerate(nb.cells):
            for out in cell.get("outputs", []):
                if out.get("output_type") == "error":
                    return f"cell {index + 1} ({first_line(cell.source)!r}) raised {out.get('ename')}: {out.get('evalue')}"
        return f"{type(error).__name__}: {str(error).strip()[:1500]}"
    return None


def clean(nb):
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
    return nb


def round_version(nb, path: Path, round_name: str, exercises: dict[str, tuple[int, int]]):
    """The notebook of one round, and what each exercise's verdict must show: id -> (mark, hint)."""
    if round_name == "teacher":
        return nb, {ex: (PASS, None) for ex in exercises}
    if round_name == "student":
        student, _ = student_notebook(nb)
        return student, {ex: (NOT_DONE, None) for ex in exercises}
    r = int(round_name.split()[1]) - 1
    fixtures = json.loads((FIXTURES / f"{path.stem}.json").read_text(encoding="utf-8"))
    wrong = copy.deepcopy(nb)
    expect: dict[str, tuple[str, str | None]] = {}
    for ex, (solution_cell, _) in exercises.items():
        entries = fixtures.get(ex, [])
        if r < len(entries):
            wrong.cells[solution_cell].source = replace_solution(wrong.cells[solution_cell].source, entries[r]["code"])
            expect[ex] = (FAIL, entries[r]["hint"])
        else:
            expect[ex] = (PASS, None)
    return wrong, expect


def squeeze(text: str) -> str:
    """Whitespace runs as one space: a verdict wraps long lines, a fixture's hint is one line."""
    return " ".join(text.split())


def judge_round(cells, round_name: str, exercises: dict[str, tuple[int, int]], expect, declared) -> list[str]:
    """What is wrong with one executed round (its cells, in the notebook's order)."""
    problems: list[str] = []
    for ex, (_, check_cell) in exercises.items():
        mark, hint = expect[ex]
        verdict = stdout_of(cells[check_cell])
        if not verdict.startswith(mark):
            problems.append(f"{ex}: the verdict should start with {mark!r}, got:\n{verdict.strip() or '(nothing printed)'}")
        elif hint is not None and squeeze(hint) not in squeeze(verdict):
            problems.append(f"{ex}: the verdict does not show the hint {hint!r}:\n{verdict.strip()}")
        elif verdict.count(mark) != 1:
            problems.append(f"{ex}: the verdict is printed {verdict.count(mark)} times (once expected)")
    for index, cell in enumerate(cells):
        if cell.cell_type != "code" or PROGRESS_CALL.search(cell.source) is None:
            continue
        table = stdout_of(cell)
        passed = sum(1 for mark, _ in expect.values() if mark == PASS)
        wanted = f"{passed} of {len(exercises)} exercises passed"
        if wanted not in table:
            problems.append(f"cell {index + 1}: the progress table should say {wanted!r}, got:\n{table.strip()}")
    if round_name == "teacher":
        shown = nbformat.v4.new_notebook()
        shown.cells = cells
        kinds = dict(figure_kinds(shown))
        if kinds != declared:
            problems.append(f"figures shown {dict(sorted(kinds.items()))}, but the notebook declares {dict(sorted(declared.items()))}")
    return problems


def run_workbook(path_str: str, rounds: list[str], out_dir: str, timeout: int) -> list[dict]:
    """Every round of one workbook, one after the other on ONE fresh tslab kernel (a kernel
    start and the first import cost more than a round's cells): the rounds' code cells are
    joined into one notebook; a cell that redefines a function or a constant replaces it, and
    each round runs every check again, so each round's verdicts and progress table are its own.
    The first failing cell stops the run: its round fails, the later ones are not run."""
    path = Path(path_str)
    nb = clean(nbformat.read(path, as_version=4))
    exercises = exercises_of(nb)
    declared = {k: int(v) for k, v in ((nb.metadata.get("ebm") or {}).get("figures") or {}).items()}
    joined = nbformat.v4.new_notebook(metadata=nb.metadata)
    spans: list[tuple[str, int, int, dict]] = []
    for k, round_name in enumerate(rounds):
        version, expect = round_version(nb, path, round_name, exercises)
        start = len(joined.cells)
        for i, cell in enumerate(version.cells):  # markdown too, so that cell indices match the notebook's
            copied = copy.deepcopy(cell)
            copied["id"] = f"round{k}-cell{i}"
            joined.cells.append(copied)
        spans.append((round_name, start, len(joined.cells), expect))
    started = time.monotonic()
    problem = execute(joined, timeout)
    seconds = time.monotonic() - started
    nbformat.write(joined, Path(out_dir) / f"{path.stem}.rounds.ipynb")
    failed_at = None
    if problem is not None:
        m = re.match(r"cell (\d+) ", problem)
        failed_at = int(m.group(1)) - 1 if m else -1
    results = []
    for round_name, start, end, expect in spans:
        if failed_at is not None and (failed_at < 0 or failed_at < end):
            if failed_at < 0 or failed_at >= start:
                where = problem if failed_at < 0 else problem.replace(f"cell {failed_at + 1} ", f"cell {failed_at - start + 1} ", 1)
                problems = [where]
            else:
                problems = ["not run: an earlier round stopped the kernel's run"]
        else:
            problems = judge_round(joined.cells[start:end], round_name, exercises, expect, declared)
        results.append({"notebook": path.name, "round": round_name, "ok": not problems, "problems": problems, "exercises": len(exercises)})
    for r in results:
        r["seconds"] = round(seconds, 1)
    return results


def rounds_of(path: Path) -> tuple[list[str], list[str]]:
    """The rounds of a workbook, and the problems with its fixtures (found before running)."""
    nb = nbformat.read(path, as_version=4)
    problems: list[str] = []
    try:
        exercises = exercises_of(nb)
    except ValueError as error:
        return [], [str(error)]
    if not exercises:
        problems.append("no exercise: no check(\"id\", fn) cell after a BEGIN SOLUTION cell")
    fixture_file = FIXTURES / f"{path.stem}.json"
    if not fixture_file.exists():
        return ["teacher", "student"], problems + [f"no fixtures: {fixture_file.relative_to(ROOT)} is missing"]
    fixtures = json.loads(fixture_file.read_text(encoding="utf-8"))
    for ex in exercises:
        if not fixtures.get(ex):
            problems.append(f"exercise {ex} has no wrong-solution fixture in {fixture_file.name}")
    for ex, entries in fixtures.items():
        if ex not in exercises:
            problems.append(f"{fixture_file.name}: {ex!r} is not an exercise of {path.name} (its exercises: {', '.join(exercises)})")
        for k, entry in enumerate(entries):
            missing = [key for key in ("mistake", "code", "hint") if not isinstance(entry.get(key), str) or not entry.get(key)]
            if missing:
                problems.append(f"{fixture_file.name}: {ex}[{k}] lacks {', '.join(missing)}")
    wrong = max((len(v) for v in fixtures.values()), default=0)
    return ["teacher", "student"] + [f"wrong {r}" for r in range(1, wrong + 1)], problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("notebooks", nargs="*", help="workbooks to run (default: every notebooks/NN-workbook-*.ipynb)")
    parser.add_argument("--out", help="folder for the executed copies (default: a new temporary folder)")
    parser.add_argument("--jobs", type=int, default=2, help="rounds run at once (default 2)")
    parser.add_argument("--timeout", type=int, default=300, help="seconds allowed per cell (default 300)")
    args = parser.parse_args()

    paths = [Path(p).resolve() for p in args.notebooks] or sorted(NOTEBOOKS.glob("[0-9][0-9]-workbook-*.ipynb"))
    if not paths:
        print("workbooks: no workbook found", file=sys.stderr)
        return 1
    out_dir = Path(args.out or tempfile.mkdtemp(prefix="ebm-workbooks-"))
    out_dir.mkdir(parents=True, exist_ok=True)
    plan: list[tuple[Path, list[str]]] = []
    failed = 0
    for path in paths:
        rounds, problems = rounds_of(path)
        for p in problems:
            print(f"  FAIL {path.name}: {p}", flush=True)
        failed += len(problems)
        plan.append((path, rounds))
    total = sum(len(r) for _, r in plan)
    print(f"workbooks: {len(paths)} workbooks, {total} rounds, one fresh tslab kernel per workbook ({args.jobs} at a time); executed copies in {out_dir}", flush=True)
    started = time.monotonic()
    passed = 0
    with ProcessPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        futures = [pool.submit(run_workbook, str(path), rounds, str(out_dir), args.timeout) for path, rounds in plan]
        for future in futures:
            results = future.result()
            for result in results:
                status = "ok  " if result["ok"] else "FAIL"
                print(f"  {status} {result['notebook']:<34} {result['round']:<8} {result['exercises']} exercises", flush=True)
                for p in result["problems"]:
                    print("       " + p.replace("\n", "\n       "), flush=True)
                passed += result["ok"]
                failed += not result["ok"]
            if results:
                print(f"       {results[0]['notebook']}: {len(results)} rounds in {results[0]['seconds']:.1f} s", flush=True)
    print(f"workbooks: {passed} rounds passed, {failed} failed ({time.monotonic() - started:.0f} s)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
