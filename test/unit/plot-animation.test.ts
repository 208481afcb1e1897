import { test } from "node:test";
import assert from "node:assert/strict";
import { animationControls } from "../../src/plot/animation";
import { descentAnimation } from "../../src/plot/descent";
import { recallFigure } from "../../src/plot/hopfield";
import type { Figure } from "../../src/plot/figure";
import { parabola, quadraticDescent } from "./plot-fixtures";

const names = (n: number) => Array.from({ length: n }, (_, k) => `frame ${k}`);
const base = { frameDuration: 80, prefix: "step ", redraw: false, maxTickLabels: 20, plotHeight: 400 };

test("animationControls: Play, Pause, and one slider step per frame", () => {
  const c = animationControls({ ...base, frameNames: names(3), stepLabels: ["0", "5", "10"] });
  const [play, pause] = (c.updatemenus[0].buttons as any[]);
  assert.deepEqual([play.label, pause.label], ["Play", "Pause"]);
  // Play from the current frame at 80 ms a frame; Pause animates to "no frame" at once.
  assert.deepEqual(play.args, [null, { mode: "immediate", frame: { duration: 80, redraw: false }, transition: { duration: 0 }, fromcurrent: true }]);
  assert.deepEqual(pause.args, [[null], { mode: "immediate", frame: { duration: 0, redraw: false }, transition: { duration: 0 } }]);
  const slider = c.sliders[0] as any;
  assert.deepEqual(slider.steps.map((s: any) => [s.label, s.args[0]]), [["0", ["frame 0"]], ["5", ["frame 1"]], ["10", ["frame 2"]]]);
  assert.equal(slider.currentvalue.prefix, "step ");
  assert.equal(slider.font, undefined, "few steps: tick labels shown");
  // redraw passes through to every frame change (a heatmap's z needs it).
  const redrawn = animationControls({ ...base, redraw: true, frameNames: names(2), stepLabels: ["0", "1"] });
  assert.equal((redrawn.sliders[0] as any).steps[1].args[1].frame.redraw, true);
  assert.equal((redrawn.updatemenus[0] as any).buttons[0].args[1].frame.redraw, true);
});

test("animationControls: placed in pixels below the plot, the slider beside the buttons, many ticks unlabelled", () => {
  const c = animationControls({ ...base, frameNames: names(30), stepLabels: names(30), gap: 80 });
  const slider = c.sliders[0] as any;
  const buttons = c.updatemenus[0] as any;
  // Paper units are fractions of the plot area's height: 80 px below it is -0.2 of 400 px.
  assert.equal(slider.y, -0.2);
  assert.equal(buttons.y, -0.27, "the buttons 28 px lower, level with the track");
  // The slider spans the width, padded on the left in pixels by the buttons' room: no overlap at any width.
  assert.deepEqual([slider.x, slider.len, slider.pad.l, buttons.x], [0, 1, 140, 0]);
  assert.equal(c.bottom, 150);
  assert.equal(slider.font.color, "rgba(0,0,0,0)", "30 steps > 20: labels hidden, the current value shows the step");
});

/** The plot area's height, and where the controls sit relative to it, in pixels. */
function controlsInPixels(fig: Figure): { plotHeight: number; sliderTop: number; buttonsTop: number; bottomMargin: number } {
  const layout = fig.layout as any;
  const plotHeight = layout.height - layout.margin.t - layout.margin.b;
  return {
    plotHeight,
    sliderTop: -layout.sliders[0].y * plotHeight,
    buttonsTop: -layout.updatemenus[0].y * plotHeight,
    bottomMargin: layout.margin.b,
  };
}

test("descentAnimation and recallFigure: controls below the x-axis title, inside the figure", () => {
  const anim = descentAnimation(parabola(), [quadraticDescent(1.5, 0.3, 1, 30)]);
  const recall = recallFigure(
    {
      mode: "async", path: [[1, 1, -1, 1], [1, 1, 1, 1]], times: [0, 1], energies: [0, -3], overlaps: [],
      final: [1, 1, 1, 1], finalEnergy: -3, finalOverlaps: [], converged: true, reason: "converged", iterations: 2, flips: 1, seed: 1,
    } as never,
    { width: 2, height: 2 },
  );
  for (const fig of [anim, recall]) {
    const c = controlsInPixels(fig);
    // Tick labels and the axis title take about 55 px under the plot area: the controls start below.
    assert.ok(c.sliderTop >= 60, `${fig.layout.title.text}: slider ${c.sliderTop} px below the plot`);
    assert.ok(c.buttonsTop > c.sliderTop);
    // The row (about 70 px) ends inside the bottom margin.
    assert.ok(c.sliderTop + 70 <= c.bottomMargin, `${fig.layout.title.text}: ${c.sliderTop + 70} > ${c.bottomMargin}`);
    assert.equal((fig.layout.sliders as any[])[0].pad.l, 140);
  }
  // The descent legend comes after the controls.
  const legendTop = -(anim.layout.legend as any).y * controlsInPixels(anim).plotHeight;
  assert.ok(legendTop >= controlsInPixels(anim).sliderTop + 70);
  // Descent frames move points only; recall frames change an image.
  assert.equal((anim.layout.sliders as any[])[0].steps[0].args[1].frame.redraw, false);
  assert.equal((recall.layout.sliders as any[])[0].steps[0].args[1].frame.redraw, true);
});
