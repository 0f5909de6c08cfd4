package io.skytrade.core.signal;

/**
 * Mispricing z-score of a product: {@code (fair - mid) / sqrt(fairStd^2 + midStd^2 + halfSpread^2)},
 * positive when the market is cheap against the expected settlement. Returns 0 when an input is
 * missing (NaN) or the combined uncertainty is zero.
 *
 * <p>Stateless. Hot-path cost: a square root.
 */
public final class Mispricing {
    private Mispricing() {
    }

    public static double zScore(final double fair, final double fairStd, final double mid, final double midStd,
                                final double halfSpread) {
        final double v = fairStd * fairStd + midStd * midStd + halfSpread * halfSpread;
        final double z = (fair - mid) / Math.sqrt(v);
        return v > 0.0 && Double.isFinite(z) ? z : 0.0;
    }
}
