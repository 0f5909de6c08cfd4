package io.skytrade.feeds.client;

import io.skytrade.feeds.FeedParseException;
import io.skytrade.feeds.SeriesIds;
import io.skytrade.feeds.config.OpenAqConfig;
import io.skytrade.feeds.http.AsyncHttp;
import io.skytrade.feeds.http.HttpReply;
import io.skytrade.feeds.http.PlannedRequest;
import io.skytrade.feeds.http.RequestPlanner;
import io.skytrade.feeds.source.OpenAqLatestParser;
import io.skytrade.feeds.source.OpenAqLocationParser;
import okhttp3.Request;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Plans the OpenAQ v3 poll: the latest readings of the location, after learning once which of its
 * sensors measure PM2.5 in µg/m³ from {@code /v3/locations/{id}} (the latest rows carry only a
 * sensor id). Both requests carry the key in the {@code X-API-Key} header. Without a key every
 * poll fails with the variable's name.
 *
 * <p>Thread-safety: the sensor set is an atomic reference; safe for concurrent use. Cost: one
 * extra request until the sensors are known.
 */
public final class OpenAqPlanner implements RequestPlanner {
    private final String description;
    private final OpenAqConfig config;
    private final AsyncHttp http;
    private final String apiKey;
    private final AtomicReference<Set<Long>> pm25Sensors = new AtomicReference<>(Set.of());
    private final OpenAqLatestParser parser;
    private final OpenAqLocationParser locationParser = new OpenAqLocationParser();

    public OpenAqPlanner(final OpenAqConfig config, final SeriesIds ids, final AsyncHttp http, final String apiKey) {
        this.description = "OpenAqPlanner[" + config.http().base() + "]";
        this.config = config;
        this.http = http;
        this.apiKey = apiKey;
        this.parser = new OpenAqLatestParser(ids, pm25Sensors::get);
    }

    @Override
    public List<PlannedRequest> plan(final long nowNanos) {
        return List.of(new PlannedRequest("latest", this::latestRequest, parser, false));
    }

    private CompletableFuture<Request> latestRequest() {
        if (apiKey == null) {
            return MissingKey.failed(config.http().keyEnvVar());
        }
        final Request latest = request("/v3/locations/" + config.locationId() + "/latest?limit=100");
        if (!pm25Sensors.get().isEmpty()) {
            return CompletableFuture.completedFuture(latest);
        }
        return http.execute(request("/v3/locations/" + config.locationId())).thenApply(reply -> {
            learnSensors(reply);
            return latest;
        });
    }

    private void learnSensors(final HttpReply reply) {
        if (!reply.successful()) {
            throw new CompletionException(new IOException("location look-up answered HTTP " + reply.code()));
        }
        try {
            pm25Sensors.set(locationParser.pm25Sensors(reply.body()));
        } catch (FeedParseException e) {
            throw new CompletionException(new IOException("location look-up failed: " + e.getMessage(), e));
        }
    }

    private Request request(final String path) {
        return new Request.Builder().url(config.http().base() + path).header("X-API-Key", apiKey).build();
    }

    /** Names the planner and its base URL; never the key or a URL holding it. */
    @Override
    public String toString() {
        return description;
    }
}
