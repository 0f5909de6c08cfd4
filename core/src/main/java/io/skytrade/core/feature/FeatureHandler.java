package io.skytrade.core.feature;

import com.lmax.disruptor.EventHandler;
import io.skytrade.core.event.EngineEvent;
import io.skytrade.core.event.EventType;
import io.skytrade.core.event.Side;
import io.skytrade.core.pipeline.StateHash;
import io.skytrade.core.registry.InstrumentRegistry;

/**
 * Stage 1: rolling statistics per data series (observations) and per market (two-sided book mids,
 * returns, realised volatility, spread, signed trade flow). Writes {@link EngineEvent#featureMomentum}
 * (for observations, and for books once {@link #publishMomentum} has been called: read only by the signal
 * stage's report-only signal) and, for books, {@link EngineEvent#mid},
 * {@link EngineEvent#midReturn} and {@link EngineEvent#realisedVol}. Invalid input is flagged by
 * {@link EventGuard} and ignored; stale (cached) observations are ignored.
 *
 * <p>Owns its state; runs on one thread. Hot-path cost: O(1) per event (one exponential: the book's
 * two EWMAs share their decay; a window update for observations, and for books with the momentum on),
 * no allocation.
 */
public final class FeatureHandler implements EventHandler<EngineEvent>, StateHash {
    private final int seriesCount;
    private final int instrumentCount;
    private final RollingWindow seriesWindow;
    private final Ewma seriesEwma;
    private final RollingWindow midWindow;
    private final Ewma returnSquare;
    private final Ewma spread;
    private final DecayingSum tradeFlow;
    private final double[] prevMid;
    private boolean momentumWanted;

    public FeatureHandler(final InstrumentRegistry registry, final FeatureParams params) {
        seriesCount = registry.seriesCount();
        instrumentCount = registry.instrumentCount();
        final int s = Math.max(1, seriesCount);
        final int n = Math.max(1, instrumentCount);
        seriesWindow = new RollingWindow(s, params.windowCapacity());
        seriesEwma = new Ewma(s, params.seriesHalfLifeNanos());
        midWindow = new RollingWindow(n, params.windowCapacity());
        // one decay for both: they are updated together on every two-sided book
        final Ewma.Decay volDecay = new Ewma.Decay(params.volHalfLifeNanos());
        returnSquare = new Ewma(n, volDecay);
        spread = new Ewma(n, volDecay);
        tradeFlow = new DecayingSum(n, params.tradeFlowHalfLifeNanos());
        prevMid = new double[n];
    }

    @Override
    public void onEvent(final EngineEvent event, final long sequence, final boolean endOfBatch) {
        if (EventGuard.rejected(event, seriesCount, instrumentCount) || EventGuard.stale(event)) {
            return;
        }
        switch (event.type) {
            case EventType.OBSERVATION -> onObservation(event);
            case EventType.MARKET_BOOK -> onBook(event);
            case EventType.MARKET_TRADE -> tradeFlow.add(event.instrumentId, event.eventTimeNanos,
                (double) Side.sign(event.aggressorSide) * event.tradeQty);
            default -> { }
        }
    }

    private void onObservation(final EngineEvent e) {
        final int id = e.instrumentId;
        seriesWindow.add(id, e.eventTimeNanos, e.value);
        seriesEwma.update(id, e.eventTimeNanos, e.value);
        final double sd = seriesWindow.std(id);
        e.featureMomentum = sd > 0.0 ? seriesWindow.momentum(id) / sd : 0.0;
    }

    private void onBook(final EngineEvent e) {
        if (!e.hasTwoSidedBook()) {
            return;
        }
        final int id = e.instrumentId;
        final double m = 0.5 * (e.bestBid() + e.bestAsk());
        final double prev = prevMid[id];
        final double r = prev > 0.0 ? (m - prev) / prev : 0.0;
        prevMid[id] = m;
        if (prev > 0.0) {
            returnSquare.update(id, e.eventTimeNanos, r * r);
        }
        spread.update(id, e.eventTimeNanos, e.bestAsk() - e.bestBid());
        e.mid = m;
        e.midReturn = r;
        e.realisedVol = Math.sqrt(returnSquare.mean(id));
        if (momentumWanted) {
            midWindow.add(id, e.eventTimeNanos, m);
            final double sd = midWindow.std(id);
            e.featureMomentum = sd > 0.0 ? midWindow.momentum(id) / sd : 0.0;
        }
    }

    /**
     * Turns on the books' momentum ({@link EngineEvent#featureMomentum} over the window of mids), whose
     * only reader is the signal stage's report-only combined signal; off, a book keeps no window of mids.
     * Start-up only, before the first event (with the signal stage's
     * {@link io.skytrade.core.signal.SignalHandler#publishSignals}). Changes no decision and no state hash.
     */
    public void publishMomentum() {
        momentumWanted = true;
    }

    /** EWMA mean of a data series (for dashboards and tests; not read by other stages). */
    public double seriesEwmaMean(final int seriesId) {
        return seriesEwma.mean(seriesId);
    }

    /** Decaying signed trade flow of an instrument, positive when buyers aggress. */
    public double tradeFlow(final int instrumentId) {
        return tradeFlow.sum(instrumentId);
    }

    /** EWMA of the quoted spread of an instrument, in ticks. */
    public double averageSpread(final int instrumentId) {
        return spread.mean(instrumentId);
    }

    /**
     * Hash of every piece of state that decisions can depend on, for replay and determinism checks (not
     * hot path); not the window of book mids, kept only for the report-only momentum (a run and its
     * replay hash the same whether or not a reader turned it on).
     */
    @Override
    public long stateHash() {
        long h = seriesWindow.stateHash();
        h = 31 * h + seriesEwma.stateHash();
        h = 31 * h + returnSquare.stateHash();
        h = 31 * h + spread.stateHash();
        h = 31 * h + tradeFlow.stateHash();
        for (int i = 0; i < prevMid.length; i++) {
            h = 31 * h + Double.doubleToLongBits(prevMid[i]);
        }
        return h;
    }
}
