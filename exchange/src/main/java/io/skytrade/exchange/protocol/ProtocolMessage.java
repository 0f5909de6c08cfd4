package io.skytrade.exchange.protocol;

/**
 * One protocol message of any type, as a reusable mutable record: the {@link ProtocolDecoder}
 * fills it, the {@link ProtocolEncoder} writes it. Which members are meaningful depends on
 * {@link #type}, as tabled in {@code exchange/PROTOCOL.md}; the rest keep stale values, so call
 * {@link #reset(int)} before filling one for encoding.
 *
 * <p>Not thread-safe: one per decoding or encoding thread. Arrays are sized once; lists longer
 * than their capacity are a decode error.
 */
public final class ProtocolMessage {
    /** Most levels per side in a book message. */
    public static final int MAX_LEVELS = 64;
    /** Most products in a {@code products} or {@code subscribe} message. */
    public static final int MAX_PRODUCTS = 64;
    /** Most orders in an {@code open_orders} message. */
    public static final int MAX_OPEN_ORDERS = 4096;
    /** {@link #inSeq} of a message without that member. */
    public static final long NO_IN_SEQ = -1;

    public int type;
    public String apiKey;
    public String participant;
    public String product;
    public String text;
    public long lastExecSeq;
    public long execSeq;
    public long sessionEnd;
    public long seq;
    public long ts;
    public long clOrdId;
    public long orderId;
    /** {@link io.skytrade.core.event.Side} code (also the aggressor of a trade). */
    public int side;
    public long price;
    public long qty;
    public long leaves;
    /** {@link io.skytrade.core.event.TimeInForce} code. */
    public int tif;
    public int reason;
    public int code;
    public double fee;
    public long position;
    public double settlementPrice;
    public double pnl;
    /**
     * Optional member {@code inSeq} of {@code new_order} and {@code cancel}: the engine's input
     * (journal) sequence the order answers, for matching venue records with the engine's journal
     * and for tick-to-wire measurement; {@link #NO_IN_SEQ} when absent.
     */
    public long inSeq = NO_IN_SEQ;
    /**
     * Index of {@link #product} in the {@link SymbolTable} of the {@link VenueFrameDecoder} that
     * filled this message, or -1 (decoded by {@link ProtocolDecoder}, or not a product message).
     */
    public int productIndex = -1;

    public int bidCount;
    public final long[] bidPrices = new long[MAX_LEVELS];
    public final long[] bidQtys = new long[MAX_LEVELS];
    public int askCount;
    public final long[] askPrices = new long[MAX_LEVELS];
    public final long[] askQtys = new long[MAX_LEVELS];

    public int productCount;
    public final String[] symbols = new String[MAX_PRODUCTS];
    public final long[] ticks = new long[MAX_PRODUCTS];
    public final long[] limits = new long[MAX_PRODUCTS];

    public int orderCount;
    public final long[] orderClOrdIds = new long[MAX_OPEN_ORDERS];
    public final long[] orderIds = new long[MAX_OPEN_ORDERS];
    public final String[] orderProducts = new String[MAX_OPEN_ORDERS];
    public final int[] orderSides = new int[MAX_OPEN_ORDERS];
    public final long[] orderPrices = new long[MAX_OPEN_ORDERS];
    public final long[] orderQtys = new long[MAX_OPEN_ORDERS];
    public final long[] orderLeaves = new long[MAX_OPEN_ORDERS];

    /** Clears every member and sets the type. */
    public ProtocolMessage reset(final int type) {
        this.type = type;
        apiKey = null;
        participant = null;
        product = null;
        text = null;
        lastExecSeq = 0;
        execSeq = 0;
        sessionEnd = 0;
        seq = 0;
        ts = 0;
        clOrdId = 0;
        orderId = 0;
        side = 0;
        price = 0;
        qty = 0;
        leaves = 0;
        tif = 0;
        reason = 0;
        code = 0;
        fee = 0;
        position = 0;
        settlementPrice = 0;
        pnl = 0;
        inSeq = NO_IN_SEQ;
        productIndex = -1;
        bidCount = 0;
        askCount = 0;
        productCount = 0;
        orderCount = 0;
        return this;
    }

    /** Appends a bid level; false when full. */
    public boolean addBid(final long price, final long qty) {
        if (bidCount == MAX_LEVELS) {
            return false;
        }
        bidPrices[bidCount] = price;
        bidQtys[bidCount++] = qty;
        return true;
    }

    /** Appends an ask level; false when full. */
    public boolean addAsk(final long price, final long qty) {
        if (askCount == MAX_LEVELS) {
            return false;
        }
        askPrices[askCount] = price;
        askQtys[askCount++] = qty;
        return true;
    }

    /** Appends a product (tick and limit are ignored by {@code subscribe}); false when full. */
    public boolean addProduct(final String symbol, final long tick, final long limit) {
        if (productCount == MAX_PRODUCTS) {
            return false;
        }
        symbols[productCount] = symbol;
        ticks[productCount] = tick;
        limits[productCount++] = limit;
        return true;
    }

    /** Appends an open order; false when full. */
    public boolean addOrder(final long clOrdId, final long orderId, final String product, final int side,
                            final long price, final long qty, final long leaves) {
        if (orderCount == MAX_OPEN_ORDERS) {
            return false;
        }
        final int i = orderCount++;
        orderClOrdIds[i] = clOrdId;
        orderIds[i] = orderId;
        orderProducts[i] = product;
        orderSides[i] = side;
        orderPrices[i] = price;
        orderQtys[i] = qty;
        orderLeaves[i] = leaves;
        return true;
    }
}
