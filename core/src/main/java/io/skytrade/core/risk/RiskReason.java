package io.skytrade.core.risk;

/**
 * Reason codes written to {@code Decisions.reason} by the risk and order stages: why an intent was
 * rejected, why the trading mode changed, and what an alert is about. One code space for the whole
 * decisions journal, so a code means the same thing wherever it appears.
 * Journal format codes: never renumber, only append. Stateless and thread-safe. Hot-path cost:
 * none (compile-time constants); {@link #name(int)} is for tools and tests only.
 */
public final class RiskReason {
    /** No reason: the intent passed every check. */
    public static final int NONE = 0;
    /** Malformed intent: unknown instrument, side, non-positive price or quantity. */
    public static final int INVALID_INTENT = 1;
    /** Rejected because the engine is in SAFE mode. */
    public static final int SAFE_MODE = 2;
    /** Rejected because the engine is HALTED. */
    public static final int HALTED = 3;
    /** Quantity above the maximum order size. */
    public static final int MAX_ORDER_SIZE = 4;
    /** Would let the position, counting open orders, exceed the per-market limit. */
    public static final int POSITION_LIMIT = 5;
    /** Would let the gross exposure, counting open orders, exceed its limit. */
    public static final int GROSS_EXPOSURE = 6;
    /** Price too far from the fair value. */
    public static final int FAIR_VALUE_BAND = 7;
    /** No fair value known yet for the instrument. */
    public static final int NO_FAIR_VALUE = 8;
    /** Price too far through the touch (fat finger). */
    public static final int TOUCH_BAND = 9;
    /** No best bid or ask known yet for the instrument. */
    public static final int NO_MARKET_DATA = 10;
    /** Order-rate limit reached in the event-time window. */
    public static final int ORDER_RATE = 11;
    /** Cancel-rate limit reached in the event-time window. */
    public static final int CANCEL_RATE = 12;
    /** Maximum number of open orders reached. */
    public static final int MAX_OPEN_ORDERS = 13;
    /** A cancel for an order that is not open. */
    public static final int UNKNOWN_ORDER = 14;
    /** The preallocated order table is full. */
    public static final int ORDER_TABLE_FULL = 15;
    /** Size halved by the soft drawdown limit came to zero lots. */
    public static final int SIZE_REDUCED_TO_ZERO = 16;
    /** The journal failed on this event: nothing may leave. */
    public static final int JOURNAL_FAILED = 17;
    /** A stage failed on this event. */
    public static final int STAGE_FAILED = 18;
    /** Drawdown reached the hard limit. */
    public static final int HARD_DRAWDOWN = 19;
    /** Drawdown reached the soft limit: sizes halved. */
    public static final int SOFT_DRAWDOWN = 20;
    /** Loss since the start of the trading day reached the daily limit. */
    public static final int DAILY_LOSS = 21;
    /** Market data older than the configured age at a timer tick. */
    public static final int STALE_MARKET_DATA = 22;
    /** Operator command SAFE. */
    public static final int OPERATOR_SAFE = 23;
    /** Operator command RESUME. */
    public static final int OPERATOR_RESUME = 24;
    /** Operator command HALT. */
    public static final int OPERATOR_HALT = 25;
    /** Venue position report differs from our position. */
    public static final int POSITION_MISMATCH = 26;
    /** A second acknowledgement for an order. */
    public static final int DUPLICATE_ACK = 27;
    /** A fill larger than the order's remaining quantity. */
    public static final int OVERFILL = 28;
    /** An order event for a client order id we do not hold. */
    public static final int UNKNOWN_ORDER_EVENT = 29;
    /** Any other order event that the order state machine does not allow in the current state. */
    public static final int ILLEGAL_TRANSITION = 30;
    /** An order still unacknowledged after the configured timeout. */
    public static final int ACK_TIMEOUT = 31;
    /** Drawdown fell back below the soft recovery level. */
    public static final int DRAWDOWN_RECOVERED = 32;
    /** A cancel for an order that already has a cancel in flight. */
    public static final int ALREADY_CANCELLING = 33;
    /** The order stage assigned a different client order id than the risk stage's mirror expected. */
    public static final int ORDER_ID_MISMATCH = 34;

    private static final String[] NAMES = {
        "NONE", "INVALID_INTENT", "SAFE_MODE", "HALTED", "MAX_ORDER_SIZE", "POSITION_LIMIT",
        "GROSS_EXPOSURE", "FAIR_VALUE_BAND", "NO_FAIR_VALUE", "TOUCH_BAND", "NO_MARKET_DATA",
        "ORDER_RATE", "CANCEL_RATE", "MAX_OPEN_ORDERS", "UNKNOWN_ORDER", "ORDER_TABLE_FULL",
        "SIZE_REDUCED_TO_ZERO", "JOURNAL_FAILED", "STAGE_FAILED", "HARD_DRAWDOWN", "SOFT_DRAWDOWN",
        "DAILY_LOSS", "STALE_MARKET_DATA", "OPERATOR_SAFE", "OPERATOR_RESUME", "OPERATOR_HALT",
        "POSITION_MISMATCH", "DUPLICATE_ACK", "OVERFILL", "UNKNOWN_ORDER_EVENT", "ILLEGAL_TRANSITION",
        "ACK_TIMEOUT", "DRAWDOWN_RECOVERED", "ALREADY_CANCELLING", "ORDER_ID_MISMATCH"
    };

    private RiskReason() {
    }

    /** Name of a reason code, or "UNKNOWN(n)"; allocates for unknown codes, so tools only. */
    public static String name(final int reason) {
        return reason >= 0 && reason < NAMES.length ? NAMES[reason] : "UNKNOWN(" + reason + ")";
    }
}
