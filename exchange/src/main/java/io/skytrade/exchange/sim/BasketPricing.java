package io.skytrade.exchange.sim;

import io.skytrade.core.settlement.OptionPayoff;
import io.skytrade.core.settlement.SettlementRules;
import io.skytrade.core.valuation.PiecewiseLinearPayoff;
import io.skytrade.core.world.WorldProduct;

/**
 * Keeps a background participant's views of the ETF and the fly consistent with its views of
 * their underlyings, as arbitrageurs keep them on a real venue: the ETF's view is the sum of its
 * legs' views (its settlement is their sum), plus the participant's own reaction to flow in the
 * ETF itself; the fly's view is its forecast moved by its delta (the mean slope of its option
 * payoff under the ETF's forecast, a normal of the forecast's mean and std) times the ETF view's
 * departure from the ETF's forecast, plus its own flow reaction. Without it each product had its
 * own independent noise, and the ETF traded away from the sum of its legs for minutes at a time.
 * Links that the venue's product list cannot make (a leg, the ETF or the fly missing) are left out.
 *
 * <p>Not thread-safe (the venue's lock). Cost per call: a sum over the legs and one payoff
 * evaluation (a few exponentials); no allocation.
 */
final class BasketPricing {
    private final int etf;
    private final int[] legs;
    private final int fly;
    private final PiecewiseLinearPayoff flyPayoff;

    private BasketPricing(final int etf, final int[] legs, final int fly, final PiecewiseLinearPayoff flyPayoff) {
        this.etf = etf;
        this.legs = legs;
        this.fly = fly;
        this.flyPayoff = flyPayoff;
    }

    /** The links of a venue whose product i settles as world product kind {@code worldCodes[i]}; none when {@code enabled} is false. */
    static BasketPricing of(final SettlementRules rules, final int[] worldCodes, final boolean enabled) {
        final int etf = enabled ? indexOf(worldCodes, WorldProduct.LON_ETF) : -1;
        final int[] legKinds = rules.etfLegKinds();
        final int[] legs = new int[legKinds.length];
        boolean allLegs = etf >= 0;
        for (int l = 0; l < legs.length; l++) {
            legs[l] = indexOf(worldCodes, legKinds[l]);
            allLegs &= legs[l] >= 0;
        }
        final int fly = allLegs ? indexOf(worldCodes, WorldProduct.LON_FLY) : -1;
        final OptionPayoff payoff = rules.flyPayoff();
        return new BasketPricing(allLegs ? etf : -1, legs, fly,
            fly >= 0 ? PiecewiseLinearPayoff.of(payoff.breakpoints(), payoff::value) : null);
    }

    /**
     * Rewrites {@code view} for the ETF and the fly from the legs' entries of {@code view}:
     * {@code mean} and {@code std} are the forecast the views stray from, {@code own} each product's
     * own flow reaction (already inside every leg's view). A product without a forecast (NaN) keeps its view.
     */
    void align(final double[] view, final double[] mean, final double[] std, final double[] own) {
        if (etf < 0 || Double.isNaN(mean[etf])) {
            return;
        }
        double sum = 0;
        for (final int leg : legs) {
            if (Double.isNaN(view[leg])) {
                return;
            }
            sum += view[leg];
        }
        view[etf] = sum + own[etf];
        if (fly >= 0 && !Double.isNaN(mean[fly]) && std[etf] > 0) {
            flyPayoff.evaluate(mean[etf], std[etf]);
            view[fly] = mean[fly] + flyPayoff.slopeMean() * (view[etf] - mean[etf]) + own[fly];
        }
    }

    private static int indexOf(final int[] codes, final int kind) {
        for (int i = 0; i < codes.length; i++) {
            if (codes[i] == kind) {
                return i;
            }
        }
        return -1;
    }
}
