package io.skytrade.feeds.client;

import io.skytrade.feeds.SeriesIds;
import io.skytrade.feeds.config.AeroDataBoxConfig;
import io.skytrade.feeds.http.PlannedRequest;
import io.skytrade.feeds.http.RequestPlanner;
import io.skytrade.feeds.source.AeroDataBoxParser;
import io.skytrade.feeds.source.CodesharePolicy;
import io.skytrade.feeds.source.FlightWindow;
import okhttp3.HttpUrl;
import okhttp3.Request;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Plans the AeroDataBox poll: one {@code /flights/airports/iata/{code}/{from}/{to}} request for the
 * {@link FlightWindow} ending {@code settleDelay} before now (local airport times in the path, as
 * the API wants), with codeshares requested only when they are counted, cancelled, cargo and
 * private flights excluded, and the RapidAPI host and key headers.
 *
 * <p>Immutable; thread-safe. Cost: one URL per poll.
 */
public final class AeroDataBoxPlanner implements RequestPlanner {
    private final String description;
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
    private final AeroDataBoxConfig config;
    private final AeroDataBoxParser parser;
    private final String apiKey;
    private final ZoneId zone;

    public AeroDataBoxPlanner(final AeroDataBoxConfig config, final SeriesIds ids, final String apiKey) {
        this.description = "AeroDataBoxPlanner[" + config.http().base() + "]";
        this.config = config;
        this.apiKey = apiKey;
        this.zone = ZoneId.of(config.airportZone());
        this.parser = new AeroDataBoxParser(ids, config.codeshares(), config.binTime(), config.settleDelay().toNanos(),
            config.window().toNanos());
    }

    @Override
    public List<PlannedRequest> plan(final long nowNanos) {
        if (apiKey == null) {
            final String envVar = config.http().keyEnvVar();
            return List.of(new PlannedRequest("flights", () -> MissingKey.failed(envVar), parser, false));
        }
        final FlightWindow window = FlightWindow.ending(nowNanos, config.settleDelay().toNanos(), config.window().toNanos());
        final HttpUrl url = HttpUrl.get(config.http().base() + "/flights/airports/iata/" + config.airportIata()
                + "/" + local(window.startNanos()) + "/" + local(window.endNanos())).newBuilder()
            .addQueryParameter("withLeg", "false")
            .addQueryParameter("direction", "Both")
            .addQueryParameter("withCancelled", "false")
            .addQueryParameter("withCodeshared", Boolean.toString(config.codeshares() == CodesharePolicy.ALL_LISTINGS))
            .addQueryParameter("withCargo", "false")
            .addQueryParameter("withPrivate", "false")
            .build();
        final Request request = new Request.Builder().url(url)
            .header("x-rapidapi-host", config.rapidApiHost())
            .header("x-rapidapi-key", apiKey)
            .build();
        return List.of(new PlannedRequest("flights", () -> CompletableFuture.completedFuture(request), parser, false));
    }

    private String local(final long epochNanos) {
        return LOCAL.format(Instant.ofEpochSecond(Math.floorDiv(epochNanos, 1_000_000_000L)).atZone(zone));
    }

    /** Names the planner and its base URL; never the key or a URL holding it. */
    @Override
    public String toString() {
        return description;
    }
}
