package io.skytrade.feeds.http;

import java.util.List;

/**
 * The source-specific part of an HTTP client: which requests one poll makes at a given time (URLs,
 * parameters, headers, time windows) and how their bodies are parsed. Everything generic (async
 * fetch, cache, fallback, back-off, raw store) lives in {@link HttpDataClient}.
 *
 * <p>Implementations must be thread-safe. Cost: builds a few small objects per poll.
 */
public interface RequestPlanner {
    /** The requests of one poll at {@code nowNanos}; never empty. */
    List<PlannedRequest> plan(long nowNanos);

    /** Told about every non-2xx status, e.g. to drop an OAuth token after a 401. */
    default void onHttpStatus(final int code) {
    }
}
