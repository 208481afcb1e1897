/**
 * The command line of `npm run handouts`, and which notebooks it picks.
 *
 * Pure functions (no file system except {@link listNotebooks}), so the test can check each
 * option and each message without running a kernel.
 */
import fs from "node:fs";
import path from "node:path";

/** Paper sizes a handout PDF can have. */
export const PAPERS = ["a4", "letter"] as const;
export type Paper = (typeof PAPERS)[number];

/** The two tracks of the course: `NN-intuitive-topic.ipynb` and `NN-math-topic.ipynb`. */
export const TRACKS = ["intuitive", "math"] as const;
export type Track = (typeof TRACKS)[number];

/** The teacher version has everything; the student version leaves out the answers. */
export const VERSIONS = ["teacher", "student"] as const;
export type Version = (typeof VERSIONS)[number];

/** What one run of the command does. */
export interface HandoutOptions {
  /** The folder the notebooks are read from (never written to). */
  from: string;
  /** The output folder: `OUT/teacher/NAME.html|pdf` and `OUT/student/NAME.html|pdf`. */
  out: string;
  /** Notebooks asked for by name (empty: all, or the track). */
  notebooks: string[];
  /** Only this track's notebooks, when set. */
  track: Track | null;
  /** Which versions to write. */
  versions: Version[];
  paper: Paper;
  /** Write the PDFs (false with --no-pdf). */
  pdf: boolean;
  /** Seconds one cell may run. */
  timeout: number;
  /** The Chromium executable for the PDFs. */
  chromium: string;
  /** Only write the workbooks' student notebooks (OUT/student/NN-workbook-TOPIC.ipynb); no kernel, no PDF. */
  notebooksOnly: boolean;
  help: boolean;
}

export const USAGE = `Exports the course notebooks to offline handouts: one HTML page and one PDF per notebook.

Usage: npm run handouts -- [options]

Each notebook is executed afresh on the tslab kernel (stored outputs are ignored), in a
temporary folder; notebooks/ is never written to.

Options:
  --notebook NAME     export this notebook (repeatable): 01-math-energy, 01-math-energy.ipynb
                      or a path; default: every notebook
  --track TRACK       only one track: intuitive or math (NN-TRACK-topic.ipynb)
  --version WHICH     teacher, student or both (default both); the student version leaves out
                      cells tagged "answer" and <details class="answer"> blocks
  --student           the same as --version student
  --teacher           the same as --version teacher
  --paper SIZE        PDF paper size: a4 or letter (default a4)
  --out DIR           output folder (default handouts/)
  --from DIR          the folder of notebooks (default notebooks/)
  --no-pdf            write the HTML pages only (no Chromium needed)
  --timeout SECONDS   time one cell may run (default 300)
  --chromium PATH     the Chromium executable (default /usr/bin/chromium, or $EBM_CHROMIUM)
  --notebooks-only    only write the workbooks' student notebooks to hand out,
                      OUT/student/NN-workbook-TOPIC.ipynb (each solution replaced by
                      throw new Error("not done yet"); no outputs); no kernel, no PDF
  -h, --help          this text

Writes OUT/teacher/NAME.html, OUT/teacher/NAME.pdf, OUT/student/NAME.html, OUT/student/NAME.pdf
and OUT/summary.json; for a workbook (NN-workbook-TOPIC) also OUT/student/NAME.ipynb. A workbook's
teacher version folds each solution into a closed "Solution" block after the student's stub
(the PDF prints it opened); its student version has the stubs and no outputs. Exits with 1 when any notebook failed (the others are still exported).`;

/** A mistake on the command line: the message says what was wrong and what is accepted. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

function oneOf<T extends string>(flag: string, value: string | undefined, allowed: readonly T[]): T {
  const v = (value ?? "").toLowerCase();
  if (!(allowed as readonly string[]).includes(v)) {
    throw new UsageError(`handouts: ${flag} must be one of ${allowed.join(", ")}, got ${value === undefined ? "nothing" : JSON.stringify(value)}`);
  }
  return v as T;
}

/**
 * Reads the command line (the arguments after `npm run handouts --`).
 *
 * @param root the project folder: the defaults `notebooks/` and `handouts/` are inside it.
 * @throws UsageError for an unknown option, a missing value, or a value out of its set.
 * @example
 * parseArguments(["--track", "math", "--paper", "letter"], "/p").paper;
 * // => "letter"
 */
export function parseArguments(argv: readonly string[], root: string, env: NodeJS.ProcessEnv = {}): HandoutOptions {
  const options: HandoutOptions = {
    from: path.join(root, "notebooks"),
    out: path.join(root, "handouts"),
    notebooks: [],
    track: null,
    versions: ["teacher", "student"],
    paper: "a4",
    pdf: true,
    timeout: 300,
    chromium: env.EBM_CHROMIUM || "/usr/bin/chromium",
    notebooksOnly: false,
    help: false,
  };
  const args = [...argv];
  while (args.length > 0) {
    const arg = args.shift() as string;
    const [flag, inline] = arg.startsWith("--") && arg.includes("=") ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)] : [arg, undefined];
    const value = (): string => {
      const v = inline ?? args.shift();
      if (v === undefined || v === "") throw new UsageError(`handouts: ${flag} needs a value (see --help)`);
      return v;
    };
    switch (flag) {
      case "--notebook":
        options.notebooks.push(value());
        break;
      case "--track":
        options.track = oneOf("--track", value(), TRACKS);
        break;
      case "--version": {
        const v = oneOf("--version", value(), ["teacher", "student", "both"] as const);
        options.versions = v === "both" ? ["teacher", "student"] : [v];
        break;
      }
      case "--student":
        options.versions = ["student"];
        break;
      case "--teacher":
        options.versions = ["teacher"];
        break;
      case "--paper":
        options.paper = oneOf("--paper", value(), PAPERS);
        break;
      case "--out":
        options.out = path.resolve(value());
        break;
      case "--from":
        options.from = path.resolve(value());
        break;
      case "--no-pdf":
        options.pdf = false;
        break;
      case "--timeout": {
        const raw = value();
        const seconds = Number(raw);
        if (!Number.isInteger(seconds) || seconds <= 0) throw new UsageError(`handouts: --timeout must be a positive whole number of seconds, got ${JSON.stringify(raw)}`);
        options.timeout = seconds;
        break;
      }
      case "--chromium":
        options.chromium = value();
        break;
      case "--notebooks-only":
        options.notebooksOnly = true;
        break;
      case "-h":
      case "--help":
        options.help = true;
        break;
      default:
        throw new UsageError(`handouts: unknown option ${JSON.stringify(arg)} (see --help)`);
    }
  }
  return options;
}

/** The notebooks (`*.ipynb`) in a folder, sorted by name. */
export function listNotebooks(folder: string): string[] {
  if (!fs.existsSync(folder) || !fs.statSync(folder).isDirectory()) {
    throw new UsageError(`handouts: the notebook folder ${folder} does not exist`);
  }
  return fs
    .readdirSync(folder)
    .filter((name) => name.endsWith(".ipynb"))
    .sort();
}

/** True for a workbook's name, NN-workbook-TOPIC(.ipynb): learners write code, checks judge it. */
export function isWorkbook(name: string): boolean {
  return /^\d\d-workbook-[a-z]+(\.ipynb)?$/.test(path.basename(name));
}

/** The track of a notebook name, or null (the start page belongs to no track). */
export function trackOf(name: string): Track | null {
  const m = /^\d+-(intuitive|math)-/.exec(path.basename(name));
  return m ? (m[1] as Track) : null;
}

/**
 * The notebooks to export, as paths: the ones named (by file name, name without `.ipynb`, or
 * path), else those of the track, else all of them.
 *
 * @param available the file names in `options.from` ({@link listNotebooks}).
 * @throws UsageError when a named notebook does not exist (the message lists the available
 *   ones), or when the selection is empty.
 * @example
 * selectNotebooks({ from: "/n", notebooks: [], track: "math" }, ["00-start-here.ipynb", "01-intuitive-a.ipynb", "01-math-a.ipynb"]);
 * // => ["/n/01-math-a.ipynb"]
 */
export function selectNotebooks(options: Pick<HandoutOptions, "from" | "notebooks" | "track">, available: readonly string[]): string[] {
  let chosen: string[];
  if (options.notebooks.length > 0) {
    chosen = options.notebooks.map((wanted) => {
      const file = wanted.endsWith(".ipynb") ? wanted : `${wanted}.ipynb`;
      if (available.includes(file)) return path.join(options.from, file);
      if ((wanted.includes("/") || wanted.includes(path.sep)) && fs.existsSync(wanted) && wanted.endsWith(".ipynb")) return path.resolve(wanted);
      throw new UsageError(
        `handouts: no notebook ${JSON.stringify(wanted)} in ${options.from}; available: ${available.map((n) => n.replace(/\.ipynb$/, "")).join(", ") || "(none)"}`,
      );
    });
    if (options.track) chosen = chosen.filter((p) => trackOf(p) === options.track);
  } else {
    chosen = available.filter((name) => options.track === null || trackOf(name) === options.track).map((name) => path.join(options.from, name));
  }
  chosen = [...new Set(chosen)];
  if (chosen.length === 0) {
    const what = options.track ? `no ${options.track} notebook (NN-${options.track}-topic.ipynb)` : "no notebook";
    throw new UsageError(`handouts: ${what} to export in ${options.from}`);
  }
  return chosen;
}
