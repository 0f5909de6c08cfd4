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
 * hourly PM2.5 (past day and today) in GMT. Until it has succeeded once, the poll asks for
 * {@code backfillPastDays} past days instead (start-up backfill of the model's history).
 *
 * <p>Thread-safe. Cost: none per poll (both requests are built once).
 */
public final class OpenMeteoAirPlanner implements RequestPlanner {
    private final String description;
    private final PlannedRequest request;
    private final Request backfillRequest;
    private final OpenMeteoAirParser parser;
    private final Backfill backfill;

    public OpenMeteoAirPlanner(final OpenMeteoAirConfig config, final SeriesIds ids, final String apiKey) {
        this.description = "OpenMeteoAirPlanner[" + config.http().base() + "]";
        this.parser = new OpenMeteoAirParser(ids);
        this.backfill = new Backfill(config.backfillPastDays() > 1 ? 1 : 0);
        this.request = PlannedRequest.of("air", request(config, 1, apiKey), parser);
        this.backfillRequest = request(config, config.backfillPastDays(), apiKey);
    }

    private static Request request(final OpenMeteoAirConfig config, final int pastDays, final String apiKey) {
        final HttpUrl.Builder url = HttpUrl.get(config.http().base() + "/v1/air-quality").newBuilder()
            .addQueryParameter("latitude", Double.toString(config.latitude()))
            .addQueryParameter("longitude", Double.toString(config.longitude()))
            .addQueryParameter("current", "pm2_5")
            .addQueryParameter("hourly", "pm2_5")
            .addQueryParameter("past_days", Integer.toString(pastDays))
            .addQueryParameter("forecast_days", "1")
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
        return List.of(PlannedRequest.of("air-backfill", backfillRequest, backfill.track(0, nowNanos, parser)));
    }

    /** Names the planner and its base URL; never the key or a URL holding it. */
    @Override
    public String toString() {
        return description;
    }
}
