/**
 * The 8 x 8 handwritten digits (UCI "Optical Recognition of Handwritten Digits", test part), read
 * from the copy committed in data/digits/ (see data/digits/README.md for provenance and licence).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { checkBoolean, checkInRange, message, readOptions } from "../validate";

/** Where the data file sits: data/ beside src/ and dist/, two folders up from this file. */
export const DIGITS_FILE = path.resolve(__dirname, "..", "..", "data", "digits", "digits.csv.gz");

/** Options of {@link digits}. */
export interface DigitsOptions {
  /**
   * false: pixels as counts 0..16; true: 1 where the count is >= 8 (half of 16), else 0; a
   * number t in (0, 16]: 1 where the count is >= t. @default false
   */
  binarize?: boolean | number;
}

/** The digits. */
export interface Digits {
  /** 1797 images, each 64 pixels row by row (pixel (row, col) at index 8 row + col). */
  readonly images: number[][];
  /** The digit 0..9 each image shows. */
  readonly labels: number[];
  readonly count: number;
  readonly width: 8;
  readonly height: 8;
  /** The largest pixel value: 16, or 1 when binarized. */
  readonly maxValue: number;
  /** Where the numbers came from, for a figure caption. */
  readonly source: string;
}

let cache: { images: number[][]; labels: number[] } | undefined;

/**
 * The 1,797 handwritten digits of the UCI "Optical Recognition of Handwritten Digits" test set
 * (Alpaydin & Kaynak 1998; CC BY 4.0), as shipped in scikit-learn 1.9.1: 8 x 8 images whose
 * pixels count the ink in 4 x 4 blocks of a 32 x 32 bitmap (0..16), with their labels.
 * Read offline from data/digits/digits.csv.gz (node zlib), once per process.
 * `binarize` turns the counts into the {0, 1} units an RBM takes: x >= t with t = 8 by default.
 *
 * @throws TypeError when an option has the wrong kind.
 * @throws RangeError when binarize is a number outside (0, 16] or an option is unknown.
 * @example
 * const set = digits({ binarize: true });
 * [set.count, set.images[0].length, set.labels[0], set.maxValue];
 * // => [1797, 64, 0, 1]
 */
export function digits(options?: DigitsOptions): Digits {
  const fn = "digits";
  const opts = readOptions(fn, options, { binarize: false as boolean | number });
  let threshold: number | undefined;
  if (typeof opts.binarize === "number") {
    threshold = checkInRange(fn, "options.binarize", opts.binarize, 0, 16);
    if (threshold === 0) throw new RangeError(message(fn, "options.binarize", "a threshold in (0, 16], or true / false", 0));
  } else if (checkBoolean(fn, "options.binarize", opts.binarize)) threshold = 8;
  cache ??= readDigits();
  const images = threshold === undefined ? cache.images.map((row) => row.slice()) : cache.images.map((row) => row.map((x) => (x >= threshold! ? 1 : 0)));
  return {
    images,
    labels: cache.labels.slice(),
    count: images.length,
    width: 8,
    height: 8,
    maxValue: threshold === undefined ? 16 : 1,
    source: "UCI Optical Recognition of Handwritten Digits (Alpaydin & Kaynak 1998), test set, CC BY 4.0, via scikit-learn 1.9.1",
  };
}

function readDigits(): { images: number[][]; labels: number[] } {
  const text = gunzipSync(readFileSync(DIGITS_FILE)).toString("utf8");
  const images: number[][] = [];
  const labels: number[] = [];
  for (const line of text.split("\n")) {
    if (line.trim() === "") continue;
    const values = line.split(",").map(Number);
    if (values.length !== 65 || values.some((x) => !Number.isInteger(x))) throw new Error(`digits: ${DIGITS_FILE} has a malformed line: ${line.slice(0, 40)}`);
    labels.push(values.pop()!);
    images.push(values);
  }
  return { images, labels };
}
