/**
 * What `npm run handouts` prints: a progress line while it runs (which notebook, which step,
 * which cell), and a summary table at the end (files written, sizes, pages, time).
 *
 * On a terminal the progress line is redrawn in place; in a log (CI, a pipe) each step gets
 * one line and cell-by-cell progress is left out.
 */

/** One file written. */
export interface WrittenFile {
  version: "teacher" | "student";
  kind: "html" | "pdf";
  path: string;
  bytes: number;
  /** PDF pages. */
  pages?: number;
  /** HTML: the plotly.js bundle inlined ("cartesian" or "full"), null when the page has no figure. */
  plotly?: "cartesian" | "full" | null;
  /** HTML: the trace types of the page's figures. */
  traceTypes?: string[];
}

/** The outcome for one notebook. */
export interface NotebookReport {
  notebook: string;
  title: string;
  ok: boolean;
  /** Seconds: executing, HTML (both versions), PDF (both versions), and all. */
  seconds: { execute: number; html: number; pdf: number; total: number };
  /** Figures shown by the notebook (teacher version) and declared in its metadata. */
  figures: number;
  declaredFigures: number | null;
  formulas: number;
  files: WrittenFile[];
  warnings: string[];
  /** What went wrong, naming the step and, for execution, the cell. */
  error: string | null;
}

/** Writes progress to a stream; `interactive` redraws one line in place. */
export class Progress {
  private lineOpen = false;

  constructor(
    private readonly out: NodeJS.WritableStream & { isTTY?: boolean; columns?: number },
    private readonly interactive: boolean = Boolean(out.isTTY),
  ) {}

  /** A step of a notebook: "[2/5] 01-math-energy  executing on tslab". */
  step(position: string, notebook: string, text: string): void {
    const line = `${position} ${notebook}  ${text}`;
    if (this.interactive) {
      const width = Math.max(20, (this.out.columns ?? 100) - 1);
      this.out.write(`\r\x1b[K${line.slice(0, width)}`);
      this.lineOpen = true;
    } else {
      this.out.write(`${line}\n`);
    }
  }

  /** Fine-grained progress (a cell): shown on a terminal only. */
  detail(position: string, notebook: string, text: string): void {
    if (this.interactive) this.step(position, notebook, text);
  }

  /** A line that stays (a notebook finished, a warning, an error). */
  line(text: string): void {
    if (this.lineOpen) this.out.write("\r\x1b[K");
    this.lineOpen = false;
    this.out.write(`${text}\n`);
  }
}

/**
 * A size for people: bytes, KB or MB (1 KB = 1024 bytes).
 *
 * @example
 * formatBytes(5_242_880);
 * // => "5.0 MB"
 */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function table(rows: string[][], alignRight: boolean[]): string[] {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  return rows.map((r) =>
    r
      .map((cell, c) => (alignRight[c] ? cell.padStart(widths[c]) : cell.padEnd(widths[c])))
      .join("  ")
      .trimEnd(),
  );
}

/**
 * The closing summary: one row per notebook and version (HTML size, the plotly.js bundle in
 * it, PDF size, pages, figures, time), then the warnings and failures with their messages, then a closing line
 * "handouts: 2 of 3 notebooks exported, 1 failed".
 */
export function summaryLines(reports: readonly NotebookReport[], outDir: string): string[] {
  const rows: string[][] = [["notebook", "version", "html", "plotly", "pdf", "pages", "figures", "math", "execute", "html+pdf", "total"]];
  for (const r of reports) {
    const versions = [...new Set(r.files.map((f) => f.version))];
    if (versions.length === 0) {
      rows.push([r.notebook, "-", "-", "-", "-", "-", "-", "-", `${r.seconds.execute.toFixed(1)} s`, "-", `${r.seconds.total.toFixed(1)} s`]);
      continue;
    }
    versions.forEach((version, i) => {
      const html = r.files.find((f) => f.version === version && f.kind === "html");
      const pdf = r.files.find((f) => f.version === version && f.kind === "pdf");
      rows.push([
        i === 0 ? r.notebook : "",
        version,
        html ? formatBytes(html.bytes) : "-",
        html?.plotly ? html.plotly : "-",
        pdf ? formatBytes(pdf.bytes) : "-",
        pdf?.pages !== undefined ? String(pdf.pages) : "-",
        i === 0 ? String(r.figures) : "",
        i === 0 ? String(r.formulas) : "",
        i === 0 ? `${r.seconds.execute.toFixed(1)} s` : "",
        i === 0 ? `${(r.seconds.html + r.seconds.pdf).toFixed(1)} s` : "",
        i === 0 ? `${r.seconds.total.toFixed(1)} s` : "",
      ]);
    });
  }
  const lines = ["", `Handouts in ${outDir}:`, ...table(rows, [false, false, true, false, true, true, true, true, true, true, true]).map((l) => `  ${l}`)];
  const files = reports.reduce((n, r) => n + r.files.length, 0);
  const bytes = reports.reduce((n, r) => n + r.files.reduce((m, f) => m + f.bytes, 0), 0);
  const seconds = reports.reduce((n, r) => n + r.seconds.total, 0);
  lines.push(`  ${files} files, ${formatBytes(bytes)}, ${seconds.toFixed(1)} s`);
  for (const r of reports) {
    for (const w of r.warnings) lines.push(`  warning: ${r.notebook}: ${w}`);
  }
  for (const r of reports) {
    if (r.error) lines.push(`  FAILED ${r.notebook}: ${r.error.replace(/\n/g, "\n    ")}`);
  }
  const failed = reports.filter((r) => !r.ok).length;
  lines.push(`handouts: ${reports.length - failed} of ${reports.length} notebooks exported${failed > 0 ? `, ${failed} failed` : ""}`);
  return lines;
}
