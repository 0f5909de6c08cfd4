package io.skytrade.core.kalman;

/**
 * Closed-form moments of the continuous-time local linear trend model (level plus an integrated
 * random-walk slope) used by {@link LocalLinearTrendFilter}: the forecast mean and variance of the
 * level, or of a future reading, {@code h} hours after a posterior (level, slope, P). Shared by the
 * filter's prediction and by valuation, which forecasts the unobserved part of a settlement window.
 *
 * <p>Stateless. Hot-path cost: a handful of multiplications.
 */
public final class LocalLinearTrend {
    /** Nanoseconds per hour: the model's time unit. */
    public static final double NANOS_PER_HOUR = 3_600_000_000_000.0;

    private LocalLinearTrend() {
    }

    /** Forecast mean of the level {@code h} hours ahead. */
    public static double mean(final double level, final double slope, final double h) {
        return level + slope * h;
    }

    /**
     * Forecast variance of the level {@code h >= 0} hours ahead: {@code [1 h] P [1 h]' + qL h + qS h^3 / 3}.
     */
    public static double levelVariance(final double p00, final double p01, final double p11,
                                       final double levelNoise, final double slopeNoise, final double h) {
        final double v = p00 + 2.0 * h * p01 + h * h * p11 + levelNoise * h + slopeNoise * h * h * h / 3.0;
        return v > 0.0 ? v : 0.0;
    }

    /**
     * Settlement-horizon forecast mean: the slope is extrapolated at most
     * {@link SeriesNoise#trendHorizonHours()} ahead (a damped trend).
     */
    public static double dampedMean(final double level, final double slope, final SeriesNoise noise, final double h) {
        return level + slope * Math.min(h, noise.trendHorizonHours());
    }

    /**
     * Settlement-horizon forecast variance of the level: the model's variance capped at
     * {@link SeriesNoise#forecastVarianceCap()}.
     */
    public static double cappedLevelVariance(final double p00, final double p01, final double p11,
                                             final SeriesNoise noise, final double h) {
        return Math.min(levelVariance(p00, p01, p11, noise.levelNoisePerHour(), noise.slopeNoisePerHour(), h),
            Math.max(p00, noise.forecastVarianceCap()));
    }

    /** Settlement-horizon forecast variance of a reading: capped level variance plus measurement noise. */
    public static double readingVariance(final double p00, final double p01, final double p11,
                                         final SeriesNoise noise, final double h) {
        return cappedLevelVariance(p00, p01, p11, noise, h) + noise.measurementNoise();
    }
}
