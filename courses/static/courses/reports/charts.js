/* Draws the reports' charts with the bundled Apache ECharts (./echarts/echarts.min.js).
 *
 * Each chart is an element with data-chart="<id of a json_script>": the JSON says the kind
 * ("bar", "hbar", "line", "pie", "scatter"), the categories and the series, as built by
 * courses/reporting.py (Chart.as_json). The same data is printed as a table beside the chart,
 * so nothing is lost when JavaScript is off, for a screen reader, or on paper.
 */
(function () {
  "use strict";

  var PALETTE = ["#2e6fd8", "#19a974", "#f2a516", "#e0524a", "#7a5bd1", "#19a3b5", "#8a8f98"];

  function percentFormatter(value) { return value == null ? "—" : value + "%"; }

  function axisOption(spec, index) {
    var label = index === 0 ? spec.yLabel : spec.y2Label;
    var axis = { type: "value", name: label || "", nameTextStyle: { align: index === 0 ? "left" : "right" } };
    if (spec.percent && index === 0) { axis.max = 100; axis.axisLabel = { formatter: "{value}%" }; }
    return axis;
  }

  function markLine(spec) {
    if (spec.markCategory == null) return undefined;
    return {
      silent: true, symbol: "none", lineStyle: { color: "#e0524a", type: "dashed" },
      label: { formatter: spec.markLabel || "", position: "end" },
      data: [{ xAxis: spec.categories[spec.markCategory] }],
    };
  }

  function cartesian(spec) {
    var horizontal = spec.kind === "hbar";
    var twoAxes = spec.series.some(function (s) { return s.axis === 1; });
    var category = {
      type: "category", data: spec.categories, name: horizontal ? "" : spec.xLabel,
      axisLabel: { interval: 0, hideOverlap: true, rotate: !horizontal && spec.categories.length > 12 ? 40 : 0 },
    };
    if (horizontal) category.inverse = true;
    var values = twoAxes ? [axisOption(spec, 0), axisOption(spec, 1)] : axisOption(spec, 0);
    var series = spec.series.map(function (s, index) {
      var kind = s.kind || (spec.kind === "line" ? "line" : "bar");
      var item = {
        name: s.name, type: kind, data: s.values, yAxisIndex: twoAxes ? s.axis : 0,
        label: { show: horizontal || spec.series.length === 1 && spec.categories.length <= 12,
                 position: horizontal ? "right" : "top",
                 formatter: spec.percent ? function (p) { return percentFormatter(p.value); } : undefined },
        emphasis: { focus: "series" },
      };
      if (kind === "line") { item.smooth = false; item.showSymbol = spec.categories.length <= 40; }
      if (index === 0 && !horizontal) item.markLine = markLine(spec);
      return item;
    });
    return {
      grid: { left: horizontal ? 130 : 56, right: twoAxes ? 64 : 32, top: 48, bottom: horizontal ? 24 : 64, containLabel: false },
      legend: { show: spec.series.length > 1, top: 0 },
      tooltip: { trigger: "axis", axisPointer: { type: horizontal ? "shadow" : "line" },
                 valueFormatter: spec.percent ? percentFormatter : undefined },
      xAxis: horizontal ? values : category,
      yAxis: horizontal ? category : values,
      series: series,
    };
  }

  function pie(spec) {
    var data = spec.categories.map(function (name, i) { return { name: name, value: spec.series[0].values[i] }; })
      .filter(function (d) { return d.value; });
    return {
      tooltip: { trigger: "item", formatter: "{b}: {c} ({d}%)" },
      legend: { orient: "vertical", left: 0, top: "middle" },
      series: [{ name: spec.series[0].name, type: "pie", radius: ["35%", "65%"], center: ["60%", "50%"],
                 label: { formatter: "{b}\n{c}" }, data: data }],
    };
  }

  function scatter(spec) {
    var xs = spec.series[0].values, ys = spec.series[1].values;
    var points = [];
    spec.categories.forEach(function (name, i) {
      if (xs[i] != null && ys[i] != null) points.push({ name: name, value: [xs[i], ys[i]] });
    });
    return {
      grid: { left: 56, right: 32, top: 40, bottom: 56 },
      tooltip: { trigger: "item", formatter: function (p) { return p.name + "<br>" + spec.series[0].name + ": " + p.value[0] + "<br>" + spec.series[1].name + ": " + p.value[1]; } },
      xAxis: { type: "value", name: spec.series[0].name, nameLocation: "middle", nameGap: 28, min: 0, max: 1 },
      yAxis: { type: "value", name: spec.series[1].name, min: -1, max: 1 },
      series: [{ type: "scatter", symbolSize: 12, data: points,
                 label: { show: points.length <= 30, formatter: function (p) { return p.name.split(" ")[0]; }, position: "top" } }],
    };
  }

  function draw(element) {
    var source = document.getElementById(element.getAttribute("data-chart"));
    if (!source || !window.echarts) return;
    var spec = JSON.parse(source.textContent);
    var option = spec.kind === "pie" ? pie(spec) : spec.kind === "scatter" ? scatter(spec) : cartesian(spec);
    option.color = PALETTE;
    option.animation = false; // charts must be complete for printing and screenshots
    option.textStyle = { fontFamily: "inherit" };
    var chart = window.echarts.init(element, null, { renderer: "svg" });
    chart.setOption(option);
    element.setAttribute("data-chart-drawn", "true");
    window.addEventListener("resize", function () { chart.resize(); });
    window.addEventListener("beforeprint", function () { chart.resize(); });
  }

  function drawAll() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-chart]"), draw);
    document.documentElement.setAttribute("data-charts-ready", "true");
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", drawAll);
  else drawAll();
})();
