package io.skytrade.core.event;

/**
 * Sub-kinds of {@link EventType#ORDER_EVENT}, stored in {@link EngineEvent#orderEventKind}.
 * Journal format codes: append only. Hot-path cost: none.
 */
public final class OrderEventKind {
    public static final int NONE = 0;
    /** The venue accepted a new order. */
    public static final int ACK = 1;
    /** The venue rejected a new order; {@link EngineEvent#rejectReason} says why. */
    public static final int REJECT = 2;
    /** A partial or full fill; {@link EngineEvent#fillQty} and {@link EngineEvent#fillPriceTicks}. */
    public static final int FILL = 3;
    /** The order was cancelled (by us or by the venue). */
    public static final int CANCELLED = 4;
    /** A cancel request was refused (order already filled or unknown). */
    public static final int CANCEL_REJECT = 5;

    private static final String[] NAMES = {"NONE", "ACK", "REJECT", "FILL", "CANCELLED", "CANCEL_REJECT"};

    private OrderEventKind() {
    }

    public static String name(final int kind) {
        return kind >= 0 && kind < NAMES.length ? NAMES[kind] : "UNKNOWN(" + kind + ")";
    }
}
