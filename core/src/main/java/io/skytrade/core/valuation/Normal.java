package io.skytrade.core.valuation;

/**
 * Standard normal density and distribution function in double precision. The distribution
 * function uses Hart's rational approximation (algorithm 5666, as given by G. West, "Better
 * approximations to cumulative normal functions", 2005), accurate to about 1e-14 everywhere.
 *
 * <p>Stateless. Hot-path cost: one {@code StrictMath.exp} ({@link #pdf}, {@link #cdf}) or the
 * table-based {@link #gaussian} (about a third of that), and about 15 multiply-adds per call.
 */
public final class Normal {
    private static final double INV_SQRT_2PI = 0.3989422804014327;
    /** 64 / ln 2, and ln 2 / 64 split so that k times the high part is exact (fdlibm's split of ln 2, over 64). */
    private static final double INV_LN2_64 = 64.0 / 0.6931471805599453;
    private static final double LN2_64_HI = 6.93147180369123816490e-01 / 64.0;
    private static final double LN2_64_LO = 1.90821492927058770002e-10 / 64.0;
    /** {@code 2^(j/64)}, j = 0..63. */
    private static final double[] TWO_TO_J64 = new double[64];

    static {
        for (int j = 0; j < 64; j++) {
            TWO_TO_J64[j] = StrictMath.pow(2.0, j / 64.0);
        }
    }

    private Normal() {
    }

    /** Standard normal density at {@code x}. */
    public static double pdf(final double x) {
        return INV_SQRT_2PI * StrictMath.exp(-0.5 * x * x);
    }

    /** Standard normal distribution function at {@code x}; 0 and 1 at the infinities. */
    public static double cdf(final double x) {
        final double ax = Math.abs(x);
        return cdfGivenGaussian(x, ax > 37.0 ? 0.0 : StrictMath.exp(-ax * ax / 2.0));
    }

    /**
     * Standard normal distribution function at {@code x} when the caller already holds
     * {@code gauss = exp(-x^2 / 2)} (the density is {@code gauss / sqrt(2 pi)}): saves the second
     * exponential when both are needed.
     */
    public static double cdfGivenGaussian(final double x, final double gauss) {
        final double ax = Math.abs(x);
        double c;
        if (ax > 37.0 || Double.isNaN(x)) {
            c = 0.0;
        } else {
            final double e = gauss;
            if (ax < 7.07106781186547) {
                double b = 3.52624965998911E-02 * ax + 0.700383064443688;
                b = b * ax + 6.37396220353165;
                b = b * ax + 33.912866078383;
                b = b * ax + 112.079291497871;
                b = b * ax + 221.213596169931;
                b = b * ax + 220.206867912376;
                c = e * b;
                b = 8.83883476483184E-02 * ax + 1.75566716318264;
                b = b * ax + 16.064177579207;
                b = b * ax + 86.7807322029461;
                b = b * ax + 296.564248779674;
                b = b * ax + 637.333633378831;
                b = b * ax + 793.826512519948;
                b = b * ax + 440.413735824752;
                c = c / b;
            } else {
                double b = ax + 0.65;
                b = ax + 4.0 / b;
                b = ax + 3.0 / b;
                b = ax + 2.0 / b;
                b = ax + 1.0 / b;
                c = e / b / 2.506628274631;
            }
        }
        return x > 0.0 ? 1.0 - c : c;
    }

    /**
     * {@code exp(-x^2 / 2)} (0 beyond |x| > 37, as {@link #cdf} takes it) to within a few ulps of
     * {@code StrictMath.exp}: {@code 2^(k/64)} from a table of 64 powers times a degree-6
     * polynomial of the remainder {@code |r| <= ln2/128}, in plain double arithmetic (so the same
     * bits on every JVM), about a third of the cost of {@code StrictMath.exp}.
     */
    public static double gaussian(final double x) {
        if (Math.abs(x) > 37.0) {
            return 0.0;
        }
        return expNonPositive(-0.5 * x * x);
    }

    /**
     * {@code exp(y)} for {@code -700 <= y <= 0} (0 below: such a term is negligible wherever it is
     * added to 1 or more) to within a few ulps of {@code StrictMath.exp}, as {@link #gaussian}
     * computes it: a table of 64 powers of 2 and a degree-6 polynomial, plain double arithmetic.
     */
    static double expNonPositive(final double y) {
        if (y < -700.0) {
            return 0.0;
        }
        final double kd = Math.rint(y * INV_LN2_64);
        final int k = (int) kd;
        final double r = (y - kd * LN2_64_HI) - kd * LN2_64_LO;
        final double p = 1.0 + r * (1.0 + r * (0.5 + r * (1.0 / 6.0 + r * (1.0 / 24.0 + r * (1.0 / 120.0 + r * (1.0 / 720.0))))));
        return TWO_TO_J64[k & 63] * p * Double.longBitsToDouble((long) ((k >> 6) + 1023) << 52);
    }

    /** {@code 1 / sqrt(2 pi)}: the density is this times {@code exp(-x^2 / 2)}. */
    public static double invSqrt2Pi() {
        return INV_SQRT_2PI;
    }
}
