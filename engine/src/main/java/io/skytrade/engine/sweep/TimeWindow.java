package io.skytrade.engine.sweep;

import java.time.Instant;

/**
 * A span of event time, {@code [fromNanos, toNanos)} in epoch nanoseconds: one walk-forward
 * window, or a journal's whole replayable span. Immutable.
 */
public record TimeWindow(long fromNanos, long toNanos) {
    public TimeWindow {
        if (toNanos <= fromNanos) {
            throw new IllegalArgumentException("time window: end " + toNanos + " must be after start " + fromNanos);
        }
    }

    public String isoStart() {
        return iso(fromNanos);
    }

    public String isoEnd() {
        return iso(toNanos);
    }

    private static String iso(final long nanos) {
        return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L)).toString();
    }
}
