"""The two versions of a workbook (notebooks/NN-workbook-TOPIC.ipynb): the student's and the teacher's.

A workbook's committed notebook is the teacher version: each exercise's solution sits inside
its function between the lines `// BEGIN SOLUTION` and `// END SOLUTION` (nbgrader's markers).

* student_source / student_notebook: the student version, made exactly as nbgrader's
  ClearSolutions does with the stub of nbgrader_config.py: each region from the line holding
  BEGIN SOLUTION to the line holding END SOLUTION, both included, becomes ONE line, the stub
  `throw new Error("not done yet");`, indented like the BEGIN line. The check then reports
  "not done yet" until the learner replaces that line. Outputs are cleared.
* teacher_notebook: the solutions folded away: each solution cell shows the student's stub,
  followed by a closed `<details class="ebm-solution">` holding the whole solution (the PDF
  printer opens every <details>, so on paper the solution follows its exercise under the label
  "Solution").

Used by export_notebook.py (the handouts), by test/workbooks/run_workbooks.py (the student
round), and from the command line to write the student notebooks a teacher hands out (one JSON
line per notebook written; `npm run handouts -- --notebooks-only` calls it):

    .venv/bin/python scripts/handouts/workbook_versions.py student --out DIR NOTEBOOK.ipynb ...
"""
from __future__ import annotations

import copy
import html
import json
import re
import sys
from pathlib import Path

import nbformat

BEGIN_SOLUTION = "BEGIN SOLUTION"
END_SOLUTION = "END SOLUTION"
#: The stub in place of a solution: the same text as code_stub in nbgrader_config.py and as
#: STUB_LINE in src/workbook/check.ts (a test checks both).
STUB = 'throw new Error("not done yet");'
WORKBOOK_NAME = re.compile(r"^\d\d-workbook-[a-z]+\.ipynb$")
SOLUTION_CLASS = "ebm-solution"


def is_workbook(path: str | Path) -> bool:
    """True for a workbook's file name, NN-workbook-TOPIC.ipynb."""
    return WORKBOOK_NAME.match(Path(path).name) is not None


def has_solution(source: str) -> bool:
    return any(BEGIN_SOLUTION in line for line in source.splitlines())


def student_source(source: str, stub: str = STUB) -> tuple[str, int]:
    """The cell's source with each BEGIN/END SOLUTION region (markers included) replaced by the
    stub at the BEGIN line's indentation, as nbgrader's ClearSolutions does. Returns the new
    source and the number of regions replaced.

    Raises ValueError for a BEGIN without its END, an END without a BEGIN, or nested markers.
    """
    out: list[str] = []
    replaced = 0
    inside = False
    for number, line in enumerate(source.splitlines(), start=1):
        if BEGIN_SOLUTION in line:
            if inside:
                raise ValueError(f"line {number}: {BEGIN_SOLUTION} inside a solution region (no {END_SOLUTION} before it)")
            inside = True
            indent = line[: len(line) - len(line.lstrip())]
            out.extend(indent + stub_line for stub_line in stub.splitlines())
            replaced += 1
        elif END_SOLUTION in line:
            if not inside:
                raise ValueError(f"line {number}: {END_SOLUTION} without a {BEGIN_SOLUTION} before it")
            inside = False
        elif not inside:
            out.append(line)
    if inside:
        raise ValueError(f"a {BEGIN_SOLUTION} region is never closed by {END_SOLUTION}")
    text = "\n".join(out)
    if source.endswith("\n"):
        text += "\n"
    return text, replaced


def _clear_outputs(nb) -> None:
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None


def student_notebook(nb, stub: str = STUB, clear_outputs: bool = True) -> tuple[object, int]:
    """The student version: every solution region stubbed (and, by default, every output
    cleared: the teacher's outputs would show the solutions' results). `nb` is not changed.
    Returns (notebook, solutions replaced)."""
    student = copy.deepcopy(nb)
    total = 0
    for index, cell in enumerate(student.cells):
        if cell.cell_type != "code":
            continue
        try:
            cell.source, replaced = student_source(cell.source, stub)
        except ValueError as error:
            raise ValueError(f"cell {index + 1}: {error}") from None
        total += replaced
    if clear_outputs:
        _clear_outputs(student)
    return student, total


def _solution_markdown(source: str) -> str:
    """The solution as one raw-HTML line (a markdown HTML block ends at a blank line, and a
    fenced block inside <details> is moved out of it by the renderer): a closed <details> with
    the code in a <pre>, its newlines written as &#10;."""
    code = html.escape(source.rstrip("\n"), quote=False).replace("\n", "&#10;")
    return (
        f'<details class="{SOLUTION_CLASS}"><summary>Solution</summary>'
        f'<pre class="{SOLUTION_CLASS}-code"><code>{code}</code></pre></details>'
    )


def teacher_notebook(nb, stub: str = STUB) -> tuple[object, int]:
    """The teacher version for a handout: each solution cell shows the stub the student sees,
    its outputs kept, followed by a markdown cell with the whole solution in a closed <details>.
    `nb` is not changed. Returns (notebook, solutions folded)."""
    teacher = copy.deepcopy(nb)
    cells = []
    folded = 0
    for cell in teacher.cells:
        if cell.cell_type == "code" and has_solution(cell.source):
            original = cell.source
            cell.source, replaced = student_source(original, stub)
            folded += replaced
            cells.append(cell)
            solution = nbformat.v4.new_markdown_cell(_solution_markdown(original))
            solution.metadata["ebm_solution"] = True
            cells.append(solution)
        else:
            cells.append(cell)
    teacher.cells = cells
    return teacher, folded


def write_student_notebook(source: Path, target: Path) -> int:
    """Writes the student notebook of a workbook (stubs in place, no outputs); returns the
    number of solutions replaced."""
    nb = nbformat.read(source, as_version=4)
    student, replaced = student_notebook(nb)
    if replaced == 0:
        raise ValueError(f"{source.name}: no {BEGIN_SOLUTION} / {END_SOLUTION} region to replace")
    target.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(student, target)
    return replaced


def main(argv: list[str]) -> int:
    if len(argv) < 4 or argv[0] != "student" or argv[1] != "--out":
        print("usage: workbook_versions.py student --out DIR NOTEBOOK.ipynb [...]", file=sys.stderr)
        return 2
    out = Path(argv[2])
    failed = 0
    for name in argv[3:]:
        source = Path(name)
        target = out / source.name
        try:
            replaced = write_student_notebook(source, target)
        except (ValueError, OSError) as error:
            print(f"workbook_versions: {source.name}: {error}", file=sys.stderr)
            failed += 1
            continue
        print(json.dumps({"notebook": source.name, "path": str(target), "solutions": replaced}))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
