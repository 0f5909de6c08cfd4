package io.skytrade.exchange.sim;

import io.skytrade.core.event.Side;
import io.skytrade.core.event.TimeInForce;
import io.skytrade.exchange.matching.MatchingEngine;

import java.util.SplittableRandom;

/**
 * The simulated venue's background liquidity for one session: per product one market maker
 * (participant id = product id) that requotes three levels a side around its view of the
 * settlement, and one taker (participant id = product count) that now and then crosses the spread
 * with an IOC order when its own view says the book is mispriced, or at random. Both views are the
 * {@link PublicForecast} of the market's {@link MarketSkill} as it stood
 * {@link MarketSkill#makerLagNanos() a lag} ago (the taker's lag is the shorter), plus the
 * participant's own {@link TraderNoise} of {@code traderNoise} forecast standard deviations; the
 * maker's half-spread is {@value #SPREAD_PER_STD} of its forecast's standard deviation plus
 * {@value #SPREAD_PER_PRICE} of the price (at least one tick). Nothing here reads the settlement.
 *
 * <p>Informed size: with {@code sizeSkew} s above 0 the maker's touch sizes lean towards the
 * side where the fresher public forecast (the taker's, without the taker's own noise) lies from the
 * maker's own quote centre, x = tanh((fresher forecast - maker's view) / max(half-spread,
 * traderNoise x std)): bid size x (1 + s x), ask size x (1 - s x) (at least one lot). The maker's
 * view strays from the forecast by its own noise and by its longer lag, and comes back as the
 * noise reverts and the forecast reaches it, so the touch imbalance predicts the next moves of the
 * mid (measured in {@code MicrostructureInformationTest}); deeper levels and the taker's sizes are
 * uniform.
 *
 * <p>Flow: every lot that trades against the maker's resting quotes (from the taker or a client:
 * it cannot tell them apart) moves its quote centre {@code flowImpact} of its half-spread towards
 * the aggressor (lifted asks: up), fading with the skill's {@link MarketSkill#flowMemoryNanos()} as
 * its forecast catches up with what the flow knew. A real maker does not refill a lifted quote at
 * the same price: without this, whoever knew better than the maker's forecast could take the same
 * stale price every 15 seconds until its position limit. Baskets: {@link BasketPricing} keeps every
 * participant's ETF view the sum of its legs' views and its fly view consistent with its ETF view.
 *
 * <p>Seeded, so a run repeats given the same tick times. A price shock ({@code shiftTicks}, owned
 * by the {@link Venue}) moves both views of a product by a whole number of ticks without touching
 * the random draws. Not thread-safe: called under the {@link Venue}'s lock. Cost per tick: two
 * forecast look-ups and a few engine calls per product.
 */
final class BackgroundTraders {
    static final double SPREAD_PER_STD = 0.1;
    static final double SPREAD_PER_PRICE = 0.001;

    private final MatchingEngine engine;
    private final PublicForecast forecast;
    private final MarketSkill skill;
    private final long windowEnd;
    private final double traderNoise;
    private final double sizeSkew;
    private final TraderNoise makerNoise;
    private final TraderNoise takerNoise;
    private final SplittableRandom random;
    private final int takerId;
    private final long[] nextClientOrderId;
    private final long[] shiftTicks;
    private final double[] makerMean;
    private final double[] makerStd;
    private final double[] takerMean;
    private final double[] takerStd;
    private final double[] makerView;
    private final double[] takerView;
    private final double[] flowShift;
    private final double flowImpact;
    private final BasketPricing basket;
    private final double[] flow;
    private final long[] flowAt;

    /**
     * Traders for the session ending at {@code windowEnd}. {@code nextClientOrderId} (one counter
     * per background participant, product count + 1) is shared by the traders of successive
     * sessions: the engine uses a client order id up once, so a new session's traders must
     * continue where the last ones stopped.
     */
    BackgroundTraders(final MatchingEngine engine, final PublicForecast forecast, final MarketSkill skill, final int products,
                      final long windowEnd, final long seed, final double traderNoise, final double sizeSkew,
                      final double flowImpact, final BasketPricing basket, final long[] nextClientOrderId,
                      final long[] shiftTicks) {
        this.engine = engine;
        this.forecast = forecast;
        this.skill = skill;
        this.windowEnd = windowEnd;
        this.traderNoise = traderNoise;
        this.sizeSkew = sizeSkew;
        this.makerNoise = new TraderNoise(seed * 31 + 1);
        this.takerNoise = new TraderNoise(seed * 37 + 1000);
        this.random = new SplittableRandom(seed ^ 0x5DEECE66DL);
        this.takerId = products;
        this.nextClientOrderId = nextClientOrderId;
        this.shiftTicks = shiftTicks;
        this.makerMean = new double[products];
        this.makerStd = new double[products];
        this.takerMean = new double[products];
        this.takerStd = new double[products];
        this.makerView = new double[products];
        this.takerView = new double[products];
        this.flowShift = new double[products];
        this.flowImpact = flowImpact;
        this.basket = basket;
        this.flow = new double[products];
        this.flowAt = new long[products];
    }

    /**
     * The market maker of {@code instrument} was traded against passively: {@code makerSide} is
     * the maker's side ({@link Side}), so its ask lifted is buying pressure. The flow moves its
     * quote centre towards the aggressor from its next requote.
     */
    void onMakerFill(final int instrument, final int makerSide, final long quantity, final long now) {
        flow[instrument] = flowAt(instrument, now) + (makerSide == Side.SELL ? quantity : -quantity);
        flowAt[instrument] = now;
    }

    /** Net lots lifted from the maker of {@code instrument} minus lots hit, faded to {@code now}. */
    private double flowAt(final int instrument, final long now) {
        return flow[instrument] * StrictMath.exp(-(double)(now - flowAt[instrument]) / skill.flowMemoryNanos());
    }

    /** Requotes every product and lets the taker act, at world time {@code now}. */
    void onTick(final long now) {
        forecast.forecast(windowEnd, now - skill.makerLagNanos(), makerMean, makerStd);
        forecast.forecast(windowEnd, now - skill.takerLagNanos(), takerMean, takerStd);
        for (int i = 0; i < makerMean.length; i++) {
            flowShift[i] = Double.isNaN(makerMean[i]) ? 0 : flowImpact * halfSpread(i) * flowAt(i, now);
            makerView[i] = makerMean[i] + traderNoise * makerStd[i] * makerNoise.at(i, now) + flowShift[i];
            takerView[i] = takerMean[i] + traderNoise * takerStd[i] * takerNoise.at(i, now);
        }
        basket.align(makerView, makerMean, makerStd, flowShift);
        java.util.Arrays.fill(flowShift, 0);
        basket.align(takerView, takerMean, takerStd, flowShift);
        for (int i = 0; i < makerMean.length; i++) {
            requote(i, now);
            if (random.nextInt(4) == 0) {
                take(i, now);
            }
        }
    }

    /** Half-spread the maker quotes product {@code i} with, ticks. */
    private long halfSpread(final int i) {
        return Math.max(1, Math.round(SPREAD_PER_STD * makerStd[i] + SPREAD_PER_PRICE * Math.abs(makerMean[i])));
    }

    private void requote(final int instrument, final long now) {
        engine.cancelAll(now, instrument);
        if (Double.isNaN(makerMean[instrument])) {
            return;
        }
        final double view = makerView[instrument];
        final long half = halfSpread(instrument);
        final long step = Math.max(1, half / 2);
        final long mid = Math.round(view) + shiftTicks[instrument];
        final double informed = Double.isNaN(takerMean[instrument]) ? 0
            : StrictMath.tanh((takerMean[instrument] - view) / Math.max(half, traderNoise * makerStd[instrument]));
        for (int level = 0; level < 3; level++) {
            final long bid = Math.max(0, mid - half - level * step);
            final long ask = Math.max(bid + 1, mid + half + level * step);
            long bidQty = 1 + random.nextInt(10);
            long askQty = 1 + random.nextInt(10);
            if (level == 0) {
                bidQty = Math.max(1, Math.round(bidQty * (1 + sizeSkew * informed)));
                askQty = Math.max(1, Math.round(askQty * (1 - sizeSkew * informed)));
            }
            engine.submit(now, instrument, ++nextClientOrderId[instrument], instrument, Side.BUY, bid, bidQty, TimeInForce.GTC);
            engine.submit(now, instrument, ++nextClientOrderId[instrument], instrument, Side.SELL, ask, askQty, TimeInForce.GTC);
        }
    }

    private void take(final int instrument, final long now) {
        if (Double.isNaN(takerMean[instrument])) {
            return;
        }
        final double view = takerView[instrument] + shiftTicks[instrument];
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
