package io.skytrade.core.valuation;

import io.skytrade.core.kalman.KalmanParams;
import io.skytrade.core.kalman.SeriesNoise;
import io.skytrade.core.registry.InstrumentRegistry;
import io.skytrade.core.settlement.SettlementRules;
import io.skytrade.core.settlement.TestRules;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
    static final int LHR_COUNT = 4;
    static final int LHR_INDEX = 5;
    static final int AQ_SPOT = 6;
    static final int ETF = 7;
    static final int FLY = 8;

    /**
     * The plain local-linear-trend model as the defaults were before the tide got harmonics:
     * thames_level_m noise (0.01, 1.0, 1e-4, 1.0, 0.5, 4.0) and no harmonics on any series. The
     * forecast test below exercises that path with a deliberately stale state (12 h behind the
     * readings), whose numbers were derived for those parameters; the harmonic path has its own tests.
     */
    static final KalmanParams LLT = KalmanParams.defaults().withHarmonics(Map.of())
        .withSeriesNoise("thames_level_m", new SeriesNoise(0.01, 1.0, 1e-4, 1.0, 0.5, 4.0));

    private static SettlementValuator valuator(final long minutes) {
        return valuator(minutes, KalmanParams.defaults());
    }

    private static SettlementValuator valuator(final long minutes, final KalmanParams kalman) {
        return new SettlementValuator(REGISTRY, ValuationParams.defaults().withWindow(T0, T0 + minutes * MIN),
            SettlementRules.defaults(), kalman);
    }

    @Test
    void shouldSettleTideWorkedExamplesFromRealisedReadings() {
        final SettlementValuator v = valuator(60);
        final double[] readings = {1.809, 1.510, 1.241, 0.954, 0.698};
        for (int i = 0; i < readings.length; i++) {
            v.onObservation(0, T0 + i * 15 * MIN, readings[i]);
        }
        v.revalue();
        assertEquals(11.1, v.fairValue(TIDE_SWING), 1e-9);
        assertEquals(0.0, v.fairStd(TIDE_SWING));
        assertEquals(698.0, v.fairValue(TIDE_SPOT), 1e-9);
        v.onObservation(0, T0 + 60 * MIN + 30_000_000_000L, 2.605);
        v.revalue();
        assertEquals(2605.0, v.fairValue(TIDE_SPOT), 1e-9);
    }

    @Test
    void shouldSettleWxSpotLhrIndexEtfAndFlyFromRealisedReadings() {
        final SettlementValuator v = valuator(90);
        v.onObservation(1, T0 + 90 * MIN, 9.6);
        v.onObservation(2, T0 + 90 * MIN, 69);
        final double[][] bins = {{20, 18}, {10, 22}, {0, 0}};
        for (int j = 0; j < 3; j++) {
            v.onObservation(4, T0 + j * 30 * MIN, bins[j][0]);
            v.onObservation(5, T0 + j * 30 * MIN, bins[j][1]);
        }
        v.onObservation(0, T0 + 90 * MIN, 2.605);
        v.onObservation(3, T0 + 90 * MIN, 7.5);
        v.revalue();
        assertEquals(3400.32, v.fairValue(WX_SPOT), 1e-9);
        assertEquals(32.2, v.fairValue(LHR_INDEX), 0.05);
        assertEquals(0.0, v.fairStd(LHR_INDEX));
        assertEquals(70.0, v.fairValue(LHR_COUNT), 1e-12);
        assertEquals(750.0, v.fairValue(AQ_SPOT), 1e-9);
        final double etf = 2605 + 3400.32 + 70;
        assertEquals(etf, v.fairValue(ETF), 1e-9);
        assertEquals(0.0, v.fairStd(ETF));
        assertEquals(v.flyPayoff().value(etf), v.fairValue(FLY), 1e-9);
        assertFalse(v.isValid(1), "TIDE_SWING has no tide state and missing readings");
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
    }

    @Test
    void shouldForecastUnobservedPartAndShrinkUncertaintyAsReadingsArrive() {
        final SettlementValuator v = valuator(24 * 60, LLT);
        v.onSeriesState(0, T0, 1.0, 0.1, 0.01, 0.0, 0.01);
        v.onSeriesState(1, T0, 10.0, 0.0, 0.1, 0.0, 0.01);
        v.onSeriesState(2, T0, 70.0, 0.0, 1.0, 0.0, 0.01);
        v.onSeriesState(4, T0, 40.0, 0.0, 4.0, 0.0, 0.01);
        v.onSeriesState(5, T0, 40.0, 0.0, 4.0, 0.0, 0.01);
        v.revalue();
        for (int i = 0; i < 8; i++) {
            if (i != AQ_SPOT) {
                assertTrue(v.isValid(i), "instrument " + i);
                assertTrue(v.fairStd(i) > 0, "instrument " + i);
            }
        }
        assertTrue(v.fairValue(TIDE_SPOT) >= 1000 * (1.0 + 0.1 * 0.5) - 1e-9, "E|X| >= |E X| with a damped trend");
        assertTrue(v.fairStd(TIDE_SPOT) <= 1000 * Math.sqrt(4.0 + 1e-4) + 1e-9, "variance capped");
        assertEquals(48 * 80.0, v.fairValue(LHR_COUNT), 1e-6);
        assertEquals(v.fairValue(TIDE_SPOT) + v.fairValue(WX_SPOT) + v.fairValue(LHR_COUNT), v.fairValue(ETF), 1e-9);
        final double swingStd = v.fairStd(TIDE_SWING);
        for (int k = 0; k <= 48; k++) {
            v.onObservation(0, T0 + k * 15 * MIN, 1.0 + 0.1 * k / 4.0);
        }
        v.revalue();
        assertTrue(v.fairStd(TIDE_SWING) < swingStd);
        assertTrue(v.isValid(FLY));
    }

    @Test
    void shouldRollToTheNextSessionAndForgetReadings() {
        final SettlementValuator v = new SettlementValuator(REGISTRY, ValuationParams.defaults().withWindow(T0, T0 + 60 * MIN),
            TestRules.with("londonSessions", false, "sessionLengthNanos", 60 * MIN, "sessionAnchorNanos", T0), KalmanParams.defaults());
        v.onObservation(0, T0 + 60 * MIN, 2.0);
        v.revalue();
        assertTrue(v.isValid(TIDE_SPOT));
        v.advanceTo(T0 + 150 * MIN);
        assertEquals(T0 + 180 * MIN, v.windowEnd());
        v.revalue();
        assertFalse(v.isValid(TIDE_SPOT));
    }

    @Test
    void shouldRollToTheLondonSessionAcrossClockChanges() {
        final SettlementValuator v = new SettlementValuator(REGISTRY, ValuationParams.defaults(), SettlementRules.defaults(),
            KalmanParams.defaults());
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
