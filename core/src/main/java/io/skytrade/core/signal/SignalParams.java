package io.skytrade.core.signal;

/**
 * Parameters of the signal stage and its combiner, validated once at start-up.
 * Immutable; read at start-up only (no hot-path cost).
 *
 * @param mispricingWeight      weight of the mispricing z-score; default 0.6
 * @param momentumWeight        weight of the mid momentum (in rolling standard deviations); default 0.2
 * @param surpriseWeight        weight of the decaying data surprise; default 0.2
 * @param gain                  combiner output is {@code squash(gain x weighted sum)}, a rational form of tanh ({@link SignalCombiner}); default 0.5
 * @param clip                  each input is clipped to [-clip, clip] before weighting; default 4
 * @param surpriseHalfLifeNanos half-life of a product's data surprise, event time; default 30 min
 */
public record SignalParams(double mispricingWeight, double momentumWeight, double surpriseWeight, double gain,
                           double clip, long surpriseHalfLifeNanos) {
    public SignalParams {
        finite("signal.mispricingWeight", mispricingWeight);
        finite("signal.momentumWeight", momentumWeight);
        finite("signal.surpriseWeight", surpriseWeight);
        positive("signal.gain", gain);
        positive("signal.clip", clip);
        if (surpriseHalfLifeNanos <= 0) {
            throw new IllegalArgumentException("signal.surpriseHalfLifeNanos: " + surpriseHalfLifeNanos + " must be > 0");
        }
    }

    private static void finite(final String key, final double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException(key + ": " + v + " must be finite");
        }
    }

    private static void positive(final String key, final double v) {
        if (!(v > 0.0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(key + ": " + v + " must be > 0 and finite");
        }
    }

    /** The documented defaults. */
    public static SignalParams defaults() {
        return new SignalParams(0.6, 0.2, 0.2, 0.5, 4.0, 30 * 60_000_000_000L);
    }
}
