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
import java.util.Set;
import java.util.function.Supplier;

/**
 * Parses an OpenAQ v3 {@code /v3/locations/{id}/latest} response into {@code pm25_ugm3}
 * observations: rows whose {@code sensorsId} is a known PM2.5 sensor, at {@code datetime.utc} (the
 * end of the averaging period). Other sensors' rows are ignored; {@code meta} is not read (its
 * {@code found} may be a string such as {@code ">1000"}). Fails while the sensor mapping is unknown.
 *
 * <p>Thread-safe if the supplier is. Cost: proportional to the body (off the hot path).
 */
public final class OpenAqLatestParser implements ResponseParser {
    private static final String NAME = FeedSource.OPENAQ.label();
    private final SeriesIds ids;
    private final Supplier<Set<Long>> pm25Sensors;

    /**
     * @param pm25Sensors the current PM2.5 sensor ids (from {@link OpenAqLocationParser}); empty
     *                    while they are not known yet
     */
    public OpenAqLatestParser(final SeriesIds ids, final Supplier<Set<Long>> pm25Sensors) {
        this.ids = ids;
        this.pm25Sensors = pm25Sensors;
    }

    @Override
    public List<Observation> parse(final byte[] body, final long fetchTimeNanos) throws FeedParseException {
        final JsonValue root = Json.parse(NAME, body);
        final JsonValue results = root.require("results");
        final Set<Long> sensors = pm25Sensors.get();
        if (sensors.isEmpty()) {
            throw root.problem("PM2.5 sensor ids of the location are not known yet");
        }
        final List<Observation> out = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            final JsonValue row = results.at(i);
            if (!sensors.contains(row.require("sensorsId").asLong())) {
                continue;
            }
            final JsonValue value = row.get("value");
            if (value.isNull()) {
                continue;
            }
            final long t = TimeParsing.offsetIso(row.require("datetime").require("utc"));
            out.add(new Observation(ids.pm25(), ParseChecks.inRange(value, 0, 2000), t, FeedSource.OPENAQ.code(), 0));
        }
        return out;
    }
}
