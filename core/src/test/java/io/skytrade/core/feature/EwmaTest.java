package io.skytrade.core.feature;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.longs;

class EwmaTest {
    private static final long HOUR = 3_600_000_000_000L;

    @Test
    void shouldMoveHalfwayAfterOneHalfLife() {
        final Ewma e = new Ewma(1, HOUR);
        e.update(0, 0, 0.0);
        e.update(0, HOUR, 1.0);
        assertEquals(0.5, e.mean(0), 1e-12);
        e.update(0, 3 * HOUR, 1.0);
        assertEquals(1.0 - 0.5 * 0.25, e.mean(0), 1e-12);
    }

    @Test
    void shouldComposeIrregularIntervalsExactly() {
        qt().withExamples(200)
            .forAll(longs().between(1, 10 * HOUR), longs().between(1, 10 * HOUR), doubles().between(-100, 100), doubles().between(-100, 100))
            .checkAssert((dt1, dt2, start, x) -> {
                final Ewma split = new Ewma(1, HOUR);
                split.update(0, 0, start);
                split.update(0, dt1, x);
                split.update(0, dt1 + dt2, x);
                final Ewma whole = new Ewma(1, HOUR);
                whole.update(0, 0, start);
                whole.update(0, dt1 + dt2, x);
                assertEquals(whole.mean(0), split.mean(0), 1e-9 * (1 + Math.abs(start) + Math.abs(x)));
            });
    }

    @Test
    void shouldTrackVarianceOfAlternatingValues() {
        final Ewma e = new Ewma(1, HOUR);
        for (int i = 0; i < 2000; i++) {
            e.update(0, i * HOUR / 10, i % 2 == 0 ? 1.0 : -1.0);
        }
        assertEquals(0.0, e.mean(0), 0.05);
        assertEquals(1.0, e.variance(0), 0.05);
    }

    @Test
    void shouldIgnoreValuesThatDoNotAdvanceTime() {
        final Ewma e = new Ewma(1, HOUR);
        e.update(0, 10, 1.0);
        e.update(0, 10, 100.0);
        e.update(0, 5, 100.0);
        assertEquals(1.0, e.mean(0));
    }

    @Test
    void shouldRejectNonFiniteInput() {
        final Ewma e = new Ewma(1, HOUR);
        e.update(0, 0, 2.0);
        assertThrows(IllegalArgumentException.class, () -> e.update(0, 1, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> e.update(0, 1, Double.NEGATIVE_INFINITY));
        assertEquals(2.0, e.mean(0));
    }
}
