package io.skytrade.exchange.cmi;

import io.skytrade.core.event.Side;
import io.skytrade.core.event.TimeInForce;
import org.agrona.collections.Long2LongHashMap;

import java.util.HashMap;
import java.util.Map;

/**
 * The CMI gateway's own orders at the venue: every order it sent and has not seen end, with its
 * venue id (a UUID), limit, quantity, the fills attributed to it, and what the venue said about it
 * (the immediate fill its placement reported, the total filled its cancel reported). The venue's
 * stream reports our trades without order ids, so this table is what fills are attributed to, and
 * what the personalised book's {@code userVolume} is checked against. Orphans are orders the venue
 * lists as ours that we did not send (a previous run's): kept apart until cancelled.
 *
 * <p>Not thread-safe: owned by the gateway's session (its lock). Cost: hash look-ups by id; scans
 * over live orders for per-level sums (a few dozen).
 */
final class OwnOrders {
    static final int FREE = 0;
    /** The placement's reply was lost (5xx or I/O error): whether the venue has it is unknown until reconciliation. */
    static final int UNCERTAIN = 1;
    /** At the venue, resting or awaiting the report of its immediate fills. */
    static final int OPEN = 2;
    /** Cancelled at the venue, awaiting the trades of fills its cancel reply counted. */
    static final int CLOSING = 3;

    private final long[] clOrdId;
    private final String[] venueId;
    private final long[] venueSeq;
    private final int[] instrument;
    private final int[] side;
    private final long[] price;
    private final long[] qty;
    private final int[] tif;
    private final long[] filled;
    private final long[] immediateExpected;
    private final long[] immediateAttributed;
    private final long[] closingFilled;
    private final int[] closingReason;
    private final long[] since;
    private final long[] created;
    private final int[] state;
    private final Long2LongHashMap byClOrdId = new Long2LongHashMap(-1);
    private final Map<String, Integer> byVenueId = new HashMap<>();
    private long nextCreated;
    private long nextVenueSeq = 1;
    private int live;

    private final String[] orphanId;
    private final int[] orphanInstrument;
    private final int[] orphanSide;
    private final long[] orphanPrice;
    private final long[] orphanVolume;

    OwnOrders(final int capacity) {
        clOrdId = new long[capacity];
        venueId = new String[capacity];
        venueSeq = new long[capacity];
        instrument = new int[capacity];
        side = new int[capacity];
        price = new long[capacity];
        qty = new long[capacity];
        tif = new int[capacity];
        filled = new long[capacity];
        immediateExpected = new long[capacity];
        immediateAttributed = new long[capacity];
        closingFilled = new long[capacity];
        closingReason = new int[capacity];
        since = new long[capacity];
        created = new long[capacity];
        state = new int[capacity];
        orphanId = new String[capacity];
        orphanInstrument = new int[capacity];
        orphanSide = new int[capacity];
        orphanPrice = new long[capacity];
        orphanVolume = new long[capacity];
    }

    /** Records a sent order; -1 when the table is full. */
    int add(final long id, final int instrumentId, final int orderSide, final long priceTicks, final long quantity,
            final int timeInForce, final int initialState, final long nowNanos) {
        for (int s = 0; s < state.length; s++) {
            if (state[s] == FREE) {
                clOrdId[s] = id;
                venueId[s] = null;
                venueSeq[s] = 0;
                instrument[s] = instrumentId;
                side[s] = orderSide;
                price[s] = priceTicks;
                qty[s] = quantity;
                tif[s] = timeInForce;
                filled[s] = 0;
                immediateExpected[s] = 0;
                immediateAttributed[s] = 0;
                closingFilled[s] = 0;
                closingReason[s] = 0;
                since[s] = nowNanos;
                created[s] = nextCreated++;
                state[s] = initialState;
                byClOrdId.put(id, s);
                live++;
                return s;
            }
        }
        return -1;
    }

    /** Sets the venue id of an order (its placement was acknowledged) and gives it a numeric venue sequence. */
    void acknowledge(final int s, final String id, final long immediateFill) {
        venueId[s] = id;
        venueSeq[s] = nextVenueSeq++;
        byVenueId.put(id, s);
        immediateExpected[s] = immediateFill;
        state[s] = OPEN;
    }

    void remove(final int s) {
        byClOrdId.remove(clOrdId[s]);
        if (venueId[s] != null) {
            byVenueId.remove(venueId[s]);
        }
        venueId[s] = null;
        state[s] = FREE;
        live--;
    }

    int find(final long id) {
        return (int)byClOrdId.get(id);
    }

    int findVenue(final String id) {
        final Integer s = byVenueId.get(id);
        return s == null ? -1 : s;
    }

    /** Capacity, for loops over slots. */
    int capacity() {
        return state.length;
    }

    int live() {
        return live;
    }

    int state(final int s) {
        return state[s];
    }

    long clOrdId(final int s) {
        return clOrdId[s];
    }

    String venueId(final int s) {
        return venueId[s];
    }

    long venueSeq(final int s) {
        return venueSeq[s];
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

    long filled(final int s) {
        return filled[s];
    }

    long leaves(final int s) {
        return qty[s] - filled[s];
    }

    long created(final int s) {
        return created[s];
    }

    long since(final int s) {
        return since[s];
    }

    /** Immediate fill the placement reported and no trade has been attributed to yet. */
    long immediateOutstanding(final int s) {
        return Math.max(0, immediateExpected[s] - immediateAttributed[s]);
    }

    /** Attributes {@code q} lots of a trade to order {@code s}; {@code immediate} when it counts against the placement's fill. */
    void fill(final int s, final long q, final boolean immediate) {
        filled[s] += q;
        if (immediate) {
            immediateAttributed[s] += q;
        }
    }

    /** The venue cancelled order {@code s} having filled {@code venueFilled} in all; trades for the difference are awaited. */
    void closing(final int s, final long venueFilled, final int reason, final long nowNanos) {
        state[s] = CLOSING;
        closingFilled[s] = venueFilled;
        closingReason[s] = reason;
        since[s] = nowNanos;
    }

    long closingFilled(final int s) {
        return closingFilled[s];
    }

    int closingReason(final int s) {
        return closingReason[s];
    }

    /** Our resting GTC volume at a price as the venue should show it (open orders and orphans). */
    long restingAt(final int instrumentId, final boolean bid, final long priceTicks) {
        final int wanted = bid ? Side.BUY : Side.SELL;
        long sum = 0;
        for (int s = 0; s < state.length; s++) {
            if (state[s] == OPEN && instrument[s] == instrumentId && side[s] == wanted && price[s] == priceTicks) {
                sum += tif[s] == TimeInForce.GTC ? qty[s] - filled[s] - immediateOutstanding(s) : 0;
            }
        }
        for (int o = 0; o < orphanId.length; o++) {
            if (orphanId[o] != null && orphanInstrument[o] == instrumentId && orphanSide[o] == wanted && orphanPrice[o] == priceTicks) {
                sum += orphanVolume[o];
            }
        }
        return sum;
    }

    /**
     * True when every level of {@code book} shows exactly our resting volume, and every price where
     * we rest and the book covers shows it: the snapshot and this table describe the same orders.
     * Any open IOC order or immediate fill not yet reported makes it false (the table is behind).
     */
    boolean agreesWith(final CmiBook book) {
        final int id = book.instrument;
        for (int s = 0; s < state.length; s++) {
            if (state[s] != FREE && instrument[s] == id
                && (state[s] == UNCERTAIN || tif[s] != TimeInForce.GTC || immediateOutstanding(s) > 0)) {
                return false;
            }
        }
        for (int i = 0; i < book.bids; i++) {
            if (book.bidOwn[i] != restingAt(id, true, book.bidPrice[i])) {
                return false;
            }
        }
        for (int i = 0; i < book.asks; i++) {
            if (book.askOwn[i] != restingAt(id, false, book.askPrice[i])) {
                return false;
            }
        }
        for (int s = 0; s < state.length; s++) {
            if (state[s] == OPEN && instrument[s] == id) {
                final boolean bid = side[s] == Side.BUY;
                if (book.covers(bid, price[s]) && book.ownAt(bid, price[s]) == 0 && leaves(s) > 0) {
                    return false;
                }
            }
        }
        return true;
    }

    // ---------------------------------------------------------------- orphans

    void clearOrphans() {
        java.util.Arrays.fill(orphanId, null);
    }

    void addOrphan(final String id, final int instrumentId, final int orderSide, final long priceTicks, final long volume) {
        for (int o = 0; o < orphanId.length; o++) {
            if (orphanId[o] == null) {
                orphanId[o] = id;
                orphanInstrument[o] = instrumentId;
                orphanSide[o] = orderSide;
                orphanPrice[o] = priceTicks;
                orphanVolume[o] = volume;
                return;
            }
        }
    }

    void removeOrphan(final String id) {
        for (int o = 0; o < orphanId.length; o++) {
            if (id.equals(orphanId[o])) {
                orphanId[o] = null;
            }
        }
    }

    int orphanCount() {
        int n = 0;
        for (final String id : orphanId) {
            if (id != null) {
                n++;
            }
        }
        return n;
    }
}
