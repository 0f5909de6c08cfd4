package io.skytrade.engine.evaluate;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * The mean of a sample with its uncertainty: sample standard deviation (n - 1 denominator), the
 * t-statistic of the mean against zero (mean / (sd / sqrt(n))) and the two-sided 95% confidence
 * interval from Student's t distribution with n - 1 degrees of freedom. Used for daily PnL and for
 * paired differences (configuration B minus A on the same seeds and days). With fewer than two
 * values the spread, t and interval are NaN. Immutable; offline.
 *
 * @param n      number of values
 * @param mean   their mean
 * @param sd     sample standard deviation
 * @param t      mean / standard error (NaN when sd is 0 or n &lt; 2)
 * @param ciLow  lower end of the 95% interval of the mean
 * @param ciHigh upper end
 */
public record MeanEstimate(int n, double mean, double sd, double t, double ciLow, double ciHigh) {
    /** Confidence level of the interval. */
    public static final double CONFIDENCE = 0.95;

    /** The estimate from {@code values} (empty: n 0 and every figure NaN). */
    public static MeanEstimate of(final double[] values) {
        final int n = values.length;
        if (n == 0) {
            return new MeanEstimate(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double sum = 0;
        for (final double v : values) {
            sum += v;
        }
        final double mean = sum / n;
        if (n < 2) {
            return new MeanEstimate(n, mean, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double squares = 0;
        for (final double v : values) {
            squares += (v - mean) * (v - mean);
        }
        final double sd = Math.sqrt(squares / (n - 1));
        final double se = sd / Math.sqrt(n);
        final double q = new TDistribution(null, n - 1).inverseCumulativeProbability(0.5 + CONFIDENCE / 2);
        return new MeanEstimate(n, mean, sd, se > 0 ? mean / se : Double.NaN, mean - q * se, mean + q * se);
    }
}
