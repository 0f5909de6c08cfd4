/*
 * The algorithms and constants are fdlibm's e_log.c, s_expm1.c and s_tanh.c (fdlibm 5.3), ported to Java:
 * ====================================================
 * Copyright (C) 1993 by Sun Microsystems, Inc. All rights reserved.
 *
 * Developed at SunSoft, a Sun Microsystems, Inc. business.
 * Permission to use, copy, modify, and distribute this
 * software is freely granted, provided that this notice
 * is preserved.
 * ====================================================
 */
package io.skytrade.core.math;

/**
 * {@code log}, {@code expm1} and {@code tanh} bit for bit as {@link StrictMath}'s (which is specified to
 * return fdlibm's results), in Java: on Java 17 these three are JNI natives in {@code StrictMath}
 * (a native transition per call, tens of nanoseconds on the book path's stages), where {@code exp}
 * is already Java. Java's strict IEEE arithmetic makes the port's results those of fdlibm;
 * {@code FdlibmPortTest} compares each with {@code StrictMath} over special values, millions of
 * random doubles in the ranges each branch covers, and a QuickTheories property over any double.
 *
 * <p>Stateless. Hot-path cost: a few dozen floating-point operations a call, no allocation.
 */
public final class FdlibmPort {
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

    private static final double HUGE = 1.0e+300;
    private static final double TINY = 1.0e-300;
    private static final double O_THRESHOLD = 7.09782712893383973096e+02;
    private static final double INV_LN2 = 1.44269504088896338700e+00;
    private static final double Q1 = -3.33333333333331316428e-02;
    private static final double Q2 = 1.58730158725481460165e-03;
    private static final double Q3 = -7.93650757867487942473e-05;
    private static final double Q4 = 4.00821782732936239552e-06;
    private static final double Q5 = -2.01099218183624371326e-07;

    private FdlibmPort() {
    }

    /** {@code log(x)}, identical to {@link StrictMath#log} for every argument (any NaN for NaN results). */
    public static double log(final double value) {
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

    /** {@code exp(x) - 1}, identical to {@link StrictMath#expm1} for every argument (any NaN for NaN results). */
    public static double expm1(final double value) {
        double x = value;
        final long bits = Double.doubleToRawLongBits(x);
        int hx = (int) (bits >> 32);
        final boolean negative = hx < 0;
        hx &= 0x7fffffff;
        // huge and non-finite arguments
        if (hx >= 0x4043687A) {
            if (hx >= 0x40862E42) {
                if (hx >= 0x7ff00000) {
                    if (((hx & 0xfffff) | (int) bits) != 0) {
                        return x + x;
                    }
                    return negative ? -1.0 : x;
                }
                if (x > O_THRESHOLD) {
                    return HUGE * HUGE;
                }
            }
            if (negative && x + TINY < 0.0) {
                return TINY - 1.0;
            }
        }
        // argument reduction
        final int k;
        double c = 0.0;
        if (hx > 0x3fd62e42) {
            final double hi;
            final double lo;
            if (hx < 0x3FF0A2B2) {
                if (!negative) {
                    hi = x - LN2_HI;
                    lo = LN2_LO;
                    k = 1;
                } else {
                    hi = x + LN2_HI;
                    lo = -LN2_LO;
                    k = -1;
                }
            } else {
                k = (int) (INV_LN2 * x + (negative ? -0.5 : 0.5));
                final double t = k;
                hi = x - t * LN2_HI;
                lo = t * LN2_LO;
            }
            x = hi - lo;
            c = (hi - x) - lo;
        } else if (hx < 0x3c900000) {
            return x;
        } else {
            k = 0;
        }
        // x is now in the primary range
        final double hfx = 0.5 * x;
        final double hxs = x * hfx;
        final double r1 = 1.0 + hxs * (Q1 + hxs * (Q2 + hxs * (Q3 + hxs * (Q4 + hxs * Q5))));
        double t = 3.0 - r1 * hfx;
        double e = hxs * ((r1 - t) / (6.0 - x * t));
        if (k == 0) {
            return x - (x * e - hxs);
        }
        e = x * (e - c) - c;
        e -= hxs;
        if (k == -1) {
            return 0.5 * (x - e) - 0.5;
        }
        if (k == 1) {
            return x < -0.25 ? -2.0 * (e - (x + 0.5)) : 1.0 + 2.0 * (x - e);
        }
        final long scale = (long) k << 52;
        if (k <= -2 || k > 56) {
            final double y = 1.0 - (e - x);
            return Double.longBitsToDouble(Double.doubleToRawLongBits(y) + scale) - 1.0;
        }
        double y;
        if (k < 20) {
            t = Double.longBitsToDouble((long) (0x3ff00000 - (0x200000 >> k)) << 32);
            y = t - (e - x);
        } else {
            t = Double.longBitsToDouble((long) ((0x3ff - k) << 20) << 32);
            y = x - (e + t);
            y += 1.0;
        }
        return Double.longBitsToDouble(Double.doubleToRawLongBits(y) + scale);
    }

    /** Hyperbolic tangent, identical to {@link StrictMath#tanh} for every argument (any NaN for NaN results). */
    public static double tanh(final double x) {
        final int jx = (int) (Double.doubleToRawLongBits(x) >> 32);
        final int ix = jx & 0x7fffffff;
        if (ix >= 0x7ff00000) {
            return jx >= 0 ? 1.0 / x + 1.0 : 1.0 / x - 1.0;
        }
        final double z;
        if (ix < 0x40360000) {
            if (ix < 0x3c800000) {
                return x * (1.0 + x);
            }
            if (ix >= 0x3ff00000) {
                final double t = expm1(2.0 * Math.abs(x));
                z = 1.0 - 2.0 / (t + 2.0);
            } else {
                final double t = expm1(-2.0 * Math.abs(x));
                z = -t / (t + 2.0);
            }
        } else {
            z = 1.0 - TINY;
        }
        return jx >= 0 ? z : -z;
    }
}
