/**
 * Running export_notebook.py for one notebook: a temporary working folder for the kernel, the
 * Python process, and its JSON-lines events turned into progress and a result.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

/** Events written by export_notebook.py, one JSON object per line. */
export type ExportEvent =
  | { event: "start"; title: string; cells: number; codes: number; declared: Record<string, number> }
  | { event: "cell"; cell: number; cells: number; code: number; codes: number }
  | { event: "executed"; seconds: number }
  | {
      event: "html";
      version: "teacher" | "student";
      path: string;
      figures: number;
      drawable: number;
      answer_cells_removed: number;
      answer_blocks_removed: number;
      /** A workbook's solutions folded (teacher) or replaced by the stub (student); 0 otherwise. */
      solutions: number;
      seconds: number;
    }
  | { event: "done"; stderr_cells: number[] }
  | { event: "failed"; step: string; cell: number | null; cells?: number; cell_id?: string; cell_line?: string; message: string; seconds?: number };

/** Names the failing cell and says what it wrote, in one or two lines. */
export function describeFailure(failure: Extract<ExportEvent, { event: "failed" }>): string {
  const where =
    failure.cell !== null && failure.cell !== undefined
      ? `cell ${failure.cell} of ${failure.cells ?? "?"}${failure.cell_id ? ` (id ${failure.cell_id})` : ""}, starting ${JSON.stringify(failure.cell_line ?? "")}`
      : null;
  const step = failure.step === "execute" ? "execution stopped" : `${failure.step} failed`;
  return where ? `${step} at ${where}:\n${failure.message}` : `${step}: ${failure.message}`;
}

/**
 * A working folder for the kernel: the notebook's sibling files copied (data, local .ts
 * modules; never the notebooks), and `node_modules` linked to the project's so that
 * `import ... from "ebm"` resolves as it does in JupyterLab. Nothing is written to `from`.
 */
export function prepareWorkdir(workdir: string, from: string, root: string): void {
  fs.mkdirSync(workdir, { recursive: true });
  for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
    if (entry.name.endsWith(".ipynb") || entry.name === "node_modules" || entry.name === ".ipynb_checkpoints") continue;
    const source = path.join(from, entry.name);
    if (entry.isFile() || entry.isDirectory()) fs.cpSync(source, path.join(workdir, entry.name), { recursive: true, dereference: true });
  }
  const link = path.join(workdir, "node_modules");
  if (!fs.existsSync(link)) fs.symlinkSync(path.join(root, "node_modules"), link, "dir");
}

/** What runExport returns: every event, and the process's stderr tail when it crashed. */
export interface ExportRun {
  events: ExportEvent[];
  exitCode: number | null;
  stderr: string;
}

/**
 * Runs export_notebook.py on one notebook, calling `onEvent` for each event as it arrives.
 */
export function runExport(
  python: string,
  args: readonly string[],
  onEvent: (event: ExportEvent) => void,
): Promise<ExportRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(python, [path.join(__dirname, "export_notebook.py"), ...args], { stdio: ["ignore", "pipe", "pipe"] });
    const events: ExportEvent[] = [];
    let buffered = "";
    let stderr = "";
    child.stdout.setEncoding("utf8");
    child.stdout.on("data", (chunk: string) => {
      buffered += chunk;
      let newline: number;
      while ((newline = buffered.indexOf("\n")) >= 0) {
        const line = buffered.slice(0, newline).trim();
        buffered = buffered.slice(newline + 1);
        if (!line.startsWith("{")) continue;
        let event: ExportEvent;
        try {
          event = JSON.parse(line) as ExportEvent;
        } catch {
          continue;
        }
        events.push(event);
        onEvent(event);
      }
    });
    child.stderr.setEncoding("utf8");
    child.stderr.on("data", (chunk: string) => {
      stderr = (stderr + chunk).slice(-20_000);
    });
    child.on("error", reject);
    child.on("close", (exitCode) => resolve({ events, exitCode, stderr }));
  });
}
