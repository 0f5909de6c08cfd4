package io.skytrade.engine.study;

import io.skytrade.core.book.TradingBook;
import io.skytrade.core.event.EngineEvent;
import io.skytrade.core.event.EventType;
import io.skytrade.core.strategy.MicroPrice;
import io.skytrade.engine.runtime.ReplayRunner;
import io.skytrade.journal.RunDirectory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Measures how well the micro-price predicts the next move of the mid, on journals: each run is
 * replayed through its own pipeline, so every book is seen as the strategy saw it (everyone else's
 * touch, our own resting orders netted out by the run's own {@link TradingBook}). Per product, a
 * sample is taken at a book and closed at the first book at least {@code horizonNanos} of event time
 * later (samples do not overlap): x = micro-price minus mid then, y = mid change over the horizon,
 * both in ticks. The information coefficient is the Pearson correlation of x and y, with a 95%
 * interval from Fisher's z (n - 3 degrees of freedom); the pooled figure averages the products'
 * Fisher z weighted by n - 3. The slope of y on x says how much of the offset the mid moves.
 *
 * <p>Offline; one study per instance. Replays need the book's stages and the outbound stage on one
 * thread (the journaled layout of the default and evaluate configurations).
 */
public final class MicroPriceStudy {
    private final long horizonNanos;
    private final List<String> products = new ArrayList<>();
    private final List<Accumulator> accumulators = new ArrayList<>();

    public MicroPriceStudy(final long horizonNanos) {
        if (horizonNanos <= 0) {
            throw new IllegalArgumentException("horizon must be > 0, was " + horizonNanos + " ns");
        }
        this.horizonNanos = horizonNanos;
    }

    /** Replays one run directory and adds its samples. */
    public MicroPriceStudy add(final RunDirectory run, final List<String> instruments) {
        while (accumulators.size() < instruments.size()) {
            products.add(instruments.get(accumulators.size()));
            accumulators.add(new Accumulator());
        }
        final TradingBook[] book = new TradingBook[1];
        final long[] netBid = new long[EngineEvent.BOOK_DEPTH];
        final long[] netAsk = new long[EngineEvent.BOOK_DEPTH];
        final long[] openTime = new long[instruments.size()];
        final double[] openMid = new double[instruments.size()];
        final double[] openOffset = new double[instruments.size()];
        final boolean[] open = new boolean[instruments.size()];
        new ReplayRunner(run, Map.of()).replay(false, (event, side) -> {
            final int id = event.instrumentId;
            if (event.type != EventType.MARKET_BOOK || id < 0 || id >= instruments.size()) {
                return;
            }
            book[0].netOwnOrders(event, netBid, netAsk);
            long bid = 0;
            long bidQty = 0;
            for (int l = 0; l < event.bidLevels && bid == 0; l++) {
                if (netBid[l] > 0) {
                    bid = event.bidPrices[l];
                    bidQty = netBid[l];
                }
            }
            long ask = 0;
            long askQty = 0;
            for (int l = 0; l < event.askLevels && ask == 0; l++) {
                if (netAsk[l] > 0) {
                    ask = event.askPrices[l];
                    askQty = netAsk[l];
                }
            }
            if (bid <= 0 || ask <= bid) {
                return;
            }
            final double mid = 0.5 * (bid + ask);
            final long t = event.eventTimeNanos;
            if (open[id] && t - openTime[id] >= horizonNanos) {
                accumulators.get(id).add(openOffset[id], mid - openMid[id]);
                open[id] = false;
            }
            if (!open[id]) {
                open[id] = true;
                openTime[id] = t;
                openMid[id] = mid;
                openOffset[id] = MicroPrice.offset(bid, bidQty, ask, askQty);
            }
        }, stages -> book[0] = stages.book());
        return this;
    }

    /** One product's figures, or the pooled figures (product "all"). */
    public record Row(String product, long n, double ic, double low, double high, double slope) {
    }

    /** Per product with samples, then the pooled row. */
    public List<Row> rows() {
        final List<Row> rows = new ArrayList<>();
        double zSum = 0;
        double weight = 0;
        long n = 0;
        for (int i = 0; i < accumulators.size(); i++) {
            final Accumulator a = accumulators.get(i);
            if (a.n < 4) {
                continue;
            }
            final double r = a.correlation();
            rows.add(row(products.get(i), a.n, r, a.slope()));
            if (Double.isFinite(r)) {
                zSum += (a.n - 3) * atanh(r);
                weight += a.n - 3;
                n += a.n;
            }
        }
        if (weight > 0) {
            final double z = zSum / weight;
            final double half = 1.959963984540054 / Math.sqrt(weight);
            rows.add(new Row("all", n, StrictMath.tanh(z), StrictMath.tanh(z - half), StrictMath.tanh(z + half), Double.NaN));
        }
        return rows;
    }

    private static Row row(final String product, final long n, final double r, final double slope) {
        final double z = atanh(r);
        final double half = 1.959963984540054 / Math.sqrt(n - 3);
        return new Row(product, n, r, StrictMath.tanh(z - half), StrictMath.tanh(z + half), slope);
    }

    private static double atanh(final double r) {
        final double c = Math.max(-0.999999, Math.min(0.999999, r));
        return 0.5 * Math.log((1 + c) / (1 - c));
    }

    /** Running sums for a correlation and a slope. */
    private static final class Accumulator {
        long n;
        double sx;
        double sy;
        double sxx;
        double syy;
        double sxy;

        void add(final double x, final double y) {
            n++;
            sx += x;
            sy += y;
            sxx += x * x;
            syy += y * y;
            sxy += x * y;
        }

        double correlation() {
            final double cov = sxy - sx * sy / n;
            final double vx = sxx - sx * sx / n;
            final double vy = syy - sy * sy / n;
            return vx > 0 && vy > 0 ? cov / Math.sqrt(vx * vy) : Double.NaN;
        }

        double slope() {
            final double vx = sxx - sx * sx / n;
            return vx > 0 ? (sxy - sx * sy / n) / vx : Double.NaN;
        }
    }
}
