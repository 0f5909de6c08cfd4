package io.skytrade.core.world;

import io.skytrade.core.kalman.KalmanParams;
import io.skytrade.core.registry.InstrumentRegistry;
import io.skytrade.core.settlement.SettlementRules;
import io.skytrade.core.settlement.TestRules;
import io.skytrade.core.valuation.SettlementValuator;
import io.skytrade.core.valuation.ValuationParams;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

class WorldSettlementTest {
    private static final long NOON_2026_02_28 = Instant.parse("2026-02-28T12:00:00Z").getEpochSecond() * 1_000_000_000L;
    private static final long HOUR = SyntheticWorld.HOUR_NANOS;
    private static final long MINUTE = SyntheticWorld.MINUTE_NANOS;

    @Test
    void shouldSettleWithTheReferenceFormulas() {
        final SyntheticWorld world = new SyntheticWorld(5);
        final WorldSettlement settlement = new WorldSettlement(world, SettlementRules.defaults());
        final long end = NOON_2026_02_28;
        final long start = end - SyntheticWorld.DAY_NANOS;
        assertEquals(Math.round(Math.abs(world.thamesLevel(end)) * 1000), settlement.value(WorldProduct.TIDE_SPOT, end));

        double swing = 0;
        int pairs = 0;
        for (long t = start; t < end; t += SyntheticWorld.QUARTER_HOUR_NANOS) {
            final double d = Math.abs(world.thamesLevel(t + SyntheticWorld.QUARTER_HOUR_NANOS) - world.thamesLevel(t)) * 100;
            swing += Math.max(0, 20 - d) + Math.max(0, d - 25);
            pairs++;
        }
        assertEquals(96, pairs);
        assertEquals(swing, settlement.value(WorldProduct.TIDE_SWING, end), 1e-5);

        final double tf = world.airTemperature(end) * 9 / 5 + 32;
        assertEquals(tf * world.relativeHumidity(end), settlement.value(WorldProduct.WX_SPOT, end), 1e-5);
        double wxSum = 0;
        for (long t = start + SyntheticWorld.QUARTER_HOUR_NANOS; t <= end; t += SyntheticWorld.QUARTER_HOUR_NANOS) {
            wxSum += (world.airTemperature(t) * 9 / 5 + 32) * world.relativeHumidity(t);
        }
        assertEquals(wxSum / 100, settlement.value(WorldProduct.WX_SUM, end), 1e-5);
        assertEquals(Math.round(world.pm25(end) * 100), settlement.value(WorldProduct.AQ_SPOT, end));

        long count = 0;
        double index = 0;
        for (long b = SyntheticWorld.binIndex(start); b < SyntheticWorld.binIndex(end); b++) {
            count += world.arrivals(b) + world.departures(b);
            final int a = world.arrivals(b);
            final int d = world.departures(b);
            index += a + d == 0 ? 0 : (a - d) / (double) (a + d);
        }
        assertEquals(count, settlement.value(WorldProduct.LHR_COUNT, end));
        assertTrue(count > 800 && count < 1700, "LHR_COUNT " + count);
        assertEquals(Math.abs(index) * 100, settlement.value(WorldProduct.LHR_INDEX, end), 1e-5);

        final double etf = settlement.value(WorldProduct.TIDE_SPOT, end) + settlement.value(WorldProduct.WX_SPOT, end) + count;
        assertEquals(etf, settlement.value(WorldProduct.LON_ETF, end), 1e-6);
        assertEquals(SettlementRules.defaults().flyPayoff().value(etf), settlement.value(WorldProduct.LON_FLY, end), 1e-6);
        assertTrue(etf > 3000 && etf < 12000, "ETF " + etf);

        final double[] all = new double[WorldProduct.COUNT];
        settlement.settleAll(end, all);
        for (int p = 0; p < WorldProduct.COUNT; p++) {
            assertEquals(settlement.value(p, end), all[p], WorldProduct.symbol(p));
            assertEquals(settlement.value(WorldProduct.symbol(p), end), all[p], WorldProduct.symbol(p));
            assertTrue(all[p] >= 0, WorldProduct.symbol(p) + " settles at or above zero");
        }
    }

    @Test
    void shouldSettleLondonSessionsOfTwentyFiveHoursWhenTheClocksGoBack() {
        final WorldSettlement settlement = new WorldSettlement(new SyntheticWorld(2), SettlementRules.defaults());
        final long end = settlement.nextSettlementAtOrAfter(Instant.parse("2026-10-25T09:00:00Z").getEpochSecond() * 1_000_000_000L);
        assertEquals(Instant.parse("2026-10-25T12:00:00Z").getEpochSecond() * 1_000_000_000L, end);
        final SyntheticWorld world = new SyntheticWorld(2);
        long count = 0;
        for (long b = SyntheticWorld.binIndex(end - 25 * HOUR); b < SyntheticWorld.binIndex(end); b++) {
            count += world.arrivals(b) + world.departures(b);
        }
        assertEquals(count, settlement.value(WorldProduct.LHR_COUNT, end), "50 bins in the 25 h session");
    }

    /**
     * The rule defined once: for random seeds, sessions and settlement rules, a valuator fed every
     * reading of the session from the world values every product at exactly the world's settlement.
     */
    @Test
    void shouldSettleTheWorldExactlyLikeTheValuationUnderAnyRules() {
        qt().withExamples(40).forAll(longs().between(1, 1_000_000)).checkAssert(seed -> {
            final SplittableRandom random = new SplittableRandom(seed);
            final SettlementRules rules = randomRules(random);
            final List<String> symbols = new ArrayList<>();
            for (int kind = 0; kind < WorldProduct.COUNT; kind++) {
                symbols.add(rules.symbolOf(kind));
            }
            final InstrumentRegistry registry = InstrumentRegistry.of(symbols, List.of("thames_level_m", "air_temp_c",
                "rel_humidity_pct", "pm25_ugm3", "lhr_arrivals_30m", "lhr_departures_30m"));
            final SyntheticWorld world = new SyntheticWorld(seed);
            final WorldSettlement settlement = new WorldSettlement(world, rules);
            final long end = rules.nextSettlementAtOrAfter(NOON_2026_02_28 + random.nextLong(400 * SyntheticWorld.DAY_NANOS));
            final long start = rules.windowStart(end);
            final SettlementValuator valuator = new SettlementValuator(registry,
                ValuationParams.defaults().withWindow(start, end), rules, KalmanParams.defaults().withExactFeeds());
            for (long t = start; t <= end; t += rules.sampleIntervalNanos()) {
                for (int s = WorldSeries.THAMES_LEVEL_M; s <= WorldSeries.REL_HUMIDITY_PCT; s++) {
                    valuator.onObservation(s, t, world.value(s, t));
                }
            }
            valuator.onObservation(WorldSeries.PM25_UGM3, end, world.pm25(end));
            for (long t = start; t < end; t += rules.lhrBinNanos()) {
                final long stamp = rules.lhrTimestampIsBinEnd() ? t + rules.lhrBinNanos() : t;
                valuator.onObservation(WorldSeries.LHR_ARRIVALS_30M, stamp, flights(world, WorldSeries.LHR_ARRIVALS_30M, t, rules));
                valuator.onObservation(WorldSeries.LHR_DEPARTURES_30M, stamp, flights(world, WorldSeries.LHR_DEPARTURES_30M, t, rules));
            }
            valuator.revalue();
            for (int kind = 0; kind < WorldProduct.COUNT; kind++) {
                final int id = registry.instrumentId(rules.symbolOf(kind));
                assertTrue(valuator.isValid(id), rules.symbolOf(kind) + " valued");
                assertEquals(0.0, valuator.fairStd(id), rules.symbolOf(kind));
                assertEquals(settlement.value(kind, end), valuator.fairValue(id), rules.symbolOf(kind) + " under " + rules);
            }
        });
    }

    @Test
    void shouldSettleAnySeriesPathWithTheSameRules() {
        final SyntheticWorld world = new SyntheticWorld(8);
        final SeriesPath shifted = (series, t) -> series == WorldSeries.THAMES_LEVEL_M ? world.value(series, t) + 0.5 : world.value(series, t);
        final SettlementRules rules = SettlementRules.defaults();
        final long end = rules.nextSettlementAtOrAfter(NOON_2026_02_28);
        final double tide = new WorldSettlement(world, rules).value(WorldProduct.TIDE_SPOT, end);
        assertEquals(Math.round(Math.abs(world.thamesLevel(end) + 0.5) * 1000), new WorldSettlement(shifted, rules).value(WorldProduct.TIDE_SPOT, end));
        assertEquals(new WorldSettlement(world, rules).value(WorldProduct.TIDE_SWING, end),
            new WorldSettlement(shifted, rules).value(WorldProduct.TIDE_SWING, end), 1e-6, "a level shift leaves the swing alone");
        assertTrue(tide >= 0);
    }

    @Test
    void shouldRejectRulesTheWorldCannotSettle() {
        assertEquals("settlement.tideSeries: 'sea_level' is not a series of the synthetic world",
            assertThrows(IllegalArgumentException.class,
                () -> new WorldSettlement(new SyntheticWorld(1), TestRules.with("tideSeries", "sea_level"))).getMessage());
        assertEquals("settlement.lhrBin: 900000000000 ns must be a whole number of the synthetic world's 30-minute flight bins",
            assertThrows(IllegalArgumentException.class,
                () -> new WorldSettlement(new SyntheticWorld(1), TestRules.with("lhrBinNanos", 15 * MINUTE))).getMessage());
    }

    private static double flights(final SyntheticWorld world, final int series, final long binStart, final SettlementRules rules) {
        double sum = 0;
        for (long t = binStart; t < binStart + rules.lhrBinNanos(); t += SyntheticWorld.HALF_HOUR_NANOS) {
            sum += world.value(series, t);
        }
        return sum;
    }

    /** Settlement rules with every formula choice drawn at random (symbols renamed too). */
    private static SettlementRules randomRules(final SplittableRandom random) {
        final List<Object> pairs = new ArrayList<>();
        final boolean london = random.nextBoolean();
        pairs.addAll(List.of("londonSessions", london));
        if (!london) {
            pairs.addAll(List.of("sessionLengthNanos", (6 + 6 * random.nextInt(4)) * HOUR,
                "sessionAnchorNanos", random.nextInt(48) * SyntheticWorld.HALF_HOUR_NANOS));
        }
        pairs.addAll(List.of("sampleIntervalNanos", random.nextBoolean() ? 15 * MINUTE : 30 * MINUTE,
            "lhrBinNanos", random.nextBoolean() ? 30 * MINUTE : 60 * MINUTE,
            "tideSpotMultiplier", 100.0 * (1 + random.nextInt(20)),
            "tideSpotDecimals", random.nextInt(4) - 1,
            "swingIncludeWindowStart", random.nextBoolean(),
            "swingCmPerUnit", random.nextBoolean() ? 100.0 : 1000.0,
            "swingLowCm", 5.0 + random.nextInt(20),
            "swingHighCm", 25.0 + random.nextInt(20),
            "wxFahrenheitDecimals", random.nextInt(3) - 1,
            "wxSumIncludeWindowStart", random.nextBoolean(),
            "wxSumDivisor", random.nextBoolean() ? 100.0 : 7.0,
            "lhrTimestampIsBinEnd", random.nextBoolean(),
            "lhrIndexAbsOfSum", random.nextBoolean(),
            "lhrIndexMultiplier", random.nextBoolean() ? 100.0 : 3.0,
            "lhrIndexDecimals", random.nextInt(3) - 1,
            "aqSpotMultiplier", random.nextBoolean() ? 100.0 : 10.0,
            "aqSpotDecimals", random.nextInt(3) - 1,
            "settlementDecimals", random.nextInt(8) - 1,
            "flyStructure", random.nextBoolean() ? "+2P6200,+1C6200,-2C6600,+3C7000" : "+1C5000,-1C9000,+0.5P4000"));
        if (random.nextBoolean()) {
            pairs.addAll(List.of("wxSpotSymbol", "WEATHER", "etfLegs", "LHR_COUNT,WEATHER,TIDE_SPOT"));
        }
        return TestRules.with(pairs.toArray());
    }
}
