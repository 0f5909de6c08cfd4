package io.skytrade.core.kalman;

/**
 * Noise model of one data series' local linear trend, in the series' own unit and per hour of
 * event time.
 * Immutable; read at start-up only (no hot-path cost).
 *
 * @param levelNoisePerHour    variance added to the level per hour (unit^2 / h), > 0
 * @param slopeNoisePerHour    spectral density of slope noise (unit^2 / h^3), > 0
 * @param measurementNoise     variance of one reading around the true level (unit^2), > 0
 * @param initialSlopeVariance prior variance of the slope when the first reading arrives ((unit/h)^2), > 0
 * @param trendHorizonHours    forecasts extrapolate the slope at most this far ahead and stay flat
 *                             after it (a damped trend for long settlement horizons), > 0
 * @param forecastVarianceCap  forecast variance of the level never exceeds this climatological
 *                             variance (unit^2), > 0
 */
public record SeriesNoise(double levelNoisePerHour, double slopeNoisePerHour, double measurementNoise,
                          double initialSlopeVariance, double trendHorizonHours, double forecastVarianceCap) {
    public SeriesNoise {
        KalmanParams.positive("kalman.series.levelNoisePerHour", levelNoisePerHour);
        KalmanParams.positive("kalman.series.slopeNoisePerHour", slopeNoisePerHour);
        KalmanParams.positive("kalman.series.measurementNoise", measurementNoise);
        KalmanParams.positive("kalman.series.initialSlopeVariance", initialSlopeVariance);
        KalmanParams.positive("kalman.series.trendHorizonHours", trendHorizonHours);
        KalmanParams.positive("kalman.series.forecastVarianceCap", forecastVarianceCap);
    }
}
