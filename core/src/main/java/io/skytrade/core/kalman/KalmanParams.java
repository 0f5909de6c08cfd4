package io.skytrade.core.kalman;

import java.util.HashMap;
import java.util.Map;

/**
 * Parameters of the Kalman stage, validated once at start-up.
 * Immutable; read at start-up only (no hot-path cost).
 *
 * @param defaultNoise          noise model for series without an entry in {@code seriesNoise};
 *                              default (1, 0.1, 1, 1, 3, 100)
 * @param seriesNoise           noise model per series name; defaults cover thames_level_m,
 *                              air_temp_c, rel_humidity_pct, pm25_ugm3, lhr_arrivals_30m and
 *                              lhr_departures_30m (copied, immutable)
 * @param gateSigmas            Mahalanobis gate: an innovation with |y| / sqrt(S) above this is
 *                              rejected and counted; default 5
 * @param maxConsecutiveRejects after this many rejections in a row the filter restarts at the next
 *                              reading (a genuine level shift must not lock it out); default 3
 * @param midProcessNoisePerHour variance added to a market's filtered mid per hour (ticks^2 / h); default 400
 * @param midMeasurementNoise   variance of a quoted mid around the true mid (ticks^2), to which a
 *                              quarter of the squared spread is added per book; default 1
 * @param harmonics             periodic components per series name ({@link HarmonicModel}); a series
 *                              without an entry, or with no periods, is a plain local linear trend;
 *                              default: thames_level_m has the tide's M2 (12.42 h), S2 (12 h),
 *                              MU2 (12.87 h) and M4 (6.21 h) harmonics, coefficient noise 1e-5 m^2/h,
 *                              prior variances 4, 0.1, 0.1 and 0.02 m^2 (S2 and MU2 together carry the spring-neap
 *                              modulation of M2; for the real Thames N2, 12.66 h, is the larger third
 *                              constituent); air_temp_c a diurnal 24 h harmonic (1e-3, 4);
 *                              lhr_arrivals_30m and lhr_departures_30m 24 h and 12 h harmonics
 *                              (0.1, 100) for the daily schedule (copied, immutable)
 */
public record KalmanParams(SeriesNoise defaultNoise, Map<String, SeriesNoise> seriesNoise, double gateSigmas,
                           int maxConsecutiveRejects, double midProcessNoisePerHour, double midMeasurementNoise,
                           Map<String, HarmonicModel> harmonics) {
    /** Parameters without harmonics (every series a plain local linear trend). */
    public KalmanParams(final SeriesNoise defaultNoise, final Map<String, SeriesNoise> seriesNoise, final double gateSigmas,
                        final int maxConsecutiveRejects, final double midProcessNoisePerHour, final double midMeasurementNoise) {
        this(defaultNoise, seriesNoise, gateSigmas, maxConsecutiveRejects, midProcessNoisePerHour, midMeasurementNoise, Map.of());
    }

    public KalmanParams {
        if (defaultNoise == null) {
            throw new IllegalArgumentException("kalman.defaultNoise: null must be set");
        }
        seriesNoise = Map.copyOf(seriesNoise);
        harmonics = Map.copyOf(harmonics);
        positive("kalman.gateSigmas", gateSigmas);
        if (maxConsecutiveRejects < 1) {
            throw new IllegalArgumentException("kalman.maxConsecutiveRejects: " + maxConsecutiveRejects + " must be >= 1");
        }
        positive("kalman.midProcessNoisePerHour", midProcessNoisePerHour);
        positive("kalman.midMeasurementNoise", midMeasurementNoise);
    }

    static void positive(final String key, final double v) {
        if (!(v > 0.0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(key + ": " + v + " must be > 0 and finite");
        }
    }

    /** The noise model for a series name (its entry, or the default). Start-up only. */
    public SeriesNoise noiseFor(final String series) {
        final SeriesNoise n = seriesNoise.get(series);
        return n == null ? defaultNoise : n;
    }

    /** The harmonics of a series name (its entry, or none). Start-up only. */
    public HarmonicModel harmonicsFor(final String series) {
        final HarmonicModel m = harmonics.get(series);
        return m == null ? HarmonicModel.none() : m;
    }

    /** These parameters with {@code harmonics} instead. */
    public KalmanParams withHarmonics(final Map<String, HarmonicModel> h) {
        return new KalmanParams(defaultNoise, seriesNoise, gateSigmas, maxConsecutiveRejects, midProcessNoisePerHour,
            midMeasurementNoise, h);
    }

    /** These parameters with {@code noise} for {@code series}. */
    public KalmanParams withSeriesNoise(final String series, final SeriesNoise noise) {
        final Map<String, SeriesNoise> m = new HashMap<>(seriesNoise);
        m.put(series, noise);
        return new KalmanParams(defaultNoise, m, gateSigmas, maxConsecutiveRejects, midProcessNoisePerHour,
            midMeasurementNoise, harmonics);
    }

    /** The documented defaults. */
    public static KalmanParams defaults() {
        return new KalmanParams(
            new SeriesNoise(1.0, 0.1, 1.0, 1.0, 3.0, 100.0),
            Map.of(
                "thames_level_m", new SeriesNoise(0.005, 1e-4, 2e-4, 1e-3, 0.5, 0.05),
                "air_temp_c", new SeriesNoise(0.25, 0.05, 0.01, 1.0, 3.0, 16.0),
                "rel_humidity_pct", new SeriesNoise(4.0, 1.0, 1.0, 4.0, 3.0, 225.0),
                "pm25_ugm3", new SeriesNoise(4.0, 1.0, 1.0, 4.0, 3.0, 100.0),
                "lhr_arrivals_30m", new SeriesNoise(4.0, 1.0, 25.0, 4.0, 1.0, 400.0),
                "lhr_departures_30m", new SeriesNoise(4.0, 1.0, 25.0, 4.0, 1.0, 400.0)),
            5.0, 3, 400.0, 1.0,
            Map.of("thames_level_m", new HarmonicModel(new double[] {12.42, 12.0, 12.87, 6.21}, 1e-5,
                    new double[] {4.0, 0.1, 0.1, 0.02}),
                "air_temp_c", new HarmonicModel(new double[] {24.0}, 1e-3, 4.0),
                "lhr_arrivals_30m", new HarmonicModel(new double[] {24.0, 12.0}, 0.1, 100.0),
                "lhr_departures_30m", new HarmonicModel(new double[] {24.0, 12.0}, 0.1, 100.0)));
    }
}
