package io.skytrade.exchange.gateway;

import io.skytrade.core.event.EngineEvent;
import io.skytrade.exchange.protocol.ProtocolMessage;

/**
 * The client's copy of one product's book as the venue shows it: rebuilt from a snapshot, kept
 * current by incremental updates whose sequence numbers must follow on without a gap. After a
 * gap the view is invalid until the next snapshot.
 *
 * <p>Not thread-safe: owned by the gateway's socket read thread. Hot-path cost: a linear scan of
 * at most {@link ProtocolMessage#MAX_LEVELS} levels per changed level; no allocation.
 */
final class BookView {
    private final long[] bidPx = new long[ProtocolMessage.MAX_LEVELS];
    private final long[] bidQty = new long[ProtocolMessage.MAX_LEVELS];
    private final long[] askPx = new long[ProtocolMessage.MAX_LEVELS];
    private final long[] askQty = new long[ProtocolMessage.MAX_LEVELS];
    private int bids;
    private int asks;
    private long seq;
    private boolean valid;

    void invalidate() {
        valid = false;
    }

    void applySnapshot(final ProtocolMessage m) {
        bids = copy(m.bidPrices, m.bidQtys, m.bidCount, bidPx, bidQty, true);
        asks = copy(m.askPrices, m.askQtys, m.askCount, askPx, askQty, false);
        seq = m.seq;
        valid = true;
    }

    /** Outcome of {@link #applyUpdate}. */
    static final int APPLIED = 0;
    static final int STALE = 1;
    static final int GAP = 2;

    /** Applies an update: {@link #APPLIED}, {@link #STALE} (ignored) or {@link #GAP} (view invalidated). */
    int applyUpdate(final ProtocolMessage m) {
        if (!valid || m.seq <= seq) {
            return STALE;
        }
        if (m.seq != seq + 1) {
            valid = false;
            return GAP;
        }
        for (int i = 0; i < m.bidCount; i++) {
            bids = set(bidPx, bidQty, bids, m.bidPrices[i], m.bidQtys[i], true);
        }
        for (int i = 0; i < m.askCount; i++) {
            asks = set(askPx, askQty, asks, m.askPrices[i], m.askQtys[i], false);
        }
        seq = m.seq;
        return APPLIED;
    }

    /** Copies the top {@link EngineEvent#BOOK_DEPTH} levels per side into a ring event. */
    void copyTo(final EngineEvent e) {
        e.bidLevels = Math.min(EngineEvent.BOOK_DEPTH, bids);
        e.askLevels = Math.min(EngineEvent.BOOK_DEPTH, asks);
        System.arraycopy(bidPx, 0, e.bidPrices, 0, e.bidLevels);
        System.arraycopy(bidQty, 0, e.bidQtys, 0, e.bidLevels);
        System.arraycopy(askPx, 0, e.askPrices, 0, e.askLevels);
        System.arraycopy(askQty, 0, e.askQtys, 0, e.askLevels);
        e.bookSequence = seq;
    }

    private static int copy(final long[] fromPx, final long[] fromQty, final int n, final long[] px, final long[] qty,
                            final boolean bid) {
        int count = 0;
        for (int i = 0; i < n; i++) {
            count = set(px, qty, count, fromPx[i], fromQty[i], bid);
        }
        return count;
    }

    private static int set(final long[] px, final long[] qty, final int count, final long price, final long quantity, final boolean bid) {
        int i = 0;
        while (i < count && px[i] != price) {
            i++;
        }
        if (i < count) {
            if (quantity == 0) {
                System.arraycopy(px, i + 1, px, i, count - i - 1);
                System.arraycopy(qty, i + 1, qty, i, count - i - 1);
                return count - 1;
            }
            qty[i] = quantity;
            return count;
        }
        if (quantity == 0 || count == px.length) {
            return count;
        }
        int at = 0;
        while (at < count && (bid ? px[at] > price : px[at] < price)) {
            at++;
        }
        System.arraycopy(px, at, px, at + 1, count - at);
        System.arraycopy(qty, at, qty, at + 1, count - at);
        px[at] = price;
        qty[at] = quantity;
        return count + 1;
    }
}
