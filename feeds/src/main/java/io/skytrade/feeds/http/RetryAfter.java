package io.skytrade.feeds.http;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Reads how long a server asked us to wait: {@code Retry-After} as delta-seconds or an HTTP date,
 * and OpenSky's {@code X-Rate-Limit-Retry-After-Seconds}; the longer wins. Unparseable values count
 * as no request.
 *
 * <p>Stateless; thread-safe. Cost: one parse per header.
 */
public final class RetryAfter {
    private static final long MAX_SECONDS = 7L * 24 * 3600;

    private RetryAfter() {
    }

    /** The requested wait in nanoseconds, 0 when none; dates are taken relative to {@code nowNanos}. */
    public static long nanos(final String retryAfter, final String openSkyRetryAfterSeconds, final long nowNanos) {
        return Math.max(parse(retryAfter, nowNanos), parse(openSkyRetryAfterSeconds, nowNanos));
    }

    private static long parse(final String value, final long nowNanos) {
        if (value == null || value.isBlank()) {
            return 0;
        }
        final String v = value.trim();
        try {
            final long seconds = Long.parseLong(v);
            return Math.max(0, Math.min(seconds, MAX_SECONDS)) * 1_000_000_000L;
        } catch (NumberFormatException notSeconds) {
            try {
                final long at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toEpochSecond();
                final long delta = at - Math.floorDiv(nowNanos, 1_000_000_000L);
                return Math.max(0, Math.min(delta, MAX_SECONDS)) * 1_000_000_000L;
            } catch (DateTimeParseException notDate) {
                return 0;
            }
        }
    }
}
