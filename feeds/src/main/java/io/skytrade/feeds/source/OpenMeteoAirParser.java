package io.skytrade.feeds.source;

import io.skytrade.core.event.EngineEvent;
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
 * Parses an Open-Meteo air-quality response into {@code pm25_ugm3} observations (µg/m³): the
 * {@code current.pm2_5} value at {@code current.time} and the past values of an optional
 * {@code hourly.pm2_5} block (nulls and future hours skipped). Accepts the unit written with
 * either the Greek mu (U+03BC, what the API sends) or the micro sign (U+00B5). Values are CAMS model
 * output, not measurements, so every observation carries {@code QUALITY_ESTIMATED}.
 *
 * <p>Immutable; thread-safe. Cost: proportional to the body (off the hot path).
 */
public final class OpenMeteoAirParser implements ResponseParser {
    private static final String NAME = FeedSource.OPEN_METEO_AIR.label();
    private static final double MAX_PM25 = 2000;
    private final SeriesIds ids;

    public OpenMeteoAirParser(final SeriesIds ids) {
        this.ids = ids;
    }

    @Override
    public List<Observation> parse(final byte[] body, final long fetchTimeNanos) throws FeedParseException {
        final JsonValue root = Json.parse(NAME, body);
        ParseChecks.openMeteoError(root);
        final int offset = OpenMeteoSeries.offsetSeconds(root);
        final int source = FeedSource.OPEN_METEO_AIR.code();
        final List<Observation> out = new ArrayList<>();
        final JsonValue hourly = root.get("hourly");
        if (!hourly.isNull()) {
            ParseChecks.unit(root.get("hourly_units"), "pm2_5", "\u03bcg/m\u00b3", "\u00b5g/m\u00b3");
            OpenMeteoSeries.read(hourly, "pm2_5", offset, fetchTimeNanos, ids.pm25(), source, 0, MAX_PM25, out);
        }
        final JsonValue current = root.get("current");
        if (!current.isNull()) {
            ParseChecks.unit(root.get("current_units"), "pm2_5", "\u03bcg/m\u00b3", "\u00b5g/m\u00b3");
            final JsonValue value = current.get("pm2_5");
            if (!value.isNull()) {
                final long t = TimeParsing.localIso(current.require("time"), offset);
                out.add(new Observation(ids.pm25(), ParseChecks.inRange(value, 0, MAX_PM25), t, source, 0));
            }
        }
        if (hourly.isNull() && current.isNull()) {
            throw root.problem("neither 'current' nor 'hourly' block present");
        }
        final List<Observation> estimated = new ArrayList<>(out.size());
        for (final Observation o : out) {
            estimated.add(o.withQuality(EngineEvent.QUALITY_ESTIMATED));
        }
        return estimated;
    }
}
