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
 * safeguarded Newton search of typically 3-6 steps (at most 64), each one {@link StrictMath#exp}
 * per part (and a {@link StrictMath#log} per log-normal part); no allocation. Bit-identical across JVMs (StrictMath throughout).
 */
final class TwoPartDistribution {
    private static final int STEPS = 64;
    /**
     * A quantile is returned after a Newton step of less than this share of the standard deviation:
     * Newton converges quadratically, so that step leaves an error of the order of its square (~1e-14).
     */
    private static final double TOLERANCE = 1e-7;
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
     * The {@code q} quantile (0 < q < 1): Newton's method on the distribution function from the
     * usual part's normal-approximation quantile, safeguarded by a bracket that every step
     * narrows (a step leaving it, or a flat stretch between the parts, bisects instead); ends with
     * a Newton step of less than {@link #TOLERANCE} of the spread, or after {@link #STEPS} steps.
     */
    double quantile(final double q) {
        final double spread = Math.sqrt(variance());
        if (spread == 0.0) {
            return mean();
        }
        double lo = Math.min(usual.lowest(), p > 0.0 ? rare.lowest() : Double.POSITIVE_INFINITY);
        double hi = Math.max(usual.mean, p > 0.0 ? rare.mean : usual.mean) + 40.0 * spread;
        if (Double.isInfinite(lo)) {
            lo = Math.min(usual.mean, p > 0.0 ? rare.mean : usual.mean) - 40.0 * spread;
        }
        double x = usual.start(q == 0.5 ? 0.0 : LOGISTIC_SCALE * FdlibmPort.log(q / (1.0 - q)));
        if (!(x > lo && x < hi)) {
            x = 0.5 * (lo + hi);
        }
        for (int i = 0; i < STEPS; i++) {
            final double e = cdfAndDensity(x) - q;
            if (e < 0.0) {
                lo = x;
            } else {
                hi = x;
            }
            final double newton = density > 0.0 ? x - e / density : Double.NaN;
            if (Math.abs(newton - x) <= TOLERANCE * spread) {
                return newton;
            }
            x = newton > lo && newton < hi ? newton : 0.5 * (lo + hi);
        }
        return x;
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

        /** The lowest value the part can take (the shift of a log-normal; minus infinity for a normal with spread). */
        double lowest() {
            return logNormal ? shift : sigma == 0.0 ? mean : Double.NEGATIVE_INFINITY;
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
