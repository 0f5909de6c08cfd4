package io.skytrade.feeds;

import java.util.List;

/**
 * Turns one HTTP response body of one source into observations. Implementations are pure: no I/O,
 * no clock (the fetch time is passed in), no state that changes between calls except what the
 * constructor fixed.
 *
 * <p>Thread-safety: implementations must be safe to call from several threads. Cost: allocates
 * the parsed tree and the result list (off the hot path).
 */
@FunctionalInterface
public interface ResponseParser {
    /**
     * Parses {@code body}.
     *
     * @param body           the response body as received
     * @param fetchTimeNanos when the body was fetched, epoch nanoseconds (forecast cut-off, windows)
     * @return the observations, possibly empty, never null
     * @throws FeedParseException on anything that is not a well-formed response of this source
     */
    List<Observation> parse(byte[] body, long fetchTimeNanos) throws FeedParseException;
}
