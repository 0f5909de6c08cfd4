package io.skytrade.engine.backtest;

import io.skytrade.engine.backtest.report.ReportTable;
import io.skytrade.engine.backtest.report.ReportTableText;
import io.skytrade.journal.FileErrors;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;


/**
 * Writes a backtest's figures to {@code metrics.json}: the total's, each traded product's under
 * {@code markets} (by symbol, in instrument id order) and, when the source was a live recording,
 * the {@link LiveVsBacktestComparison} under {@code liveVsBacktest}; prints them as tables.
 * Non-finite values (a profit factor with no losing trip, a price difference with no fill) are
 * written as JSON strings ("Infinity", "NaN"). Offline.
 */
public final class MetricsReport {
    /** Written as {@code liveVsBacktest} when only a window of the journal was backtested. */
    public static final String WINDOWED = "not compared: the backtest covers a window of the journal (--from/--to), the live run all of it";
    /** Written as {@code liveVsBacktest} for a backtest run with {@code --no-journal}. */
    public static final String NOT_JOURNALED = "not compared: the backtest ran with --no-journal, so its fills were not journaled";
    /** Written as {@code liveVsBacktest} when the source journal has no order events to compare with. */
    public static final String NO_LIVE_FILLS = "not available: the source journal holds no order events (not a live or demo recording)";

    private MetricsReport() {
    }

    /** The total's figures and counts in a stable order. */
    public static Map<String, Object> values(final BacktestRunner.Result r) {
        final Map<String, Object> v = new LinkedHashMap<>();
        v.put("inputs", r.inputs());
        v.put("replayedInputs", r.replayed());
        v.put("decisions", r.decisions());
        v.put("orders", r.orders());
        v.put("fills", r.fills());
        v.put("eventsPerSecond", r.eventsPerSecond());
        if (r.metrics() != null) {
            v.putAll(figures(r.metrics()));
        }
        v.put("finalEquity", r.sampler().positions().equity());
        return v;
    }

    /** Each traded product's figures by symbol, in instrument id order. */
    public static Map<String, Map<String, Object>> marketValues(final BacktestRunner.Result r) {
        final Map<String, Map<String, Object>> markets = new LinkedHashMap<>();
        for (final MarketFigures m : r.markets()) {
            final Map<String, Object> v = new LinkedHashMap<>();
            v.put("fills", m.fills());
            v.putAll(figures(m.metrics()));
            v.put("finalEquity", m.finalEquity());
            markets.put(m.symbol(), v);
        }
        return markets;
    }

    private static Map<String, Object> figures(final PerformanceAnalyzer.Metrics m) {
        final Map<String, Object> v = new LinkedHashMap<>();
        v.put("totalReturn", m.totalReturn());
        v.put("annualisedReturn", m.annualisedReturn());
        v.put("annualisedVolatility", m.annualisedVolatility());
        v.put("sharpe", m.sharpe());
        v.put("sortino", m.sortino());
        v.put("maxDrawdown", m.maxDrawdown());
        v.put("maxDrawdownSeconds", m.maxDrawdownNanos() / 1e9);
        v.put("calmar", m.calmar());
        v.put("hitRate", m.hitRate());
        v.put("profitFactor", m.profitFactor());
        v.put("turnover", m.turnover());
        v.put("averageHoldingSeconds", m.averageHoldingNanos() / 1e9);
        v.put("exposure", m.exposure());
        v.put("fees", m.fees());
        return v;
    }

    /** The per-market figures as a table (report data): one row per traded product, key figures as columns. */
    public static ReportTable marketTable(final BacktestRunner.Result r) {
        return marketTable(r.markets());
    }

    /** {@code markets} as a table: one row per product, key figures as columns. */
    public static ReportTable marketTable(final List<MarketFigures> markets) {
        final List<List<Object>> rows = new ArrayList<>();
        for (final MarketFigures m : markets) {
            final PerformanceAnalyzer.Metrics x = m.metrics();
            rows.add(List.of(m.symbol(), m.fills(), m.finalEquity(), x.totalReturn(), x.sharpe(), x.sortino(),
                x.maxDrawdown(), x.calmar(), x.hitRate(), x.profitFactor(), x.turnover(), x.averageHoldingNanos() / 1e9,
                x.exposure(), x.fees()));
        }
        return new ReportTable("Per market (returns against the whole backtest capital)",
            List.of("market", "fills", "final pnl", "return", "sharpe", "sortino", "max dd", "calmar", "hit rate",
                "profit factor", "turnover", "avg hold s", "exposure", "fees"),
            rows);
    }

    /** Writes {@code metrics.json} into {@code dir} without a live comparison. */
    public static Path writeJson(final BacktestRunner.Result r, final Path dir) {
        return write(r, dir, null);
    }

    /**
     * Writes {@code metrics.json} into {@code dir}, with {@code comparison} as {@code liveVsBacktest}
     * or, when empty, a note saying why there is none.
     */
    public static Path writeJson(final BacktestRunner.Result r, final Path dir, final Optional<LiveVsBacktestComparison> comparison) {
        return write(r, dir, comparison.<Object>map(LiveVsBacktestComparison::values).orElse(NO_LIVE_FILLS));
    }

    /** Writes {@code metrics.json} into {@code dir}, with {@code note} saying why {@code liveVsBacktest} has no figures. */
    public static Path writeJson(final BacktestRunner.Result r, final Path dir, final String note) {
        return write(r, dir, note);
    }

    private static Path write(final BacktestRunner.Result r, final Path dir, final Object comparison) {
        final Map<String, Object> root = new LinkedHashMap<>(values(r));
        root.put("markets", marketValues(r));
        if (comparison != null) {
            root.put("liveVsBacktest", comparison);
        }
        final Path file = dir.resolve("metrics.json");
        try {
            Files.writeString(file, JsonText.of(root) + "\n", StandardCharsets.UTF_8);
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + FileErrors.describe(e, file), e);
        }
        return file;
    }

    /** Prints the total's figures as an aligned list, then the per-market table. */
    public static void print(final BacktestRunner.Result r, final PrintStream out) {
        for (final var e : values(r).entrySet()) {
            final Object v = e.getValue();
            out.println(String.format(Locale.ROOT, "%-24s %s", e.getKey(),
                v instanceof Double d ? String.format(Locale.ROOT, "%,.6g", d) : String.format(Locale.ROOT, "%,d", (Long) v)));
        }
        if (!r.markets().isEmpty()) {
            out.println();
            ReportTableText.print(marketTable(r), out);
        }
    }
}
