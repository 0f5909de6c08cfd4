package io.skytrade.core.regime;

import com.lmax.disruptor.EventHandler;
import io.skytrade.core.event.EngineEvent;
import io.skytrade.core.event.EventType;

import java.util.Arrays;

/**
 * Offline helper for {@code skytrade regime fit}: placed after the feature stage in a replay, it
 * collects the regime model's observations (mid return and realised volatility, scaled like
 * {@link RegimeHandler} does) of one instrument, or of all instruments, into arrays that
 * {@link BaumWelch#fit} takes.
 *
 * <p>Single-threaded. Not for the live pipeline: its arrays grow (allocate) as samples arrive.
 */
public final class RegimeSampleCollector implements EventHandler<EngineEvent> {
    private final int instrumentId;
    private final double scale;
    private double[] returns = new double[1024];
    private double[] vols = new double[1024];
    private int count;

    /**
     * @param instrumentId instrument to collect, or -1 for every instrument (one concatenated sequence)
     * @param scale        factor applied to both components, normally {@link RegimeParams#observationScale()}
     */
    public RegimeSampleCollector(final int instrumentId, final double scale) {
        if (!(scale > 0.0) || Double.isInfinite(scale)) {
            throw new IllegalArgumentException("regime.observationScale: " + scale + " must be > 0 and finite");
        }
        this.instrumentId = instrumentId;
        this.scale = scale;
    }

    @Override
    public void onEvent(final EngineEvent e, final long sequence, final boolean endOfBatch) {
        if (e.type != EventType.MARKET_BOOK || (e.flags & EngineEvent.FLAG_INPUT_REJECTED) != 0
            || (instrumentId >= 0 && e.instrumentId != instrumentId)) {
            return;
        }
        final double r = e.midReturn * scale;
        final double v = e.realisedVol * scale;
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
