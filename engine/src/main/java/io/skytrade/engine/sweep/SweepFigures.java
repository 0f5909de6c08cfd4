package io.skytrade.engine.sweep;

import io.skytrade.engine.backtest.BacktestRunner;
import io.skytrade.engine.backtest.MetricsReport;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The figures a sweep records of each backtest, in {@code sweep.csv}'s column order: counts and
 * performance figures of {@link MetricsReport#values} (a backtest with too few equity samples for
 * performance figures gets NaN), then the count of stage failures. Wall-clock figures
 * (events per second) are left out so a sweep's results do not depend on the machine or on how
 * many workers ran it. {@code finalEquity} is the marked-to-market PnL (it starts at 0).
 *
 * <p>Offline.
 */
public final class SweepFigures {
    /** Every figure, in column order; {@code rankBy} names one of these. */
    public static final List<String> NAMES = List.of("replayedInputs", "decisions", "orders", "fills", "totalReturn",
        "annualisedReturn", "annualisedVolatility", "sharpe", "sortino", "maxDrawdown", "maxDrawdownSeconds", "calmar",
        "hitRate", "profitFactor", "turnover", "averageHoldingSeconds", "exposure", "fees", "finalEquity",
        "stageFailures");

    private SweepFigures() {
    }

    /** The figures of one backtest, keyed by {@link #NAMES}, each a Long or a Double. */
    public static Map<String, Object> of(final BacktestRunner.Result result) {
        final Map<String, Object> all = MetricsReport.values(result);
        final Map<String, Object> figures = new LinkedHashMap<>();
        for (final String name : NAMES) {
            figures.put(name, all.getOrDefault(name, Double.NaN));
        }
        figures.put("stageFailures", result.stageFailures());
        return figures;
    }

    /** A figure as a double (NaN when absent). */
    public static double value(final Map<String, Object> figures, final String name) {
        final Object v = figures.get(name);
        return v instanceof Number n ? n.doubleValue() : Double.NaN;
    }
}
