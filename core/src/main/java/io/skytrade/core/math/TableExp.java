package io.skytrade.core.math;

/**
 * {@code exp(x)} within two units in the last place of the exact value, several times cheaper than
 * {@link StrictMath#exp}: {@code x = (64k + j) ln2/64 + r} with {@code |r| <= ln2/128} (Cody-Waite
 * reduction), {@code exp(x) = 2^k * 2^(j/64) * exp(r)}, the 64 values {@code 2^(j/64)} computed once
 * by {@link StrictMath#pow} and {@code exp(r)} by its Taylor polynomial of degree 6 (truncation below
 * 1e-19 relative). Only IEEE additions and multiplications, so the result is the same on every JVM
 * (Java 17's arithmetic is strict), but it is not {@code StrictMath.exp}'s bit pattern: for models
 * whose decision can live with a last-bit difference, not for code that must match fdlibm.
 * {@code TableExpTest} bounds the error against {@link StrictMath#exp} over the whole range.
 *
 * <p>Stateless (a 512-byte table). Hot-path cost: a dozen flops and one table load, no branch
 * taken for arguments in [-708, 709], no allocation.
 */
public final class TableExp {
    private static final double INV_STEP = 64.0 / 0.6931471805599453;
    /** ln2/64 in two parts (fdlibm's ln2_hi and ln2_lo over 64): {@code n * STEP_HI} is exact for |n| < 2^32. */
    private static final double STEP_HI = 6.93147180369123816490e-01 / 64.0;
    private static final double STEP_LO = 1.90821492927058770002e-10 / 64.0;
    private static final double[] TWO_TO_J_64 = new double[64];

    static {
        for (int j = 0; j < 64; j++) {
            TWO_TO_J_64[j] = StrictMath.pow(2.0, j / 64.0);
        }
    }

    private TableExp() {
    }

    /** {@code e^x}; NaN for NaN, 0 and infinity at the ends as {@link StrictMath#exp} gives them. */
    public static double exp(final double x) {
        if (!(x >= -708.0 && x <= 709.0)) {
            return StrictMath.exp(x);
        }
        final long n = Math.round(x * INV_STEP);
        final double r = (x - n * STEP_HI) - n * STEP_LO;
        final double p = 1.0 + r * (1.0 + r * (0.5 + r * (1.0 / 6 + r * (1.0 / 24 + r * (1.0 / 120 + r * (1.0 / 720))))));
        final double scale = Double.longBitsToDouble(((n >> 6) + 1023) << 52);
        return TWO_TO_J_64[(int) (n & 63)] * p * scale;
    }
}
