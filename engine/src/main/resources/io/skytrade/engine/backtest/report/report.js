(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('report-data').textContent);
  var charts = {};
  var PALETTE = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#17becf', '#bcbd22',
    '#393b79', '#e6550d', '#31a354', '#843c39', '#7b4173', '#3182bd', '#637939'];
  var SYNC = { key: 'skytrade-time', setSeries: false };
  window.skytradeReport = { charts: charts, data: data };

  function seconds(ms) { return (data.t0 + ms) / 1000; }

  function table(series, columns) {
    var out = [series[0].map(seconds)];
    for (var c = 1; c <= columns; c++) { out.push(series[c]); }
    return out;
  }

  function extendTo(tbl, endMs) {
    var n = tbl[0].length;
    var end = seconds(endMs);
    if (n === 0 || tbl[0][n - 1] >= end) { return tbl; }
    return tbl.map(function (col, i) { return col.concat([i === 0 ? end : col[n - 1]]); });
  }

  function utc(ts) { return uPlot.tzDate(new Date(ts * 1e3), 'Etc/UTC'); }

  function reset(id) {
    var el = document.getElementById(id);
    if (charts[id]) { charts[id].destroy(); delete charts[id]; }
    el.textContent = '';
    el.classList.remove('no-data');
    return el;
  }

  function noData(id, text) {
    var el = reset(id);
    el.textContent = text;
    el.classList.add('no-data');
  }

  function widthOf(el) { return Math.max(480, Math.floor(el.clientWidth || 900)); }

  function draw(id, opts, aligned) {
    var el = reset(id);
    opts.width = widthOf(el);
    opts.height = opts.height || 260;
    charts[id] = new uPlot(opts, aligned, el);
  }

  function timeChart(title, series, axes, scales) {
    var sc = { x: { time: true } };
    Object.keys(scales || {}).forEach(function (k) { sc[k] = scales[k]; });
    return { title: title, tzDate: utc, cursor: { sync: SYNC }, scales: sc, series: [{ label: 'time (UTC)' }].concat(series),
      axes: [{ space: 90 }].concat(axes) };
  }

  function line(label, color, extra) {
    var s = { label: label, stroke: color, width: 1.5, spanGaps: true };
    Object.keys(extra || {}).forEach(function (k) { s[k] = extra[k]; });
    return s;
  }

  function markers(label, color) {
    return { label: label, stroke: color, fill: color, paths: function () { return null; },
      points: { show: true, size: 9, width: 1, stroke: color, fill: color } };
  }

  function equityChart() {
    var eq = table(data.equity, 2);
    if (eq[0].length === 0) { noData('chart-equity', 'No equity samples (the backtest saw no timed events).'); return; }
    draw('chart-equity', timeChart('Equity and drawdown', [
      line('equity', PALETTE[0], { scale: 'pnl' }),
      line('drawdown', PALETTE[3], { scale: 'dd', width: 1, fill: 'rgba(214, 39, 40, 0.15)' })
    ], [{ scale: 'pnl', label: 'equity' }, { scale: 'dd', side: 1, label: 'drawdown', grid: { show: false } }],
    { pnl: {}, dd: {} }), eq);
  }

  function positionsChart() {
    var tables = [];
    var series = [];
    data.products.forEach(function (p, i) {
      if (p.position[0].length > 0) {
        tables.push(extendTo(table(p.position, 1), data.tEnd));
        series.push(line(p.name, PALETTE[i % PALETTE.length], { paths: uPlot.paths.stepped({ align: 1 }) }));
      }
    });
    if (tables.length === 0) { noData('chart-positions', 'No fills: no product held a position.'); return; }
    draw('chart-positions', timeChart('Position (lots)', series, [{ label: 'lots' }]), uPlot.join(tables));
  }

  function priceChart(p) {
    if (p.book[0].length === 0 && p.fair[0].length === 0 && p.buys[0].length === 0 && p.sells[0].length === 0) {
      noData('chart-price', 'No book, fair value or fills for ' + p.name + '.');
      return;
    }
    var aligned = uPlot.join([table(p.book, 3), table(p.fair, 1), table(p.buys, 1), table(p.sells, 1)]);
    draw('chart-price', timeChart(p.name + ': price (ticks)', [
      line('mid', PALETTE[0]),
      line('best bid', '#6baed6', { width: 1, dash: [4, 3] }),
      line('best ask', '#9ecae1', { width: 1, dash: [4, 3] }),
      line('fair value', PALETTE[1], { width: 2, paths: uPlot.paths.stepped({ align: 1 }) }),
      markers('buy fill', '#2ca02c'),
      markers('sell fill', '#d62728')
    ], [{ label: 'ticks' }]), aligned);
  }

  function signalChart(p) {
    if (p.signal[0].length === 0) { noData('chart-signal', 'No signal for ' + p.name + '.'); return; }
    draw('chart-signal', timeChart(p.name + ': signal', [line('signal', PALETTE[4])], [{ label: 'signal' }],
      { y: { range: [-1.05, 1.05] } }), table(p.signal, 1));
  }

  function regimeChart(p) {
    var k = p.regime.length - 1;
    if (k < 1 || p.regime[0].length === 0) { noData('chart-regime', 'No regime posterior for ' + p.name + '.'); return; }
    var series = [];
    for (var j = 0; j < k; j++) {
      series.push(line('P(regime ' + j + ')', PALETTE[(j + 2) % PALETTE.length], { width: 1.2 }));
    }
    draw('chart-regime', timeChart(p.name + ': regime posterior', series, [{ label: 'probability' }],
      { y: { range: [0, 1] } }), table(p.regime, k));
  }

  function productCharts(index) {
    var p = data.products[index];
    priceChart(p);
    signalChart(p);
    regimeChart(p);
  }

  function productSelector() {
    var select = document.getElementById('product');
    var chosen = -1;
    data.products.forEach(function (p, i) {
      var o = document.createElement('option');
      o.value = String(i);
      o.textContent = p.name + (p.fills > 0 ? ' (' + p.fills + ' fills)' : '');
      select.appendChild(o);
      if (chosen < 0 && p.fills > 0) { chosen = i; }
    });
    if (data.products.length === 0) { return; }
    select.value = String(Math.max(0, chosen));
    select.addEventListener('change', function () { productCharts(Number(select.value)); });
    productCharts(Number(select.value));
  }

  function nanos(n) {
    if (n < 1e3) { return n + ' ns'; }
    if (n < 1e6) { return +(n / 1e3).toPrecision(3) + ' µs'; }
    if (n < 1e9) { return +(n / 1e6).toPrecision(3) + ' ms'; }
    return +(n / 1e9).toPrecision(3) + ' s';
  }

  function histogramChart(id, title, h) {
    if (!document.getElementById(id)) { return; }
    if (!h || h.counts.length === 0) { noData(id, 'Nothing was measured.'); return; }
    var n = h.counts.length;
    var xs = h.counts.map(function (c, i) { return i; });
    draw(id, {
      title: title,
      scales: { x: { time: false, range: function () { return [-0.5, n - 0.5]; } } },
      series: [
        { label: 'bucket', value: function (u, v) { return v == null ? '' : '\u2264 ' + nanos(h.upperNanos[v]); } },
        { label: 'count', stroke: PALETTE[0], fill: 'rgba(31, 119, 180, 0.45)', width: 1,
          paths: uPlot.paths.bars({ size: [0.8, 60] }), points: { show: false } }
      ],
      axes: [
        { label: 'at most', incrs: [1, 2, 4, 8], values: function (u, splits) {
          return splits.map(function (i) { return i >= 0 && i < n && i === Math.round(i) ? nanos(h.upperNanos[i]) : ''; });
        } },
        { label: 'count' }
      ]
    }, [xs, h.counts]);
  }

  equityChart();
  positionsChart();
  productSelector();
  histogramChart('chart-latency', 'Handling time per input', data.latency);
  histogramChart('chart-delay', 'Market data delay', data.marketDataDelay);

  window.addEventListener('resize', function () {
    Object.keys(charts).forEach(function (id) {
      charts[id].setSize({ width: widthOf(document.getElementById(id)), height: charts[id].height });
    });
  });
  document.documentElement.setAttribute('data-charts-ready', String(Object.keys(charts).length));
})();
