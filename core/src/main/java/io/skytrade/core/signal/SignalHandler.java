package io.skytrade.core.signal;

import com.lmax.disruptor.EventHandler;
import io.skytrade.core.event.EngineEvent;
import io.skytrade.core.event.EventType;
import io.skytrade.core.event.SideBuffers;
import io.skytrade.core.feature.DecayingSum;
import io.skytrade.core.feature.EventGuard;
import io.skytrade.core.pipeline.StateHash;
import io.skytrade.core.registry.InstrumentRegistry;

/**
 * Stage 4 (signals): keeps, per product, the latest fair value and uncertainty (from
 * {@link EngineEvent#touchedInstruments}), filtered mid, spread and momentum (from two-sided books),
 * and a data surprise: on an observation, the move of each product's fair value standardised by
 * its uncertainty before the observation, {@code (new - old) / oldStd} (the observation against
 * its forecast, seen through the settlement formula), added to a sum that decays with a half-life
 * in event time. Nothing the engine decides reads the combined signal ({@link SignalCombiner}): its
 * readers are reports (the backtest report, the export's valuations, the metrics' gauges and decision
 * tape). So it is computed only once a reader has asked for it ({@link #publishSignals}, at
 * start-up): then, for the book's instrument and for every revalued product that has a book, it is
 * written into {@link SideBuffers#signal} and marked in {@link EngineEvent#signalledInstruments}.
 * Without a reader an input only updates the state the hash reads (fair values, their uncertainties,
 * mids, the surprise; not the mids' uncertainty, spread or momentum, which only the signal reads), and the books' momentum stays 0 (the
 * feature stage computes it only for a reader, {@link io.skytrade.core.feature.FeatureHandler#publishMomentum});
 * the state hash reads the fair values, their uncertainties, the mids and the surprise, not the
 * momentum, so decisions and state hashes are the same either way.
 *
 * <p>Owns its state; one thread. Hot-path cost: O(products touched) stores, no allocation; with a
 * reader, one square root, one {@link io.skytrade.core.math.TableExp} and one rational squash per
 * signalled product (a book's own product once, after its mid).
 */
public final class SignalHandler implements EventHandler<EngineEvent>, StateHash {
    private final int seriesCount;
    private final int instrumentCount;
    /** Bits of the registry's instrument ids (the touched bits this stage reads). */
    private final long registered;
    private final SignalCombiner combiner;
    private final DecayingSum surprise;
    private final double[] fair;
    private final double[] fairStd;
    private final boolean[] hasFair;
    private final double[] mid;
    private final double[] midStd;
    private final double[] halfSpread;
    private final double[] momentum;
    private final boolean[] hasMid;
    private final double[] lastMispricing;
    private final double[] lastSurprise;
    private final SideBuffers side;
    private boolean publishing;

    /**
     * @param side the ring's side buffers, where this stage writes each event's signals
     */
    public SignalHandler(final InstrumentRegistry registry, final SignalParams params, final SideBuffers side) {
        this.side = side;
        seriesCount = registry.seriesCount();
        instrumentCount = registry.instrumentCount();
        registered = instrumentCount >= Long.SIZE ? -1L : (1L << instrumentCount) - 1;
        final int n = Math.max(1, instrumentCount);
        combiner = new SignalCombiner(params);
        surprise = new DecayingSum(n, params.surpriseHalfLifeNanos());
        fair = new double[n];
        fairStd = new double[n];
        hasFair = new boolean[n];
        mid = new double[n];
        midStd = new double[n];
        halfSpread = new double[n];
        momentum = new double[n];
        hasMid = new boolean[n];
        lastMispricing = new double[n];
        lastSurprise = new double[n];
    }

    @Override
    public void onEvent(final EngineEvent event, final long sequence, final boolean endOfBatch) {
        if (EventGuard.rejected(event, seriesCount, instrumentCount)) {
            return;
        }
        final long t = event.eventTimeNanos;
        final boolean observation = event.type == EventType.OBSERVATION;
        final boolean twoSided = event.hasTwoSidedBook();
        // a two-sided book's own product is emitted once below, after its mid: an emit here would be overwritten
        final long own = twoSided ? 1L << event.instrumentId : 0L;
        // the revalued products in increasing id order (a book's: usually its own), ids past the registry's ignored
        long touched = event.touchedInstruments & registered;
        while (touched != 0) {
            final int i = Long.numberOfTrailingZeros(touched);
            touched &= touched - 1;
            final double f = side.fairValue(event, i);
            final double s = side.fairStd(event, i);
            if (!Double.isFinite(f) || !Double.isFinite(s)) {
                continue;
            }
            if (observation && hasFair[i]) {
                final double move = (f - fair[i]) / Math.max(fairStd[i], 1e-9);
                surprise.add(i, t, Double.isFinite(move) ? move : 0.0);
            }
            fair[i] = f;
            fairStd[i] = s;
            hasFair[i] = true;
            if ((own & (1L << i)) == 0) {
                emit(event, i, t);
            }
        }
        if (twoSided) {
            final int id = event.instrumentId;
            final double filteredMid = side.filteredMid(event);
            final double m = Double.isFinite(filteredMid) ? filteredMid : 0.5 * (event.bestBid() + event.bestAsk());
            mid[id] = m;
            hasMid[id] = true;
            if (publishing) {
                // the mispricing's other inputs: read only by the combined signal
                final double filteredMidStd = side.filteredMidStd(event);
                midStd[id] = Double.isFinite(filteredMidStd) ? filteredMidStd : 0.0;
                halfSpread[id] = 0.5 * (event.bestAsk() - event.bestBid());
                momentum[id] = Double.isFinite(event.featureMomentum) ? event.featureMomentum : 0.0;
                emit(event, id, t);
            }
        }
    }

    /**
     * Turns on the combined signal: from the next input on, each signalled product's signal is
     * computed and written into the side buffers, and its components kept for {@link #mispricing}
     * and {@link #surprise}. For whoever reads signals (metrics, reports, exports); call before the
     * pipeline starts (the flag is not published to other threads). Changes no decision and no state hash.
     */
    public void publishSignals() {
        publishing = true;
    }

    /** True once {@link #publishSignals} has been called. */
    public boolean publishesSignals() {
        return publishing;
    }

    private void emit(final EngineEvent event, final int i, final long t) {
        if (!publishing || !hasFair[i] || !hasMid[i]) {
            return;
        }
        final double z = Mispricing.zScore(fair[i], fairStd[i], mid[i], midStd[i], halfSpread[i]);
        final double s = surprise.sumAt(i, t);
        lastMispricing[i] = z;
        lastSurprise[i] = s;
        side.setSignal(event, i, combiner.combine(z, momentum[i], s));
    }

    /**
     * The mispricing z-score of the last signal written for instrument {@code i} (read-only, for the
     * metrics observer on this stage's thread).
     */
    public double mispricing(final int i) {
        return lastMispricing[i];
    }

    /** The momentum that went into the last signal of instrument {@code i} (same thread). */
    public double momentum(final int i) {
        return momentum[i];
    }

    /** The decayed data surprise that went into the last signal of instrument {@code i} (same thread). */
    public double surprise(final int i) {
        return lastSurprise[i];
    }

    @Override
    public long stateHash() {
        long h = surprise.stateHash();
        for (int i = 0; i < fair.length; i++) {
            h = 31 * h + Double.doubleToLongBits(fair[i]) + 3 * Double.doubleToLongBits(fairStd[i])
                + 7 * Double.doubleToLongBits(mid[i]);
        }
        return h;
    }
}
