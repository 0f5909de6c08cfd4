package io.skytrade.feeds.json;

import io.skytrade.feeds.FeedParseException;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Converts the timestamp formats of the data APIs (ISO-8601 with and without offset, AeroDataBox's
 * {@code yyyy-MM-dd HH:mmZ}, Unix seconds) to epoch nanoseconds, rejecting anything outside the
 * years 2000-2200 so that a garbled number never becomes a plausible time.
 *
 * <p>Stateless; thread-safe. Cost: one parse per call (off the hot path).
 */
public final class TimeParsing {
    private static final long MIN_SECONDS = 946_684_800L;      // 2000-01-01T00:00Z
    private static final long MAX_SECONDS = 7_258_118_400L;    // 2200-01-01T00:00Z
    private static final DateTimeFormatter AERODATABOX = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mmXXX");

    private TimeParsing() {
    }

    /** Epoch nanoseconds of Unix {@code seconds}. */
    public static long unixSeconds(final JsonValue node) throws FeedParseException {
        final long seconds = node.asLong();
        return checked(node, seconds, 0);
    }

    /** An ISO local date-time without offset ({@code 2026-01-15T12:00}) shifted by {@code utcOffsetSeconds}. */
    public static long localIso(final JsonValue node, final int utcOffsetSeconds) throws FeedParseException {
        final String text = node.asString();
        try {
            final long seconds = LocalDateTime.parse(text).toEpochSecond(ZoneOffset.ofTotalSeconds(utcOffsetSeconds));
            return checked(node, seconds, 0);
        } catch (DateTimeException e) {
            throw node.problem("not a local ISO date-time: '" + text + "'");
        }
    }

    /** An ISO instant with offset or Z ({@code 2026-02-28T12:00:00Z}). */
    public static long offsetIso(final JsonValue node) throws FeedParseException {
        final String text = node.asString();
        try {
            final Instant instant = OffsetDateTime.parse(text).toInstant();
            return checked(node, instant.getEpochSecond(), instant.getNano());
        } catch (DateTimeParseException e) {
            throw node.problem("not an ISO date-time with offset: '" + text + "'");
        }
    }

    /** AeroDataBox's {@code 2026-02-28 14:25Z} (or {@code +00:00}). */
    public static long aeroDataBox(final JsonValue node) throws FeedParseException {
        final String text = node.asString();
        try {
            final Instant instant = OffsetDateTime.parse(text, AERODATABOX).toInstant();
            return checked(node, instant.getEpochSecond(), 0);
        } catch (DateTimeParseException e) {
            throw node.problem("not an AeroDataBox time 'yyyy-MM-dd HH:mmZ': '" + text + "'");
        }
    }

    private static long checked(final JsonValue node, final long seconds, final int nanos) throws FeedParseException {
        if (seconds < MIN_SECONDS || seconds >= MAX_SECONDS) {
            throw node.problem("time " + seconds + " s is outside 2000..2200");
        }
        return seconds * 1_000_000_000L + nanos;
    }
}
