package io.skytrade.feeds.source;

import io.skytrade.feeds.FeedParseException;
import io.skytrade.feeds.FeedSource;
import io.skytrade.feeds.Observation;
import io.skytrade.feeds.ResponseParser;
import io.skytrade.feeds.json.Json;
import io.skytrade.feeds.json.JsonValue;
import io.skytrade.feeds.json.TimeParsing;

import java.util.List;

/**
 * Parses an OpenSky {@code /states/all} response over the Heathrow box into one observation: the
 * number of airborne aircraft ({@code on_ground == false}) at {@code time}. Rows are read by index
 * and must have 17 columns (17 is {@code category}, only with {@code extended=1}) or 18; the typed
 * columns (icao24, on_ground, position_source, category) are checked; {@code states: null} means
 * no aircraft and counts 0. With a negative series id the body is validated and nothing is returned
 * (no series registered for it).
 *
 * <p>Immutable; thread-safe. Cost: proportional to the body (off the hot path).
 */
public final class OpenSkyStatesParser implements ResponseParser {
    private static final String NAME = FeedSource.OPENSKY.label();
    private final int airborneSeriesId;

    public OpenSkyStatesParser(final int airborneSeriesId) {
        this.airborneSeriesId = airborneSeriesId;
    }

    @Override
    public List<Observation> parse(final byte[] body, final long fetchTimeNanos) throws FeedParseException {
        final JsonValue root = Json.parse(NAME, body);
        final long t = TimeParsing.unixSeconds(root.require("time"));
        final JsonValue states = root.get("states");
        int airborne = 0;
        if (!states.isNull()) {
            for (int i = 0; i < states.size(); i++) {
                if (!onGround(states.at(i))) {
                    airborne++;
                }
            }
        }
        if (airborneSeriesId < 0) {
            return List.of();
        }
        return List.of(new Observation(airborneSeriesId, airborne, t, FeedSource.OPENSKY.code(), 0));
    }

    private static boolean onGround(final JsonValue row) throws FeedParseException {
        final int columns = row.size();
        if (columns != 17 && columns != 18) {
            throw row.problem("state row has " + columns + " columns; expected 17 or 18");
        }
        row.at(0).asString();
        final long positionSource = row.at(16).asLong();
        if (positionSource < 0 || positionSource > 3) {
            throw row.at(16).problem("position_source " + positionSource + " outside 0..3");
        }
        if (columns == 18 && !row.at(17).isNull()) {
            row.at(17).asLong();
        }
        return row.at(8).asBoolean();
    }
}
