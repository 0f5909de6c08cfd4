package io.skytrade.core.math;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;

class TableExpTest {
    /** Units in the last place of {@code StrictMath.exp(x)} (itself within one of the exact value) between the two. */
    private static double ulps(final double x) {
        final double exact = StrictMath.exp(x);
        return Math.abs(TableExp.exp(x) - exact) / Math.ulp(exact);
    }

    @Test
    void shouldStayWithinTwoUlpsOfStrictMathOverTheWholeRange() {
        final SplittableRandom random = new SplittableRandom(15);
        double worst = 0;
        for (int i = 0; i < 2_000_000; i++) {
            final double x = i % 2 == 0 ? random.nextDouble(-708.0, 709.0) : random.nextDouble(-30.0, 1.0);
            worst = Math.max(worst, ulps(x));
        }
        assertTrue(worst <= 2.0, "worst error " + worst + " ulp");
    }

    @Test
    void shouldMatchStrictMathAtTheEndsAndSpecialValues() {
        assertEquals(1.0, TableExp.exp(0.0));
        assertEquals(1.0, TableExp.exp(-0.0));
        assertEquals(0.0, TableExp.exp(Double.NEGATIVE_INFINITY));
        assertEquals(Double.POSITIVE_INFINITY, TableExp.exp(Double.POSITIVE_INFINITY));
        assertTrue(Double.isNaN(TableExp.exp(Double.NaN)));
        assertEquals(StrictMath.exp(-745.0), TableExp.exp(-745.0));
        assertEquals(StrictMath.exp(710.0), TableExp.exp(710.0));
        assertTrue(ulps(-708.0) <= 2.0 && ulps(709.0) <= 2.0);
    }

    @Test
    void shouldBeWithinTwoUlpsForAnyArgumentInItsTableRange() {
        qt().withExamples(20_000).forAll(doubles().between(-708.0, 709.0))
            .checkAssert(x -> assertTrue(ulps(x) <= 2.0, "exp(" + x + "): " + ulps(x) + " ulp"));
    }

    @Test
    void shouldBeMonotoneOverSmallSteps() {
        double previous = TableExp.exp(-20.0);
        for (double x = -20.0 + 1e-3; x < 1.0; x += 1e-3) {
            final double v = TableExp.exp(x);
            assertTrue(v >= previous, "exp(" + x + ") = " + v + " < " + previous);
            previous = v;
        }
    }
}
