package io.skytrade.feeds.client;

import io.skytrade.feeds.Observation;
import io.skytrade.feeds.ResponseParser;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Start-up backfill of an HTTP source: which of its {@code parts} backfill requests (e.g. one per
 * 12-hour flight window) still have to succeed. A planner adds the missing parts to its polls and
 * wraps their parsers with {@link #track}; a part is done when its own fresh body (parsed at the
 * poll's time, not a cached body served on a failure) yields observations, so a failed backfill is
 * retried on the next poll and a successful one is never repeated.
 *
 * <p>Thread-safe (one atomic bit set). Cost: a wrapper object per backfill request (off the hot path).
 */
public final class Backfill {
    private final int parts;
    private final AtomicInteger done = new AtomicInteger();

    /** A backfill of {@code parts} requests, 0..30 (0: nothing to backfill). */
    public Backfill(final int parts) {
        if (parts < 0 || parts > 30) {
            throw new IllegalArgumentException("backfill parts " + parts + " outside 0..30");
        }
        this.parts = parts;
    }

    /** Number of parts. */
    public int parts() {
        return parts;
    }

    /** Whether part {@code i} still has to succeed. */
    public boolean needed(final int part) {
        return part >= 0 && part < parts && (done.get() & (1 << part)) == 0;
    }

    /** Whether any part still has to succeed. */
    public boolean needed() {
        return Integer.bitCount(done.get()) < parts;
    }

    /** {@code parser}, marking {@code part} done when it parses a fresh body of the poll at {@code plannedAtNanos}. */
    public ResponseParser track(final int part, final long plannedAtNanos, final ResponseParser parser) {
        return (body, fetchTimeNanos) -> {
            final List<Observation> out = parser.parse(body, fetchTimeNanos);
            if (fetchTimeNanos == plannedAtNanos && !out.isEmpty()) {
                done.getAndUpdate(v -> v | (1 << part));
            }
            return out;
        };
    }
}
