package io.skytrade.core.book;

import io.skytrade.core.event.EngineEvent;
import io.skytrade.core.event.SideBuffers;
import io.skytrade.core.event.EventType;
import io.skytrade.core.position.PositionTracker;

import java.util.Arrays;

/**
 * What the trading book knows of each market: last best bid and ask and the event time of the
 * last book (from MARKET_BOOK events), and the last fair value with its standard deviation (from
 * {@link EngineEvent#fairValue} and {@link EngineEvent#fairStd} where the event marks the
 * instrument touched). Arrays indexed by instrument id. The touch is the venue's, our own resting
 * orders included (risk's fat-finger band measures against it). Positions are marked at
 * {@link #markPrice}, a robust, fair-value-aware price.
 * Single-threaded: owned by the {@link TradingBook}. Hot-path cost: a few stores per book event
 * and a loop over touched bits per event; no allocation.
 */
public final class MarketView {
    private static final int N = EngineEvent.MAX_INSTRUMENTS;

    private final long[] bestBid = new long[N];
    private final long[] bestAsk = new long[N];
    private final long[] lastBookNanos = new long[N];
    private final boolean[] bookSeen = new boolean[N];
    private final double[] fairValue = new double[N];
    private final double[] fairStd = new double[N];

    public MarketView() {
        Arrays.fill(fairValue, Double.NaN);
        Arrays.fill(fairStd, Double.NaN);
    }

    /** Takes the touch from a MARKET_BOOK event and fair values from any event's outputs. */
    public void onEvent(final EngineEvent event, final SideBuffers side) {
        if (event.type == EventType.MARKET_BOOK && event.instrumentId >= 0 && event.instrumentId < N) {
            final int i = event.instrumentId;
            bestBid[i] = event.bestBid();
            bestAsk[i] = event.bestAsk();
            lastBookNanos[i] = event.eventTimeNanos;
            bookSeen[i] = true;
        }
        long touched = event.touchedInstruments;
        while (touched != 0) {
            final int i = Long.numberOfTrailingZeros(touched);
            touched &= touched - 1;
            if (i < N) {
                final double fv = side.fairValue(event, i);
                if (fv > 0 && !Double.isInfinite(fv)) {
                    fairValue[i] = fv;
                    final double sd = side.fairStd(event, i);
                    fairStd[i] = sd >= 0 && !Double.isInfinite(sd) ? sd : Double.NaN;
                }
            }
        }
    }

    /** Best bid in ticks, 0 when unknown or the book had no bid. */
    public long bestBid(final int instrument) {
        return bestBid[instrument];
    }

    /** Best ask in ticks, 0 when unknown or the book had no ask. */
    public long bestAsk(final int instrument) {
        return bestAsk[instrument];
    }

    /** Mid in ticks, NaN unless both sides are known. */
    public double mid(final int instrument) {
        return bestBid[instrument] > 0 && bestAsk[instrument] > 0
            ? (bestBid[instrument] + bestAsk[instrument]) * 0.5 : Double.NaN;
    }

    /**
     * The price positions are marked at: the median of best bid, best ask and fair value, so a fair
     * value inside the spread is the mark and one outside it gives the nearer touch (what the
     * position could be closed at); a book that widens or swings away leaves the mark at the touch
     * nearest the expected settlement instead of at a mid far from both. Without fair value the mid,
     * without a two-sided book the fair value; NaN when neither is known. Cost: a few compares.
     */
    public double markPrice(final int instrument) {
        final long bid = bestBid[instrument];
        final long ask = bestAsk[instrument];
        final double fair = fairValue[instrument];
        if (bid > 0 && ask > 0) {
            if (Double.isNaN(fair)) {
                return 0.5 * (bid + ask);
            }
            return fair < bid ? bid : fair > ask ? ask : fair;
        }
        return fair;
    }

    /** Last fair value, NaN when none was ever given. */
    public double fairValue(final int instrument) {
        return fairValue[instrument];
    }

    /** Standard deviation of the last fair value, NaN when none was given. */
    public double fairStd(final int instrument) {
        return fairStd[instrument];
    }

    public boolean bookSeen(final int instrument) {
        return bookSeen[instrument];
    }

    public long lastBookNanos(final int instrument) {
        return lastBookNanos[instrument];
    }

    /**
     * First instrument whose last book is older than {@code maxAgeNanos} at {@code nowNanos}, or -1.
     * Markets never seen are not judged.
     */
    public int firstStale(final long nowNanos, final long maxAgeNanos) {
        for (int i = 0; i < N; i++) {
            if (bookSeen[i] && nowNanos - lastBookNanos[i] > maxAgeNanos) {
                return i;
            }
        }
        return -1;
    }

    /** Hash of every field. */
    public long stateHash() {
        long h = 23;
        for (int i = 0; i < N; i++) {
            h = PositionTracker.mix(h, bestBid[i]);
            h = PositionTracker.mix(h, bestAsk[i]);
            h = PositionTracker.mix(h, bookSeen[i] ? lastBookNanos[i] : -1);
            h = PositionTracker.mix(h, Double.doubleToLongBits(fairValue[i]));
            h = PositionTracker.mix(h, Double.doubleToLongBits(fairStd[i]));
        }
        return h;
    }
}
