package io.skytrade.engine.config;

import java.util.Locale;

/** Parses human durations ("250ms", "10s", "5m", "1h", "1d"; a bare number is seconds). Start-up and CLI only. */
public final class Durations {
    private Durations() {
    }

    /**
     * @throws IllegalArgumentException when the text is not a non-negative duration
     */
    public static long parseNanos(final String text) {
        final String t = text.trim().toLowerCase(Locale.ROOT);
        final String[][] units = {{"ns", "1"}, {"us", "1000"}, {"ms", "1000000"}, {"s", "1000000000"},
            {"m", "60000000000"}, {"h", "3600000000000"}, {"d", "86400000000000"}};
        for (final String[] unit : units) {
            if (t.endsWith(unit[0]) && t.length() > unit[0].length()) {
                final String number = t.substring(0, t.length() - unit[0].length());
                if (number.chars().allMatch(c -> Character.isDigit(c) || c == '.')) {
                    return toNanos(number, Long.parseLong(unit[1]), text);
                }
            }
        }
        return toNanos(t, 1_000_000_000L, text);
    }

    private static long toNanos(final String number, final long unitNanos, final String text) {
        try {
            final double v = Double.parseDouble(number);
            if (v < 0 || !Double.isFinite(v)) {
                throw new IllegalArgumentException("'" + text + "' is not a non-negative duration");
            }
            return Math.round(v * unitNanos);
        } catch (final NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a duration such as 500ms, 10s, 5m or 1h", e);
        }
    }
}
