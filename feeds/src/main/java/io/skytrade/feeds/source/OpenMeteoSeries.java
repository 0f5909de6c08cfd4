package io.skytrade.feeds.source;

import io.skytrade.feeds.FeedParseException;
import io.skytrade.feeds.Observation;
import io.skytrade.feeds.json.JsonValue;
import io.skytrade.feeds.json.TimeParsing;

import java.util.List;

/**
 * Reads one variable of an Open-Meteo time block ({@code minutely_15} or {@code hourly}: a
 * {@code time} array and one array per variable) into observations, skipping {@code null}s (past
 * the model horizon) and times after the fetch (forecasts are not observations).
 *
 * <p>Stateless; thread-safe. Cost: one observation per non-null past element.
 */
final class OpenMeteoSeries {
    private OpenMeteoSeries() {
    }

    static void read(final JsonValue block, final String variable, final int offsetSeconds, final long fetchTimeNanos,
                     final int seriesId, final int source, final double min, final double max,
                     final List<Observation> out) throws FeedParseException {
        final JsonValue times = block.require("time");
        final JsonValue values = block.require(variable);
        final int n = times.size();
        if (values.size() != n) {
            throw values.problem("has " + values.size() + " elements but time has " + n);
        }
        for (int i = 0; i < n; i++) {
            final JsonValue v = values.at(i);
            if (v.isNull()) {
                continue;
            }
            final long t = TimeParsing.localIso(times.at(i), offsetSeconds);
            if (t > fetchTimeNanos) {
                continue;
            }
            out.add(new Observation(seriesId, ParseChecks.inRange(v, min, max), t, source, 0));
        }
    }

    /** The body's {@code utc_offset_seconds}, 0 when absent. */
    static int offsetSeconds(final JsonValue root) throws FeedParseException {
        final JsonValue offset = root.get("utc_offset_seconds");
        if (offset.isNull()) {
            return 0;
        }
        final long seconds = offset.asLong();
        if (seconds < -18 * 3600 || seconds > 18 * 3600) {
            throw offset.problem("offset " + seconds + " s outside -18 h..18 h");
        }
        return (int) seconds;
    }
}
