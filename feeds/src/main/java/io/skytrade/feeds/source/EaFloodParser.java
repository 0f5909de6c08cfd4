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
 * Parses an Environment Agency flood-monitoring readings response ({@code items[]} of
 * {@code dateTime} and {@code value}) into {@code thames_level_m} observations (metres AOD, may be
 * negative), one per reading at its own {@code dateTime}: late and batched readings keep their
 * observation time, and the caller's de-duplication by time stops a reading counting twice.
 *
 * <p>Immutable; thread-safe. Cost: proportional to the body (off the hot path).
 */
public final class EaFloodParser implements ResponseParser {
    private static final String NAME = FeedSource.EA_FLOOD.label();
    private final SeriesIds ids;

    public EaFloodParser(final SeriesIds ids) {
        this.ids = ids;
    }

    @Override
    public List<Observation> parse(final byte[] body, final long fetchTimeNanos) throws FeedParseException {
        final JsonValue root = Json.parse(NAME, body);
        final JsonValue items = root.require("items");
        final int n = items.size();
        final List<Observation> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            final JsonValue item = items.at(i);
            final JsonValue value = item.get("value");
            if (value.isNull()) {
                continue;
            }
            final long t = TimeParsing.offsetIso(item.require("dateTime"));
            out.add(new Observation(ids.thamesLevel(), ParseChecks.inRange(value, -10, 15), t, FeedSource.EA_FLOOD.code(), 0));
        }
        return out;
    }
}
