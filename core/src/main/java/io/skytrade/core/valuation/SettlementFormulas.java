package io.skytrade.core.valuation;

/**
 * The exact settlement formulas of the CMI products, applied to realised readings (see
 * {@code shared/reference/cmi-exchange.md}). The valuator uses them for the observed part of a
 * window; tests check them against the venue's worked examples.
 *
 * <p>Stateless. Hot-path cost: a few flops per reading, no allocation.
 */
public final class SettlementFormulas {
    private SettlementFormulas() {
    }

    /** TIDE_SPOT: abs(level at the end of the window) x multiplier (1000 for metres to mm). */
    public static double tideSpot(final double levelMetres, final double multiplier) {
        return Math.abs(levelMetres) * multiplier;
    }

    /**
     * One TIDE_SWING pair: d = abs(change) x cmPerUnit; pays max(0, low - d) + max(0, d - high).
     */
    public static double swingPair(final double change, final double cmPerUnit, final double lowCm, final double highCm) {
        final double d = Math.abs(change) * cmPerUnit;
        return Math.max(0.0, lowCm - d) + Math.max(0.0, d - highCm);
    }

    /** TIDE_SWING over {@code n} consecutive readings (n - 1 pairs). */
    public static double tideSwing(final double[] readings, final int n, final double cmPerUnit,
                                   final double lowCm, final double highCm) {
        double sum = 0.0;
        for (int i = 1; i < n; i++) {
            sum += swingPair(readings[i] - readings[i - 1], cmPerUnit, lowCm, highCm);
        }
        return sum;
    }

    /**
     * Fahrenheit from Celsius, {@code T x 9/5 + 32}, rounded to {@code decimals} places when
     * {@code decimals >= 0} (how the venue's source might report it), unrounded otherwise.
     */
    public static double fahrenheit(final double celsius, final int decimals) {
        final double f = celsius * 9.0 / 5.0 + 32.0;
        return decimals < 0 ? f : round(f, decimals);
    }

    /** WX_SPOT: T_F x RH% at the end of the window. */
    public static double wxSpot(final double celsius, final double humidityPct, final int fahrenheitDecimals) {
        return fahrenheit(celsius, fahrenheitDecimals) * humidityPct;
    }

    /** One LHR_INDEX bin: (arr - dep) / (arr + dep), 0 for an empty bin. */
    public static double lhrBin(final double arrivals, final double departures) {
        final double total = arrivals + departures;
        return total > 0.0 ? (arrivals - departures) / total : 0.0;
    }

    /**
     * LHR_INDEX over {@code n} bins: abs(sum of bins) x multiplier when {@code absOfSum}, else sum
     * of abs(bin) x multiplier.
     */
    public static double lhrIndex(final double[] arrivals, final double[] departures, final int n,
                                  final boolean absOfSum, final double multiplier) {
        double sum = 0.0;
        for (int i = 0; i < n; i++) {
            final double x = lhrBin(arrivals[i], departures[i]);
            sum += absOfSum ? x : Math.abs(x);
        }
        return Math.abs(sum) * multiplier;
    }

    /** Rounds half away from zero to {@code decimals} places; {@code decimals < 0} leaves it alone. */
    public static double round(final double x, final int decimals) {
        if (decimals < 0) {
            return x;
        }
        final double scale = StrictMath.pow(10.0, decimals);
        return Math.signum(x) * Math.floor(Math.abs(x) * scale + 0.5) / scale;
    }
}
