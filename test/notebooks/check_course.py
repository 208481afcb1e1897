"""Checks the shape of the course, without running anything.

Names and links:
* Every notebook is the start page `00-start-here.ipynb`, the glossary `glossary.ipynb`, a
  workbook `NN-workbook-TOPIC.ipynb` (issue 14), or is named `NN-TRACK-TOPIC.ipynb`, with TRACK
  `intuitive` or `math`.
* Every topic number has both tracks (choose-your-own-adventure: each topic twice).
* Every link to a notebook (markdown `[text](NAME.ipynb)` or `(NAME.ipynb#anchor)`) points to an
  existing notebook, and its `#anchor`, if any, to an anchor there: an `id="..."` in the markdown
  (the glossary's entries carry `<a id="beta"></a>`) or a heading (its text, spaces as `-`).
* Each track notebook links to its twin in the other track, to the previous and next notebook of
  its own track (when there is one), back to the start page, and to the glossary; the start page
  links to every notebook, the glossary included.
* The glossary has no code cells, links back to the start page, and lists its entries
  (`- <a id="..."></a>**term**: ...`) in alphabetical order.

What every track notebook holds (the shared outline of issue 13):
* declares at least one figure of each kind the course promises: an energy landscape, a descent
  path and a Gibbs histogram (metadata.ebm.figures);
* cell 0 is markdown: a `# ` title, then a line `**Objectives** (about NN minutes):` followed by
  one to three bullet points;
* at least one **Think!** prompt: a markdown cell whose first line starts with `**Think!**`,
  followed directly by a markdown cell tagged `answer` that holds a folded `<details>` answer;
* a `## Try it` section (the heading may carry a number and a subtitle: `## 5. Try it: ...`),
  each followed, before the next section, by a cell tagged `answer`;
* every cell tagged `answer` is markdown and folds its text in `<details> ... </details>`;
* a `## Summary` with 3 to 5 bullet points, the section right before `## Where next`;
* a `## References` section that cites the post the course follows (*Energy Based Models*,
  Computational Cognition).
What every workbook holds (issue 14):
* its topic NN has track notebooks; cell 0 is markdown starting `# Workbook N: ` (N = NN),
  saying "About 30 minutes", linking to both track notebooks of its topic and to the glossary;
* 3 to 5 exercises, each a markdown cell with a heading `## Exercise N.k: TITLE` (k = 1, 2, ...
  in order) and a statement of at most MAX_STATEMENT characters, then a code cell holding the
  lines `// BEGIN SOLUTION` and `// END SOLUTION` (inside a function, in that order), then a
  code cell `check("id", functionName);`;
* a `## Your progress` section whose code cell calls `progress("NN-workbook-TOPIC")` (its own
  name), and a `## Where next` section.
Every code line of every notebook is at most 90 characters long.
In the intuitive track no `map` callback loops again (`xs.map((x) => x.map(...))`): such a
cell is unrolled into named steps or the work moved into the library.

Each problem is printed on its own line: the notebook, the cell (0-based, as in the runner's
messages), and what is missing.

Usage: .venv/bin/python test/notebooks/check_course.py [--dir FOLDER]
(FOLDER defaults to notebooks/; point it at a copy to try the check on edited notebooks.)
"""
from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parents[2]
NAME = re.compile(r"^(\d\d)-(intuitive|math)-([a-z0-9-]+)\.ipynb$")
WORKBOOK = re.compile(r"^(\d\d)-workbook-([a-z]+)\.ipynb$")
EXERCISE = re.compile(r"^##\s+Exercise\s+(\d+)\.(\d+):\s+\S")
CHECK_CELL = re.compile(r"""^\s*check\(\s*"[a-z][a-z0-9-]*"\s*,\s*[A-Za-z_$][\w$]*\s*\);?\s*$""")
MAX_STATEMENT = 700
LINK = re.compile(r"\]\(\s*(?:\./)?([^)\s#]+\.ipynb)(?:#([^)\s]*))?\s*\)")
START = "00-start-here.ipynb"
GLOSSARY = "glossary.ipynb"
REQUIRED_KINDS = ("landscape", "descent", "gibbs")
MAX_CODE_LINE = 90
OBJECTIVES = re.compile(r"^\*\*Objectives\*\*\s*\(about \d+(?:\s*(?:-|to)\s*\d+)? minutes\):?\s*$")
BULLET = re.compile(r"^(?:[-*+]|\d+[.)])\s+\S")
HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
TRY_IT = re.compile(r"^(?:\d+\.\s*)?try it\b", re.IGNORECASE)
ANCHOR_ID = re.compile(r"""\b(?:id|name)\s*=\s*["']([^"']+)["']""")
GLOSSARY_ENTRY = re.compile(r"^[-*]\s+(?:<a\s[^>]*></a>\s*)*\*\*([^*]+)\*\*")
POST = re.compile(r"energy[- ]based models|computational cognition", re.IGNORECASE)


def markdown_of(nb) -> str:
    return "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")


def is_answer(cell) -> bool:
    return "answer" in (cell.metadata.get("tags") or [])


def first_line(source: str) -> str:
    for line in source.splitlines():
        if line.strip():
            return line.strip()
    return ""


def short(text: str, width: int = 60) -> str:
    return text if len(text) <= width else text[: width - 3] + "..."


def markdown_lines(source: str):
    """The lines of a markdown cell outside fenced code blocks, with their line numbers."""
    fenced = False
    for number, line in enumerate(source.splitlines(), start=1):
        if line.lstrip().startswith(("```", "~~~")):
            fenced = not fenced
            continue
        if not fenced:
            yield number, line


def headings(nb) -> list[tuple[int, int, str]]:
    """Every markdown heading, as (cell index, level, text), in reading order."""
    found = []
    for index, cell in enumerate(nb.cells):
        if cell.cell_type != "markdown":
            continue
        for _, line in markdown_lines(cell.source):
            m = HEADING.match(line)
            if m:
                found.append((index, len(m.group(1)), m.group(2)))
    return found


def heading_id(text: str) -> str:
    """The anchor JupyterLab and nbconvert give a heading: its plain text, spaces as '-'."""
    plain = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    plain = re.sub(r"<[^>]+>", "", plain)
    plain = plain.replace("**", "").replace("__", "").replace("`", "")
    plain = re.sub(r"(?<!\w)[*_]|[*_](?!\w)", "", plain)
    return plain.strip().replace(" ", "-")


def anchors_of(nb) -> set[str]:
    text = markdown_of(nb)
    return set(ANCHOR_ID.findall(text)) | {heading_id(h) for _, _, h in headings(nb)}


def bullets_after(lines: list[str]) -> int:
    """Top-level bullet points in a list that starts at the first non-blank line."""
    count = 0
    started = False
    for line in lines:
        if not line.strip():
            if started:
                # A blank line inside a loose list is fine; the list ends at a non-list line.
                continue
            continue
        if BULLET.match(line):
            count += 1
            started = True
        elif started and line.startswith((" ", "\t")):
            continue  # continuation of a bullet
        else:
            break
    return count


def section_lines(nb, cell_index: int, heading_text: str) -> list[str]:
    """The markdown lines under a heading, up to the next heading or code cell."""
    lines: list[str] = []
    seen = False
    for index in range(cell_index, len(nb.cells)):
        cell = nb.cells[index]
        if cell.cell_type != "markdown":
            if seen:
                break
            continue
        for _, line in markdown_lines(cell.source):
            m = HEADING.match(line)
            if not seen:
                if m and m.group(2) == heading_text:
                    seen = True
                continue
            if m:
                return lines
            lines.append(line)
    return lines


def long_code_lines(name: str, nb) -> list[str]:
    long = []
    for index, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        for number, line in enumerate(cell.source.splitlines(), start=1):
            if len(line) > MAX_CODE_LINE:
                long.append((index, number, len(line)))
    if not long:
        return []
    worst = max(long, key=lambda x: x[2])
    first = ", ".join(f"cell {c} line {n} ({length})" for c, n, length in long[:6])
    more = f", and {len(long) - 6} more" if len(long) > 6 else ""
    return [
        f"{name}: {len(long)} code line(s) longer than {MAX_CODE_LINE} characters (the longest: "
        f"{worst[2]}, cell {worst[0]} line {worst[1]}): {first}{more}"
    ]


NESTED_CALLBACK = re.compile(r"\.(map|flatMap|forEach|reduce|filter)\(")


def nested_maps(name: str, nb) -> list[str]:
    """Intuitive track: no `map(... map(...))` (a callback that loops again inside a map)."""
    found = []
    for index, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        source = cell.source
        for m in re.finditer(r"\.(map|flatMap)\(", source):
            depth, end = 0, m.end() - 1
            while end < len(source):
                depth += {"(": 1, ")": -1}.get(source[end], 0)
                if depth == 0:
                    break
                end += 1
            if NESTED_CALLBACK.search(source[m.end():end]):
                found.append(f"cell {index}: {short(source[m.start():end + 1])}")
    if not found:
        return []
    return [f"{name}: a map with another loop inside its callback (unroll it into named steps): "
            + "; ".join(found)]


def outline_problems(name: str, nb) -> list[str]:
    """The shared outline every track notebook follows (issue 13)."""
    problems: list[str] = []
    cells = nb.cells

    # Cell 0: title, objectives with a time estimate, one to three bullets.
    if not cells or cells[0].cell_type != "markdown":
        problems.append(f"{name}: cell 0 must be markdown (the title and the objectives)")
    else:
        lines = [line for _, line in markdown_lines(cells[0].source)]
        if not first_line(cells[0].source).startswith("# "):
            problems.append(f"{name}: cell 0 does not start with a '# ' title")
        at = next((i for i, line in enumerate(lines) if line.strip().startswith("**Objectives**")), None)
        if at is None:
            problems.append(f"{name}: cell 0 has no '**Objectives** (about NN minutes):' line")
        else:
            if not OBJECTIVES.match(lines[at].strip()):
                problems.append(
                    f"{name}: cell 0: the objectives line {short(lines[at].strip())!r} does not read "
                    "'**Objectives** (about NN minutes):'"
                )
            count = bullets_after(lines[at + 1 :])
            if not 1 <= count <= 3:
                problems.append(f"{name}: cell 0: {count} objective bullet(s) after '**Objectives**'; 1 to 3 expected")

    # Think! prompts, each followed directly by its folded answer.
    thinks = [i for i, c in enumerate(cells) if c.cell_type == "markdown" and first_line(c.source).startswith("**Think!**")]
    if not thinks:
        problems.append(f"{name}: no **Think!** prompt (a markdown cell whose first line starts with '**Think!**')")
    for index in thinks:
        nxt = cells[index + 1] if index + 1 < len(cells) else None
        if nxt is None or nxt.cell_type != "markdown" or not is_answer(nxt):
            what = "nothing" if nxt is None else ("a code cell" if nxt.cell_type == "code" else "a markdown cell not tagged 'answer'")
            problems.append(
                f"{name}: cell {index} (**Think!**) is followed by {what}; the next cell must be its answer: "
                "markdown tagged 'answer' with <details>"
            )

    # Try it sections, each with an answer cell before the next section.
    heads = headings(nb)
    tries = [(i, level, text) for i, level, text in heads if TRY_IT.match(text)]
    if not tries:
        problems.append(f"{name}: no '## Try it' section heading")
    for index, level, text in tries:
        if level != 2:
            problems.append(f"{name}: cell {index}: the heading {short(text)!r} is level {level}; '## Try it' expected")
        end = next((i for i, lv, _ in heads if i > index and lv <= level and not is_answer(cells[i])), len(cells))
        if not any(is_answer(cells[i]) for i in range(index + 1, end)):
            problems.append(
                f"{name}: cell {index} ({'#' * level} {short(text)}): no cell tagged 'answer' after it, before the next section"
            )

    # Every answer is folded.
    for index, cell in enumerate(cells):
        if not is_answer(cell):
            continue
        if cell.cell_type != "markdown":
            problems.append(f"{name}: cell {index} is tagged 'answer' but is a {cell.cell_type} cell; answers are markdown")
        elif "<details" not in cell.source or "</details>" not in cell.source:
            problems.append(f"{name}: cell {index} (answer) is not folded: wrap it in <details><summary>...</summary> ... </details>")

    # Summary (3-5 bullets) right before Where next; References citing the post.
    def find(title: str) -> list[tuple[int, int, str]]:
        return [(i, lv, t) for i, lv, t in heads if lv == 2 and t.strip().lower() == title]

    summary, where, refs = find("summary"), find("where next"), find("references")
    if not summary:
        problems.append(f"{name}: no '## Summary' heading (3 to 5 bullets, right before '## Where next')")
    else:
        index, _, text = summary[0]
        count = bullets_after(section_lines(nb, index, text))
        if not 3 <= count <= 5:
            problems.append(f"{name}: cell {index} (## Summary): {count} bullet(s) right under the heading; 3 to 5 expected")
        position = heads.index(summary[0])
        after = heads[position + 1] if position + 1 < len(heads) else None
        if after is None or after[1] != 2 or after[2].strip().lower() != "where next":
            got = "nothing" if after is None else f"{'#' * after[1]} {short(after[2])!r} (cell {after[0]})"
            problems.append(f"{name}: cell {index} (## Summary) must be followed by '## Where next'; the next heading is {got}")
    if not where:
        problems.append(f"{name}: no '## Where next' heading")
    if not refs:
        problems.append(f"{name}: no '## References' heading")
    else:
        index, _, text = refs[0]
        if not POST.search("\n".join(section_lines(nb, index, text))):
            problems.append(
                f"{name}: cell {index} (## References) does not cite the post the course follows "
                "(Energy Based Models, Computational Cognition)"
            )
    return problems


def glossary_problems(nb) -> list[str]:
    problems = []
    code = [i for i, c in enumerate(nb.cells) if c.cell_type == "code"]
    if code:
        problems.append(f"{GLOSSARY}: cell(s) {', '.join(map(str, code))} are code; the glossary is markdown only")
    terms = []
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            terms += [m.group(1).strip() for _, line in markdown_lines(cell.source) if (m := GLOSSARY_ENTRY.match(line))]
    if not terms:
        problems.append(f"{GLOSSARY}: no entries ('- <a id=\"term\"></a>**term**: ...')")
    for before, after in zip(terms, terms[1:]):
        if before.lower() > after.lower():
            problems.append(f"{GLOSSARY}: entries out of alphabetical order: {before!r} before {after!r}")
    return problems


def workbook_problems(name: str, nb, links: set[str], tracks: dict[str, dict[str, str]]) -> list[str]:
    """What a workbook lacks of the shape issue 14 asks for (see the module's comment)."""
    problems: list[str] = []
    topic = WORKBOOK.match(name).group(1)
    cells = nb.cells
    twins = [tracks[t].get(topic) for t in ("intuitive", "math")]
    if not all(twins):
        problems.append(f"{name}: topic {topic} has no track notebooks to follow")
    first = cells[0] if cells else None
    if first is None or first.cell_type != "markdown" or not first.source.lstrip().startswith(f"# Workbook {int(topic)}: "):
        problems.append(f"{name}: cell 0 must be markdown starting '# Workbook {int(topic)}: TITLE'")
    else:
        if "About 30 minutes" not in first.source:
            problems.append(f"{name}: cell 0 must say 'About 30 minutes.'")
        top = {target for target, _ in LINK.findall(first.source)}
        for target in [t for t in twins if t] + [GLOSSARY]:
            if target not in top:
                problems.append(f"{name}: cell 0 has no link to {target} (it runs after either track; the glossary)")
    exercises = 0
    for index, cell in enumerate(cells):
        if cell.cell_type != "markdown":
            continue
        heading = next((line for line in cell.source.splitlines() if line.startswith("## Exercise")), None)
        if heading is None:
            continue
        exercises += 1
        m = EXERCISE.match(heading)
        if not m or int(m.group(1)) != int(topic) or int(m.group(2)) != exercises:
            problems.append(f"{name}: cell {index}: heading {heading!r} should be '## Exercise {int(topic)}.{exercises}: TITLE'")
        statement = "\n".join(line for line in cell.source.splitlines() if not line.startswith("#")).strip()
        if not statement:
            problems.append(f"{name}: cell {index}: exercise {exercises} does not say what to write")
        elif len(statement) > MAX_STATEMENT:
            problems.append(f"{name}: cell {index}: the statement of exercise {exercises} has {len(statement)} characters (one or two sentences, at most {MAX_STATEMENT})")
        following = cells[index + 1 : index + 3]
        if len(following) < 2 or any(c.cell_type != "code" for c in following):
            problems.append(f"{name}: cell {index}: exercise {exercises} must be followed by its code cell and its check cell")
            continue
        solution, checker = following
        lines = [line.strip() for line in solution.source.splitlines()]
        if "// BEGIN SOLUTION" not in lines or "// END SOLUTION" not in lines or lines.index("// BEGIN SOLUTION") > lines.index("// END SOLUTION"):
            problems.append(f"{name}: cell {index + 1}: the exercise's code cell needs the lines '// BEGIN SOLUTION' and '// END SOLUTION', in that order")
        if not CHECK_CELL.match(checker.source.strip()):
            problems.append(f"{name}: cell {index + 2}: must be the check cell, check(\"id\", functionName);, got {first_line(checker.source)!r}")
    if not 3 <= exercises <= 5:
        problems.append(f"{name}: {exercises} exercises ('## Exercise N.k: ...'); a workbook has 3 to 5")
    found = {text.lower(): (cell_index, level) for cell_index, level, text in headings(nb)}
    if "your progress" not in found:
        problems.append(f"{name}: no '## Your progress' section")
    elif not any(c.cell_type == "code" and f'progress("{name[:-6]}")' in c.source for c in cells[found["your progress"][0] :]):
        problems.append(f"{name}: the '## Your progress' section needs a code cell progress(\"{name[:-6]}\");")
    if "where next" not in found:
        problems.append(f"{name}: no '## Where next' section")
    if GLOSSARY not in links:
        problems.append(f"{name}: no link to the glossary")
    return problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--dir", default=str(ROOT / "notebooks"), help="the folder of notebooks (default: notebooks/)")
    args = parser.parse_args()
    folder = Path(args.dir)
    notebooks = {p.name: nbformat.read(p, as_version=4) for p in sorted(folder.glob("*.ipynb"))}
    problems: list[str] = []
    tracks: dict[str, dict[str, str]] = {"intuitive": {}, "math": {}}
    for name in notebooks:
        if name in (START, GLOSSARY):
            continue
        if WORKBOOK.match(name):
            continue
        m = NAME.match(name)
        if not m:
            problems.append(f"{name}: name is not NN-intuitive-topic.ipynb, NN-math-topic.ipynb or NN-workbook-topic.ipynb")
            continue
        tracks[m.group(2)][m.group(1)] = name
    for required in (START, GLOSSARY):
        if required not in notebooks:
            problems.append(f"{required} is missing")

    topics = sorted(set(tracks["intuitive"]) | set(tracks["math"]))
    for topic in topics:
        for track in tracks:
            if topic not in tracks[track]:
                problems.append(f"topic {topic} has no {track} notebook")

    anchors = {name: anchors_of(nb) for name, nb in notebooks.items()}
    for name, nb in notebooks.items():
        found = LINK.findall(markdown_of(nb))
        links = {target for target, _ in found}
        for target in sorted(links):
            if target not in notebooks:
                problems.append(f"{name}: link to {target}, which does not exist")
        for target, anchor in sorted(set(found)):
            if anchor and target in notebooks and anchor not in anchors[target]:
                problems.append(f"{name}: link to {target}#{anchor}, but {target} has no anchor {anchor!r}")
        problems += long_code_lines(name, nb)
        if "-intuitive-" in name:
            problems += nested_maps(name, nb)
        if name == START:
            missing = sorted(set(notebooks) - links - {START})
            if missing:
                problems.append(f"{START}: no link to {', '.join(missing)}")
            continue
        if name == GLOSSARY:
            if START not in links:
                problems.append(f"{GLOSSARY}: no link back to {START}")
            problems += glossary_problems(nb)
            continue
        if WORKBOOK.match(name):
            problems += workbook_problems(name, nb, links, tracks)
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
        if GLOSSARY in notebooks and GLOSSARY not in links:
            problems.append(f"{name}: no link to the glossary: [Glossary]({GLOSSARY}) under '## Where next'")
        figures = (nb.metadata.get("ebm") or {}).get("figures") or {}
        for kind in REQUIRED_KINDS:
            if int(figures.get(kind, 0)) < 1:
                problems.append(f"{name}: declares no '{kind}' figure (every track notebook shows a landscape, a descent path and Gibbs histograms)")
        problems += outline_problems(name, nb)

    for p in problems:
        print("  FAIL " + p)
    failing = sorted({p.split(":")[0] for p in problems if p.split(":")[0] in notebooks})
    where = f" ({len(failing)} notebook(s) with problems: {', '.join(failing)})" if failing else ""
    print(
        f"course structure: {len(topics)} topics x 2 tracks, {len(notebooks)} notebooks; "
        f"{0 if problems else 1} passed, {1 if problems else 0} failed, {len(problems)} problem(s){where}"
    )
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
