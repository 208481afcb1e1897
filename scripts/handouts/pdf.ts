/**
 * Printing a handout page to PDF with Debian's Chromium, driven by playwright-core.
 *
 * The page is opened from disk with every network request refused (a handout must not need
 * one), laid out at the printable width of the paper, and printed only when every figure has
 * finished drawing (the page's `window.ebmHandout.figuresDrawn()`, see page.ts), the number of
 * drawn plots equals the number of figures the notebook showed, and every trace kept its type
 * (plotly quietly turns a trace type missing from the inlined bundle into a hidden scatter, so
 * a cartesian bundle on a page with a 3D trace would print an empty frame). Before printing:
 * - every `<details>` is opened (paper cannot be clicked);
 * - a figure drawn with WebGL (3D surfaces) is replaced by a PNG snapshot of itself, because
 *   Chromium prints WebGL canvases blank;
 * the page's CSS (template) keeps figures, outputs and code cells whole across page breaks.
 */
import fs from "node:fs";
import { pathToFileURL } from "node:url";
import { chromium } from "playwright-core";
import type { Browser } from "playwright-core";
import type { Paper } from "./options";
import { CHROMIUM_ARGS } from "../chromiumFlags";

/** Paper sizes: playwright's format name and the width in inches. Margins are 0.5 in. */
export const PAPER_SIZES: Record<Paper, { format: "A4" | "Letter"; widthInches: number; heightInches: number }> = {
  a4: { format: "A4", widthInches: 210 / 25.4, heightInches: 297 / 25.4 },
  letter: { format: "Letter", widthInches: 8.5, heightInches: 11 },
};
const MARGIN_INCHES = 0.5;
/** CSS pixels per inch. */
const CSS_DPI = 96;

/** The width in CSS pixels that a page of this paper prints at (paper less both margins). */
export function printableWidth(paper: Paper): number {
  return Math.floor((PAPER_SIZES[paper].widthInches - 2 * MARGIN_INCHES) * CSS_DPI);
}

/** The message for a Chromium that is not there or does not start. */
export function chromiumHelp(executable: string, cause?: string): string {
  return (
    `Chromium is needed for the PDF handouts but ${cause ? `did not start from ${executable}: ${cause}` : `was not found at ${executable}`}.\n` +
    "  Install Debian's Chromium:   sudo apt-get install chromium   (npm run setup does this when run as root)\n" +
    "  or point to another one:     npm run handouts -- --chromium /path/to/chromium   (or EBM_CHROMIUM=...)\n" +
    "  or write the HTML pages only: npm run handouts -- --no-pdf"
  );
}

/**
 * Starts headless Chromium.
 *
 * @throws Error with {@link chromiumHelp}'s message when the executable is missing or fails.
 */
export async function launchChromium(executable: string): Promise<Browser> {
  if (!fs.existsSync(executable)) throw new Error(chromiumHelp(executable));
  try {
    return await chromium.launch({ executablePath: executable, headless: true, args: CHROMIUM_ARGS });
  } catch (error) {
    const first = String((error as Error).message ?? error).split("\n")[0];
    throw new Error(chromiumHelp(executable, first));
  }
}

/**
 * On paper a figure keeps its width (the printable width) and gets this fraction of its screen
 * height, at least {@link PRINT_MIN_HEIGHT} pixels: the figures are drawn for a screen, where
 * a 560-pixel-high figure is one glance, but on A4 it would fill half a page and, as figures
 * are never cut by a page break, leave the rest of the page empty.
 */
export const PRINT_HEIGHT_FACTOR = 0.6;
/** The least height, in CSS pixels, of a figure on paper. */
export const PRINT_MIN_HEIGHT = 260;
/** The bottom margin, in CSS pixels, an animated figure keeps on paper once its controls are gone (room for the x-axis title). */
export const PRINT_CONTROLS_MARGIN = 70;

/**
 * Runs in the page: gives every drawn plot its paper height (see {@link PRINT_HEIGHT_FACTOR}).
 * An animated plot prints the frame it opens on: paper cannot play it, so its Play button and
 * slider are removed with the room below the plot they took (the bottom margin comes down to
 * {@link PRINT_CONTROLS_MARGIN}), and it then shrinks like the others. Plots whose axes are
 * locked to an aspect ratio (maps, pattern images) shrink less (by the square root of the
 * factor), since they narrow as they shorten; WebGL plots are left alone (they are printed from
 * a snapshot).
 */
async function shrinkFiguresForPaper({ factor, minHeight, controlsMargin }: { factor: number; minHeight: number; controlsMargin: number }): Promise<void> {
  type Layout = { height?: number; sliders?: unknown[]; updatemenus?: unknown[]; margin?: { b?: number }; [axis: string]: unknown };
  type Plot = HTMLElement & { layout?: Layout; _fullLayout?: { height: number; margin?: { b: number } } };
  const Plotly = (window as unknown as { Plotly?: { relayout(gd: HTMLElement, update: object): Promise<unknown> } }).Plotly;
  if (!Plotly) return;
  for (const gd of Array.from(document.querySelectorAll<Plot>(".js-plotly-plot"))) {
    const layout = gd.layout ?? {};
    const controls = (layout.sliders?.length ?? 0) + (layout.updatemenus?.length ?? 0) > 0;
    let height = gd._fullLayout?.height ?? layout.height;
    if (height === undefined || gd.querySelector("canvas")) continue;
    if (controls) {
      // Paper shows the opening frame: drop the controls and the room they took below the plot.
      const bottom = gd._fullLayout?.margin?.b ?? layout.margin?.b ?? controlsMargin;
      const freed = Math.max(0, bottom - controlsMargin);
      height -= freed;
      await Plotly.relayout(gd, { sliders: [], updatemenus: [], "margin.b": Math.min(bottom, controlsMargin), height });
    }
    // A map or an image whose axes keep their aspect ratio narrows as it shortens: shrink it less.
    const locked = Object.keys(layout).some((key) => /^[xy]axis\d*$/.test(key) && (layout[key] as { scaleanchor?: unknown } | undefined)?.scaleanchor !== undefined);
    // Never taller than on screen: the least height only limits the shrinking.
    const paperHeight = Math.min(height, Math.max(minHeight, Math.round(height * (locked ? Math.sqrt(factor) : factor))));
    gd.style.height = `${paperHeight}px`; // the div show() made carries the screen height
    await Plotly.relayout(gd, { height: paperHeight });
  }
}

/** What {@link printPdf} returns. */
export interface PrintedPdf {
  /** Pages in the PDF. */
  pages: number;
  /** Plots drawn on the page when it was printed. */
  drawn: number;
  /** Figures replaced by a PNG snapshot (drawn with WebGL). */
  snapshots: number;
  /** Console errors and uncaught exceptions of the page. */
  consoleErrors: string[];
  /** Requests the page tried to make and that were refused. */
  blocked: string[];
}

/**
 * The number of pages of a PDF, read from its page objects (`/Type /Page`).
 *
 * @example
 * countPdfPages(fs.readFileSync("handouts/teacher/01-math-energy.pdf"));
 * // => 7
 */
export function countPdfPages(pdf: Buffer): number {
  const text = pdf.toString("latin1");
  return (text.match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/**
 * Prints one handout page to PDF (see the file comment).
 *
 * @param figures how many figures the page must show drawn before it is printed.
 * @throws Error when the figures are not all drawn within `timeoutMs` (the message names the
 *   figures still missing), when a trace type is not drawn by the page's plotly.js bundle, or
 *   when Chromium fails.
 */
export async function printPdf(
  browser: Browser,
  htmlPath: string,
  pdfPath: string,
  options: { paper: Paper; figures: number; title: string; timeoutMs?: number },
): Promise<PrintedPdf> {
  const timeoutMs = options.timeoutMs ?? 120_000;
  const pageUrl = pathToFileURL(htmlPath).href;
  const context = await browser.newContext({
    viewport: { width: printableWidth(options.paper), height: 1000 },
    deviceScaleFactor: 1,
  });
  const consoleErrors: string[] = [];
  const blocked: string[] = [];
  try {
    await context.route("**/*", (route) => {
      const url = route.request().url();
      if (url === pageUrl) return route.continue();
      blocked.push(url);
      return route.abort();
    });
    const page = await context.newPage();
    page.setDefaultTimeout(timeoutMs);
    page.on("console", (message) => {
      if (message.type() === "error") consoleErrors.push(message.text());
    });
    page.on("pageerror", (error) => consoleErrors.push(`uncaught ${error.name}: ${error.message}`));
    await page.emulateMedia({ media: "print" });
    await page.goto(pageUrl, { waitUntil: "load" });

    const drawing = page.evaluate(() => {
      const handout = (window as unknown as { ebmHandout?: { figuresDrawn(): Promise<number> } }).ebmHandout;
      return handout ? handout.figuresDrawn() : Promise.resolve(0);
    });
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<"late">((resolve) => {
      timer = setTimeout(() => resolve("late"), timeoutMs);
    });
    const outcome = await Promise.race([drawing, late]).finally(() => clearTimeout(timer));
    const state = await page.evaluate(() => {
      const figures = Array.from(document.querySelectorAll(".ebm-figure"));
      const drawn = Array.from(document.querySelectorAll(".js-plotly-plot")).filter((gd) => gd.querySelector(".main-svg")).length;
      const undrawn = figures
        .filter((f) => !f.querySelector(".js-plotly-plot .main-svg"))
        .map((f) => (f.querySelector(".ebm-figure-fallback strong")?.textContent ?? "(untitled)").trim());
      // Each drawn trace against its input: a type the bundle lacks comes out as "scatter".
      type Plot = HTMLElement & { data?: { type?: string }[]; _fullData?: { index: number; type: string }[] };
      const lost: string[] = [];
      for (const gd of Array.from(document.querySelectorAll<Plot>(".js-plotly-plot"))) {
        const title = (gd.closest(".ebm-figure")?.querySelector(".ebm-figure-fallback strong")?.textContent ?? "(untitled)").trim();
        for (const t of gd._fullData ?? []) {
          const wanted = gd.data?.[t.index]?.type ?? "scatter";
          if (t.type !== wanted) lost.push(`${wanted} in ${JSON.stringify(title)}`);
        }
      }
      return { drawn, undrawn, lost };
    });
    if (state.lost.length > 0) {
      const bundle = await page.evaluate(() => {
        const inlined = Array.from(document.scripts).map((s) => /inlined once for the whole page: ([^*]+?) \*\//.exec(s.text.slice(0, 200)));
        return inlined.find((m) => m !== null)?.[1] ?? "plotly.js";
      });
      throw new Error(`the page's ${bundle} does not draw these traces: ${state.lost.join(", ")}`);
    }
    if (outcome === "late" || state.drawn !== options.figures) {
      const why = outcome === "late" ? `not all figures finished drawing within ${Math.round(timeoutMs / 1000)} s` : `${state.drawn} of ${options.figures} figures drawn`;
      const missing = state.undrawn.length > 0 ? `; not drawn: ${state.undrawn.map((t) => JSON.stringify(t)).join(", ")}` : "";
      const errors = consoleErrors.length > 0 ? `; the page logged: ${consoleErrors.slice(0, 3).join(" | ")}` : "";
      throw new Error(`${why}${missing}${errors}`);
    }

    await page.evaluate(shrinkFiguresForPaper, { factor: PRINT_HEIGHT_FACTOR, minHeight: PRINT_MIN_HEIGHT, controlsMargin: PRINT_CONTROLS_MARGIN });

    const snapshots = await page.evaluate(async () => {
      document.querySelectorAll("details").forEach((d) => d.setAttribute("open", ""));
      type Plot = HTMLElement & { _fullLayout?: { width: number; height: number } };
      const Plotly = (window as unknown as { Plotly?: { toImage(gd: HTMLElement, o: object): Promise<string> } }).Plotly;
      let replaced = 0;
      if (Plotly) {
        for (const gd of Array.from(document.querySelectorAll<Plot>(".js-plotly-plot"))) {
          if (!gd.querySelector("canvas") || !gd._fullLayout) continue;
          const { width, height } = gd._fullLayout;
          const url = await Plotly.toImage(gd, { format: "png", width, height, scale: 2 });
          const img = document.createElement("img");
          img.className = "ebm-print-image";
          img.src = url;
          img.width = width;
          img.height = height;
          img.alt = gd.closest(".ebm-figure")?.querySelector(".ebm-figure-fallback")?.textContent ?? "";
          await img.decode();
          gd.insertAdjacentElement("afterend", img);
          gd.style.display = "none";
          replaced++;
        }
      }
      await document.fonts.ready;
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      return replaced;
    });

    const pdf = await page.pdf({
      path: pdfPath,
      format: PAPER_SIZES[options.paper].format,
      margin: { top: "0.5in", bottom: "0.5in", left: "0.5in", right: "0.5in" },
      printBackground: true,
      preferCSSPageSize: false,
      displayHeaderFooter: true,
      headerTemplate: "<span></span>",
      footerTemplate:
        '<div style="font-size:7px;font-family:sans-serif;color:#666;width:100%;padding:0 0.5in;display:flex;justify-content:space-between">' +
        `<span>${escapeHtml(options.title)}</span><span><span class="pageNumber"></span> / <span class="totalPages"></span></span></div>`,
    });
    return { pages: countPdfPages(pdf), drawn: state.drawn, snapshots, consoleErrors, blocked };
  } finally {
    await context.close();
  }
}
