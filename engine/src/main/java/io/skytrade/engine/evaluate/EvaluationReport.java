package io.skytrade.engine.evaluate;

import io.skytrade.engine.backtest.report.ReportAssets;
import io.skytrade.engine.backtest.report.ReportHtml;
import io.skytrade.engine.backtest.report.ReportTable;
import io.skytrade.engine.backtest.report.ReportText;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code evaluation.html} (and {@code comparison.html}): one self-contained page in the backtest
 * report's style (its stylesheet, table and card pieces, and uPlot, all inlined; no network) with
 * the figures across days as cards, charts of the days' equity laid end to end and of each day's
 * PnL, and every table {@code evaluate} prints. A comparison page draws A and B together and adds
 * the paired tables. The page depends only on the results (no clock). Offline.
 */
public final class EvaluationReport {
    /** File name of an evaluation's page. */
    public static final String FILE = "evaluation.html";
    /** File name of a comparison's page. */
    public static final String COMPARISON_FILE = "comparison.html";

    private EvaluationReport() {
    }

    /** The page of one evaluation. */
    public static String html(final Evaluation.Result r) {
        final StringBuilder h = start("Evaluation: " + EvaluationTables.describe(r.plan(), r.skill()));
        h.append("<p class=\"lead\">Simulated days of the seeded world, the simulator's venue and the whole engine, run")
            .append(" in-process on a virtual clock: ").append(ReportText.html(EvaluationTables.describe(r.plan(), r.skill())))
            .append(".</p>\n<div class=\"cards\">\n");
        cards(h, r.summary());
        h.append("</div>\n</header>\n");
        charts(h);
        h.append("<section id=\"tables\">\n<h2>Tables</h2>\n");
        for (final ReportTable t : EvaluationTables.all(r)) {
            ReportHtml.table(h, t);
        }
        h.append("</section>\n");
        return finish(h, configJson("", r.summary()), r.summary());
    }

    /** The page of a comparison: A and B drawn together, then the paired tables and each one's tables. */
    public static String html(final PairedComparison c) {
        final String what = EvaluationTables.describe(c.a().plan(), c.a().skill());
        final StringBuilder h = start("Comparison B - A: " + what);
        h.append("<p class=\"lead\">Configuration B against configuration A on the same seeds and days (").append(ReportText.html(what))
            .append("), paired by seed and day.</p>\n<div class=\"cards\">\n");
        ReportHtml.card(h, "Daily PnL B - A", c.dailyPnl().mean(), "mean, price units");
        ReportHtml.card(h, "t of B - A", c.dailyPnl().t(), c.dailyPnl().n() + " paired days");
        ReportHtml.card(h, "95% low", c.dailyPnl().ciLow(), "of the mean difference");
        ReportHtml.card(h, "95% high", c.dailyPnl().ciHigh(), "of the mean difference");
        h.append("</div>\n</header>\n");
        charts(h);
        h.append("<section id=\"tables\">\n<h2>Paired differences</h2>\n");
        ReportHtml.table(h, c.pnlTable());
        ReportHtml.table(h, c.fairTable());
        h.append("<h2>A</h2>\n");
        for (final ReportTable t : EvaluationTables.all(c.a())) {
            ReportHtml.table(h, t);
        }
        h.append("<h2>B</h2>\n");
        for (final ReportTable t : EvaluationTables.all(c.b())) {
            ReportHtml.table(h, t);
        }
        h.append("</section>\n");
        return finish(h, configJson("A", c.a().summary()) + "," + configJson("B", c.b().summary()), c.a().summary());
    }

    /** Writes {@code html} as {@code name} into {@code dir} and returns its path. */
    public static Path write(final String html, final Path dir, final String name) {
        final Path file = dir.resolve(name);
        try {
            Files.createDirectories(dir);
            Files.writeString(file, html, StandardCharsets.UTF_8);
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
        return file;
    }

    private static StringBuilder start(final String title) {
        final StringBuilder h = new StringBuilder(1 << 18);
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
            .append(ReportText.html(title)).append("</title>\n")
            .append("<script>window.addEventListener('error', function (e) {")
            .append(" document.documentElement.setAttribute('data-report-error', String(e.message)); });</script>\n")
            .append("<style>").append(ReportAssets.uPlotStyle()).append("</style>\n")
            .append("<style>").append(ReportAssets.reportStyle()).append("</style>\n")
            .append("</head>\n<body>\n<header>\n<h1>").append(ReportText.html(title)).append("</h1>\n");
        return h;
    }

    private static void cards(final StringBuilder h, final EvaluationSummary s) {
        ReportHtml.card(h, "Mean daily PnL", s.dailyPnl().mean(), s.days().size() + " days, price units");
        ReportHtml.card(h, "t of the mean", s.dailyPnl().t(), "mean / (sd / sqrt n)");
        ReportHtml.card(h, "Sharpe", s.sharpe(), "from daily PnL, x sqrt 365.25");
        ReportHtml.card(h, "Max drawdown", 100 * s.maxDrawdown(), "% of capital");
        ReportHtml.card(h, "Total PnL", s.totalPnl(), "price units");
        ReportHtml.card(h, "Fills", s.fills(), ReportText.number(s.orders()) + " orders");
    }

    private static void charts(final StringBuilder h) {
        h.append("<nav><a href=\"#equity\">Equity</a> <a href=\"#daily\">Daily PnL</a> <a href=\"#tables\">Tables</a></nav>\n");
        ReportHtml.section(h, "equity", "Equity", "Marked-to-market equity from the engine's position book, every sample"
            + " interval, each day starting where the previous one ended (seed by seed, day by day).", "chart-equity");
        ReportHtml.section(h, "daily", "Daily PnL", "Each day's change of equity, in the same order.", "chart-daily");
    }

    private static String configJson(final String label, final EvaluationSummary s) {
        final StringBuilder sb = new StringBuilder("{\"label\":");
        ReportText.jsonString(sb, label.isEmpty() ? "" : label).append(",\"equity\":[");
        final double[] curve = s.concatenatedEquity();
        for (int i = 0; i < curve.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            ReportText.jsonNumber(sb, curve[i], 2);
        }
        sb.append("],\"daily\":[");
        final List<DayResult> days = s.days();
        for (int d = 0; d < days.size(); d++) {
            if (d > 0) {
                sb.append(',');
            }
            ReportText.jsonNumber(sb, days.get(d).pnl(), 2);
        }
        return sb.append("]}").toString();
    }

    private static String finish(final StringBuilder h, final String configs, final EvaluationSummary s) {
        final long day = 86_400_000_000_000L;
        h.append("<script type=\"application/json\" id=\"evaluation-data\">{\"samplesPerDay\":")
            .append(day / s.sampleInterval()).append(",\"configs\":[").append(configs).append("]}</script>\n")
            .append("<script>").append(ReportAssets.uPlotScript()).append("</script>\n")
            .append("<script>").append(ReportAssets.evaluationScript()).append("</script>\n</body>\n</html>\n");
        return h.toString();
    }
}
