package io.skytrade.feeds.http;

/**
 * A response body read back from the {@link ResponseCache} with the time it was fetched.
 *
 * <p>Immutable (the array is not copied: do not modify it); thread-safe. Cost: none.
 *
 * @param fetchTimeNanos when the body was fetched, epoch nanoseconds
 * @param body           the body as stored (secrets redacted)
 */
public record CachedResponse(long fetchTimeNanos, byte[] body) {
}
