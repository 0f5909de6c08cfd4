package io.skytrade.engine.evaluate;

import io.skytrade.core.calibration.ForecastCalibration;

import java.util.List;

/**
 * How well one product's fair value predicted its settlement at one horizon, over every session
 * evaluated, beside the book mid and the mid's running mean: root mean square errors, bias, the
 * calibration of the stated standard deviation (RMS of (fair - settlement) / std, 1 when the std
 * is right, above 1 when over-confident) and the share of settlements inside the central 80%
 * interval fair +- {@value ForecastCalibration#Z80} std, all computed by {@link ForecastCalibration}
 * (the fair value with its std, the mid and its running mean as point forecasts). Only samples
 * where the fair value (with a finite std), the mid and the running mean were all known are
 * compared (the rest are counted in {@code missing}), so the three RMSEs are over the same
 * sessions. Immutable; offline.
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
    private static final int FAIR = 0;
    private static final int MID = 1;
    private static final int MEAN = 2;

    /** The accuracy over {@code samples} (all of one product and one horizon). */
    public static FairValueAccuracy of(final List<FairValueSample> samples) {
        final ForecastCalibration table = new ForecastCalibration(List.of("fair", "mid", "mean"), List.of("horizon"));
        for (final FairValueSample s : samples) {
            if (Double.isFinite(s.fair()) && Double.isFinite(s.std()) && s.std() >= 0 && Double.isFinite(s.mid())
                && Double.isFinite(s.mean())) {
                table.add(FAIR, 0, s.fair(), s.std(), s.settlement());
                table.addPoint(MID, 0, s.mid(), s.settlement());
                table.addPoint(MEAN, 0, s.mean(), s.settlement());
            }
        }
        final int n = (int) table.count(FAIR, 0);
        if (n == 0) {
            return new FairValueAccuracy(0, samples.size(), Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        return new FairValueAccuracy(n, samples.size() - n, table.rmse(FAIR, 0), table.bias(FAIR, 0), table.rmse(MID, 0),
            table.rmse(MEAN, 0), table.rmsZ(FAIR, 0), table.coverage80(FAIR, 0));
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
