/**
 * One line of progress per stage of a long training, for the `onEpoch` option of the trainers.
 */
import { checkFunction, checkInteger, message, readOptions } from "../validate";

/** Options of {@link trainingLog}. */
export interface TrainingLogOptions {
  /** Print every this many epochs (epoch 0 always, and the last one when `epochs` is given). @default 1 */
  every?: number;
  /** The number of epochs of the run, to print "epoch 5/20" and always the last one. */
  epochs?: number;
  /** The record's fields to print, in order. @default every numeric field but epoch */
  fields?: readonly string[];
  /** Where each line goes. @default console.log */
  print?: (line: string) => void;
}

/** A field's value as the log shows it: 4 significant digits, plain notation when it fits. */
function formatValue(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  if (x === 0) return "0";
  const magnitude = Math.abs(x);
  return magnitude >= 1e-3 && magnitude < 1e6 ? String(Number(x.toPrecision(4))) : x.toExponential(3);
}

/**
 * Makes an `onEpoch` callback that prints one line of the training record every `every`
 * epochs: the epoch and each numeric field, so a learner sees a long run progress.
 *
 *   epoch 5/20  reconstructionError 9.713  logLikelihood -21.4
 *
 * It takes the records of {@link rbmTrain}, {@link contrastiveTrain} and
 * {@link scoreMatchingTrain} alike (any object with a numeric `epoch`); a field named in `fields`
 * that a record lacks is shown as "-" (the RBM's likelihood when it is not computed).
 *
 * @throws TypeError when an option has the wrong kind, or (from the callback) a record without a
 *   numeric epoch.
 * @throws RangeError when every or epochs is not a positive integer, fields is empty, or an
 *   option name is unknown.
 * @example
 * const lines: string[] = [];
 * const log = trainingLog({ every: 2, epochs: 3, print: (line) => lines.push(line) });
 * [0, 1, 2, 3].forEach((epoch) => log({ epoch, loss: 1 / (epoch + 1) }));
 * lines;
 * // => ["epoch 0/3  loss 1", "epoch 2/3  loss 0.3333", "epoch 3/3  loss 0.25"]
 */
export function trainingLog(options?: TrainingLogOptions): (record: object) => void {
  const fn = "trainingLog";
  const opts = readOptions(fn, options, {
    every: 1 as number,
    epochs: undefined as number | undefined,
    fields: undefined as readonly string[] | undefined,
    print: undefined as ((line: string) => void) | undefined,
  });
  const every = checkInteger(fn, "options.every", opts.every, 1, 1e9);
  const epochs = opts.epochs === undefined ? undefined : checkInteger(fn, "options.epochs", opts.epochs, 1, 1e9);
  let fields: readonly string[] | undefined;
  if (opts.fields !== undefined) {
    if (!Array.isArray(opts.fields) || opts.fields.some((f) => typeof f !== "string")) {
      throw new TypeError(message(fn, "options.fields", "an array of field names (strings)", opts.fields));
    }
    if (opts.fields.length === 0) throw new RangeError(message(fn, "options.fields", "at least one field name", opts.fields));
    fields = [...opts.fields];
  }
  const print = opts.print === undefined ? (line: string) => console.log(line) : (checkFunction(fn, "options.print", opts.print) as (line: string) => void);
  return (record: object) => {
    const row = record as Record<string, unknown> | null;
    if (row === null || typeof row !== "object" || typeof row.epoch !== "number" || !Number.isInteger(row.epoch)) {
      throw new TypeError(message(fn, "record", "a training record with an integer epoch (what onEpoch receives)", record));
    }
    const epoch = row.epoch;
    if (epoch % every !== 0 && epoch !== epochs) return;
    const names = fields ?? Object.keys(row).filter((key) => key !== "epoch" && typeof row[key] === "number");
    const parts = names.map((name) => `${name} ${typeof row[name] === "number" ? formatValue(row[name] as number) : "-"}`);
    print([epochs === undefined ? `epoch ${epoch}` : `epoch ${epoch}/${epochs}`, ...parts].join("  "));
  };
}
