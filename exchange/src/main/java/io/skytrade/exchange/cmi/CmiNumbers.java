package io.skytrade.exchange.cmi;

/**
 * Parses the decimal numbers of the CMI venue ({@code 10115}, {@code 10115.0}, {@code -2.5},
 * {@code 8.0}) from characters without building a {@code String}: the book snapshot's prices are
 * JSON member names and its volumes may be floats, so one snapshot would otherwise cost a string
 * per level. Exponents and anything else are rejected (NaN), as the venue never sends them.
 *
 * <p>Stateless; thread-safe. Cost: a pass over the characters; no allocation.
 */
public final class CmiNumbers {
    private static final double[] POW10 = {1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13,
        1e14, 1e15, 1e16, 1e17, 1e18};

    private CmiNumbers() {
    }

    /** The value of {@code s}, or NaN when it is not a plain decimal. */
    public static double parseDecimal(final CharSequence s) {
        return s == null ? Double.NaN : parse(s, 0, s.length());
    }

    /** The value of {@code chars[offset, offset+length)}, or NaN when it is not a plain decimal. */
    public static double parseDecimal(final char[] chars, final int offset, final int length) {
        return parse(chars, offset, offset + length);
    }

    private static double parse(final Object s, final int from, final int to) {
        int i = from;
        boolean negative = false;
        if (i < to && at(s, i) == '-') {
            negative = true;
            i++;
        }
        long mantissa = 0;
        int digits = 0;
        int fraction = 0;
        boolean point = false;
        boolean any = false;
        for (; i < to; i++) {
            final char c = at(s, i);
            if (c >= '0' && c <= '9') {
                any = true;
                if (digits < 18) {
                    mantissa = mantissa * 10 + (c - '0');
                    if (mantissa != 0) {
                        digits++;
                    }
                    if (point) {
                        fraction++;
                    }
                } else if (!point) {
                    return Double.NaN;
                }
            } else if (c == '.' && !point) {
                point = true;
            } else {
                return Double.NaN;
            }
        }
        if (!any || fraction >= POW10.length) {
            return Double.NaN;
        }
        final double v = mantissa / POW10[fraction];
        return negative ? -v : v;
    }

    private static char at(final Object s, final int i) {
        return s instanceof char[] chars ? chars[i] : ((CharSequence)s).charAt(i);
    }
}
