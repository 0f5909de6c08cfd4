package io.skytrade.engine.web;

import io.skytrade.engine.backtest.report.ReportAssets;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The dashboard's one HTML page: uPlot (script and style sheet from the same webjar the backtest
 * report inlines) and the dashboard's own script and style sheet, all inline, so the page needs
 * nothing but the engine (no CDN). Built once at start-up.
 */
final class DashboardPage {
    private static final String DIR = "io/skytrade/engine/web/";

    private DashboardPage() {
    }

    static String html() {
        return """
            <!doctype html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>skytrade — live</title>
            <style>%s</style>
            <style>%s</style>
            </head>
            <body>
            <header>
              <span class="brand">skytrade</span>
              <span id="health" class="badge">…</span>
              <span class="stat">mode <span id="mode" class="badge">…</span> <span id="mode-reason"></span></span>
              <span class="stat">world <b id="world-time">–</b></span>
              <span class="stat">inputs <b id="events">–</b> (<b id="rate">–</b>/s)</span>
              <span class="stat">equity <b id="equity">–</b> drawdown <b id="drawdown">–</b></span>
              <span class="stat">orders/fills <b id="orders">–</b></span>
              <span class="stat">venue <span id="venue" class="badge">–</span></span>
              <span id="conn" class="badge">connecting…</span>
              <button id="safe-button" class="danger" type="button">Safe mode</button>
              <span id="safe-status" class="stat"></span>
            </header>
            <div id="confirm" hidden>
              <div class="box" role="dialog" aria-modal="true" aria-labelledby="confirm-title">
                <h2 id="confirm-title">Enter SAFE mode?</h2>
                <p>The engine cancels its open orders, flattens its positions and refuses every new order until an
                operator runs <code>skytrade ctl resume</code>. The request is journaled as a CONTROL input, like
                <code>skytrade ctl safe</code>.</p>
                <div class="actions"><button id="safe-cancel" type="button">Cancel</button>
                <button id="safe-confirm" class="danger" type="button">Enter SAFE</button></div>
              </div>
            </div>
            <main>
              <section class="wide"><h2>Products <span class="sub">click a row to chart it</span></h2>
                <div class="scroll"><table id="products"><thead><tr><th class="l">product</th><th>bid</th><th>ask</th>
                <th>fair value</th><th>± std</th><th>signal</th><th>regime</th><th>position</th><th>PnL</th></tr></thead>
                <tbody></tbody></table></div></section>
              <section><h2>Price <span id="price-title"></span> <select id="product-select" aria-label="product"></select>
                <span class="sub">bid, ask, fair value ± std, our orders, fills</span></h2>
                <div id="chart-price" class="chart"></div>
                <h2>Signal <span class="sub">combined (left) and its components (right axis)</span></h2>
                <div id="chart-signal" class="chart"></div></section>
              <section><h2>Regime posterior <span class="sub">dots: most likely regime changed</span></h2>
                <div id="chart-regime" class="chart"></div>
                <h2>Position and PnL</h2><div id="chart-position" class="chart"></div></section>
              <section><h2>Equity and drawdown</h2><div id="chart-equity" class="chart"></div>
                <h2>Inputs per second</h2><div id="chart-rate" class="chart"></div></section>
              <section><h2>Latency <span class="sub">µs, per reporter interval</span></h2><div id="chart-latency" class="chart"></div>
                <div class="scroll"><table id="latency-table"><thead><tr><th class="l">stage</th><th>n</th><th>p50</th><th>p90</th>
                <th>p99</th><th>max</th></tr></thead><tbody></tbody></table></div></section>
              <section><h2>Feeds <span class="sub">observations, last value, age in world time</span></h2>
                <div class="scroll"><table id="feeds"><thead><tr><th class="l">series</th><th>n</th><th>last</th><th>age</th></tr></thead>
                <tbody></tbody></table></div></section>
              <section class="wide"><h2>Decision tape <span class="sub">newest first; seq = input journal sequence</span></h2>
                <div id="tape-wrap" class="scroll"><table id="tape"><thead><tr><th>seq</th><th class="l">time</th><th class="l">product</th>
                <th class="l">decision</th><th class="l">verdict</th><th class="l">reason</th><th class="l">side</th><th>price</th><th>qty</th>
                <th>fair ± std</th><th>bid / ask</th><th>signal</th><th>regime</th></tr></thead><tbody></tbody></table></div></section>
            </main>
            <script>%s</script>
            <script>%s</script>
            </body>
            </html>
            """.formatted(ReportAssets.uPlotStyle(), own("dashboard.css"), ReportAssets.uPlotScript(), own("dashboard.js"));
    }

    private static String own(final String name) {
        try (InputStream in = DashboardPage.class.getClassLoader().getResourceAsStream(DIR + name)) {
            if (in == null) {
                throw new IllegalStateException("dashboard resource not on the classpath: " + DIR + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot read dashboard resource " + DIR + name + ": " + e.getMessage(), e);
        }
    }
}
