package io.skytrade.engine.study;

import io.skytrade.core.book.TradingBook;
import io.skytrade.core.event.EngineEvent;
import io.skytrade.core.event.EventType;
import io.skytrade.core.position.PositionTracker;
import io.skytrade.engine.runtime.ReplayRunner;
import io.skytrade.journal.RunDirectory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The backtest's performance broken down by regime, on journals: each run is replayed through its
 * own pipeline, and every change of a product's equity in the run's own {@link TradingBook}
 * (realised, marked and settled PnL less fees) is attributed to the regime the product was in at
 * that moment: the most probable state of the regime posterior written on the product's last book
 * (state -1 before its first). Per regime it sums the PnL, the time the products spent in it
 * (product-hours of event time, from each book to the product's next) and the fills.
 *
 * <p>Offline; one study per instance. Replays need the book's stages and the outbound stage on one
 * thread (the journaled layout of the default and evaluate configurations).
 */
public final class RegimeStudy {
    private static final double NANOS_PER_HOUR = 3.6e12;

    private final List<Bucket> buckets = new ArrayList<>();

    /** Replays one run directory and adds its PnL, time and fills per regime. */
    public RegimeStudy add(final RunDirectory run, final int instrumentCount) {
        final TradingBook[] book = new TradingBook[1];
        final int[] regime = new int[instrumentCount];
        final long[] since = new long[instrumentCount];
        final double[] equity = new double[instrumentCount];
        final long[] fills = new long[instrumentCount];
        Arrays.fill(regime, -1);
        new ReplayRunner(run, Map.of()).replay(false, (event, side) -> {
            final PositionTracker p = book[0].positions();
            for (int i = 0; i < instrumentCount; i++) {
                final double eq = p.equity(i);
                final long f = p.fills(i);
                if (eq != equity[i] || f != fills[i]) {
                    final Bucket b = bucket(regime[i]);
                    b.pnl += eq - equity[i];
                    b.fills += f - fills[i];
                    equity[i] = eq;
                    fills[i] = f;
                }
            }
            final int id = event.instrumentId;
            if (event.type != EventType.MARKET_BOOK || id < 0 || id >= instrumentCount || event.regimeCount <= 0) {
                return;
            }
            final long t = event.eventTimeNanos;
            if (since[id] != 0 && t > since[id]) {
                bucket(regime[id]).hours += (t - since[id]) / NANOS_PER_HOUR;
            }
            since[id] = t;
            int best = 0;
            for (int j = 1; j < Math.min(event.regimeCount, EngineEvent.MAX_REGIMES); j++) {
                if (side.regimePosterior(event, j) > side.regimePosterior(event, best)) {
                    best = j;
                }
            }
            regime[id] = best;
        }, stages -> book[0] = stages.book());
        return this;
    }

    private Bucket bucket(final int regime) {
        final int k = regime + 1;
        while (buckets.size() <= k) {
            buckets.add(new Bucket());
        }
        return buckets.get(k);
    }

    /**
     * One regime's figures.
     *
     * @param regime the state (-1: before the product's first regime posterior)
     * @param pnl    equity change attributed to it, price units
     * @param hours  product-hours spent in it
     * @param fills  fills while in it
     */
    public record Row(int regime, double pnl, double hours, long fills) {
        /** PnL per product-hour. */
        public double pnlPerHour() {
            return hours > 0 ? pnl / hours : Double.NaN;
        }
    }

    /** One row per regime seen, from -1 up. */
    public List<Row> rows() {
        final List<Row> rows = new ArrayList<>();
        for (int k = 0; k < buckets.size(); k++) {
            final Bucket b = buckets.get(k);
            if (b.hours > 0 || b.fills > 0 || b.pnl != 0) {
                rows.add(new Row(k - 1, b.pnl, b.hours, b.fills));
            }
        }
        return rows;
    }

    /** Running sums of one regime. */
    private static final class Bucket {
        double pnl;
        double hours;
        long fills;
    }
}
