package io.skytrade.core.valuation;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;

class NormalTest {
    /** The table-and-polynomial Gaussian against StrictMath.exp, over the whole range the payoffs use. */
    @Test
    void shouldGiveTheGaussianWithinAFewUlpsOfStrictMath() {
        qt().withExamples(20_000).forAll(doubles().between(-37.0, 37.0)).checkAssert(x -> {
            final double expected = StrictMath.exp(-0.5 * x * x);
            assertEquals(expected, Normal.gaussian(x), 4 * Math.ulp(expected), "x " + x);
        });
        final SplittableRandom random = new SplittableRandom(11);
        double worst = 0.0;
        for (int i = 0; i < 1_000_000; i++) {
            final double x = random.nextDouble(0.0, 37.0);
            final double expected = StrictMath.exp(-0.5 * x * x);
            worst = Math.max(worst, Math.abs(Normal.gaussian(x) - expected) / Math.ulp(expected));
        }
        assertTrue(worst <= 4.0, "worst error " + worst + " ulps");
    }

    @Test
    void shouldGiveTheGaussiansExactPointsAndTails() {
        assertEquals(1.0, Normal.gaussian(0.0), 0.0);
        assertEquals(1.0, Normal.gaussian(-0.0), 0.0);
        assertEquals(0.0, Normal.gaussian(37.5), 0.0);
        assertEquals(0.0, Normal.gaussian(Double.NEGATIVE_INFINITY), 0.0);
        assertTrue(Double.isNaN(Normal.gaussian(Double.NaN)));
        assertTrue(Normal.gaussian(37.0) > 0.0, "the last value before the cut is still a normal double");
    }
}
