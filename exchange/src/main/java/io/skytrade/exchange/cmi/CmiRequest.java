package io.skytrade.exchange.cmi;

/**
 * One REST request the {@link CmiSession} wants sent: its kind, method, path (relative to the
 * venue's base address, no leading slash), JSON body (null for GET and DELETE), and what it is
 * about (a queue slot, an order). A transport sends it with the session's token and hands the
 * reply back with it.
 *
 * <p>Immutable once built; one per request (at most one a second). Cost: a small object.
 */
public final class CmiRequest {
    public static final int LOGIN = 1;
    public static final int PRODUCTS = 2;
    public static final int NEW_ORDER = 3;
    public static final int CANCEL = 4;
    public static final int OPEN_ORDERS = 5;
    public static final int POSITIONS = 6;
    public static final int TRADES = 7;

    private static final String[] NAMES = {"NONE", "LOGIN", "PRODUCTS", "NEW_ORDER", "CANCEL", "OPEN_ORDERS", "POSITIONS", "TRADES"};

    public final int kind;
    public final String method;
    public final String path;
    public final String body;
    /** The session's token to send (null for the login). */
    public final String token;
    final int queueSlot;
    final long clOrdId;

    CmiRequest(final int kind, final String method, final String path, final String body, final String token,
               final int queueSlot, final long clOrdId) {
        this.kind = kind;
        this.method = method;
        this.path = path;
        this.body = body;
        this.token = token;
        this.queueSlot = queueSlot;
        this.clOrdId = clOrdId;
    }

    public static String kindName(final int kind) {
        return kind > 0 && kind < NAMES.length ? NAMES[kind] : "UNKNOWN(" + kind + ")";
    }

    @Override
    public String toString() {
        return method + " /" + path;
    }
}
