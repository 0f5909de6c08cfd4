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
 * for the commercial tier when a key is configured). Until it has succeeded once, the poll asks
 * for {@code backfillMinutely15} past samples instead (start-up backfill of the settlement window).
 *
 * <p>Thread-safe. Cost: none per poll (both requests are built once).
 */
public final class OpenMeteoForecastPlanner implements RequestPlanner {
    private final String description;
    private final PlannedRequest request;
    private final Request backfillRequest;
    private final OpenMeteoForecastParser parser;
    private final Backfill backfill;

    public OpenMeteoForecastPlanner(final OpenMeteoForecastConfig config, final SeriesIds ids, final String apiKey) {
        this.description = "OpenMeteoForecastPlanner[" + config.http().base() + "]";
        this.parser = new OpenMeteoForecastParser(ids);
        this.backfill = new Backfill(config.backfillMinutely15() > config.pastMinutely15() ? 1 : 0);
        this.request = PlannedRequest.of("minutely15", request(config, config.pastMinutely15(), apiKey), parser);
        this.backfillRequest = request(config, config.backfillMinutely15(), apiKey);
    }

    private static Request request(final OpenMeteoForecastConfig config, final int past, final String apiKey) {
        final HttpUrl.Builder url = HttpUrl.get(config.http().base() + "/v1/forecast").newBuilder()
            .addQueryParameter("latitude", Double.toString(config.latitude()))
            .addQueryParameter("longitude", Double.toString(config.longitude()))
            .addQueryParameter("minutely_15", "temperature_2m,relative_humidity_2m")
            .addQueryParameter("past_minutely_15", Integer.toString(past))
            .addQueryParameter("forecast_minutely_15", "4")
            .addQueryParameter("timezone", "GMT");
        if (apiKey != null) {
            url.addQueryParameter("apikey", apiKey);
        }
        return new Request.Builder().url(url.build()).build();
    }

    @Override
    public List<PlannedRequest> plan(final long nowNanos) {
        if (!backfill.needed(0)) {
            return List.of(request);
        }
        return List.of(PlannedRequest.of("minutely15-backfill", backfillRequest, backfill.track(0, nowNanos, parser)));
    }

    /** Names the planner and its base URL; never the key or a URL holding it. */
    @Override
    public String toString() {
        return description;
    }
}
