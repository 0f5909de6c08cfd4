package io.skytrade.engine.backtest;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Figures of a small equity series checked against values computed by hand (written out below). */
class PerformanceAnalyzerTest {
    private static final long DAY = 86_400_000_000_000L;

    @Test
    void shouldMatchHandComputedFigures() {
        // Daily equity 0, 100, 50, 150, 120 on capital 1000: returns 0.1, -0.05, 0.1, -0.03.
        final long[] t = {0, DAY, 2 * DAY, 3 * DAY, 4 * DAY};
        final double[] equity = {0, 100, 50, 150, 120};
        final long[] position = {1, 1, 0, 2, 0};
        final List<PerformanceAnalyzer.RoundTrip> trips = List.of(
            new PerformanceAnalyzer.RoundTrip(0, 2 * DAY, 50),
            new PerformanceAnalyzer.RoundTrip(3 * DAY, 4 * DAY, -30));
        final PerformanceAnalyzer.Metrics m = PerformanceAnalyzer.analyse(t, equity, position, 1000, trips, 5000, 12.5);
        // mean r = 0.12 / 4 = 0.03; samples per year = 365.25
        assertEquals(0.12, m.totalReturn(), 1e-12);
        assertEquals(0.03 * 365.25, m.annualisedReturn(), 1e-9);
        // sample variance: sum (r - 0.03)^2 = 0.0049 + 0.0064 + 0.0049 + 0.0036 = 0.0198; / 3 = 0.0066
        assertEquals(Math.sqrt(0.0066 * 365.25), m.annualisedVolatility(), 1e-9);
        assertEquals(0.03 * 365.25 / Math.sqrt(0.0066 * 365.25), m.sharpe(), 1e-9);
        // downside: (0.0025 + 0.0009) / 4 = 0.00085
        assertEquals(0.03 * 365.25 / Math.sqrt(0.00085 * 365.25), m.sortino(), 1e-9);
        // peaks: 100 then 150; drawdowns 50 (day 2) and 30 (day 4): max 0.05 of capital, longest 1 day
        assertEquals(0.05, m.maxDrawdown(), 1e-12);
        assertEquals(DAY, m.maxDrawdownNanos());
        assertEquals(0.03 * 365.25 / 0.05, m.calmar(), 1e-9);
        assertEquals(0.5, m.hitRate(), 1e-12);
        assertEquals(50.0 / 30.0, m.profitFactor(), 1e-12);
        assertEquals(5.0, m.turnover(), 1e-12);
        assertEquals(1.5 * DAY, m.averageHoldingNanos(), 1e-3);
        // exposed during days 0-1, 1-2 and 3-4: 3 of 4 days
        assertEquals(0.75, m.exposure(), 1e-12);
        assertEquals(12.5, m.fees(), 1e-12);
    }

    @Test
    void shouldUseOnlyThePastForEveryPrefix() {
        final long[] t = {0, DAY, 2 * DAY, 3 * DAY};
        final double[] a = {0, 100, 50, 150};
        final double[] b = {0, 100, 50, -400};
        final long[] pos = {1, 1, 1, 1};
        final var prefixA = PerformanceAnalyzer.analyse(new long[]{0, DAY, 2 * DAY}, new double[]{0, 100, 50}, new long[]{1, 1, 1},
            1000, List.of(), 0, 0);
        final var prefixB = PerformanceAnalyzer.analyse(new long[]{0, DAY, 2 * DAY}, new double[]{b[0], b[1], b[2]},
            new long[]{1, 1, 1}, 1000, List.of(), 0, 0);
        assertEquals(prefixA, prefixB, "changing a future sample leaves the figures up to the past unchanged");
        assertEquals(0.15, PerformanceAnalyzer.analyse(t, a, pos, 1000, List.of(), 0, 0).totalReturn(), 1e-12);
    }

    @Test
    void shouldRejectBadInput() {
        assertThrows(IllegalArgumentException.class, () -> PerformanceAnalyzer.analyse(new long[]{0}, new double[]{0},
            new long[]{0}, 1, List.of(), 0, 0));
        assertThrows(IllegalArgumentException.class, () -> PerformanceAnalyzer.analyse(new long[]{0, 0}, new double[]{0, 1},
            new long[]{0, 0}, 1, List.of(), 0, 0));
        assertThrows(IllegalArgumentException.class, () -> PerformanceAnalyzer.analyse(new long[]{0, 1}, new double[]{0, 1},
            new long[]{0, 0}, 0, List.of(), 0, 0));
    }
}
