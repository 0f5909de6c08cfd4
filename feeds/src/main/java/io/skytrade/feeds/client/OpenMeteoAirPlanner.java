package io.skytrade.feeds.client;

import io.skytrade.feeds.SeriesIds;
import io.skytrade.feeds.config.OpenMeteoAirConfig;
import io.skytrade.feeds.http.PlannedRequest;
import io.skytrade.feeds.http.RequestPlanner;
import io.skytrade.feeds.source.OpenMeteoAirParser;
import okhttp3.HttpUrl;
import okhttp3.Request;

import java.util.List;

/**
 * Plans the Open-Meteo air-quality poll: one {@code /v1/air-quality} request for current and
 * hourly PM2.5 (past day and today) in GMT.
 *
 * <p>Immutable; thread-safe. Cost: none per poll.
 */
public final class OpenMeteoAirPlanner implements RequestPlanner {
    private final String description;
    private final PlannedRequest request;

    public OpenMeteoAirPlanner(final OpenMeteoAirConfig config, final SeriesIds ids, final String apiKey) {
        this.description = "OpenMeteoAirPlanner[" + config.http().base() + "]";
        final HttpUrl.Builder url = HttpUrl.get(config.http().base() + "/v1/air-quality").newBuilder()
            .addQueryParameter("latitude", Double.toString(config.latitude()))
            .addQueryParameter("longitude", Double.toString(config.longitude()))
            .addQueryParameter("current", "pm2_5")
            .addQueryParameter("hourly", "pm2_5")
            .addQueryParameter("past_days", "1")
            .addQueryParameter("forecast_days", "1")
            .addQueryParameter("timezone", "GMT");
        if (apiKey != null) {
            url.addQueryParameter("apikey", apiKey);
        }
        this.request = PlannedRequest.of("air", new Request.Builder().url(url.build()).build(), new OpenMeteoAirParser(ids));
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
