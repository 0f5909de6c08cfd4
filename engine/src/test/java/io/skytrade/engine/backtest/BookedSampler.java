package io.skytrade.engine.backtest;

import io.skytrade.core.book.TradingBook;
import io.skytrade.core.event.EngineEvent;
import io.skytrade.core.event.SideBuffers;
import io.skytrade.core.event.EventType;
import io.skytrade.core.event.OrderEventKind;
import io.skytrade.core.event.TimeInForce;

/**
 * An {@link EquitySampler} over a real {@link TradingBook}, fed the way the pipeline feeds them:
 * the book's post-trade phase first, then the sampler. A fill given without an order id gets an
 * order opened in the book for exactly that fill (as if risk had approved it), so tests can write
 * fills alone.
 */
public final class BookedSampler {
    public final TradingBook book = TradingBook.withDefaults();
    public final EquitySampler sampler;

    public BookedSampler(final long intervalNanos, final int instruments) {
        sampler = new EquitySampler(intervalNanos, instruments, book);
    }

    /** Alerts of the booking go here; nobody reads them. */
    private static final SideBuffers SIDE = new SideBuffers(1);

    /** Books {@code e} (opening its order first when it is a fill without one) and samples. */
    public void onEvent(final EngineEvent e, final long sequence) {
        if (e.type == EventType.ORDER_EVENT && e.orderEventKind == OrderEventKind.FILL && e.clientOrderId == 0) {
            e.clientOrderId = book.open(e.instrumentId, e.side, e.fillPriceTicks, e.fillQty, TimeInForce.GTC,
                e.eventTimeNanos);
        }
        book.onInput(e, SIDE);
        sampler.onEvent(e, sequence, true);
    }
}
