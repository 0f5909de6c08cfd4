package io.skytrade.core.strategy;

import java.util.Arrays;

/**
 * Parameters of the adaptive strategy, validated once at start-up. Per-regime arrays are indexed
 * like the regime model's states and blended by the regime posterior (with no posterior, entry 0).
 * Immutable; read at start-up only (no hot-path cost).
 *
 * @param entryThresholds     |signal| needed to take a position, per regime; default {0.3, 0.4, 0.6}
 * @param aggressiveness      weight of |signal| in the decision to cross the spread, per regime, in
 *                            [0, 1]; default {0.6, 0.9, 0.3}
 * @param exitThreshold       below this |signal| the target is flat; between it and the entry
 *                            threshold the position is held; default 0.1
 * @param imbalanceLevels     book levels in the imbalance, 1..5; default 3
 * @param imbalanceDecay      weight ratio of successive levels in the imbalance, (0, 1]; default 0.5
 * @param imbalanceWeight     weight of the imbalance (in the order's direction) in the cross decision; default 0.3
 * @param crossThreshold      cross the spread when aggressiveness x |signal| + imbalanceWeight x
 *                            imbalance reaches this (and the far touch still leaves the edge); default 0.6
 * @param maxTiltTicks        passive price moves by up to this many ticks with the imbalance; default 1
 * @param minEdgeTicks        never buy above fair - edge or sell below fair + edge; default 2
 * @param repriceTicks        a working order is repriced (cancelled, then replaced) only when the new
 *                            price is at least this many ticks away; default 3
 * @param repriceSpreadFraction a reprice also needs the new price to be at least this fraction of
 *                            the quoted spread away, so products quoted tens of ticks wide are not
 *                            repriced on every requote of the book; default 0.5
 * @param minQuoteLifeNanos   a working order that still points the right way and keeps the edge is
 *                            repriced only after resting this long (event time); orders that point
 *                            the wrong way or no longer keep the edge are cancelled at once; default 2 min
 * @param minValuations       a product trades only once its fair value has been revalued this many
 *                            times since start or since its last settlement (one revaluation per
 *                            reading of a series it settles on): before that most of the window is forecast
 *                            from a few readings and the valuation's uncertainty is understated (an
 *                            engine started with two hours of tide readings valued TIDE_SWING at
 *                            988 +- 59; it settled at 749.5); default 12 (was: trade at once)
 * @param pendingTimeoutNanos an intent without an ack or reject blocks new intents on its product
 *                            for at most this long (risk may have refused it); default 1 min (was
 *                            5 s: an intent risk refuses is retried after this, and 5 s of world
 *                            time, 83 ms of a 60x demo, filled the decisions journal with the same
 *                            refusal; a venue ack takes well under a second)
 */
public record StrategyParams(double[] entryThresholds, double[] aggressiveness, double exitThreshold,
                             int imbalanceLevels, double imbalanceDecay, double imbalanceWeight,
                             double crossThreshold, long maxTiltTicks, long minEdgeTicks, long repriceTicks,
                             double repriceSpreadFraction, long minQuoteLifeNanos, int minValuations,
                             long pendingTimeoutNanos) {
    public StrategyParams {
        if (entryThresholds == null || entryThresholds.length == 0 || aggressiveness == null
            || aggressiveness.length != entryThresholds.length) {
            throw new IllegalArgumentException("strategy.entryThresholds/aggressiveness: must be non-empty and of equal length");
        }
        entryThresholds = entryThresholds.clone();
        aggressiveness = aggressiveness.clone();
        if (!(exitThreshold >= 0.0) || exitThreshold > 1.0) {
            throw new IllegalArgumentException("strategy.exitThreshold: " + exitThreshold + " must be in [0, 1]");
        }
        for (int i = 0; i < entryThresholds.length; i++) {
            if (!(entryThresholds[i] >= exitThreshold) || entryThresholds[i] > 1.0) {
                throw new IllegalArgumentException("strategy.entryThresholds[" + i + "]: " + entryThresholds[i]
                    + " must be in [exitThreshold (" + exitThreshold + "), 1]");
            }
            if (!(aggressiveness[i] >= 0.0) || aggressiveness[i] > 1.0) {
                throw new IllegalArgumentException("strategy.aggressiveness[" + i + "]: " + aggressiveness[i] + " must be in [0, 1]");
            }
        }
        if (imbalanceLevels < 1 || imbalanceLevels > 5) {
            throw new IllegalArgumentException("strategy.imbalanceLevels: " + imbalanceLevels + " must be in 1..5");
        }
        if (!(imbalanceDecay > 0.0) || imbalanceDecay > 1.0) {
            throw new IllegalArgumentException("strategy.imbalanceDecay: " + imbalanceDecay + " must be in (0, 1]");
        }
        if (!(imbalanceWeight >= 0.0) || Double.isInfinite(imbalanceWeight)) {
            throw new IllegalArgumentException("strategy.imbalanceWeight: " + imbalanceWeight + " must be >= 0 and finite");
        }
        if (!(crossThreshold > 0.0) || Double.isInfinite(crossThreshold)) {
            throw new IllegalArgumentException("strategy.crossThreshold: " + crossThreshold + " must be > 0 and finite");
        }
        nonNegative("strategy.maxTiltTicks", maxTiltTicks);
        nonNegative("strategy.minEdgeTicks", minEdgeTicks);
        if (repriceTicks < 1) {
            throw new IllegalArgumentException("strategy.repriceTicks: " + repriceTicks + " must be >= 1");
        }
        if (!(repriceSpreadFraction >= 0.0) || Double.isInfinite(repriceSpreadFraction)) {
            throw new IllegalArgumentException("strategy.repriceSpreadFraction: " + repriceSpreadFraction + " must be >= 0 and finite");
        }
        nonNegative("strategy.minQuoteLifeNanos", minQuoteLifeNanos);
        nonNegative("strategy.minValuations", minValuations);
        if (pendingTimeoutNanos <= 0) {
            throw new IllegalArgumentException("strategy.pendingTimeoutNanos: " + pendingTimeoutNanos + " must be > 0");
        }
    }

    private static void nonNegative(final String key, final long v) {
        if (v < 0) {
            throw new IllegalArgumentException(key + ": " + v + " must be >= 0");
        }
    }

    @Override
    public double[] entryThresholds() {
        return entryThresholds.clone();
    }

    @Override
    public double[] aggressiveness() {
        return aggressiveness.clone();
    }

    @Override
    public boolean equals(final Object o) {
        return o instanceof StrategyParams p && Arrays.equals(p.entryThresholds, entryThresholds)
            && Arrays.equals(p.aggressiveness, aggressiveness) && Double.compare(p.exitThreshold, exitThreshold) == 0
            && p.imbalanceLevels == imbalanceLevels && Double.compare(p.imbalanceDecay, imbalanceDecay) == 0
            && Double.compare(p.imbalanceWeight, imbalanceWeight) == 0
            && Double.compare(p.crossThreshold, crossThreshold) == 0 && p.maxTiltTicks == maxTiltTicks
            && p.minEdgeTicks == minEdgeTicks && p.repriceTicks == repriceTicks
            && Double.compare(p.repriceSpreadFraction, repriceSpreadFraction) == 0
            && p.minQuoteLifeNanos == minQuoteLifeNanos && p.minValuations == minValuations
            && p.pendingTimeoutNanos == pendingTimeoutNanos;
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(entryThresholds) + Arrays.hashCode(aggressiveness) + imbalanceLevels
            + Long.hashCode(pendingTimeoutNanos) + Double.hashCode(crossThreshold);
    }

    @Override
    public String toString() {
        return "StrategyParams[entryThresholds=" + Arrays.toString(entryThresholds) + ", aggressiveness="
            + Arrays.toString(aggressiveness) + ", exitThreshold=" + exitThreshold + ", imbalanceLevels="
            + imbalanceLevels + ", imbalanceDecay=" + imbalanceDecay + ", imbalanceWeight=" + imbalanceWeight
            + ", crossThreshold=" + crossThreshold + ", maxTiltTicks=" + maxTiltTicks + ", minEdgeTicks="
            + minEdgeTicks + ", repriceTicks=" + repriceTicks + ", repriceSpreadFraction=" + repriceSpreadFraction
            + ", minQuoteLifeNanos=" + minQuoteLifeNanos + ", minValuations=" + minValuations
            + ", pendingTimeoutNanos=" + pendingTimeoutNanos + "]";
    }

    /** The documented defaults. */
    public static StrategyParams defaults() {
        return new StrategyParams(new double[] {0.3, 0.4, 0.6}, new double[] {0.6, 0.9, 0.3}, 0.1, 3, 0.5, 0.3,
            0.6, 1, 2, 3, 0.5, 120_000_000_000L, 12, 60_000_000_000L);
    }
}
