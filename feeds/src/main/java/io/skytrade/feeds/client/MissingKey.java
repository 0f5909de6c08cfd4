package io.skytrade.feeds.client;

import okhttp3.Request;

import java.util.concurrent.CompletableFuture;

/**
 * Builds the failed request future of a source whose key variable is not set, so the poll reports
 * "environment variable X is not set" (the name, never a value) and serves the cache instead of
 * crashing at start-up.
 *
 * <p>Stateless; thread-safe. Cost: one exception per poll while the key is missing.
 */
final class MissingKey {
    private MissingKey() {
    }

    static CompletableFuture<Request> failed(final String envVar) {
        return CompletableFuture.failedFuture(new IllegalStateException(
            "environment variable " + (envVar == null || envVar.isEmpty() ? "(none configured)" : envVar) + " is not set"));
    }
}
