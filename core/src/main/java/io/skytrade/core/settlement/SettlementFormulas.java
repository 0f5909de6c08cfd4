package io.skytrade.core.settlement;

/**
 * The exact settlement formulas of the CMI products applied to realised readings under the
 * {@link SettlementRules} (see {@code shared/reference/cmi-exchange.md}). Both the world's
 * settlement ({@link io.skytrade.core.world.WorldSettlement}) and the valuation's realised part
 * call these, so there is one implementation of each formula; tests check them against the
 * venue's worked examples.
 *
 * <p>Stateless. Hot-path cost: a few flops per reading, no allocation.
 */
public final class SettlementFormulas {
    private SettlementFormulas() {
    }

    /** TIDE_SPOT before rounding: abs(level at the end of the window) x multiplier. */
    public static double tideSpot(final double levelMetres, final SettlementRules rules) {
        return Math.abs(levelMetres) * rules.tideSpotMultiplier();
    }

    /** One TIDE_SWING pair: d = abs(change) x cmPerUnit; pays max(0, low - d) + max(0, d - high). */
    public static double swingPair(final double change, final SettlementRules rules) {
        return swingPair(change, rules.swingCmPerUnit(), rules.swingLowCm(), rules.swingHighCm());
    }

    /** One TIDE_SWING pair with explicit thresholds. */
    public static double swingPair(final double change, final double cmPerUnit, final double lowCm, final double highCm) {
        final double d = Math.abs(change) * cmPerUnit;
        return Math.max(0.0, lowCm - d) + Math.max(0.0, d - highCm);
    }

    /** TIDE_SWING before rounding over {@code n} consecutive readings (n - 1 pairs). */
    public static double tideSwing(final double[] readings, final int n, final SettlementRules rules) {
        double sum = 0.0;
        for (int i = 1; i < n; i++) {
            sum += swingPair(readings[i] - readings[i - 1], rules);
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

    /** WX_SPOT before rounding, and one WX_SUM sample before the divisor: T_F x RH%. */
    public static double wxSpot(final double celsius, final double humidityPct, final SettlementRules rules) {
        return fahrenheit(celsius, rules.wxFahrenheitDecimals()) * humidityPct;
    }

    /** AQ_SPOT before rounding: max(0, PM2.5) x multiplier. */
    public static double aqSpot(final double pm25, final SettlementRules rules) {
        return Math.max(0.0, pm25) * rules.aqSpotMultiplier();
    }

    /** One LHR_INDEX bin: (arr - dep) / (arr + dep), 0 for an empty bin. */
    public static double lhrBin(final double arrivals, final double departures) {
        final double total = arrivals + departures;
        return total > 0.0 ? (arrivals - departures) / total : 0.0;
    }

    /**
     * LHR_INDEX before rounding over {@code n} bins: abs(sum of bins) x multiplier when the rules
     * say abs-of-sum, else sum of abs(bin) x multiplier.
     */
    public static double lhrIndex(final double[] arrivals, final double[] departures, final int n,
                                  final SettlementRules rules) {
        final boolean absOfSum = rules.lhrIndexAbsOfSum();
        double sum = 0.0;
        for (int i = 0; i < n; i++) {
            final double x = lhrBin(arrivals[i], departures[i]);
            sum += absOfSum ? x : Math.abs(x);
        }
        return Math.abs(sum) * rules.lhrIndexMultiplier();
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
