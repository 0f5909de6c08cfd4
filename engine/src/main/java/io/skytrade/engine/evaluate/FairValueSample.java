package io.skytrade.engine.evaluate;

/**
 * One product's valuation at one horizon before one settlement, beside what the market showed and
 * what the product settled at. Any of the estimates is NaN when it was not known yet at that time
 * (no valuation, no two-sided book).
 *
 * @param settlementNanos when the session settled, epoch nanoseconds
 * @param product         instrument id
 * @param horizon         index into {@link Horizons}
 * @param fair            the engine's fair value (expected settlement)
 * @param std             its stated standard deviation
 * @param mid             the book mid
 * @param mean            the running mean of the book mid since the session opened (sampled
 *                        every {@code backtest.sampleInterval})
 * @param settlement      the settlement value
 */
public record FairValueSample(long settlementNanos, int product, int horizon, double fair, double std, double mid,
                              double mean, double settlement) {
    /** Standardised error (fair - settlement) / std; NaN without a fair value or a positive std. */
    public double z() {
        return std > 0 ? (fair - settlement) / std : Double.NaN;
    }
}
