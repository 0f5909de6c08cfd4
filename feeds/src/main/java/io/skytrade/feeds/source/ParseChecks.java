package io.skytrade.feeds.source;

import io.skytrade.feeds.FeedParseException;
import io.skytrade.feeds.json.JsonValue;

/**
 * Shared checks for parsers: plausible value ranges and accepted unit strings, each failing with
 * a {@link FeedParseException} that names the path and the expectation.
 *
 * <p>Stateless; thread-safe. Cost: a few comparisons (off the hot path).
 */
final class ParseChecks {
    private ParseChecks() {
    }

    /** The node's number, which must lie in {@code [min, max]}. */
    static double inRange(final JsonValue node, final double min, final double max) throws FeedParseException {
        final double v = node.asDouble();
        if (v < min || v > max) {
            throw node.problem("value " + v + " outside the plausible range " + min + ".." + max);
        }
        return v;
    }

    /** Fails unless the unit string at {@code field} of {@code units} is one of {@code accepted}; absent units pass. */
    static void unit(final JsonValue units, final String field, final String... accepted) throws FeedParseException {
        if (units.isNull()) {
            return;
        }
        final JsonValue unit = units.get(field);
        if (unit.isNull()) {
            return;
        }
        final String text = unit.asString();
        for (final String a : accepted) {
            if (a.equals(text)) {
                return;
            }
        }
        throw unit.problem("unit '" + text + "' not accepted; expected " + String.join(" or ", accepted));
    }

    /** Fails when an Open-Meteo style body reports {@code "error": true}. */
    static void openMeteoError(final JsonValue root) throws FeedParseException {
        final JsonValue error = root.get("error");
        if (!error.isNull() && error.asBoolean()) {
            final JsonValue reason = root.get("reason");
            throw root.problem("API error: " + (reason.isString() ? reason.asString() : "no reason given"));
        }
    }
}
