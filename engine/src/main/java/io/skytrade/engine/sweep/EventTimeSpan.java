package io.skytrade.engine.sweep;

import io.skytrade.core.event.EngineEvent;
import io.skytrade.core.event.EventType;
import io.skytrade.journal.CorruptJournalException;
import io.skytrade.journal.InputJournalReader;
import io.skytrade.journal.RunDirectory;

/**
 * The event-time span a walk-forward sweep cuts into windows: from the first to just after the
 * last market-data input (books and trades), the time in which a strategy can trade. Observations
 * are stamped with their measurement time, so a run's start journals hours of backfilled readings
 * before its first book, and later readings can arrive stamped before the book they follow;
 * taking the whole event-time range would give early windows nothing to trade on.
 *
 * <p>Offline: one sequential scan of the journal.
 */
public final class EventTimeSpan {
    private EventTimeSpan() {
    }

    /** @throws CorruptJournalException when the journal holds no market data */
    public static TimeWindow ofMarketData(final RunDirectory run) {
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        try (InputJournalReader reader = new InputJournalReader(run.inputs())) {
            final EngineEvent e = new EngineEvent();
            while (reader.next(e)) {
                if (e.type == EventType.MARKET_BOOK || e.type == EventType.MARKET_TRADE) {
                    first = Math.min(first, e.eventTimeNanos);
                    last = Math.max(last, e.eventTimeNanos);
                }
            }
        }
        if (first == Long.MAX_VALUE) {
            throw new CorruptJournalException(run.dir() + " holds no market data (books or trades) to sweep over");
        }
        return new TimeWindow(first, last + 1);
    }
}
