package io.skytrade.exchange.sim;

import io.skytrade.core.event.Side;
import io.skytrade.exchange.matching.MatchingEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The background book carries information only when {@code sizeSkew} says so: over a simulated
 * day of the medium market (ticks every 15 s), the touch imbalance (bid - ask quantity) / (bid + ask)
 * is correlated with the change of the mid over the next 15 minutes (in half-spreads) with
 * sizeSkew 0.5, and not with uniform sizes. Measured on seed 5 (a development seed): 0.078 against
 * 0.005.
 */
@Timeout(60)
class MicrostructureInformationTest {
    private static final long START = Instant.parse("2026-02-27T12:00:00Z").getEpochSecond() * 1_000_000_000L;
    private static final int TICKS = 4 * 60 * 24;
    private static final int AHEAD = 60;

    @Test
    void shouldMakeTheTouchImbalancePredictTheMidOnlyWithInformedSizes() {
        final double informed = informationCoefficient(0.5);
        final double uniform = informationCoefficient(0);
        assertTrue(informed > 0.04, "informed sizes: correlation of imbalance and the next 15 min's mid change " + informed);
        assertTrue(Math.abs(uniform) < 0.02, "uniform sizes carry no information: " + uniform);
    }

    private static double informationCoefficient(final double sizeSkew) {
        final long[] now = {START};
        final Venue venue = new Venue(VenueConfig.builder().seed(5).worldStartNanos(START).sizeSkew(sizeSkew).build(), () -> now[0]);
        final int products = VenueConfig.DEFAULT_PRODUCTS.size();
        final double[][] imbalance = new double[TICKS][products];
        final double[][] mid = new double[TICKS][products];
        for (int t = 0; t < TICKS; t++) {
            now[0] += 15_000_000_000L;
            venue.onTimer();
            for (int p = 0; p < products; p++) {
                final String product = VenueConfig.DEFAULT_PRODUCTS.get(p);
                final long bid = venue.bestBid(product);
                final long ask = venue.bestAsk(product);
                if (bid == MatchingEngine.NO_PRICE || ask == MatchingEngine.NO_PRICE) {
                    mid[t][p] = Double.NaN;
                    continue;
                }
                final double bidQty = venue.quantityAt(product, Side.BUY, bid);
                final double askQty = venue.quantityAt(product, Side.SELL, ask);
                imbalance[t][p] = (bidQty - askQty) / (bidQty + askQty);
                mid[t][p] = 0.5 * (bid + ask) / Math.max(1, 0.5 * (ask - bid));
            }
        }
        double xy = 0;
        double xx = 0;
        double yy = 0;
        for (int t = 0; t + AHEAD < TICKS; t++) {
            for (int p = 0; p < products; p++) {
                final double change = mid[t + AHEAD][p] - mid[t][p];
                if (Double.isNaN(change) || Math.abs(change) > 50) {
                    continue;
                }
                xy += imbalance[t][p] * change;
                xx += imbalance[t][p] * imbalance[t][p];
                yy += change * change;
            }
        }
        return xy / Math.sqrt(xx * yy);
    }
}
