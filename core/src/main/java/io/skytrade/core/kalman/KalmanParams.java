package io.skytrade.core.kalman;

import java.util.HashMap;
import java.util.Map;

/**
 * Parameters of the Kalman filters, validated once at start-up: the market-mid filter of the Kalman
 * stage and the nowcast models of the data series ({@link NowcastModelSpec}), which the valuation
 * stage runs (it owns the series state and forecasts each settlement window from it).
 * Immutable; read at start-up only (no hot-path cost).
 *
 * @param gateSigmas             Mahalanobis gate: an innovation with |y| / sqrt(S) above this is
 *                               rejected and counted; default 5
 * @param maxConsecutiveRejects  after this many rejections in a row a filter restarts at the next
 *                               reading (a genuine level shift must not lock it out); default 3
 * @param midProcessNoisePerHour variance added to a market's filtered mid per hour (ticks^2 / h); default 400
 * @param midMeasurementNoise    variance of a quoted mid around the true mid (ticks^2), to which a
 *                               quarter of the squared spread is added per book; default 1
 * @param models                 nowcast models by name; each names the series it reads (a series in
 *                               no model is not forecast); defaults: {@link NowcastDefaults}
 */
public record KalmanParams(double gateSigmas, int maxConsecutiveRejects, double midProcessNoisePerHour,
                           double midMeasurementNoise, Map<String, NowcastModelSpec> models) {

    public KalmanParams {
        models = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(models));
        positive("kalman.gateSigmas", gateSigmas);
        if (maxConsecutiveRejects < 1) {
            throw new IllegalArgumentException("kalman.maxConsecutiveRejects: " + maxConsecutiveRejects + " must be >= 1");
        }
        positive("kalman.midProcessNoisePerHour", midProcessNoisePerHour);
        positive("kalman.midMeasurementNoise", midMeasurementNoise);
        final Map<String, String> owner = new HashMap<>();
        for (final Map.Entry<String, NowcastModelSpec> e : new java.util.TreeMap<>(models).entrySet()) {
            for (final String s : e.getValue().seriesNames()) {
                final String before = owner.put(s, e.getKey());
                if (before != null) {
                    throw new IllegalArgumentException("kalman.models: series '" + s + "' is read by two models ("
                        + before + " and " + e.getKey() + ")");
                }
            }
        }
    }

    static void positive(final String key, final double v) {
        if (!(v > 0.0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(key + ": " + v + " must be > 0 and finite");
        }
    }

    /** These parameters with {@code models} instead. */
    public KalmanParams withModels(final Map<String, NowcastModelSpec> m) {
        return new KalmanParams(gateSigmas, maxConsecutiveRejects, midProcessNoisePerHour, midMeasurementNoise, m);
    }

    /** These parameters with model {@code name} replaced (or added). */
    public KalmanParams withModel(final String name, final NowcastModelSpec spec) {
        final Map<String, NowcastModelSpec> m = new HashMap<>(models);
        m.put(name, spec);
        return withModels(m);
    }

    /** These parameters with every model's reading noise 0: feeds that are the settlement sources themselves. */
    public KalmanParams withExactFeeds() {
        final Map<String, NowcastModelSpec> m = new HashMap<>();
        for (final Map.Entry<String, NowcastModelSpec> e : models.entrySet()) {
            m.put(e.getKey(), e.getValue().withReadingNoise(new double[e.getValue().readingNoise().length]));
        }
        return withModels(m);
    }

    /** The documented defaults. */
    public static KalmanParams defaults() {
        return new KalmanParams(5.0, 3, 400.0, 1.0, NowcastDefaults.models());
    }
}
