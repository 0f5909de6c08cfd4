package io.skytrade.engine.evaluate;

import org.apache.commons.math3.distribution.NormalDistribution;

import java.util.List;

/**
 * How well one product's fair value predicted its settlement at one horizon, over every session
 * evaluated, beside the book mid and the mid's running mean: root mean square errors, bias, the
 * calibration of the stated standard deviation (RMS of (fair - settlement) / std, 1 when the std
 * is right, above 1 when over-confident) and the share of settlements inside the central 80%
 * interval fair +- 1.2816 std. Only samples where the fair value, the mid and the running mean
 * were all known are compared (the rest are counted in {@code missing}), so the three RMSEs are
 * over the same sessions. Immutable; offline.
 *
 * @param n          samples compared
 * @param missing    samples left out (a value not known yet at that horizon)
 * @param rmseFair   RMSE of the fair value
 * @param bias       mean of fair value - settlement
 * @param rmseMid    RMSE of the book mid
 * @param rmseMean   RMSE of the mid's running mean
 * @param rmsZ       RMS of the standardised error
 * @param coverage80 share of settlements within the 80% interval
 */
public record FairValueAccuracy(int n, int missing, double rmseFair, double bias, double rmseMid, double rmseMean,
                                double rmsZ, double coverage80) {
    /** Half-width of the central 80% interval of a normal distribution, in standard deviations. */
    public static final double Z80 = new NormalDistribution(null, 0, 1).inverseCumulativeProbability(0.9);

    /** The accuracy over {@code samples} (all of one product and one horizon). */
    public static FairValueAccuracy of(final List<FairValueSample> samples) {
        int n = 0;
        double e2 = 0;
        double e = 0;
        double m2 = 0;
        double r2 = 0;
        double z2 = 0;
        int inside = 0;
        for (final FairValueSample s : samples) {
            if (!Double.isFinite(s.fair()) || !Double.isFinite(s.mid()) || !Double.isFinite(s.mean())) {
                continue;
            }
            n++;
            final double err = s.fair() - s.settlement();
            e += err;
            e2 += err * err;
            m2 += (s.mid() - s.settlement()) * (s.mid() - s.settlement());
            r2 += (s.mean() - s.settlement()) * (s.mean() - s.settlement());
            final double z = s.z();
            z2 += z * z;
            if (Math.abs(err) <= Z80 * s.std()) {
                inside++;
            }
        }
        if (n == 0) {
            return new FairValueAccuracy(0, samples.size(), Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        return new FairValueAccuracy(n, samples.size() - n, Math.sqrt(e2 / n), e / n, Math.sqrt(m2 / n), Math.sqrt(r2 / n),
            Math.sqrt(z2 / n), (double) inside / n);
    }

    /** RMSE of the fair value over that of the mid (below 1: the fair value is the better estimate). */
    public double fairOverMid() {
        return rmseFair / rmseMid;
    }

    /** True when the mid's running mean had the smaller RMSE. */
    public boolean meanBeatsFair() {
        return rmseMean < rmseFair;
    }
}
