package io.skytrade.core.book;

import io.skytrade.core.event.SideBuffers;
import com.lmax.disruptor.EventHandler;
import io.skytrade.core.event.EngineEvent;
import io.skytrade.core.pipeline.StateHash;

/**
 * Pipeline stage "book": runs the {@link TradingBook}'s post-trade phase on every input (acks,
 * fills, cancels, settlements, marks, ack timeouts), just before the strategy reads the book. The
 * pre-trade phase of the same book runs in the risk stage; both stages, and the strategy between
 * them, must share one thread. An input flagged {@link EngineEvent#FLAG_INPUT_REJECTED} is not
 * applied.
 *
 * <p>One thread. Hot-path cost: that of {@link TradingBook#onInput}; no allocation.
 */
public final class BookStage implements EventHandler<EngineEvent>, StateHash {
    private final TradingBook book;
    private final SideBuffers side;

    /**
     * @param book the one trading book
     * @param side the ring's side buffers, where the book's alerts go with the event's decisions
     */
    public BookStage(final TradingBook book, final SideBuffers side) {
        this.book = book;
        this.side = side;
    }

    @Override
    public void onEvent(final EngineEvent event, final long sequence, final boolean endOfBatch) {
        if ((event.flags & EngineEvent.FLAG_INPUT_REJECTED) == 0) {
            book.onInput(event, side);
        }
    }

    public TradingBook book() {
        return book;
    }


    @Override
    public long stateHash() {
        return book.stateHash();
    }
}
