package io.skytrade.core.valuation;

import io.skytrade.core.kalman.KalmanParams;
import io.skytrade.core.registry.InstrumentRegistry;
import io.skytrade.core.settlement.SettlementRules;
import io.skytrade.core.settlement.TestRules;
import io.skytrade.core.world.SyntheticWorld;
import io.skytrade.core.world.WorldSeries;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SettlementValuatorTest {
    static final List<String> INSTRUMENTS = List.of("TIDE_SPOT", "TIDE_SWING", "WX_SPOT", "WX_SUM", "LHR_COUNT",
        "LHR_INDEX", "AQ_SPOT", "LON_ETF", "LON_FLY");
    static final List<String> SERIES = List.of("thames_level_m", "air_temp_c", "rel_humidity_pct", "pm25_ugm3",
        "lhr_arrivals_30m", "lhr_departures_30m");
    static final InstrumentRegistry REGISTRY = InstrumentRegistry.of(INSTRUMENTS, SERIES);
    static final long MIN = 60_000_000_000L;
    static final long T0 = 1_772_280_000_000_000_000L;
    static final int TIDE_SPOT = 0;
    static final int TIDE_SWING = 1;
    static final int WX_SPOT = 2;
    static final int WX_SUM = 3;
    static final int LHR_COUNT = 4;
    static final int LHR_INDEX = 5;
    static final int AQ_SPOT = 6;
    static final int ETF = 7;
    static final int FLY = 8;
    /** Feeds that are the settlement sources themselves (the CMI venue's case): readings are exact. */
    static final KalmanParams EXACT = KalmanParams.defaults().withExactFeeds();

    private static SettlementValuator valuator(final long minutes, final KalmanParams kalman) {
        return new SettlementValuator(REGISTRY, ValuationParams.defaults().withWindow(T0, T0 + minutes * MIN),
            SettlementRules.defaults(), kalman);
    }

    @Test
    void shouldSettleTideWorkedExamplesFromRealisedReadings() {
        final SettlementValuator v = valuator(60, EXACT);
        final double[] readings = {1.809, 1.510, 1.241, 0.954, 0.698};
        for (int i = 0; i < readings.length; i++) {
            v.onObservation(0, T0 + i * 15 * MIN, readings[i]);
        }
        v.revalue();
        assertEquals(11.1, v.fairValue(TIDE_SWING), 1e-9);
        assertEquals(0.0, v.fairStd(TIDE_SWING));
        assertEquals(698.0, v.fairValue(TIDE_SPOT), 1e-9);
        assertEquals(0.0, v.fairStd(TIDE_SPOT));
    }

    @Test
    void shouldStateTheFeedsReadingNoiseOnRealisedReadings() {
        final SettlementValuator v = valuator(60, KalmanParams.defaults());
        final double[] readings = {1.809, 1.510, 1.241, 0.954, 0.698};
        for (int i = 0; i < readings.length; i++) {
            v.onObservation(0, T0 + i * 15 * MIN, readings[i]);
        }
        v.revalue();
        assertEquals(698.0, v.fairValue(TIDE_SPOT), 1e-6);
        assertEquals(1000 * Math.sqrt(KalmanParams.defaults().models().get("tide").readingNoise()[0]), v.fairStd(TIDE_SPOT), 1e-6,
            "a reading 1 cm off the settlement source moves TIDE_SPOT by 10");
        assertTrue(v.fairStd(TIDE_SWING) > 1 && v.fairStd(TIDE_SWING) < 5, "four pairs of noisy readings: " + v.fairStd(TIDE_SWING));
        assertEquals(11.1, v.fairValue(TIDE_SWING), 2.0);
    }

    @Test
    void shouldRoundLhrIndexWhenConfigured() {
        final SettlementValuator v = new SettlementValuator(REGISTRY, ValuationParams.defaults().withWindow(T0, T0 + 90 * MIN),
            TestRules.with("lhrIndexDecimals", 1), KalmanParams.defaults());
        final double[][] bins = {{20, 18}, {10, 22}, {0, 0}};
        for (int j = 0; j < 3; j++) {
            v.onObservation(4, T0 + j * 30 * MIN, bins[j][0]);
            v.onObservation(5, T0 + j * 30 * MIN, bins[j][1]);
        }
        v.revalue();
        assertEquals(32.2, v.fairValue(LHR_INDEX), 1e-12);
        assertEquals(0.0, v.fairStd(LHR_INDEX), "flight counts are exact");
    }

    /**
     * A day of the synthetic world's readings: every product is valued with a positive
     * uncertainty, LON_ETF is the sum of its legs, and the uncertainty of the sums shrinks as the
     * window's readings come in.
     */
    @Test
    void shouldForecastTheUnobservedPartAndShrinkUncertaintyAsReadingsArrive() {
        final SyntheticWorld world = new SyntheticWorld(12);
        final long end = T0 + 24 * 60 * MIN;
        final SettlementValuator v = valuator(24 * 60, KalmanParams.defaults());
        for (long t = T0 - 3 * 24 * 60 * MIN; t <= T0; t += 15 * MIN) {
            feed(v, world, t);
        }
        v.revalue();
        for (int i = 0; i < 9; i++) {
            assertTrue(v.isValid(i), "instrument " + i);
            assertTrue(v.fairStd(i) > 0, "instrument " + i);
        }
        assertEquals(v.fairValue(TIDE_SPOT) + v.fairValue(WX_SPOT) + v.fairValue(LHR_COUNT), v.fairValue(ETF), 1e-9);
        assertEquals(Math.sqrt(sq(v.fairStd(TIDE_SPOT)) + sq(v.fairStd(WX_SPOT)) + sq(v.fairStd(LHR_COUNT))), v.fairStd(ETF), 1e-9);
        final double[] before = new double[9];
        for (int i = 0; i < 9; i++) {
            before[i] = v.fairStd(i);
        }
        for (long t = T0 + 15 * MIN; t <= T0 + 18 * 60 * MIN; t += 15 * MIN) {
            feed(v, world, t);
        }
        v.revalue();
        for (final int i : new int[] {TIDE_SWING, WX_SUM, LHR_COUNT, LHR_INDEX}) {
            assertTrue(v.fairStd(i) < before[i], "instrument " + i + ": " + v.fairStd(i) + " after 18 h, " + before[i] + " before");
        }
        assertTrue(v.fairValue(LHR_COUNT) > 1000 && v.fairValue(LHR_COUNT) < 1600, "LHR_COUNT " + v.fairValue(LHR_COUNT));
        assertTrue(end > T0);
    }

    /**
     * LHR_COUNT's and AQ_SPOT's 80% intervals are their two-part distributions' quantiles: a
     * disruption still to come gives LHR_COUNT a long lower tail, a spike AQ_SPOT a long upper
     * one; the other products keep the normal interval fair +- 1.2816 std.
     */
    @Test
    void shouldGiveHeavyTailedProductsTheirOwnSkewedIntervals() {
        final SyntheticWorld world = new SyntheticWorld(12);
        final SettlementValuator v = valuator(24 * 60, KalmanParams.defaults());
        for (long t = T0 - 3 * 24 * 60 * MIN; t <= T0; t += 15 * MIN) {
            feed(v, world, t);
        }
        v.revalue();
        final double z80 = io.skytrade.core.calibration.ForecastCalibration.Z80;
        for (final int i : new int[] {TIDE_SPOT, WX_SUM, LHR_INDEX, ETF}) {
            assertEquals(v.fairValue(i) - z80 * v.fairStd(i), v.low80(i), 1e-9 * Math.abs(v.fairValue(i)), "instrument " + i);
            assertEquals(v.fairValue(i) + z80 * v.fairStd(i), v.high80(i), 1e-9 * Math.abs(v.fairValue(i)), "instrument " + i);
        }
        final double count = v.fairValue(LHR_COUNT);
        assertTrue(count - v.low80(LHR_COUNT) > 1.2 * (v.high80(LHR_COUNT) - count),
            "a disruption to come: a long lower tail, " + v.low80(LHR_COUNT) + " < " + count + " < " + v.high80(LHR_COUNT));
        assertTrue(v.high80(LHR_COUNT) - v.low80(LHR_COUNT) < 2 * z80 * v.fairStd(LHR_COUNT),
            "the interval over the usual days is narrower than the normal one of the mixture's std");
        final double aq = v.fairValue(AQ_SPOT);
        assertTrue(v.high80(AQ_SPOT) - aq > aq - v.low80(AQ_SPOT),
            "spikes: a long upper tail, " + v.low80(AQ_SPOT) + " < " + aq + " < " + v.high80(AQ_SPOT));
        assertTrue(v.low80(AQ_SPOT) > 0, "PM2.5 is never negative");
    }

    /**
     * The two-part products' intervals are searched when read, not per reading: a valuator read
     * after every revaluation and one read once at the end give the same intervals to the bit.
     */
    @Test
    void shouldGiveTheSameIntervalsWhetherReadAfterEveryReadingOrOnce() {
        final SyntheticWorld world = new SyntheticWorld(12);
        final SettlementValuator every = valuator(24 * 60, KalmanParams.defaults());
        final SettlementValuator once = valuator(24 * 60, KalmanParams.defaults());
        int read = 0;
        for (long t = T0 - 3 * 24 * 60 * MIN; t <= T0; t += 15 * MIN) {
            feed(every, world, t);
            feed(once, world, t);
            every.revalue();
            once.revalue();
            for (final int i : new int[] {AQ_SPOT, LHR_COUNT}) {
                if (every.isValid(i)) {
                    final double low = every.low80(i);
                    final double high = every.high80(i);
                    assertEquals(low, every.low80(i), 0.0, "a second read");
                    assertTrue(low <= high, "instrument " + i + " at " + t + ": " + low + " .. " + high);
                    read++;
                }
            }
        }
        assertTrue(read > 100, "intervals read " + read);
        for (final int i : new int[] {AQ_SPOT, LHR_COUNT, TIDE_SPOT}) {
            assertEquals(Double.doubleToLongBits(every.low80(i)), Double.doubleToLongBits(once.low80(i)), "instrument " + i);
            assertEquals(Double.doubleToLongBits(every.high80(i)), Double.doubleToLongBits(once.high80(i)), "instrument " + i);
        }
    }

    /**
     * With the airport's announcements, the bins not counted yet are forecast as the learned
     * schedule times the announced share plus the count noise (no capacity to infer from the
     * counts); a disruption announced with its extent lowers exactly its bins.
     */
    @Test
    void shouldForecastUncountedBinsFromTheAirportsAnnouncements() {
        final List<String> series = new java.util.ArrayList<>(SERIES);
        series.add(SettlementValuator.CAPACITY_SHARE);
        series.add(SettlementValuator.CAPACITY_BINS);
        final InstrumentRegistry withCapacity = InstrumentRegistry.of(INSTRUMENTS, series);
        final SyntheticWorld world = new SyntheticWorld(12);
        final SettlementValuator plain = valuator(24 * 60, KalmanParams.defaults());
        final SettlementValuator told = new SettlementValuator(withCapacity,
            ValuationParams.defaults().withWindow(T0, T0 + 24 * 60 * MIN), SettlementRules.defaults(), KalmanParams.defaults());
        for (long t = T0 - 3 * 24 * 60 * MIN; t <= T0; t += 15 * MIN) {
            feed(plain, world, t);
            feed(told, world, t);
        }
        told.onObservation(6, T0, 1.0);
        told.onObservation(7, T0, 0.0);
        plain.revalue();
        told.revalue();
        final double normal = told.fairValue(LHR_COUNT);
        assertTrue(told.fairStd(LHR_COUNT) < plain.fairStd(LHR_COUNT),
            told.fairStd(LHR_COUNT) + " with announcements, " + plain.fairStd(LHR_COUNT) + " without");
        // 14:00-16:00 at half the schedule, announced at 14:00
        final long at = T0 + 120 * MIN;
        told.onObservation(6, at, 0.5);
        told.onObservation(7, at, 4.0);
        told.revalue();
        assertEquals(1L << LHR_COUNT, told.changedMask() & (1L << LHR_COUNT | 1L << TIDE_SPOT | 1L << WX_SPOT | 1L << AQ_SPOT),
            "an announcement re-values the flight products only (and the ETF and fly through their leg)");
        final double lost = told.fairValue(LHR_COUNT) - normal;
        assertTrue(lost < -60 && lost > -90, "four bins of about 39 movements at half capacity, less the risk already priced: " + lost);
    }

    /**
     * An observation re-values only the products whose settlement reads its series (or another
     * series of the same nowcast model), as the settlement rules say, and the ETF and the fly only
     * when one of the ETF's legs moved.
     */
    @Test
    void shouldRevalueOnlyTheProductsWhoseSettlementReadsTheObservedSeries() {
        final SyntheticWorld world = new SyntheticWorld(12);
        final SettlementValuator v = valuator(24 * 60, KalmanParams.defaults());
        for (long t = T0 - 24 * 60 * MIN; t <= T0 + 60 * MIN; t += 15 * MIN) {
            feed(v, world, t);
        }
        v.revalue();
        final long t = T0 + 75 * MIN;
        v.onObservation(WorldSeries.PM25_UGM3, t, world.value(WorldSeries.PM25_UGM3, t));
        v.revalue();
        assertEquals(1L << AQ_SPOT, v.changedMask());
        v.onObservation(WorldSeries.THAMES_LEVEL_M, t, world.value(WorldSeries.THAMES_LEVEL_M, t));
        v.revalue();
        assertEquals(1L << TIDE_SPOT | 1L << TIDE_SWING | 1L << ETF | 1L << FLY, v.changedMask());
        v.onObservation(WorldSeries.REL_HUMIDITY_PCT, t, world.value(WorldSeries.REL_HUMIDITY_PCT, t));
        v.revalue();
        assertEquals(1L << WX_SPOT | 1L << WX_SUM | 1L << ETF | 1L << FLY, v.changedMask());
        v.onObservation(WorldSeries.LHR_DEPARTURES_30M, t, world.value(WorldSeries.LHR_DEPARTURES_30M, t));
        v.revalue();
        assertEquals(1L << LHR_COUNT | 1L << LHR_INDEX | 1L << ETF | 1L << FLY, v.changedMask());
        v.revalue();
        assertEquals(0L, v.changedMask());
    }

    /**
     * TIDE_SWING's pair terms and WX_SUM's terms at read points are cached by their inputs, and
     * the tide's and the weather's grid forecasts are carried from reading to reading: a valuator
     * revalued after every reading (its realised pairs and read points served from the caches, its
     * forecasts carried through 100-odd updates) gives the values of one revalued only at the end
     * (every term computed afresh from a full re-forecast) to 1e-9 of their spread (the carried
     * forecast sums the same terms in another order).
     */
    @Test
    void shouldValueTideAndWeatherAlikeWhetherTermsAndForecastAreCarriedOrFresh() {
        final SyntheticWorld world = new SyntheticWorld(5);
        final SettlementValuator every = valuator(24 * 60, KalmanParams.defaults());
        final SettlementValuator once = valuator(24 * 60, KalmanParams.defaults());
        for (long t = T0 - 24 * 60 * MIN; t <= T0 + 17 * 60 * MIN; t += 15 * MIN) {
            feed(every, world, t);
            every.revalue();
            feed(once, world, t);
        }
        once.revalue();
        for (final int i : new int[] {TIDE_SPOT, TIDE_SWING, WX_SPOT, WX_SUM}) {
            assertTrue(every.isValid(i) && once.isValid(i), "instrument " + i);
            assertEquals(once.fairValue(i), every.fairValue(i), 1e-9 * once.fairStd(i), "instrument " + i);
            assertEquals(once.fairStd(i), every.fairStd(i), 1e-9 * once.fairStd(i), "instrument " + i);
            assertTrue(once.fairStd(i) > 0.0, "instrument " + i + " is still uncertain, so the comparison is not of settled values");
        }
    }

    private static void feed(final SettlementValuator v, final SyntheticWorld world, final long t) {
        for (int s = 0; s < WorldSeries.COUNT; s++) {
            if (s == WorldSeries.PM25_UGM3 && t % (60 * MIN) != 0 || s >= WorldSeries.LHR_ARRIVALS_30M && t % (30 * MIN) != 0) {
                continue;
            }
            v.onObservation(s, t, world.value(s, t));
        }
    }

    private static double sq(final double x) {
        return x * x;
    }

    @Test
    void shouldRollToTheNextSessionAndForgetReadings() {
        final SettlementValuator v = new SettlementValuator(REGISTRY, ValuationParams.defaults().withWindow(T0, T0 + 60 * MIN),
            TestRules.with("londonSessions", false, "sessionLengthNanos", 60 * MIN, "sessionAnchorNanos", T0), EXACT);
        v.onObservation(0, T0 + 60 * MIN, 2.0);
        v.revalue();
        assertEquals(2000.0, v.fairValue(TIDE_SPOT));
        assertEquals(0.0, v.fairStd(TIDE_SPOT), "the reading at the window end settles it");
        v.advanceTo(T0 + 150 * MIN);
        assertEquals(T0 + 180 * MIN, v.windowEnd());
        v.revalue();
        assertTrue(v.isValid(TIDE_SPOT));
        assertTrue(v.fairStd(TIDE_SPOT) > 0, "the next session's end is a forecast");
    }

    @Test
    void shouldRollToTheLondonSessionAcrossClockChanges() {
        final SettlementValuator v = new SettlementValuator(REGISTRY, ValuationParams.defaults(), SettlementRules.defaults(), EXACT);
        final long march28 = java.time.Instant.parse("2026-03-28T12:00:00Z").getEpochSecond() * 1_000_000_000L;
        final long march29 = java.time.Instant.parse("2026-03-29T11:00:00Z").getEpochSecond() * 1_000_000_000L;
        v.advanceTo(march29 - 60 * MIN);
        assertEquals(march28, v.windowStart());
        assertEquals(march29, v.windowEnd(), "session ending at 12:00 BST");
        for (int k = 0; k <= 92; k++) {
            v.onObservation(0, march28 + k * 15 * MIN, 1.0);
        }
        v.revalue();
        assertEquals(0.0, v.fairStd(TIDE_SWING), "all 93 readings of the 23 h session realised");
        assertEquals(92 * 20.0, v.fairValue(TIDE_SWING), 1e-9);
        v.advanceTo(march29 + 3 * MIN);
        assertEquals(march29 + 24 * 60 * MIN, v.windowEnd());
        for (int k = 1; k <= 96; k++) {
            v.onObservation(0, march29 + k * 15 * MIN, 1.0);
        }
        v.revalue();
        assertEquals(96 * 20.0, v.fairValue(TIDE_SWING), 1e-9, "the 12:00 reading of the old session opens the new one");
        assertEquals(0.0, v.fairStd(TIDE_SWING));
    }

    @Test
    void shouldSupportSumOfAbsAndBinEndTimestamps() {
        final SettlementValuator v = new SettlementValuator(REGISTRY, ValuationParams.defaults().withWindow(T0, T0 + 90 * MIN),
            TestRules.with("lhrTimestampIsBinEnd", true, "lhrIndexAbsOfSum", false), KalmanParams.defaults());
        final double[][] bins = {{20, 18}, {10, 22}, {0, 0}};
        for (int j = 0; j < 3; j++) {
            v.onObservation(4, T0 + (j + 1) * 30 * MIN, bins[j][0]);
            v.onObservation(5, T0 + (j + 1) * 30 * MIN, bins[j][1]);
        }
        v.revalue();
        assertEquals(100 * (2.0 / 38 + 12.0 / 32), v.fairValue(LHR_INDEX), 5e-7, "realised: rounded to settlementDecimals (6)");
        assertEquals(70.0, v.fairValue(LHR_COUNT), 1e-12);
        assertEquals(0.0, v.fairStd(LHR_COUNT));
    }

    @Test
    void shouldValidateParamsNamingKeyValueAndExpectation() {
        final IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
            () -> ValuationParams.defaults().withWindow(T0, T0 + 7 * MIN).checkAgainst(SettlementRules.defaults()));
        assertEquals("settlement.sampleInterval: 900000000000 ns must divide the valuation window (420000000000 ns)"
            + " and give at most 4096 slots", e.getMessage());
    }
}
