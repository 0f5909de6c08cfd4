package io.skytrade.core.valuation;

import io.skytrade.core.event.EngineEvent;
import io.skytrade.core.event.SideBuffers;
import io.skytrade.core.event.EventType;
import io.skytrade.core.kalman.KalmanParams;
import io.skytrade.core.settlement.SettlementRules;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ValuationHandlerTest {
    /** One entry: the tests' events keep sequence 0, and the last valuation of each product stays readable. */
    private static final SideBuffers SIDE = new SideBuffers(1);
    private static final long MIN = SettlementValuatorTest.MIN;
    private static final long T0 = SettlementValuatorTest.T0;

    @Test
    void shouldFlagNonFiniteObservationAndLeaveStateAlone() {
        final ValuationHandler h = new ValuationHandler(SettlementValuatorTest.REGISTRY,
            ValuationParams.defaults().withWindow(T0, T0 + 60 * MIN), SettlementRules.defaults(), KalmanParams.defaults(), SIDE);
        final EngineEvent e = new EngineEvent();
        final long before = h.stateHash();
        obs(e, 0, T0, Double.NaN);
        h.onEvent(e, 0, true);
        assertTrue((e.flags & EngineEvent.FLAG_INPUT_REJECTED) != 0);
        assertEquals(0, e.touchedInstruments);
        assertEquals(before, h.stateHash());
    }

    @Test
    void shouldValueEveryProductThroughKalmanAndBeDeterministic() {
        final long a = run();
        assertEquals(a, run());
    }

    private static long run() {
        final ValuationHandler h = new ValuationHandler(SettlementValuatorTest.REGISTRY,
            ValuationParams.defaults().withWindow(T0, T0 + 24 * 60 * MIN), SettlementRules.defaults(), KalmanParams.defaults(), SIDE);
        final EngineEvent e = new EngineEvent();
        final SplittableRandom rnd = new SplittableRandom(3);
        final double[] base = {1.5, 10, 70, 8, 40, 40};
        long out = 1;
        long seq = 0;
        for (int slot = 0; slot < 40; slot++) {
            for (int s = 0; s < 6; s++) {
                final long t = T0 + slot * 15 * MIN;
                if (s >= 4 && slot % 2 == 1) {
                    continue;
                }
                obs(e, s, t, base[s] + rnd.nextGaussian() * 0.1 * base[s]);
                h.onEvent(e, seq++, true);
                assertTrue(slot == 0 || e.isTouched(7) == (s != 3), "ETF revalued with its legs, series " + s);
                for (int i = 0; i < 9; i++) {
                    if (e.isTouched(i)) {
                        out = 31 * out + Double.doubleToRawLongBits(SIDE.fairValue(e, i)) + Double.doubleToRawLongBits(SIDE.fairStd(e, i));
                    }
                }
            }
        }
        assertEquals(1L << 6, e.touchedInstruments, "a PM2.5 reading revalues AQ_SPOT only");
        for (int i = 0; i < 9; i++) {
            assertTrue(Double.isFinite(SIDE.fairValue(e, i)) && SIDE.fairValue(e, i) >= 0, "instrument " + i + " = " + SIDE.fairValue(e, i));
        }
        e.clear();
        e.type = EventType.TIMER;
        e.eventTimeNanos = T0 + 12 * 60 * MIN;
        h.onEvent(e, seq++, true);
        assertEquals(0, e.touchedInstruments, "valuations do not change with time alone");
        e.clear();
        e.type = EventType.TIMER;
        e.eventTimeNanos = T0 + 25 * 60 * MIN;
        h.onEvent(e, seq, true);
        assertEquals((1L << 9) - 1, e.touchedInstruments, "the session rolled: every product revalued from forecasts");
        return 31 * out + h.stateHash();
    }

    @Test
    void shouldForecastTheTideAlongItsHarmonicsAndWriteTheDataSurprise() {
        // A noiseless tide of M2, S2 and M4 only: after 16 days of 15-minute readings (M2 and S2 are
        // told apart over their 14.8-day beat, whatever the priors) the tide model's harmonics carry
        // it, and TIDE_SPOT (abs level x 1000 at the window end, 20 h after the last reading) is its
        // exact value within a few millimetres; a straight-line forecast was off by metres.
        final long end = T0 + 24 * 60 * MIN;
        final ValuationHandler h = new ValuationHandler(SettlementValuatorTest.REGISTRY,
            ValuationParams.defaults().withWindow(T0, end), SettlementRules.defaults(), KalmanParams.defaults(), SIDE);
        final EngineEvent e = new EngineEvent();
        long seq = 0;
        final long last = T0 + 4 * 60 * MIN;
        for (long t = last - 16 * 24 * 60 * MIN; t <= last; t += 15 * MIN) {
            obs(e, 0, t, tide(t));
            h.onEvent(e, seq++, true);
        }
        assertTrue(e.isTouched(SettlementValuatorTest.TIDE_SPOT));
        assertEquals(Math.abs(tide(end)) * 1000.0, SIDE.fairValue(e, SettlementValuatorTest.TIDE_SPOT), 5.0);
        assertTrue(Math.abs(SIDE.innovationZ(e)) < 1.0, "a reading on the fitted tide is no surprise: z " + SIDE.innovationZ(e));
        obs(e, 0, last + 15 * MIN, tide(last + 15 * MIN) + 0.5);
        h.onEvent(e, seq, true);
        assertTrue(SIDE.innovationZ(e) > 5.0 || Double.isNaN(SIDE.innovationZ(e)), "half a metre off the tide is: z " + SIDE.innovationZ(e));
    }

    private static double tide(final long t) {
        final double m2 = 2 * Math.PI * Math.floorMod(t, 44_712L * 1_000_000_000L) / (44_712.0 * 1e9);
        final double s2 = 2 * Math.PI * Math.floorMod(t, 12 * 60 * MIN) / (12.0 * 60 * MIN);
        return 0.5 + 2.4 * Math.cos(m2 + 1.0) + 0.6 * Math.cos(s2 + 0.3) + 0.2 * Math.cos(2 * m2 + 0.7);
    }

    @Test
    void shouldValueTheSessionOfItsClockWhenStartedBeforeTheConfiguredWindow() {
        final SettlementRules rules = SettlementRules.defaults();
        final long started = java.time.Instant.parse("2026-01-10T09:00:00Z").getEpochSecond() * 1_000_000_000L;
        final long noon = java.time.Instant.parse("2026-01-10T12:00:00Z").getEpochSecond() * 1_000_000_000L;
        final ValuationParams defaults = ValuationParams.defaults();
        assertTrue(defaults.windowStartNanos() > noon, "the configured first window lies weeks after the start");
        final SettlementValuator v = new SettlementValuator(SettlementValuatorTest.REGISTRY, defaults, rules, KalmanParams.defaults());
        v.alignTo(0);
        assertEquals(defaults.windowEndNanos(), v.windowEnd(), "a clock that is not set moves nothing");
        v.alignTo(started);
        assertEquals(noon, v.windowEnd(), "the session containing the clock");
        v.alignTo(started + 60 * MIN);
        assertEquals(noon, v.windowEnd());
        v.advanceTo(noon + 5 * MIN);
        assertEquals(noon + 24 * 60 * MIN, v.windowEnd(), "then rolls forward as before");

        final ValuationHandler h = new ValuationHandler(SettlementValuatorTest.REGISTRY, defaults, rules, KalmanParams.defaults(), SIDE);
        final EngineEvent e = new EngineEvent();
        for (int k = 0; k < 4; k++) {
            obs(e, 0, noon - (4 - k) * 15 * MIN, 2.0 + 0.1 * k);
            e.receiveTimeNanos = started + 5 * MIN;
            h.onEvent(e, k, true);
        }
        assertTrue(e.isTouched(SettlementValuatorTest.TIDE_SPOT));
        assertTrue(SIDE.fairStd(e, SettlementValuatorTest.TIDE_SPOT) < 100, "the noon reading is 15 minutes after the last one, "
            + "not seven weeks: " + SIDE.fairValue(e, SettlementValuatorTest.TIDE_SPOT) + " +- " + SIDE.fairStd(e, SettlementValuatorTest.TIDE_SPOT));
    }

    static void obs(final EngineEvent e, final int series, final long t, final double v) {
        e.clear();
        e.type = EventType.OBSERVATION;
        e.instrumentId = series;
        e.eventTimeNanos = t;
        e.value = v;
    }
}
