// Draws the report's plots with uPlot from the JSON island #report-data.
// Each plot element records how many points it drew (data-points), so a
// browser test can check the plots from the DOM.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("report-data").textContent);
  var rows = data.progress || [];
  function column(i) { return rows.map(function (r) { return r[i]; }); }
  function draw(id, title, xLabel, xs, series) {
    var el = document.getElementById(id);
    if (!el) return;
    el.setAttribute("data-points", String(xs.length));
    if (xs.length === 0) {
      el.textContent = "No progress log in this corpus (metadata/progress.jsonl): it was written by an older testgen, or nothing has run yet.";
      return;
    }
    var width = Math.max(320, el.clientWidth || 520);
    // Findings are few where features are many: they get a scale and an axis of their own, on the right.
    var opts = {
      title: title, width: width, height: 240,
      scales: { x: { time: false }, findings: { range: function (u, min, max) { return [0, Math.max(1, max)]; } } },
      axes: [{ label: xLabel }, { label: "features" }].concat(series.some(function (s) { return s.scale; })
        ? [{ scale: "findings", side: 1, label: "findings", grid: { show: false } }] : []),
      series: [{ label: xLabel }].concat(series.map(function (s) {
        return { label: s.label, stroke: s.color, width: 2, scale: s.scale || "y" };
      }))
    };
    new uPlot(opts, [xs].concat(series.map(function (s) { return s.values; })), el);
    el.setAttribute("data-drawn", "true");
  }
  draw("plot-runs", "Coverage over runs", "runs", column(1),
       [{ label: "features (summed over targets)", values: column(2), color: "#2a6fdb" }]);
  draw("plot-time", "Coverage and findings over time", "seconds", column(0),
       [{ label: "features (summed over targets)", values: column(2), color: "#2a6fdb" },
        { label: "findings", values: column(3), color: "#d33", scale: "findings" }]);
  document.body.setAttribute("data-report-ready", "true");
})();
