package io.skytrade.exchange.cmi;

/**
 * The CMI venue's timestamps, UTC ISO-8601 with up to nine fraction digits
 * ({@code 2026-02-28T14:07:30.547773253Z}), to and from epoch nanoseconds without building a
 * {@code String} or an {@code Instant} when parsing (the decoders hand over the parser's characters).
 * Accepts a {@code Z} or {@code +00:00} suffix and no fraction; rejects every other shape.
 *
 * <p>Stateless; thread-safe. Cost: a pass over the characters, no allocation when parsing.
 */
public final class IsoInstant {
    /** Returned by {@link #parse} for text that is not such a timestamp. */
    public static final long INVALID = Long.MIN_VALUE;

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private IsoInstant() {
    }

    /** Epoch nanoseconds of {@code text}, or {@link #INVALID}. */
    public static long parse(final CharSequence text) {
        return text == null ? INVALID : parse((Object)text, 0, text.length());
    }

    /** Epoch nanoseconds of {@code chars[offset, offset+length)}, or {@link #INVALID}. */
    public static long parse(final char[] chars, final int offset, final int length) {
        return parse((Object)chars, offset, offset + length);
    }

    private static long parse(final Object s, final int from, final int to) {
        if (to - from < 20 || at(s, from + 4) != '-' || at(s, from + 7) != '-' || at(s, from + 10) != 'T'
            || at(s, from + 13) != ':' || at(s, from + 16) != ':') {
            return INVALID;
        }
        final int year = digits(s, from, 4);
        final int month = digits(s, from + 5, 2);
        final int day = digits(s, from + 8, 2);
        final int hour = digits(s, from + 11, 2);
        final int minute = digits(s, from + 14, 2);
        final int second = digits(s, from + 17, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour < 0 || hour > 23
            || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return INVALID;
        }
        int i = from + 19;
        long nanos = 0;
        if (i < to && at(s, i) == '.') {
            i++;
            int n = 0;
            while (i < to && at(s, i) >= '0' && at(s, i) <= '9') {
                if (n < 9) {
                    nanos = nanos * 10 + (at(s, i) - '0');
                }
                n++;
                i++;
            }
            if (n == 0) {
                return INVALID;
            }
            for (int k = Math.min(n, 9); k < 9; k++) {
                nanos *= 10;
            }
        }
        final boolean zulu = i == to - 1 && at(s, i) == 'Z';
        final boolean zeroOffset = i == to - 6 && at(s, i) == '+' && at(s, i + 1) == '0' && at(s, i + 2) == '0'
            && at(s, i + 3) == ':' && at(s, i + 4) == '0' && at(s, i + 5) == '0';
        if (!zulu && !zeroOffset) {
            return INVALID;
        }
        final long seconds = daysFromCivil(year, month, day) * 86_400L + hour * 3600L + minute * 60L + second;
        return seconds * NANOS_PER_SECOND + nanos;
    }

    /** {@code epochNanos} as {@code yyyy-MM-ddTHH:mm:ss.nnnnnnnnnZ} (always nine fraction digits). */
    public static String format(final long epochNanos) {
        final StringBuilder sb = new StringBuilder(30);
        appendTo(sb, epochNanos);
        return sb.toString();
    }

    /** Appends {@link #format(long)} of {@code epochNanos} to {@code sb}. */
    public static void appendTo(final StringBuilder sb, final long epochNanos) {
        final long seconds = Math.floorDiv(epochNanos, NANOS_PER_SECOND);
        final long nanos = Math.floorMod(epochNanos, NANOS_PER_SECOND);
        final long days = Math.floorDiv(seconds, 86_400L);
        final long secOfDay = Math.floorMod(seconds, 86_400L);
        // civil_from_days (H. Hinnant)
        final long z = days + 719_468;
        final long era = Math.floorDiv(z, 146_097);
        final long doe = z - era * 146_097;
        final long yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        final long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        final long mp = (5 * doy + 2) / 153;
        final long d = doy - (153 * mp + 2) / 5 + 1;
        final long m = mp < 10 ? mp + 3 : mp - 9;
        final long y = yoe + era * 400 + (m <= 2 ? 1 : 0);
        pad(sb, y, 4).append('-');
        pad(sb, m, 2).append('-');
        pad(sb, d, 2).append('T');
        pad(sb, secOfDay / 3600, 2).append(':');
        pad(sb, secOfDay / 60 % 60, 2).append(':');
        pad(sb, secOfDay % 60, 2).append('.');
        pad(sb, nanos, 9).append('Z');
    }

    private static StringBuilder pad(final StringBuilder sb, final long value, final int width) {
        final String digits = Long.toString(value);
        for (int k = digits.length(); k < width; k++) {
            sb.append('0');
        }
        return sb.append(digits);
    }

    private static char at(final Object s, final int i) {
        return s instanceof char[] chars ? chars[i] : ((CharSequence)s).charAt(i);
    }

    private static int digits(final Object s, final int from, final int n) {
        int v = 0;
        for (int k = 0; k < n; k++) {
            final char c = at(s, from + k);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    private static int daysInMonth(final int year, final int month) {
        return switch (month) {
            case 2 -> year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    /** days_from_civil (H. Hinnant): days since 1970-01-01 of a proleptic Gregorian date. */
    private static long daysFromCivil(final int year, final int month, final int day) {
        final long y = month <= 2 ? year - 1 : year;
        final long era = Math.floorDiv(y, 400);
        final long yoe = y - era * 400;
        final long doy = (153L * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
        final long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146_097 + doe - 719_468;
    }
}
