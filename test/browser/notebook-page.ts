// Driving one notebook in a JupyterLab page: open it in a fresh workspace, Run All, wait for the
// kernel, read problems and figures, save, screenshot, move a slider. Page-side reads go through
// lab-probe.js (window.__ebmProbe); every wait polls with a short interval and a generous deadline.
import type { Page } from "playwright-core";
import type { LabServer } from "./lab";

export interface RunState {
  kernel: string;
  codeCells: number;
  executed: number;
  running: number;
  errorOutputs: number;
  /** stderr streams: how tslab reports a TypeScript compile error (with no error output). */
  stderrOutputs: number;
}

export interface Problem {
  cell: number;
  source: string;
  kind: string;
  text: string;
}

export interface FigureCounts {
  /** Outputs in the notebook model that carry application/vnd.plotly.v1+json. */
  plotlyOutputs: number;
  /** Of those, how many also carry the image/png snapshot the renderer writes back. */
  withPng: number;
  /** Plotly renderers (`.jp-RenderedPlotly`) inside the notebook's node. */
  renderers: number;
  /** `.js-plotly-plot` elements inside the notebook's node. */
  elements: number;
  /** Renderers holding a drawn, interactive plot (an SVG of non-zero size). */
  drawn: number;
  /** Renderers showing their PNG snapshot instead (a loaded, visible image). */
  snapshots: number;
  /** drawn + snapshots: the figures a reader sees. */
  shown: number;
  trustedCells: number;
  untrustedCells: number;
  /** Outputs whose renderer threw: JupyterLab's "Javascript Error: ..." messages. */
  renderErrors: string[];
}

export interface SliderFigure {
  figure: number;
  /** The figure's size on the page, in CSS pixels. */
  width: number;
  height: number;
  title: string;
  active: number;
  steps: number;
  visible: boolean[];
  paths: (string | null)[];
  currentValue: string | null;
}

const POLL_MS = 250;

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Evaluates one probe call in the page, e.g. probe(page, "runState()"). */
function probe<T>(page: Page, call: string): Promise<T> {
  return page.evaluate(`window.__ebmProbe.${call}`) as Promise<T>;
}

/**
 * Polls `read` until `done` holds or the deadline passes; returns the last value read. Fails at
 * once when JupyterLab shows a dialog (a prompt nobody will answer). `describe` turns the last
 * value into the timeout message.
 */
async function pollUntil<T>(
  page: Page,
  read: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs: number,
  describe: (value: T) => string,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await read();
  while (!done(value)) {
    const dialog = await probe<string | null>(page, "dialog()").catch(() => null);
    if (dialog !== null) throw new Error(`JupyterLab shows a dialog: "${dialog}" (${describe(value)})`);
    if (Date.now() > deadline) throw new Error(`timed out after ${Math.round(timeoutMs / 1000)} s: ${describe(value)}`);
    await sleep(POLL_MS);
    value = await read();
  }
  return value;
}

/**
 * Opens a notebook in its own fresh workspace (`/lab/workspaces/NAME/tree/PATH?reset`), so no
 * tab from an earlier page is restored, and waits until it is the current widget with its model
 * loaded (and, with `waitForKernel`, its kernel session up: needed before Run All).
 */
export async function openNotebook(
  page: Page,
  lab: LabServer,
  workspace: string,
  notebookPath: string,
  options: { waitForKernel: boolean; timeoutMs?: number },
): Promise<void> {
  const timeoutMs = options.timeoutMs ?? 90_000;
  const url = `${lab.baseUrl}/lab/workspaces/${encodeURIComponent(workspace)}/tree/${notebookPath.split("/").map(encodeURIComponent).join("/")}?reset&token=${lab.token}`;
  await page.goto(url, { waitUntil: "domcontentloaded", timeout: timeoutMs });
  await pollUntil(
    page,
    () => probe<string | null>(page, "openedPath()").catch(() => null),
    (opened) => opened === notebookPath,
    timeoutMs,
    (opened) => `JupyterLab did not open ${notebookPath} (current notebook: ${opened ?? "none"})`,
  );
  // Side panels away, so screenshots show the notebook.
  await page.evaluate("window.jupyterapp.shell.collapseLeft(); window.jupyterapp.shell.collapseRight()");
  if (!options.waitForKernel) return;
  // The notebook's kernel (from its metadata) starts on opening; Run All before the session is
  // up would ask for a kernel.
  await pollUntil(
    page,
    () => probe<{ ready: boolean; kernel: string }>(page, "session()"),
    (s) => s.ready && s.kernel !== "starting" && s.kernel !== "unknown",
    timeoutMs,
    (s) => `the kernel of ${notebookPath} did not start (session ${JSON.stringify(s)})`,
  );
}

export function runState(page: Page): Promise<RunState> {
  return probe<RunState>(page, "runState()");
}

export function problems(page: Page): Promise<Problem[]> {
  return probe<Problem[]>(page, "problems()");
}

export function figures(page: Page): Promise<FigureCounts> {
  return probe<FigureCounts>(page, "figures()");
}

/**
 * Chooses Run All (the command behind Run > Run All Cells) and waits until the kernel is idle
 * and nothing is running: either every code cell has an execution count, or a cell failed with
 * an error output or a stderr stream (tslab then aborts the cells after it, which never get a
 * count). The end state must hold on
 * two polls in a row, so a kernel that is idle between two cells does not end the wait. A dead
 * kernel ends the wait too (the caller's assertions then fail on the missing counts).
 */
export async function runAll(page: Page, timeoutMs: number): Promise<RunState> {
  // Clear first, so execution counts can only come from this run.
  await page.evaluate('window.jupyterapp.commands.execute("notebook:clear-all-cell-outputs")');
  await probe(page, 'start("notebook:run-all-cells")');
  let settled = 0;
  const finished = (s: RunState | null): boolean =>
    s !== null &&
    (s.kernel === "dead" || (s.kernel === "idle" && s.running === 0 && (s.executed === s.codeCells || s.errorOutputs > 0 || s.stderrOutputs > 0)));
  const state = await pollUntil(
    page,
    () => runState(page),
    (s) => {
      settled = finished(s) ? settled + 1 : 0;
      return settled >= 2;
    },
    timeoutMs,
    (s) => `Run All did not finish: ${JSON.stringify(s)}`,
  );
  const errors = await probe<string[]>(page, "commandErrors");
  if (errors.length > 0) throw new Error(`Run All failed: ${errors.join("; ")}`);
  return state;
}

/**
 * Waits until `expected` figures are `drawn` (interactive plots) or `shown` (plots or PNG
 * snapshots) and the counts have stayed the same for `stableMs` (so extra figures would be seen
 * too), or until the timeout; returns the last counts (the caller asserts). Gives up early, once
 * stable, when waiting cannot help: the model holds fewer plotly outputs than expected, or a
 * renderer threw (an error text, or fewer renderers than plotly outputs for 3 s). With
 * `expected` 0 it waits `stableMs` only.
 */
export async function settleFigures(
  page: Page,
  expected: number,
  key: "drawn" | "shown",
  timeoutMs: number,
  stableMs = 600,
): Promise<FigureCounts> {
  const deadline = Date.now() + timeoutMs;
  const signature = (c: FigureCounts): string => [c.drawn, c.shown, c.elements, c.plotlyOutputs, c.renderErrors.length].join(",");
  let last = await figures(page);
  let since = Date.now();
  for (;;) {
    await sleep(POLL_MS);
    const now = await figures(page);
    if (signature(now) !== signature(last)) since = Date.now();
    last = now;
    const stable = Date.now() - since;
    // Waiting cannot help when the model lacks outputs, or a renderer threw: JupyterLab then
    // shows an error text, or (seen with a figure sent as a JSON string) drops the renderer.
    const hopeless =
      last.plotlyOutputs < expected || last.renderErrors.length > 0 || (last.renderers < last.plotlyOutputs && stable >= 3_000);
    if ((last[key] >= expected || hopeless) && stable >= stableMs) return last;
    if (Date.now() > deadline) return last;
  }
}

/**
 * Points the mouse at every figure that shows its PNG snapshot, as a reader scrolling through
 * would: the plotly renderer then draws the interactive plot from the saved JSON. Returns how
 * many snapshots it pointed at.
 */
export async function hoverSnapshots(page: Page, timeoutMs = 15_000): Promise<number> {
  await probe<boolean>(page, "markCurrent()");
  const images = page.locator("[data-ebm-current] .jp-RenderedPlotly img.plot-img:visible");
  let hovered = 0;
  let left = await images.count();
  while (left > 0) {
    const image = images.first();
    await image.scrollIntoViewIfNeeded({ timeout: timeoutMs });
    const box = await image.boundingBox({ timeout: timeoutMs });
    if (box === null) throw new Error(`figure snapshot ${hovered + 1} has no box on the page`);
    // A plain mouse move, not locator.hover(): the plot that replaces the image would count as
    // "covering" it and make hover() retry.
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 4 });
    hovered += 1;
    // The renderer hides the image once the plot is drawn: wait for that before the next one.
    const deadline = Date.now() + timeoutMs;
    let now = await images.count();
    while (now >= left && Date.now() < deadline) {
      await sleep(POLL_MS);
      now = await images.count();
    }
    if (now >= left) throw new Error(`pointing at figure snapshot ${hovered} did not replace it with the interactive plot within ${timeoutMs / 1000} s`);
    left = now;
    await page.mouse.move(1, 1);
  }
  return hovered;
}

/**
 * Waits (up to `timeoutMs`) until every plotly output carries the image/png snapshot the
 * renderer writes back, so the saved file holds a static image too; returns the counts.
 */
export async function waitForSnapshots(page: Page, timeoutMs: number): Promise<FigureCounts> {
  const deadline = Date.now() + timeoutMs;
  let counts = await figures(page);
  while (counts.withPng < counts.plotlyOutputs && Date.now() < deadline) {
    await sleep(POLL_MS);
    counts = await figures(page);
  }
  return counts;
}

/** File > Save (`docmanager:save`), then waits until the model is no longer dirty. */
export async function save(page: Page, timeoutMs = 30_000): Promise<void> {
  await probe(page, 'start("docmanager:save")');
  await pollUntil(
    page,
    () => page.evaluate("window.jupyterapp.shell.currentWidget.context.model.dirty") as Promise<boolean>,
    (dirty) => dirty === false,
    timeoutMs,
    () => "the notebook stayed dirty after docmanager:save",
  );
}

/** Scrolls the first figure into view (if any) and saves a screenshot of the page. */
export async function screenshot(page: Page, file: string): Promise<void> {
  await probe<boolean>(page, "scrollToFirstFigure()");
  await sleep(300);
  await page.screenshot({ path: file });
}

export function sliderFigure(page: Page): Promise<SliderFigure | null> {
  return probe<SliderFigure | null>(page, "sliderFigure()");
}

/**
 * Drags the slider of the marked figure (see lab-probe.js sliderFigure) from its grip to the
 * tick of `step` with the mouse, as a learner would, and returns the figure's state after the
 * plot has been redrawn (polls until the active step is `step`, the figure collapses, or the
 * timeout passes).
 */
export async function dragSlider(page: Page, step: number, timeoutMs = 10_000): Promise<SliderFigure | null> {
  await page.locator('[data-ebm-slider="target"] .slider-container').scrollIntoViewIfNeeded();
  const points = (await probe(page, `sliderPoints(${JSON.stringify(step)})`)) as {
    grip: { x: number; y: number };
    target: { x: number; y: number };
  } | null;
  if (points === null) throw new Error(`the slider has no step ${step}`);
  await page.mouse.move(points.grip.x, points.grip.y);
  await page.mouse.down();
  await page.mouse.move(points.target.x, points.target.y, { steps: 12 });
  await page.mouse.up();
  const deadline = Date.now() + timeoutMs;
  let after = await sliderFigure(page);
  while (after !== null && after.active !== step && after.height > 0 && Date.now() < deadline) {
    await sleep(POLL_MS);
    after = await sliderFigure(page);
  }
  await sleep(300); // let the restyle finish drawing the paths
  return sliderFigure(page);
}

/** Shuts down every kernel session of the server (after a notebook is done), through the REST API. */
/** The kernel each open session runs, by notebook path: {"01-x.ipynb": "tslab", ...}. */
export async function sessionKernels(lab: LabServer): Promise<Record<string, string>> {
  const response = await fetch(`${lab.baseUrl}/api/sessions`, { headers: { Authorization: `token ${lab.token}` } });
  if (!response.ok) throw new Error(`GET /api/sessions answered ${response.status}`);
  const sessions = (await response.json()) as { path: string; kernel?: { name?: string } | null }[];
  return Object.fromEntries(sessions.map((s) => [s.path, s.kernel?.name ?? "(none)"]));
}

export async function shutdownSessions(lab: LabServer): Promise<number> {
  const headers = { Authorization: `token ${lab.token}` };
  const response = await fetch(`${lab.baseUrl}/api/sessions`, { headers });
  if (!response.ok) throw new Error(`GET /api/sessions answered ${response.status}`);
  const sessions = (await response.json()) as { id: string }[];
  for (const session of sessions) {
    await fetch(`${lab.baseUrl}/api/sessions/${session.id}`, { method: "DELETE", headers });
  }
  return sessions.length;
}
