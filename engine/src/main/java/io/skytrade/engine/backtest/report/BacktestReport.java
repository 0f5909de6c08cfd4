package io.skytrade.engine.backtest.report;

import io.skytrade.core.event.EventType;
import io.skytrade.core.position.PositionTracker;
import io.skytrade.engine.backtest.BacktestRunner;
import io.skytrade.engine.backtest.MetricsReport;
import io.skytrade.journal.FileErrors;
import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Builds a backtest's {@code report.html}: one self-contained page (uPlot and the page script
 * inlined, no network access) with a summary a newcomer can read without the logs, charts of
 * equity and drawdown, positions, price with fair value and fills, signal and regime posterior per
 * product, the handling-time histogram with its percentiles, the metrics, and any extra
 * {@link ReportTable}s callers add. Every text is escaped; the output depends only on the backtest
 * (its journal times, counts and measured latencies), not on when it was written. Offline only.
 */
public final class BacktestReport {
    /** File name of the report inside the backtest's run directory. */
    public static final String FILE_NAME = "report.html";
    /** Most points kept of the equity curve. */
    private static final int EQUITY_POINTS = 4000;
    private static final double[] PERCENTILES = {50, 90, 99, 99.9, 99.99};

    private final BacktestRunner.Result result;
    private final ReportRecorder recorder;
    private String heading = "Backtest report";
    private final List<String> instruments;
    private final List<ReportTable> tables = new ArrayList<>();
    private String configuration = "the journal's own configuration";

    /**
     * @param result      the finished backtest
     * @param recorder    the observer that ran in it
     * @param instruments product names by instrument id (the configuration's {@code instruments})
     */
    public BacktestReport(final BacktestRunner.Result result, final ReportRecorder recorder, final List<String> instruments) {
        this.result = result;
        this.recorder = recorder;
        this.instruments = List.copyOf(instruments);
    }

    /** The page's heading and title (default "Backtest report"; a live run's session report says so). */
    public BacktestReport heading(final String text) {
        this.heading = text;
        return this;
    }

    /** Describes the configuration the backtest ran with (default: the journal's own). */
    public BacktestReport configuration(final String description) {
        this.configuration = description;
        return this;
    }

    /** Adds a table to the report's tables section, after those added before. */
    public BacktestReport table(final ReportTable table) {
        tables.add(table);
        return this;
    }

    /** Writes {@link #FILE_NAME} into {@code dir} and returns its path. */
    public Path write(final Path dir) {
        final Path file = dir.resolve(FILE_NAME);
        try {
            Files.writeString(file, html(), StandardCharsets.UTF_8);
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot write report file " + file + ": " + FileErrors.describe(e, file), e);
        }
        return file;
    }

    /** The whole page. */
    public String html() {
        final String source = result.run().property("backtestOf", "an unnamed journal");
        final StringBuilder h = new StringBuilder(1 << 17);
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .append("<title>").append(ReportText.html(heading)).append(": ").append(ReportText.html(source.substring(source.lastIndexOf('/') + 1)))
            .append("</title>\n")
            .append("<script>window.addEventListener('error', function (e) {")
            .append(" document.documentElement.setAttribute('data-report-error', String(e.message)); });</script>\n")
            .append("<style>").append(ReportAssets.uPlotStyle()).append("</style>\n")
            .append("<style>").append(ReportAssets.reportStyle()).append("</style>\n")
            .append("</head>\n<body>\n");
        header(h, source);
        h.append("<nav><a href=\"#equity\">Equity</a> <a href=\"#positions\">Positions</a> <a href=\"#products\">Per product</a>")
            .append(" <a href=\"#latency\">Latency</a> <a href=\"#metrics\">Metrics</a> <a href=\"#tables\">Tables</a></nav>\n");
        ReportHtml.section(h, "equity", "Equity and drawdown",
            "Marked-to-market equity (realised + unrealised PnL - fees, price units) sampled every backtest.sampleInterval"
                + " of event time, and the drawdown below its running peak.", "chart-equity");
        ReportHtml.section(h, "positions", "Positions per product",
            "Our position in lots after each fill, for every product that traded.", "chart-positions");
        h.append("<section id=\"products\">\n<h2>Price, fair value, fills, signal and regime per product</h2>\n")
            .append("<p>Book mid (best bid and ask dashed) with the valuation's fair value and our fills (buys green, sells red,")
            .append(" at their average price); the combined signal in [-1, 1]; the regime stage's posterior probability of each")
            .append(" regime. Points are placed at the backtest clock (latest event time so far) and thinned to a few thousand")
            .append(" per series.</p>\n<label>Product <select id=\"product\"></select></label>\n")
            .append("<div class=\"chart\" id=\"chart-price\"></div>\n<div class=\"chart\" id=\"chart-signal\"></div>\n")
            .append("<div class=\"chart\" id=\"chart-regime\"></div>\n</section>\n");
        latency(h);
        h.append("<section id=\"metrics\">\n<h2>Metrics</h2>\n");
        ReportHtml.table(h, metricsTable());
        ReportHtml.table(h, productsTable());
        h.append("</section>\n<section id=\"tables\">\n<h2>Tables</h2>\n");
        if (tables.isEmpty()) {
            h.append("<p class=\"empty\">No further tables were added to this report.</p>\n");
        }
        for (final ReportTable t : tables) {
            ReportHtml.table(h, t);
        }
        h.append("</section>\n<script type=\"application/json\" id=\"report-data\">");
        h.append(ReportData.json(recorder, instruments, result.sampler().times(), result.sampler().equity(), EQUITY_POINTS,
            result.handlingNanos(), meaningfulDelay()));
        h.append("</script>\n<script>").append(ReportAssets.uPlotScript()).append("</script>\n")
            .append("<script>").append(ReportAssets.reportScript()).append("</script>\n</body>\n</html>\n");
        return h.toString();
    }

    private void header(final StringBuilder h, final String source) {
        final long first = recorder.firstTimeNanos();
        final long last = recorder.lastTimeNanos();
        final String fills = result.run().property("fills", "model");
        h.append("<header>\n<h1>").append(ReportText.html(heading)).append("</h1>\n<p class=\"lead\">The journal <code>").append(ReportText.html(source))
            .append("</code> replayed through the live engine's stages with ").append(ReportText.html(configuration))
            .append(", fills ").append(fills.equals("journal")
                ? "replayed from the journal (reproduces the live run)" : "simulated by the exchange's fill model")
            .append(". The backtest's own run directory is <code>").append(ReportText.html(result.run().dir().toString()))
            .append("</code>.</p>\n<dl class=\"facts\">\n");
        ReportHtml.fact(h, "Period (event time, UTC)", first == Long.MIN_VALUE ? "no timed events"
            : instant(first) + " to " + instant(last) + " (" + duration(last - first) + ")");
        ReportHtml.fact(h, "Products", instruments.size() + ": " + String.join(", ", instruments));
        ReportHtml.fact(h, "Inputs", ReportText.number(result.inputs()) + " in the journal, " + ReportText.number(result.replayed())
            + " replayed (" + ReportText.number(recorder.events(EventType.MARKET_BOOK)) + " books, "
            + ReportText.number(recorder.events(EventType.MARKET_TRADE)) + " trades, "
            + ReportText.number(recorder.events(EventType.OBSERVATION)) + " observations, "
            + ReportText.number(recorder.events(EventType.TIMER)) + " timers)");
        ReportHtml.fact(h, "Decisions", ReportText.number(result.decisions()) + " journaled, " + ReportText.number(result.orders())
            + " orders sent, " + ReportText.number(result.fills()) + " fills");
        ReportHtml.fact(h, "Stage failures", result.stageFailures() == 0 ? "none" : ReportText.number(result.stageFailures())
            + ", first: " + result.firstStageFailure());
        h.append("</dl>\n<div class=\"cards\">\n");
        final Map<String, Object> v = MetricsReport.values(result);
        ReportHtml.card(h, "Final PnL", v.get("finalEquity"), "price units, after fees");
        ReportHtml.card(h, "Fills", result.fills(), ReportText.number(result.orders()) + " orders");
        ReportHtml.card(h, "Sharpe", v.get("sharpe"), "annualised");
        ReportHtml.card(h, "Max drawdown", v.get("maxDrawdown"), "fraction of capital");
        ReportHtml.card(h, "Hit rate", v.get("hitRate"), "of round trips");
        ReportHtml.card(h, "Handling p99", result.handlingNanos().getTotalCount() == 0 ? null
            : result.handlingNanos().getValueAtPercentile(99) / 1e3, "µs per input");
        h.append("</div>\n</header>\n");
    }

    private void latency(final StringBuilder h) {
        h.append("<section id=\"latency\">\n<h2>Handling time per input</h2>\n<p>Wall time of each replayed input through the")
            .append(" fill model and every stage on the backtest's thread (HdrHistogram); the chart counts inputs per")
            .append(" power-of-two bucket.</p>\n");
        ReportHtml.table(h, percentileTable("Handling time per input", result.handlingNanos(), "µs", 1e3));
        h.append("<div class=\"chart\" id=\"chart-latency\"></div>\n");
        final Histogram delay = meaningfulDelay();
        if (delay != null) {
            h.append("<h3>Market data delay (receive time - event time)</h3>\n<p>As recorded live: when the engine received")
                .append(" each book or trade after the venue stamped it. ").append(ReportText.number(recorder.marketDataWithoutDelay()))
                .append(" market data events without a usable receive time are left out.</p>\n");
            ReportHtml.table(h, percentileTable("Market data delay", delay, "ms", 1e6));
            h.append("<div class=\"chart\" id=\"chart-delay\"></div>\n");
        }
        h.append("</section>\n");
    }

    /** The market data delay histogram, or null when the journal's inputs carry no positive delay. */
    private Histogram meaningfulDelay() {
        final Histogram d = recorder.marketDataDelay();
        return d.getTotalCount() > 0 && d.getMaxValue() > 0 ? d : null;
    }

    static ReportTable percentileTable(final String title, final Histogram h, final String unit, final double unitNanos) {
        final List<List<Object>> rows = new ArrayList<>();
        if (h.getTotalCount() > 0) {
            for (final double p : PERCENTILES) {
                rows.add(List.of("p" + ReportText.number(p), h.getValueAtPercentile(p) / unitNanos));
            }
            rows.add(List.of("max", h.getMaxValue() / unitNanos));
            rows.add(List.of("mean", h.getMean() / unitNanos));
        }
        rows.add(List.of("count", h.getTotalCount()));
        return new ReportTable(title, List.of("statistic", unit), rows);
    }

    private ReportTable metricsTable() {
        final List<List<Object>> rows = new ArrayList<>();
        for (final Map.Entry<String, Object> e : MetricsReport.values(result).entrySet()) {
            rows.add(List.of(e.getKey(), e.getValue() instanceof Number n ? n : String.valueOf(e.getValue())));
        }
        return new ReportTable("Backtest metrics (as in metrics.json)", List.of("metric", "value"), rows);
    }

    private ReportTable productsTable() {
        final PositionTracker p = recorder.positions();
        final List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < recorder.instruments(); i++) {
            if (recorder.fills(i) > 0) {
                rows.add(List.of(i < instruments.size() ? instruments.get(i) : "instrument " + i, recorder.fills(i),
                    p.boughtLots(i), p.soldLots(i), p.position(i), p.realisedPnl(i), p.fees(i)));
            }
        }
        return new ReportTable("Fills per product", List.of("product", "fills", "lots bought", "lots sold", "final position",
            "realised PnL", "fees"), rows);
    }

    private static String instant(final long nanos) {
        return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L)).toString();
    }

    private static String duration(final long nanos) {
        final Duration d = Duration.ofNanos(nanos);
        return d.toHours() > 0 ? String.format(Locale.ROOT, "%dh %02dm %02ds", d.toHours(), d.toMinutesPart(), d.toSecondsPart())
            : String.format(Locale.ROOT, "%dm %02d.%03ds", d.toMinutes(), d.toSecondsPart(), d.toMillisPart());
    }
}
