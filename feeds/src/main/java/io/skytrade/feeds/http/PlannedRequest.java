package io.skytrade.feeds.http;

import io.skytrade.feeds.ResponseParser;
import okhttp3.Request;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * One request of a poll: the stable cache key of what it asks for (never the URL, which may hold
 * a key), a supplier of the request (asynchronous, because building it may first need an OAuth
 * token or a sensor list), the parser for its body, and whether a 404 means "no data" rather than
 * an error (OpenSky's flights endpoints).
 *
 * <p>Immutable; thread-safe if the supplier is. Cost: none until the request is built.
 *
 * @param cacheKey          file-safe key, stable across polls
 * @param request           builds the request; may complete exceptionally when that fails
 * @param parser            parses the body
 * @param notFoundMeansEmpty treat HTTP 404 as a good, empty answer
 */
public record PlannedRequest(String cacheKey, Supplier<CompletableFuture<Request>> request, ResponseParser parser,
                             boolean notFoundMeansEmpty) {

    /** A request that needs nothing asynchronous to be built. */
    public static PlannedRequest of(final String cacheKey, final Request request, final ResponseParser parser) {
        return new PlannedRequest(cacheKey, () -> CompletableFuture.completedFuture(request), parser, false);
    }
}
