package io.skytrade.exchange.cmi;

import io.skytrade.core.event.EngineEvent;

/**
 * One product's personalised book as the CMI venue's {@code order} event gives it: per side, each
 * price level's total volume and the part of it that is ours ({@code userVolume}), sorted best
 * first. Filled by {@link CmiBookDecoder}; the session derives everyone else's book from it (total
 * less ours per level) and copies that into a ring event with {@link #copyTo}.
 *
 * <p>Not thread-safe; preallocated, reused. Cost: array stores; no allocation.
 */
public final class CmiBook {
    /** Most levels kept per side (the best ones). */
    public static final int MAX_LEVELS = 64;

    public int instrument = -1;
    public double tickSize = 1;
    public int bids;
    public int asks;
    public final long[] bidPrice = new long[MAX_LEVELS];
    public final long[] bidTotal = new long[MAX_LEVELS];
    public final long[] bidOwn = new long[MAX_LEVELS];
    public final long[] askPrice = new long[MAX_LEVELS];
    public final long[] askTotal = new long[MAX_LEVELS];
    public final long[] askOwn = new long[MAX_LEVELS];

    public void clear() {
        instrument = -1;
        tickSize = 1;
        bids = 0;
        asks = 0;
    }

    /** Inserts a level keeping the side sorted best first; the worst level drops off a full side. */
    public void add(final boolean bid, final long price, final long total, final long own) {
        final long[] px = bid ? bidPrice : askPrice;
        final long[] tot = bid ? bidTotal : askTotal;
        final long[] mine = bid ? bidOwn : askOwn;
        final int n = bid ? bids : asks;
        int at = n;
        while (at > 0 && (bid ? px[at - 1] < price : px[at - 1] > price)) {
            at--;
        }
        if (at == MAX_LEVELS) {
            return;
        }
        final int move = Math.min(n, MAX_LEVELS - 1) - at;
        System.arraycopy(px, at, px, at + 1, move);
        System.arraycopy(tot, at, tot, at + 1, move);
        System.arraycopy(mine, at, mine, at + 1, move);
        px[at] = price;
        tot[at] = total;
        mine[at] = own;
        if (bid) {
            bids = Math.min(MAX_LEVELS, n + 1);
        } else {
            asks = Math.min(MAX_LEVELS, n + 1);
        }
    }

    /** Our volume at {@code price} on one side (0 when the level is not shown). */
    public long ownAt(final boolean bid, final long price) {
        final long[] px = bid ? bidPrice : askPrice;
        final int n = bid ? bids : asks;
        for (int i = 0; i < n; i++) {
            if (px[i] == price) {
                return bid ? bidOwn[i] : askOwn[i];
            }
        }
        return 0;
    }

    /**
     * True when {@code price} lies between the best and the worst level shown on one side, so a
     * resting order there would be shown (a venue may cap the depth it shows; beyond it nothing is known).
     */
    public boolean covers(final boolean bid, final long price) {
        final int n = bid ? bids : asks;
        if (n == 0) {
            return false;
        }
        final long best = bid ? bidPrice[0] : askPrice[0];
        final long worst = bid ? bidPrice[n - 1] : askPrice[n - 1];
        return bid ? price <= best && price >= worst : price >= best && price <= worst;
    }

    /** Copies everything from {@code other}. */
    public void copyFrom(final CmiBook other) {
        instrument = other.instrument;
        tickSize = other.tickSize;
        bids = other.bids;
        asks = other.asks;
        System.arraycopy(other.bidPrice, 0, bidPrice, 0, bids);
        System.arraycopy(other.bidTotal, 0, bidTotal, 0, bids);
        System.arraycopy(other.bidOwn, 0, bidOwn, 0, bids);
        System.arraycopy(other.askPrice, 0, askPrice, 0, asks);
        System.arraycopy(other.askTotal, 0, askTotal, 0, asks);
        System.arraycopy(other.askOwn, 0, askOwn, 0, asks);
    }

    /** True when both books show the same levels with the same total and own volumes. */
    public boolean sameAs(final CmiBook other) {
        return instrument == other.instrument && bids == other.bids && asks == other.asks
            && java.util.Arrays.equals(bidPrice, 0, bids, other.bidPrice, 0, bids)
            && java.util.Arrays.equals(bidTotal, 0, bids, other.bidTotal, 0, bids)
            && java.util.Arrays.equals(bidOwn, 0, bids, other.bidOwn, 0, bids)
            && java.util.Arrays.equals(askPrice, 0, asks, other.askPrice, 0, asks)
            && java.util.Arrays.equals(askTotal, 0, asks, other.askTotal, 0, asks)
            && java.util.Arrays.equals(askOwn, 0, asks, other.askOwn, 0, asks);
    }

    /** Copies the best {@link EngineEvent#BOOK_DEPTH} levels per side, total volumes, into a ring event's levels. */
    public void copyTo(final EngineEvent e) {
        e.bidLevels = Math.min(EngineEvent.BOOK_DEPTH, bids);
        e.askLevels = Math.min(EngineEvent.BOOK_DEPTH, asks);
        System.arraycopy(bidPrice, 0, e.bidPrices, 0, e.bidLevels);
        System.arraycopy(bidTotal, 0, e.bidQtys, 0, e.bidLevels);
        System.arraycopy(askPrice, 0, e.askPrices, 0, e.askLevels);
        System.arraycopy(askTotal, 0, e.askQtys, 0, e.askLevels);
    }
}
