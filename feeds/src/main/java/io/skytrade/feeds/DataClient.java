package io.skytrade.feeds;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * One data source that can be polled: an HTTP client of a public API, or a synthetic source that
 * observes a seeded world. A poll fetches, parses and returns observations; on failure it returns
 * the last good observations flagged {@code QUALITY_STALE}, or an error, and never a made-up value.
 * Publishing into the ring is the caller's job ({@link FeedScheduler}), so the same client serves
 * the engine and {@link FeedsCheck}.
 *
 * <p>Thread-safety: {@link #poll()} may be called from any thread, but callers must not start a
 * poll before the previous one completed. Cost: one HTTP exchange and a parse per poll (off the
 * hot path); the returned future never completes exceptionally.
 */
public interface DataClient extends AutoCloseable {
    /** Name used in tables, logs and cache file names (no secrets). */
    String name();

    /** The source whose code goes into each observation. */
    FeedSource source();

    /** How often the scheduler polls this client. */
    Duration pollInterval();

    /** Starts one poll; the future completes with the outcome, never exceptionally. */
    CompletableFuture<PollResult> poll();

    /** Releases what the client holds; the default holds nothing. */
    @Override
    default void close() {
    }
}
