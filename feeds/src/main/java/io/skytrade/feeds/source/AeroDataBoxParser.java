package io.skytrade.feeds.source;

import io.skytrade.feeds.FeedParseException;
import io.skytrade.feeds.FeedSource;
import io.skytrade.feeds.Observation;
import io.skytrade.feeds.ResponseParser;
import io.skytrade.feeds.SeriesIds;
import io.skytrade.feeds.json.Json;
import io.skytrade.feeds.json.JsonValue;
import io.skytrade.feeds.json.TimeParsing;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses an AeroDataBox airport-flights response ({@code arrivals[]} and {@code departures[]})
 * into 30-minute counts: one {@code lhr_arrivals_30m} and one {@code lhr_departures_30m}
 * observation per bin of the request window (see {@link FlightWindow}), timed at the bin start, a
 * bin without movements counting 0. Codeshare listings are dropped or counted per
 * {@link CodesharePolicy}; cancelled flights never count; the bin time follows {@link BinTime}.
 * A body with no movements at all yields no observations (an empty answer is not a count of zero).
 *
 * <p>Immutable; thread-safe. Cost: proportional to the body (off the hot path).
 */
public final class AeroDataBoxParser implements ResponseParser {
    private static final String NAME = FeedSource.AERODATABOX.label();
    private final SeriesIds ids;
    private final CodesharePolicy codeshares;
    private final BinTime binTime;
    private final long settleDelayNanos;
    private final long windowNanos;

    public AeroDataBoxParser(final SeriesIds ids, final CodesharePolicy codeshares, final BinTime binTime,
                             final long settleDelayNanos, final long windowNanos) {
        this.ids = ids;
        this.codeshares = codeshares;
        this.binTime = binTime;
        this.settleDelayNanos = settleDelayNanos;
        this.windowNanos = windowNanos;
    }

    @Override
    public List<Observation> parse(final byte[] body, final long fetchTimeNanos) throws FeedParseException {
        final JsonValue root = Json.parse(NAME, body);
        final JsonValue message = root.get("message");
        if (message.isString() && root.get("arrivals").isNull() && root.get("departures").isNull()) {
            throw root.problem("API error: " + message.asString());
        }
        final FlightWindow window = FlightWindow.ending(fetchTimeNanos, settleDelayNanos, windowNanos);
        final int[] arrivals = new int[window.bins()];
        final int[] departures = new int[window.bins()];
        final int seen = count(root.get("arrivals"), window, arrivals) + count(root.get("departures"), window, departures);
        final List<Observation> out = new ArrayList<>(2 * window.bins());
        if (seen == 0) {
            return out;
        }
        final int source = FeedSource.AERODATABOX.code();
        for (int i = 0; i < arrivals.length; i++) {
            out.add(new Observation(ids.arrivals(), arrivals[i], window.binStart(i), source, 0));
            out.add(new Observation(ids.departures(), departures[i], window.binStart(i), source, 0));
        }
        return out;
    }

    private int count(final JsonValue flights, final FlightWindow window, final int[] bins) throws FeedParseException {
        if (flights.isNull()) {
            return 0;
        }
        final int n = flights.size();
        for (int i = 0; i < n; i++) {
            final JsonValue flight = flights.at(i);
            if (!counts(flight)) {
                continue;
            }
            final int bin = window.binOf(movementTime(flight.require("movement")));
            if (bin >= 0) {
                bins[bin]++;
            }
        }
        return n;
    }

    private boolean counts(final JsonValue flight) throws FeedParseException {
        final JsonValue status = flight.get("status");
        if (status.isString() && status.asString().startsWith("Cancel")) {
            return false;
        }
        final JsonValue codeshare = flight.get("codeshareStatus");
        return codeshares == CodesharePolicy.ALL_LISTINGS
            || !codeshare.isString() || !"IsCodeshared".equals(codeshare.asString());
    }

    private long movementTime(final JsonValue movement) throws FeedParseException {
        if (binTime == BinTime.REVISED_ELSE_SCHEDULED) {
            final JsonValue revised = movement.get("revisedTime");
            if (!revised.isNull() && !revised.get("utc").isNull()) {
                return TimeParsing.aeroDataBox(revised.get("utc"));
            }
        }
        return TimeParsing.aeroDataBox(movement.require("scheduledTime").require("utc"));
    }
}
