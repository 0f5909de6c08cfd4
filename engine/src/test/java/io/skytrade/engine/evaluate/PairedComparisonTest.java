package io.skytrade.engine.evaluate;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The paired comparison B - A on three hand-made days of two products: daily PnL differences
 * 30, -10 and 40 (mean 20, sd 26.4575, t 1.3093, 95% interval with t(0.975, 2 df) = 4.302653),
 * and fair values whose squared errors are written out by hand.
 */
class PairedComparisonTest {
    private static final long DAY = 86_400_000_000_000L;
    private static final EvaluationPlan PLAN = new EvaluationPlan(List.of(1L, 2L, 3L), 1, LocalDate.of(2026, 1, 10), List.of(12), null, 1, false);
    private static final double T975_DF2 = 4.302652729749464;

    private static DayResult day(final long seed, final double pnlX, final double pnlY, final double fairX) {
        final long start = seed * DAY;
        final List<FairValueSample> fv = new ArrayList<>();
        fv.add(new FairValueSample(start + DAY, 0, 3, fairX, 10, 100, 100, 100));
        fv.add(new FairValueSample(start + DAY, 1, 3, Double.NaN, Double.NaN, 50, 50, 50));
        return new DayResult(seed, 0, start, start + DAY, pnlX + pnlY, new double[] {pnlX, pnlY}, new long[2], new long[2], 0,
            new long[64], List.of(), new long[24], new long[24], new boolean[24], new double[] {0, pnlX + pnlY}, fv, "");
    }

    private static Evaluation.Result result(final List<DayResult> days) {
        return new Evaluation.Result(PLAN, "medium", List.of(), new EvaluationSummary(days, List.of("X", "Y"), 100_000, DAY), 0);
    }

    @Test
    void shouldPairDaysAndSettlementsAndTestTheDifferences() {
        final Evaluation.Result a = result(List.of(day(1, 100, 0, 110), day(2, -50, 5, 90), day(3, 20, 0, 100)));
        final Evaluation.Result b = result(List.of(day(1, 120, 10, 104), day(2, -60, 5, 97), day(3, 60, 0, 101)));
        final PairedComparison c = new PairedComparison(a, b);
        final MeanEstimate d = c.dailyPnl();
        assertEquals(3, d.n());
        assertEquals(20, d.mean(), 1e-12);
        final double sd = Math.sqrt((10 * 10 + 30 * 30 + 20 * 20) / 2.0);
        assertEquals(sd, d.sd(), 1e-12);
        assertEquals(20 / (sd / Math.sqrt(3)), d.t(), 1e-12);
        assertEquals(20 - T975_DF2 * sd / Math.sqrt(3), d.ciLow(), 1e-9);
        assertEquals(20 + T975_DF2 * sd / Math.sqrt(3), d.ciHigh(), 1e-9);
        assertEquals(10.0 / 3, c.productPnl(1).mean(), 1e-12, "Y: +10, 0, 0");

        final PairedComparison.Fair f = c.fair(0, 3);
        assertEquals(3, f.mse().n(), "three settlements with both fair values");
        assertEquals(Math.sqrt((100 + 100 + 0) / 3.0), f.rmseA(), 1e-12);
        assertEquals(Math.sqrt((16 + 9 + 1) / 3.0), f.rmseB(), 1e-12);
        assertEquals(((16 - 100) + (9 - 100) + (1 - 0)) / 3.0, f.mse().mean(), 1e-12, "MSE B - MSE A");
        assertEquals(0, c.fair(1, 3).mse().n(), "no fair value of Y: nothing to pair");
        assertEquals(Double.NaN, c.fair(1, 3).rmseA());
    }

    /** As evaluate runs them: every seed's day starts and settles at the same instant. */
    private static DayResult sameDay(final long seed, final double fairX) {
        final DayResult d = day(seed, 0, 0, fairX);
        final List<FairValueSample> fv = new ArrayList<>();
        for (final FairValueSample s : d.fairValues()) {
            fv.add(new FairValueSample(DAY, s.product(), s.horizon(), s.fair(), s.std(), s.mid(), s.mean(), s.settlement()));
        }
        return new DayResult(seed, 0, 0, DAY, d.pnl(), d.pnlByProduct(), new long[2], new long[2], 0,
            new long[64], List.of(), new long[24], new long[24], new boolean[24], new double[] {0, 0}, fv, "");
    }

    @Test
    void shouldPairFairValuesWithinEachSeedsDayWhenSeedsSettleAtTheSameInstant() {
        final Evaluation.Result a = result(List.of(sameDay(1, 110), sameDay(2, 90), sameDay(3, 100)));
        final Evaluation.Result b = result(List.of(sameDay(1, 104), sameDay(2, 97), sameDay(3, 101)));
        final PairedComparison.Fair f = new PairedComparison(a, b).fair(0, 3);
        assertEquals(3, f.mse().n());
        assertEquals(Math.sqrt((100 + 100 + 0) / 3.0), f.rmseA(), 1e-12);
        assertEquals(Math.sqrt((16 + 9 + 1) / 3.0), f.rmseB(), 1e-12, "each seed's B against its own A, not the last seed's");
        assertEquals(((16 - 100) + (9 - 100) + (1 - 0)) / 3.0, f.mse().mean(), 1e-12);
    }

    @Test
    void shouldRefuseEvaluationsOfDifferentDays() {
        final Evaluation.Result a = result(List.of(day(1, 1, 0, 100), day(2, 1, 0, 100)));
        final Evaluation.Result b = result(List.of(day(1, 1, 0, 100), day(3, 1, 0, 100)));
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new PairedComparison(a, b));
        assertEquals("paired comparison: day 1 is seed 2 in A and seed 3 in B", e.getMessage());
    }
}
