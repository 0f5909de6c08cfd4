/* skytrade live dashboard: reads the server-sent events of /events (an "init" with the kept history,
   then an "update" per reporter interval) and draws them with uPlot. EventSource reconnects by itself,
   so the page follows an engine restart; "init" then replaces the history. */
(function () {
  'use strict';
  var MAX_SAMPLES = 1200, MAX_TAPE = 300, TAPE_ROWS = 80;
  var S = { products: [], series: [], samples: [], tape: [], lastTapeId: 0, selected: 0, charts: {}, updates: 0 };
  var $ = function (id) { return document.getElementById(id); };

  function fmt(v, d) { return v === null || v === undefined || isNaN(v) ? '–' : Number(v).toFixed(d === undefined ? 1 : d); }
  function cls(v) { return v > 0 ? 'pos' : v < 0 ? 'neg' : ''; }
  function esc(s) { return String(s).replace(/[&<>"]/g, function (c) { return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }[c]; }); }
  function time(ms) { var d = new Date(ms); return d.toISOString().substring(11, 19); }

  function connect() {
    var es = new EventSource('events');
    es.addEventListener('init', function (e) { reset(JSON.parse(e.data)); setConn(true); });
    es.addEventListener('update', function (e) { apply(JSON.parse(e.data)); setConn(true); });
    es.onerror = function () { setConn(false); };
  }

  function setConn(up) {
    var c = $('conn');
    c.textContent = up ? 'live' : 'reconnecting…';
    c.className = up ? 'badge up' : 'badge down';
  }

  function reset(d) {
    S.products = d.products; S.series = d.series; S.samples = []; S.tape = []; S.lastTapeId = 0;
    if (S.selected >= S.products.length) { S.selected = 0; }
    buildProductControls();
    d.samples.forEach(addSample);
    d.tape.forEach(addTape);
    render();
  }

  function apply(d) {
    d.samples.forEach(addSample);
    d.tape.forEach(addTape);
    render();
  }

  function addSample(s) {
    var last = S.samples[S.samples.length - 1];
    if (last && s.t < last.t) { S.samples = []; }
    S.samples.push(s);
    if (S.samples.length > MAX_SAMPLES) { S.samples.shift(); }
  }

  function addTape(r) {
    if (r.id <= S.lastTapeId) { return; }
    S.lastTapeId = r.id;
    S.tape.push(r);
    if (S.tape.length > MAX_TAPE) { S.tape.shift(); }
  }

  function buildProductControls() {
    var sel = $('product-select');
    sel.innerHTML = S.products.map(function (p, i) { return '<option value="' + i + '">' + esc(p) + '</option>'; }).join('');
    sel.value = String(S.selected);
    sel.onchange = function () { select(Number(sel.value)); };
  }

  function select(i) {
    S.selected = i;
    $('product-select').value = String(i);
    render();
  }

  function render() {
    S.updates++;
    document.body.setAttribute('data-updates', String(S.updates));
    var s = S.samples[S.samples.length - 1];
    if (!s) { return; }
    $('health').textContent = s.health; $('health').className = 'badge ' + s.health;
    $('mode').textContent = s.mode; $('mode').className = 'badge ' + s.mode;
    $('mode-reason').textContent = s.modeReason ? s.modeReason + ' @ input ' + s.modeSeq : '';
    $('events').textContent = s.events.toLocaleString('en');
    $('rate').textContent = fmt(s.rate, 0);
    $('equity').textContent = fmt(s.equity, 0); $('equity').className = cls(s.equity);
    $('drawdown').textContent = fmt(s.drawdown, 0);
    $('orders').textContent = s.orders + ' / ' + s.fills;
    $('venue').textContent = s.venue ? 'connected' : 'DISCONNECTED'; $('venue').className = 'badge ' + (s.venue ? 'up' : 'down');
    $('world-time').textContent = time(s.t);
    renderProducts(s);
    renderLatencyTable(s);
    renderFeeds(s);
    renderTape();
    renderCharts();
  }

  function renderProducts(s) {
    var rows = S.products.map(function (name, i) {
      var p = s.p[i];
      var regime = p.regime < 0 ? '–' : p.regime + ' (' + fmt(p.regimeP[p.regime] * 100, 0) + '%)';
      return '<tr data-i="' + i + '"' + (i === S.selected ? ' class="selected"' : '') + '><td class="l">' + esc(name)
        + '</td><td class="bid">' + (p.bid || '–') + '</td><td class="ask">' + (p.ask || '–') + '</td><td class="fair">' + fmt(p.fair)
        + '</td><td class="dim">' + fmt(p.std) + '</td><td class="' + cls(p.signal) + '">' + fmt(p.signal, 3) + '</td><td>' + regime
        + '</td><td class="' + cls(p.pos) + '">' + p.pos + '</td><td class="' + cls(p.pnl) + '">' + fmt(p.pnl, 0) + '</td></tr>';
    });
    var body = $('products').tBodies[0];
    body.innerHTML = rows.join('');
    Array.prototype.forEach.call(body.rows, function (tr) { tr.onclick = function () { select(Number(tr.getAttribute('data-i'))); }; });
  }

  function renderLatencyTable(s) {
    var names = Object.keys(s.latency);
    $('latency-table').tBodies[0].innerHTML = names.map(function (n) {
      var l = s.latency[n];
      return '<tr><td class="l">' + n.replace(/_/g, ' ') + '</td><td>' + l.n + '</td><td>' + fmt(l.p50) + '</td><td>' + fmt(l.p90)
        + '</td><td>' + fmt(l.p99) + '</td><td>' + fmt(l.max) + '</td></tr>';
    }).join('');
  }

  function renderFeeds(s) {
    var rows = S.series.map(function (name, i) {
      var f = s.series[i];
      return '<tr><td class="l">' + esc(name) + '</td><td>' + f.n + '</td><td>' + fmt(f.value, 2) + '</td><td class="'
        + (f.age > 3600 ? 'neg' : '') + '">' + (f.age === undefined ? '–' : f.age + ' s') + '</td></tr>';
    });
    $('feeds').tBodies[0].innerHTML = rows.join('') + s.feeds.map(function (f) {
      return '<tr><td class="l">source ' + esc(f.name) + '</td><td colspan="2" class="l ' + (f.status === 'OK' ? 'pos' : 'neg') + '">'
        + f.status + '</td><td class="l dim">' + esc(f.error || '') + '</td></tr>';
    }).join('');
  }

  function renderTape() {
    var rows = [];
    for (var i = S.tape.length - 1; i >= 0 && rows.length < TAPE_ROWS; i--) {
      var r = S.tape[i];
      var product = r.product >= 0 ? S.products[r.product] : '–';
      var what = r.type === 'MODE_CHANGE' ? 'MODE → ' + r.mode : r.type;
      rows.push('<tr><td>' + r.seq + '</td><td class="l">' + time(r.t) + '</td><td class="l">' + esc(product || '–') + '</td><td class="l">'
        + what + '</td><td class="l ' + (r.verdict || '') + '">' + (r.verdict || 'FILLED') + '</td><td class="l">' + (r.reason || '')
        + '</td><td class="l">' + r.side + '</td><td>' + (r.price || '') + '</td><td>' + (r.qty || '') + '</td><td>' + fmt(r.fair)
        + ' ± ' + fmt(r.std) + '</td><td>' + (r.bid || '–') + ' / ' + (r.ask || '–') + '</td><td>' + fmt(r.signal, 3) + '</td><td>'
        + (r.regime < 0 ? '–' : r.regime + ' (' + fmt(r.regimeP * 100, 0) + '%)') + '</td></tr>');
    }
    $('tape').tBodies[0].innerHTML = rows.join('');
  }

  function indexAtOrAfter(xs, t) {
    var lo = 0, hi = xs.length;
    while (lo < hi) { var mid = (lo + hi) >> 1; if (xs[mid] < t) { lo = mid + 1; } else { hi = mid; } }
    return lo < xs.length ? lo : -1;
  }

  function chart(id, series, height, extra) {
    var el = $(id);
    var width = Math.max(280, el.clientWidth || 560);
    var c = S.charts[id];
    if (c && (Math.abs(c.width - width) > 4 || c.series.length !== series.length + 1)) { c.destroy(); c = null; }
    if (!c) {
      var opts = { width: width, height: height, series: [{}].concat(series), scales: { x: { time: true } },
        axes: [{ stroke: '#8a96a3', grid: { stroke: '#2a3440' } }, { stroke: '#8a96a3', grid: { stroke: '#2a3440' }, size: 72 }],
        legend: { live: false } };
      if (extra) { extra(opts); }
      el.innerHTML = '';
      c = new uPlot(opts, [[]].concat(series.map(function () { return []; })), el);
      S.charts[id] = c;
    }
    return c;
  }

  function line(label, stroke, more) { var s = { label: label, stroke: stroke, width: 1.5, spanGaps: true }; for (var k in more || {}) { s[k] = more[k]; } return s; }
  function dots(label, fill) { return { label: label, stroke: fill, fill: fill, width: 0, paths: function () { return null; }, points: { show: true, size: 9, fill: fill } }; }

  function renderCharts() {
    var i = S.selected, xs = [], ms = [];
    S.samples.forEach(function (s) { xs.push(s.t / 1000); ms.push(s.t); });
    var col = function (f) { return S.samples.map(f); };
    var orders = xs.map(function () { return null; }), fills = xs.map(function () { return null; });
    S.tape.forEach(function (r) {
      if (r.product !== i) { return; }
      var j = indexAtOrAfter(ms, r.t);
      if (j < 0) { return; }
      if (r.type === 'ORDER_NEW' && r.verdict === 'APPROVED') { orders[j] = r.price; }
      if (r.type === 'FILL') { fills[j] = r.price; }
    });
    $('price-title').textContent = S.products[i] || '';
    var price = chart('chart-price', [line('bid', '#3fb950'), line('ask', '#f85149'), line('fair value', '#58a6ff', { width: 2 }),
      line('fair − std', 'rgba(88,166,255,.35)', { width: 1 }), line('fair + std', 'rgba(88,166,255,.35)', { width: 1 }),
      dots('our orders', '#d29922'), dots('fills', '#e6edf3')], 260, function (o) { o.bands = [{ series: [5, 4], fill: 'rgba(88,166,255,.12)' }]; });
    price.setData([xs, col(function (s) { return s.p[i].bid || null; }), col(function (s) { return s.p[i].ask || null; }),
      col(function (s) { return s.p[i].fair; }), col(function (s) { return s.p[i].fair === null ? null : s.p[i].fair - s.p[i].std; }),
      col(function (s) { return s.p[i].fair === null ? null : s.p[i].fair + s.p[i].std; }), orders, fills]);
    chart('chart-signal', [line('signal', '#c297ff', { width: 2 }), line('mispricing z', '#58a6ff', { scale: 'c' }),
      line('momentum', '#d29922', { scale: 'c' }), line('surprise', '#3fb950', { scale: 'c' })], 160, function (o) {
      o.axes.push({ scale: 'c', side: 1, stroke: '#8a96a3', grid: { show: false } });
    }).setData([xs, col(function (s) { return s.p[i].signal; }), col(function (s) { return s.p[i].mis; }),
      col(function (s) { return s.p[i].mom; }), col(function (s) { return s.p[i].sur; })]);
    var k = 0;
    S.samples.forEach(function (s) { k = Math.max(k, s.p[i].regimeP.length); });
    var regimeSeries = [], regimeData = [xs], colors = ['#3fb950', '#d29922', '#f85149', '#58a6ff', '#c297ff', '#8a96a3', '#e6edf3', '#ff7b72'];
    for (var r = 0; r < k; r++) {
      regimeSeries.push(line('regime ' + r, colors[r % colors.length]));
      regimeData.push(col((function (rr) { return function (s) { return s.p[i].regimeP.length > rr ? s.p[i].regimeP[rr] : null; }; })(r)));
    }
    var changes = xs.map(function () { return null; });
    for (var j = 1; j < S.samples.length; j++) {
      if (S.samples[j].p[i].regime !== S.samples[j - 1].p[i].regime && S.samples[j].p[i].regime >= 0) { changes[j] = 1.02; }
    }
    regimeSeries.push(dots('regime change', '#e6edf3'));
    regimeData.push(changes);
    if (k > 0) { chart('chart-regime', regimeSeries, 140).setData(regimeData); }
    chart('chart-position', [line('position (lots)', '#d29922', { scale: 'lots' }), line('PnL', '#58a6ff')], 160, function (o) {
      o.axes.push({ scale: 'lots', side: 1, stroke: '#d29922', grid: { show: false } });
    }).setData([xs, col(function (s) { return s.p[i].pos; }), col(function (s) { return s.p[i].pnl; })]);
    chart('chart-equity', [line('equity', '#3fb950'), line('drawdown', '#f85149', { scale: 'dd' })], 200, function (o) {
      o.axes.push({ scale: 'dd', side: 1, stroke: '#f85149', grid: { show: false } });
    }).setData([xs, col(function (s) { return s.equity; }), col(function (s) { return s.drawdown; })]);
    var lat = function (stage, p) { return col(function (s) { var l = s.latency[stage]; return l && l.n > 0 ? l[p] : null; }); };
    var latency = chart('chart-latency', [line('tick-to-decision p50 µs', '#3fb950'), line('tick-to-decision p99 µs', '#d29922'),
      line('receive-to-wire p50 µs', '#58a6ff')], 180, function (o) { o.scales.y = { distr: 3 }; });
    latency.setData([xs, lat('receive_to_decision', 'p50'), lat('receive_to_decision', 'p99'), lat('receive_to_wire', 'p50')]);
    $('chart-latency').setAttribute('data-points', String(xs.length));
    chart('chart-rate', [line('inputs / s', '#c297ff')], 120).setData([xs, col(function (s) { return s.rate; })]);
  }

  function safeMode() {
    $('confirm').hidden = false;
  }

  function confirmSafe() {
    $('confirm').hidden = true;
    $('safe-status').textContent = 'requesting SAFE…';
    fetch('api/safe', { method: 'POST', headers: { 'X-Skytrade-Confirm': 'safe' } }).then(function (r) {
      if (!r.ok) { throw new Error('HTTP ' + r.status); }
      return r.json();
    }).then(function (j) {
      $('safe-status').textContent = 'SAFE requested: journaled CONTROL input ' + j.sequence;
    }).catch(function (e) { $('safe-status').textContent = 'SAFE request failed: ' + e.message; });
  }

  document.addEventListener('DOMContentLoaded', function () {
    $('safe-button').onclick = safeMode;
    $('safe-cancel').onclick = function () { $('confirm').hidden = true; };
    $('safe-confirm').onclick = confirmSafe;
    window.addEventListener('resize', function () { render(); });
    connect();
  });
})();
