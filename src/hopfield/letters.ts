/**
 * Letters as +-1 patterns, for the notebooks' picture memories: a small 7 x 7 bitmap font of
 * the capital letters A to Z, drawn for this course.
 */
import { checkInteger, message, readOptions } from "../validate";

/** Width and height of a glyph of the built-in font, in pixels. */
export const LETTER_FONT_SIZE = 7;

/** Each glyph: 7 rows of 7 pixels, "#" = ink, "." = background. */
const GLYPHS: Readonly<Record<string, readonly string[]>> = {
  A: ["..###..", ".#...#.", "#.....#", "#.....#", "#######", "#.....#", "#.....#"],
  B: ["######.", "#.....#", "#.....#", "######.", "#.....#", "#.....#", "######."],
  C: [".#####.", "#.....#", "#......", "#......", "#......", "#.....#", ".#####."],
  D: ["#####..", "#....#.", "#.....#", "#.....#", "#.....#", "#....#.", "#####.."],
  E: ["#######", "#......", "#......", "#####..", "#......", "#......", "#######"],
  F: ["#######", "#......", "#......", "#####..", "#......", "#......", "#......"],
  G: [".#####.", "#.....#", "#......", "#..####", "#.....#", "#.....#", ".#####."],
  H: ["#.....#", "#.....#", "#.....#", "#######", "#.....#", "#.....#", "#.....#"],
  I: [".#####.", "...#...", "...#...", "...#...", "...#...", "...#...", ".#####."],
  J: ["..#####", "....#..", "....#..", "....#..", "#...#..", "#...#..", ".###..."],
  K: ["#....#.", "#...#..", "#..#...", "###....", "#..#...", "#...#..", "#....#."],
  L: ["#......", "#......", "#......", "#......", "#......", "#......", "#######"],
  M: ["#.....#", "##...##", "#.#.#.#", "#..#..#", "#.....#", "#.....#", "#.....#"],
  N: ["#.....#", "##....#", "#.#...#", "#..#..#", "#...#.#", "#....##", "#.....#"],
  O: [".#####.", "#.....#", "#.....#", "#.....#", "#.....#", "#.....#", ".#####."],
  P: ["######.", "#.....#", "#.....#", "######.", "#......", "#......", "#......"],
  Q: [".#####.", "#.....#", "#.....#", "#.....#", "#...#.#", "#....#.", ".####.#"],
  R: ["######.", "#.....#", "#.....#", "######.", "#...#..", "#....#.", "#.....#"],
  S: [".#####.", "#.....#", "#......", ".#####.", "......#", "#.....#", ".#####."],
  T: ["#######", "...#...", "...#...", "...#...", "...#...", "...#...", "...#..."],
  U: ["#.....#", "#.....#", "#.....#", "#.....#", "#.....#", "#.....#", ".#####."],
  V: ["#.....#", "#.....#", "#.....#", ".#...#.", ".#...#.", "..#.#..", "...#..."],
  W: ["#.....#", "#.....#", "#.....#", "#..#..#", "#.#.#.#", "##...##", "#.....#"],
  X: ["#.....#", ".#...#.", "..#.#..", "...#...", "..#.#..", ".#...#.", "#.....#"],
  Y: ["#.....#", ".#...#.", "..#.#..", "...#...", "...#...", "...#...", "...#..."],
  Z: ["#######", ".....#.", "....#..", "...#...", "..#....", ".#.....", "#######"],
};

/** The letters the built-in font can draw: "ABCDEFGHIJKLMNOPQRSTUVWXYZ". */
export const LETTER_FONT_LETTERS: string = Object.keys(GLYPHS).join("");

/** Options of {@link letterPatterns}. */
export interface LetterOptions {
  /** Each font pixel becomes a scale x scale block: N = (7 scale)^2 units. @default 1 */
  scale?: number;
}

/** Letters as patterns, with the grid they live on. */
export interface LetterPatterns {
  /** The letters, in the order asked. */
  readonly letters: string[];
  /** Grid width and height in pixels (7 * scale). */
  readonly width: number;
  readonly height: number;
  /**
   * One pattern per letter, row-major from the top-left pixel: unit r * width + c is row r,
   * column c; +1 = ink, -1 = background.
   */
  readonly patterns: number[][];
}

/**
 * Capital letters from the built-in 7 x 7 font as +-1 patterns (ink +1, background -1), ready to
 * store in a Hopfield network. Letters are far from random patterns: many share most of their
 * pixels (pairwise overlaps range from -0.35 to 0.88, C and O being the closest, median 0.27),
 * so a network recalls fewer of them than the 0.138 N it can hold of random patterns.
 *
 * @param letters A string ("HELLO") or an array of one-letter strings (["H", "E"]); capitals A-Z.
 * @throws TypeError when `letters` is neither a string nor an array of strings.
 * @throws RangeError when it is empty or longer than 1,000 letters, holds a character outside
 *   A-Z, scale is not an integer in [1, 8], or an option is unknown.
 * @example
 * const { width, height, patterns } = letterPatterns("TL");
 * [width, height, patterns[0].slice(0, 7)]; // the top bar of the T
 * // => [7, 7, [1, 1, 1, 1, 1, 1, 1]]
 */
export function letterPatterns(letters: string | readonly string[], options?: LetterOptions): LetterPatterns {
  const fn = "letterPatterns";
  const opts = readOptions(fn, options, { scale: 1 as number });
  const scale = checkInteger(fn, "options.scale", opts.scale, 1, 8);
  if ((typeof letters === "string" || Array.isArray(letters)) && letters.length > 1000) {
    throw new RangeError(message(fn, "letters", "at most 1000 letters", letters) + ` (${letters.length} letters)`);
  }
  let list: string[];
  if (typeof letters === "string") list = Array.from(letters);
  else if (Array.isArray(letters)) list = [...letters];
  else throw new TypeError(message(fn, "letters", 'a string such as "ABC" or an array of letters', letters));
  if (list.length === 0) throw new RangeError(message(fn, "letters", "at least one letter", letters));
  list.forEach((letter, k) => {
    if (typeof letter !== "string" || !Object.prototype.hasOwnProperty.call(GLYPHS, letter)) {
      throw new RangeError(message(fn, `letters[${k}]`, `one of the capitals ${LETTER_FONT_LETTERS}`, letter));
    }
  });
  const side = LETTER_FONT_SIZE * scale;
  const patterns = list.map((letter) => {
    const glyph = GLYPHS[letter];
    const p = new Array<number>(side * side);
    for (let r = 0; r < side; r++) {
      for (let c = 0; c < side; c++) {
        p[r * side + c] = glyph[Math.floor(r / scale)][Math.floor(c / scale)] === "#" ? 1 : -1;
      }
    }
    return p;
  });
  return { letters: list, width: side, height: side, patterns };
}
