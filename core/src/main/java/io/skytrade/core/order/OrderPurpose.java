package io.skytrade.core.order;

/**
 * Why an order was sent, kept by the book with the order and its fills, so the position a purpose
 * built is visible on its own (the ETF arbitrage's position and its legs' hedges beside the market
 * maker's inventory). Stored in {@code Decisions.purpose} by the strategy. Stateless constants;
 * hot-path cost none.
 */
public final class OrderPurpose {
    /** A resting quote of the market maker (and anything without a purpose: risk's flattening). */
    public static final int QUOTE = 0;
    /** A take (IOC) of the market maker when the market crosses fair value. */
    public static final int TAKE = 1;
    /** The ETF leg of the ETF arbitrage. */
    public static final int ARBITRAGE = 2;
    /** A leg of the ETF arbitrage, hedging what the ETF leg filled. */
    public static final int HEDGE = 3;
    /** Number of purposes. */
    public static final int COUNT = 4;

    private static final String[] NAMES = {"QUOTE", "TAKE", "ARBITRAGE", "HEDGE"};

    private OrderPurpose() {
    }

    /** True for a known purpose code. */
    public static boolean isValid(final int purpose) {
        return purpose >= 0 && purpose < COUNT;
    }

    public static String name(final int purpose) {
        return isValid(purpose) ? NAMES[purpose] : "UNKNOWN(" + purpose + ")";
    }
}
