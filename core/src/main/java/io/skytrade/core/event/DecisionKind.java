package io.skytrade.core.event;

/**
 * Kinds of decision a stage can record in an event's {@link Decisions}, and that the decisions
 * journal keeps. Journal format codes: append only. Hot-path cost: none.
 */
public final class DecisionKind {
    public static final int NONE = 0;
    /** Send a new order (side, price, quantity, client order id). */
    public static final int ORDER_NEW = 1;
    /** Cancel an open order (client order id). */
    public static final int ORDER_CANCEL = 2;
    /** An intent refused by risk; {@code reason} holds the code. */
    public static final int RISK_REJECT = 3;
    /** A change of trading mode; {@code reason} holds the new mode, {@code quantity} the old. */
    public static final int MODE_CHANGE = 4;
    /** An alert that needs an operator (reconciliation mismatch, illegal order transition). */
    public static final int ALERT = 5;
    /**
     * Not a decision but a checkpoint of a stateful stage, journaled after the event's decisions:
     * {@code instrumentId} = the stage's index among the pipeline's stateful stages,
     * {@code priceTicks} = its state hash; {@code replay --verify} compares it like a decision.
     */
    public static final int STATE_HASH = 6;

    private static final String[] NAMES = {"NONE", "ORDER_NEW", "ORDER_CANCEL", "RISK_REJECT", "MODE_CHANGE", "ALERT",
        "STATE_HASH"};

    private DecisionKind() {
    }

    public static String name(final int kind) {
        return kind >= 0 && kind < NAMES.length ? NAMES[kind] : "UNKNOWN(" + kind + ")";
    }
}
