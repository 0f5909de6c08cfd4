package io.skytrade.core.sizing;

import io.skytrade.core.math.LongRounding;

/**
 * The largest position the strategy may hold in a product, in lots, from one set of units: the
 * volatility of PnL it would carry ({@code riskFraction x capital} over the standard deviation of
 * the settlement, combined with the market's price volatility over the holding horizon), the
 * confidence tier of the fair value (its standard deviation relative to its level), the exposure
 * rule shared with risk ({@code risk.maxPositionFraction x capital} of notional) and the position
 * cap, rounded down to whole lots.
 *
 * <p>Immutable. Hot-path cost: a square root, a division and a short loop over the tiers; no
 * allocation. Non-finite inputs size to zero.
 */
public final class PositionSizer {
    private final double riskBudget;
    private final double holdingSeconds;
    private final double exposureBudget;
    private final long maxPosition;
    private final long lot;
    private final double minStd;
    private final double[] tierStd;
    private final double[] tierCaps;

    /**
     * @param capital             the one capital figure, price units
     * @param maxPositionFraction risk's per-product exposure limit, fraction of capital
     */
    public PositionSizer(final SizerParams p, final double capital, final double maxPositionFraction) {
        if (!(capital > 0) || Double.isInfinite(capital)) {
            throw new IllegalArgumentException("capital=" + capital + ": expected a finite number > 0");
        }
        riskBudget = p.riskFraction() * capital;
        holdingSeconds = p.holdingSeconds();
        exposureBudget = maxPositionFraction * capital;
        maxPosition = p.maxPosition() / p.lotSize() * p.lotSize();
        lot = p.lotSize();
        minStd = p.minStd();
        tierStd = p.confidenceStd();
        tierCaps = p.confidenceCaps();
    }

    /**
     * Largest absolute position, lots.
     *
     * @param fair           expected settlement, price units
     * @param fairStd        its standard deviation, price units
     * @param marketVariance the market's price variance per second, price units squared
     * @param scale          multiplier from the regime and the drawdown state, in [0, 1]
     */
    public long limit(final double fair, final double fairStd, final double marketVariance, final double scale) {
        if (!(fair > 0) || !Double.isFinite(fair) || !Double.isFinite(fairStd) || !(marketVariance >= 0)
            || !Double.isFinite(marketVariance) || !(scale > 0)) {
            return 0;
        }
        final double std = Math.max(minStd, fairStd);
        final double pnlStd = Math.sqrt(std * std + marketVariance * holdingSeconds);
        double q = Math.min(riskBudget / pnlStd, exposureBudget / fair);
        q = Math.min(q, tierCap(std / fair));
        q = Math.min(q, (double) maxPosition) * Math.min(1.0, scale);
        // q / 1.0 is q: whole lots of one take no division
        return lot == 1 ? LongRounding.floor(q) : LongRounding.floor(q / lot) * lot;
    }

    /** The confidence tier's cap for a relative standard deviation, lots. */
    public double tierCap(final double relativeStd) {
        for (int i = 0; i < tierStd.length; i++) {
            if (relativeStd <= tierStd[i]) {
                return tierCaps[i];
            }
        }
        return tierCaps[tierCaps.length - 1];
    }

    public long lotSize() {
        return lot;
    }

    public long maxPosition() {
        return maxPosition;
    }
}
