package io.skytrade.exchange.sim;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The venue's background trading is a function of the seed and the tick times, so runs repeat. */
class VenueDeterminismTest {
    private static final long START = Instant.parse("2026-02-27T12:00:00Z").getEpochSecond() * 1_000_000_000L;

    @Test
    void shouldRepeatTheSameBooksForTheSameSeedAndTicks() {
        assertEquals(run(5), run(5));
        assertNotEquals(run(5), run(6));
    }

    @Test
    void shouldSettleAtTheSessionEndAndOpenTheNextSession() {
        final long[] now = {START};
        final Venue venue = new Venue(VenueConfig.builder().seed(1).worldStartNanos(START).build(), () -> now[0]);
        final long firstEnd = venue.sessionEnd();
        assertEquals(START + 24 * 3_600_000_000_000L, firstEnd);
        now[0] = firstEnd;
        venue.onTimer();
        assertTrue(venue.isSettled());
        venue.onTimer();
        assertFalse(venue.isSettled());
        assertEquals(firstEnd + 24 * 3_600_000_000_000L, venue.sessionEnd());
    }

    private static long run(final long seed) {
        final long[] now = {START};
        final Venue venue = new Venue(VenueConfig.builder().seed(seed).worldStartNanos(START).build(), () -> now[0]);
        for (int tick = 0; tick < 500; tick++) {
            now[0] += 60_000_000_000L;
            venue.onTimer();
        }
        return venue.stateHash();
    }
}
