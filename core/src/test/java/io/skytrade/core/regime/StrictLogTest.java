package io.skytrade.core.regime;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;

/** Bits compared with {@code doubleToLongBits}: every NaN counts as one value (fdlibm's NaN payloads are the hardware's). */
class StrictLogTest {
    @Test
    void shouldEqualStrictMathLogBitForBitOnSpecialValues() {
        final double[] special = {0.0, -0.0, 1.0, -1.0, Double.MIN_VALUE, Double.MAX_VALUE, Double.NaN,
            Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MIN_NORMAL, 1e-310, 2.0, 0.5, Math.E,
            Math.nextUp(1.0), Math.nextDown(1.0), 1 + 1e-7, 1 - 1e-7, 0.7071067811865476, 1.4142135623730951};
        for (final double x : special) {
            assertEquals(Double.doubleToLongBits(StrictMath.log(x)), Double.doubleToLongBits(StrictLog.log(x)), "log(" + x + ")");
        }
    }

    @Test
    void shouldEqualStrictMathLogBitForBitOnAMillionDoubles() {
        final SplittableRandom random = new SplittableRandom(20261205);
        for (int t = 0; t < 1_000_000; t++) {
            final double x = switch (t % 4) {
                case 0 -> Double.longBitsToDouble(random.nextLong());
                case 1 -> random.nextDouble();
                case 2 -> 1.0 + (random.nextDouble() - 0.5) * 1e-5;
                default -> Math.exp(random.nextDouble() * 60 - 30);
            };
            final long expected = Double.doubleToLongBits(StrictMath.log(x));
            final long actual = Double.doubleToLongBits(StrictLog.log(x));
            if (expected != actual) {
                assertEquals(expected, actual, "log(" + x + ")");
            }
        }
    }

    @Test
    void shouldEqualStrictMathLogOnAnyDouble() {
        qt().withExamples(10_000).forAll(doubles().any())
            .checkAssert(x -> assertEquals(Double.doubleToLongBits(StrictMath.log(x)), Double.doubleToLongBits(StrictLog.log(x))));
    }
}
