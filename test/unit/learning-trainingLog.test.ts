// trainingLog: the onEpoch callback that prints one line per stage of a training run.
import { test } from "node:test";
import assert from "node:assert/strict";
import { gaussianMixture2d, scoreMatchingTrain, trainingLog } from "../../src/learning";
import { rbmTrain } from "../../src/rbm";

test("prints epoch 0, every `every`-th epoch and the last one, with each numeric field", () => {
  const lines: string[] = [];
  const log = trainingLog({ every: 5, epochs: 12, print: (line) => lines.push(line) });
  for (let epoch = 0; epoch <= 12; epoch++) log({ epoch, loss: 2 ** -epoch, name: "ignored" });
  assert.deepEqual(lines, ["epoch 0/12  loss 1", "epoch 5/12  loss 0.03125", "epoch 10/12  loss 9.766e-4", "epoch 12/12  loss 2.441e-4"]);
});

test("named fields print in order, a missing one as '-', huge and tiny values in exponent form", () => {
  const lines: string[] = [];
  const log = trainingLog({ fields: ["b", "a", "c"], print: (line) => lines.push(line) });
  log({ epoch: 3, a: 1.23456e7, b: -2.5e-5 });
  assert.deepEqual(lines, ["epoch 3  b -2.500e-5  a 1.235e+7  c -"]);
});

test("works as the trainers' onEpoch: one line per epoch of an RBM and of score matching", () => {
  const rbmLines: string[] = [];
  const data = [[1, 0, 1, 0], [0, 1, 0, 1], [1, 0, 1, 0]];
  rbmTrain(data, { hidden: 2, epochs: 2, seed: 1, onEpoch: trainingLog({ epochs: 2, print: (l) => rbmLines.push(l) }) });
  assert.equal(rbmLines.length, 3);
  assert.match(rbmLines[2], /^epoch 2\/2  reconstructionError [-0-9.e+]+  logLikelihood -[0-9.]+$/);
  const smLines: string[] = [];
  const mix = gaussianMixture2d({ count: 200, seed: 1 });
  scoreMatchingTrain(mix.samples, { epochs: 4, seed: 1, units: 4, onEpoch: trainingLog({ every: 2, print: (l) => smLines.push(l) }) });
  // Score matching reports epochs 1..4 (no epoch 0): every 2 keeps 2 and 4.
  assert.deepEqual(smLines.map((l) => l.split("  ")[0]), ["epoch 2", "epoch 4"]);
  assert.match(smLines[1], /^epoch 4  loss [0-9.]+$/);
});

test("door checks name the function, the argument and the value", () => {
  assert.throws(() => trainingLog({ every: 0 }), /trainingLog.*options\.every/);
  assert.throws(() => trainingLog({ fields: [] }), /trainingLog.*options\.fields/);
  assert.throws(() => trainingLog({ print: "console" as never }), /trainingLog.*options\.print/);
  assert.throws(() => trainingLog({ evry: 2 } as never), /trainingLog.*evry/);
  assert.throws(() => trainingLog()({ loss: 1 }), /trainingLog.*record.*epoch/);
});
