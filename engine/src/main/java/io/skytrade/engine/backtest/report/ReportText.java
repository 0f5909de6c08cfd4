package io.skytrade.engine.backtest.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/**
 * Escaping and number formatting for the HTML report: text for HTML element content and
 * attributes, JSON string literals safe inside a {@code <script>} element ({@code <}, {@code >},
 * {@code &} and the JavaScript line separators are written as {@code \}{@code uXXXX}, so no
 * {@code </script>} can appear), and compact, locale-independent numbers. Offline only.
 */
public final class ReportText {
    private static final long[] POW10 = {1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L};

    private ReportText() {
    }

    /** Escapes {@code s} for HTML element content or a double-quoted attribute. */
    public static String html(final String s) {
        final StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            final char c = s.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /** Appends {@code s} as a JSON string literal that is safe inside a {@code <script>} element. */
    public static StringBuilder jsonString(final StringBuilder sb, final String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            final char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '<', '>', '&', '\u2028', '\u2029' -> unicode(sb, c);
                default -> {
                    if (c < 0x20) {
                        unicode(sb, c);
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"');
    }

    private static void unicode(final StringBuilder sb, final char c) {
        sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
    }

    /**
     * Appends {@code v} rounded to at most {@code decimals} (0..6) decimals, trailing zeros
     * dropped, or {@code null} when it is not finite (JSON has no NaN).
     */
    public static StringBuilder jsonNumber(final StringBuilder sb, final double v, final int decimals) {
        if (!Double.isFinite(v)) {
            return sb.append("null");
        }
        if (decimals < 0 || decimals >= POW10.length) {
            throw new IllegalArgumentException("decimals " + decimals + " must be in 0.." + (POW10.length - 1));
        }
        final double scaled = v * POW10[decimals];
        if (Math.abs(scaled) >= 1e15) {
            return sb.append(BigDecimal.valueOf(v).stripTrailingZeros().toPlainString());
        }
        long units = Math.round(scaled);
        if (units == 0) {
            return sb.append('0');
        }
        if (units < 0) {
            sb.append('-');
            units = -units;
        }
        final long whole = units / POW10[decimals];
        long fraction = units % POW10[decimals];
        sb.append(whole);
        if (fraction != 0) {
            int digits = decimals;
            while (fraction % 10 == 0) {
                fraction /= 10;
                digits--;
            }
            final String f = Long.toString(fraction);
            sb.append('.');
            for (int i = f.length(); i < digits; i++) {
                sb.append('0');
            }
            sb.append(f);
        }
        return sb;
    }

    /** A number for people: integers grouped, other values to four significant digits or decimals. */
    public static String number(final Number n) {
        if (n instanceof Long || n instanceof Integer || n instanceof Short || n instanceof Byte) {
            return String.format(Locale.ROOT, "%,d", n.longValue());
        }
        final double d = n.doubleValue();
        if (Double.isNaN(d)) {
            return "n/a";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "∞" : "-∞";
        }
        final double a = Math.abs(d);
        if (a != 0 && (a >= 1e9 || a < 1e-3)) {
            return String.format(Locale.ROOT, "%.4g", d);
        }
        if (a >= 1000) {
            return String.format(Locale.ROOT, "%,.2f", d);
        }
        return BigDecimal.valueOf(d).round(new MathContext(4)).stripTrailingZeros().toPlainString();
    }
}
