package io.skytrade.core.math;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LongRoundingTest {
    private static void same(final double x) {
        assertEquals((long) Math.floor(x), LongRounding.floor(x), () -> "floor " + x);
        assertEquals((long) Math.ceil(x), LongRounding.ceil(x), () -> "ceil " + x);
    }

    @Test
    void shouldRoundAsTheCastOfMathFloorAndCeilAtTheEdges() {
        final double[] edges = {0.0, -0.0, 0.5, -0.5, 1.0, -1.0, 2.5, -2.5, 1e-300, -1e-300, Double.MIN_VALUE, -Double.MIN_VALUE,
            Math.nextDown(1.0), Math.nextUp(-1.0), 4503599627370495.5, -4503599627370495.5, 9007199254740993.0,
            0x1p62, -0x1p62, Math.nextDown(0x1p63), Math.nextUp(-0x1p63), 0x1p63, -0x1p63, 1e19, -1e19, Double.MAX_VALUE,
            -Double.MAX_VALUE, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN};
        for (final double x : edges) {
            same(x);
            same(Math.nextUp(x));
            same(Math.nextDown(x));
        }
    }

    @Test
    void shouldRoundAsTheCastOfMathFloorAndCeilOnRandomDoubles() {
        final SplittableRandom random = new SplittableRandom(15);
        for (int i = 0; i < 2_000_000; i++) {
            same(Double.longBitsToDouble(random.nextLong()));
            same((random.nextDouble() - 0.5) * Math.scalb(1.0, random.nextInt(70)));
            same(random.nextLong(-1_000_000, 1_000_000) + (random.nextInt(3) - 1) * 0.5);
        }
    }
}
