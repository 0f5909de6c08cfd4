package io.skytrade.core.world;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

class SyntheticWorldTest {
    private static final long NOON_2026_02_28 = Instant.parse("2026-02-28T12:00:00Z").getEpochSecond() * 1_000_000_000L;

    @Test
    void shouldBeAPureFunctionOfSeedAndTime() {
        final SyntheticWorld a = new SyntheticWorld(42);
        final SyntheticWorld b = new SyntheticWorld(42);
        final SyntheticWorld other = new SyntheticWorld(43);
        qt().withExamples(200).forAll(longs().between(0, 4_000_000_000_000_000_000L)).checkAssert(t -> {
            for (int s = 0; s < WorldSeries.COUNT; s++) {
                assertEquals(a.value(s, t), b.value(s, t), WorldSeries.name(s));
            }
        });
        double differences = 0;
        for (long t = NOON_2026_02_28; t < NOON_2026_02_28 + SyntheticWorld.DAY_NANOS; t += SyntheticWorld.HOUR_NANOS) {
            differences += Math.abs(a.thamesLevel(t) - other.thamesLevel(t));
        }
        assertTrue(differences > 1.0, "different seeds give different tides");
    }

    @Test
    void shouldKeepEverySeriesInAPlausibleRange() {
        final SyntheticWorld world = new SyntheticWorld(7);
        for (long t = NOON_2026_02_28; t < NOON_2026_02_28 + 60 * SyntheticWorld.DAY_NANOS; t += SyntheticWorld.QUARTER_HOUR_NANOS) {
            final double level = world.thamesLevel(t);
            assertTrue(level > -4.5 && level < 5.0, "tide " + level);
            final double temp = world.airTemperature(t);
            assertTrue(temp > -15 && temp < 35, "temperature " + temp);
            final double rh = world.relativeHumidity(t);
            assertTrue(rh >= 20 && rh <= 100, "humidity " + rh);
            final double pm = world.pm25(t);
            assertTrue(pm >= 0.5 && pm < 150, "pm2.5 " + pm);
            assertEquals(Math.round(level * 1000) / 1000.0, level);
            assertEquals(Math.round(temp * 10) / 10.0, temp);
        }
    }

    @Test
    void shouldHaveASemiDiurnalTide() {
        final SyntheticWorld world = new SyntheticWorld(11);
        int upCrossings = 0;
        double previous = world.thamesLevel(NOON_2026_02_28);
        final double mean = 0.55;
        final long days = 30;
        for (long t = NOON_2026_02_28 + SyntheticWorld.QUARTER_HOUR_NANOS; t < NOON_2026_02_28 + days * SyntheticWorld.DAY_NANOS; t += SyntheticWorld.QUARTER_HOUR_NANOS) {
            final double level = world.thamesLevel(t);
            if (previous < mean && level >= mean) {
                upCrossings++;
            }
            previous = level;
        }
        final double expected = days * 24 / 12.42;
        assertTrue(Math.abs(upCrossings - expected) <= 3, "up-crossings " + upCrossings + " expected about " + expected);
    }

    @Test
    void shouldFollowTheFlightScheduleWithACurfew() {
        final SyntheticWorld world = new SyntheticWorld(3);
        final long firstBin = SyntheticWorld.binIndex(NOON_2026_02_28 - 12 * SyntheticWorld.HOUR_NANOS);
        for (long day = 0; day < 20; day++) {
            for (int slot = 0; slot < 8; slot++) {
                assertEquals(0, world.arrivals(firstBin + day * 48 + slot));
                assertEquals(0, world.departures(firstBin + day * 48 + slot));
            }
            assertTrue(world.arrivals(firstBin + day * 48 + 20) > 0 || world.departures(firstBin + day * 48 + 20) > 0);
        }
        long count = 0;
        for (long b = firstBin - 24; b < firstBin + 24; b++) {
            count += world.arrivals(b) + world.departures(b);
        }
        assertTrue(count > 800 && count < 1700, "flights in a day " + count);
    }

    @Test
    void shouldNameSeriesAndProducts() {
        assertNotEquals(0, WorldSeries.code("pm25_ugm3") + 1);
        assertEquals(WorldProduct.LON_FLY, WorldProduct.code("LON_FLY"));
    }
}
