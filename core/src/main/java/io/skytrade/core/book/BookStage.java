package io.skytrade.core.book;

import com.lmax.disruptor.EventHandler;
import io.skytrade.core.event.EngineEvent;
import io.skytrade.core.event.EventType;
import io.skytrade.core.pipeline.StateHash;

/**
 * Pipeline stage "book": runs the {@link TradingBook}'s post-trade phase on every input (acks,
 * fills, cancels, settlements, marks, ack timeouts), just before the strategy reads the book. The
 * pre-trade phase of the same book runs in the risk stage; both stages, and the strategy between
 * them, must share one thread. An input flagged {@link EngineEvent#FLAG_INPUT_REJECTED} is not
 * applied. After fills, settlements and timer ticks it publishes a {@link BookSnapshot} for
 * other threads.
 *
 * <p>One thread. Hot-path cost: that of {@link TradingBook#onInput}; no allocation.
 */
public final class BookStage implements EventHandler<EngineEvent>, StateHash {
    private final TradingBook book;
    private final BookSnapshot snapshot = new BookSnapshot();

    public BookStage(final TradingBook book) {
        this.book = book;
    }

    @Override
    public void onEvent(final EngineEvent event, final long sequence, final boolean endOfBatch) {
        if ((event.flags & EngineEvent.FLAG_INPUT_REJECTED) != 0) {
            return;
        }
        book.onInput(event);
        final int type = event.type;
        if (type == EventType.ORDER_EVENT || type == EventType.SETTLEMENT || type == EventType.TIMER) {
            snapshot.publish(book);
        }
    }

    public TradingBook book() {
        return book;
    }

    /** The book's figures for other threads, published after fills, settlements and timer ticks. */
    public BookSnapshot snapshot() {
        return snapshot;
    }

    @Override
    public long stateHash() {
        return book.stateHash();
    }
}
