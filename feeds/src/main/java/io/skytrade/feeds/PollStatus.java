package io.skytrade.feeds;

/**
 * Outcome of one poll: {@link #OK} fresh data, {@link #STALE} the fetch failed (or the source is in
 * back-off) and cached observations were served flagged stale, {@link #FAILED} the fetch failed and
 * nothing usable was cached.
 *
 * <p>Immutable; thread-safe. Cost: none.
 */
public enum PollStatus {
    OK,
    STALE,
    FAILED
}
