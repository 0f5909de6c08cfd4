(function () {
  'use strict';
  // evaluation.html: the equity of the evaluated days laid end to end, and each day's PnL, for one
  // configuration or for A and B of a comparison. Data: {configs: [{label, equity: [...], daily: [...]}],
  // samplesPerDay}.
  var data = JSON.parse(document.getElementById('evaluation-data').textContent);
  var charts = {};
  var PALETTE = ['#1f77b4', '#ff7f0e'];
  window.skytradeReport = { charts: charts, data: data };

  function widthOf(el) { return Math.max(480, Math.floor(el.clientWidth || 900)); }

  function draw(id, opts, aligned) {
    var el = document.getElementById(id);
    el.textContent = '';
    if (aligned[0].length < 2) {
      el.textContent = 'fewer than two points: nothing to draw';
      el.classList.add('no-data');
      return;
    }
    opts.width = widthOf(el);
    opts.height = 280;
    charts[id] = new uPlot(opts, aligned, el);
  }

  function equity() {
    var n = 0;
    data.configs.forEach(function (c) { n = Math.max(n, c.equity.length); });
    var x = [];
    for (var i = 0; i < n; i++) { x.push(i / data.samplesPerDay); }
    var aligned = [x];
    var series = [{ label: 'simulated days' }];
    data.configs.forEach(function (c, k) {
      aligned.push(c.equity);
      series.push({ label: c.label + ' equity', stroke: PALETTE[k % PALETTE.length], width: 1.5, spanGaps: true });
    });
    draw('chart-equity', { title: 'Equity of the days laid end to end (price units)', scales: { x: { time: false } },
      series: series, axes: [{ label: 'simulated days' }, { size: 70 }] }, aligned);
  }

  function daily() {
    var n = data.configs[0].daily.length;
    var x = [];
    for (var i = 0; i < n; i++) { x.push(i + 1); }
    var aligned = [x];
    var series = [{ label: 'day' }];
    var width = data.configs.length > 1 ? 0.4 : 0.8;
    data.configs.forEach(function (c, k) {
      aligned.push(c.daily);
      series.push({ label: c.label + ' daily PnL', stroke: PALETTE[k % PALETTE.length], fill: PALETTE[k % PALETTE.length],
        paths: uPlot.paths.bars({ size: [width, 60], align: k === 0 ? -1 : 1 }), points: { show: false } });
    });
    draw('chart-daily', { title: 'PnL of each day (price units)', scales: { x: { time: false } }, series: series,
      axes: [{ label: 'day (in seed order)' }, { size: 70 }] }, aligned);
  }

  equity();
  daily();
  document.documentElement.setAttribute('data-charts-ready', String(Object.keys(charts).length));
}());
