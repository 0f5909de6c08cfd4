package io.skytrade.feeds.client;

import io.skytrade.feeds.SeriesIds;
import io.skytrade.feeds.config.OpenMeteoForecastConfig;
import io.skytrade.feeds.http.PlannedRequest;
import io.skytrade.feeds.http.RequestPlanner;
import io.skytrade.feeds.source.OpenMeteoForecastParser;
import okhttp3.HttpUrl;
import okhttp3.Request;

import java.util.List;

/**
 * Plans the Open-Meteo forecast poll: one {@code /v1/forecast} request for the past
 * {@code pastMinutely15} 15-minute samples of temperature and humidity in GMT (plus {@code apikey}
 * for the commercial tier when a key is configured).
 *
 * <p>Immutable; thread-safe. Cost: one URL per poll.
 */
public final class OpenMeteoForecastPlanner implements RequestPlanner {
    private final String description;
    private final PlannedRequest request;

    public OpenMeteoForecastPlanner(final OpenMeteoForecastConfig config, final SeriesIds ids, final String apiKey) {
        this.description = "OpenMeteoForecastPlanner[" + config.http().base() + "]";
        final HttpUrl.Builder url = HttpUrl.get(config.http().base() + "/v1/forecast").newBuilder()
            .addQueryParameter("latitude", Double.toString(config.latitude()))
            .addQueryParameter("longitude", Double.toString(config.longitude()))
            .addQueryParameter("minutely_15", "temperature_2m,relative_humidity_2m")
            .addQueryParameter("past_minutely_15", Integer.toString(config.pastMinutely15()))
            .addQueryParameter("forecast_minutely_15", "4")
            .addQueryParameter("timezone", "GMT");
        if (apiKey != null) {
            url.addQueryParameter("apikey", apiKey);
        }
        this.request = PlannedRequest.of("minutely15", new Request.Builder().url(url.build()).build(), new OpenMeteoForecastParser(ids));
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
