package io.skytrade.core.valuation;

import io.skytrade.core.kalman.KalmanParams;
import io.skytrade.core.settlement.SettlementRules;
import io.skytrade.core.world.WorldSeries;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * AQ_SPOT's nowcast with a pollution spike under way (the settlement is PM2.5 at the window's end
 * x 100): a spike seen rising is forecast to rise on, one seen falling to fade as its shape says,
 * and without one the forecast stays at the smooth level.
 */
class SpikeTrackerTest {
    private static final long HOUR = 60 * SettlementValuatorTest.MIN;
    private static final long T0 = SettlementValuatorTest.T0;
    private static final long END = T0 + 24 * HOUR;
    private static final double BASE = 8.5;
    private static final double HEIGHT = 40.0;
    private static final double WIDTH_HOURS = 1.5;

    /** AQ_SPOT's fair value 2 h before the end, after hourly readings from two days before: a smooth level plus one spike centred at {@code centre}. */
    private static double aqTwoHoursBefore(final long centre) {
        final SettlementValuator v = new SettlementValuator(SettlementValuatorTest.REGISTRY,
            ValuationParams.defaults().withWindow(T0, END), SettlementRules.defaults(), KalmanParams.defaults());
        for (long t = T0 - 24 * HOUR; t <= END - 2 * HOUR; t += HOUR) {
            final double spike = centre == Long.MIN_VALUE ? 0.0 : spikeAt(t, centre);
            final double wiggle = 0.3 * Math.sin(t / (double) HOUR);
            v.advanceTo(t);
            v.onObservation(WorldSeries.PM25_UGM3, t, Math.round((BASE + wiggle + spike) * 10.0) / 10.0);
        }
        v.revalue();
        assertTrue(v.isValid(SettlementValuatorTest.AQ_SPOT));
        return v.fairValue(SettlementValuatorTest.AQ_SPOT);
    }

    private static double spikeAt(final long t, final long centre) {
        final double hours = (t - centre) / (double) HOUR;
        return HEIGHT * Math.exp(-0.5 * hours * hours / (WIDTH_HOURS * WIDTH_HOURS));
    }

    @Test
    void shouldForecastARisingSpikeToRiseOn() {
        final double lastReadingSpike = spikeAt(END - 2 * HOUR, END);
        final double fair = aqTwoHoursBefore(END);
        assertTrue(fair > 100 * (BASE + lastReadingSpike), "rising: peak at the settlement, last reading "
            + 100 * (BASE + lastReadingSpike) + ", fair " + fair);
    }

    @Test
    void shouldForecastAFallingSpikeToFade() {
        final long centre = END - 4 * HOUR;
        final double lastReadingSpike = spikeAt(END - 2 * HOUR, centre);
        final double fair = aqTwoHoursBefore(centre);
        assertTrue(fair < 100 * (BASE + 0.5 * lastReadingSpike), "falling: peak 4 h before, last reading "
            + 100 * (BASE + lastReadingSpike) + ", fair " + fair);
        assertTrue(fair > 100 * (BASE - 1.0), "fair " + fair);
    }

    @Test
    void shouldStayNearTheSmoothLevelWithoutASpike() {
        final double fair = aqTwoHoursBefore(Long.MIN_VALUE);
        assertTrue(fair > 100 * (BASE - 1.0) && fair < 100 * (BASE + 2.0), "no spike: fair " + fair);
    }
}
