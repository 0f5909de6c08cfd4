package io.skytrade.core.risk;

/**
 * Trading modes of the safe-mode state machine, as {@code int} codes journaled in MODE_CHANGE
 * decisions. NORMAL trades; REDUCING trades at half size after the soft drawdown limit; SAFE
 * cancels everything, may flatten, and rejects every intent until an operator RESUME; HALTED is
 * final for the run.
 * Journal format codes: append only. Stateless. Hot-path cost: none.
 */
public final class TradingMode {
    public static final int NORMAL = 0;
    public static final int REDUCING = 1;
    public static final int SAFE = 2;
    public static final int HALTED = 3;

    private static final String[] NAMES = {"NORMAL", "REDUCING", "SAFE", "HALTED"};

    private TradingMode() {
    }

    /** Name of a mode code, or "UNKNOWN(n)"; tools only. */
    public static String name(final int mode) {
        return mode >= 0 && mode < NAMES.length ? NAMES[mode] : "UNKNOWN(" + mode + ")";
    }
}
