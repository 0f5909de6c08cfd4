package io.skytrade.core.strategy;

import io.skytrade.core.event.Side;
import io.skytrade.core.sizing.PositionSizer;

/**
 * The strategy's decision rules, free of event handling: the entry threshold and aggressiveness
 * blended by the regime posterior; the desired position (sized by {@link PositionSizer} above the
 * entry threshold, flat below the exit threshold, held in between); and the limit price of an
 * order, which crosses the spread when conviction plus book imbalance is high enough and the far
 * touch still leaves the minimum edge, and otherwise joins its own side tilted by the imbalance,
 * never crossing and never beyond fair value minus the edge. It also says whether a signal lies in
 * the hold band and whether a resting price still keeps the edge (for the handler's cancels).
 *
 * <p>Single-threaded (holds the last blend in fields). Hot-path cost: O(K) for the blend, a few
 * flops otherwise, no allocation.
 */
public final class AdaptiveStrategy {
    private final double[] entry;
    private final double[] aggression;
    private final double exit;
    private final double imbalanceWeight;
    private final double crossThreshold;
    private final long maxTilt;
    private final long minEdge;
    private double threshold;
    private double aggressiveness;

    public AdaptiveStrategy(final StrategyParams p) {
        entry = p.entryThresholds();
        aggression = p.aggressiveness();
        exit = p.exitThreshold();
        imbalanceWeight = p.imbalanceWeight();
        crossThreshold = p.crossThreshold();
        maxTilt = p.maxTiltTicks();
        minEdge = p.minEdgeTicks();
    }

    /**
     * Blends the per-regime threshold and aggressiveness by {@code posterior[from..from+count)};
     * regimes beyond the configured arrays are ignored and the rest renormalised; with no usable
     * posterior, regime 0's values apply.
     */
    public void blend(final double[] posterior, final int from, final int count) {
        final int n = Math.min(count, entry.length);
        double w = 0.0;
        double th = 0.0;
        double ag = 0.0;
        for (int j = 0; j < n; j++) {
            final double p = posterior[from + j];
            if (p > 0.0) {
                w += p;
                th += p * entry[j];
                ag += p * aggression[j];
            }
        }
        if (w > 0.0 && Double.isFinite(w)) {
            threshold = th / w;
            aggressiveness = ag / w;
        } else {
            threshold = entry[0];
            aggressiveness = aggression[0];
        }
    }

    /** Entry threshold from the last {@link #blend}. */
    public double threshold() {
        return threshold;
    }

    /** Aggressiveness from the last {@link #blend}. */
    public double aggressiveness() {
        return aggressiveness;
    }

    /** Desired signed position, given the last {@link #blend}. */
    public long desiredPosition(final PositionSizer sizer, final double signal, final double edge,
                                final double fairStd, final long position) {
        final double a = Math.abs(signal);
        if (!(a >= exit)) {
            return 0;
        }
        if (a >= threshold) {
            return sizer.targetPosition(signal, edge, fairStd);
        }
        return position;
    }

    /**
     * True when {@code signal} lies in the hold band, given the last {@link #blend}: strong enough
     * to keep the position (at or above the exit threshold) but not to add to it (below the entry
     * threshold). A working order is then left alone rather than cancelled.
     */
    public boolean holds(final double signal) {
        final double a = Math.abs(signal);
        return a >= exit && a < threshold;
    }

    /**
     * True when an order on {@code side} at {@code price} still keeps the minimum edge against
     * {@code fair}: a buy at or below {@code floor(fair) - minEdge}, a sell at or above
     * {@code ceil(fair) + minEdge}.
     */
    public boolean keepsEdge(final int side, final long price, final double fair) {
        if (!Double.isFinite(fair)) {
            return false;
        }
        final int dir = Side.sign(side);
        return dir > 0 ? price <= (long) Math.floor(fair) - minEdge : dir < 0 && price >= (long) Math.ceil(fair) + minEdge;
    }

    /**
     * Limit price in ticks for an order on {@code side}, or 0 when no sensible price exists.
     *
     * @param fair      expected settlement, price units
     * @param signal    combined signal
     * @param imbalance book imbalance in [-1, 1]
     * @param bestBid   best bid in ticks, 0 when none
     * @param bestAsk   best ask in ticks, 0 when none
     */
    public long limitPrice(final int side, final double fair, final double signal, final double imbalance,
                           final long bestBid, final long bestAsk) {
        if (!Double.isFinite(fair)) {
            return 0;
        }
        final int dir = Side.sign(side);
        final double pressure = imbalance * dir;
        final double score = aggressiveness * Math.abs(signal) + imbalanceWeight * pressure;
        final long improve = Math.round(maxTilt * pressure);
        long price;
        if (dir > 0) {
            final long limit = (long) Math.floor(fair) - minEdge;
            if (score >= crossThreshold && bestAsk > 0 && bestAsk <= limit) {
                return bestAsk;
            }
            price = bestBid > 0 ? bestBid + improve : limit;
            if (bestAsk > 0) {
                price = Math.min(price, bestAsk - 1);
            }
            price = Math.min(price, limit);
        } else if (dir < 0) {
            final long limit = (long) Math.ceil(fair) + minEdge;
            if (score >= crossThreshold && bestBid > 0 && bestBid >= limit) {
                return bestBid;
            }
            price = bestAsk > 0 ? bestAsk - improve : limit;
            if (bestBid > 0) {
                price = Math.max(price, bestBid + 1);
            }
            price = Math.max(price, limit);
        } else {
            return 0;
        }
        return price >= 1 ? price : 0;
    }
}
