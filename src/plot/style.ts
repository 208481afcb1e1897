/**
 * The one look of every figure: colours, fonts, axes, titles and the `meta` block.
 *
 * Colours come from the Okabe-Ito palette (Okabe & Ito 2008, "Color Universal Design"), which
 * stays distinguishable under the common forms of colour blindness. Continuous fields use
 * Viridis (van der Walt & Smith 2015), which is perceptually uniform and colour-blind safe.
 * Fonts are sized to stay readable when a 900-pixel-wide figure is printed half a page wide.
 */
import { FIGURE_KINDS } from "./figure";
import type { Figure, FigureConfig, FigureFrame, FigureKind, FigureLayout, PlotTrace } from "./figure";
import { message } from "../validate";

/**
 * The Okabe-Ito palette, ordered for series: first series blue, second orange, and so on.
 * (Yellow comes late: it is faint on white.)
 *
 * @example
 * PALETTE[0];
 * // => "#0072B2"
 */
export const PALETTE: readonly string[] = Object.freeze([
  "#0072B2", // blue
  "#E69F00", // orange
  "#009E73", // bluish green
  "#CC79A7", // reddish purple
  "#56B4E9", // sky blue
  "#D55E00", // vermillion
  "#F0E442", // yellow
  "#000000", // black
]);

/** Names of the {@link PALETTE} colours, same order, for alt text ("the blue basin"). */
export const PALETTE_NAMES: readonly string[] = Object.freeze([
  "blue",
  "orange",
  "green",
  "purple",
  "sky blue",
  "vermillion",
  "yellow",
  "black",
]);

/** The colour of energy curves and outlines: Okabe-Ito black. */
export const INK = "#000000";

/** The colour of "no basin" cells (starts that did not settle): a light grey, outside the palette. */
export const UNASSIGNED_COLOR = "#D9D9D9";

/**
 * The i-th series colour, cycling through {@link PALETTE}.
 *
 * @throws RangeError when i is not a non-negative integer.
 * @example
 * paletteColor(9); // index 9 wraps to 1
 * // => "#E69F00"
 */
export function paletteColor(i: number): string {
  if (!(Number.isInteger(i) && i >= 0)) throw new RangeError(message("paletteColor", "i", "a non-negative integer", i));
  return PALETTE[i % PALETTE.length];
}

/**
 * The name of the i-th series colour (cycling), for alt text.
 *
 * @throws RangeError when i is not a non-negative integer.
 * @example
 * paletteColorName(9); // the name of paletteColor(9)
 * // => "orange"
 */
export function paletteColorName(i: number): string {
  if (!(Number.isInteger(i) && i >= 0)) throw new RangeError(message("paletteColorName", "i", "a non-negative integer", i));
  return PALETTE_NAMES[i % PALETTE_NAMES.length];
}

/** Viridis, 9 stops, as a plotly colorscale: dark purple (low) to yellow (high). */
export const SEQUENTIAL_SCALE: ReadonlyArray<readonly [number, string]> = Object.freeze([
  [0, "#440154"],
  [0.125, "#472D7B"],
  [0.25, "#3B528B"],
  [0.375, "#2C728E"],
  [0.5, "#21918C"],
  [0.625, "#28AE80"],
  [0.75, "#5EC962"],
  [0.875, "#ADDC30"],
  [1, "#FDE725"],
] as const);

/**
 * A colour from {@link SEQUENTIAL_SCALE} at position t in [0, 1], linearly interpolated in RGB.
 * Used to colour an ordered series (densities as beta grows): dark = first, yellow = last.
 *
 * @throws RangeError when t is not in [0, 1].
 * @example
 * sequentialColor(0);
 * // => "#440154"
 */
export function sequentialColor(t: number): string {
  if (!(t >= 0 && t <= 1)) throw new RangeError(message("sequentialColor", "t", "a number in [0, 1]", t));
  const stops = SEQUENTIAL_SCALE;
  let k = 0;
  while (k < stops.length - 2 && t > stops[k + 1][0]) k++;
  const [t0, c0] = stops[k];
  const [t1, c1] = stops[k + 1];
  const f = (t - t0) / (t1 - t0);
  const channel = (s: string, o: number) => parseInt(s.slice(o, o + 2), 16);
  let hex = "#";
  for (const o of [1, 3, 5]) {
    const v = Math.round(channel(c0, o) + f * (channel(c1, o) - channel(c0, o)));
    hex += v.toString(16).padStart(2, "0").toUpperCase();
  }
  return hex;
}

/** The font family of every figure. */
export const FONT_FAMILY = "Helvetica, Arial, sans-serif";

/** Font sizes in pixels: body (ticks, legend), axis titles, figure title. */
export const FONT_SIZES = Object.freeze({ body: 15, axisTitle: 16, title: 19, annotation: 15 });

/** Default figure size in pixels (plotly stretches the width to its container). */
export const FIGURE_HEIGHT = 460;

/** Settings every cartesian axis shares (applied through the layout template); a fresh object each call. */
function axisDefaults(): Record<string, unknown> {
  return {
    showgrid: true,
    gridcolor: "#E5E5E5",
    zeroline: false,
    showline: true,
    linecolor: "#444444",
    linewidth: 1,
    ticks: "outside",
    tickcolor: "#444444",
    automargin: true,
    title: { font: { size: FONT_SIZES.axisTitle } },
  };
}

/**
 * The base layout: white background, readable fonts, margins, and a template that applies to
 * every x and y axis (xaxis, xaxis2, ...) and to 3D scenes, and draws every line through all its
 * points (no `line.simplify`, which puts corners into smooth curves).
 * Returns a fresh object each call.
 *
 * @example
 * baseLayout().paper_bgcolor;
 * // => "white"
 */
export function baseLayout(): Record<string, unknown> {
  const sceneAxis = () => ({ backgroundcolor: "white", gridcolor: "#D0D0D0", showbackground: true, title: { font: { size: FONT_SIZES.axisTitle } } });
  return {
    font: { family: FONT_FAMILY, size: FONT_SIZES.body, color: "#222222" },
    paper_bgcolor: "white",
    plot_bgcolor: "white",
    height: FIGURE_HEIGHT,
    margin: { l: 70, r: 30, t: 70, b: 60 },
    colorway: [...PALETTE],
    hovermode: "closest",
    legend: { bgcolor: "rgba(255,255,255,0.8)", bordercolor: "#CCCCCC", borderwidth: 1 },
    template: {
      // plotly drops "nearly collinear" points of a line by default (line.simplify), which puts
      // visible corners into smooth curves (an energy curve, a density) once drawn or printed.
      data: { scatter: [{ line: { simplify: false } }] },
      layout: {
        xaxis: axisDefaults(),
        yaxis: axisDefaults(),
        scene: { xaxis: sceneAxis(), yaxis: sceneAxis(), zaxis: sceneAxis() },
      },
    },
  };
}

/**
 * The plotly config of every figure: no logo, SVG download for handouts; not `responsive` (in JupyterLab a responsive figure collapsed to zero height when its slider moved).
 *
 * @example
 * baseConfig().toImageButtonOptions;
 * // => { "format": "svg", "scale": 1 }
 */
export function baseConfig(): FigureConfig {
  return { displaylogo: false, responsive: false, toImageButtonOptions: { format: "svg", scale: 1 } };
}

/**
 * An axis object with a title (plotly 3 wants `title: { text }`), plus any extra settings.
 *
 * @example
 * axis("x", { range: [-2, 2] });
 * // => { "title": { "text": "x" }, "range": [-2, 2] }
 */
export function axis(title: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { title: { text: title }, ...extra };
}

/**
 * Axis titles with the course's symbols.
 *
 * @example
 * axisTitles.energy(["x", "y"]);
 * // => "E(x, y)"
 */
export const axisTitles = Object.freeze({
  /** A state variable: "x". */
  state: (name: string): string => name,
  /** The energy: "E(x)" or "E(x, y)". */
  energy: (variables: readonly string[] = ["x"]): string => `E(${variables.join(", ")})`,
  /** The Gibbs density: "p(x)" or "p(x, y)". */
  density: (variables: readonly string[] = ["x"]): string => `p(${variables.join(", ")})`,
  /** The inverse temperature. */
  beta: "β (inverse temperature)",
  /** Continuous time (gradient flow). */
  time: "t",
  /** Discrete steps (gradient descent, samplers). */
  step: "step",
  /** Acceptance rates. */
  acceptance: "acceptance rate",
});

/**
 * A number written for a label or alt text: at most `digits` significant digits, no trailing zeros.
 *
 * @example
 * formatNumber(0.123456);
 * // => "0.123"
 */
export function formatNumber(value: number, digits = 3): string {
  if (!Number.isFinite(value)) return String(value);
  if (value === 0) return "0";
  return String(Number(value.toPrecision(digits)));
}

/** A point written for alt text: "x = -1" in 1D, "(1, 0.5)" otherwise. */
export function formatPoint(x: readonly number[], variables: readonly string[] = ["x"]): string {
  if (x.length === 1) return `${variables[0] ?? "x"} = ${formatNumber(x[0])}`;
  return `(${x.map((v) => formatNumber(v)).join(", ")})`;
}

/** Words that already make a name definite: "the pad", "your energy", "a bowl". */
const DETERMINERS = /^(the|a|an|this|that|these|those|my|your|our|their|his|her|its|one)\s/i;

/** Characters no plain noun phrase holds: operators and equals signs (a formula, "k = 1"). */
const SYMBOLS = /[=^*/+<>|\\{}]/;

/**
 * An energy as a sentence refers to it by name: "the double well" for a plain name; the name
 * itself when it starts with a determiner ("your energy", "the lily pad"; a capital "The" or
 * "My" is lowered); "E(x) = (x^2 - 1)^2 + t x" when the name is the energy's formula (the
 * default name of a formula energy); the name in quotes when it holds symbols ("“k = 1”").
 *
 * @example
 * ["double well", "your energy", "The pad", "k = 1"].map((name) => energyNamePhrase({ name }));
 * // => ["the double well", "your energy", "the pad", "“k = 1”"]
 * energyNamePhrase({ name: "x^4", formula: "x^4", variables: ["x"] });
 * // => "E(x) = x^4"
 */
export function energyNamePhrase(energy: { readonly name: string; readonly formula?: string; readonly variables?: readonly string[] }): string {
  const name = energy.name.trim();
  if (energy.formula !== undefined && name === energy.formula.trim()) return `${axisTitles.energy(energy.variables)} = ${name}`;
  if (SYMBOLS.test(name)) return `“${name}”`;
  if (DETERMINERS.test(name)) return /^[A-Z][a-z]*\s/.test(name) ? name[0].toLowerCase() + name.slice(1) : name;
  return `the ${name}`;
}

/**
 * "the energy E(x) of the double well", "the energy E(x) = x^4" for a formula energy named by its
 * formula, "your energy E(x)" for a name that already says energy (see {@link energyNamePhrase}):
 * how alt text introduces the energy it draws.
 *
 * @example
 * energyPhrase({ name: "(x^2 - 1)^2 + t * x", formula: "(x^2 - 1)^2 + t * x", variables: ["x"] });
 * // => "the energy E(x) = (x^2 - 1)^2 + t * x"
 * energyPhrase({ name: "your energy", variables: ["x"] });
 * // => "your energy E(x)"
 */
export function energyPhrase(energy: { readonly name: string; readonly formula?: string; readonly variables: readonly string[] }): string {
  const named = energyNamePhrase(energy);
  const symbol = axisTitles.energy(energy.variables);
  if (named.startsWith("E(")) return `the energy ${named}`;
  if (/\benergy$/i.test(named)) return `${named} ${symbol}`;
  return `the energy ${symbol} of ${named}`;
}

/**
 * The label of one inverse temperature, as in slider steps: "beta = 0.5" (4 significant digits).
 *
 * @example
 * [betaLabel(0.5), betaLabel(1 / 3)];
 * // => ["beta = 0.5", "beta = 0.3333"]
 */
export function betaLabel(beta: number): string {
  return `beta = ${formatNumber(beta, 4)}`;
}

/**
 * A value rounded to `digits` significant digits for figure data. Six digits are far finer than
 * a pixel and keep a 120 x 120 contour well under 200 KB of JSON.
 *
 * @example
 * roundForPlot(Math.PI);
 * // => 3.14159
 */
export function roundForPlot(value: number, digits = 6): number {
  if (!Number.isFinite(value) || value === 0) return value;
  return Number(value.toPrecision(digits));
}

/** {@link roundForPlot} over an array-like, returning a plain array (typed arrays do not serialise as lists). */
export function roundAll(values: ArrayLike<number>, digits = 6): number[] {
  const out = new Array<number>(values.length);
  for (let i = 0; i < values.length; i++) out[i] = roundForPlot(values[i], digits);
  return out;
}

/**
 * Titles longer than this many visible characters are broken into lines: plotly does not wrap
 * titles, and at the width of a printed A4 page (about 600 pixels for a figure in a handout) a
 * 19-pixel title holds about 75 characters before it runs off the right edge.
 */
export const TITLE_MAX_CHARS = 70;

/** The height in pixels each extra title line adds to the top margin (19-pixel font). */
export const TITLE_LINE_HEIGHT = 25;

/** The visible length of a label: HTML tags (`<b>`, `<sub>`) do not count. */
function visibleLength(text: string): number {
  return text.replace(/<[^>]*>/g, "").length;
}

/**
 * A title broken into lines of at most `maxChars` visible characters, joined by `<br>` (plotly's
 * line break), with the lines about even in length. Breaks fall between words, never inside an
 * HTML tag, preferably after a comma or colon and not next to an operator or inside brackets (a
 * formula stays whole where it can). A title that fits is returned unchanged, lines the author
 * broke with `<br>` are kept (each is wrapped on its own), and a single word longer than the
 * limit stays whole.
 *
 * @throws RangeError when maxChars is not an integer >= 10.
 * @example
 * wrapTitle("Gradient descent on the lily pad: three drops, three dips", 30);
 * // => "Gradient descent on the lily<br>pad: three drops, three dips"
 */
export function wrapTitle(title: string, maxChars: number = TITLE_MAX_CHARS): string {
  if (!(Number.isInteger(maxChars) && maxChars >= 10)) throw new RangeError(message("wrapTitle", "maxChars", "an integer >= 10", maxChars));
  return title
    .split(/<br\s*\/?>/i)
    .map((segment) => wrapSegment(segment, maxChars))
    .join("<br>");
}

/** A word that is an operator, or a word that starts or ends with one: no line should break next to it. */
const OPERATOR_EDGE = /^[=≈<>≤≥+\-−×·→/^]|[=≈<>≤≥+\-−×·→/^]$/;

/**
 * How bad a break after word i is: none after a comma, colon or semicolon; some between plain
 * words; much next to an operator or inside brackets (a formula in the title).
 */
function breakPenalty(words: readonly string[], i: number, depth: number): number {
  const plain = (w: string) => w.replace(/<[^>]*>/g, "");
  const left = plain(words[i]);
  const right = plain(words[i + 1]);
  if (depth > 0 || OPERATOR_EDGE.test(left) || OPERATOR_EDGE.test(right)) return 30;
  return /[,;:]$/.test(left) ? 0 : 8;
}

/** One line of a title wrapped into even lines (see {@link wrapTitle}). */
function wrapSegment(segment: string, maxChars: number): string {
  const total = visibleLength(segment);
  if (total <= maxChars) return segment;
  // Words: runs of non-space characters, where a tag (which may hold spaces) is part of a word.
  const words = segment.match(/(?:<[^>]*>|[^\s<])+/g) ?? [segment];
  const lengths = words.map(visibleLength);
  // Bracket depth after each word, so breaks inside "(...)" can be avoided.
  const depths: number[] = [];
  let depth = 0;
  for (const w of words) {
    for (const c of w.replace(/<[^>]*>/g, "")) depth += "([{".includes(c) ? 1 : ")]}".includes(c) ? -1 : 0;
    depths.push(depth);
  }
  for (let lines = Math.ceil(total / maxChars); lines <= words.length; lines++) {
    const out: string[] = [];
    let start = 0;
    for (let line = 0; line < lines - 1 && start < words.length - 1; line++) {
      // The even share of what is left, then the best break near it that keeps the line short enough.
      const rest = lengths.slice(start).reduce((a, b) => a + b, 0) + (words.length - start - 1);
      const target = rest / (lines - line);
      let best = -1;
      let bestScore = Infinity;
      let length = -1;
      for (let i = start; i < words.length - 1; i++) {
        length += lengths[i] + 1;
        if (length > maxChars && best >= 0) break;
        const score = Math.abs(length - target) + breakPenalty(words, i, depths[i]);
        if (score < bestScore) {
          bestScore = score;
          best = i;
        }
      }
      out.push(words.slice(start, best + 1).join(" "));
      start = best + 1;
    }
    out.push(words.slice(start).join(" "));
    if (out.every((l) => visibleLength(l) <= maxChars) || lines === words.length) return out.join("<br>");
  }
  return segment;
}

/** What {@link makeFigure} needs. */
export interface FigureParts {
  kind: FigureKind;
  title: string;
  /** The alt text: what is drawn, in words. */
  description: string;
  data: PlotTrace[];
  /** Layout settings merged over {@link baseLayout} (top-level keys replace). */
  layout?: Record<string, unknown>;
  frames?: FigureFrame[];
  config?: FigureConfig;
  /** Gibbs figures: the inverse temperatures shown (recorded in `layout.meta.betas`). */
  betas?: readonly number[];
}

/**
 * Assembles a figure in the house style: base layout, title, `meta = { kind, description }`,
 * config. Every builder (and the Hopfield figures) ends with this call. A title longer than
 * {@link TITLE_MAX_CHARS} characters is broken into lines ({@link wrapTitle}), and the top margin
 * and the height grow by {@link TITLE_LINE_HEIGHT} per added line.
 *
 * @throws RangeError when `kind` is not one of {@link FIGURE_KINDS} or the title or
 *   description is empty.
 * @example
 * const fig = makeFigure({ kind: "landscape", title: "A line", description: "A straight line.",
 *   data: [{ type: "scatter", x: [0, 1], y: [0, 1] }] });
 * fig.layout.meta.kind;
 * // => "landscape"
 */
export function makeFigure(parts: FigureParts): Figure {
  const fn = "makeFigure";
  if (parts === null || typeof parts !== "object") throw new TypeError(message(fn, "parts", "an object", parts));
  if (!(FIGURE_KINDS as readonly string[]).includes(parts.kind)) {
    throw new RangeError(message(fn, "parts.kind", `one of ${FIGURE_KINDS.join(", ")}`, parts.kind));
  }
  checkText(fn, "parts.title", parts.title);
  checkText(fn, "parts.description", parts.description);
  if (!Array.isArray(parts.data)) throw new TypeError(message(fn, "parts.data", "an array of traces", parts.data));
  const title = wrapTitle(parts.title);
  const layout: FigureLayout = {
    ...baseLayout(),
    ...(parts.layout ?? {}),
    title: { text: title, x: 0.02, xanchor: "left", font: { size: FONT_SIZES.title } },
    meta:
      parts.betas === undefined
        ? { kind: parts.kind, description: parts.description }
        : { kind: parts.kind, description: parts.description, betas: parts.betas.map((b) => roundForPlot(b)) },
  };
  // Each line a long title was broken into adds a line's height on top, so the plot keeps its size.
  const extraLines = title.split("<br>").length - parts.title.split(/<br\s*\/?>/i).length;
  if (extraLines > 0) {
    const margin = (layout.margin ?? {}) as Record<string, unknown>;
    const top = typeof margin.t === "number" ? margin.t : 70;
    const height = (typeof layout.height === "number" ? layout.height : FIGURE_HEIGHT) + extraLines * TITLE_LINE_HEIGHT;
    layout.margin = { ...margin, t: top + extraLines * TITLE_LINE_HEIGHT };
    layout.height = height;
    // plotly hangs the lines below the first one: keep the first where a one-line title sits (the
    // middle of the original top margin), so the added lines fill the added margin.
    layout.title = { ...layout.title, yref: "container", y: roundForPlot(1 - top / 2 / height, 4), yanchor: "middle" };
  }
  const figure: Figure = { data: parts.data, layout, config: { ...baseConfig(), ...(parts.config ?? {}) } };
  if (parts.frames !== undefined) figure.frames = parts.frames;
  return figure;
}

/** A non-empty string (titles, descriptions, labels). */
export function checkText(fn: string, arg: string, value: unknown): string {
  if (typeof value !== "string") throw new TypeError(message(fn, arg, "a non-empty string", value));
  if (value.trim() === "") throw new RangeError(message(fn, arg, "a non-empty string", value));
  return value;
}

/** An optional title: undefined gives the fallback; anything else must be a non-empty string. */
export function titleOption(fn: string, value: unknown, fallback: string): string {
  return value === undefined ? fallback : checkText(fn, "options.title", value);
}

/** An optional alt text: undefined gives the generated one. */
export function descriptionOption(fn: string, value: unknown, generated: string): string {
  return value === undefined ? generated : checkText(fn, "options.description", value);
}
