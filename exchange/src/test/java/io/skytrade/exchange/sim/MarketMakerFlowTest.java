package io.skytrade.exchange.sim;

import io.skytrade.exchange.matching.MatchingEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The market maker learns from the flow that trades against it, as a real one does: after a
 * client lifts its ask, its next quotes stand higher than those of the same venue without that
 * client (the same seed, world and ticks), and the difference fades as the maker's forecast
 * catches up. With {@code flowImpact} 0 (the earlier maker) the same buying left the quotes where
 * they were: whoever knew better than the maker's forecast could take the same stale price every
 * requote until its position limit.
 */
@Timeout(60)
class MarketMakerFlowTest {
    private static final long START = Instant.parse("2026-02-27T12:00:00Z").getEpochSecond() * 1_000_000_000L;
    private static final long MINUTE = 60_000_000_000L;
    private static final String PRODUCT = "WX_SPOT";

    @Test
    void shouldMoveTheQuotesTowardsTheBuyerAfterItsAskIsLifted() {
        assertTrue(liftAndMeasure(0.2)[0] > 0, "the maker's bid moved up after its asks were lifted");
        final long[] shift = liftAndMeasure(0.2);
        assertTrue(shift[1] < shift[0], "the move fades: " + shift[0] + " ticks at once, " + shift[1] + " two hours later");
        assertEquals(0, liftAndMeasure(0)[0], "flowImpact 0: the quotes ignore the flow");
    }

    /** Bid of a venue whose asks a client lifted, less the bid of the same venue without the client: at once and 2 h later. */
    private static long[] liftAndMeasure(final double flowImpact) {
        final long[] now = {START};
        final VenueConfig config = VenueConfig.builder().seed(5).worldStartNanos(START).positionLimit(10_000)
            .flowImpact(flowImpact).build();
        final InProcessVenue lifted = new InProcessVenue(config, () -> now[0]);
        final InProcessVenue quiet = new InProcessVenue(config, () -> now[0]);
        final InProcessVenue.Connection client = lifted.connect(frame -> { });
        client.send("{\"type\":\"login\",\"apiKey\":\"flow-test-key\",\"lastExecSeq\":0}");
        for (int tick = 0; tick < 60; tick++) {
            now[0] += MINUTE;
            lifted.onTimer();
            quiet.onTimer();
        }
        final Venue venue = lifted.venue();
        assertEquals(venue.bestBid(PRODUCT), quiet.venue().bestBid(PRODUCT), "the same quotes before any client trade");
        for (int order = 1; order <= 6; order++) {
            final long ask = venue.bestAsk(PRODUCT);
            assertTrue(ask != MatchingEngine.NO_PRICE, "the maker quotes an ask");
            client.send("{\"type\":\"new_order\",\"clOrdId\":" + order + ",\"product\":\"" + PRODUCT
                + "\",\"side\":\"BUY\",\"price\":" + ask + ",\"qty\":20,\"tif\":\"IOC\"}");
            now[0] += 15_000_000_000L;
            lifted.onTimer();
            quiet.onTimer();
        }
        final long atOnce = venue.bestBid(PRODUCT) - quiet.venue().bestBid(PRODUCT);
        for (int tick = 0; tick < 120; tick++) {
            now[0] += MINUTE;
            lifted.onTimer();
            quiet.onTimer();
        }
        return new long[] {atOnce, venue.bestBid(PRODUCT) - quiet.venue().bestBid(PRODUCT)};
    }
}
