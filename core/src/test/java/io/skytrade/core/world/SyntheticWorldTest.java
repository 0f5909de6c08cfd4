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
        final double count = world.settlement(WorldProduct.LHR_COUNT, NOON_2026_02_28);
        assertTrue(count > 800 && count < 1700, "LHR_COUNT " + count);
    }

    @Test
    void shouldSettleWithTheReferenceFormulas() {
        final SyntheticWorld world = new SyntheticWorld(5);
        final long end = NOON_2026_02_28;
        final long start = end - SyntheticWorld.DAY_NANOS;
        assertEquals(Math.round(Math.abs(world.thamesLevel(end)) * 1000), world.settlement(WorldProduct.TIDE_SPOT, end));

        double swing = 0;
        int pairs = 0;
        for (long t = start; t < end; t += SyntheticWorld.QUARTER_HOUR_NANOS) {
            final double d = Math.abs(world.thamesLevel(t + SyntheticWorld.QUARTER_HOUR_NANOS) - world.thamesLevel(t)) * 100;
            swing += Math.max(0, 20 - d) + Math.max(0, d - 25);
            pairs++;
        }
        assertEquals(96, pairs);
        assertEquals(swing, world.settlement(WorldProduct.TIDE_SWING, end), 1e-5);

        final double tf = world.airTemperature(end) * 9 / 5 + 32;
        assertEquals(tf * world.relativeHumidity(end), world.settlement(WorldProduct.WX_SPOT, end), 1e-5);
        assertEquals(Math.round(world.pm25(end) * 100), world.settlement(WorldProduct.AQ_SPOT, end));

        long count = 0;
        double index = 0;
        for (long b = SyntheticWorld.binIndex(start); b < SyntheticWorld.binIndex(end); b++) {
            count += world.arrivals(b) + world.departures(b);
            final int a = world.arrivals(b);
            final int d = world.departures(b);
            index += a + d == 0 ? 0 : (a - d) / (double)(a + d);
        }
        assertEquals(count, world.settlement(WorldProduct.LHR_COUNT, end));
        assertEquals(Math.abs(index) * 100, world.settlement(WorldProduct.LHR_INDEX, end), 1e-5);

        final double etf = world.settlement(WorldProduct.TIDE_SPOT, end) + world.settlement(WorldProduct.WX_SPOT, end) + count;
        assertEquals(etf, world.settlement(WorldProduct.LON_ETF, end), 1e-6);
        assertEquals(WorldProduct.flyPayoff(etf), world.settlement(WorldProduct.LON_FLY, end), 1e-6);
        assertTrue(etf > 3000 && etf < 12000, "ETF " + etf);

        final double[] all = new double[WorldProduct.COUNT];
        world.settleAll(end, all);
        for (int p = 0; p < WorldProduct.COUNT; p++) {
            assertEquals(world.settlement(p, end), all[p], WorldProduct.symbol(p));
            assertTrue(all[p] >= 0, WorldProduct.symbol(p) + " settles at or above zero");
        }
    }

    @Test
    void shouldPriceTheFlyLikeTheReference() {
        assertEquals(3336, WorldProduct.flyPayoff(8668), 1e-9);
        assertEquals(12400 - 2 * 6000, WorldProduct.flyPayoff(6000), 1e-9);
        assertEquals(400, WorldProduct.flyPayoff(6600), 1e-9);
        assertEquals(0, WorldProduct.flyPayoff(7000), 1e-9);
    }

    @Test
    void shouldFindLondonNoon() {
        final long winter = Instant.parse("2026-02-28T09:00:00Z").getEpochSecond() * 1_000_000_000L;
        assertEquals(NOON_2026_02_28, SyntheticWorld.londonNoonAtOrAfter(winter));
        final long summer = Instant.parse("2026-07-01T11:30:00Z").getEpochSecond() * 1_000_000_000L;
        assertEquals(Instant.parse("2026-07-02T11:00:00Z").getEpochSecond() * 1_000_000_000L, SyntheticWorld.londonNoonAtOrAfter(summer));
        assertNotEquals(0, WorldSeries.code("pm25_ugm3") + 1);
        assertEquals(WorldProduct.LON_FLY, WorldProduct.code("LON_FLY"));
    }
}
