package io.skytrade.core.regime;

import io.skytrade.core.risk.TestEvents;
import io.skytrade.core.event.EngineEvent;
import io.skytrade.core.event.EventType;
import io.skytrade.core.registry.InstrumentRegistry;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RegimeHandlerTest {
    private static final InstrumentRegistry REGISTRY = InstrumentRegistry.of(List.of("A", "B"), List.of("s"));

    @Test
    void shouldWritePosteriorThatFavoursVolatileRegimeOnLargeMoves() {
        final RegimeHandler h = new RegimeHandler(REGISTRY, RegimeParams.defaults(), TestEvents.SIDE);
        final EngineEvent e = new EngineEvent();
        for (int i = 0; i < 20; i++) {
            book(e, 0, i, 0.006 * (i % 2 == 0 ? 1 : -1), 0.005);
            h.onEvent(e, i, true);
        }
        assertEquals(3, e.regimeCount);
        assertEquals(1.0, TestEvents.SIDE.regimePosterior(e, 0) + TestEvents.SIDE.regimePosterior(e, 1) + TestEvents.SIDE.regimePosterior(e, 2), 1e-12);
        assertTrue(TestEvents.SIDE.regimePosterior(e, 2) > 0.9, "volatile " + TestEvents.SIDE.regimePosterior(e, 2));
        book(e, 0, 21, Double.NaN, 0.005);
        h.onEvent(e, 21, true);
        assertEquals(0, e.regimeCount);
    }

    @Test
    void shouldBeDeterministicBitForBit() {
        assertEquals(run(), run());
    }

    private static long run() {
        final RegimeHandler h = new RegimeHandler(REGISTRY, RegimeParams.defaults(), TestEvents.SIDE);
        final EngineEvent e = new EngineEvent();
        final SplittableRandom rnd = new SplittableRandom(9);
        long out = 1;
        for (int i = 0; i < 3_000; i++) {
            book(e, rnd.nextInt(2), i, rnd.nextGaussian() * 0.001, rnd.nextDouble() * 0.003);
            h.onEvent(e, i, true);
            for (int j = 0; j < 3; j++) {
                out = 31 * out + Double.doubleToRawLongBits(TestEvents.SIDE.regimePosterior(e, j));
            }
        }
        return 31 * out + h.stateHash();
    }

    private static void book(final EngineEvent e, final int id, final long t, final double ret, final double vol) {
        e.clear();
        e.type = EventType.MARKET_BOOK;
        e.instrumentId = id;
        e.eventTimeNanos = t;
        e.bidLevels = 1;
        e.askLevels = 1;
        e.bidPrices[0] = 100;
        e.askPrices[0] = 101;
        e.midReturn = ret;
        e.realisedVol = vol;
    }
}
