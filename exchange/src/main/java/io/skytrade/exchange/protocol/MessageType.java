package io.skytrade.exchange.protocol;

/**
 * Message types of the skytrade venue protocol (JSON over WebSocket, see {@code exchange/PROTOCOL.md}),
 * as {@code int} codes with their wire names (the {@code "type"} member).
 *
 * <p>Immutable constants; safe from any thread. Hot-path cost: none.
 */
public final class MessageType {
    public static final int NONE = 0;
    public static final int LOGIN = 1;
    public static final int LOGIN_ACK = 2;
    public static final int PRODUCTS = 3;
    public static final int SUBSCRIBE = 4;
    public static final int BOOK_SNAPSHOT = 5;
    public static final int BOOK_UPDATE = 6;
    public static final int TRADE = 7;
    public static final int NEW_ORDER = 8;
    public static final int CANCEL = 9;
    public static final int ACK = 10;
    public static final int REJECT = 11;
    public static final int FILL = 12;
    public static final int CANCELLED = 13;
    public static final int CANCEL_REJECT = 14;
    public static final int POSITION = 15;
    public static final int OPEN_ORDERS = 16;
    public static final int SETTLEMENT = 17;
    public static final int HEARTBEAT = 18;
    public static final int ERROR = 19;

    /** One past the highest code in use. */
    public static final int COUNT = 20;

    private static final String[] WIRE_NAMES = {
        "none", "login", "login_ack", "products", "subscribe", "book_snapshot", "book_update", "trade", "new_order",
        "cancel", "ack", "reject", "fill", "cancelled", "cancel_reject", "position", "open_orders", "settlement",
        "heartbeat", "error"
    };

    private MessageType() {
    }

    /** Wire name of a type code. */
    public static String wireName(final int type) {
        return type > NONE && type < COUNT ? WIRE_NAMES[type] : "unknown(" + type + ")";
    }

    /** Code of a wire name, or {@link #NONE} when unknown. */
    public static int fromWireName(final String name) {
        for (int i = 1; i < COUNT; i++) {
            if (WIRE_NAMES[i].equals(name)) {
                return i;
            }
        }
        return NONE;
    }
}
