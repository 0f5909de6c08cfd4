package io.skytrade.feeds.client;

import io.skytrade.feeds.SeriesIds;
import io.skytrade.feeds.config.OpenSkyConfig;
import io.skytrade.feeds.http.PlannedRequest;
import io.skytrade.feeds.http.RequestPlanner;
import io.skytrade.feeds.source.FlightWindow;
import io.skytrade.feeds.source.OpenSkyFlightsParser;
import io.skytrade.feeds.source.OpenSkyStatesParser;
import okhttp3.HttpUrl;
import okhttp3.Request;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Plans the OpenSky poll: {@code /flights/arrival} and {@code /flights/departure} for the airport
 * over a one-day {@link FlightWindow} ending {@code flightsSettleDelay} before now (a 404 there means
 * no flights), and, when an airborne-count series is registered, {@code /states/all} over the box.
 * With a {@link OpenSkyTokenProvider} every request carries a bearer token, dropped after a 401;
 * without one the requests are anonymous.
 *
 * <p>Immutable apart from the token provider; thread-safe. Cost: a few URLs per poll.
 */
public final class OpenSkyPlanner implements RequestPlanner {
    private static final long DAY_NANOS = 24L * 3600 * 1_000_000_000L;
    private final OpenSkyConfig config;
    private final OpenSkyTokenProvider tokens;
    private final OpenSkyFlightsParser arrivals;
    private final OpenSkyFlightsParser departures;
    private final OpenSkyStatesParser states;

    /**
     * @param airborneSeriesId registry id of {@code config.airborneSeries()}, or -1 to skip states
     * @param tokens           token provider, or null for anonymous access
     */
    public OpenSkyPlanner(final OpenSkyConfig config, final SeriesIds ids, final int airborneSeriesId,
                          final OpenSkyTokenProvider tokens) {
        this.config = config;
        this.tokens = tokens;
        final long settle = config.flightsSettleDelay().toNanos();
        this.arrivals = new OpenSkyFlightsParser(ids.arrivals(), true, settle, DAY_NANOS);
        this.departures = new OpenSkyFlightsParser(ids.departures(), false, settle, DAY_NANOS);
        this.states = airborneSeriesId >= 0 ? new OpenSkyStatesParser(airborneSeriesId) : null;
    }

    @Override
    public List<PlannedRequest> plan(final long nowNanos) {
        final FlightWindow window = FlightWindow.ending(nowNanos, config.flightsSettleDelay().toNanos(), DAY_NANOS);
        final String begin = Long.toString(Math.floorDiv(window.startNanos(), 1_000_000_000L));
        final String end = Long.toString(Math.floorDiv(window.endNanos(), 1_000_000_000L) - 1);
        final List<PlannedRequest> out = new ArrayList<>(3);
        out.add(flights("arrivals", "/flights/arrival", begin, end, arrivals));
        out.add(flights("departures", "/flights/departure", begin, end, departures));
        if (states != null) {
            final HttpUrl url = HttpUrl.get(config.http().base() + "/states/all").newBuilder()
                .addQueryParameter("lamin", Double.toString(config.lamin()))
                .addQueryParameter("lomin", Double.toString(config.lomin()))
                .addQueryParameter("lamax", Double.toString(config.lamax()))
                .addQueryParameter("lomax", Double.toString(config.lomax()))
                .build();
            out.add(new PlannedRequest("states", () -> authorised(url), states, false));
        }
        return out;
    }

    @Override
    public void onHttpStatus(final int code) {
        if (code == 401 && tokens != null) {
            tokens.invalidate();
        }
    }

    private PlannedRequest flights(final String key, final String path, final String begin, final String end,
                                   final OpenSkyFlightsParser parser) {
        final HttpUrl url = HttpUrl.get(config.http().base() + path).newBuilder()
            .addQueryParameter("airport", config.airportIcao())
            .addQueryParameter("begin", begin)
            .addQueryParameter("end", end)
            .build();
        return new PlannedRequest(key, () -> authorised(url), parser, true);
    }

    private CompletableFuture<Request> authorised(final HttpUrl url) {
        if (tokens == null) {
            return CompletableFuture.completedFuture(new Request.Builder().url(url).build());
        }
        return tokens.token().thenApply(token -> new Request.Builder().url(url).header("Authorization", "Bearer " + token).build());
    }
}
