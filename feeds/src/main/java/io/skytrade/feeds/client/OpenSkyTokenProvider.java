package io.skytrade.feeds.client;

import io.skytrade.feeds.FeedParseException;
import io.skytrade.feeds.http.AsyncHttp;
import io.skytrade.feeds.http.HttpReply;
import io.skytrade.feeds.json.Json;
import io.skytrade.feeds.json.JsonValue;
import okhttp3.FormBody;
import okhttp3.Request;
import org.agrona.concurrent.EpochNanoClock;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * OAuth2 client-credentials tokens for OpenSky: posts the client id and secret to the token
 * endpoint, keeps the access token until a minute before {@code expires_in}, and drops it when the
 * API answers 401 so the next poll fetches a fresh one; concurrent requests share one token fetch. The secret and token never appear in a
 * message or {@link #toString()}.
 *
 * <p>Thread-safety: synchronized; safe for concurrent use. Cost: one token request per ~30 minutes.
 */
public final class OpenSkyTokenProvider {
    private static final long MARGIN_NANOS = 60_000_000_000L;
    private final AsyncHttp http;
    private final String tokenUrl;
    private final String clientId;
    private final String clientSecret;
    private final EpochNanoClock clock;
    private String token;
    private long expiresAtNanos;
    private CompletableFuture<String> pending;

    public OpenSkyTokenProvider(final AsyncHttp http, final String tokenUrl, final String clientId, final String clientSecret,
                                final EpochNanoClock clock) {
        this.http = http;
        this.tokenUrl = tokenUrl;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.clock = clock;
    }

    /** A valid access token, fetching one when none is held or it is about to expire. */
    public synchronized CompletableFuture<String> token() {
        final long now = clock.nanoTime();
        if (token != null && now < expiresAtNanos) {
            return CompletableFuture.completedFuture(token);
        }
        if (pending != null && !pending.isDone()) {
            return pending;
        }
        final Request request = new Request.Builder().url(tokenUrl).post(new FormBody.Builder()
            .add("grant_type", "client_credentials")
            .add("client_id", clientId)
            .add("client_secret", clientSecret)
            .build()).build();
        pending = http.execute(request).thenApply(reply -> accept(reply, now));
        return pending;
    }

    /** Forgets the held token (after a 401). */
    public synchronized void invalidate() {
        token = null;
        pending = null;
    }

    private synchronized String accept(final HttpReply reply, final long now) {
        if (!reply.successful()) {
            throw new CompletionException(new IOException("OpenSky token endpoint answered HTTP " + reply.code()));
        }
        try {
            final JsonValue root = Json.parse("opensky-auth", reply.body());
            final String accessToken = root.require("access_token").asString();
            final JsonValue expiresIn = root.get("expires_in");
            final long seconds = expiresIn.isNull() ? 300 : Math.max(60, Math.min(expiresIn.asLong(), 86_400));
            token = accessToken;
            expiresAtNanos = now + seconds * 1_000_000_000L - MARGIN_NANOS;
            return accessToken;
        } catch (FeedParseException e) {
            throw new CompletionException(new IOException("OpenSky token response unusable: " + e.problem(), e));
        }
    }

    @Override
    public String toString() {
        return "OpenSkyTokenProvider[" + tokenUrl + "]";
    }
}
