package io.skytrade.core.world;

import io.skytrade.core.settlement.SettlementRules;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
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

    /**
     * The airport's announced capacity knows only what a forecaster could know at the time: a
     * forecast member issued then (every element knowable by then as in this world, the rest drawn
     * afresh) announces the same; a disruption is announced from its first slot, with its depth and
     * the bins it still lasts, never before.
     */
    @Test
    void shouldAnnounceCapacityFromWhatIsKnownAtTheTime() {
        qt().withExamples(300).forAll(longs().between(1, 500), longs().between(0, 7 * 48 * 30 - 1))
            .checkAssert((seed, minute) -> {
                final SyntheticWorld w = new SyntheticWorld(seed);
                final long asOf = NOON_2026_02_28 + minute * SyntheticWorld.MINUTE_NANOS;
                final SyntheticWorld member = w.forecastMember(asOf, seed * 7919 + 1);
                assertEquals(w.announcedCapacity(asOf), member.announcedCapacity(asOf), "share at " + asOf);
                assertEquals(w.announcedCapacityBins(asOf), member.announcedCapacityBins(asOf), "bins at " + asOf);
            });
        int announcements = 0;
        for (long seed = 1; seed <= 40; seed++) {
            final SyntheticWorld w = new SyntheticWorld(seed);
            for (long t = NOON_2026_02_28; t < NOON_2026_02_28 + SyntheticWorld.DAY_NANOS; t += SyntheticWorld.HALF_HOUR_NANOS) {
                final double share = w.announcedCapacity(t);
                if (share < 1.0 && w.announcedCapacity(t - SyntheticWorld.MINUTE_NANOS) == 1.0) {
                    announcements++;
                    final int bins = w.announcedCapacityBins(t);
                    assertTrue(bins >= 2 && bins <= 8, "a new disruption lasts 2-8 half hours: " + bins);
                    assertTrue(share >= 0.3 && share <= 0.7, "at 30-70% of the schedule: " + share);
                    assertEquals(bins - 1, w.announcedCapacityBins(t + SyntheticWorld.HALF_HOUR_NANOS), "one bin less half an hour on");
                    assertEquals(share, w.announcedCapacity(t + SyntheticWorld.HALF_HOUR_NANOS - 1));
                }
            }
        }
        assertTrue(announcements > 3, "disruptions are announced on some of 40 days: " + announcements);
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

    /**
     * Golden values: the world must be bit-identical on every JVM and CPU (StrictMath throughout;
     * these were produced on OpenJDK 17 and Temurin 25 alike, and equal the values of the world
     * before it moved from Math to StrictMath). A change here changes every simulated market and
     * nowcast figure measured on the world: only on purpose, with the figures re-measured.
     */
    @Test
    void shouldReproduceTheGoldenValuesBitForBit() {
        final SyntheticWorld world = new SyntheticWorld(7);
        final long t = NOON_2026_02_28 - 5 * SyntheticWorld.HOUR_NANOS - 17 * SyntheticWorld.MINUTE_NANOS;
        assertEquals(GOLDEN_SERIES_SEED_7, bits(world, t));
        final double[] settlements = new double[WorldProduct.COUNT];
        new WorldSettlement(world, SettlementRules.defaults()).settleAll(NOON_2026_02_28, settlements);
        assertEquals(GOLDEN_SETTLEMENTS_SEED_7, java.util.Arrays.toString(settlements));
        new WorldSettlement(new SyntheticWorld(1), SettlementRules.defaults()).settleAll(NOON_2026_02_28, settlements);
        assertEquals(GOLDEN_SETTLEMENTS_SEED_1, java.util.Arrays.toString(settlements));
        long hash = 0;
        for (long seed = 1; seed <= 5; seed++) {
            final SyntheticWorld w = new SyntheticWorld(seed);
            for (long u = NOON_2026_02_28; u < NOON_2026_02_28 + 3 * SyntheticWorld.DAY_NANOS; u += 7 * SyntheticWorld.MINUTE_NANOS) {
                for (int s = 0; s < WorldSeries.COUNT; s++) {
                    hash = 31 * hash + Double.doubleToLongBits(w.value(s, u));
                }
            }
        }
        assertEquals(GOLDEN_HASH_SEEDS_1_TO_5, Long.toHexString(hash), "every series of seeds 1-5 over three days, every 7 minutes");
    }

    /** Tide, temperature, humidity, PM2.5, arrivals, departures of seed 7 at 2026-02-28T06:43Z, as double bits. */
    static final String GOLDEN_SERIES_SEED_7 = "4004a9fbe76c8b44 4016cccccccccccd 4053400000000000 4021000000000000 4038000000000000 4031000000000000";
    static final String GOLDEN_SETTLEMENTS_SEED_7 = "[1799.0, 749.5, 3676.4, 3221.348, 1359.0, 400.122682, 670.0, 6834.4, 165.6]";
    static final String GOLDEN_SETTLEMENTS_SEED_1 = "[3203.0, 608.5, 3772.0, 3219.208, 1387.0, 398.400333, 1310.0, 8362.0, 2724.0]";
    static final String GOLDEN_HASH_SEEDS_1_TO_5 = "d87e4c4650b99d39";

    private static String bits(final SyntheticWorld world, final long t) {
        final StringBuilder b = new StringBuilder();
        for (int s = 0; s < WorldSeries.COUNT; s++) {
            b.append(b.length() == 0 ? "" : " ").append(Long.toHexString(Double.doubleToLongBits(world.value(s, t))));
        }
        return b.toString();
    }

    @Test
    void shouldKeepThePastAndChangeTheFutureWhenTheFutureIsRedrawn() {
        final SyntheticWorld world = new SyntheticWorld(21);
        final long cut = NOON_2026_02_28 - 7 * SyntheticWorld.HOUR_NANOS - 7 * SyntheticWorld.MINUTE_NANOS;
        final SyntheticWorld other = world.withFutureRedrawn(cut, 99);
        for (long t = cut - 3 * SyntheticWorld.DAY_NANOS; t <= cut; t += SyntheticWorld.MINUTE_NANOS) {
            for (int s = 0; s < WorldSeries.COUNT; s++) {
                assertEquals(world.value(s, t), other.value(s, t), WorldSeries.name(s) + " at " + t);
            }
        }
        final double[] differences = new double[WorldSeries.COUNT];
        for (long t = cut + SyntheticWorld.MINUTE_NANOS; t <= cut + 2 * SyntheticWorld.DAY_NANOS; t += SyntheticWorld.QUARTER_HOUR_NANOS) {
            for (int s = 0; s < WorldSeries.COUNT; s++) {
                differences[s] += Math.abs(world.value(s, t) - other.value(s, t));
            }
        }
        for (int s = 0; s < WorldSeries.COUNT; s++) {
            assertTrue(differences[s] > 0, WorldSeries.name(s) + " has another future");
        }
        assertNotEquals(new WorldSettlement(world, SettlementRules.defaults()).value(WorldProduct.WX_SUM, NOON_2026_02_28),
            new WorldSettlement(other, SettlementRules.defaults()).value(WorldProduct.WX_SUM, NOON_2026_02_28));
    }

    @Test
    void shouldBuildForecastMembersFromWhatIsReleasedByTheIssueTimeOnly() {
        final SyntheticWorld world = new SyntheticWorld(23);
        qt().withExamples(40).forAll(longs().between(0, 3 * 24 * 60)).checkAssert(minutes -> {
            final long issued = NOON_2026_02_28 - 2 * SyntheticWorld.DAY_NANOS + minutes * SyntheticWorld.MINUTE_NANOS;
            final SyntheticWorld member = world.forecastMember(issued, 5);
            final SyntheticWorld sameButFuture = world.withFutureRedrawn(issued, 77).forecastMember(issued, 5);
            for (long t = issued - SyntheticWorld.DAY_NANOS; t <= issued + SyntheticWorld.DAY_NANOS; t += 7 * SyntheticWorld.MINUTE_NANOS) {
                for (int s = 0; s < WorldSeries.COUNT; s++) {
                    assertEquals(member.value(s, t), sameButFuture.value(s, t), WorldSeries.name(s) + " at " + t);
                }
            }
        });
    }

    @Test
    void shouldScatterForecastMembersAroundTheKnownPast() {
        final SyntheticWorld world = new SyntheticWorld(29);
        final long front = 18 * SyntheticWorld.HOUR_NANOS;
        final long issued = Math.floorDiv(NOON_2026_02_28, front) * front;
        final SyntheticWorld a = world.forecastMember(issued, 1);
        final SyntheticWorld b = world.forecastMember(issued, 2);
        // At the issue instant, a multiple of every temperature knot spacing, both knots in use are known.
        assertEquals(world.airTemperature(issued), a.airTemperature(issued));
        assertEquals(world.airTemperature(issued), b.airTemperature(issued));
        double spread = 0;
        for (long t = issued + SyntheticWorld.HOUR_NANOS; t <= issued + 12 * SyntheticWorld.HOUR_NANOS; t += SyntheticWorld.HOUR_NANOS) {
            spread += Math.abs(a.airTemperature(t) - b.airTemperature(t)) + Math.abs(a.pm25(t) - b.pm25(t));
            assertTrue(Math.abs(a.thamesLevel(t) - world.thamesLevel(t)) < 1.5, "the member's tide follows the tide table");
        }
        assertTrue(spread > 1, "members differ after the issue: " + spread);
    }

    @Test
    void shouldNameSeriesAndProducts() {
        assertNotEquals(0, WorldSeries.code("pm25_ugm3") + 1);
        assertEquals(WorldProduct.LON_FLY, WorldProduct.code("LON_FLY"));
    }

    @Test
    void shouldCountFlightsAroundThePublishedSchedule() {
        final SyntheticWorld world = new SyntheticWorld(8);
        final long slot = 30;
        assertEquals(19, SyntheticWorld.scheduledMovements(WorldSeries.LHR_ARRIVALS_30M, slot));
        assertEquals(20, SyntheticWorld.scheduledMovements(WorldSeries.LHR_DEPARTURES_30M, slot));
        assertEquals(0, SyntheticWorld.scheduledMovements(WorldSeries.LHR_ARRIVALS_30M, 4));
        double arrivals = 0;
        final int days = 400;
        for (int d = 0; d < days; d++) {
            final long bin = 20_000L * SyntheticWorld.BINS_PER_DAY + d * SyntheticWorld.BINS_PER_DAY + slot;
            arrivals += world.arrivals(bin);
            assertEquals(0, world.arrivals(bin - slot + 4), "the night curfew");
        }
        final double mean = arrivals / days;
        assertTrue(mean > 0.9 * 19 && mean <= 19.3, "mean arrivals in slot 30: " + mean + ", scheduled 19, a few days disrupted");
        assertThrows(IllegalArgumentException.class, () -> SyntheticWorld.scheduledMovements(WorldSeries.PM25_UGM3, slot));
    }
}
