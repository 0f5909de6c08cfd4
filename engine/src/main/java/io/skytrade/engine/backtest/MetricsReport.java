package io.skytrade.engine.backtest;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a backtest's figures to {@code metrics.json} and prints them as a table. Non-finite
 * values (a profit factor with no losing trip) are written as JSON strings ("Infinity"). Offline.
 */
public final class MetricsReport {
    private MetricsReport() {
    }

    /** The figures and counts in a stable order. */
    public static Map<String, Object> values(final BacktestRunner.Result r) {
        final Map<String, Object> v = new LinkedHashMap<>();
        v.put("inputs", r.inputs());
        v.put("replayedInputs", r.replayed());
        v.put("decisions", r.decisions());
        v.put("orders", r.orders());
        v.put("fills", r.fills());
        v.put("eventsPerSecond", r.eventsPerSecond());
        final PerformanceAnalyzer.Metrics m = r.metrics();
        if (m != null) {
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
        }
        v.put("finalEquity", r.sampler().positions().equity());
        return v;
    }

    /** Writes {@code metrics.json} into {@code dir}. */
    public static Path writeJson(final BacktestRunner.Result r, final Path dir) {
        final StringBuilder sb = new StringBuilder("{\n");
        final var it = values(r).entrySet().iterator();
        while (it.hasNext()) {
            final var e = it.next();
            sb.append("  \"").append(e.getKey()).append("\": ").append(json(e.getValue())).append(it.hasNext() ? ",\n" : "\n");
        }
        sb.append("}\n");
        final Path file = dir.resolve("metrics.json");
        try {
            Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
        return file;
    }

    private static String json(final Object v) {
        if (v instanceof Double d && !Double.isFinite(d)) {
            return "\"" + d + "\"";
        }
        return String.valueOf(v);
    }

    /** Prints the figures as an aligned table. */
    public static void print(final BacktestRunner.Result r, final PrintStream out) {
        for (final var e : values(r).entrySet()) {
            final Object v = e.getValue();
            out.println(String.format(Locale.ROOT, "%-24s %s", e.getKey(),
                v instanceof Double d ? String.format(Locale.ROOT, "%,.6g", d) : String.format(Locale.ROOT, "%,d", (Long) v)));
        }
    }
}
