package io.skytrade.core.feature;

/**
 * Parameters of the feature stage, validated once at start-up.
 * Immutable; read at start-up only (no hot-path cost).
 *
 * @param windowCapacity        values kept per rolling window (series and market mids); default 32
 * @param seriesHalfLifeNanos   EWMA half-life for data series, event-time nanoseconds; default 1 h
 * @param volHalfLifeNanos      EWMA half-life of squared mid returns (realised volatility); default 10 min
 * @param tradeFlowHalfLifeNanos half-life of the decaying signed trade-flow sum; default 1 min
 */
public record FeatureParams(int windowCapacity, long seriesHalfLifeNanos, long volHalfLifeNanos,
                            long tradeFlowHalfLifeNanos) {
    private static final long MINUTE = 60_000_000_000L;

    public FeatureParams {
        if (windowCapacity < 2) {
            throw new IllegalArgumentException("feature.windowCapacity: " + windowCapacity + " must be >= 2");
        }
        positive("feature.seriesHalfLifeNanos", seriesHalfLifeNanos);
        positive("feature.volHalfLifeNanos", volHalfLifeNanos);
        positive("feature.tradeFlowHalfLifeNanos", tradeFlowHalfLifeNanos);
    }

    private static void positive(final String key, final long v) {
        if (v <= 0) {
            throw new IllegalArgumentException(key + ": " + v + " must be > 0");
        }
    }

    /** The documented defaults. */
    public static FeatureParams defaults() {
        return new FeatureParams(32, 60 * MINUTE, 10 * MINUTE, MINUTE);
    }
}
