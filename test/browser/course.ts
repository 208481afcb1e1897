// The notebooks the browser test opens: every notebook in notebooks/ (read at run time, so the
// test covers the course as it grows) plus the test's own slider fixture, copied to a temporary
// folder that finds the library as the course folder does.
import fs from "node:fs";
import path from "node:path";

/** A notebook to open, with the figures it declares in metadata.ebm.figures. */
export interface CourseNotebook {
  /** File name inside the served folder. */
  name: string;
  /** Declared figures by kind, e.g. { landscape: 1, descent: 2 }. */
  declared: Record<string, number>;
  /** Their sum: how many plots JupyterLab must draw. */
  expected: number;
}

/**
 * The figures a notebook declares: metadata.ebm.figures, an object of non-negative integers.
 *
 * @throws Error naming the notebook when the metadata is missing or malformed.
 */
export function declaredFigures(file: string): Record<string, number> {
  const name = path.basename(file);
  const notebook = JSON.parse(fs.readFileSync(file, "utf8")) as { metadata?: { ebm?: { figures?: unknown } } };
  const figures = notebook.metadata?.ebm?.figures;
  if (figures === null || typeof figures !== "object" || Array.isArray(figures)) {
    throw new Error(`${name}: metadata.ebm.figures must be an object like {"landscape": 1}, got ${JSON.stringify(figures)}`);
  }
  const declared: Record<string, number> = {};
  for (const [kind, count] of Object.entries(figures as Record<string, unknown>)) {
    if (typeof count !== "number" || !Number.isInteger(count) || count < 0) {
      throw new Error(`${name}: metadata.ebm.figures.${kind} must be a non-negative integer, got ${JSON.stringify(count)}`);
    }
    declared[kind] = count;
  }
  return declared;
}

/** Reads a notebook's declared figures into a {@link CourseNotebook}. */
export function courseNotebook(file: string): CourseNotebook {
  const declared = declaredFigures(file);
  return { name: path.basename(file), declared, expected: Object.values(declared).reduce((a, b) => a + b, 0) };
}

/**
 * Copies the course folder (every file but checkpoints and node_modules) to `target`, adds the
 * extra notebooks under the given names, and links `target/node_modules` to the project's
 * node_modules so `import ... from "ebm"` and tslab's @types/node resolve as in notebooks/.
 * Returns the notebooks of the copy, sorted by name.
 */
export function copyCourse(projectRoot: string, target: string, extras: Record<string, string>): CourseNotebook[] {
  const source = path.join(projectRoot, "notebooks");
  fs.mkdirSync(target, { recursive: true });
  fs.cpSync(source, target, {
    recursive: true,
    filter: (from) => {
      const base = path.basename(from);
      return base !== ".ipynb_checkpoints" && base !== "node_modules";
    },
  });
  for (const [name, file] of Object.entries(extras)) {
    if (fs.existsSync(path.join(target, name))) throw new Error(`copyCourse: ${name} already exists in notebooks/`);
    fs.copyFileSync(file, path.join(target, name));
  }
  fs.symlinkSync(path.join(projectRoot, "node_modules"), path.join(target, "node_modules"));
  return fs
    .readdirSync(target)
    .filter((name) => name.endsWith(".ipynb"))
    .sort()
    .map((name) => courseNotebook(path.join(target, name)));
}
