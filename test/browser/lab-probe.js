// Runs inside the JupyterLab page (added with Playwright's addInitScript): small read-only
// probes of the current notebook through `window.jupyterapp` (JupyterLab started with
// --LabApp.expose_app_in_browser=True). Plain JavaScript on purpose: the test's TypeScript is
// compiled by tsx, whose helpers would not exist inside the page.
(function () {
  var PLOTLY = "application/vnd.plotly.v1+json";

  function panel() {
    var app = window.jupyterapp;
    var w = app && app.shell ? app.shell.currentWidget : null;
    return w && w.context && w.content && w.content.model ? w : null;
  }

  function cellsOf(w) {
    var cells = w.content.model.cells;
    var list = [];
    for (var i = 0; i < cells.length; i++) list.push(cells.get(i));
    return list;
  }

  function outputsOf(cell) {
    var list = [];
    if (cell.type !== "code") return list;
    for (var i = 0; i < cell.outputs.length; i++) list.push(cell.outputs.get(i).toJSON());
    return list;
  }

  function firstLine(cell) {
    var lines = cell.sharedModel.getSource().split("\n");
    for (var i = 0; i < lines.length; i++) if (lines[i].trim() !== "") return lines[i].trim().slice(0, 80);
    return "(empty cell)";
  }

  function text(value) {
    return Array.isArray(value) ? value.join("") : String(value == null ? "" : value);
  }

  window.__ebmProbe = {
    /** The path of the notebook in the main area, once its model is loaded; else null. */
    openedPath: function () {
      var w = panel();
      return w && w.context.isReady ? w.context.path : null;
    },

    /** Whether the notebook's kernel session is up: {ready, kernel}. */
    session: function () {
      var w = panel();
      if (!w || !w.sessionContext) return { ready: false, kernel: "none" };
      var session = w.sessionContext.session;
      var kernel = session && session.kernel ? session.kernel.status : "none";
      return { ready: w.sessionContext.isReady && !w.sessionContext.hasNoKernel, kernel: kernel };
    },

    /** The text of an open JupyterLab dialog (a prompt the test did not expect), or null. */
    dialog: function () {
      var d = document.querySelector(".jp-Dialog");
      return d ? d.textContent.replace(/\s+/g, " ").trim().slice(0, 300) : null;
    },

    /**
     * Starts a JupyterLab command without waiting for it (commands such as Run All resolve only
     * when they are done); a rejection is kept in commandErrors.
     */
    commandErrors: [],
    start: function (id) {
      var errors = this.commandErrors;
      window.jupyterapp.commands.execute(id).catch(function (error) {
        errors.push(id + ": " + String(error));
      });
      return true;
    },

    /** Kernel status and how far the code cells got. */
    runState: function () {
      var w = panel();
      if (!w) return null;
      var session = w.sessionContext && w.sessionContext.session;
      var kernel = session && session.kernel ? session.kernel.status : "none";
      var state = { kernel: kernel, codeCells: 0, executed: 0, running: 0, errorOutputs: 0, stderrOutputs: 0 };
      cellsOf(w).forEach(function (cell) {
        if (cell.type !== "code") return;
        state.codeCells += 1;
        if (cell.executionCount !== null && cell.executionCount !== undefined) state.executed += 1;
        if (cell.executionState === "running") state.running += 1;
        outputsOf(cell).forEach(function (out) {
          if (out.output_type === "error") state.errorOutputs += 1;
          if (out.output_type === "stream" && out.name === "stderr") state.stderrOutputs += 1;
        });
      });
      return state;
    },

    /** Error outputs and stderr streams in the notebook model: [{cell, source, kind, text}]. */
    problems: function () {
      var w = panel();
      if (!w) return [{ cell: -1, source: "", kind: "no notebook", text: "no notebook in the main area" }];
      var found = [];
      cellsOf(w).forEach(function (cell, index) {
        outputsOf(cell).forEach(function (out) {
          if (out.output_type === "error") {
            var trace = text(out.traceback).replace(/\u001b\[[0-9;]*m/g, "");
            found.push({ cell: index, source: firstLine(cell), kind: "error", text: out.ename + ": " + out.evalue + (trace ? "\n" + trace : "") });
          } else if (out.output_type === "stream" && out.name === "stderr") {
            found.push({ cell: index, source: firstLine(cell), kind: "stderr", text: text(out.text) });
          }
        });
      });
      return found;
    },

    /**
     * Figures in the current notebook. From the model: plotly outputs, and how many carry the
     * image/png snapshot the renderer writes back. From this notebook's node: plotly renderers
     * (`.jp-RenderedPlotly`), those with a drawn plot (`.js-plotly-plot` holding an SVG of
     * non-zero size), and those showing their PNG snapshot instead (a loaded, visible
     * `img.plot-img`: the renderer's choice for a saved output that has one, until the mouse
     * enters it). Whether the code cells with outputs are trusted. And the messages of outputs
     * whose renderer threw (JupyterLab shows "Javascript Error: ..." in their place).
     */
    figures: function () {
      var w = panel();
      if (!w) return null;
      var result = {
        plotlyOutputs: 0,
        withPng: 0,
        renderers: 0,
        elements: 0,
        drawn: 0,
        snapshots: 0,
        shown: 0,
        trustedCells: 0,
        untrustedCells: 0,
        renderErrors: [],
      };
      cellsOf(w).forEach(function (cell) {
        var outs = outputsOf(cell);
        if (outs.length > 0) {
          if (cell.trusted) result.trustedCells += 1;
          else result.untrustedCells += 1;
        }
        outs.forEach(function (out) {
          if (out.data && out.data[PLOTLY] !== undefined) {
            result.plotlyOutputs += 1;
            if (out.data["image/png"] !== undefined) result.withPng += 1;
          }
        });
      });
      result.elements = w.node.querySelectorAll(".js-plotly-plot").length;
      var renderers = w.node.querySelectorAll(".jp-RenderedPlotly");
      result.renderers = renderers.length;
      for (var i = 0; i < renderers.length; i++) {
        var node = renderers[i];
        var drawn = false;
        var svg = node.classList.contains("js-plotly-plot") ? node.querySelector(".plot-container svg.main-svg") : null;
        if (svg) {
          var box = svg.getBoundingClientRect();
          drawn = box.width > 0 && box.height > 0;
        }
        var img = node.querySelector("img.plot-img");
        var snapshot =
          !drawn &&
          img !== null &&
          img.style.display !== "none" &&
          /^data:image\/png;base64,./.test(img.getAttribute("src") || "") &&
          img.complete &&
          img.naturalWidth > 0;
        if (drawn) result.drawn += 1;
        if (snapshot) result.snapshots += 1;
        if (drawn || snapshot) result.shown += 1;
      }
      // A renderer that throws is replaced by JupyterLab with a "Javascript Error: ..." text.
      var failed = w.node.querySelectorAll('.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]');
      for (var k = 0; k < failed.length; k++) {
        var message = failed[k].textContent.trim();
        if (/^Javascript Error/.test(message)) result.renderErrors.push(message.slice(0, 300));
      }
      return result;
    },

    /** Marks the current notebook's node with data-ebm-current, so the test can locate inside it. */
    markCurrent: function () {
      var w = panel();
      var marked = document.querySelectorAll("[data-ebm-current]");
      for (var i = 0; i < marked.length; i++) marked[i].removeAttribute("data-ebm-current");
      if (!w) return false;
      w.node.setAttribute("data-ebm-current", "1");
      return true;
    },

    /** Scrolls the first figure of the notebook into view (for the screenshot); false when none. */
    scrollToFirstFigure: function () {
      var w = panel();
      var plot = w ? w.node.querySelector(".jp-RenderedPlotly") : null;
      if (!plot) return false;
      plot.scrollIntoView({ block: "start" });
      return true;
    },

    /**
     * The first drawn figure with a slider: its size on the page, its slider state, which traces
     * are visible, and the SVG paths of its lines. Marks it with data-ebm-slider="target". Null when there is none.
     */
    sliderFigure: function () {
      var w = panel();
      if (!w) return null;
      var plots = w.node.querySelectorAll(".js-plotly-plot");
      for (var i = 0; i < plots.length; i++) {
        var gd = plots[i];
        var sliders = gd.layout && gd.layout.sliders;
        if (!sliders || sliders.length === 0 || !gd.querySelector(".slider-container")) continue;
        gd.setAttribute("data-ebm-slider", "target");
        var current = gd.querySelector(".slider-container .slider-group > text.slider-label");
        var box = gd.getBoundingClientRect();
        return {
          figure: i,
          width: Math.round(box.width),
          height: Math.round(box.height),
          title: gd.layout.title && gd.layout.title.text ? gd.layout.title.text : "",
          active: sliders[0].active === undefined ? 0 : sliders[0].active,
          steps: (sliders[0].steps || []).length,
          visible: (gd._fullData || []).map(function (t) {
            return t.visible === true;
          }),
          paths: Array.prototype.map.call(gd.querySelectorAll(".scatterlayer .trace path.js-line"), function (p) {
            return p.getAttribute("d");
          }),
          currentValue: current ? current.textContent : null,
        };
      }
      return null;
    },

    /**
     * Page coordinates of the marked slider's grip centre and of the tick of step `step` (at the
     * height of the rail), for a mouse drag. Scroll the figure into view first.
     */
    sliderPoints: function (step) {
      var gd = document.querySelector('[data-ebm-slider="target"]');
      if (!gd) return null;
      var grip = gd.querySelector(".slider-container .slider-grip-rect");
      var rail = gd.querySelector(".slider-container .slider-rail-rect");
      var ticks = gd.querySelectorAll(".slider-container .slider-tick-rect");
      if (!grip || !rail || step >= ticks.length) return null;
      var g = grip.getBoundingClientRect();
      var r = rail.getBoundingClientRect();
      var t = ticks[step].getBoundingClientRect();
      return {
        grip: { x: g.left + g.width / 2, y: g.top + g.height / 2 },
        target: { x: t.left + t.width / 2, y: r.top + r.height / 2 },
      };
    },
  };
})();
