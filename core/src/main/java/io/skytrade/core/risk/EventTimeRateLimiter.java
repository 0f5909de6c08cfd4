package io.skytrade.core.risk;

import io.skytrade.core.position.PositionTracker;

/**
 * Sliding-window rate limit in event time: at most {@code maxCount} acquisitions in any window of
 * {@code windowNanos}. Keeps the times of the last {@code maxCount} acquisitions in a preallocated
 * ring. Time going backwards never frees capacity (conservative).
 * Single-threaded. Hot-path cost: O(1) amortised, no allocation.
 */
public final class EventTimeRateLimiter {
    private final long[] times;
    private final long windowNanos;
    private int head;
    private int count;

    public EventTimeRateLimiter(final int maxCount, final long windowNanos) {
        if (maxCount <= 0 || windowNanos <= 0) {
            throw new IllegalArgumentException("rate limit " + maxCount + " per " + windowNanos + " ns: expected both > 0");
        }
        this.times = new long[maxCount];
        this.windowNanos = windowNanos;
    }

    /** True when an acquisition at {@code nowNanos} would stay within the limit. */
    public boolean canAcquire(final long nowNanos) {
        expire(nowNanos);
        return count < times.length;
    }

    /** Records an acquisition; when full, the oldest time is overwritten (the window stays full). */
    public void acquire(final long nowNanos) {
        expire(nowNanos);
        final int tail = (head + count) % times.length;
        times[tail] = nowNanos;
        if (count < times.length) {
            count++;
        } else {
            head = (head + 1) % times.length;
        }
    }

    private void expire(final long nowNanos) {
        while (count > 0 && times[head] <= nowNanos - windowNanos) {
            head = (head + 1) % times.length;
            count--;
        }
    }

    /** Acquisitions currently inside the window (as of the last call). */
    public int count() {
        return count;
    }

    /** Hash of the live window. */
    public long stateHash() {
        long h = count;
        for (int k = 0; k < count; k++) {
            h = PositionTracker.mix(h, times[(head + k) % times.length]);
        }
        return h;
    }
}
