package io.skytrade.exchange.cmi;

import io.skytrade.core.event.Side;
import org.agrona.collections.Long2LongHashMap;

/**
 * The CMI gateway's send queue: the order stage's intents wait here until the venue's one request
 * a second lets them out, and leave in priority order: cancels first (the remainder of an emulated
 * IOC order, then the strategy's cancels, then cancels of orphan orders found at reconciliation),
 * then new orders that reduce a position (flattening), then the other new orders (quotes); first
 * in, first out within a class. A cancel of an order still queued here removes both (the order was
 * never sent): requotes coalesce, so a strategy that replaces its quote several times between two
 * sends costs one request, not one per replacement. An entry handed out stays queued (marked in
 * flight) until the caller removes it, so a request the venue refused for the rate (429) or the
 * token (401) goes out again first.
 *
 * <p>Not thread-safe: owned by the gateway's session (its lock). Cost: a linear scan of the queued
 * entries per pick (a few dozen at most); no allocation except the orphan's venue id.
 */
final class OrderRequestQueue {
    static final int FREE = 0;
    static final int NEW = 1;
    static final int CANCEL = 2;

    /** Cancel classes, in priority order. */
    static final int CANCEL_IOC = 0;
    static final int CANCEL_USER = 1;
    static final int CANCEL_ORPHAN = 2;

    private final int[] kind;
    private final long[] clOrdId;
    private final int[] instrument;
    private final int[] side;
    private final long[] price;
    private final long[] qty;
    private final int[] tif;
    private final long[] enqueuedAt;
    private final long[] seq;
    private final int[] cancelClass;
    private final String[] venueId;
    private final boolean[] inFlight;
    private final Long2LongHashMap newById = new Long2LongHashMap(-1);
    private final Long2LongHashMap cancelById = new Long2LongHashMap(-1);
    private int size;
    private long nextSeq;

    OrderRequestQueue(final int capacity) {
        kind = new int[capacity];
        clOrdId = new long[capacity];
        instrument = new int[capacity];
        side = new int[capacity];
        price = new long[capacity];
        qty = new long[capacity];
        tif = new int[capacity];
        enqueuedAt = new long[capacity];
        seq = new long[capacity];
        cancelClass = new int[capacity];
        venueId = new String[capacity];
        inFlight = new boolean[capacity];
    }

    /** Queues a new order; -1 when full. */
    int addNew(final long id, final int instrumentId, final int orderSide, final long priceTicks, final long quantity,
               final int timeInForce, final long nowNanos) {
        final int s = freeSlot();
        if (s < 0) {
            return -1;
        }
        kind[s] = NEW;
        clOrdId[s] = id;
        instrument[s] = instrumentId;
        side[s] = orderSide;
        price[s] = priceTicks;
        qty[s] = quantity;
        tif[s] = timeInForce;
        enqueuedAt[s] = nowNanos;
        seq[s] = nextSeq++;
        newById.put(id, s);
        size++;
        return s;
    }

    /** Queues a cancel of a sent order ({@code id}) or of an orphan ({@code id} 0, {@code orphanVenueId}); -1 when full. */
    int addCancel(final long id, final int instrumentId, final int cancelKind, final String orphanVenueId, final long nowNanos) {
        final int s = freeSlot();
        if (s < 0) {
            return -1;
        }
        kind[s] = CANCEL;
        clOrdId[s] = id;
        instrument[s] = instrumentId;
        cancelClass[s] = cancelKind;
        venueId[s] = orphanVenueId;
        enqueuedAt[s] = nowNanos;
        seq[s] = nextSeq++;
        if (id != 0) {
            cancelById.put(id, s);
        }
        size++;
        return s;
    }

    /** Slot of the queued new order {@code id}, or -1. */
    int findNew(final long id) {
        return (int)newById.get(id);
    }

    /** Slot of the queued cancel of order {@code id}, or -1. */
    int findCancel(final long id) {
        return (int)cancelById.get(id);
    }

    /** True when a cancel of the orphan {@code id} is queued. */
    boolean hasOrphanCancel(final String id) {
        for (int s = 0; s < kind.length; s++) {
            if (kind[s] == CANCEL && clOrdId[s] == 0 && id.equals(venueId[s])) {
                return true;
            }
        }
        return false;
    }

    void remove(final int s) {
        if (kind[s] == NEW) {
            newById.remove(clOrdId[s]);
        } else if (kind[s] == CANCEL && clOrdId[s] != 0) {
            cancelById.remove(clOrdId[s]);
        }
        kind[s] = FREE;
        venueId[s] = null;
        inFlight[s] = false;
        size--;
    }

    /**
     * The next cancel to send: lowest class, then oldest; -1 when none. {@code sendable} says
     * whether an order's cancel can go now (its venue id is known).
     */
    int pickCancel(final CancelFilter sendable) {
        int best = -1;
        for (int s = 0; s < kind.length; s++) {
            if (kind[s] != CANCEL || inFlight[s] || !sendable.canSend(clOrdId[s])) {
                continue;
            }
            if (best < 0 || cancelClass[s] < cancelClass[best] || cancelClass[s] == cancelClass[best] && seq[s] < seq[best]) {
                best = s;
            }
        }
        return best;
    }

    /** The next new order: the oldest one reducing its product's position, else the oldest; -1 when none. */
    int pickNew(final long[] position) {
        int flatten = -1;
        int quote = -1;
        for (int s = 0; s < kind.length; s++) {
            if (kind[s] != NEW || inFlight[s]) {
                continue;
            }
            final long pos = instrument[s] >= 0 && instrument[s] < position.length ? position[instrument[s]] : 0;
            if (pos != 0 && Long.signum(pos) == -Side.sign(side[s])) {
                if (flatten < 0 || seq[s] < seq[flatten]) {
                    flatten = s;
                }
            } else if (quote < 0 || seq[s] < seq[quote]) {
                quote = s;
            }
        }
        return flatten >= 0 ? flatten : quote;
    }

    /** A queued (not in flight) new order enqueued before {@code cutoffNanos}, or -1. */
    int staleNew(final long cutoffNanos) {
        for (int s = 0; s < kind.length; s++) {
            if (kind[s] == NEW && !inFlight[s] && enqueuedAt[s] < cutoffNanos) {
                return s;
            }
        }
        return -1;
    }

    /** Any queued new order, or -1. */
    int anyNew() {
        for (int s = 0; s < kind.length; s++) {
            if (kind[s] == NEW && !inFlight[s]) {
                return s;
            }
        }
        return -1;
    }

    void inFlight(final int s, final boolean value) {
        inFlight[s] = value;
    }

    boolean isInFlight(final int s) {
        return inFlight[s];
    }

    int kind(final int s) {
        return kind[s];
    }

    long clOrdId(final int s) {
        return clOrdId[s];
    }

    int instrument(final int s) {
        return instrument[s];
    }

    int side(final int s) {
        return side[s];
    }

    long price(final int s) {
        return price[s];
    }

    long qty(final int s) {
        return qty[s];
    }

    int tif(final int s) {
        return tif[s];
    }

    long enqueuedAt(final int s) {
        return enqueuedAt[s];
    }

    int cancelClass(final int s) {
        return cancelClass[s];
    }

    String venueId(final int s) {
        return venueId[s];
    }

    int size() {
        return size;
    }

    private int freeSlot() {
        if (size == kind.length) {
            return -1;
        }
        for (int s = 0; s < kind.length; s++) {
            if (kind[s] == FREE) {
                return s;
            }
        }
        return -1;
    }

    /** Whether the cancel of order {@code clOrdId} (0: an orphan) may be sent now. */
    @FunctionalInterface
    interface CancelFilter {
        boolean canSend(long clOrdId);
    }
}
