package io.skytrade.core.strategy;

import java.util.Arrays;

/**
 * Parameters of the market-making strategy, validated once at start-up. Distances are in ticks or
 * in standard deviations of the fair value, times in event-time nanoseconds or seconds; per-regime
 * arrays are indexed like the regime model's states and blended by its posterior (with no
 * posterior, entry 0). Immutable; read at start-up only (no hot-path cost).
 *
 * @param quoteLevels          working orders per side and product; default 2
 * @param quoteSize            lots per level with a flat position (falls to 0 on the side that would
 *                             add to a full position); default 5
 * @param levelSpacing         distance between a side's levels, in half-spreads (at least a tick); default 0.5
 * @param halfSpreadStd        half-spread per standard deviation of the fair value; default 0.6
 * @param halfSpreadVol        half-spread per standard deviation of the market's price over
 *                             {@code quoteHorizonSeconds}; default 1.0
 * @param quoteHorizonSeconds  horizon of the market volatility in the half-spread, seconds; default 60
 * @param minHalfSpreadTicks   the half-spread is never below this; default 2
 * @param inventorySkew        how far the reservation price moves from fair value at a full position,
 *                             in half-spreads, against the position (Avellaneda-Stoikov); default 1.0
 * @param minEdgeTicks         a passive buy never rests above fair value minus this, a sell never below
 *                             fair value plus it; default 1
 * @param requoteTicks         a working order is moved only when its target moved at least this far...; default 2
 * @param requoteFraction      ...and at least this many half-spreads; default 0.5
 * @param minQuoteLifeNanos    ...and it has rested this long (an order no longer keeping its edge goes at
 *                             once); default 10 s
 * @param takeStd              take (IOC) when the market's far touch is beyond fair value by more than
 *                             this many fair-value standard deviations...; default 0.5
 * @param takeMinTicks         ...and by at least this many ticks; default 2
 * @param takeMaxLots          largest quantity of one take; default 10
 * @param takeIntervalNanos    at most one take per product and this interval; default 5 s
 * @param volHalfLifeSeconds   half-life of the market's price-variance estimate, seconds; default 600
 * @param minValuations        a product is quoted only once its fair value has been revalued this many
 *                             times since start or since its last settlement; default 12
 * @param intentIntervalNanos  a new order on a product's side is proposed at most once per this
 *                             interval (risk's refusals are not retried on every input); default 2 s
 * @param microPriceWeight     the reservation price moves by this fraction of everyone else's
 *                             micro-price offset ({@link MicroPrice}: where the touch sizes say the
 *                             mid goes next); 0 ignores it; default 1.0
 * @param regimeSpreadScale    half-spread multiplier per regime; default {1, 1, 1}
 * @param regimeSizeScale      position-limit and quote-size multiplier per regime, in (0, 1]; default {1, 1, 1}
 * @param varianceIntervalNanos how often the market's price-variance estimate takes in the mid changes
 *                             ({@code strategy.varianceInterval}, event time): 0 on every book; otherwise
 *                             books collect their squared mid changes and the first TIMER input at least
 *                             this long after the product's previous fold folds them in (their sum over the
 *                             time they span, with that span's weight: one change per interval folds exactly
 *                             as on its book); decisions in between use the last fold. Default 0 (the
 *                             behaviour of journals recorded before it existed); {@code config/default.yaml} sets 1s
 */
public record StrategyParams(int quoteLevels, long quoteSize, double levelSpacing, double halfSpreadStd,
                             double halfSpreadVol, double quoteHorizonSeconds, long minHalfSpreadTicks,
                             double inventorySkew, long minEdgeTicks, long requoteTicks, double requoteFraction,
                             long minQuoteLifeNanos, double takeStd, long takeMinTicks, long takeMaxLots,
                             long takeIntervalNanos, double volHalfLifeSeconds, int minValuations,
                             long intentIntervalNanos, double microPriceWeight, double[] regimeSpreadScale,
                             double[] regimeSizeScale, long varianceIntervalNanos) {
    /** Most levels per side. */
    public static final int MAX_LEVELS = 4;
    /**
     * The default {@code varianceIntervalNanos}: 0, every book, so a run whose configuration does not
     * name the key (every journal recorded before it existed) replays as recorded.
     */
    public static final long DEFAULT_VARIANCE_INTERVAL_NANOS = 0L;

    /** Parameters with the variance folded at the default cadence ({@link #DEFAULT_VARIANCE_INTERVAL_NANOS}). */
    public StrategyParams(final int quoteLevels, final long quoteSize, final double levelSpacing, final double halfSpreadStd,
                          final double halfSpreadVol, final double quoteHorizonSeconds, final long minHalfSpreadTicks,
                          final double inventorySkew, final long minEdgeTicks, final long requoteTicks,
                          final double requoteFraction, final long minQuoteLifeNanos, final double takeStd,
                          final long takeMinTicks, final long takeMaxLots, final long takeIntervalNanos,
                          final double volHalfLifeSeconds, final int minValuations, final long intentIntervalNanos,
                          final double microPriceWeight, final double[] regimeSpreadScale, final double[] regimeSizeScale) {
        this(quoteLevels, quoteSize, levelSpacing, halfSpreadStd, halfSpreadVol, quoteHorizonSeconds, minHalfSpreadTicks,
            inventorySkew, minEdgeTicks, requoteTicks, requoteFraction, minQuoteLifeNanos, takeStd, takeMinTicks, takeMaxLots,
            takeIntervalNanos, volHalfLifeSeconds, minValuations, intentIntervalNanos, microPriceWeight, regimeSpreadScale,
            regimeSizeScale, DEFAULT_VARIANCE_INTERVAL_NANOS);
    }

    public StrategyParams {
        if (quoteLevels < 1 || quoteLevels > MAX_LEVELS) {
            throw new IllegalArgumentException("strategy.quoteLevels: " + quoteLevels + " must be in 1.." + MAX_LEVELS);
        }
        positive("strategy.quoteSize", quoteSize);
        nonNegative("strategy.levelSpacing", levelSpacing);
        nonNegative("strategy.halfSpreadStd", halfSpreadStd);
        nonNegative("strategy.halfSpreadVol", halfSpreadVol);
        positiveReal("strategy.quoteHorizonSeconds", quoteHorizonSeconds);
        positive("strategy.minHalfSpreadTicks", minHalfSpreadTicks);
        nonNegative("strategy.inventorySkew", inventorySkew);
        nonNegative("strategy.minEdgeTicks", minEdgeTicks);
        positive("strategy.requoteTicks", requoteTicks);
        nonNegative("strategy.requoteFraction", requoteFraction);
        nonNegative("strategy.minQuoteLifeNanos", minQuoteLifeNanos);
        positiveReal("strategy.takeStd", takeStd);
        nonNegative("strategy.takeMinTicks", takeMinTicks);
        nonNegative("strategy.takeMaxLots", takeMaxLots);
        positive("strategy.takeIntervalNanos", takeIntervalNanos);
        positiveReal("strategy.volHalfLifeSeconds", volHalfLifeSeconds);
        nonNegative("strategy.minValuations", minValuations);
        positive("strategy.intentIntervalNanos", intentIntervalNanos);
        nonNegative("strategy.microPriceWeight", microPriceWeight);
        nonNegative("strategy.varianceIntervalNanos", varianceIntervalNanos);
        if (regimeSpreadScale == null || regimeSpreadScale.length == 0 || regimeSizeScale == null
            || regimeSizeScale.length != regimeSpreadScale.length) {
            throw new IllegalArgumentException("strategy.regimeSpreadScale/regimeSizeScale: must be non-empty and of equal length");
        }
        regimeSpreadScale = regimeSpreadScale.clone();
        regimeSizeScale = regimeSizeScale.clone();
        for (int i = 0; i < regimeSpreadScale.length; i++) {
            positiveReal("strategy.regimeSpreadScale[" + i + "]", regimeSpreadScale[i]);
            if (!(regimeSizeScale[i] > 0 && regimeSizeScale[i] <= 1)) {
                throw new IllegalArgumentException("strategy.regimeSizeScale[" + i + "]: " + regimeSizeScale[i]
                    + " must be in (0, 1]");
            }
        }
    }

    private static void positive(final String key, final long v) {
        if (v <= 0) {
            throw new IllegalArgumentException(key + ": " + v + " must be > 0");
        }
    }

    private static void nonNegative(final String key, final long v) {
        if (v < 0) {
            throw new IllegalArgumentException(key + ": " + v + " must be >= 0");
        }
    }

    private static void nonNegative(final String key, final double v) {
        if (!(v >= 0.0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(key + ": " + v + " must be >= 0 and finite");
        }
    }

    private static void positiveReal(final String key, final double v) {
        if (!(v > 0.0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(key + ": " + v + " must be > 0 and finite");
        }
    }

    @Override
    public double[] regimeSpreadScale() {
        return regimeSpreadScale.clone();
    }

    @Override
    public double[] regimeSizeScale() {
        return regimeSizeScale.clone();
    }

    @Override
    public boolean equals(final Object o) {
        return o instanceof StrategyParams p && p.toString().equals(toString());
    }

    @Override
    public int hashCode() {
        return toString().hashCode();
    }

    @Override
    public String toString() {
        return "StrategyParams[quoteLevels=" + quoteLevels + ", quoteSize=" + quoteSize + ", levelSpacing=" + levelSpacing
            + ", halfSpreadStd=" + halfSpreadStd + ", halfSpreadVol=" + halfSpreadVol + ", quoteHorizonSeconds="
            + quoteHorizonSeconds + ", minHalfSpreadTicks=" + minHalfSpreadTicks + ", inventorySkew=" + inventorySkew
            + ", minEdgeTicks=" + minEdgeTicks + ", requoteTicks=" + requoteTicks + ", requoteFraction=" + requoteFraction
            + ", minQuoteLifeNanos=" + minQuoteLifeNanos + ", takeStd=" + takeStd + ", takeMinTicks=" + takeMinTicks
            + ", takeMaxLots=" + takeMaxLots + ", takeIntervalNanos=" + takeIntervalNanos + ", volHalfLifeSeconds="
            + volHalfLifeSeconds + ", minValuations=" + minValuations + ", intentIntervalNanos=" + intentIntervalNanos
            + ", microPriceWeight=" + microPriceWeight + ", regimeSpreadScale=" + Arrays.toString(regimeSpreadScale) + ", regimeSizeScale="
            + Arrays.toString(regimeSizeScale) + ", varianceIntervalNanos=" + varianceIntervalNanos + "]";
    }

    /** The documented defaults. */
    public static StrategyParams defaults() {
        return new StrategyParams(2, 5, 0.5, 0.6, 1.0, 60.0, 2, 1.0, 1, 2, 0.5, 10_000_000_000L, 0.5, 2, 10,
            5_000_000_000L, 600.0, 12, 2_000_000_000L, 1.0, new double[] {1, 1, 1}, new double[] {1, 1, 1},
            DEFAULT_VARIANCE_INTERVAL_NANOS);
    }

    /** The same parameters with the variance folded every {@code nanos} of event time on the timer (0: on every book). */
    public StrategyParams withVarianceIntervalNanos(final long nanos) {
        return new StrategyParams(quoteLevels, quoteSize, levelSpacing, halfSpreadStd, halfSpreadVol, quoteHorizonSeconds,
            minHalfSpreadTicks, inventorySkew, minEdgeTicks, requoteTicks, requoteFraction, minQuoteLifeNanos, takeStd,
            takeMinTicks, takeMaxLots, takeIntervalNanos, volHalfLifeSeconds, minValuations, intentIntervalNanos,
            microPriceWeight, regimeSpreadScale, regimeSizeScale, nanos);
    }
}
