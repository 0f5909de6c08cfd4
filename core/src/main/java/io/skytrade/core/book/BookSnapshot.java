package io.skytrade.core.book;

import io.skytrade.core.event.EngineEvent;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A few figures of the {@link TradingBook} published for other threads (status line, operator
 * channel, dashboards): fills, open orders, gross position, products with a position, equity and
 * realised PnL net of fees. The book stage publishes them after fills, settlements and timer ticks
 * with ordered stores; readers get a consistent-enough, slightly stale view without touching the
 * book's arrays, which only its own thread may read.
 *
 * <p>Written by the book's thread, read by any. Hot-path cost: a pass over the instruments and six
 * ordered stores per publish (not per input); no allocation.
 */
public final class BookSnapshot {
    private final AtomicLong fills = new AtomicLong();
    private final AtomicLong openOrders = new AtomicLong();
    private final AtomicLong grossPosition = new AtomicLong();
    private final AtomicLong productsHeld = new AtomicLong();
    private final AtomicLong equityBits = new AtomicLong();
    private final AtomicLong netRealisedBits = new AtomicLong();

    /** Publishes the book's current figures (on the book's thread). */
    void publish(final TradingBook book) {
        long held = 0;
        double realised = 0;
        for (int i = 0; i < EngineEvent.MAX_INSTRUMENTS; i++) {
            if (book.positions().position(i) != 0) {
                held++;
            }
            realised += book.positions().realisedPnl(i) - book.positions().fees(i);
        }
        fills.lazySet(book.positions().fillCount());
        openOrders.lazySet(book.orders().openCount());
        grossPosition.lazySet(book.positions().grossPosition());
        productsHeld.lazySet(held);
        equityBits.lazySet(Double.doubleToRawLongBits(book.equity()));
        netRealisedBits.lazySet(Double.doubleToRawLongBits(realised));
    }

    public long fills() {
        return fills.get();
    }

    public long openOrders() {
        return openOrders.get();
    }

    /** Sum of absolute positions, lots. */
    public long grossPosition() {
        return grossPosition.get();
    }

    /** Products with a non-zero position. */
    public long productsHeld() {
        return productsHeld.get();
    }

    /** Marked-to-market equity (realised - fees + unrealised), price units. */
    public double equity() {
        return Double.longBitsToDouble(equityBits.get());
    }

    /** Realised PnL net of fees, price units. */
    public double netRealised() {
        return Double.longBitsToDouble(netRealisedBits.get());
    }
}
