// The command line of `npm run handouts` and the choice of notebooks (no kernel, no browser).
import { test } from "node:test";
import assert from "node:assert/strict";
import { UsageError, parseArguments, selectNotebooks, trackOf } from "../../scripts/handouts/options";

const ROOT = "/project";
const COURSE = Object.freeze([
  "00-start-here.ipynb",
  "01-intuitive-energy.ipynb",
  "01-math-energy.ipynb",
  "02-intuitive-gibbs.ipynb",
  "02-math-gibbs.ipynb",
]);

test("defaults: every notebook of notebooks/, both versions, A4, PDFs on, into handouts/", () => {
  const o = parseArguments([], ROOT, {});
  assert.deepEqual(o, {
    from: "/project/notebooks",
    out: "/project/handouts",
    notebooks: [],
    track: null,
    versions: ["teacher", "student"],
    paper: "a4",
    pdf: true,
    timeout: 300,
    chromium: "/usr/bin/chromium",
    notebooksOnly: false,
    help: false,
  });
});

test("each option, in both spellings (--flag value and --flag=value)", () => {
  const o = parseArguments(
    ["--notebook", "01-math-energy", "--notebook=02-math-gibbs", "--track", "math", "--version=student", "--paper", "Letter", "--out", "/tmp/h", "--no-pdf", "--timeout", "60", "--chromium", "/opt/c"],
    ROOT,
    { EBM_CHROMIUM: "/ignored" },
  );
  assert.deepEqual(o.notebooks, ["01-math-energy", "02-math-gibbs"]);
  assert.equal(o.track, "math");
  assert.deepEqual(o.versions, ["student"]);
  assert.equal(o.paper, "letter");
  assert.equal(o.out, "/tmp/h");
  assert.equal(o.pdf, false);
  assert.equal(o.timeout, 60);
  assert.equal(o.chromium, "/opt/c");
  assert.deepEqual(parseArguments(["--student"], ROOT).versions, ["student"]);
  assert.deepEqual(parseArguments(["--teacher"], ROOT).versions, ["teacher"]);
  assert.deepEqual(parseArguments(["--version", "both"], ROOT).versions, ["teacher", "student"]);
  assert.equal(parseArguments([], ROOT, { EBM_CHROMIUM: "/opt/chromium" }).chromium, "/opt/chromium");
  assert.equal(parseArguments(["-h"], ROOT).help, true);
});

test("a wrong command line says what was wrong and what is accepted", () => {
  const cases: [string[], string][] = [
    [["--paper", "a3"], 'handouts: --paper must be one of a4, letter, got "a3"'],
    [["--track", "poetry"], 'handouts: --track must be one of intuitive, math, got "poetry"'],
    [["--version", "pupil"], 'handouts: --version must be one of teacher, student, both, got "pupil"'],
    [["--timeout", "-3"], 'handouts: --timeout must be a positive whole number of seconds, got "-3"'],
    [["--out"], "handouts: --out needs a value (see --help)"],
    [["--pdf-only"], 'handouts: unknown option "--pdf-only" (see --help)'],
  ];
  for (const [argv, message] of cases) {
    assert.throws(() => parseArguments(argv, ROOT), (e: unknown) => e instanceof UsageError && e.message === message, argv.join(" "));
  }
});

test("tracks come from the file name NN-TRACK-topic; the start page has none", () => {
  assert.equal(trackOf("01-intuitive-energy.ipynb"), "intuitive");
  assert.equal(trackOf("/x/notebooks/12-math-hopfield-capacity.ipynb"), "math");
  assert.equal(trackOf("00-start-here.ipynb"), null);
});

test("selection: all, a track, or named notebooks (with or without .ipynb), in course order", () => {
  const base = { from: "/n", notebooks: [] as string[], track: null };
  assert.deepEqual(selectNotebooks(base, COURSE), COURSE.map((n) => `/n/${n}`));
  assert.deepEqual(selectNotebooks({ ...base, track: "math" }, COURSE), ["/n/01-math-energy.ipynb", "/n/02-math-gibbs.ipynb"]);
  assert.deepEqual(selectNotebooks({ ...base, track: "intuitive" }, COURSE), ["/n/01-intuitive-energy.ipynb", "/n/02-intuitive-gibbs.ipynb"]);
  assert.deepEqual(selectNotebooks({ ...base, notebooks: ["02-math-gibbs", "00-start-here.ipynb", "02-math-gibbs.ipynb"] }, COURSE), [
    "/n/02-math-gibbs.ipynb",
    "/n/00-start-here.ipynb",
  ]);
});

test("selection errors name the missing notebook and list the available ones", () => {
  const base = { from: "/n", notebooks: [] as string[], track: null };
  assert.throws(
    () => selectNotebooks({ ...base, notebooks: ["03-math-sampling"] }, COURSE),
    (e: unknown) =>
      e instanceof UsageError &&
      e.message === 'handouts: no notebook "03-math-sampling" in /n; available: 00-start-here, 01-intuitive-energy, 01-math-energy, 02-intuitive-gibbs, 02-math-gibbs',
  );
  assert.throws(
    () => selectNotebooks({ ...base, track: "math" }, ["00-start-here.ipynb"]),
    (e: unknown) => e instanceof UsageError && e.message === "handouts: no math notebook (NN-math-topic.ipynb) to export in /n",
  );
});
