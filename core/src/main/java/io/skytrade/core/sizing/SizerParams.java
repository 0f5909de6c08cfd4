package io.skytrade.core.sizing;

/**
 * Parameters of the position sizer, validated once at start-up. Prices and standard deviations
 * are in price units (ticks x contract size 1).
 * Immutable; read at start-up only (no hot-path cost).
 *
 * @param riskBudget     volatility target: a full-conviction position carries at most this standard
 *                       deviation of settlement PnL, {@code |q| <= riskBudget x |signal| / fairStd}; default 5000
 * @param kellyFraction  fraction of the Kelly position {@code capital x edge / fairStd^2}; default 0.25
 * @param capital        capital the Kelly cap is computed on; default 1,000,000
 * @param maxPosition    absolute position cap per product, lots (the venue's limit is 100); default 100
 * @param maxOrderQty    largest single order, lots; default 10
 * @param lotSize        orders and targets are whole multiples of this, lots; default 1
 * @param minStd         floor on the fair-value standard deviation used for sizing; default 1
 */
public record SizerParams(double riskBudget, double kellyFraction, double capital, long maxPosition,
                          long maxOrderQty, long lotSize, double minStd) {
    public SizerParams {
        positive("sizer.riskBudget", riskBudget);
        if (!(kellyFraction > 0.0) || kellyFraction > 1.0) {
            throw new IllegalArgumentException("sizer.kellyFraction: " + kellyFraction + " must be in (0, 1]");
        }
        positive("sizer.capital", capital);
        positive("sizer.minStd", minStd);
        if (lotSize < 1) {
            throw new IllegalArgumentException("sizer.lotSize: " + lotSize + " must be >= 1");
        }
        if (maxPosition < lotSize) {
            throw new IllegalArgumentException("sizer.maxPosition: " + maxPosition + " must be >= lotSize (" + lotSize + ")");
        }
        if (maxOrderQty < lotSize) {
            throw new IllegalArgumentException("sizer.maxOrderQty: " + maxOrderQty + " must be >= lotSize (" + lotSize + ")");
        }
    }

    private static void positive(final String key, final double v) {
        if (!(v > 0.0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(key + ": " + v + " must be > 0 and finite");
        }
    }

    /** The documented defaults. */
    public static SizerParams defaults() {
        return new SizerParams(5000.0, 0.25, 1_000_000.0, 100, 10, 1, 1.0);
    }
}
