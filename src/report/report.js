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
    var opts = {
      title: title, width: width, height: 240,
      scales: { x: { time: false } },
      axes: [{ label: xLabel }, { label: "count" }],
      series: [{ label: xLabel }].concat(series.map(function (s) {
        return { label: s.label, stroke: s.color, width: 2 };
      }))
    };
    new uPlot(opts, [xs].concat(series.map(function (s) { return s.values; })), el);
    el.setAttribute("data-drawn", "true");
  }
  draw("plot-runs", "Coverage over runs", "runs", column(1),
       [{ label: "features", values: column(2), color: "#2a6fdb" }]);
  draw("plot-time", "Coverage and findings over time", "seconds", column(0),
       [{ label: "features", values: column(2), color: "#2a6fdb" },
        { label: "findings", values: column(3), color: "#d33" }]);
  document.body.setAttribute("data-report-ready", "true");
})();
