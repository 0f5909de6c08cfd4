package io.skytrade.core.valuation;

/**
 * TIDE_SWING's per-pair payoff terms (the pair's contribution to the expected settlement, its mean
 * slope and its residual variance) by pair index, with the inputs they were computed from (the
 * pair's expected change, the variance of that change and whether both readings are in). A pair
 * whose inputs are bit-for-bit those of its last computation has the same terms, so the valuation
 * evaluates the payoff (a Gaussian expectation over the payoff's pieces, one exponential per
 * breakpoint) only for pairs whose inputs moved: the realised pairs of a window are computed once,
 * the forecast ones on every revaluation. A pure function cache: it cannot disagree with a fresh
 * computation, and needs no invalidation.
 *
 * <p>Owned by the valuation's {@link SettlementValuator}; single-threaded. Hot-path cost: three
 * comparisons per pair; arrays preallocated for the largest window.
 */
final class SwingPairMemo {
    private final double[] change;
    private final double[] changeVariance;
    private final boolean[] realised;
    private final boolean[] known;
    private final double[] mean;
    private final double[] slope;
    private final double[] variance;

    /** @param pairs most pairs of any window (its samples + 1) */
    SwingPairMemo(final int pairs) {
        change = new double[pairs];
        changeVariance = new double[pairs];
        realised = new boolean[pairs];
        known = new boolean[pairs];
        mean = new double[pairs];
        slope = new double[pairs];
        variance = new double[pairs];
    }

    /** Whether pair k's terms were computed from exactly these inputs. */
    boolean has(final int k, final double dm, final double dv, final boolean bothRealised) {
        return known[k] && realised[k] == bothRealised
            && Double.doubleToRawLongBits(change[k]) == Double.doubleToRawLongBits(dm)
            && Double.doubleToRawLongBits(changeVariance[k]) == Double.doubleToRawLongBits(dv);
    }

    /** Records pair k's terms computed from the given inputs. */
    void put(final int k, final double dm, final double dv, final boolean bothRealised, final double pairMean,
             final double pairSlope, final double pairVariance) {
        known[k] = true;
        change[k] = dm;
        changeVariance[k] = dv;
        realised[k] = bothRealised;
        mean[k] = pairMean;
        slope[k] = pairSlope;
        variance[k] = pairVariance;
    }

    double mean(final int k) {
        return mean[k];
    }

    double slope(final int k) {
        return slope[k];
    }

    double variance(final int k) {
        return variance[k];
    }
}
