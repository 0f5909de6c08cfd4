package io.skytrade.core.kalman;

import io.skytrade.core.event.EngineEvent;
import io.skytrade.core.event.EventType;
import io.skytrade.core.registry.InstrumentRegistry;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KalmanHandlerTest {
    private static final InstrumentRegistry REGISTRY = InstrumentRegistry.of(List.of("A"), List.of("air_temp_c"));
    private static final long MIN15 = 900_000_000_000L;

    @Test
    void shouldWritePosteriorAndSurpriseForObservations() {
        final KalmanHandler h = new KalmanHandler(REGISTRY, KalmanParams.defaults());
        final EngineEvent e = new EngineEvent();
        for (int i = 0; i < 10; i++) {
            obs(e, i * MIN15, 10.0);
            h.onEvent(e, i, true);
        }
        assertEquals(10.0, e.seriesLevel, 1e-6);
        assertEquals(0.0, e.innovationZ, 1e-6);
        assertTrue(e.seriesVarLevel > 0);
        obs(e, 10 * MIN15, Double.POSITIVE_INFINITY);
        h.onEvent(e, 10, true);
        assertTrue((e.flags & EngineEvent.FLAG_INPUT_REJECTED) != 0);
        assertTrue(Double.isNaN(e.seriesLevel));
        obs(e, 11 * MIN15, 99.0);
        h.onEvent(e, 11, true);
        assertTrue(Double.isNaN(e.innovationZ));
        assertEquals(1, h.rejectedReadings(0));
        final long before = h.stateHash();
        obs(e, 12 * MIN15, 10.0);
        e.quality = EngineEvent.QUALITY_STALE;
        h.onEvent(e, 12, true);
        assertEquals(before, h.stateHash(), "a stale (cached) reading is not counted again");
        obs(e, 13 * MIN15, 10.0);
        h.onEvent(e, 13, true);
        obs(e, 12 * MIN15, 10.0);
        h.onEvent(e, 14, true);
        assertTrue(Double.isNaN(e.seriesLevel), "a late reading writes no misdated posterior");
    }

    @Test
    void shouldBeDeterministicBitForBit() {
        assertEquals(run(), run());
    }

    private static long run() {
        final KalmanHandler h = new KalmanHandler(REGISTRY, KalmanParams.defaults());
        final EngineEvent e = new EngineEvent();
        final SplittableRandom rnd = new SplittableRandom(7);
        long out = 1;
        for (int i = 0; i < 1_000; i++) {
            if (rnd.nextBoolean()) {
                obs(e, i * MIN15, 10 + rnd.nextGaussian());
            } else {
                e.clear();
                e.type = EventType.MARKET_BOOK;
                e.eventTimeNanos = i * MIN15;
                e.bidLevels = 1;
                e.askLevels = 1;
                e.bidPrices[0] = 100 + rnd.nextInt(5);
                e.askPrices[0] = e.bidPrices[0] + 1 + rnd.nextInt(3);
            }
            h.onEvent(e, i, true);
            out = 31 * out + Double.doubleToRawLongBits(e.seriesLevel) + Double.doubleToRawLongBits(e.innovationZ)
                + Double.doubleToRawLongBits(e.filteredMid);
        }
        return 31 * out + h.stateHash();
    }

    private static void obs(final EngineEvent e, final long t, final double v) {
        e.clear();
        e.type = EventType.OBSERVATION;
        e.instrumentId = 0;
        e.eventTimeNanos = t;
        e.value = v;
    }
}
