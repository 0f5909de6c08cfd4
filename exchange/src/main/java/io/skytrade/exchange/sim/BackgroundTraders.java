package io.skytrade.exchange.sim;

import io.skytrade.core.event.Side;
import io.skytrade.core.event.TimeInForce;
import io.skytrade.exchange.matching.MatchingEngine;

import java.util.SplittableRandom;

/**
 * The simulated venue's background liquidity: per product one market maker (participant id =
 * product id) that requotes three levels a side around its {@link LaggedEstimate} of the
 * settlement, and one taker (participant id = product count) that now and then crosses the
 * spread with an IOC order when its own, differently lagged estimate says the book is mispriced.
 * Seeded, so a run repeats given the same tick times. A price shock ({@code shiftTicks}, owned by
 * the {@link Venue}) moves both estimates of a product by a whole number of ticks without touching
 * the random draws, so a shocked run is the unshocked run with that product's quotes shifted.
 *
 * <p>Not thread-safe: called under the {@link Venue}'s lock. Cost per tick: a few engine calls per product.
 */
final class BackgroundTraders {
    private static final long MINUTE = 60_000_000_000L;
    /** Typical error of an early estimate per world product, in price units. */
    private static final double[] SIGMA = {500, 90, 450, 140, 70, 60, 300, 700, 600};

    private final MatchingEngine engine;
    private final LaggedEstimate[] makerViews;
    private final LaggedEstimate[] takerViews;
    private final SplittableRandom random;
    private final int takerId;
    private final long[] nextClientOrderId;
    private final long[] shiftTicks;

    /**
     * Traders for one session. {@code nextClientOrderId} (one counter per background participant,
     * product count + 1) is shared by the traders of successive sessions: the engine uses a client
     * order id up once, so a new session's traders must continue where the last ones stopped.
     */
    BackgroundTraders(final MatchingEngine engine, final double[] truths, final int[] worldCodes, final long sessionStart,
                      final long sessionEnd, final long seed, final long[] nextClientOrderId, final long[] shiftTicks) {
        this.engine = engine;
        this.shiftTicks = shiftTicks;
        final int n = truths.length;
        this.makerViews = new LaggedEstimate[n];
        this.takerViews = new LaggedEstimate[n];
        for (int i = 0; i < n; i++) {
            final double sigma = SIGMA[worldCodes[i]];
            makerViews[i] = new LaggedEstimate(truths[i], sigma, 30 * MINUTE, sessionStart, sessionEnd, seed * 31 + i);
            takerViews[i] = new LaggedEstimate(truths[i], sigma, 10 * MINUTE, sessionStart, sessionEnd, seed * 37 + i + 1000);
        }
        this.random = new SplittableRandom(seed ^ 0x5DEECE66DL);
        this.takerId = n;
        this.nextClientOrderId = nextClientOrderId;
    }

    /** Requotes every product and lets the taker act, at world time {@code now}. */
    void onTick(final long now) {
        for (int i = 0; i < makerViews.length; i++) {
            requote(i, now);
            if (random.nextInt(4) == 0) {
                take(i, now);
            }
        }
    }

    private void requote(final int instrument, final long now) {
        engine.cancelAll(now, instrument);
        final double estimate = makerViews[instrument].at(now);
        final long half = Math.max(1, Math.round(0.0015 * estimate + 0.02 * makerViews[instrument].sigma()));
        final long step = Math.max(1, half / 2);
        final long mid = Math.round(estimate) + shiftTicks[instrument];
        for (int level = 0; level < 3; level++) {
            final long bid = Math.max(0, mid - half - level * step);
            final long ask = Math.max(bid + 1, mid + half + level * step);
            engine.submit(now, instrument, ++nextClientOrderId[instrument], instrument, Side.BUY, bid, 1 + random.nextInt(10), TimeInForce.GTC);
            engine.submit(now, instrument, ++nextClientOrderId[instrument], instrument, Side.SELL, ask, 1 + random.nextInt(10), TimeInForce.GTC);
        }
    }

    private void take(final int instrument, final long now) {
        final double view = takerViews[instrument].at(now) + shiftTicks[instrument];
        final long bid = engine.bestBid(instrument);
        final long ask = engine.bestAsk(instrument);
        final long qty = 1 + random.nextInt(5);
        if (ask != MatchingEngine.NO_PRICE && view > ask) {
            engine.submit(now, takerId, ++nextClientOrderId[takerId], instrument, Side.BUY, ask, qty, TimeInForce.IOC);
        } else if (bid != MatchingEngine.NO_PRICE && view < bid) {
            engine.submit(now, takerId, ++nextClientOrderId[takerId], instrument, Side.SELL, bid, qty, TimeInForce.IOC);
        } else if (random.nextInt(3) == 0 && bid != MatchingEngine.NO_PRICE && ask != MatchingEngine.NO_PRICE) {
            final boolean buy = random.nextBoolean();
            engine.submit(now, takerId, ++nextClientOrderId[takerId], instrument, buy ? Side.BUY : Side.SELL,
                buy ? ask : bid, qty, TimeInForce.IOC);
        }
    }
}
