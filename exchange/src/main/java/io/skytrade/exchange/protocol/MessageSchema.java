package io.skytrade.exchange.protocol;

/**
 * The members of every message type, in the order the encoder writes them; the decoder requires
 * exactly this set, plus the optional members of {@link #optionalMask(int)} (only {@code inSeq} of
 * {@code new_order} and {@code cancel}), and no others. One table for both directions keeps the
 * encoder, the decoders and {@code PROTOCOL.md} in step.
 *
 * <p>Immutable; safe from any thread. Hot-path cost: array reads.
 */
final class MessageSchema {
    static final int TYPE = 0;
    static final int API_KEY = 1;
    static final int LAST_EXEC_SEQ = 2;
    static final int PARTICIPANT = 3;
    static final int SESSION_END = 4;
    static final int EXEC_SEQ = 5;
    static final int PRODUCT = 6;
    static final int SEQ = 7;
    static final int TS = 8;
    static final int BIDS = 9;
    static final int ASKS = 10;
    static final int PRODUCTS = 11;
    static final int CL_ORD_ID = 12;
    static final int ORDER_ID = 13;
    static final int SIDE = 14;
    static final int PRICE = 15;
    static final int QTY = 16;
    static final int LEAVES = 17;
    static final int TIF = 18;
    static final int REASON = 19;
    static final int TEXT = 20;
    static final int FEE = 21;
    static final int POSITION = 22;
    static final int PNL = 23;
    static final int ORDERS = 24;
    static final int CODE = 25;
    static final int AGGRESSOR = 26;
    static final int IN_SEQ = 27;
    static final int FIELD_COUNT = 28;

    static final String[] NAMES = {
        "type", "apiKey", "lastExecSeq", "participant", "sessionEnd", "execSeq", "product", "seq", "ts", "bids", "asks",
        "products", "clOrdId", "orderId", "side", "price", "qty", "leaves", "tif", "reason", "text", "fee", "position",
        "pnl", "orders", "code", "aggressor", "inSeq"
    };

    private static final int[][] FIELDS = new int[MessageType.COUNT][];
    private static final int[] MASKS = new int[MessageType.COUNT];
    private static final int[] OPTIONAL = new int[MessageType.COUNT];

    static {
        FIELDS[MessageType.NONE] = new int[0];
        FIELDS[MessageType.LOGIN] = new int[] {TYPE, API_KEY, LAST_EXEC_SEQ};
        FIELDS[MessageType.LOGIN_ACK] = new int[] {TYPE, PARTICIPANT, LAST_EXEC_SEQ, SESSION_END, TS};
        FIELDS[MessageType.PRODUCTS] = new int[] {TYPE, PRODUCTS};
        FIELDS[MessageType.SUBSCRIBE] = new int[] {TYPE, PRODUCTS};
        FIELDS[MessageType.BOOK_SNAPSHOT] = new int[] {TYPE, PRODUCT, SEQ, TS, BIDS, ASKS};
        FIELDS[MessageType.BOOK_UPDATE] = new int[] {TYPE, PRODUCT, SEQ, TS, BIDS, ASKS};
        FIELDS[MessageType.TRADE] = new int[] {TYPE, PRODUCT, PRICE, QTY, AGGRESSOR, TS};
        FIELDS[MessageType.NEW_ORDER] = new int[] {TYPE, CL_ORD_ID, PRODUCT, SIDE, PRICE, QTY, TIF};
        FIELDS[MessageType.CANCEL] = new int[] {TYPE, CL_ORD_ID, PRODUCT};
        FIELDS[MessageType.ACK] = new int[] {TYPE, EXEC_SEQ, CL_ORD_ID, ORDER_ID, PRODUCT, SIDE, PRICE, QTY, TIF, TS};
        FIELDS[MessageType.REJECT] = new int[] {TYPE, EXEC_SEQ, CL_ORD_ID, PRODUCT, REASON, TEXT, TS};
        FIELDS[MessageType.FILL] = new int[] {TYPE, EXEC_SEQ, CL_ORD_ID, ORDER_ID, PRODUCT, SIDE, PRICE, QTY, LEAVES, FEE, TS};
        FIELDS[MessageType.CANCELLED] = new int[] {TYPE, EXEC_SEQ, CL_ORD_ID, ORDER_ID, PRODUCT, QTY, REASON, TS};
        FIELDS[MessageType.CANCEL_REJECT] = new int[] {TYPE, EXEC_SEQ, CL_ORD_ID, PRODUCT, REASON, TEXT, TS};
        FIELDS[MessageType.POSITION] = new int[] {TYPE, PRODUCT, POSITION, TS};
        FIELDS[MessageType.OPEN_ORDERS] = new int[] {TYPE, ORDERS, TS};
        FIELDS[MessageType.SETTLEMENT] = new int[] {TYPE, EXEC_SEQ, PRODUCT, PRICE, POSITION, PNL, TS};
        FIELDS[MessageType.HEARTBEAT] = new int[] {TYPE, TS};
        FIELDS[MessageType.ERROR] = new int[] {TYPE, CODE, TEXT};
        OPTIONAL[MessageType.NEW_ORDER] = 1 << IN_SEQ;
        OPTIONAL[MessageType.CANCEL] = 1 << IN_SEQ;
        for (int t = 0; t < MessageType.COUNT; t++) {
            int mask = 0;
            for (final int f : FIELDS[t]) {
                mask |= 1 << f;
            }
            MASKS[t] = mask;
        }
    }

    private MessageSchema() {
    }

    /** Members of a type in wire order (the array is shared: do not modify). */
    static int[] fields(final int type) {
        return FIELDS[type];
    }

    /** Bit set of the required members of a type. */
    static int mask(final int type) {
        return MASKS[type];
    }

    /** Bit set of the optional members of a type (written after the required ones when present). */
    static int optionalMask(final int type) {
        return OPTIONAL[type];
    }

    /** Field id of a member name, or -1. */
    static int field(final String name) {
        for (int i = 0; i < FIELD_COUNT; i++) {
            if (NAMES[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }
}
