package io.skytrade.feeds.source;

import io.skytrade.feeds.FeedParseException;
import io.skytrade.feeds.FeedSource;
import io.skytrade.feeds.Observation;
import io.skytrade.feeds.ResponseParser;
import io.skytrade.feeds.SeriesIds;
import io.skytrade.feeds.json.Json;
import io.skytrade.feeds.json.JsonValue;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses an Open-Meteo forecast response with a {@code minutely_15} block of
 * {@code temperature_2m} (°C, into {@code air_temp_c}) and {@code relative_humidity_2m} (%, into
 * {@code rel_humidity_pct}), the settlement data of the WX products. Times are shifted by
 * {@code utc_offset_seconds}; nulls past the horizon and samples after the fetch time are skipped;
 * a unit other than °C or % is an error (never silently converted).
 *
 * <p>Immutable; thread-safe. Cost: proportional to the body (off the hot path).
 */
public final class OpenMeteoForecastParser implements ResponseParser {
    private static final String NAME = FeedSource.OPEN_METEO_FORECAST.label();
    private final SeriesIds ids;

    public OpenMeteoForecastParser(final SeriesIds ids) {
        this.ids = ids;
    }

    @Override
    public List<Observation> parse(final byte[] body, final long fetchTimeNanos) throws FeedParseException {
        final JsonValue root = Json.parse(NAME, body);
        ParseChecks.openMeteoError(root);
        final int offset = OpenMeteoSeries.offsetSeconds(root);
        final JsonValue units = root.get("minutely_15_units");
        ParseChecks.unit(units, "temperature_2m", "°C");
        ParseChecks.unit(units, "relative_humidity_2m", "%");
        final JsonValue block = root.require("minutely_15");
        final List<Observation> out = new ArrayList<>();
        final int source = FeedSource.OPEN_METEO_FORECAST.code();
        OpenMeteoSeries.read(block, "temperature_2m", offset, fetchTimeNanos, ids.airTemp(), source, -80, 60, out);
        OpenMeteoSeries.read(block, "relative_humidity_2m", offset, fetchTimeNanos, ids.relHumidity(), source, 0, 100, out);
        return out;
    }
}
