package io.skytrade.core.regime;

import com.lmax.disruptor.EventHandler;
import io.skytrade.core.event.EngineEvent;
import io.skytrade.core.event.SideBuffers;
import io.skytrade.core.feature.EventGuard;
import io.skytrade.core.pipeline.StateHash;
import io.skytrade.core.registry.InstrumentRegistry;

/**
 * Stage 4 (regime): on each two-sided book, folds the instrument's (mid return, realised
 * volatility) from the feature stage, scaled by {@link RegimeParams#observationScale()}, into a
 * per-instrument {@link HmmForwardFilter}, and writes the regime posterior to
 * {@link SideBuffers#regimePosterior} with {@link EngineEvent#regimeCount}. Expects a 2-dimensional
 * model.
 *
 * <p>Owns its state; one thread. Hot-path cost: one forward step, O(K^2) exponentials, no allocation.
 */
public final class RegimeHandler implements EventHandler<EngineEvent>, StateHash {
    private final int seriesCount;
    private final int instrumentCount;
    private final HmmForwardFilter filter;
    private final double scale;
    private final double[] x = new double[2];
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
        filter = new HmmForwardFilter(new GaussianHmm(params), Math.max(1, instrumentCount));
        scale = params.observationScale();
    }

    @Override
    public void onEvent(final EngineEvent event, final long sequence, final boolean endOfBatch) {
        if (EventGuard.rejected(event, seriesCount, instrumentCount) || !event.hasTwoSidedBook()
            || !Double.isFinite(event.midReturn) || !Double.isFinite(event.realisedVol)) {
            return;
        }
        final int id = event.instrumentId;
        x[0] = event.midReturn * scale;
        x[1] = event.realisedVol * scale;
        if (!Double.isFinite(x[0]) || !Double.isFinite(x[1])) {
            return;
        }
        filter.step(id, x);
        final int k = filter.states();
        for (int j = 0; j < k; j++) {
            side.setRegimePosterior(event, j, filter.posterior(id, j));
        }
        event.regimeCount = k;
    }

    @Override
    public long stateHash() {
        return filter.stateHash();
    }
}
