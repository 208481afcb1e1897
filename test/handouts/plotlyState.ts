// A test helper (not a test file): what plotly.js drew on a page opened in Chromium.
import type { Page } from "playwright-core";

/** The plotly.js of a page and its plots. */
export interface PlotlyState {
  /** The trace types the page's plotly.js registers, sorted; null when the page has no plotly.js. */
  registered: string[] | null;
  plots: {
    /** The figure's title (the bold text of its fallback paragraph). */
    title: string;
    /** Whether plotly drew its SVG. */
    drawn: boolean;
    /** The trace types asked for (a trace without a type is a scatter)... */
    types: string[];
    /** ...and those plotly drew: a type missing from the bundle comes out as a hidden "scatter". */
    drawnTypes: string[];
  }[];
}

/** Reads {@link PlotlyState} from a page whose figures have finished drawing. */
export function plotlyState(page: Page): Promise<PlotlyState> {
  return page.evaluate(() => {
    type Plot = HTMLElement & { data?: { type?: string }[]; _fullData?: { index: number; type: string }[] };
    const Plotly = (window as unknown as { Plotly?: { PlotSchema: { get(): { traces: Record<string, unknown> } } } }).Plotly;
    return {
      registered: Plotly ? Object.keys(Plotly.PlotSchema.get().traces).sort() : null,
      plots: Array.from(document.querySelectorAll<Plot>(".js-plotly-plot")).map((gd) => ({
        title: (gd.closest(".ebm-figure")?.querySelector(".ebm-figure-fallback strong")?.textContent ?? "").trim(),
        drawn: gd.querySelector("svg.main-svg") !== null,
        types: (gd.data ?? []).map((t) => t.type ?? "scatter"),
        drawnTypes: [...(gd._fullData ?? [])].sort((a, b) => a.index - b.index).map((t) => t.type),
      })),
    };
  });
}
