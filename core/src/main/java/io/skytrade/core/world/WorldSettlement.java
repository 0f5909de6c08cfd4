package io.skytrade.core.world;

import io.skytrade.core.settlement.OptionPayoff;
import io.skytrade.core.settlement.SettlementFormulas;
import io.skytrade.core.settlement.SettlementRules;

/**
 * The exact settlements of the products on a {@link SeriesPath} (the {@link SyntheticWorld}, or a
 * forecast path of it) under the configured {@link SettlementRules}: the path supplies the readings (the series the rules name, sampled on
 * the rules' grid and bins of the session that ends at the settlement instant), the rules and
 * {@link SettlementFormulas} the arithmetic, the same the engine's valuation uses for the realised
 * part of a window. Spot products read the value at the session end; TIDE_SWING and WX_SUM read
 * the grid samples after the session start (and the one at the start when the rules include it);
 * flight products read the bins of the session; LON_ETF sums its legs' settlements and LON_FLY is
 * the option payoff on the ETF's.
 *
 * <p>Immutable; thread-safe when its path is. Off the hot path: a settlement recomputes a session of samples
 * (about 1 ms, allocating its reading arrays); the simulator and the tools call it.
 */
public final class WorldSettlement {
    private final SeriesPath world;
    private final SettlementRules rules;
    private final int tide;
    private final int temperature;
    private final int humidity;
    private final int pm25;
    private final int arrivals;
    private final int departures;
    private final int[] etfLegs;
    private final OptionPayoff fly;

    /**
     * @param world the path settled on: its flight series give the counts of the world's half-hour bins
     * @throws IllegalArgumentException when a series the rules name is not a world series, or the
     *                                  rules' flight bins are not whole multiples of the world's half hours
     */
    public WorldSettlement(final SeriesPath world, final SettlementRules rules) {
        this.world = world;
        this.rules = rules;
        tide = series("tideSeries", rules.tideSeries());
        temperature = series("temperatureSeries", rules.temperatureSeries());
        humidity = series("humiditySeries", rules.humiditySeries());
        pm25 = series("pm25Series", rules.pm25Series());
        arrivals = series("arrivalsSeries", rules.arrivalsSeries());
        departures = series("departuresSeries", rules.departuresSeries());
        if (rules.lhrBinNanos() % SyntheticWorld.HALF_HOUR_NANOS != 0) {
            throw new IllegalArgumentException("settlement.lhrBin: " + rules.lhrBinNanos()
                + " ns must be a whole number of the synthetic world's 30-minute flight bins");
        }
        if (!rules.londonSessions() && Math.floorMod(rules.sessionAnchorNanos(), SyntheticWorld.HALF_HOUR_NANOS) != 0) {
            throw new IllegalArgumentException("settlement.sessionAnchor: must fall on a half hour for the synthetic world's flight bins");
        }
        etfLegs = rules.etfLegKinds();
        fly = rules.flyPayoff();
    }

    private static int series(final String key, final String name) {
        final int code = WorldSeries.code(name);
        if (code < 0) {
            throw new IllegalArgumentException("settlement." + key + ": '" + name + "' is not a series of the synthetic world");
        }
        return code;
    }

    public SettlementRules rules() {
        return rules;
    }

    /** The first settlement instant at or after {@code epochNanos} (the rules' sessions). */
    public long nextSettlementAtOrAfter(final long epochNanos) {
        return rules.nextSettlementAtOrAfter(epochNanos);
    }

    /**
     * Exact settlement of a product kind ({@link WorldProduct} code) for the session ending at the
     * settlement instant {@code endNanos}, rounded as the rules say.
     */
    public double value(final int kind, final long endNanos) {
        return rules.round(kind, raw(kind, endNanos));
    }

    /** Exact settlement of the product settled under {@code symbol} (a symbol of the rules). */
    public double value(final String symbol, final long endNanos) {
        final int kind = rules.kindOf(symbol);
        if (kind < 0) {
            throw new IllegalArgumentException("no settlement rule for product '" + symbol + "'");
        }
        return value(kind, endNanos);
    }

    /** Fills {@code out[kind]} with every product kind's settlement for the session ending at {@code endNanos}. */
    public void settleAll(final long endNanos, final double[] out) {
        for (int kind = 0; kind < WorldProduct.COUNT; kind++) {
            out[kind] = value(kind, endNanos);
        }
    }

    private double raw(final int kind, final long end) {
        final long start = rules.windowStart(end);
        switch (kind) {
            case WorldProduct.TIDE_SPOT:
                return SettlementFormulas.tideSpot(world.value(tide, end), rules);
            case WorldProduct.TIDE_SWING:
                return tideSwing(start, end);
            case WorldProduct.WX_SPOT:
                return SettlementFormulas.wxSpot(world.value(temperature, end), world.value(humidity, end), rules);
            case WorldProduct.WX_SUM:
                return wxSum(start, end);
            case WorldProduct.LHR_COUNT:
                return flightCount(start, end);
            case WorldProduct.LHR_INDEX:
                return flightIndex(start, end);
            case WorldProduct.AQ_SPOT:
                return SettlementFormulas.aqSpot(world.value(pm25, end), rules);
            case WorldProduct.LON_ETF:
                return etf(end);
            case WorldProduct.LON_FLY:
                return fly.value(value(WorldProduct.LON_ETF, end));
            default:
                throw new IllegalArgumentException("unknown product kind " + kind + ", expected 0.." + (WorldProduct.COUNT - 1));
        }
    }

    private double tideSwing(final long start, final long end) {
        final long step = rules.sampleIntervalNanos();
        final int first = rules.swingIncludeWindowStart() ? 0 : 1;
        final int samples = (int) ((end - start) / step);
        final double[] readings = new double[samples - first + 1];
        for (int k = first; k <= samples; k++) {
            readings[k - first] = world.value(tide, start + k * step);
        }
        return SettlementFormulas.tideSwing(readings, readings.length, rules);
    }

    private double wxSum(final long start, final long end) {
        final long step = rules.sampleIntervalNanos();
        double sum = 0.0;
        for (long t = start + (rules.wxSumIncludeWindowStart() ? 0 : step); t <= end; t += step) {
            sum += SettlementFormulas.wxSpot(world.value(temperature, t), world.value(humidity, t), rules);
        }
        return sum / rules.wxSumDivisor();
    }

    /** Arrivals (or departures) of the rules' bin starting at {@code binStart}: the world's half-hour bins inside it. */
    private double flights(final int series, final long binStart) {
        double sum = 0.0;
        for (long t = binStart; t < binStart + rules.lhrBinNanos(); t += SyntheticWorld.HALF_HOUR_NANOS) {
            sum += world.value(series, t);
        }
        return sum;
    }

    private double flightCount(final long start, final long end) {
        double sum = 0.0;
        for (long t = start; t < end; t += rules.lhrBinNanos()) {
            sum += flights(arrivals, t) + flights(departures, t);
        }
        return sum;
    }

    private double flightIndex(final long start, final long end) {
        final int n = (int) ((end - start) / rules.lhrBinNanos());
        final double[] arr = new double[n];
        final double[] dep = new double[n];
        for (int j = 0; j < n; j++) {
            final long t = start + j * rules.lhrBinNanos();
            arr[j] = flights(arrivals, t);
            dep[j] = flights(departures, t);
        }
        return SettlementFormulas.lhrIndex(arr, dep, n, rules);
    }

    private double etf(final long end) {
        double sum = 0.0;
        for (final int leg : etfLegs) {
            sum += value(leg, end);
        }
        return sum;
    }
}
