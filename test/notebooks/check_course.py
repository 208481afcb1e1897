"""Checks the shape of the course, without running anything.

* Every notebook is the start page `00-start-here.ipynb` or is named `NN-TRACK-TOPIC.ipynb`, with
  TRACK `intuitive` or `math`.
* Every topic number has both tracks (choose-your-own-adventure: each topic twice).
* Every link to a notebook (markdown `[text](NAME.ipynb)` or `(NAME.ipynb#anchor)`) points to an
  existing notebook.
* Each track notebook links to its twin in the other track, to the previous and next notebook of
  its own track (when there is one), and back to the start page; the start page links to every
  notebook.
* Each track notebook declares at least one figure of each kind the course promises: an energy
  landscape, a descent path and a Gibbs histogram (metadata.ebm.figures), has a "Try it" section
  with its explanation in a cell tagged "answer", and a References section.

Usage: .venv/bin/python test/notebooks/check_course.py
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parents[2]
NAME = re.compile(r"^(\d\d)-(intuitive|math)-([a-z0-9-]+)\.ipynb$")
LINK = re.compile(r"\]\(\s*(?:\./)?([^)\s#]+\.ipynb)(?:#[^)\s]*)?\s*\)")
START = "00-start-here.ipynb"
REQUIRED_KINDS = ("landscape", "descent", "gibbs")


def markdown_of(nb) -> str:
    return "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")


def main() -> int:
    notebooks = {p.name: nbformat.read(p, as_version=4) for p in sorted((ROOT / "notebooks").glob("*.ipynb"))}
    problems: list[str] = []
    tracks: dict[str, dict[str, str]] = {"intuitive": {}, "math": {}}
    for name in notebooks:
        if name == START:
            continue
        m = NAME.match(name)
        if not m:
            problems.append(f"{name}: name is not NN-intuitive-topic.ipynb or NN-math-topic.ipynb")
            continue
        tracks[m.group(2)][m.group(1)] = name
    if START not in notebooks:
        problems.append(f"{START} is missing")

    topics = sorted(set(tracks["intuitive"]) | set(tracks["math"]))
    for topic in topics:
        for track in tracks:
            if topic not in tracks[track]:
                problems.append(f"topic {topic} has no {track} notebook")

    for name, nb in notebooks.items():
        links = set(LINK.findall(markdown_of(nb)))
        for target in sorted(links):
            if target not in notebooks:
                problems.append(f"{name}: link to {target}, which does not exist")
        if name == START:
            missing = sorted(set(notebooks) - links - {START})
            if missing:
                problems.append(f"{START}: no link to {', '.join(missing)}")
            continue
        m = NAME.match(name)
        if not m:
            continue
        topic, track = m.group(1), m.group(2)
        other = "math" if track == "intuitive" else "intuitive"
        own = [tracks[track][t] for t in topics if t in tracks[track]]
        i = own.index(name)
        expected = {START}
        if tracks[other].get(topic):
            expected.add(tracks[other][topic])
        if i > 0:
            expected.add(own[i - 1])
        if i + 1 < len(own):
            expected.add(own[i + 1])
        for target in sorted(expected - links):
            problems.append(f"{name}: no link to {target} (start page, twin in the other track, previous and next)")
        figures = (nb.metadata.get("ebm") or {}).get("figures") or {}
        for kind in REQUIRED_KINDS:
            if int(figures.get(kind, 0)) < 1:
                problems.append(f"{name}: declares no '{kind}' figure (every track notebook shows a landscape, a descent path and Gibbs histograms)")
        text = markdown_of(nb)
        if not re.search(r"(?im)^#+ .*try it", text):
            problems.append(f"{name}: no 'Try it' section heading")
        if not any("answer" in (c.metadata.get("tags") or []) for c in nb.cells):
            problems.append(f"{name}: no cell tagged 'answer' (the explanation below a try-it cell)")
        if not re.search(r"(?im)^#+ .*references", text):
            problems.append(f"{name}: no 'References' section heading")

    for p in problems:
        print("  FAIL " + p)
    checked = len(notebooks)
    print(f"course structure: {len(topics)} topics x 2 tracks, {checked} notebooks; {0 if problems else 1} passed, {1 if problems else 0} failed")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
