/**
 * Boltzmann-machine state histograms against the exact distribution, one panel per beta.
 */
import { stateFromIndex, type BoltzmannDistribution, type BoltzmannSamples } from "../../hopfield";
import { totalVariationDistance } from "../../sampling";
import { checkInteger, message, readOptions } from "../../validate";
import { booleanOption, checkNonEmptyArray, checkNumbers, checkObject, choiceOption, integerOption, isArrayLike } from "../checks";
import type { Figure, PlotTrace } from "../figure";
import { subplotGrid, type SubplotPanel } from "../subplots";
import { INK, PALETTE, axis, descriptionOption, formatNumber, makeFigure, roundForPlot, titleOption } from "../style";
import { bitString, panelHeading } from "./shared";

/** Options of {@link boltzmannFigure}. */
export interface BoltzmannFigureOptions {
  /** Show only the K most probable states (by the exact p), in decreasing order. @default all 2^N states when N <= 6, else 16 */
  topK?: number;
  /**
   * How states are named on the x-axis: "bits" (units 1..N as + and −) or "index"
   * (sum_i [s_i = +1] 2^i). Labels turn vertical when they would not fit side by side, which
   * suits indices better than bits. @default "bits" when N <= 3, else "index"
   */
  stateLabels?: "bits" | "index";
  /** Panels per row. @default min(count, 2) */
  columns?: number;
  /** One probability axis range for every panel. @default false */
  sharedRange?: boolean;
  /** @default "Boltzmann machine: sampled states against the exact distribution" */
  title?: string;
  /** Alt text. @default generated from the data */
  description?: string;
}

/** The most units a Boltzmann figure enumerates (N <= 20, as boltzmannExact). */
const BOLTZMANN_MAX_UNITS = 20;

/** The most panels (sample runs) in one figure. */
const BOLTZMANN_MAX_PANELS = 12;

/** One panel's data after the door checks: a sample run and its exact partner at the same beta. */
interface Panel {
  beta: number;
  frequencies: number[];
  density: number[];
  steps: number | undefined;
}

/** Two betas are the same beta (to rounding: 1e-9 relative). */
function sameBeta(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(a, b);
}

/** Values in [0, 1] (frequencies or probabilities): `length` of them, as a plain copy. */
function checkProbabilities(fn: string, arg: string, value: unknown, length: number): number[] {
  if (!isArrayLike(value)) throw new TypeError(message(fn, arg, `an array of ${length} probabilities`, value));
  const out = checkNumbers(fn, arg, value, length);
  const bad = out.findIndex((v) => v < 0 || v > 1 + 1e-9);
  if (bad >= 0) throw new RangeError(message(fn, `${arg}[${bad}]`, "a probability in [0, 1]", out[bad]));
  return out;
}

/** A positive beta read from `arg`. */
function checkBeta(fn: string, arg: string, value: unknown): number {
  const [beta] = checkNumbers(fn, arg, [value], 1);
  if (!(beta > 0)) throw new RangeError(message(fn, arg, "a positive inverse temperature", beta));
  return beta;
}

/** The energy name of a result, when it has one. */
function nameOf(value: Record<string, unknown>): string | undefined {
  return typeof value.energyName === "string" && value.energyName.length > 0 ? value.energyName : undefined;
}

/**
 * Pairs each sample run with the exact distribution at the same beta (not by position), checking
 * that every beta has a partner, the sizes agree, and both come from the same network.
 */
function pairByBeta(fn: string, samples: readonly unknown[], exacts: readonly unknown[]): { n: number; panels: Panel[] } {
  const exactObjects = exacts.map((e, j) => checkObject(fn, `exacts[${j}]`, e, "a BoltzmannDistribution { beta, size, density, ... }"));
  const exactBetas = exactObjects.map((e, j) => checkBeta(fn, `exacts[${j}].beta`, e.beta));
  exactBetas.forEach((beta, j) => {
    const twin = exactBetas.findIndex((other, i) => i < j && sameBeta(other, beta));
    if (twin >= 0) {
      throw new RangeError(`${fn}: exacts holds two distributions at beta = ${formatNumber(beta, 6)} (exacts[${twin}] and exacts[${j}]); give one per beta`);
    }
  });
  const n = checkInteger(fn, "exacts[0].size", exactObjects[0].size, 1, BOLTZMANN_MAX_UNITS);
  exactObjects.forEach((e, j) => {
    if (e.size !== n) throw new RangeError(message(fn, `exacts[${j}].size`, `${n} like exacts[0].size`, e.size));
  });
  const count = 2 ** n;
  const betaList = (betas: number[]) => betas.map((b) => formatNumber(b, 6)).join(", ");
  const used = new Set<number>();
  const sampleBetas: number[] = [];
  const panels = samples.map((value, k) => {
    const s = checkObject(fn, `samples[${k}]`, value, "a BoltzmannSamples { beta, dimension, frequencies, ... } from boltzmannGibbsSample");
    const beta = checkBeta(fn, `samples[${k}].beta`, s.beta);
    sampleBetas.push(beta);
    const j = exactBetas.findIndex((b) => sameBeta(b, beta));
    if (j < 0) {
      throw new RangeError(
        `${fn}: the samples at beta = ${formatNumber(beta, 6)} have no exact distribution at the same beta; got exact betas ${betaList(exactBetas)}`,
      );
    }
    used.add(j);
    const e = exactObjects[j];
    const sampleName = nameOf(s);
    const exactName = nameOf(e);
    if (sampleName !== undefined && exactName !== undefined && sampleName !== exactName) {
      throw new RangeError(
        `${fn}: the samples at beta = ${formatNumber(beta, 6)} (samples[${k}]) come from ${JSON.stringify(sampleName)} but the exact distribution ` +
          `at that beta (exacts[${j}]) is of ${JSON.stringify(exactName)}; pair samples and exact distributions of the same network`,
      );
    }
    if (s.dimension !== n) {
      throw new RangeError(message(fn, `samples[${k}].dimension`, `${n} (the size of exacts[${j}], its exact partner at beta = ${formatNumber(beta, 6)})`, s.dimension));
    }
    if (s.frequencies === undefined) {
      throw new RangeError(message(fn, `samples[${k}].frequencies`, `the visit frequencies of the 2^${n} states`, s.frequencies));
    }
    const frequencies = checkProbabilities(fn, `samples[${k}].frequencies`, s.frequencies, count);
    const density = checkProbabilities(fn, `exacts[${j}].density`, e.density, count);
    const steps = typeof s.steps === "number" && Number.isFinite(s.steps) ? s.steps : undefined;
    return { beta, frequencies, density, steps };
  });
  const unused = exactBetas.findIndex((_, j) => !used.has(j));
  if (unused >= 0) {
    throw new RangeError(
      `${fn}: the exact distribution at beta = ${formatNumber(exactBetas[unused], 6)} (exacts[${unused}]) has no samples at the same beta; got sample betas ${betaList(sampleBetas)}`,
    );
  }
  return { n, panels };
}

/** The heading of a panel: the beta, and the temperature it means. */
function betaHeading(beta: number): string {
  return `β = ${formatNumber(beta, 4)} (T = 1/β = ${formatNumber(1 / beta, 4)})`;
}

/**
 * Boltzmann-machine state histograms across inverse temperatures, one panel per sample run
 * (small multiples): the frequencies of the states visited by Gibbs sampling as orange bars, and
 * the exact probabilities p(s) = exp(-beta E(s)) / Z from enumeration as blue diamonds. Each run
 * is paired with the exact distribution at the same beta, wherever it sits in `exacts`. For
 * N <= 6 every one of the 2^N states is on the x-axis in index order (index = stateIndex(s) =
 * sum_i [s_i = +1] 2^i); for larger N (or with `topK`) the K states of highest exact
 * probability, in decreasing order. The alt text reports, per beta, the most probable state and
 * the total variation distance 1/2 sum_s |f(s) - p(s)| (from totalVariationDistance) between the
 * sampled and the exact distribution.
 *
 * @param samples One or more runs of boltzmannGibbsSample (N <= 20), at most 12.
 * @param exacts The exact distributions (boltzmannExact), one per beta of the samples: every
 *   run needs a partner at its beta, and every distribution a run.
 * @throws TypeError when an argument or option has the wrong kind.
 * @throws RangeError when a list is empty or samples holds more than 12 runs; a run's beta has no
 *   exact partner (or a distribution's beta no run), two distributions share a beta, a pair
 *   comes from differently named networks or differs in size; a run has no frequencies (N > 20);
 *   frequencies or densities are not 2^N numbers in [0, 1]; topK is not an integer in
 *   [1, min(2^N, 64)]; or an option name is unknown.
 * @example
 * const exact = { beta: 1, size: 1, density: Float64Array.of(0.25, 0.75), energyName: "one unit" };
 * const run = { beta: 1, dimension: 1, steps: 4, frequencies: Float64Array.of(0.25, 0.75), energyName: "one unit" };
 * boltzmannFigure([run], [exact]).data.map((t) => t.type);
 * // => ["bar", "scatter"]
 * boltzmannFigure([{ ...run, beta: 2 }], [exact]);
 * // throws RangeError("boltzmannFigure: the samples at beta = 2 have no exact distribution at the same beta; got exact betas 1")
 */
export function boltzmannFigure(
  samples: readonly BoltzmannSamples[],
  exacts: readonly BoltzmannDistribution[],
  options?: BoltzmannFigureOptions,
): Figure {
  const fn = "boltzmannFigure";
  checkNonEmptyArray(fn, "samples", samples, "BoltzmannSamples (runs of boltzmannGibbsSample)");
  checkNonEmptyArray(fn, "exacts", exacts, "BoltzmannDistribution (one per beta of the samples)");
  if (samples.length > BOLTZMANN_MAX_PANELS) {
    throw new RangeError(message(fn, "samples", `at most ${BOLTZMANN_MAX_PANELS} runs`, samples) + ` (${samples.length})`);
  }
  const { n, panels: panelsData } = pairByBeta(fn, samples, exacts);
  const count = 2 ** n;
  const opts = readOptions<BoltzmannFigureOptions>(fn, options, {
    topK: undefined,
    stateLabels: undefined,
    columns: undefined,
    sharedRange: undefined,
    title: undefined,
    description: undefined,
  });
  const maxK = Math.min(count, 64);
  const topK = opts.topK === undefined ? (n <= 6 ? undefined : Math.min(16, count)) : checkInteger(fn, "options.topK", opts.topK, 1, maxK);
  const stateLabels = choiceOption(fn, "options.stateLabels", opts.stateLabels, ["bits", "index"] as const, n <= 3 ? "bits" : "index");
  const columns = integerOption(fn, "options.columns", opts.columns, Math.min(panelsData.length, 2), 1, BOLTZMANN_MAX_PANELS);
  const shared = booleanOption(fn, "options.sharedRange", opts.sharedRange, false);
  const panels = subplotGrid(panelsData.length, columns, { x: 0.08, y: 0.2 });
  const rows = panels[panels.length - 1].row + 1;
  const bits = (index: number) => bitString(stateFromIndex(index, n));
  const nameOfState = (index: number) => (stateLabels === "bits" ? bits(index) : String(index));
  const data: PlotTrace[] = [];
  const layout: Record<string, unknown> = {};
  const annotations: Record<string, unknown>[] = [];
  const words: string[] = [];
  let top = 0;
  panelsData.forEach((d, k) => {
    const panel: SubplotPanel = panels[k];
    const all = Array.from({ length: count }, (_, i) => i);
    const states = topK === undefined ? all : all.sort((a, b) => d.density[b] - d.density[a] || a - b).slice(0, topK);
    const x = states.map(nameOfState);
    const hoverText = states.map((i) => `state ${i}: ${bits(i)}`);
    top = Math.max(top, ...states.map((i) => Math.max(d.frequencies[i], d.density[i])));
    data.push({
      type: "bar",
      name: `Gibbs sampling${d.steps !== undefined ? ` (${d.steps} steps)` : ""}`,
      legendgroup: "sampled",
      showlegend: k === 0,
      x,
      y: states.map((i) => roundForPlot(d.frequencies[i])),
      text: hoverText,
      marker: { color: PALETTE[1], opacity: 0.8 },
      hovertemplate: "%{text}<br>sampled frequency %{y:.4f}<extra></extra>",
      textposition: "none",
      xaxis: panel.xaxis,
      yaxis: panel.yaxis,
    });
    data.push({
      type: "scatter",
      mode: "markers",
      name: "exact p(s) = exp(−βE(s)) / Z",
      legendgroup: "exact",
      showlegend: k === 0,
      x,
      y: states.map((i) => roundForPlot(d.density[i])),
      text: hoverText,
      marker: { symbol: "diamond", size: states.length > 32 ? 6 : 9, color: PALETTE[0], line: { color: INK, width: 1 } },
      hovertemplate: "%{text}<br>exact p %{y:.4f}<extra></extra>",
      xaxis: panel.xaxis,
      yaxis: panel.yaxis,
    });
    const lastRow = panel.row === rows - 1 || k + columns >= panelsData.length;
    const xTitle = !lastRow ? "" : topK !== undefined ? `the ${states.length} most probable states` : stateLabels === "bits" ? `state (units 1 to ${n}: + or −)` : "state index";
    layout[panel.xaxisKey] = axis(xTitle, {
      domain: panel.xDomain,
      anchor: panel.yaxis,
      type: "category",
      tickangle: states.length * Math.max(...x.map((label) => label.length)) > 40 ? -90 : 0,
      tickfont: { size: states.length > 32 ? 9 : 12, family: "Menlo, Consolas, monospace" },
      showgrid: false,
    });
    layout[panel.yaxisKey] = axis(panel.column === 0 ? "probability" : "", { domain: panel.yDomain, anchor: panel.xaxis, rangemode: "tozero" });
    annotations.push(panelHeading(betaHeading(d.beta), panel.xDomain, panel.yDomain[1]));
    const best = states.reduce((b, i) => (d.density[i] > d.density[b] ? i : b), states[0]);
    const tv = totalVariationDistance(d.frequencies, d.density);
    const mass = states.reduce((sum, i) => sum + d.density[i], 0);
    words.push(
      `β = ${formatNumber(d.beta, 4)}: most probable state ${best} (${bits(best)}) with exact p = ${formatNumber(d.density[best])} ` +
        `and sampled ${formatNumber(d.frequencies[best])}; total variation distance ${formatNumber(tv, 2)}` +
        (topK !== undefined ? `; the states shown hold ${formatNumber(100 * mass, 3)}% of the probability` : ""),
    );
  });
  if (shared) {
    for (const panel of panels) layout[panel.yaxisKey] = { ...(layout[panel.yaxisKey] as object), range: [0, roundForPlot(1.08 * top)] };
  }
  const height = Math.max(420, 220 + rows * 260);
  const description =
    `Small multiples, one panel per inverse temperature β = 1/T, of a Boltzmann machine with ${n} units: the frequency of each state in Gibbs sampling (orange bars) ` +
    `against its exact probability p(s) = exp(−βE(s)) / Z by enumeration (blue diamonds). ` +
    (topK === undefined ? `All ${count} states are shown, in index order. ` : `Each panel shows the ${topK} most probable states, most probable first. `) +
    `${words.join("; ")}.`;
  return makeFigure({
    kind: "gibbs",
    betas: panelsData.map((d) => d.beta),
    title: titleOption(fn, opts.title, "Boltzmann machine: sampled states against the exact distribution"),
    description: descriptionOption(fn, opts.description, description),
    data,
    layout: {
      ...layout,
      annotations,
      bargap: 0.15,
      legend: { orientation: "h", x: 0, xanchor: "left", y: roundForPlot(-100 / (height - 80 - 140), 3), yanchor: "top" },
      margin: { l: 70, r: 30, t: 80, b: 140 },
      height,
    },
  });
}
