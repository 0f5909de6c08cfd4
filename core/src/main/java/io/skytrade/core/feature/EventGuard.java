package io.skytrade.core.feature;

import io.skytrade.core.event.EngineEvent;
import io.skytrade.core.event.EventType;

/**
 * Input validation shared by the signal-stack stages: an observation with a NaN or infinite value,
 * or an event whose series or instrument id is outside the registry, is flagged with
 * {@link EngineEvent#FLAG_INPUT_REJECTED} so that no stage folds it into its state. Whichever stage
 * sees the event first flags it; every later stage skips flagged events.
 *
 * <p>Stateless. Hot-path cost: a few comparisons.
 */
public final class EventGuard {
    private EventGuard() {
    }

    /**
     * Returns true when the stages must ignore the event: it was already rejected, or it fails
     * validation now (then it is flagged).
     */
    public static boolean rejected(final EngineEvent e, final int seriesCount, final int instrumentCount) {
        if ((e.flags & EngineEvent.FLAG_INPUT_REJECTED) != 0) {
            return true;
        }
        final boolean bad;
        switch (e.type) {
            case EventType.OBSERVATION -> bad = e.instrumentId < 0 || e.instrumentId >= seriesCount || !Double.isFinite(e.value);
            case EventType.MARKET_BOOK, EventType.MARKET_TRADE, EventType.ORDER_EVENT, EventType.POSITION_REPORT ->
                bad = e.instrumentId < 0 || e.instrumentId >= instrumentCount
                    || e.bidLevels < 0 || e.bidLevels > EngineEvent.BOOK_DEPTH
                    || e.askLevels < 0 || e.askLevels > EngineEvent.BOOK_DEPTH;
            case EventType.SETTLEMENT -> bad = e.instrumentId < 0 || e.instrumentId >= instrumentCount || !Double.isFinite(e.value);
            default -> bad = false;
        }
        if (bad) {
            e.flags |= EngineEvent.FLAG_INPUT_REJECTED;
        }
        return bad;
    }

    /**
     * True for an observation served from cache after a failed fetch ({@link EngineEvent#QUALITY_STALE}):
     * a repeat of a reading already seen, which filters and windows must not count twice.
     */
    public static boolean stale(final EngineEvent e) {
        return e.type == EventType.OBSERVATION && (e.quality & EngineEvent.QUALITY_STALE) != 0;
    }
}
