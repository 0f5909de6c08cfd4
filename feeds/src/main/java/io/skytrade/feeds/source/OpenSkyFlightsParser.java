package io.skytrade.feeds.source;

import io.skytrade.feeds.FeedParseException;
import io.skytrade.feeds.FeedSource;
import io.skytrade.feeds.Observation;
import io.skytrade.feeds.ResponseParser;
import io.skytrade.feeds.json.Json;
import io.skytrade.feeds.json.JsonValue;
import io.skytrade.feeds.json.TimeParsing;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses an OpenSky {@code /flights/arrival} or {@code /flights/departure} response (an array of
 * flights) into 30-minute counts over the request window: arrivals binned by {@code lastSeen},
 * departures by {@code firstSeen}, one observation per bin at its start, empty bins counting 0.
 * An empty array, or the empty body OpenSky sends with its 404 for "no flights", yields no
 * observations: an empty answer is not a count of zero.
 *
 * <p>Immutable; thread-safe. Cost: proportional to the body (off the hot path).
 */
public final class OpenSkyFlightsParser implements ResponseParser {
    private static final String NAME = FeedSource.OPENSKY.label();
    private final int seriesId;
    private final boolean arrivals;
    private final long settleDelayNanos;
    private final long windowNanos;

    /**
     * @param arrivals true for {@code /flights/arrival} (bin by lastSeen), false for departures
     */
    public OpenSkyFlightsParser(final int seriesId, final boolean arrivals, final long settleDelayNanos, final long windowNanos) {
        this.seriesId = seriesId;
        this.arrivals = arrivals;
        this.settleDelayNanos = settleDelayNanos;
        this.windowNanos = windowNanos;
    }

    @Override
    public List<Observation> parse(final byte[] body, final long fetchTimeNanos) throws FeedParseException {
        if (body.length == 0) {
            return List.of();
        }
        final JsonValue flights = Json.parse(NAME, body);
        final FlightWindow window = FlightWindow.ending(fetchTimeNanos, settleDelayNanos, windowNanos);
        final int[] bins = new int[window.bins()];
        final int n = flights.size();
        for (int i = 0; i < n; i++) {
            final JsonValue flight = flights.at(i);
            final long t = TimeParsing.unixSeconds(flight.require(arrivals ? "lastSeen" : "firstSeen"));
            final int bin = window.binOf(t);
            if (bin >= 0) {
                bins[bin]++;
            }
        }
        if (n == 0) {
            return List.of();
        }
        final List<Observation> out = new ArrayList<>(bins.length);
        for (int i = 0; i < bins.length; i++) {
            out.add(new Observation(seriesId, bins[i], window.binStart(i), FeedSource.OPENSKY.code(), 0));
        }
        return out;
    }
}
