package io.skytrade.core.regime;

import com.lmax.disruptor.EventHandler;
import io.skytrade.core.event.EngineEvent;
import io.skytrade.core.event.EventType;
import io.skytrade.core.event.SideBuffers;
import io.skytrade.core.feature.EventGuard;
import io.skytrade.core.pipeline.StateHash;
import io.skytrade.core.registry.InstrumentRegistry;

/**
 * Stage 4 (regime): folds each instrument's (mid return, realised volatility) from the feature
 * stage, scaled by {@link RegimeParams#observationScale()}, into a per-instrument
 * {@link HmmForwardFilter}, and writes the instrument's regime posterior to
 * {@link SideBuffers#regimePosterior} with {@link EngineEvent#regimeCount} on each two-sided book.
 * With {@link RegimeParams#stepIntervalNanos()} 0 the filter steps on every such book. Otherwise a
 * book only accumulates its return (compounded since the product's last step) and keeps its realised
 * volatility, and is decided on the posterior of the last step; the filter steps on the first TIMER
 * input at least that interval after the product's previous step, once, with the accumulated return
 * (a product with one book since its last step steps on exactly that book's return): the rule of
 * {@link RegimeObservationCadence}, which {@code regime fit} samples with too. Regimes persist
 * for minutes to hours: a posterior at most an interval old changes no decision a quant would make
 * per book, and the exponentials leave the book's path. Expects a 2-dimensional model.
 *
 * <p>Owns its state; one thread. Hot-path cost: on a book, a few flops and K stores (stepped
 * cadence) or one forward step, O(K^2) flops and K - 1 exponentials (every book); on a timer, one
 * forward step per product that had a book since its last step; no allocation.
 */
public final class RegimeHandler implements EventHandler<EngineEvent>, StateHash {
    private final int seriesCount;
    private final int instrumentCount;
    private final HmmForwardFilter filter;
    private final double scale;
    private final long stepInterval;
    private final double[] x = new double[2];
    private final RegimeObservationCadence pending;
    private final SideBuffers side;

    /**
     * @param side the ring's side buffers, where this stage writes each book event's regime posterior
     */
    public RegimeHandler(final InstrumentRegistry registry, final RegimeParams params, final SideBuffers side) {
        this.side = side;
        if (params.dims() != 2) {
            throw new IllegalArgumentException("regime.dims: " + params.dims() + " must be 2 (mid return, realised volatility)");
        }
        seriesCount = registry.seriesCount();
        instrumentCount = registry.instrumentCount();
        final int n = Math.max(1, instrumentCount);
        filter = new HmmForwardFilter(new GaussianHmm(params), n);
        scale = params.observationScale();
        stepInterval = params.stepIntervalNanos();
        pending = new RegimeObservationCadence(n, stepInterval);
    }

    @Override
    public void onEvent(final EngineEvent event, final long sequence, final boolean endOfBatch) {
        if (EventGuard.rejected(event, seriesCount, instrumentCount)) {
            return;
        }
        if (event.type == EventType.TIMER && stepInterval > 0) {
            stepDue(event.eventTimeNanos);
            return;
        }
        if (!event.hasTwoSidedBook() || !Double.isFinite(event.midReturn) || !Double.isFinite(event.realisedVol)) {
            return;
        }
        final int id = event.instrumentId;
        if (stepInterval == 0) {
            if (!step(id, event.midReturn, event.realisedVol)) {
                return;
            }
        } else {
            pending.onBook(id, event.midReturn, event.realisedVol);
        }
        final int k = filter.states();
        for (int j = 0; j < k; j++) {
            side.setRegimePosterior(event, j, filter.posterior(id, j));
        }
        event.regimeCount = k;
    }

    /** Steps every product with books since its last step whose interval has passed at {@code t}. */
    private void stepDue(final long t) {
        for (int id = 0; id < instrumentCount; id++) {
            if (pending.takeDue(id, t)) {
                step(id, pending.dueReturn(), pending.dueVol());
            }
        }
    }

    /** One forward step of {@code id}'s filter; false when the scaled observation is not finite (no step). */
    private boolean step(final int id, final double ret, final double vol) {
        x[0] = ret * scale;
        x[1] = vol * scale;
        if (!Double.isFinite(x[0]) || !Double.isFinite(x[1])) {
            return false;
        }
        filter.step(id, x);
        return true;
    }

    @Override
    public long stateHash() {
        final long h = filter.stateHash();
        // stepped on every book nothing is pending: the hash is the filter's, as before the cadence existed
        return stepInterval > 0 ? pending.hashInto(h) : h;
    }
}
