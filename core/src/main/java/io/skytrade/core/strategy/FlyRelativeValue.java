package io.skytrade.core.strategy;

import io.skytrade.core.settlement.OptionPayoff;
import io.skytrade.core.valuation.PiecewiseLinearPayoff;

/**
 * LON_FLY priced off the ETF's market: the fly's payoff (the settlement rules' option structure,
 * the same one the valuation uses) expected under a normal distribution centred on everyone
 * else's ETF mid, with the ETF's fair-value standard deviation as its spread. The market maker
 * quotes and takes the fly around {@code weight} of that implied value plus {@code 1 - weight} of
 * the fly's own fair value, so when the fly's book lags the ETF's the strategy trades the gap (the
 * novice-track winner of the venue these products copy made 11% of its PnL this way). Risk's
 * fair-value band stays around the valuation's fair value.
 *
 * <p>Owned by the strategy stage, one thread. Hot-path cost of {@link #value}: one closed-form
 * payoff expectation (an exponential per strike) when the ETF's touch or standard deviation moved
 * since the last call, else two flops (the expectation is kept with the inputs it came from); no
 * allocation.
 */
public final class FlyRelativeValue {
    private final int fly;
    private final int etf;
    private final double weight;
    private final PiecewiseLinearPayoff payoff;
    private final double otherWeight;
    /** The last expectation's inputs and {@code weight x} its mean (valid once {@link #evaluated}). */
    private boolean evaluated;
    private long lastBid;
    private long lastAsk;
    private long lastStdBits;
    private double weightedMean;

    /**
     * @param fly       instrument id of the fly, -1 when it is not traded (then this is off)
     * @param etf       instrument id of the ETF, -1 when it is not traded (then this is off)
     * @param structure the fly's option structure on the ETF's settlement
     * @param weight    weight of the ETF-implied value in the fly's value, 0..1 (0: off)
     */
    public FlyRelativeValue(final int fly, final int etf, final OptionPayoff structure, final double weight) {
        if (!(weight >= 0.0 && weight <= 1.0)) {
            throw new IllegalArgumentException("arbitrage.flyEtfWeight: " + weight + " must be in [0, 1]");
        }
        final boolean on = fly >= 0 && etf >= 0 && weight > 0 && structure != null;
        this.fly = on ? fly : -1;
        this.etf = on ? etf : -1;
        this.weight = on ? weight : 0.0;
        this.payoff = on ? PiecewiseLinearPayoff.of(structure.breakpoints(), structure::value) : null;
        this.otherWeight = 1.0 - this.weight;
    }

    /** Off: the fly is quoted around its own fair value. */
    public static FlyRelativeValue off() {
        return new FlyRelativeValue(-1, -1, null, 0.0);
    }

    /** True when the fly is priced off the ETF. */
    public boolean enabled() {
        return fly >= 0;
    }

    /** Instrument id of the fly, -1 when off. */
    public int fly() {
        return fly;
    }

    /** Instrument id of the ETF, -1 when off. */
    public int etf() {
        return etf;
    }

    /**
     * The fly's value to quote around, or {@code flyFair} unchanged when the ETF has no two-sided
     * touch or no finite standard deviation.
     *
     * @param flyFair the fly's own fair value
     * @param etfBid  everyone else's best ETF bid (ours netted out), 0 when none
     * @param etfAsk  everyone else's best ETF ask, 0 when none
     * @param etfStd  standard deviation of the ETF's fair value
     */
    public double value(final double flyFair, final long etfBid, final long etfAsk, final double etfStd) {
        if (fly < 0 || etfBid <= 0 || etfAsk <= etfBid || !Double.isFinite(etfStd) || etfStd < 0) {
            return flyFair;
        }
        final long stdBits = Double.doubleToRawLongBits(etfStd);
        if (!evaluated || etfBid != lastBid || etfAsk != lastAsk || stdBits != lastStdBits) {
            payoff.evaluate(0.5 * (etfBid + etfAsk), etfStd);
            weightedMean = weight * payoff.mean();
            lastBid = etfBid;
            lastAsk = etfAsk;
            lastStdBits = stdBits;
            evaluated = true;
        }
        return weightedMean + otherWeight * flyFair;
    }
}
