package io.skytrade.core.valuation;

import io.skytrade.core.math.FdlibmPort;

/**
 * A forecast distribution with a rare second part: with probability {@code 1 - p} the usual
 * part, with probability {@code p} the rare one (a flight disruption still to come, a pollution
 * spike not yet begun), each a normal or a shifted log-normal given by its mean and variance. Its
 * mean and variance are the mixture's; its quantiles (the central 80% interval the calibration
 * scores) come from the mixture's own distribution function, so a heavy or one-sided tail widens
 * the standard deviation without widening the interval over the usual outcomes.
 *
 * <p>Mutable and reused (one per valuator); single-threaded. Hot-path cost: a quantile is a
 * safeguarded Newton search of typically 5-8 evaluations of the distribution function (at most
 * {@value #STEPS}), each one exponential per part (and a {@link FdlibmPort#log} per log-normal
 * part); no allocation. Bit-identical across JVMs (StrictMath throughout).
 */
final class TwoPartDistribution {
    /** Evaluations at most: bisection alone narrows the Cantelli bracket below {@link #FLOOR} in about 55. */
    private static final int STEPS = 100;
    /**
     * A quantile is returned when its bracket is narrower than this share of the local scale (the
     * spread, or 1 / density where shorter): within it of the point and of the probability.
     */
    private static final double WIDTH = 2e-10;
    /** The least bracket relative to the spread (the jump of a near-point part has no useful local scale). */
    private static final double FLOOR = 1e-13;
    /**
     * A Newton step below this share of the local scale leaves an error of about its square over
     * twice the scale (< 1e-10 of it, half the final bracket): the next point is placed half a
     * bracket beyond Newton's, so that it closes the bracket.
     */
    private static final double VERIFY = 1e-5;
    /** sqrt(3) / pi: the logistic distribution of unit variance, whose quantile is closed-form, starts the search. */
    private static final double LOGISTIC_SCALE = 0.5513288954217921;
    private static final double INV_SQRT_2PI = 0.3989422804014327;

    /** The density at the point of the last {@link #cdfAndDensity}. */
    private double density;

    private double p;
    private final Part usual = new Part();
    private final Part rare = new Part();

    /** Sets the usual part normal, the rare part absent. */
    TwoPartDistribution normal(final double mean, final double variance) {
        usual.normal(mean, variance);
        p = 0.0;
        return this;
    }

    /**
     * Sets the usual part to {@code shift} plus a log-normal of mean {@code mean} and variance
     * {@code variance} (mean > 0), the rare part absent.
     */
    TwoPartDistribution logNormal(final double shift, final double mean, final double variance) {
        usual.logNormal(shift, mean, variance);
        p = 0.0;
        return this;
    }

    /** Adds the rare part: with probability {@code probability}, normal of this mean and variance. */
    TwoPartDistribution withRareNormal(final double probability, final double mean, final double variance) {
        rare.normal(mean, variance);
        p = probability > 0.0 ? Math.min(1.0, probability) : 0.0;
        return this;
    }

    /** Adds the rare part: with probability {@code probability}, {@code shift} plus a log-normal of this mean and variance. */
    TwoPartDistribution withRareLogNormal(final double probability, final double shift, final double mean, final double variance) {
        rare.logNormal(shift, mean, variance);
        p = probability > 0.0 ? Math.min(1.0, probability) : 0.0;
        return this;
    }

    double mean() {
        return p == 0.0 ? usual.mean : (1.0 - p) * usual.mean + p * rare.mean;
    }

    double variance() {
        if (p == 0.0) {
            return usual.variance;
        }
        final double d = rare.mean - usual.mean;
        return (1.0 - p) * usual.variance + p * rare.variance + p * (1.0 - p) * d * d;
    }

    double cdf(final double x) {
        return p == 0.0 ? usual.cdf(x) : (1.0 - p) * usual.cdf(x) + p * rare.cdf(x);
    }

    /**
     * The {@code q} quantile (0 < q < 1), the least x with F(x) >= q: a safeguarded Newton search on
     * the distribution function F. It keeps a bracket lo < x* <= hi with F(lo) < q <= F(hi) (from
     * Cantelli's inequality on the mixture's mean and spread, and the log-normal parts' shift),
     * narrowed by every evaluation; a Newton step leaving the bracket, or not at least halving
     * the step before the last one (a flat stretch between the parts, the jump of a near-point
     * part), bisects instead. It stops only on a bracket narrower than {@link #WIDTH} of the
     * local scale (the spread, or 1 / density where that is shorter, so the probability is as
     * exact as the point), not on a small step: once Newton's step falls below {@link #VERIFY}
     * of that scale the next point is Newton's plus half the width beyond it, which closes the
     * bracket when Newton has converged. Returns Newton's point from the last evaluation when it
     * lies in the final bracket, else the bracket's middle.
     */
    double quantile(final double q) {
        final double spread = Math.sqrt(variance());
        if (spread == 0.0) {
            return mean();
        }
        final double m = mean();
        double lo = Math.max(m - (Math.sqrt(1.0 / q) + 1.0) * spread, p > 0.0 ? Math.min(usual.lowest(), rare.lowest()) : usual.lowest());
        double hi = m + (Math.sqrt(1.0 / (1.0 - q)) + 1.0) * spread;
        double x = usual.start(q == 0.5 ? 0.0 : LOGISTIC_SCALE * FdlibmPort.log(q / (1.0 - q)));
        if (!(x > lo && x < hi)) {
            x = 0.5 * (lo + hi);
        }
        final double floor = FLOOR * spread;
        double step = hi - lo;
        double stepBefore = step;
        for (int i = 0; i < STEPS; i++) {
            final double e = cdfAndDensity(x) - q;
            if (e < 0.0) {
                lo = x;
            } else {
                hi = x;
            }
            final double scale = density > 0.0 ? Math.min(spread, 1.0 / density) : spread;
            final double width = Math.max(WIDTH * scale, floor);
            final double newton = density > 0.0 ? x - e / density : Double.NaN;
            final double mid = 0.5 * (lo + hi);
            if (hi - lo <= width || mid <= lo || mid >= hi) {
                return newton >= lo && newton <= hi ? newton : mid;
            }
            double next;
            if (newton > lo && newton < hi && Math.abs(2.0 * e) <= Math.abs(stepBefore * density)) {
                next = Math.abs(newton - x) <= VERIFY * scale ? newton + (e < 0.0 ? 0.5 : -0.5) * width : newton;
                if (!(next > lo && next < hi)) {
                    next = mid;
                }
            } else {
                next = mid;
            }
            stepBefore = step;
            step = next - x;
            x = next;
        }
        return 0.5 * (lo + hi);
    }

    /** The mixture's distribution function at {@code x}; sets {@link #density} to its density there. */
    private double cdfAndDensity(final double x) {
        final double c = usual.cdfAndDensity(x);
        if (p == 0.0) {
            density = usual.density;
            return c;
        }
        final double cr = rare.cdfAndDensity(x);
        density = (1.0 - p) * usual.density + p * rare.density;
        return (1.0 - p) * c + p * cr;
    }

    /** One part: a normal, or a shifted log-normal (log parameters {@code mu}, {@code sigma}). */
    private static final class Part {
        boolean logNormal;
        double mean;
        double variance;
        double shift;
        double mu;
        double sigma;

        void normal(final double m, final double v) {
            logNormal = false;
            mean = m;
            variance = Math.max(0.0, v);
            sigma = Math.sqrt(variance);
        }

        void logNormal(final double s, final double m, final double v) {
            if (!(m > 0.0)) {
                normal(s + m, v);
                return;
            }
            logNormal = true;
            shift = s;
            mean = s + m;
            variance = Math.max(0.0, v);
            final double s2 = StrictMath.log1p(variance / (m * m));
            sigma = Math.sqrt(s2);
            mu = FdlibmPort.log(m) - 0.5 * s2;
        }

        /** A value below every value the part takes (the shift of a log-normal; minus infinity for a normal, a point included). */
        double lowest() {
            return logNormal ? shift : Double.NEGATIVE_INFINITY;
        }

        /** The part's quantile for a standard normal quantile {@code z} (exact for the part, or the point). */
        double start(final double z) {
            return logNormal ? shift + StrictMath.exp(mu + sigma * z) : mean + sigma * z;
        }

        /** The density at the point of the last {@link #cdfAndDensity}. */
        double density;

        /** The distribution function at {@code x}; sets {@link #density} to the density there (0 for a point). */
        double cdfAndDensity(final double x) {
            if (sigma == 0.0) {
                density = 0.0;
                return cdf(x);
            }
            final double d;
            final double z;
            if (logNormal) {
                if (x <= shift) {
                    density = 0.0;
                    return 0.0;
                }
                d = x - shift;
                z = (FdlibmPort.log(d) - mu) / sigma;
            } else {
                d = 1.0;
                z = (x - mean) / sigma;
            }
            final double gauss = Normal.gaussian(z);
            density = INV_SQRT_2PI * gauss / (sigma * d);
            return Normal.cdfGivenGaussian(z, gauss);
        }

        double cdf(final double x) {
            if (sigma == 0.0) {
                return x >= (logNormal ? shift + StrictMath.exp(mu) : mean) ? 1.0 : 0.0;
            }
            if (logNormal) {
                return x <= shift ? 0.0 : Normal.cdf((FdlibmPort.log(x - shift) - mu) / sigma);
            }
            return Normal.cdf((x - mean) / sigma);
        }
    }
}
