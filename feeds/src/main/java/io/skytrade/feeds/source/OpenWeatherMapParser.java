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
 * Parses an OpenWeatherMap current-weather response (requested with {@code units=metric}) into
 * {@code air_temp_c} from {@code main.temp} and {@code rel_humidity_pct} from {@code main.humidity},
 * both at {@code dt}. An error body ({@code cod} other than 200, as int or string) or a temperature
 * that can only be Kelvin is an error.
 *
 * <p>Immutable; thread-safe. Cost: proportional to the body (off the hot path).
 */
public final class OpenWeatherMapParser implements ResponseParser {
    private static final String NAME = FeedSource.OPENWEATHERMAP.label();
    private final SeriesIds ids;

    public OpenWeatherMapParser(final SeriesIds ids) {
        this.ids = ids;
    }

    @Override
    public List<Observation> parse(final byte[] body, final long fetchTimeNanos) throws FeedParseException {
        final JsonValue root = Json.parse(NAME, body);
        final JsonValue cod = root.get("cod");
        if (!cod.isNull()) {
            final String code = cod.isString() ? cod.asString() : Long.toString(cod.asLong());
            if (!"200".equals(code)) {
                final JsonValue message = root.get("message");
                throw cod.problem("API error " + code + ": " + (message.isString() ? message.asString() : "no message"));
            }
        }
        final JsonValue main = root.require("main");
        final long t = TimeParsing.unixSeconds(root.require("dt"));
        final JsonValue temp = main.require("temp");
        if (temp.asDouble() > 150) {
            throw temp.problem("temperature " + temp.asDouble() + " looks like Kelvin; request units=metric");
        }
        final int source = FeedSource.OPENWEATHERMAP.code();
        final List<Observation> out = new ArrayList<>(2);
        out.add(new Observation(ids.airTemp(), ParseChecks.inRange(temp, -80, 60), t, source, 0));
        final JsonValue humidity = main.get("humidity");
        if (!humidity.isNull()) {
            out.add(new Observation(ids.relHumidity(), ParseChecks.inRange(humidity, 0, 100), t, source, 0));
        }
        return out;
    }
}
