package io.skytrade.feeds.client;

import io.skytrade.feeds.ResponseParser;
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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Plans the AeroDataBox poll: one {@code /flights/airports/iata/{code}/{from}/{to}} request for the
 * {@link FlightWindow} ending {@code settleDelay} before now (local airport times in the path, as
 * the API wants), with codeshares requested only when they are counted, cancelled, cargo and
 * private flights excluded, and the RapidAPI host and key headers. Until they have succeeded once,
 * the poll adds the start-up backfill: the {@link AeroDataBoxConfig#backfillWindows()} windows
 * before the regular one, one request each (the settlement window's counts at any start hour).
 *
 * <p>Thread-safe. Cost: one URL per request.
 */
public final class AeroDataBoxPlanner implements RequestPlanner {
    private final String description;
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
    private final AeroDataBoxConfig config;
    private final AeroDataBoxParser parser;
    private final AeroDataBoxParser[] backfillParsers;
    private final Backfill backfill;
    private final String apiKey;
    private final ZoneId zone;

    public AeroDataBoxPlanner(final AeroDataBoxConfig config, final SeriesIds ids, final String apiKey) {
        this.description = "AeroDataBoxPlanner[" + config.http().base() + "]";
        this.config = config;
        this.apiKey = apiKey;
        this.zone = ZoneId.of(config.airportZone());
        this.parser = new AeroDataBoxParser(ids, config.codeshares(), config.binTime(), config.settleDelay().toNanos(),
            config.window().toNanos());
        this.backfill = new Backfill(config.backfillWindows());
        this.backfillParsers = new AeroDataBoxParser[backfill.parts()];
        for (int k = 0; k < backfillParsers.length; k++) {
            backfillParsers[k] = new AeroDataBoxParser(ids, config.codeshares(), config.binTime(),
                offset(k + 1), config.window().toNanos());
        }
    }

    /** How long before the poll the {@code k}-th window (0: the regular one) ends, before rounding down to a bin boundary. */
    private long offset(final int k) {
        return config.settleDelay().toNanos() + k * config.window().toNanos();
    }

    @Override
    public List<PlannedRequest> plan(final long nowNanos) {
        if (apiKey == null) {
            final String envVar = config.http().keyEnvVar();
            return List.of(new PlannedRequest("flights", () -> MissingKey.failed(envVar), parser, false));
        }
        if (!backfill.needed()) {
            return List.of(request("flights", nowNanos, 0, parser));
        }
        final List<PlannedRequest> out = new ArrayList<>(1 + backfill.parts());
        out.add(request("flights", nowNanos, 0, parser));
        for (int k = 0; k < backfill.parts(); k++) {
            if (backfill.needed(k)) {
                out.add(request("flights-backfill-" + (k + 1), nowNanos, k + 1, backfill.track(k, nowNanos, backfillParsers[k])));
            }
        }
        return out;
    }

    private PlannedRequest request(final String key, final long nowNanos, final int k, final ResponseParser p) {
        final FlightWindow window = FlightWindow.ending(nowNanos, offset(k), config.window().toNanos());
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
        return new PlannedRequest(key, () -> CompletableFuture.completedFuture(request), p, false);
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
