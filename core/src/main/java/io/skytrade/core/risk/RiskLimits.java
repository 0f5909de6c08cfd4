package io.skytrade.core.risk;

/**
 * Pre-trade limits, bound from the {@code risk} section of the configuration. Quantities are lots
 * (contract size 1), prices ticks, windows event-time nanoseconds. Exposure is counted in lots:
 * per market, the larger absolute position reached if every open buy or every open sell filled;
 * gross exposure is the sum over markets.
 * Immutable and validated on construction: each bad value fails with one message naming the
 * key, the value and the expectation. Thread-safe. Hot-path cost: field reads.
 *
 * @param maxPositionLots       {@code risk.maxPositionLots}: largest absolute position per market, counting open orders
 * @param maxGrossExposureLots  {@code risk.maxGrossExposureLots}: largest sum over markets of worst-case absolute positions
 * @param maxOrderLots          {@code risk.maxOrderLots}: largest quantity of one order
 * @param fairValueBandTicks    {@code risk.fairValueBandTicks}: largest distance of a limit price from fair value
 * @param touchBandTicks        {@code risk.touchBandTicks}: how far through the opposite touch a price may go (fat finger)
 * @param maxOrdersPerWindow    {@code risk.maxOrdersPerWindow}: new orders allowed per order-rate window (flattening orders count but are never refused)
 * @param orderRateWindowNanos  {@code risk.orderRateWindowNanos}: length of the order-rate window
 * @param maxCancelsPerWindow   {@code risk.maxCancelsPerWindow}: cancels allowed per cancel-rate window (SAFE-mode cancels count but are never refused)
 * @param cancelRateWindowNanos {@code risk.cancelRateWindowNanos}: length of the cancel-rate window
 * @param maxOpenOrders         {@code risk.maxOpenOrders}: most orders open at once
 */
public record RiskLimits(
    long maxPositionLots,
    long maxGrossExposureLots,
    long maxOrderLots,
    long fairValueBandTicks,
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
        positive("risk.maxGrossExposureLots", maxGrossExposureLots);
        positive("risk.maxOrderLots", maxOrderLots);
        positive("risk.fairValueBandTicks", fairValueBandTicks);
        if (touchBandTicks < 0) {
            throw new IllegalArgumentException("risk.touchBandTicks=" + touchBandTicks + ": expected >= 0");
        }
        between("risk.maxOrdersPerWindow", maxOrdersPerWindow, MAX_RATE_COUNT);
        positive("risk.orderRateWindowNanos", orderRateWindowNanos);
        between("risk.maxCancelsPerWindow", maxCancelsPerWindow, MAX_RATE_COUNT);
        positive("risk.cancelRateWindowNanos", cancelRateWindowNanos);
        between("risk.maxOpenOrders", maxOpenOrders, MAX_OPEN_ORDERS_BOUND);
        if (maxGrossExposureLots < maxPositionLots) {
            throw new IllegalArgumentException("risk.maxGrossExposureLots=" + maxGrossExposureLots
                + ": expected >= risk.maxPositionLots (" + maxPositionLots + ")");
        }
    }

    /**
     * Defaults: position limit 100 per product (the venue's), gross exposure 500, orders of at most
     * 20 lots, fair-value band 200 ticks, 10 ticks through the touch, 20 orders and 40 cancels per
     * second, 64 open orders. The fair-value band was 50 ticks: with products priced from a few
     * hundred to several thousand ticks, quoted 10 to 50 ticks wide, and fair values whose
     * uncertainty runs to tens of ticks even late in the window, 50 rejected every order of a whole
     * simulated day (the passive price alone is half a spread from the mid); 200 still refuses the
     * gross disagreements of a failed nowcast (hundreds to thousands of ticks).
     */
    public static RiskLimits defaults() {
        return new RiskLimits(100, 500, 20, 200, 10, 20, 1_000_000_000L, 40, 1_000_000_000L, 64);
    }

    static void positive(final String key, final long value) {
        if (value <= 0) {
            throw new IllegalArgumentException(key + "=" + value + ": expected > 0");
        }
    }

    static void between(final String key, final long value, final long max) {
        if (value <= 0 || value > max) {
            throw new IllegalArgumentException(key + "=" + value + ": expected 1.." + max);
        }
    }
}
