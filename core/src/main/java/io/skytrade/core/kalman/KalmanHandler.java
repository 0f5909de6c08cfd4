package io.skytrade.core.kalman;

import com.lmax.disruptor.EventHandler;
import io.skytrade.core.event.EngineEvent;
import io.skytrade.core.event.SideBuffers;
import io.skytrade.core.feature.EventGuard;
import io.skytrade.core.pipeline.StateHash;
import io.skytrade.core.registry.InstrumentRegistry;

/**
 * Stage 2: the filtered mid of each market. On a two-sided book it folds the quoted mid (with a
 * noise of {@link KalmanParams#midMeasurementNoise} plus a quarter of the squared spread) into a
 * random-walk filter per instrument and writes the filtered mid and its standard deviation
 * ({@link SideBuffers#filteredMid}, {@link SideBuffers#filteredMidStd}). The data series' nowcasts are not here: the valuation stage
 * runs them ({@link StructuralModel}), since it owns the series state it forecasts settlement
 * windows from.
 *
 * <p>Owns its state; one thread. Hot-path cost: about 10 flops per book event, nothing on other
 * events; no allocation.
 */
public final class KalmanHandler implements EventHandler<EngineEvent>, StateHash {
    private final SideBuffers side;
    private final int seriesCount;
    private final int instrumentCount;
    private final ScalarKalmanFilter mids;
    private final double midNoise;

    /**
     * @param side the ring's side buffers, where this stage writes each book event's filtered mid
     */
    public KalmanHandler(final InstrumentRegistry registry, final KalmanParams params, final SideBuffers side) {
        this.side = side;
        seriesCount = registry.seriesCount();
        instrumentCount = registry.instrumentCount();
        mids = new ScalarKalmanFilter(Math.max(1, instrumentCount), params.midProcessNoisePerHour(),
            params.gateSigmas(), params.maxConsecutiveRejects());
        midNoise = params.midMeasurementNoise();
    }

    @Override
    public void onEvent(final EngineEvent event, final long sequence, final boolean endOfBatch) {
        if (EventGuard.rejected(event, seriesCount, instrumentCount) || EventGuard.stale(event) || !event.hasTwoSidedBook()) {
            return;
        }
        final int id = event.instrumentId;
        final double bid = event.bestBid();
        final double ask = event.bestAsk();
        final double halfSpread = 0.5 * (ask - bid);
        mids.update(id, event.eventTimeNanos, 0.5 * (bid + ask), midNoise + halfSpread * halfSpread);
        if (mids.isStarted(id)) {
            side.setFilteredMid(event, mids.estimate(id), mids.variance(id));
        }
    }

    /** Mid quotes of an instrument rejected by the gate so far. */
    public long rejectedMids(final int instrumentId) {
        return mids.rejectedCount(instrumentId);
    }

    @Override
    public long stateHash() {
        return mids.stateHash();
    }
}
