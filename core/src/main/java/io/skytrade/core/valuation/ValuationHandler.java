package io.skytrade.core.valuation;

import com.lmax.disruptor.EventHandler;
import io.skytrade.core.event.EngineEvent;
import io.skytrade.core.event.EventType;
import io.skytrade.core.feature.EventGuard;
import io.skytrade.core.kalman.KalmanParams;
import io.skytrade.core.pipeline.StateHash;
import io.skytrade.core.registry.InstrumentRegistry;
import io.skytrade.core.settlement.SettlementRules;

/**
 * Stage 3: on every observation (after the Kalman stage wrote the series posterior) records the
 * reading and the series posterior, revalues the affected products with
 * {@link SettlementValuator}, and writes {@link EngineEvent#fairValue} and {@link EngineEvent#fairStd}
 * for each product it revalued and can value, marking them in
 * {@link EngineEvent#touchedInstruments}. A timer only rolls the settlement window when it has
 * ended (revaluing everything then); valuations do not otherwise change with the passage of time. A
 * SETTLEMENT event passes the venue's final price through with zero uncertainty.
 *
 * <p>Owns its state; one thread. Hot-path cost: nothing on market events or ordinary timers; one
 * to several microseconds per observation (see {@link SettlementValuator#revalue}); no allocation.
 */
public final class ValuationHandler implements EventHandler<EngineEvent>, StateHash {
    private final int seriesCount;
    private final int instrumentCount;
    private final SettlementValuator valuator;

    public ValuationHandler(final InstrumentRegistry registry, final ValuationParams params, final SettlementRules rules,
                            final KalmanParams kalman) {
        seriesCount = registry.seriesCount();
        instrumentCount = registry.instrumentCount();
        valuator = new SettlementValuator(registry, params, rules, kalman);
    }

    @Override
    public void onEvent(final EngineEvent event, final long sequence, final boolean endOfBatch) {
        if (EventGuard.rejected(event, seriesCount, instrumentCount)) {
            return;
        }
        switch (event.type) {
            case EventType.OBSERVATION -> {
                final long t = event.eventTimeNanos;
                valuator.advanceTo(t);
                valuator.onObservation(event.instrumentId, t, event.value);
                if (Double.isFinite(event.seriesLevel) && Double.isFinite(event.seriesSlope)
                    && Double.isFinite(event.seriesVarLevel) && Double.isFinite(event.seriesCovLevelSlope)
                    && Double.isFinite(event.seriesVarSlope)) {
                    valuator.onSeriesState(event.instrumentId, t, event.seriesLevel, event.seriesSlope,
                        event.seriesVarLevel, event.seriesCovLevelSlope, event.seriesVarSlope);
                    if (event.seriesStateDim > 0) {
                        valuator.onHarmonicState(event.instrumentId, t, event.seriesStateDim, event.seriesState, event.seriesCov);
                    }
                }
                publish(event);
            }
            case EventType.TIMER -> {
                valuator.advanceTo(event.eventTimeNanos);
                publish(event);
            }
            case EventType.SETTLEMENT -> {
                event.fairValue[event.instrumentId] = event.value;
                event.fairStd[event.instrumentId] = 0.0;
                event.touch(event.instrumentId);
            }
            default -> { }
        }
    }

    private void publish(final EngineEvent event) {
        valuator.revalue();
        final long changed = valuator.changedMask();
        if (changed == 0) {
            return;
        }
        for (int i = 0; i < instrumentCount; i++) {
            if ((changed & (1L << i)) != 0 && valuator.isValid(i)) {
                event.fairValue[i] = valuator.fairValue(i);
                event.fairStd[i] = valuator.fairStd(i);
                event.touch(i);
            }
        }
    }

    @Override
    public long stateHash() {
        return valuator.stateHash();
    }
}
