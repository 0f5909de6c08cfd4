package io.skytrade.exchange.sim;

import io.skytrade.exchange.matching.MatchingEngine;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A price shock shifts one product's background quotes by exactly the given ticks from the next
 * quote update on, leaves every other product and every random draw alone, adds up, and repeats.
 */
@Tag("integration")
@Timeout(30)
class PriceShockTest {
    private static final long START = Instant.parse("2026-02-27T12:00:00Z").getEpochSecond() * 1_000_000_000L;
    private static final long MINUTE = 60_000_000_000L;
    private static final int TICKS = 200;
    private static final int SHOCK_AT = 40;
    private static final int UNDO_AT = 80;
    private static final long SHIFT = 300;

    @Test
    void shouldShiftOnlyTheShockedProductByExactlyTheShockAndUndoIt() {
        final long[] now = {START};
        final Venue plain = venue(now);
        final Venue shocked = venue(now);
        int shiftedTicks = 0;
        for (int tick = 0; tick < TICKS; tick++) {
            if (tick == SHOCK_AT) {
                shocked.shock("TIDE_SPOT", SHIFT);
            }
            if (tick == UNDO_AT) {
                shocked.shock("TIDE_SPOT", -SHIFT);
            }
            now[0] += MINUTE;
            plain.onTimer();
            shocked.onTimer();
            final boolean inShock = tick >= SHOCK_AT && tick < UNDO_AT;
            for (final String product : VenueConfig.DEFAULT_PRODUCTS) {
                final long expected = inShock && product.equals("TIDE_SPOT") ? SHIFT : 0;
                assertShifted(plain.bestBid(product), shocked.bestBid(product), expected, product + " bid, tick " + tick);
                assertShifted(plain.bestAsk(product), shocked.bestAsk(product), expected, product + " ask, tick " + tick);
            }
            if (inShock && plain.bestBid("TIDE_SPOT") != MatchingEngine.NO_PRICE) {
                shiftedTicks++;
            }
        }
        assertTrue(shiftedTicks > (UNDO_AT - SHOCK_AT) / 2, "ticks with a shifted bid: " + shiftedTicks);
        assertEquals(0, shocked.shockTicks("TIDE_SPOT"));
    }

    @Test
    void shouldRepeatAShockedRunForTheSameSeedAndTicks() {
        assertEquals(shockedRun(), shockedRun());
    }

    @Test
    void shouldRefuseUnknownProductsAndAnUnstartedSimulator() {
        final long[] now = {START};
        final Venue venue = venue(now);
        assertThrows(IllegalArgumentException.class, () -> venue.shock("NOPE", 1));
        final ExchangeSimulator simulator = new ExchangeSimulator(VenueConfig.builder().build());
        assertThrows(IllegalStateException.class, () -> simulator.shockPrices("TIDE_SPOT", 1));
    }

    @Test
    void shouldAddUpShocksOnARunningSimulator() {
        try (ExchangeSimulator simulator = new ExchangeSimulator(VenueConfig.builder().worldStartNanos(START).build())) {
            simulator.start(0);
            simulator.shockPrices("WX_SPOT", -40);
            simulator.shockAllPrices(15);
            assertEquals(-25, simulator.shockTicks("WX_SPOT"));
            assertEquals(15, simulator.shockTicks("LON_FLY"));
            assertThrows(IllegalArgumentException.class, () -> simulator.shockPrices("NOPE", 1));
        }
    }

    private static long shockedRun() {
        final long[] now = {START};
        final Venue venue = venue(now);
        for (int tick = 0; tick < TICKS; tick++) {
            if (tick == SHOCK_AT) {
                venue.shock("LON_ETF", -SHIFT);
            }
            now[0] += MINUTE;
            venue.onTimer();
        }
        return venue.stateHash();
    }

    private static Venue venue(final long[] now) {
        return new Venue(VenueConfig.builder().seed(3).worldStartNanos(START).build(), () -> now[0]);
    }

    private static void assertShifted(final long plain, final long shocked, final long shift, final String what) {
        if (plain == MatchingEngine.NO_PRICE || shocked == MatchingEngine.NO_PRICE) {
            assertEquals(plain, shocked, what);
        } else {
            assertEquals(plain + shift, shocked, what);
        }
    }
}
