package io.skytrade.core.world;

/**
 * The kinds of product the settlement rules define, as {@code int} codes equal to their default
 * registry ids (TIDE_SPOT, TIDE_SWING, WX_SPOT, WX_SUM, LHR_COUNT, LHR_INDEX, AQ_SPOT, LON_ETF,
 * LON_FLY), with their default symbols; the configured symbol of each kind is
 * {@link io.skytrade.core.settlement.SettlementRules#symbolOf}.
 *
 * <p>Immutable constants; safe from any thread. Hot-path cost: none.
 */
public final class WorldProduct {
    public static final int TIDE_SPOT = 0;
    public static final int TIDE_SWING = 1;
    public static final int WX_SPOT = 2;
    public static final int WX_SUM = 3;
    public static final int LHR_COUNT = 4;
    public static final int LHR_INDEX = 5;
    public static final int AQ_SPOT = 6;
    public static final int LON_ETF = 7;
    public static final int LON_FLY = 8;

    /** Number of products. */
    public static final int COUNT = 9;

    private static final String[] SYMBOLS = {
        "TIDE_SPOT", "TIDE_SWING", "WX_SPOT", "WX_SUM", "LHR_COUNT", "LHR_INDEX", "AQ_SPOT", "LON_ETF", "LON_FLY"
    };

    private WorldProduct() {
    }

    /** Symbol of a product code. */
    public static String symbol(final int product) {
        if (product < 0 || product >= COUNT) {
            throw new IllegalArgumentException("unknown world product code " + product + ", expected 0.." + (COUNT - 1));
        }
        return SYMBOLS[product];
    }

    /** Code of a symbol, or -1 when it is not a default product. */
    public static int code(final String symbol) {
        for (int i = 0; i < COUNT; i++) {
            if (SYMBOLS[i].equals(symbol)) {
                return i;
            }
        }
        return -1;
    }
}
