package io.skytrade.core.valuation;

/**
 * Standard normal density and distribution function in double precision. The distribution
 * function uses Hart's rational approximation (algorithm 5666, as given by G. West, "Better
 * approximations to cumulative normal functions", 2005), accurate to about 1e-14 everywhere.
 *
 * <p>Stateless. Hot-path cost: one {@code Math.exp} and about 15 multiply-adds per call.
 */
public final class Normal {
    private static final double INV_SQRT_2PI = 0.3989422804014327;

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

    /** {@code 1 / sqrt(2 pi)}: the density is this times {@code exp(-x^2 / 2)}. */
    public static double invSqrt2Pi() {
        return INV_SQRT_2PI;
    }
}
