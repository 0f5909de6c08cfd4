package io.skytrade.engine.evaluate;

import com.lmax.disruptor.EventHandler;
import io.skytrade.core.event.DecisionKind;
import io.skytrade.core.event.Decisions;
import io.skytrade.core.event.EngineEvent;
import io.skytrade.core.event.SideBuffers;
import io.skytrade.core.event.EventType;
import io.skytrade.core.event.OrderEventKind;
import io.skytrade.core.position.PositionTracker;
import io.skytrade.core.risk.TradingMode;
import org.agrona.concurrent.EpochNanoClock;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The evaluation's last stage and its checkpoints: it watches every event after the business
 * stages (fair values and their standard deviations, book mids, decisions, fills) and, when the
 * driver calls it at a time of the virtual clock, samples equity and the mid's running mean
 * ({@link #sample}), snapshots the valuations at a horizon before the settlement ({@link #snapshot}),
 * turns the snapshots into {@link FairValueSample}s when the session settles ({@link #onSettlement}),
 * and closes a day into a {@link DayResult} ({@link #endDay}). PnL is read from the engine's own
 * position book, never kept here. Time (hour of the day) is the virtual clock's: the evaluator's
 * own bookkeeping, not business logic, and it is not part of the replayed pipeline.
 *
 * <p>Offline: allocates as days and samples accumulate. Single-threaded (the driver's thread).
 */
final class DayRecorder implements EventHandler<EngineEvent> {
    private static final long HOUR = 3_600_000_000_000L;
    private static final int REASONS = 64;

    private final int products;
    private final EpochNanoClock clock;
    private final PositionTracker book;
    private final long seed;
    private final String runDirectory;

    private final double[] fair;
    private final double[] std;
    private final double[] mid;
    private final double[] meanSum;
    private final long[] meanCount;
    private final double[][] snapFair;
    private final double[][] snapStd;
    private final double[][] snapMid;
    private final double[][] snapMean;
    private final boolean[] snapped = new boolean[Horizons.count()];

    private int day = -1;
    private long lastSettlement = Long.MIN_VALUE;
    private long dayStart;
    private long dayEnd;
    private double equityAtStart;
    private double[] productEquityAtStart;
    private long[] orders;
    private long[] fills;
    private long intents;
    private long[] refused;
    private List<DayResult.SafeEntry> safeEntries;
    private long[] hourlyOrders;
    private long[] hourlyFills;
    private boolean[] hourAfterSettlement;
    private double[] equity;
    private int equitySamples;
    private List<FairValueSample> fairValues;
    private final List<DayResult> days = new ArrayList<>();
    private final SideBuffers side;

    /**
     * @param products     configured instruments
     * @param clock        the run's virtual clock
     * @param book         the engine's position book (read, never written)
     * @param seed         the world's seed, for the results
     * @param runDirectory the run's directory, for the results ("" when not journaled)
     * @param side         the stages' side buffers, where each input's decisions are (read, never written)
     */
    DayRecorder(final int products, final EpochNanoClock clock, final PositionTracker book, final long seed,
                final String runDirectory, final SideBuffers side) {
        this.side = side;
        this.products = products;
        this.clock = clock;
        this.book = book;
        this.seed = seed;
        this.runDirectory = runDirectory;
        this.fair = nan(products);
        this.std = nan(products);
        this.mid = nan(products);
        this.meanSum = new double[products];
        this.meanCount = new long[products];
        this.snapFair = new double[Horizons.count()][];
        this.snapStd = new double[Horizons.count()][];
        this.snapMid = new double[Horizons.count()][];
        this.snapMean = new double[Horizons.count()][];
    }

    private static double[] nan(final int n) {
        final double[] a = new double[n];
        Arrays.fill(a, Double.NaN);
        return a;
    }

    @Override
    public void onEvent(final EngineEvent e, final long sequence, final boolean endOfBatch) {
        for (int i = 0; i < products; i++) {
            if (e.isTouched(i)) {
                fair[i] = side.fairValue(e, i);
                std[i] = side.fairStd(e, i);
            }
        }
        final int id = e.instrumentId;
        if (e.type == EventType.MARKET_BOOK && id >= 0 && id < products) {
            mid[id] = e.hasTwoSidedBook() ? 0.5 * (e.bestBid() + e.bestAsk()) : Double.NaN;
        }
        if (day < 0) {
            return;
        }
        final int hour = hourOfDay();
        if (e.type == EventType.ORDER_EVENT && e.orderEventKind == OrderEventKind.FILL && e.fillQty > 0
            && id >= 0 && id < products) {
            fills[id]++;
            hourlyFills[hour]++;
        }
        final Decisions d = side.decisions(e);
        for (int k = 0; k < d.count(); k++) {
            final int kind = d.kind[k];
            if (kind == DecisionKind.ORDER_NEW || kind == DecisionKind.ORDER_CANCEL) {
                intents++;
                if (d.status[k] == Decisions.STATUS_REJECTED) {
                    refused[Math.max(0, Math.min(REASONS - 1, d.reason[k]))]++;
                } else if (kind == DecisionKind.ORDER_NEW && d.status[k] == Decisions.STATUS_APPROVED
                    && d.instrumentId[k] >= 0 && d.instrumentId[k] < products) {
                    orders[d.instrumentId[k]]++;
                    hourlyOrders[hour]++;
                }
            } else if (kind == DecisionKind.MODE_CHANGE && d.reason[k] == TradingMode.SAFE) {
                safeEntries.add(new DayResult.SafeEntry(clock.nanoTime(), (int) d.priceTicks[k]));
            }
        }
    }

    private int hourOfDay() {
        return (int) Math.max(0, Math.min(hourlyOrders.length - 1, (clock.nanoTime() - dayStart) / HOUR));
    }

    /** Opens day {@code index} covering [{@code start}, {@code end}). */
    void startDay(final int index, final long start, final long end) {
        day = index;
        dayStart = start;
        dayEnd = end;
        equityAtStart = book.equity();
        productEquityAtStart = new double[products];
        for (int i = 0; i < products; i++) {
            productEquityAtStart[i] = book.equity(i);
        }
        orders = new long[products];
        fills = new long[products];
        intents = 0;
        refused = new long[REASONS];
        safeEntries = new ArrayList<>();
        final int hours = (int) ((end - start + HOUR - 1) / HOUR);
        hourlyOrders = new long[hours];
        hourlyFills = new long[hours];
        hourAfterSettlement = new boolean[hours];
        hourAfterSettlement[0] = lastSettlement == start;
        equity = new double[(int) ((end - start) / 60_000_000_000L) + 2];
        equitySamples = 0;
        addEquity(0);
        fairValues = new ArrayList<>();
    }

    /**
     * A sample at the clock's time: equity since the day's start, and each known mid into its
     * running mean. The day's curve starts with 0 at its start; the driver samples every interval
     * after that, the last time at the day's end.
     */
    void sample() {
        addEquity(book.equity() - equityAtStart);
        for (int i = 0; i < products; i++) {
            if (!Double.isNaN(mid[i])) {
                meanSum[i] += mid[i];
                meanCount[i]++;
            }
        }
    }

    private void addEquity(final double value) {
        if (equitySamples == equity.length) {
            equity = Arrays.copyOf(equity, equitySamples * 2);
        }
        equity[equitySamples++] = value;
    }

    /** Records the current fair values, mids and running means as horizon {@code h} of the current session. */
    void snapshot(final int h) {
        snapFair[h] = fair.clone();
        snapStd[h] = std.clone();
        snapMid[h] = mid.clone();
        final double[] mean = new double[products];
        for (int i = 0; i < products; i++) {
            mean[i] = meanCount[i] == 0 ? Double.NaN : meanSum[i] / meanCount[i];
        }
        snapMean[h] = mean;
        snapped[h] = true;
    }

    /**
     * The session ended at {@code settlementNanos} with {@code values} per product: the horizons
     * snapshotted during it become fair-value samples of the current day; the next session starts
     * with no mid and an empty running mean.
     */
    void onSettlement(final long settlementNanos, final double[] values) {
        for (int h = 0; h < Horizons.count(); h++) {
            if (!snapped[h]) {
                continue;
            }
            for (int i = 0; i < products; i++) {
                fairValues.add(new FairValueSample(settlementNanos, i, h, snapFair[h][i], snapStd[h][i], snapMid[h][i],
                    snapMean[h][i], values[i]));
            }
            snapped[h] = false;
        }
        Arrays.fill(mid, Double.NaN);
        Arrays.fill(meanSum, 0);
        Arrays.fill(meanCount, 0);
        lastSettlement = settlementNanos;
        final long hour = (settlementNanos - dayStart) / HOUR;
        if ((settlementNanos - dayStart) % HOUR == 0 && hour >= 0 && hour < hourAfterSettlement.length) {
            hourAfterSettlement[(int) hour] = true;
        }
    }

    /** Closes the current day with the book as it stands now. */
    void endDay() {
        final double[] pnl = new double[products];
        for (int i = 0; i < products; i++) {
            pnl[i] = book.equity(i) - productEquityAtStart[i];
        }
        days.add(new DayResult(seed, day, dayStart, dayEnd, book.equity() - equityAtStart, pnl, orders, fills, intents,
            refused, List.copyOf(safeEntries), hourlyOrders, hourlyFills, hourAfterSettlement, Arrays.copyOf(equity, equitySamples),
            List.copyOf(fairValues), runDirectory));
        day = -1;
    }

    List<DayResult> days() {
        return List.copyOf(days);
    }
}
