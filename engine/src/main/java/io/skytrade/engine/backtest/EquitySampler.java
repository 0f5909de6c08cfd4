package io.skytrade.engine.backtest;

import com.lmax.disruptor.EventHandler;
import io.skytrade.core.book.TradingBook;
import io.skytrade.core.event.EngineEvent;
import io.skytrade.core.event.EventType;
import io.skytrade.core.event.OrderEventKind;
import io.skytrade.core.position.PositionTracker;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The backtest's last stage: reads the engine's one {@link TradingBook} (which has booked every
 * fill, settlement and mark of an event before this stage sees it), samples marked-to-market
 * equity and gross position every {@code intervalNanos} of event time, in total and per product,
 * and records closed round trips per product (flat to flat) with their holding time and PnL.
 * Traded notional, fills and fees are the book's. Feeds {@link PerformanceAnalyzer} and
 * {@link MarketFigures}. It keeps no positions: only each product's position and net realised PnL
 * at its previous look, to see where a round trip opens or closes.
 *
 * <p>Backtest only: its sample arrays grow (allocate) as the run proceeds, which the live pipeline
 * never does. Single-threaded (the book's thread).
 */
public final class EquitySampler implements EventHandler<EngineEvent> {
    private final long intervalNanos;
    private final int instruments;
    private final TradingBook book;
    private final PositionTracker positions;
    private final long[] lastPosition = new long[EngineEvent.MAX_INSTRUMENTS];
    private final double[] lastNet = new double[EngineEvent.MAX_INSTRUMENTS];
    private final long[] openSince = new long[EngineEvent.MAX_INSTRUMENTS];
    private final double[] realisedAtOpen = new double[EngineEvent.MAX_INSTRUMENTS];
    private final List<PerformanceAnalyzer.RoundTrip> roundTrips = new ArrayList<>();
    private final List<List<PerformanceAnalyzer.RoundTrip>> productRoundTrips = new ArrayList<>();
    private long[] times = new long[1024];
    private double[] equity = new double[1024];
    private long[] gross = new long[1024];
    private final double[][] productEquity;
    private final long[][] productGross;
    private int samples;
    private long nextSample = Long.MIN_VALUE;
    private long lastTime;

    /**
     * @param instruments products sampled one by one: ids 0..instruments-1 (the configured
     *                    instruments); the total covers every id
     * @param book        the engine's trading book, read on this stage's thread
     */
    public EquitySampler(final long intervalNanos, final int instruments, final TradingBook book) {
        if (intervalNanos <= 0) {
            throw new IllegalArgumentException("backtest.sampleInterval: must be > 0");
        }
        if (instruments < 0 || instruments > EngineEvent.MAX_INSTRUMENTS) {
            throw new IllegalArgumentException("instruments " + instruments + " must be in [0, " + EngineEvent.MAX_INSTRUMENTS + "]");
        }
        this.intervalNanos = intervalNanos;
        this.instruments = instruments;
        this.book = book;
        this.positions = book.positions();
        this.productEquity = new double[instruments][1024];
        this.productGross = new long[instruments][1024];
        for (int i = 0; i < instruments; i++) {
            productRoundTrips.add(new ArrayList<>());
        }
    }

    @Override
    public void onEvent(final EngineEvent e, final long sequence, final boolean endOfBatch) {
        final boolean changesPosition = e.type == EventType.ORDER_EVENT && e.orderEventKind == OrderEventKind.FILL
            || e.type == EventType.SETTLEMENT;
        if (changesPosition && PositionTracker.isValidInstrument(e.instrumentId)) {
            positionChanged(e.instrumentId, e.eventTimeNanos);
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

    /**
     * Opens or closes a round trip after a fill or settlement. A trip's PnL is net of every fee
     * from its opening fill's to its closing fill's (a flipping fill's fee goes to the trip it
     * closes).
     */
    private void positionChanged(final int id, final long time) {
        final long before = lastPosition[id];
        final double netBefore = lastNet[id];
        final long after = positions.position(id);
        lastPosition[id] = after;
        lastNet[id] = positions.realisedPnl(id) - positions.fees(id);
        if (before == 0 && after != 0) {
            openSince[id] = time;
            realisedAtOpen[id] = netBefore;
        } else if (before != 0 && (after == 0 || Long.signum(after) != Long.signum(before))) {
            final double net = positions.realisedPnl(id) - positions.fees(id);
            final PerformanceAnalyzer.RoundTrip trip = new PerformanceAnalyzer.RoundTrip(openSince[id], time, net - realisedAtOpen[id]);
            roundTrips.add(trip);
            if (id < instruments) {
                productRoundTrips.get(id).add(trip);
            }
            openSince[id] = time;
            realisedAtOpen[id] = net;
        }
    }

    private void sample(final long t) {
        if (samples == times.length) {
            final int grown = samples * 2;
            times = Arrays.copyOf(times, grown);
            equity = Arrays.copyOf(equity, grown);
            gross = Arrays.copyOf(gross, grown);
            for (int i = 0; i < instruments; i++) {
                productEquity[i] = Arrays.copyOf(productEquity[i], grown);
                productGross[i] = Arrays.copyOf(productGross[i], grown);
            }
        }
        times[samples] = t;
        equity[samples] = positions.equity();
        gross[samples] = positions.grossPosition();
        for (int i = 0; i < instruments; i++) {
            productEquity[i][samples] = positions.equity(i);
            productGross[i][samples] = Math.abs(positions.position(i));
        }
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

    /** Traded notional (lots x price in ticks), the book's. */
    public double notional() {
        return positions.notional();
    }

    /** Fees paid over all products, the book's. */
    public double fees() {
        return positions.fees();
    }

    /** Products sampled one by one (ids 0..n-1). */
    public int instruments() {
        return instruments;
    }

    /** One product's marked-to-market equity at each sample. */
    public double[] equity(final int instrument) {
        return Arrays.copyOf(productEquity[instrument], samples);
    }

    /** One product's absolute position at each sample. */
    public long[] grossPositions(final int instrument) {
        return Arrays.copyOf(productGross[instrument], samples);
    }

    /** One product's closed round trips, in closing order. */
    public List<PerformanceAnalyzer.RoundTrip> roundTrips(final int instrument) {
        return List.copyOf(productRoundTrips.get(instrument));
    }

    /** One product's traded notional (lots x price in ticks), the book's. */
    public double notional(final int instrument) {
        return positions.notional(instrument);
    }

    /** One product's fill events, the book's. */
    public long fills(final int instrument) {
        return positions.fills(instrument);
    }

    /** One product's marked-to-market equity now (after the last event, not the last sample). */
    public double finalEquity(final int instrument) {
        return positions.equity(instrument);
    }

    /** True when the product had at least one fill (so it traded, and any position it held came from that). */
    public boolean traded(final int instrument) {
        return positions.fills(instrument) > 0;
    }

    /** The book's positions and PnL. */
    public PositionTracker positions() {
        return positions;
    }

    /** The trading book this sampler reads. */
    public TradingBook book() {
        return book;
    }
}
