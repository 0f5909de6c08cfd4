package io.skytrade.core.settlement;

import java.util.Arrays;
import java.util.Locale;

/**
 * An option structure on one underlying, such as LON_FLY's {@code "+2P6200,+1C6200,-2C6600,+3C7000"}
 * (weight, P for a put or C for a call, strike; comma separated): its payoff at an underlying
 * value and its strikes (where the payoff's slope changes), from which the valuation builds the
 * payoff's expectation under a normal distribution.
 *
 * <p>Immutable. {@link #parse} is start-up only (allocates); {@link #value} costs a few flops per
 * leg, no allocation.
 */
public final class OptionPayoff {
    private final double[] weight;
    private final double[] strike;
    private final boolean[] call;
    private final double[] breakpoints;

    private OptionPayoff(final double[] weight, final double[] strike, final boolean[] call) {
        this.weight = weight;
        this.strike = strike;
        this.call = call;
        final double[] sorted = strike.clone();
        Arrays.sort(sorted);
        int n = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (i == 0 || sorted[i] != sorted[i - 1]) {
                sorted[n++] = sorted[i];
            }
        }
        this.breakpoints = Arrays.copyOf(sorted, n);
    }

    /**
     * @param key  configuration key named in error messages
     * @param spec the structure, e.g. {@code "+2P6200,+1C6200,-2C6600,+3C7000"}
     */
    public static OptionPayoff parse(final String key, final String spec) {
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
        return new OptionPayoff(weight, strike, call);
    }

    /** The structure's payoff when the underlying settles at {@code x}. */
    public double value(final double x) {
        double v = 0.0;
        for (int i = 0; i < weight.length; i++) {
            v += weight[i] * (call[i] ? Math.max(0.0, x - strike[i]) : Math.max(0.0, strike[i] - x));
        }
        return v;
    }

    /** The distinct strikes, increasing: the payoff is linear between them (a copy). */
    public double[] breakpoints() {
        return breakpoints.clone();
    }
}
