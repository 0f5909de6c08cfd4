package io.skytrade.engine.backtest.report;

import com.lmax.disruptor.EventHandler;
import io.skytrade.core.event.EngineEvent;
import io.skytrade.core.event.SideBuffers;
import io.skytrade.core.event.EventType;
import io.skytrade.core.event.OrderEventKind;
import io.skytrade.core.event.Side;
import io.skytrade.core.position.PositionTracker;
import io.skytrade.engine.backtest.BacktestRunner;
import org.HdrHistogram.Histogram;

/**
 * A backtest observer stage that samples, per product, what the report charts: book mid with best
 * bid and ask, fair value (where the valuation stage touched the product), our buy and sell fills,
 * position (read from the backtest's position book after each fill and settlement), signal (where signalled) and the
 * regime posterior; and, for market data carrying both times, the delay from event to receipt.
 * Samples are placed at the backtest clock, the latest event time seen so far (observation times
 * can lag the market), and each series is a {@link DownsampledSeries} of at most
 * {@code maxPoints} rows.
 *
 * <p>Backtest only: allocates its series up front, O(products x maxPoints); per event a few array
 * stores. Single-threaded (the backtest's driver thread).
 */
public final class ReportRecorder implements EventHandler<EngineEvent> {
    /** Rows per series that draw a readable chart at screen width and keep the report small. */
    public static final int DEFAULT_MAX_POINTS = 2000;
    /** Starting bucket width of every series; it doubles as a series fills up. */
    private static final long INITIAL_BUCKET_NANOS = 1_000_000L;
    private static final long HIGHEST_DELAY_NANOS = 3_600_000_000_000L;

    private final int instruments;
    private final DownsampledSeries[] book;
    private final DownsampledSeries[] fair;
    private final DownsampledSeries[] buys;
    private final DownsampledSeries[] sells;
    private final DownsampledSeries[] position;
    private final DownsampledSeries[] signal;
    private final DownsampledSeries[] regime;
    private final int[] regimeCount;
    private final long[] fillCount;
    private final PositionTracker positions;
    private final Histogram marketDataDelay = new Histogram(HIGHEST_DELAY_NANOS, 3);
    private final long[] eventsByType = new long[EventType.COUNT];
    private final double[] bookRow = new double[3];
    private final double[] fillRow = new double[2];
    private final double[] regimeRow = new double[EngineEvent.MAX_REGIMES];
    private final SideBuffers side;
    private long marketDataWithoutDelay;
    private long firstTime = Long.MIN_VALUE;
    private long now = Long.MIN_VALUE;

    /**
     * @param instruments products to follow (ids 0..instruments-1), 1..{@link EngineEvent#MAX_INSTRUMENTS}
     * @param maxPoints   most rows kept per series, >= 2 (a chart needs no more than a few thousand)
     * @param positions   the backtest's position book ({@link io.skytrade.engine.backtest.BacktestRunner#positions()}),
     *                    which books each fill and settlement before this observer sees it; read only
     * @param side        the side buffers of the backtest's stages (signals, regime posteriors); read only
     */
    public ReportRecorder(final int instruments, final int maxPoints, final PositionTracker positions, final SideBuffers side) {
        if (instruments < 1 || instruments > EngineEvent.MAX_INSTRUMENTS) {
            throw new IllegalArgumentException("report instruments " + instruments + " must be in 1.." + EngineEvent.MAX_INSTRUMENTS);
        }
        this.instruments = instruments;
        this.positions = positions;
        this.side = side;
        book = series(3, maxPoints, DownsampledSeries.Merge.LAST);
        fair = series(1, maxPoints, DownsampledSeries.Merge.LAST);
        buys = series(2, maxPoints, DownsampledSeries.Merge.SUM);
        sells = series(2, maxPoints, DownsampledSeries.Merge.SUM);
        position = series(1, maxPoints, DownsampledSeries.Merge.LAST);
        signal = series(1, maxPoints, DownsampledSeries.Merge.LAST);
        regime = series(EngineEvent.MAX_REGIMES, maxPoints, DownsampledSeries.Merge.LAST);
        regimeCount = new int[instruments];
        fillCount = new long[instruments];
    }

    /**
     * A recorder of {@link #DEFAULT_MAX_POINTS} rows per series added to {@code runner} as its
     * observer "report", with the signal stage's combined signals turned on (they are computed only
     * for a reader) and each input's handling time measured (the report's table of it).
     */
    public static ReportRecorder attachTo(final BacktestRunner runner, final int instruments) {
        final ReportRecorder recorder = new ReportRecorder(instruments, DEFAULT_MAX_POINTS, runner.positions(), runner.sideBuffers());
        runner.publishSignals().timeInputs().observer("report", recorder);
        return recorder;
    }

    private DownsampledSeries[] series(final int width, final int maxPoints, final DownsampledSeries.Merge merge) {
        final DownsampledSeries[] s = new DownsampledSeries[instruments];
        for (int i = 0; i < instruments; i++) {
            s[i] = new DownsampledSeries(width, maxPoints, INITIAL_BUCKET_NANOS, merge);
        }
        return s;
    }

    @Override
    public void onEvent(final EngineEvent e, final long sequence, final boolean endOfBatch) {
        if (e.type >= 0 && e.type < EventType.COUNT) {
            eventsByType[e.type]++;
        }
        if (e.eventTimeNanos <= 0) {
            return;
        }
        if (firstTime == Long.MIN_VALUE) {
            firstTime = e.eventTimeNanos;
        }
        now = Math.max(now, e.eventTimeNanos);
        final int id = e.instrumentId;
        final boolean product = id >= 0 && id < instruments;
        if (product && (e.type == EventType.MARKET_BOOK || e.type == EventType.MARKET_TRADE)) {
            recordDelay(e);
        }
        if (product && e.hasTwoSidedBook()) {
            bookRow[0] = 0.5 * (e.bestBid() + e.bestAsk());
            bookRow[1] = e.bestBid();
            bookRow[2] = e.bestAsk();
            book[id].add(now, bookRow);
            if (e.regimeCount > 0) {
                regimeCount[id] = Math.max(regimeCount[id], e.regimeCount);
                side.copyRegimePosterior(e, Math.min(e.regimeCount, EngineEvent.MAX_REGIMES), regimeRow, 0);
                regime[id].add(now, regimeRow);
            }
        }
        if (product && e.type == EventType.ORDER_EVENT && e.orderEventKind == OrderEventKind.FILL && e.fillQty > 0) {
            onFill(e, id);
        } else if (product && e.type == EventType.SETTLEMENT) {
            onSettlement(id);
        }
        final long mask = instruments == Long.SIZE ? -1L : (1L << instruments) - 1;
        for (long bits = e.touchedInstruments & mask; bits != 0; bits &= bits - 1) {
            final int i = Long.numberOfTrailingZeros(bits);
            if (Double.isFinite(side.fairValue(e, i))) {
                fair[i].add(now, side.fairValue(e, i));
            }
        }
        for (long bits = e.signalledInstruments & mask; bits != 0; bits &= bits - 1) {
            final int i = Long.numberOfTrailingZeros(bits);
            final double s = side.signal(e, i);
            if (Double.isFinite(s)) {
                signal[i].add(now, s);
            }
        }
    }

    private void onFill(final EngineEvent e, final int id) {
        final int sign = Side.sign(e.side);
        if (sign == 0) {
            return;
        }
        if (position[id].size() == 0) {
            position[id].add(firstTime, 0.0);
        }
        fillCount[id]++;
        fillRow[0] = (double) e.fillQty * e.fillPriceTicks;
        fillRow[1] = e.fillQty;
        (sign > 0 ? buys : sells)[id].add(now, fillRow);
        position[id].add(now, positions.position(id));
    }

    /** The venue settled the product: the position book has closed it; the chart shows the drop. */
    private void onSettlement(final int id) {
        if (position[id].size() > 0) {
            position[id].add(now, positions.position(id));
        }
    }

    private void recordDelay(final EngineEvent e) {
        final long delay = e.receiveTimeNanos - e.eventTimeNanos;
        if (e.receiveTimeNanos > 0 && delay >= 0) {
            marketDataDelay.recordValue(Math.min(delay, HIGHEST_DELAY_NANOS));
        } else {
            marketDataWithoutDelay++;
        }
    }

    public int instruments() {
        return instruments;
    }

    /** Book per product: columns mid, best bid, best ask (ticks). */
    public DownsampledSeries book(final int instrument) {
        return book[instrument];
    }

    /** Fair value per product (ticks), where the valuation stage wrote one. */
    public DownsampledSeries fairValue(final int instrument) {
        return fair[instrument];
    }

    /** Our buy fills per product: columns quantity x price (ticks), quantity (lots). */
    public DownsampledSeries buys(final int instrument) {
        return buys[instrument];
    }

    /** Our sell fills per product: columns quantity x price (ticks), quantity (lots). */
    public DownsampledSeries sells(final int instrument) {
        return sells[instrument];
    }

    /** Position in lots per product after each fill, starting at zero at the first event. */
    public DownsampledSeries position(final int instrument) {
        return position[instrument];
    }

    /** Combined signal per product in [-1, 1]. */
    public DownsampledSeries signal(final int instrument) {
        return signal[instrument];
    }

    /** Regime posterior per product: the first {@link #regimeCount(int)} columns are probabilities. */
    public DownsampledSeries regime(final int instrument) {
        return regime[instrument];
    }

    /** Regimes the regime stage reported for the product (0 when none). */
    public int regimeCount(final int instrument) {
        return regimeCount[instrument];
    }

    public long fills(final int instrument) {
        return fillCount[instrument];
    }

    /** The backtest's position book this recorder reads (positions, PnL and fees per product). */
    public PositionTracker positions() {
        return positions;
    }

    /** Market data receive time minus event time, nanoseconds, for events that carry both in order. */
    public Histogram marketDataDelay() {
        return marketDataDelay;
    }

    /** Market data events without a usable receive time (zero, or before the event time). */
    public long marketDataWithoutDelay() {
        return marketDataWithoutDelay;
    }

    /** Events seen of {@link EventType} {@code type} (inputs and the fill model's order events). */
    public long events(final int type) {
        return eventsByType[type];
    }

    /** Event time of the first event with one, or {@link Long#MIN_VALUE} before any. */
    public long firstTimeNanos() {
        return firstTime;
    }

    /** The backtest clock at the last event (latest event time seen), or {@link Long#MIN_VALUE}. */
    public long lastTimeNanos() {
        return now;
    }
}
