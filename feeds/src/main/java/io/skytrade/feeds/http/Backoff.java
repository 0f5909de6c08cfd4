package io.skytrade.feeds.http;

/**
 * Per-source exponential back-off: after each failed poll the source is left alone for
 * {@code initial x 2^(failures-1)} (capped at {@code max}), or for as long as the server asked
 * (Retry-After, OpenSky's X-Rate-Limit-Retry-After-Seconds) when that is longer, even beyond the
 * cap; the first good poll resets it.
 *
 * <p>Thread-safety: synchronized; safe for concurrent use. Cost: a few arithmetic operations.
 */
public final class Backoff {
    private final long initialNanos;
    private final long maxNanos;
    private int failures;
    private long blockedUntilNanos = Long.MIN_VALUE;

    public Backoff(final long initialNanos, final long maxNanos) {
        this.initialNanos = initialNanos;
        this.maxNanos = maxNanos;
    }

    /** Records a failure at {@code now}; {@code retryAfterNanos} is the server's request, 0 if none. */
    public synchronized void onFailure(final long nowNanos, final long retryAfterNanos) {
        long exponential = initialNanos;
        for (int i = 0; i < failures && exponential < maxNanos; i++) {
            exponential *= 2;
        }
        exponential = Math.min(exponential, maxNanos);
        failures++;
        blockedUntilNanos = nowNanos + Math.max(exponential, retryAfterNanos);
    }

    public synchronized void onSuccess() {
        failures = 0;
        blockedUntilNanos = Long.MIN_VALUE;
    }

    /** True while the source should not be contacted. */
    public synchronized boolean blocked(final long nowNanos) {
        return nowNanos < blockedUntilNanos;
    }

    /** When the source may be contacted again (meaningful while {@link #blocked} is true). */
    public synchronized long blockedUntilNanos() {
        return blockedUntilNanos;
    }

    public synchronized int failures() {
        return failures;
    }
}
