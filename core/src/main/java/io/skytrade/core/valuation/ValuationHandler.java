package io.skytrade.core.valuation;

import com.lmax.disruptor.EventHandler;
import io.skytrade.core.event.EngineEvent;
import io.skytrade.core.event.SideBuffers;
import io.skytrade.core.event.EventType;
import io.skytrade.core.feature.EventGuard;
import io.skytrade.core.kalman.KalmanParams;
import io.skytrade.core.pipeline.StateHash;
import io.skytrade.core.registry.InstrumentRegistry;
import io.skytrade.core.settlement.SettlementRules;

/**
 * Stage 3: fair value per product. On every observation it folds the reading into its series'
 * nowcast model and the settlement window ({@link SettlementValuator}), writes the reading's
 * standardised innovation under the model ({@link SideBuffers#innovationZ}, the data surprise) and
 * revalues the affected products; on a book with a filtered mid (written by the Kalman stage) it
 * learns that market's noise and reblends its product. Each product's fair value is its nowcast
 * blended with its market-implied value by precision weighting ({@link MarketBlend}); the stage
 * writes {@link EngineEvent#fairValue} and {@link EngineEvent#fairStd} and the components
 * ({@link EngineEvent#nowcastValue}, {@link EngineEvent#nowcastStd}, {@link EngineEvent#marketValue},
 * {@link EngineEvent#marketStd}, {@link EngineEvent#nowcastWeight}) for each product it revalued
 * and can value, marking them in {@link EngineEvent#touchedInstruments}. A timer only rolls the
 * settlement window when it has ended (revaluing everything then). A SETTLEMENT event passes the
 * venue's final price through with zero uncertainty.
 *
 * <p>Owns its state (the series models, the window and the market blend); one thread. Hot-path
 * cost: a blend (a few dozen flops) per book event with a filtered mid; a model update and the
 * affected products' forecasts per observation (see {@link SettlementValuator}); no allocation.
 */
public final class ValuationHandler implements EventHandler<EngineEvent>, StateHash {
    private final int seriesCount;
    private final int instrumentCount;
    private final SettlementValuator valuator;
    private final MarketBlend blend;
    private final double[] nowcast;
    private final double[] nowcastStd;
    private final boolean[] nowcastValid;
    private final SideBuffers side;

    /**
     * @param side the ring's side buffers, where this stage writes each event's valuations
     */
    public ValuationHandler(final InstrumentRegistry registry, final ValuationParams params, final SettlementRules rules,
                            final KalmanParams kalman, final SideBuffers side) {
        this.side = side;
        seriesCount = registry.seriesCount();
        instrumentCount = registry.instrumentCount();
        valuator = new SettlementValuator(registry, params, rules, kalman);
        blend = new MarketBlend(registry, rules, params);
        final int n = Math.max(1, instrumentCount);
        nowcast = new double[n];
        nowcastStd = new double[n];
        nowcastValid = new boolean[n];
    }

    @Override
    public void onEvent(final EngineEvent event, final long sequence, final boolean endOfBatch) {
        if (EventGuard.rejected(event, seriesCount, instrumentCount)) {
            return;
        }
        switch (event.type) {
            case EventType.OBSERVATION -> {
                final long t = event.eventTimeNanos;
                valuator.alignTo(event.receiveTimeNanos);
                valuator.advanceTo(t);
                valuator.onObservation(event.instrumentId, t, event.value, EventGuard.stale(event));
                side.setInnovationZ(event, valuator.lastInnovationZ());
                publish(event);
            }
            case EventType.TIMER -> {
                valuator.alignTo(event.eventTimeNanos);
                valuator.advanceTo(event.eventTimeNanos);
                publish(event);
            }
            case EventType.MARKET_BOOK -> onBook(event);
            case EventType.SETTLEMENT -> {
                final int i = event.instrumentId;
                side.setValuation(event, i, event.value, 0.0, event.value, 0.0, Double.NaN, Double.NaN, 1.0);
            }
            default -> { }
        }
    }

    private void onBook(final EngineEvent event) {
        final double filteredMid = side.filteredMid(event);
        if (!Double.isFinite(filteredMid)) {
            return;
        }
        final int i = event.instrumentId;
        final boolean valid = nowcastValid[i];
        blend.onMid(i, event.eventTimeNanos, filteredMid, valid ? nowcast[i] : Double.NaN, valid ? nowcastStd[i] : Double.NaN,
            valuator.windowEnd());
        if (valid) {
            write(event, i);
        }
    }

    private void publish(final EngineEvent event) {
        valuator.revalue();
        final long changed = valuator.changedMask();
        if (changed == 0) {
            return;
        }
        for (int i = 0; i < instrumentCount; i++) {
            if ((changed & (1L << i)) == 0) {
                continue;
            }
            nowcastValid[i] = valuator.isValid(i);
            if (nowcastValid[i]) {
                nowcast[i] = valuator.fairValue(i);
                nowcastStd[i] = valuator.fairStd(i);
                write(event, i);
            }
        }
    }

    /** Blends instrument i's nowcast with its market and writes the fair value and its components. */
    private void write(final EngineEvent event, final int i) {
        blend.blend(i, event.eventTimeNanos, nowcast[i], nowcastStd[i]);
        side.setValuation(event, i, blend.mean(), blend.std(), nowcast[i], nowcastStd[i],
            blend.nowcastWeight() < 1.0 ? blend.market(i) : Double.NaN, blend.marketStd(), blend.nowcastWeight());
    }

    /**
     * Low end of the central 80% interval of instrument i's nowcast (before the blend with the
     * market): its forecast distribution's 10% quantile, for tools that measure calibration.
     */
    public double nowcastLow80(final int instrumentId) {
        return valuator.low80(instrumentId);
    }

    /** High end of the central 80% interval of instrument i's nowcast (its 90% quantile); see {@link #nowcastLow80}. */
    public double nowcastHigh80(final int instrumentId) {
        return valuator.high80(instrumentId);
    }

    @Override
    public long stateHash() {
        return 31 * valuator.stateHash() + blend.stateHash();
    }
}
