package io.skytrade.engine.backtest;

import com.lmax.disruptor.EventHandler;
import io.skytrade.core.event.EngineEvent;
import io.skytrade.core.event.EventType;
import io.skytrade.core.event.OrderEventKind;
import io.skytrade.core.position.PositionTracker;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The backtest's last stage: follows fills (ORDER_EVENT FILL) and marks (book mids) with the same
 * {@link PositionTracker} the order manager uses, samples marked-to-market equity and gross
 * position every {@code intervalNanos} of event time, and records closed round trips per product
 * (flat to flat) with their holding time and PnL. Feeds {@link PerformanceAnalyzer}.
 *
 * <p>Backtest only: its sample arrays grow (allocate) as the run proceeds, which the live pipeline
 * never does. Single-threaded (one stage thread).
 */
public final class EquitySampler implements EventHandler<EngineEvent> {
    private final long intervalNanos;
    private final PositionTracker positions = new PositionTracker();
    private final long[] openSince = new long[EngineEvent.MAX_INSTRUMENTS];
    private final double[] realisedAtOpen = new double[EngineEvent.MAX_INSTRUMENTS];
    private final List<PerformanceAnalyzer.RoundTrip> roundTrips = new ArrayList<>();
    private long[] times = new long[1024];
    private double[] equity = new double[1024];
    private long[] gross = new long[1024];
    private int samples;
    private long nextSample = Long.MIN_VALUE;
    private long lastTime;
    private double notional;

    public EquitySampler(final long intervalNanos) {
        if (intervalNanos <= 0) {
            throw new IllegalArgumentException("backtest.sampleInterval: must be > 0");
        }
        this.intervalNanos = intervalNanos;
    }

    @Override
    public void onEvent(final EngineEvent e, final long sequence, final boolean endOfBatch) {
        if (e.type == EventType.ORDER_EVENT && e.orderEventKind == OrderEventKind.FILL
            && PositionTracker.isValidInstrument(e.instrumentId) && e.fillQty > 0) {
            final int id = e.instrumentId;
            final long before = positions.position(id);
            positions.onFill(id, e.side, e.fillQty, e.fillPriceTicks, e.fee);
            notional += (double) e.fillQty * e.fillPriceTicks;
            final long after = positions.position(id);
            if (before == 0 && after != 0) {
                openSince[id] = e.eventTimeNanos;
                realisedAtOpen[id] = positions.realisedPnl(id) - positions.fees(id);
            } else if (before != 0 && (after == 0 || Long.signum(after) != Long.signum(before))) {
                final double net = positions.realisedPnl(id) - positions.fees(id);
                roundTrips.add(new PerformanceAnalyzer.RoundTrip(openSince[id], e.eventTimeNanos, net - realisedAtOpen[id]));
                openSince[id] = e.eventTimeNanos;
                realisedAtOpen[id] = net;
            }
        } else if (e.hasTwoSidedBook() && PositionTracker.isValidInstrument(e.instrumentId)) {
            positions.onMark(e.instrumentId, 0.5 * (e.bestBid() + e.bestAsk()));
        }
        if (e.eventTimeNanos <= 0) {
            return;
        }
        lastTime = Math.max(lastTime, e.eventTimeNanos);
        if (nextSample == Long.MIN_VALUE) {
            nextSample = e.eventTimeNanos;
        }
        while (lastTime >= nextSample) {
            sample(nextSample);
            nextSample += intervalNanos;
        }
    }

    private void sample(final long t) {
        if (samples == times.length) {
            times = Arrays.copyOf(times, samples * 2);
            equity = Arrays.copyOf(equity, samples * 2);
            gross = Arrays.copyOf(gross, samples * 2);
        }
        times[samples] = t;
        equity[samples] = positions.equity();
        gross[samples] = positions.grossPosition();
        samples++;
    }

    /** Sample times so far. */
    public long[] times() {
        return Arrays.copyOf(times, samples);
    }

    /** Marked-to-market equity (realised + unrealised - fees) at each sample. */
    public double[] equity() {
        return Arrays.copyOf(equity, samples);
    }

    /** Gross position (sum of absolute positions) at each sample. */
    public long[] grossPositions() {
        return Arrays.copyOf(gross, samples);
    }

    public List<PerformanceAnalyzer.RoundTrip> roundTrips() {
        return List.copyOf(roundTrips);
    }

    /** Traded notional (lots x price in ticks). */
    public double notional() {
        return notional;
    }

    /** Fees paid over all products. */
    public double fees() {
        double f = 0;
        for (int i = 0; i < EngineEvent.MAX_INSTRUMENTS; i++) {
            f += positions.fees(i);
        }
        return f;
    }

    public PositionTracker positions() {
        return positions;
    }
}
