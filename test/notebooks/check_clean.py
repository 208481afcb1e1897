"""Checks that every committed notebook is clean: no outputs, no execution counts, the tslab
kernelspec, and figure expectations declared in metadata.ebm.figures.

Usage: .venv/bin/python test/notebooks/check_clean.py [notebook ...]
"""
from __future__ import annotations

import sys
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parents[2]


def problems_of(path: Path) -> list[str]:
    problems = []
    try:
        nb = nbformat.read(path, as_version=4)
        nbformat.validate(nb)
    except Exception as exc:  # noqa: BLE001 - any unreadable notebook is a problem to report
        return [f"not a valid notebook: {exc}"]
    spec = nb.metadata.get("kernelspec") or {}
    if spec.get("name") != "tslab":
        problems.append(f"kernelspec name is {spec.get('name')!r}, expected 'tslab'")
    if not isinstance(((nb.metadata.get("ebm") or {}).get("figures")), dict):
        problems.append("metadata.ebm.figures is missing (declare the figures the notebook shows, by kind)")
    for index, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        if cell.get("outputs"):
            problems.append(f"cell {index} has outputs (clear them before committing)")
        if cell.get("execution_count") is not None:
            problems.append(f"cell {index} has an execution count ({cell.execution_count})")
    return problems


def main() -> int:
    paths = [Path(p) for p in sys.argv[1:]] or sorted((ROOT / "notebooks").glob("*.ipynb"))
    failed = 0
    for path in paths:
        problems = problems_of(path)
        if problems:
            failed += 1
            print(f"  FAIL {path.name}: " + "; ".join(problems))
    print(f"clean notebooks: {len(paths) - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
