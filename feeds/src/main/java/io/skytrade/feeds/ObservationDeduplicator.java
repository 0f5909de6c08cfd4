package io.skytrade.feeds;

import io.skytrade.core.event.EngineEvent;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Lets each fresh observation through once per series and observation time, so overlapping
 * windows, re-sent pages and late or batched readings (the EA sends them) are never counted twice,
 * while a late reading for a time not yet seen still passes with its own observation time. Stale
 * (cache-served) observations always pass: they say "the source is down, this is the last value",
 * flagged {@link EngineEvent#QUALITY_STALE}. Times older than {@code horizonNanos} before the newest
 * seen are forgotten to bound memory; a reading that old is dropped.
 *
 * <p>Thread-safety: synchronized; one instance per client. Cost: a tree look-up per observation
 * (off the hot path).
 */
public final class ObservationDeduplicator {
    private final long horizonNanos;
    private final Map<Integer, TreeSet<Long>> seen = new HashMap<>();

    public ObservationDeduplicator(final long horizonNanos) {
        this.horizonNanos = horizonNanos;
    }

    /** The observations of {@code batch} not published before, in batch order. */
    public synchronized List<Observation> fresh(final List<Observation> batch) {
        final List<Observation> out = new ArrayList<>(batch.size());
        for (final Observation o : batch) {
            if ((o.quality() & EngineEvent.QUALITY_STALE) != 0) {
                out.add(o);
                continue;
            }
            final TreeSet<Long> times = seen.computeIfAbsent(o.seriesId(), id -> new TreeSet<>());
            if (!times.isEmpty() && o.eventTimeNanos() < times.last() - horizonNanos) {
                continue;
            }
            if (times.add(o.eventTimeNanos())) {
                out.add(o);
                while (times.first() < times.last() - horizonNanos) {
                    times.pollFirst();
                }
            }
        }
        return out;
    }
}
