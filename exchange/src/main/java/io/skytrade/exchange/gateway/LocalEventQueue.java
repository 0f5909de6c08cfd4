package io.skytrade.exchange.gateway;

/**
 * A bounded FIFO of order events the gateway decides itself (a reject because it is not
 * connected, a duplicate client order id), held as primitive arrays so that the order stage can
 * hand them off without allocating or publishing into the ring it consumes.
 *
 * <p>Not thread-safe: guard it with the gateway's order lock. Hot-path cost: array stores.
 */
final class LocalEventQueue {
    private final int[] kind;
    private final long[] clOrdId;
    private final int[] instrument;
    private final int[] side;
    private final long[] price;
    private final long[] qty;
    private final int[] reason;
    private int head;
    private int size;
    private long dropped;

    LocalEventQueue(final int capacity) {
        kind = new int[capacity];
        clOrdId = new long[capacity];
        instrument = new int[capacity];
        side = new int[capacity];
        price = new long[capacity];
        qty = new long[capacity];
        reason = new int[capacity];
    }

    /** Appends an event; counts it as dropped when full. */
    void offer(final int eventKind, final long id, final int instrumentId, final int orderSide, final long priceTicks,
               final long quantity, final int rejectReason) {
        if (size == kind.length) {
            dropped++;
            return;
        }
        final int i = (head + size) % kind.length;
        kind[i] = eventKind;
        clOrdId[i] = id;
        instrument[i] = instrumentId;
        side[i] = orderSide;
        price[i] = priceTicks;
        qty[i] = quantity;
        reason[i] = rejectReason;
        size++;
    }

    /** Moves the oldest event into {@code into}; false when empty. */
    boolean poll(final GatewayInput into) {
        if (size == 0) {
            return false;
        }
        into.localKind = kind[head];
        into.localClOrdId = clOrdId[head];
        into.instrumentId = instrument[head];
        into.localSide = side[head];
        into.localPrice = price[head];
        into.localQty = qty[head];
        into.localReason = reason[head];
        head = (head + 1) % kind.length;
        size--;
        return true;
    }

    long dropped() {
        return dropped;
    }
}
