package io.skytrade.core.feature;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

class RollingWindowTest {

    @Test
    void shouldMatchNaiveRecomputationOnRandomWindows() {
        qt().withExamples(300)
            .forAll(integers().between(1, 40), lists().of(doubles().between(-1e6, 1e6)).ofSizeBetween(1, 300))
            .checkAssert((capacity, xs) -> {
                final RollingWindow w = new RollingWindow(2, capacity);
                for (int i = 0; i < xs.size(); i++) {
                    w.add(1, i * 1_000_000_000L, xs.get(i));
                    assertMatchesNaive(w, capacity, xs, i + 1);
                }
                assertEquals(0, w.count(0));
            });
    }

    private static void assertMatchesNaive(final RollingWindow w, final int capacity, final List<Double> xs, final int upto) {
        final int from = Math.max(0, upto - capacity);
        final int n = upto - from;
        double sum = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = from; i < upto; i++) {
            sum += xs.get(i);
            min = Math.min(min, xs.get(i));
            max = Math.max(max, xs.get(i));
        }
        final double mean = sum / n;
        double ss = 0;
        for (int i = from; i < upto; i++) {
            ss += (xs.get(i) - mean) * (xs.get(i) - mean);
        }
        final double var = n < 2 ? 0 : ss / (n - 1);
        assertEquals(n, w.count(1));
        assertEquals(mean, w.mean(1), 1e-9 * (1 + Math.abs(max) + Math.abs(min)));
        assertEquals(var, w.variance(1), 1e-7 * (1 + var + max * max));
        assertEquals(min, w.min(1));
        assertEquals(max, w.max(1));
        assertEquals(xs.get(upto - 1) - xs.get(from), w.momentum(1), 1e-9);
        if (n >= 2) {
            assertEquals((xs.get(upto - 1) - xs.get(from)) / (n - 1), w.rateOfChangePerSecond(1), 1e-6);
        }
    }

    @Test
    void shouldComputeZScoreAgainstWindow() {
        final RollingWindow w = new RollingWindow(1, 4);
        w.add(0, 0, 1);
        w.add(0, 1, 2);
        w.add(0, 2, 3);
        final double sd = Math.sqrt(1.0);
        assertEquals((5 - 2) / sd, w.zScore(0, 5), 1e-12);
    }

    @Test
    void shouldRejectNonFiniteInputWithoutTouchingState() {
        final RollingWindow w = new RollingWindow(1, 4);
        w.add(0, 0, 1.5);
        final long before = w.stateHash();
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> w.add(0, 1, Double.NaN));
        assertTrue(e.getMessage().contains("NaN"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> w.add(0, 1, Double.POSITIVE_INFINITY));
        assertEquals(before, w.stateHash());
        assertEquals(1.5, w.mean(0));
    }
}
