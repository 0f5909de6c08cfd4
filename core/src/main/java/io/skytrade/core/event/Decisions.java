package io.skytrade.core.event;

/**
 * A fixed-capacity, preallocated list of decisions attached to one {@link EngineEvent}: order
 * intents proposed by the strategy, risk verdicts, mode changes. Structure of arrays of primitives,
 * reset per event by {@link #clear()}.
 *
 * <p>Written by one stage at a time (the Disruptor's sequencing orders stage access); not
 * thread-safe otherwise. Hot-path cost: array stores only; no allocation. {@link #add} returns -1
 * when full, and the caller counts the overflow rather than throwing.
 */
public final class Decisions {
    /** Most decisions one input can cause (one per instrument plus cancels). */
    public static final int CAPACITY = 64;

    /** Status of a proposed intent as it moves through risk. */
    public static final int STATUS_PROPOSED = 0;
    public static final int STATUS_APPROVED = 1;
    public static final int STATUS_REJECTED = 2;

    private int count;
    public final int[] kind = new int[CAPACITY];
    public final int[] status = new int[CAPACITY];
    public final int[] instrumentId = new int[CAPACITY];
    public final int[] side = new int[CAPACITY];
    public final long[] priceTicks = new long[CAPACITY];
    public final long[] quantity = new long[CAPACITY];
    public final long[] clientOrderId = new long[CAPACITY];
    public final int[] reason = new int[CAPACITY];
    public final int[] timeInForce = new int[CAPACITY];
    /**
     * Why the strategy proposes an order ({@link io.skytrade.core.order.OrderPurpose}); the book
     * keeps it with the order and its fills. Not journaled (the book's state hash covers it).
     */
    public final int[] purpose = new int[CAPACITY];

    public int count() {
        return count;
    }

    public void clear() {
        count = 0;
    }

    /**
     * Appends a decision and returns its index, or -1 when the buffer is full.
     */
    public int add(final int kind, final int instrumentId, final int side, final long priceTicks,
                   final long quantity, final long clientOrderId, final int reason) {
        if (count == CAPACITY) {
            return -1;
        }
        final int i = count++;
        this.kind[i] = kind;
        this.status[i] = STATUS_PROPOSED;
        this.instrumentId[i] = instrumentId;
        this.side[i] = side;
        this.priceTicks[i] = priceTicks;
        this.quantity[i] = quantity;
        this.clientOrderId[i] = clientOrderId;
        this.reason[i] = reason;
        this.timeInForce[i] = TimeInForce.GTC;
        this.purpose[i] = 0;
        return i;
    }

    /** Copies every decision of {@code other} into this buffer (used by tests and replay tools). */
    public void copyFrom(final Decisions other) {
        count = other.count;
        System.arraycopy(other.kind, 0, kind, 0, count);
        System.arraycopy(other.status, 0, status, 0, count);
        System.arraycopy(other.instrumentId, 0, instrumentId, 0, count);
        System.arraycopy(other.side, 0, side, 0, count);
        System.arraycopy(other.priceTicks, 0, priceTicks, 0, count);
        System.arraycopy(other.quantity, 0, quantity, 0, count);
        System.arraycopy(other.clientOrderId, 0, clientOrderId, 0, count);
        System.arraycopy(other.reason, 0, reason, 0, count);
        System.arraycopy(other.timeInForce, 0, timeInForce, 0, count);
        System.arraycopy(other.purpose, 0, purpose, 0, count);
    }
}
