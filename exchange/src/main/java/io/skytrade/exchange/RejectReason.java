package io.skytrade.exchange;

/**
 * Reason codes of the venue's rejects, cancel rejects and unsolicited cancels, shared by the
 * matching engine, the wire protocol (the {@code reason} field) and the gateway's local rejects.
 * The same codes land in {@code EngineEvent.rejectReason}. Codes are part of the protocol:
 * append only.
 *
 * <p>Immutable constants; safe from any thread. Hot-path cost: none.
 */
public final class RejectReason {
    public static final int NONE = 0;
    public static final int UNKNOWN_INSTRUMENT = 1;
    public static final int INVALID_PRICE = 2;
    public static final int INVALID_QUANTITY = 3;
    public static final int INVALID_SIDE = 4;
    public static final int INVALID_TIME_IN_FORCE = 5;
    public static final int INVALID_CLIENT_ORDER_ID = 6;
    public static final int DUPLICATE_CLIENT_ORDER_ID = 7;
    /** The order could take position plus open orders on its side beyond the participant's limit. */
    public static final int POSITION_LIMIT = 8;
    /** The participant's order-rate bucket is empty. */
    public static final int RATE_LIMIT = 9;
    /** Cancel of an order the venue does not know as open (filled, cancelled or never seen). */
    public static final int UNKNOWN_ORDER = 10;
    /** The product's session has ended (settled). */
    public static final int SESSION_CLOSED = 11;
    /** The venue has no room for another order or price level. */
    public static final int BOOK_FULL = 12;
    /** Self-trade prevention cancelled the rest of an order that would have traded with its own participant. */
    public static final int SELF_TRADE = 13;
    /** What an IOC order did not fill at once. */
    public static final int IOC_REMAINDER = 14;
    /** Cancelled on the participant's request. */
    public static final int USER_CANCEL = 15;
    /** Gateway-local: not connected or not logged in, so the order was not sent. */
    public static final int NOT_CONNECTED = 16;
    /** Gateway-local: the venue did not know an order the gateway sent before a disconnect. */
    public static final int LOST_IN_TRANSIT = 17;
    /** Gateway-local: the venue no longer lists an order the gateway believed open. */
    public static final int RECONCILED_CLOSED = 18;
    /** Gateway-local (CMI): the order was cancelled while still queued for the venue, so it was never sent. */
    public static final int NOT_SENT_CANCELLED = 19;
    /** Gateway-local (CMI): the order waited in the send queue longer than allowed and was dropped unsent. */
    public static final int QUEUE_TIMEOUT = 20;
    /** CMI: the venue refused the order with a reason text the gateway does not map to a code. */
    public static final int VENUE_REJECTED = 21;

    /** One past the highest code in use. */
    public static final int COUNT = 22;

    private static final String[] NAMES = {
        "NONE", "UNKNOWN_INSTRUMENT", "INVALID_PRICE", "INVALID_QUANTITY", "INVALID_SIDE", "INVALID_TIME_IN_FORCE",
        "INVALID_CLIENT_ORDER_ID", "DUPLICATE_CLIENT_ORDER_ID", "POSITION_LIMIT", "RATE_LIMIT", "UNKNOWN_ORDER",
        "SESSION_CLOSED", "BOOK_FULL", "SELF_TRADE", "IOC_REMAINDER", "USER_CANCEL", "NOT_CONNECTED",
        "LOST_IN_TRANSIT", "RECONCILED_CLOSED", "NOT_SENT_CANCELLED", "QUEUE_TIMEOUT", "VENUE_REJECTED"
    };

    private RejectReason() {
    }

    public static String name(final int reason) {
        return reason >= 0 && reason < COUNT ? NAMES[reason] : "UNKNOWN(" + reason + ")";
    }
}
