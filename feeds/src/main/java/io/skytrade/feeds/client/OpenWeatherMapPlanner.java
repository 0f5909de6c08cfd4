package io.skytrade.feeds.client;

import io.skytrade.feeds.SeriesIds;
import io.skytrade.feeds.config.OpenWeatherMapConfig;
import io.skytrade.feeds.http.PlannedRequest;
import io.skytrade.feeds.http.RequestPlanner;
import io.skytrade.feeds.source.OpenWeatherMapParser;
import okhttp3.HttpUrl;
import okhttp3.Request;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Plans the OpenWeatherMap poll: one {@code /data/2.5/weather} request in metric units with the key
 * as {@code appid} (the URL is never logged unredacted). Without a key every poll fails with the
 * variable's name.
 *
 * <p>Immutable; thread-safe. Cost: none per poll.
 */
public final class OpenWeatherMapPlanner implements RequestPlanner {
    private final String description;
    private final PlannedRequest request;

    public OpenWeatherMapPlanner(final OpenWeatherMapConfig config, final SeriesIds ids, final String apiKey) {
        this.description = "OpenWeatherMapPlanner[" + config.http().base() + "]";
        final OpenWeatherMapParser parser = new OpenWeatherMapParser(ids);
        if (apiKey == null) {
            final String envVar = config.http().keyEnvVar();
            this.request = new PlannedRequest("current", () -> MissingKey.failed(envVar), parser, false);
            return;
        }
        final HttpUrl url = HttpUrl.get(config.http().base() + "/data/2.5/weather").newBuilder()
            .addQueryParameter("lat", Double.toString(config.latitude()))
            .addQueryParameter("lon", Double.toString(config.longitude()))
            .addQueryParameter("units", "metric")
            .addQueryParameter("appid", apiKey)
            .build();
        final Request built = new Request.Builder().url(url).build();
        this.request = new PlannedRequest("current", () -> CompletableFuture.completedFuture(built), parser, false);
    }

    @Override
    public List<PlannedRequest> plan(final long nowNanos) {
        return List.of(request);
    }

    /** Names the planner and its base URL; never the key or a URL holding it. */
    @Override
    public String toString() {
        return description;
    }
}
