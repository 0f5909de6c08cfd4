package io.skytrade.core.risk;

/**
 * Pre-trade limits, bound from the {@code risk} section of the configuration, in the engine's one
 * set of units: quantities in lots (contract size 1), exposure as a fraction of the one capital
 * figure ({@code capital}, shared with the sizer and the analyzer), distances from fair value in
 * standard deviations of the fair value (with a floor in ticks), windows in event-time
 * nanoseconds. A product's exposure is the notional of the larger absolute position it reaches if
 * every open buy or every open sell filled ({@code max(|pos + openBuy|, |pos - openSell|)} lots at
 * its reference price: fair value, else mid, else the order's price); gross exposure is the sum over
 * products.
 * Immutable and validated on construction: each bad value fails with one message naming the
 * key, the value and the expectation. Thread-safe. Hot-path cost: field reads.
 *
 * @param maxPositionLots       {@code risk.maxPositionLots}: largest absolute position per product in lots, counting open orders (the venue's limit)
 * @param maxPositionFraction   {@code risk.maxPositionFraction}: largest exposure of one product, fraction of capital
 * @param maxGrossFraction      {@code risk.maxGrossFraction}: largest gross exposure, fraction of capital
 * @param maxOrderLots          {@code risk.maxOrderLots}: largest quantity of one order
 * @param fairValueBandStd      {@code risk.fairValueBandStd}: largest distance of a limit price from fair value, in fair-value standard deviations
 * @param fairValueBandMinTicks {@code risk.fairValueBandMinTicks}: the band is never narrower than this many ticks
 * @param touchBandTicks        {@code risk.touchBandTicks}: how far through the opposite touch a price may go (fat finger)
 * @param maxOrdersPerWindow    {@code risk.maxOrdersPerWindow}: new orders allowed per order-rate window (flattening orders count but are never refused)
 * @param orderRateWindowNanos  {@code risk.orderRateWindowNanos}: length of the order-rate window
 * @param maxCancelsPerWindow   {@code risk.maxCancelsPerWindow}: cancels allowed per cancel-rate window (SAFE-mode cancels count but are never refused)
 * @param cancelRateWindowNanos {@code risk.cancelRateWindowNanos}: length of the cancel-rate window
 * @param maxOpenOrders         {@code risk.maxOpenOrders}: most orders open at once
 */
public record RiskLimits(
    long maxPositionLots,
    double maxPositionFraction,
    double maxGrossFraction,
    long maxOrderLots,
    double fairValueBandStd,
    long fairValueBandMinTicks,
    long touchBandTicks,
    int maxOrdersPerWindow,
    long orderRateWindowNanos,
    int maxCancelsPerWindow,
    long cancelRateWindowNanos,
    int maxOpenOrders) {

    /** Largest rate-limit count accepted (bounds the preallocated timestamp rings). */
    public static final int MAX_RATE_COUNT = 100_000;
    /** Largest open-order count accepted. */
    public static final int MAX_OPEN_ORDERS_BOUND = 4096;

    public RiskLimits {
        positive("risk.maxPositionLots", maxPositionLots);
        fraction("risk.maxPositionFraction", maxPositionFraction);
        fraction("risk.maxGrossFraction", maxGrossFraction);
        positive("risk.maxOrderLots", maxOrderLots);
        if (!(fairValueBandStd > 0) || Double.isInfinite(fairValueBandStd)) {
            throw new IllegalArgumentException("risk.fairValueBandStd=" + fairValueBandStd + ": expected a finite number > 0");
        }
        if (fairValueBandMinTicks < 0) {
            throw new IllegalArgumentException("risk.fairValueBandMinTicks=" + fairValueBandMinTicks + ": expected >= 0");
        }
        if (touchBandTicks < 0) {
            throw new IllegalArgumentException("risk.touchBandTicks=" + touchBandTicks + ": expected >= 0");
        }
        between("risk.maxOrdersPerWindow", maxOrdersPerWindow, MAX_RATE_COUNT);
        positive("risk.orderRateWindowNanos", orderRateWindowNanos);
        between("risk.maxCancelsPerWindow", maxCancelsPerWindow, MAX_RATE_COUNT);
        positive("risk.cancelRateWindowNanos", cancelRateWindowNanos);
        between("risk.maxOpenOrders", maxOpenOrders, MAX_OPEN_ORDERS_BOUND);
        if (maxGrossFraction < maxPositionFraction) {
            throw new IllegalArgumentException("risk.maxGrossFraction=" + maxGrossFraction
                + ": expected >= risk.maxPositionFraction (" + maxPositionFraction + ")");
        }
    }

    /**
     * Defaults: 100 lots per product (the venue's limit), 20% of capital per product and 80% in
     * total (the product's own rules), orders of at most 20 lots, prices within 4 fair-value
     * standard deviations (at least 20 ticks) of fair value, 10 ticks through the touch, 20 orders
     * and 40 cancels per second, 64 open orders. The band was a fixed 200 ticks: it refused 92-100% of
     * the intents of every product whose fair-value standard deviation exceeded ~200 (LON_FLY, AQ_SPOT,
     * LON_ETF, WX_SPOT) while the strategy's entries were in standard deviations.
     */
    public static RiskLimits defaults() {
        return new RiskLimits(100, 0.2, 0.8, 20, 4.0, 20, 10, 20, 1_000_000_000L, 40, 1_000_000_000L, 64);
    }

    /** The fair-value band in ticks for a fair value with standard deviation {@code fairStd} (NaN: the floor). */
    public double fairValueBand(final double fairStd) {
        final double band = fairValueBandStd * fairStd;
        return band > fairValueBandMinTicks ? band : fairValueBandMinTicks;
    }

    static void positive(final String key, final long value) {
        if (value <= 0) {
            throw new IllegalArgumentException(key + "=" + value + ": expected > 0");
        }
    }

    static void fraction(final String key, final double value) {
        if (!(value > 0 && value <= 1)) {
            throw new IllegalArgumentException(key + "=" + value + ": expected a fraction of capital in (0, 1]");
        }
    }

    static void between(final String key, final long value, final long max) {
        if (value <= 0 || value > max) {
            throw new IllegalArgumentException(key + "=" + value + ": expected 1.." + max);
        }
    }
}
