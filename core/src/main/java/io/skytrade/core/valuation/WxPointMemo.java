package io.skytrade.core.valuation;

/**
 * WX_SUM's terms of window points where both temperature and humidity were read (the product's
 * mean and variance there), by point, with the readings they were computed from. A read point's
 * terms depend on its two readings alone (and on the feeds' fixed reading noise), so the valuation
 * computes them once per reading pair instead of on every revaluation (each costs a rounding to
 * the settlement's decimals, a {@code StrictMath.pow}). A pure function cache: a point whose
 * readings are bit for bit the ones recorded has the recorded terms.
 *
 * <p>Owned by the valuation's {@link SettlementValuator}; single-threaded. Hot-path cost: two
 * comparisons per read point; arrays preallocated for the largest window.
 */
final class WxPointMemo {
    private final double[] temp;
    private final double[] humidity;
    private final boolean[] known;
    private final double[] mean;
    private final double[] variance;

    /** @param points most points of any window (its samples + 1) */
    WxPointMemo(final int points) {
        temp = new double[points];
        humidity = new double[points];
        known = new boolean[points];
        mean = new double[points];
        variance = new double[points];
    }

    /** Whether point k's terms were computed from exactly these readings. */
    boolean has(final int k, final double t, final double h) {
        return known[k] && Double.doubleToRawLongBits(temp[k]) == Double.doubleToRawLongBits(t)
            && Double.doubleToRawLongBits(humidity[k]) == Double.doubleToRawLongBits(h);
    }

    /** Records point k's terms computed from the given readings. */
    void put(final int k, final double t, final double h, final double pointMean, final double pointVariance) {
        known[k] = true;
        temp[k] = t;
        humidity[k] = h;
        mean[k] = pointMean;
        variance[k] = pointVariance;
    }

    double mean(final int k) {
        return mean[k];
    }

    double variance(final int k) {
        return variance[k];
    }
}
