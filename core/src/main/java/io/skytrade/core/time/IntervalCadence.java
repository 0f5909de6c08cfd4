package io.skytrade.core.time;

import java.util.Arrays;

/**
 * Per-id event-time cadence for work a stage defers to its timer: inputs {@link #mark} an id as
 * having something pending, and {@link #takeDue} says once per interval (in event time) that the
 * id's pending work is due, clearing the mark and scheduling the next turn one interval later. Used
 * by the regime's forward step and the strategy's variance fold (issue 15), which accumulate per
 * book and act on the first TIMER at least the interval after their previous turn.
 *
 * <p>Owned by one stage; single-threaded. Hot-path cost: a boolean store per mark, a compare per id
 * per timer; no allocation.
 */
public final class IntervalCadence {
    private final long intervalNanos;
    private final boolean[] pending;
    private final long[] nextAt;

    /** A cadence of {@code intervalNanos} (>= 0) for ids {@code 0..ids-1}, each due at its first mark. */
    public IntervalCadence(final int ids, final long intervalNanos) {
        this.intervalNanos = intervalNanos;
        pending = new boolean[ids];
        nextAt = new long[ids];
        Arrays.fill(nextAt, Long.MIN_VALUE);
    }

    /** Records that {@code id} has pending work. */
    public void mark(final int id) {
        pending[id] = true;
    }

    /**
     * True when {@code id} has pending work and its turn has come at event time {@code t}: the mark is
     * cleared and the next turn is {@code t} plus the interval; false (and nothing changes) otherwise.
     */
    public boolean takeDue(final int id, final long t) {
        if (pending[id] && t >= nextAt[id]) {
            pending[id] = false;
            nextAt[id] = t + intervalNanos;
            return true;
        }
        return false;
    }

    /** Whether {@code id} has pending work (for state hashes). */
    public boolean pending(final int id) {
        return pending[id];
    }

    /** The event time of {@code id}'s next turn (for state hashes); {@link Long#MIN_VALUE} before its first. */
    public long nextAt(final int id) {
        return nextAt[id];
    }
}
