/**
 * Values written for a verdict: short, readable in a notebook and on paper. Numbers keep six
 * significant digits, arrays show at most eight entries, matrices at most six rows.
 */
import { isArrayOrTyped } from "./compare";

/** Most entries of an array shown. */
const MAX_ITEMS = 8;
/** Most rows of a matrix shown. */
const MAX_ROWS = 6;
/** Most characters of any formatted value. */
const MAX_CHARS = 200;

/** A number with six significant digits ("0.333333", "1e-12", "NaN"). */
function formatNumber(x: number): string {
  if (Number.isNaN(x)) return "NaN";
  if (!Number.isFinite(x)) return x > 0 ? "Infinity" : "-Infinity";
  if (x === 0) return "0";
  return String(Number(x.toPrecision(6)));
}

/** The value as the verdict shows it. */
function format(value: unknown, depth: number): string {
  if (value === undefined) return "undefined";
  if (value === null) return "null";
  if (typeof value === "number") return formatNumber(value);
  if (typeof value === "string") return JSON.stringify(value.length > 80 ? value.slice(0, 77) + "..." : value);
  if (typeof value === "boolean" || typeof value === "bigint") return String(value);
  if (typeof value === "function") return "a function";
  if (isArrayOrTyped(value)) {
    if (depth > 3) return "[...]";
    const limit = isArrayOrTyped(value[0]) ? MAX_ROWS : MAX_ITEMS;
    const items = Array.from({ length: Math.min(value.length, limit) }, (_, i) => format(value[i], depth + 1));
    const more = value.length > limit ? `, ... (${value.length} in all)` : "";
    return `[${items.join(", ")}${more}]`;
  }
  if (typeof value === "object") {
    if (depth > 3) return "{...}";
    const entries = Object.entries(value as Record<string, unknown>);
    const shown = entries.slice(0, MAX_ITEMS).map(([k, v]) => `${k}: ${format(v, depth + 1)}`);
    return `{ ${shown.join(", ")}${entries.length > MAX_ITEMS ? ", ..." : ""} }`;
  }
  return String(value);
}

/**
 * Formats an answer for a verdict line.
 *
 * @example
 * [formatValue(1 / 3), formatValue([1, NaN]), formatValue(Float64Array.of(2)), formatValue(undefined)];
 * // => ["0.333333", "[1, NaN]", "[2]", "undefined"]
 */
export function formatValue(value: unknown): string {
  const text = format(value, 0);
  return text.length > MAX_CHARS ? text.slice(0, MAX_CHARS - 3) + "..." : text;
}

/** The first words of each printed verdict, one per status ("error" reads as "not yet" too). */
export const VERDICT_MARKS = {
  pass: "✓ passed",
  fail: "✗ not yet",
  error: "✗ not yet",
  "not-done": "… not done yet",
} as const;

/** The mark of an exercise that has not been checked in this session. */
export const NOT_CHECKED_MARK = "· not checked";

/** The widest verdict line: it fits a printed page's code width (about 90 characters). */
export const VERDICT_WIDTH = 88;

/**
 * Wraps each line of a verdict at spaces to at most `width` characters; a continuation is
 * indented four spaces more than its line. A word longer than the width stays whole.
 *
 * @example
 * wrapLines("  Hint: one two three", 16);
 * // => "  Hint: one two\n      three"
 */
export function wrapLines(text: string, width: number = VERDICT_WIDTH): string {
  return text
    .split("\n")
    .map((line) => {
      if (line.length <= width) return line;
      const indent = " ".repeat(line.length - line.trimStart().length + 4);
      const out: string[] = [];
      let rest = line;
      while (rest.length > width) {
        const cut = rest.lastIndexOf(" ", width);
        if (cut <= indent.length) break;
        out.push(rest.slice(0, cut).trimEnd());
        rest = indent + rest.slice(cut + 1).trimStart();
      }
      out.push(rest);
      return out.join("\n");
    })
    .join("\n");
}
