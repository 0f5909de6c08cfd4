package io.skytrade.exchange.sim;

import io.skytrade.core.world.SyntheticWorld;
import io.skytrade.exchange.matching.MatchingEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The simulated market knows only what is public: two worlds that are identical up to an instant
 * and differ after it (every random element released later redrawn: surges, fronts, spikes,
 * disruptions, flight counts) get identical books, trades and positions at every tick up to that
 * instant, at every skill, although they settle differently. A market that quoted around the
 * realised settlement, as the simulator's traders did before, fails this at the first tick.
 */
@Timeout(120)
class HonestMarketTest {
    private static final long START = Instant.parse("2026-02-27T12:00:00Z").getEpochSecond() * 1_000_000_000L;
    private static final long MINUTE = 60_000_000_000L;
    /** The worlds part 14 h into the session, 10 h before it settles. */
    private static final long PARTING = START + 14 * 60 * MINUTE;

    @ParameterizedTest
    @EnumSource(MarketSkill.class)
    void shouldQuoteTheSameUpToTheInstantTwoWorldsPart(final MarketSkill skill) {
        final SyntheticWorld world = new SyntheticWorld(11);
        final SyntheticWorld otherFuture = world.withFutureRedrawn(PARTING, 12_345);
        final long[] now = {START};
        final VenueConfig config = VenueConfig.builder().seed(11).worldStartNanos(START).marketSkill(skill).build();
        final Venue a = new Venue(config, () -> now[0], world);
        final Venue b = new Venue(config, () -> now[0], otherFuture);
        int quotedTicks = 0;
        while (now[0] + MINUTE <= PARTING) {
            now[0] += MINUTE;
            a.onTimer();
            b.onTimer();
            assertEquals(a.stateHash(), b.stateHash(), skill + ": books, trades and positions at " + Instant.ofEpochSecond(0, now[0]));
            if (a.bestBid("LON_ETF") != MatchingEngine.NO_PRICE && a.bestAsk("AQ_SPOT") != MatchingEngine.NO_PRICE) {
                quotedTicks++;
            }
        }
        assertTrue(quotedTicks > 500, "the market quoted on " + quotedTicks + " ticks");
        int differentTicks = 0;
        for (int tick = 0; tick < 600 && now[0] + MINUTE < a.sessionEnd(); tick++) {
            now[0] += MINUTE;
            a.onTimer();
            b.onTimer();
            if (a.stateHash() != b.stateHash()) {
                differentTicks++;
            }
        }
        assertTrue(differentTicks > 0, skill + ": after the worlds part, the public information and the quotes part too");
        assertNotEquals(a.settlementValue("WX_SUM"), b.settlementValue("WX_SUM"), "the two worlds settle differently");
    }

    @Test
    void shouldNotMoveTheQuotesWhenOnlyTheFarFutureChanges() {
        final SyntheticWorld world = new SyntheticWorld(3);
        final long[] now = {START};
        final VenueConfig config = VenueConfig.builder().seed(3).worldStartNanos(START).build();
        final Venue a = new Venue(config, () -> now[0], world);
        final Venue b = new Venue(config, () -> now[0], world.withFutureRedrawn(START + 30 * MINUTE, 7));
        now[0] += 20 * MINUTE;
        a.onTimer();
        b.onTimer();
        assertEquals(a.bestBid("TIDE_SPOT"), b.bestBid("TIDE_SPOT"));
        assertEquals(a.bestAsk("AQ_SPOT"), b.bestAsk("AQ_SPOT"));
        assertNotEquals(a.settlementValue("TIDE_SWING"), b.settlementValue("TIDE_SWING"),
            "the whole rest of the session is another one, yet the first quotes agree");
    }
}
