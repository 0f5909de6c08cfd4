package io.skytrade.core.order;

/**
 * States of one order in the {@link OrderStateMachine}, as {@code int} codes. {@link #FREE} marks
 * an unused slot of the {@link OrderTable}. Live states are NEW (created, not yet sent), SENT,
 * ACKED, PARTIALLY_FILLED and CANCEL_SENT; FILLED, CANCELLED and REJECTED are terminal.
 * Stateless constants. Hot-path cost: none.
 */
public final class OrderState {
    public static final int FREE = 0;
    public static final int NEW = 1;
    public static final int SENT = 2;
    public static final int ACKED = 3;
    public static final int PARTIALLY_FILLED = 4;
    public static final int FILLED = 5;
    public static final int CANCEL_SENT = 6;
    public static final int CANCELLED = 7;
    public static final int REJECTED = 8;

    private static final String[] NAMES = {
        "FREE", "NEW", "SENT", "ACKED", "PARTIALLY_FILLED", "FILLED", "CANCEL_SENT", "CANCELLED", "REJECTED"
    };

    private OrderState() {
    }

    /** True for a state in which the order may still trade. */
    public static boolean isLive(final int state) {
        return state == NEW || state == SENT || state == ACKED || state == PARTIALLY_FILLED || state == CANCEL_SENT;
    }

    /** True for FILLED, CANCELLED and REJECTED. */
    public static boolean isTerminal(final int state) {
        return state == FILLED || state == CANCELLED || state == REJECTED;
    }

    /** Name of a state code, or "UNKNOWN(n)"; tools only. */
    public static String name(final int state) {
        return state >= 0 && state < NAMES.length ? NAMES[state] : "UNKNOWN(" + state + ")";
    }
}
