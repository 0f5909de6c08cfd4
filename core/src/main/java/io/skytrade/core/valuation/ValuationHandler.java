package io.skytrade.core.valuation;

import com.lmax.disruptor.EventHandler;
import io.skytrade.core.event.EngineEvent;
import io.skytrade.core.event.EventType;
import io.skytrade.core.feature.EventGuard;
import io.skytrade.core.kalman.KalmanParams;
import io.skytrade.core.registry.InstrumentRegistry;
import io.skytrade.core.settlement.SettlementRules;

/**
 * Stage 3: on every observation folds the reading into its series' nowcast model and the
 * settlement window ({@link SettlementValuator}), writes the reading's standardised innovation
 * under the model ({@link EngineEvent#innovationZ}, the data surprise), revalues the affected
 * products and writes {@link EngineEvent#fairValue} and {@link EngineEvent#fairStd} for each
 * product it revalued and can value, marking them in {@link EngineEvent#touchedInstruments}. A
 * timer only rolls the settlement window when it has ended (revaluing everything then);
 * valuations do not otherwise change with the passage of time. A SETTLEMENT event passes the
 * venue's final price through with zero uncertainty.
 *
 * <p>Owns its state (the series models and the window); one thread. Hot-path cost: nothing on
 * market events or ordinary timers; a model update and the affected products' forecasts per
 * observation (see {@link SettlementValuator}); no allocation.
 */
public final class ValuationHandler implements EventHandler<EngineEvent> {
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
                valuator.onObservation(event.instrumentId, t, event.value, EventGuard.stale(event));
                event.innovationZ = valuator.lastInnovationZ();
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

    public long stateHash() {
        return valuator.stateHash();
    }
}
