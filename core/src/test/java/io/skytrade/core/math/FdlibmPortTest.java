package io.skytrade.core.math;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;

/**
 * Each port against {@link StrictMath} (JNI fdlibm on Java 17), bits compared with
 * {@code doubleToLongBits}: every NaN counts as one value (fdlibm's NaN payloads are the hardware's).
 */
class FdlibmPortTest {
    private static final double[] SPECIAL = {0.0, -0.0, 1.0, -1.0, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MAX_VALUE,
        -Double.MAX_VALUE, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MIN_NORMAL, 1e-310, 2.0, 0.5,
        Math.E, Math.nextUp(1.0), Math.nextDown(1.0), 1 + 1e-7, 1 - 1e-7, 0.7071067811865476, 1.4142135623730951,
        // expm1's branch points: 0.5 ln2, 1.5 ln2, 56 ln2, the overflow threshold, 2^-54; tanh's 22, 2^-55, 1
        0.34657359027997264, -0.34657359027997264, 1.0397207708399179, -1.0397207708399179, 38.816242111356935,
        -38.816242111356935, 7.09782712893383973096e+02, Math.nextUp(7.09782712893383973096e+02), 709.0, -709.0, 710.0,
        -745.2, 0x1p-54, -0x1p-54, 0x1p-55, -0x1p-55, 0x1p-56, 22.0, -22.0, Math.nextDown(22.0), 0.25, -0.25, -0.2500001,
        13.862943611198906, 14.556090791758852, 39.5, -1e-20, 1e-20};

    @Test
    void shouldEqualStrictMathBitForBitOnSpecialValues() {
        for (final double x : SPECIAL) {
            same("log", StrictMath::log, FdlibmPort::log, x);
            same("expm1", StrictMath::expm1, FdlibmPort::expm1, x);
            same("tanh", StrictMath::tanh, FdlibmPort::tanh, x);
            same("expm1", StrictMath::expm1, FdlibmPort::expm1, Math.nextUp(x));
            same("expm1", StrictMath::expm1, FdlibmPort::expm1, Math.nextDown(x));
            same("tanh", StrictMath::tanh, FdlibmPort::tanh, Math.nextUp(x));
            same("tanh", StrictMath::tanh, FdlibmPort::tanh, Math.nextDown(x));
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
            same("log", StrictMath::log, FdlibmPort::log, x);
        }
    }

    /** Every reduction branch of expm1 (k = 0, +-1, 2..19, 20..56, beyond; both signs), and tanh's three ranges. */
    @Test
    void shouldEqualStrictMathExpm1AndTanhBitForBitOnTwoMillionDoublesEach() {
        final SplittableRandom random = new SplittableRandom(15);
        for (int t = 0; t < 2_000_000; t++) {
            final double sign = random.nextBoolean() ? 1.0 : -1.0;
            final double x = switch (t % 6) {
                case 0 -> Double.longBitsToDouble(random.nextLong());
                case 1 -> sign * random.nextDouble();
                case 2 -> sign * random.nextDouble() * 2.0;
                case 3 -> sign * random.nextDouble() * 50.0;
                case 4 -> sign * random.nextDouble() * 800.0;
                default -> sign * Math.exp(random.nextDouble() * 80 - 70);
            };
            same("expm1", StrictMath::expm1, FdlibmPort::expm1, x);
            same("tanh", StrictMath::tanh, FdlibmPort::tanh, x);
        }
    }

    @Test
    void shouldEqualStrictMathOnAnyDouble() {
        qt().withExamples(10_000).forAll(doubles().any()).checkAssert(x -> {
            same("log", StrictMath::log, FdlibmPort::log, x);
            same("expm1", StrictMath::expm1, FdlibmPort::expm1, x);
            same("tanh", StrictMath::tanh, FdlibmPort::tanh, x);
        });
    }

    private static void same(final String name, final DoubleUnaryOperator expected, final DoubleUnaryOperator actual,
                             final double x) {
        final long e = Double.doubleToLongBits(expected.applyAsDouble(x));
        final long a = Double.doubleToLongBits(actual.applyAsDouble(x));
        if (e != a) {
            assertEquals(e, a, name + "(" + x + ") = " + expected.applyAsDouble(x) + ", port " + actual.applyAsDouble(x));
        }
    }
}
