package io.skytrade.engine.metrics;

import io.skytrade.core.event.EngineEvent;
import io.skytrade.core.event.EventType;
import io.skytrade.core.event.OrderEventKind;
import io.skytrade.core.pipeline.StageObserver;
import io.skytrade.core.position.PositionTracker;

/**
 * Observer of the book stage: copies the one trading book's position, realised and unrealised PnL
 * and fees of the instrument an input concerns into their gauges, after fills and settlements (and
 * the unrealised PnL after a book update of a product held). It runs on the book's own thread, so
 * it reads the book where the book is written, whatever the layout puts on the outbound thread.
 *
 * <p>Book stage thread. Hot-path cost: a few gauge stores per fill, settlement or book update of a
 * held product; nothing otherwise; no allocation.
 */
final class BookStageObserver implements StageObserver {
    private final EngineCounters c;
    private final PositionTracker positions;
    private final int instruments;

    BookStageObserver(final EngineCounters counters, final PositionTracker positions) {
        this.c = counters;
        this.positions = positions;
        this.instruments = counters.instruments().size();
    }

    @Override
    public void afterStage(final EngineEvent event, final long sequence) {
        final int id = event.instrumentId;
        if (id < 0 || id >= instruments) {
            return;
        }
        switch (event.type) {
            case EventType.MARKET_BOOK -> {
                if (positions.position(id) != 0) {
                    EngineCounters.setDouble(c.unrealisedPnl[id], positions.unrealisedPnl(id));
                }
            }
            case EventType.ORDER_EVENT -> {
                if (event.orderEventKind == OrderEventKind.FILL) {
                    book(id);
                }
            }
            case EventType.SETTLEMENT -> book(id);
            default -> {
            }
        }
    }

    /** Copies the book's figures of one instrument into its gauges. */
    private void book(final int id) {
        c.position[id].setRelease(positions.position(id));
        EngineCounters.setDouble(c.realisedPnl[id], positions.realisedPnl(id));
        EngineCounters.setDouble(c.unrealisedPnl[id], positions.unrealisedPnl(id));
        EngineCounters.setDouble(c.fees[id], positions.fees(id));
    }
}
