package io.skytrade.core.baseline;

import com.lmax.disruptor.EventHandler;
import io.skytrade.core.event.DecisionKind;
import io.skytrade.core.event.EngineEvent;
import io.skytrade.core.event.EventType;
import io.skytrade.core.event.Side;

/**
 * The baseline strategy: per instrument, a fast and a slow exponential moving average of the mid
 * price (alpha = 2 / (window + 1), updated per book event); when the fast average crosses above
 * the slow one by more than a threshold it proposes buying {@code orderQty} at the best ask, when
 * it crosses below, selling at the best bid, never taking its intended position beyond
 * {@code maxPosition}. Deterministic: a pure function of the book events, so replay reproduces it.
 * It gives the backbone real decisions to journal and verify until the signal stack replaces it,
 * and it is the trivial strategy the benchmarks compare pipelines with.
 *
 * <p>State in arrays indexed by instrument id. Hot-path cost: a few multiplications per book
 * event; no allocation.
 */
public final class MovingAverageCrossStage implements EventHandler<EngineEvent> {
    private final double fastAlpha;
    private final double slowAlpha;
    private final double threshold;
    private final long orderQty;
    private final long maxPosition;
    private final double[] fast = new double[EngineEvent.MAX_INSTRUMENTS];
    private final double[] slow = new double[EngineEvent.MAX_INSTRUMENTS];
    private final int[] regime = new int[EngineEvent.MAX_INSTRUMENTS];
    private final long[] intendedPosition = new long[EngineEvent.MAX_INSTRUMENTS];
    private final boolean[] seeded = new boolean[EngineEvent.MAX_INSTRUMENTS];
    private long proposals;

    /**
     * @param fastWindow     fast EMA window in events (>= 1)
     * @param slowWindow     slow EMA window in events (> fastWindow)
     * @param thresholdTicks how far the averages must cross before acting (>= 0)
     * @param orderQty       lots per proposal (>= 1)
     * @param maxPosition    cap on the intended absolute position (>= orderQty)
     */
    public MovingAverageCrossStage(final int fastWindow, final int slowWindow, final double thresholdTicks,
                                   final long orderQty, final long maxPosition) {
        if (fastWindow < 1 || slowWindow <= fastWindow) {
            throw new IllegalArgumentException("windows must satisfy 1 <= fast < slow, got " + fastWindow + ", " + slowWindow);
        }
        if (orderQty < 1 || maxPosition < orderQty || thresholdTicks < 0) {
            throw new IllegalArgumentException("need orderQty >= 1, maxPosition >= orderQty, threshold >= 0");
        }
        this.fastAlpha = 2.0 / (fastWindow + 1);
        this.slowAlpha = 2.0 / (slowWindow + 1);
        this.threshold = thresholdTicks;
        this.orderQty = orderQty;
        this.maxPosition = maxPosition;
    }

    @Override
    public void onEvent(final EngineEvent event, final long sequence, final boolean endOfBatch) {
        if (!event.hasTwoSidedBook()) {
            return;
        }
        final int id = event.instrumentId;
        if (id < 0 || id >= EngineEvent.MAX_INSTRUMENTS) {
            event.flags |= EngineEvent.FLAG_INPUT_REJECTED;
            return;
        }
        final double mid = 0.5 * (event.bestBid() + event.bestAsk());
        if (!seeded[id]) {
            fast[id] = mid;
            slow[id] = mid;
            seeded[id] = true;
            return;
        }
        fast[id] += fastAlpha * (mid - fast[id]);
        slow[id] += slowAlpha * (mid - slow[id]);
        final double gap = fast[id] - slow[id];
        final int now = gap > threshold ? 1 : gap < -threshold ? -1 : regime[id];
        if (now != regime[id]) {
            regime[id] = now;
            if (now > 0 && intendedPosition[id] + orderQty <= maxPosition) {
                propose(event, id, Side.BUY, event.bestAsk());
            } else if (now < 0 && intendedPosition[id] - orderQty >= -maxPosition) {
                propose(event, id, Side.SELL, event.bestBid());
            }
        }
    }

    private void propose(final EngineEvent event, final int id, final int side, final long price) {
        if (event.decisions.add(DecisionKind.ORDER_NEW, id, side, price, orderQty, 0, 0) >= 0) {
            intendedPosition[id] += Side.sign(side) * orderQty;
            proposals++;
        }
    }

    /** Orders proposed so far. */
    public long proposals() {
        return proposals;
    }

    /** Intended position of an instrument (sum of proposals). */
    public long intendedPosition(final int instrumentId) {
        return intendedPosition[instrumentId];
    }
}
