/*
 * The algorithm and constants are fdlibm's e_log.c, ported to Java:
 * ====================================================
 * Copyright (C) 1993 by Sun Microsystems, Inc. All rights reserved.
 *
 * Developed at SunSoft, a Sun Microsystems, Inc. business.
 * Permission to use, copy, modify, and distribute this
 * software is freely granted, provided that this notice
 * is preserved.
 * ====================================================
 */
package io.skytrade.core.regime;

/**
 * The natural logarithm bit for bit as {@link StrictMath#log} (fdlibm's {@code e_log.c}, which
 * {@code StrictMath} is specified to return), in Java: on Java 17 {@code StrictMath.log} is a JNI
 * native, and the regime's forward step takes four logarithms per book update. Java's strict
 * IEEE arithmetic makes the port's results those of fdlibm; {@code StrictLogTest} compares it with
 * {@code StrictMath.log} over special values and a million random doubles.
 *
 * <p>Stateless. Hot-path cost: one division and a dozen multiply-adds, no allocation.
 */
final class StrictLog {
    private static final double LN2_HI = 6.93147180369123816490e-01;
    private static final double LN2_LO = 1.90821492927058770002e-10;
    private static final double TWO54 = 1.80143985094819840000e+16;
    private static final double LG1 = 6.666666666666735130e-01;
    private static final double LG2 = 3.999999999940941908e-01;
    private static final double LG3 = 2.857142874366239149e-01;
    private static final double LG4 = 2.222219843214978396e-01;
    private static final double LG5 = 1.818357216161805012e-01;
    private static final double LG6 = 1.531383769920937332e-01;
    private static final double LG7 = 1.479819860511658591e-01;

    private StrictLog() {
    }

    /** {@code log(x)}, identical to {@link StrictMath#log} for every argument (any NaN for NaN results). */
    static double log(final double value) {
        double x = value;
        int hx = (int) (Double.doubleToRawLongBits(x) >> 32);
        final int lx = (int) Double.doubleToRawLongBits(x);
        int k = 0;
        if (hx < 0x00100000) {
            if (((hx & 0x7fffffff) | lx) == 0) {
                return Double.NEGATIVE_INFINITY;
            }
            if (hx < 0) {
                return Double.NaN;
            }
            k -= 54;
            x *= TWO54;
            hx = (int) (Double.doubleToRawLongBits(x) >> 32);
        }
        if (hx >= 0x7ff00000) {
            return x + x;
        }
        k += (hx >> 20) - 1023;
        hx &= 0x000fffff;
        int i = (hx + 0x95f64) & 0x100000;
        x = Double.longBitsToDouble((long) (hx | (i ^ 0x3ff00000)) << 32 | Double.doubleToRawLongBits(x) & 0xffffffffL);
        k += i >> 20;
        final double f = x - 1.0;
        final double dk = k;
        if ((0x000fffff & (2 + hx)) < 3) {
            if (f == 0.0) {
                return k == 0 ? 0.0 : dk * LN2_HI + dk * LN2_LO;
            }
            final double r = f * f * (0.5 - 0.33333333333333333 * f);
            return k == 0 ? f - r : dk * LN2_HI - ((r - dk * LN2_LO) - f);
        }
        final double s = f / (2.0 + f);
        final double z = s * s;
        i = hx - 0x6147a;
        final double w = z * z;
        final int j = 0x6b851 - hx;
        final double t1 = w * (LG2 + w * (LG4 + w * LG6));
        final double t2 = z * (LG1 + w * (LG3 + w * (LG5 + w * LG7)));
        i |= j;
        final double r = t2 + t1;
        if (i > 0) {
            final double hfsq = 0.5 * f * f;
            return k == 0 ? f - (hfsq - s * (hfsq + r)) : dk * LN2_HI - ((hfsq - (s * (hfsq + r) + dk * LN2_LO)) - f);
        }
        return k == 0 ? f - s * (f - r) : dk * LN2_HI - ((s * (f - r) - dk * LN2_LO) - f);
    }
}
