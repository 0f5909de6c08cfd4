package io.skytrade.core.event;

/**
 * Order and trade sides as {@code int} codes. Journal format codes. Hot-path cost: none.
 */
public final class Side {
    public static final int NONE = 0;
    public static final int BUY = 1;
    public static final int SELL = 2;

    private Side() {
    }

    /** +1 for BUY, -1 for SELL, 0 otherwise. */
    public static int sign(final int side) {
        return side == BUY ? 1 : side == SELL ? -1 : 0;
    }

    public static int opposite(final int side) {
        return side == BUY ? SELL : side == SELL ? BUY : NONE;
    }

    public static String name(final int side) {
        return side == BUY ? "BUY" : side == SELL ? "SELL" : side == NONE ? "NONE" : "UNKNOWN(" + side + ")";
    }
}
