package io.skytrade.engine.sweep;

import io.skytrade.core.event.EngineEvent;
import io.skytrade.core.event.EventType;
import io.skytrade.journal.CorruptJournalException;
import io.skytrade.journal.InputJournalReader;
import io.skytrade.journal.RunDirectory;

/**
 * The event-time span of the inputs a fill-model backtest replays from a journal: market data,
 * observations, timers and operator commands; venue order events, position reports and empty
 * entries are skipped as the backtest skips them. The span ends just after the last such input.
 *
 * <p>Offline: one sequential scan of the journal.
 */
public final class EventTimeSpan {
    private EventTimeSpan() {
    }

    /** @throws CorruptJournalException when the journal holds no input a backtest would replay */
    public static TimeWindow of(final RunDirectory run) {
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        try (InputJournalReader reader = new InputJournalReader(run.inputs())) {
            final EngineEvent e = new EngineEvent();
            while (reader.next(e)) {
                if (e.type == EventType.NONE || e.type == EventType.ORDER_EVENT || e.type == EventType.POSITION_REPORT) {
                    continue;
                }
                first = Math.min(first, e.eventTimeNanos);
                last = Math.max(last, e.eventTimeNanos);
            }
        }
        if (first == Long.MAX_VALUE) {
            throw new CorruptJournalException(run.dir() + " holds no input a backtest replays (market data, observations, timers)");
        }
        return new TimeWindow(first, last + 1);
    }
}
