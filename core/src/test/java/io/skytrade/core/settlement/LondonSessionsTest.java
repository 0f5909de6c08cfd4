package io.skytrade.core.settlement;

import io.skytrade.core.valuation.ValuationParams;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

class LondonSessionsTest {
    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    @Test
    void shouldMatchJavaTimeForLondonNoonOnAnyDay() {
        qt().withExamples(2_000)
            .forAll(longs().between(LocalDate.of(1997, 1, 1).toEpochDay(), LocalDate.of(2199, 12, 31).toEpochDay()))
            .checkAssert(day -> {
                final ZonedDateTime noon = ZonedDateTime.of(LocalDate.ofEpochDay(day), LocalTime.NOON, LONDON);
                assertEquals(noon.toEpochSecond() * 1_000_000_000L, LondonSessions.noonOnDay(day));
                assertEquals(noon.minusDays(1).toEpochSecond() * 1_000_000_000L,
                    LondonSessions.previousNoon(LondonSessions.noonOnDay(day)));
            });
    }

    @Test
    void shouldFindNextNoonAndMatchSessionHelper() {
        final long[] w = ValuationParams.londonSession(LocalDate.of(2026, 10, 25));
        assertEquals(w[1], LondonSessions.nextNoonAtOrAfter(w[0] + 1));
        assertEquals(w[1], LondonSessions.nextNoonAtOrAfter(w[1]));
        assertEquals(w[0], LondonSessions.previousNoon(w[1]));
        assertEquals(25 * LondonSessions.NANOS_PER_HOUR, w[1] - w[0], "clocks go back on 2026-10-25");
    }
}
