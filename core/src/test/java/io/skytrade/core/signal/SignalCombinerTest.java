package io.skytrade.core.signal;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;

class SignalCombinerTest {

    @Test
    void shouldStayWithinMinusOneAndOneForAnyInputsAndWeights() {
        qt().withExamples(500)
            .forAll(doubles().any(), doubles().any(), doubles().any(), doubles().between(-1e6, 1e6))
            .checkAssert((m, mom, sur, w) -> {
                final SignalCombiner c = new SignalCombiner(new SignalParams(w, -w, w / 2, Math.abs(w) + 1e-6, 4.0, 1));
                final double s = c.combine(m, mom, sur);
                assertTrue(s >= -1.0 && s <= 1.0, "signal " + s);
            });
        final SignalCombiner c = new SignalCombiner(SignalParams.defaults());
        assertEquals(0.0, c.combine(Double.NaN, Double.NaN, Double.NaN));
        assertTrue(c.combine(Double.POSITIVE_INFINITY, 0, 0) <= 1.0);
        assertTrue(c.combine(Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY) >= -1.0);
    }

    @Test
    void shouldIncreaseWithMispricing() {
        final SignalCombiner c = new SignalCombiner(SignalParams.defaults());
        assertTrue(c.combine(2, 0, 0) > c.combine(1, 0, 0));
        assertTrue(c.combine(-1, 0, 0) < 0);
        final double x = 0.5 * 0.6 * 4;
        assertEquals(x * (27 + x * x) / (27 + 9 * x * x), c.combine(100, 0, 0), 1e-15);
    }

    @Test
    void shouldSquashLikeTanhMonotonicallyWithinTwoAndAHalfHundredthsAndOddly() {
        double previous = -1.0;
        for (double x = -10.0; x <= 10.0; x += 1e-4) {
            final double s = SignalCombiner.squash(x);
            assertTrue(s >= previous, "squash(" + x + ") = " + s + " below " + previous);
            assertEquals(StrictMath.tanh(x), s, 0.024, "squash(" + x + ")");
            assertEquals(-s, SignalCombiner.squash(-x));
            previous = s;
        }
        assertEquals(1.0, SignalCombiner.squash(3.0));
        assertEquals(1.0, SignalCombiner.squash(Double.POSITIVE_INFINITY));
        assertEquals(-1.0, SignalCombiner.squash(-3.0));
        assertEquals(0.0, SignalCombiner.squash(Double.NaN));
        assertEquals(1e-9, SignalCombiner.squash(1e-9), 1e-24);
    }

    @Test
    void shouldComputeMispricingZScore() {
        assertEquals(100 / Math.sqrt(30 * 30 + 40 * 40), Mispricing.zScore(1100, 30, 1000, 40, 0), 1e-12);
        assertEquals(0.0, Mispricing.zScore(1100, 0, 1000, 0, 0));
        assertEquals(0.0, Mispricing.zScore(Double.NaN, 1, 1000, 1, 1));
    }

    @Test
    void shouldValidateParamsNamingKey() {
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> new SignalParams(0.5, 0.5, 0.5, -1.0, 4, 1));
        assertEquals("signal.gain: -1.0 must be > 0 and finite", e.getMessage());
    }
}
