package io.skytrade.exchange.sim;

import io.skytrade.core.settlement.SettlementRules;
import io.skytrade.core.valuation.PiecewiseLinearPayoff;
import io.skytrade.core.world.WorldProduct;
import io.skytrade.exchange.matching.MatchingEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The ETF trades where its legs do and the fly where the ETF does, as arbitrageurs keep them on a
 * real venue. Before, each product's participants had their own independent noise, so the ETF's
 * quotes strayed from the sum of its legs' by a large part of a forecast std for minutes at a
 * time: a free arbitrage for anyone who watched the four books.
 */
@Timeout(60)
class BasketPricingTest {
    private static final long START = Instant.parse("2026-02-27T12:00:00Z").getEpochSecond() * 1_000_000_000L;
    private static final long MINUTE = 60_000_000_000L;

    @Test
    void shouldQuoteTheEtfAroundTheSumOfItsLegs() {
        final double linked = meanEtfGap(true);
        final double unlinked = meanEtfGap(false);
        assertTrue(linked <= 3.0, "ETF quote centre within rounding (and the taker's last take) of its legs' sum: "
            + linked + " ticks on average");
        assertTrue(unlinked > 10 * linked, "without basket pricing the ETF strays: " + unlinked + " ticks on average");
    }

    @Test
    void shouldMoveTheFlyByItsDeltaTimesTheEtfsDeparture() {
        final SettlementRules rules = SettlementRules.defaults();
        final int[] codes = new int[WorldProduct.COUNT];
        for (int k = 0; k < codes.length; k++) {
            codes[k] = k;
        }
        final BasketPricing basket = BasketPricing.of(rules, codes, true);
        final double[] mean = new double[WorldProduct.COUNT];
        final double[] std = new double[WorldProduct.COUNT];
        mean[WorldProduct.TIDE_SPOT] = 2_500;
        mean[WorldProduct.WX_SPOT] = 1_200;
        mean[WorldProduct.LHR_COUNT] = 2_700;
        mean[WorldProduct.LON_ETF] = 6_400;
        mean[WorldProduct.LON_FLY] = 150;
        std[WorldProduct.LON_ETF] = 300;
        final double[] view = mean.clone();
        view[WorldProduct.TIDE_SPOT] += 40;
        view[WorldProduct.WX_SPOT] -= 10;
        view[WorldProduct.LHR_COUNT] += 25;
        final double[] own = new double[WorldProduct.COUNT];
        own[WorldProduct.LON_FLY] = 3;
        basket.align(view, mean, std, own);
        assertEquals(6_455, view[WorldProduct.LON_ETF], 1e-9, "the legs' views summed");
        final PiecewiseLinearPayoff fly = PiecewiseLinearPayoff.of(rules.flyPayoff().breakpoints(), rules.flyPayoff()::value);
        fly.evaluate(6_400 + 0.5, 300);
        final double up = fly.mean();
        fly.evaluate(6_400 - 0.5, 300);
        final double delta = up - fly.mean();
        assertEquals(150 + 55 * delta + 3, view[WorldProduct.LON_FLY], 1e-3 * Math.abs(55 * delta) + 1e-6,
            "the fly moved by its delta " + delta + " times the ETF's 55 plus its own flow");
    }

    /**
     * The mean |ETF quote centre - sum of the legs' centres| over four hours of the medium market
     * (the makers' own flow reaction off), ticks.
     */
    private static double meanEtfGap(final boolean basketPricing) {
        final long[] now = {START};
        final Venue venue = new Venue(VenueConfig.builder().seed(9).worldStartNanos(START).basketPricing(basketPricing)
            .flowImpact(0).build(),
            () -> now[0]);
        double gaps = 0;
        int compared = 0;
        for (int tick = 0; tick < 240; tick++) {
            now[0] += MINUTE;
            venue.onTimer();
            double legs = 0;
            boolean quoted = true;
            for (final String leg : new String[] {"TIDE_SPOT", "WX_SPOT", "LHR_COUNT", "LON_ETF"}) {
                quoted &= venue.bestBid(leg) != MatchingEngine.NO_PRICE && venue.bestAsk(leg) != MatchingEngine.NO_PRICE;
            }
            if (!quoted) {
                continue;
            }
            for (final String leg : new String[] {"TIDE_SPOT", "WX_SPOT", "LHR_COUNT"}) {
                legs += centre(venue, leg);
            }
            gaps += Math.abs(centre(venue, "LON_ETF") - legs);
            compared++;
        }
        assertTrue(compared > 200, "ticks with all four books quoted: " + compared);
        return gaps / compared;
    }

    private static double centre(final Venue venue, final String product) {
        return (venue.bestBid(product) + venue.bestAsk(product)) / 2.0;
    }
}
