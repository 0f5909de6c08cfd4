package io.skytrade.core.regime;

import com.lmax.disruptor.EventHandler;
import io.skytrade.core.event.EngineEvent;
import io.skytrade.core.event.EventType;

import java.util.Arrays;

/**
 * Offline helper for {@code skytrade regime fit}: placed after the feature stage in a replay, it
 * collects the observations the regime model filters (mid return and realised volatility, scaled
 * like {@link RegimeHandler} does) of one instrument, or of all instruments, into arrays that
 * {@link BaumWelch#fit} takes. With a step interval of 0 one observation per two-sided book; otherwise
 * one per product per interval, formed by {@link RegimeObservationCadence} on TIMER inputs exactly as
 * the live stage forms them, so the model is fitted on what it will see.
 *
 * <p>Single-threaded. Not for the live pipeline: its arrays grow (allocate) as samples arrive.
 */
public final class RegimeSampleCollector implements EventHandler<EngineEvent> {
    private final int instrumentId;
    private final double scale;
    private final long stepIntervalNanos;
    private final RegimeObservationCadence cadence;
    private double[] returns = new double[1024];
    private double[] vols = new double[1024];
    private int count;

    /**
     * @param instruments       the run's instrument count (ids {@code 0..instruments-1})
     * @param instrumentId      instrument to collect, or -1 for every instrument (one concatenated sequence)
     * @param scale             factor applied to both components, normally {@link RegimeParams#observationScale()}
     * @param stepIntervalNanos the live filter's {@link RegimeParams#stepIntervalNanos()}: 0 every book, else per interval
     */
    public RegimeSampleCollector(final int instruments, final int instrumentId, final double scale,
                                 final long stepIntervalNanos) {
        if (!(scale > 0.0) || Double.isInfinite(scale)) {
            throw new IllegalArgumentException("regime.observationScale: " + scale + " must be > 0 and finite");
        }
        if (stepIntervalNanos < 0) {
            throw new IllegalArgumentException("regime.stepInterval: " + stepIntervalNanos + " ns must be >= 0 (0: every book)");
        }
        this.instrumentId = instrumentId;
        this.scale = scale;
        this.stepIntervalNanos = stepIntervalNanos;
        cadence = stepIntervalNanos == 0 ? null : new RegimeObservationCadence(instruments, stepIntervalNanos);
    }

    @Override
    public void onEvent(final EngineEvent e, final long sequence, final boolean endOfBatch) {
        if ((e.flags & EngineEvent.FLAG_INPUT_REJECTED) != 0) {
            return;
        }
        if (e.type == EventType.TIMER && cadence != null) {
            takeDue(e.eventTimeNanos);
            return;
        }
        if (!e.hasTwoSidedBook() || instrumentId >= 0 && e.instrumentId != instrumentId
            || !Double.isFinite(e.midReturn) || !Double.isFinite(e.realisedVol)) {
            return;
        }
        if (stepIntervalNanos == 0) {
            add(e.midReturn, e.realisedVol);
            return;
        }
        cadence.onBook(e.instrumentId, e.midReturn, e.realisedVol);
    }

    private void takeDue(final long t) {
        for (int id = 0; id < cadence.products(); id++) {
            if (cadence.takeDue(id, t)) {
                add(cadence.dueReturn(), cadence.dueVol());
            }
        }
    }

    private void add(final double midReturn, final double realisedVol) {
        final double r = midReturn * scale;
        final double v = realisedVol * scale;
        if (!Double.isFinite(r) || !Double.isFinite(v)) {
            return;
        }
        if (count == returns.length) {
            returns = Arrays.copyOf(returns, count * 2);
            vols = Arrays.copyOf(vols, count * 2);
        }
        returns[count] = r;
        vols[count] = v;
        count++;
    }

    public int count() {
        return count;
    }

    /** The samples so far as {@code {returns, realisedVols}}, the layout {@link BaumWelch#fit} takes. */
    public double[][] series() {
        return new double[][] {Arrays.copyOf(returns, count), Arrays.copyOf(vols, count)};
    }
}
