package io.skytrade.core.valuation;

import java.util.Arrays;
import java.util.Locale;

/**
 * Parses an option structure on one underlying, such as LON_FLY's {@code "+2P6200,+1C6200,-2C6600,+3C7000"}
 * (weight, P for a put or C for a call, strike; comma separated), into a
 * {@link PiecewiseLinearPayoff}. Start-up only (no hot-path cost); allocates.
 */
public final class OptionStructure {
    private OptionStructure() {
    }

    /**
     * @param key  configuration key named in error messages
     * @param spec the structure, e.g. {@code "+2P6200,+1C6200,-2C6600,+3C7000"}
     */
    public static PiecewiseLinearPayoff parse(final String key, final String spec) {
        if (spec == null || spec.isBlank()) {
            throw new IllegalArgumentException(key + ": '" + spec + "' must list option legs like +2P6200,+1C6200");
        }
        final String[] tokens = spec.split(",");
        final double[] weight = new double[tokens.length];
        final double[] strike = new double[tokens.length];
        final boolean[] call = new boolean[tokens.length];
        for (int i = 0; i < tokens.length; i++) {
            final String t = tokens[i].trim().toUpperCase(Locale.ROOT);
            int kind = t.indexOf('C');
            call[i] = kind >= 0;
            if (kind < 0) {
                kind = t.indexOf('P');
            }
            try {
                if (kind <= 0) {
                    throw new NumberFormatException("no weight or kind");
                }
                final String w = t.substring(0, kind);
                weight[i] = Double.parseDouble(w.equals("+") || w.equals("-") ? w + "1" : w);
                strike[i] = Double.parseDouble(t.substring(kind + 1));
            } catch (final NumberFormatException e) {
                throw new IllegalArgumentException(key + ": leg '" + tokens[i].trim() + "' of '" + spec
                    + "' must be <weight><P|C><strike>, e.g. +2P6200", e);
            }
            if (!Double.isFinite(weight[i]) || !Double.isFinite(strike[i])) {
                throw new IllegalArgumentException(key + ": leg '" + tokens[i].trim() + "' must have finite weight and strike");
            }
        }
        final double[] sorted = strike.clone();
        Arrays.sort(sorted);
        int n = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (i == 0 || sorted[i] != sorted[i - 1]) {
                sorted[n++] = sorted[i];
            }
        }
        final double[] breaks = Arrays.copyOf(sorted, n);
        return PiecewiseLinearPayoff.of(breaks, x -> {
            double v = 0.0;
            for (int i = 0; i < weight.length; i++) {
                v += weight[i] * (call[i] ? Math.max(0.0, x - strike[i]) : Math.max(0.0, strike[i] - x));
            }
            return v;
        });
    }
}
