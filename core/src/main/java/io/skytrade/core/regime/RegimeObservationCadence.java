package io.skytrade.core.regime;

import io.skytrade.core.time.IntervalCadence;

/**
 * What the regime model observes per product when its filter steps at an interval
 * ({@code regime.stepInterval} > 0): each two-sided book compounds its mid return into the
 * product's pending return since the last step and keeps its realised volatility; on the first TIMER
 * at least the interval after the product's previous step, {@link #takeDue} hands over one
 * observation (the compounded return, the last volatility) and starts the next interval. One rule,
 * used by the live {@link RegimeHandler} and by {@link RegimeSampleCollector} (what
 * {@code skytrade regime fit} fits on), so the model is fitted on the observations it filters.
 *
 * <p>Owned by one stage; single-threaded. Hot-path cost: three flops and two stores per book, a
 * compare per product per timer; no allocation.
 */
public final class RegimeObservationCadence {
    private final double[] pendingReturn;
    private final double[] pendingVol;
    private final IntervalCadence cadence;
    private double dueReturn;
    private double dueVol;

    /** A cadence of {@code intervalNanos} (> 0) for products {@code 0..products-1}. */
    public RegimeObservationCadence(final int products, final long intervalNanos) {
        pendingReturn = new double[products];
        pendingVol = new double[products];
        cadence = new IntervalCadence(products, intervalNanos);
    }

    /** The number of products (ids {@code 0..products()-1}). */
    public int products() {
        return pendingReturn.length;
    }

    /** Folds one book's mid return and realised volatility (both finite) into {@code id}'s pending observation. */
    public void onBook(final int id, final double midReturn, final double realisedVol) {
        final double acc = pendingReturn[id];
        // (1 + acc)(1 + r) - 1, exactly r for the first book since the last step
        pendingReturn[id] = acc + midReturn + acc * midReturn;
        pendingVol[id] = realisedVol;
        cadence.mark(id);
    }

    /**
     * True when {@code id} had books since its last observation and its turn has come at event time
     * {@code t}: the observation is then {@link #dueReturn()} and {@link #dueVol()}, and the pending
     * return starts again from zero.
     */
    public boolean takeDue(final int id, final long t) {
        if (!cadence.takeDue(id, t)) {
            return false;
        }
        dueReturn = pendingReturn[id];
        dueVol = pendingVol[id];
        pendingReturn[id] = 0.0;
        return true;
    }

    /** The compounded mid return of the observation {@link #takeDue} last handed over. */
    public double dueReturn() {
        return dueReturn;
    }

    /** The realised volatility of the observation {@link #takeDue} last handed over. */
    public double dueVol() {
        return dueVol;
    }

    /** Folds the pending state into {@code h}, the bits {@link RegimeHandler}'s state hash has always had. */
    public long hashInto(final long h) {
        long r = h;
        for (int i = 0; i < pendingReturn.length; i++) {
            r = 31 * r + Double.doubleToLongBits(pendingReturn[i]) + 3 * Double.doubleToLongBits(pendingVol[i])
                + 5 * cadence.nextAt(i) + (cadence.pending(i) ? 7 : 0);
        }
        return r;
    }
}
