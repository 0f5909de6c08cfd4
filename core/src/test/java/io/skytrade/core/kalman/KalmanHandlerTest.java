package io.skytrade.core.kalman;

import io.skytrade.core.event.EngineEvent;
import io.skytrade.core.event.SideBuffers;
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
    void shouldFilterTheMidOfTwoSidedBooksOnly() {
        final SideBuffers side = new SideBuffers(1);
        final KalmanHandler h = new KalmanHandler(REGISTRY, KalmanParams.defaults(), side);
        final EngineEvent e = new EngineEvent();
        for (int i = 0; i < 10; i++) {
            book(e, i * MIN15, 100, 102);
            h.onEvent(e, i, true);
        }
        assertEquals(101.0, side.filteredMid(e), 1e-6);
        assertTrue(side.filteredMidStd(e) > 0 && side.filteredMidStd(e) < 2, "std " + side.filteredMidStd(e));
        final long before = h.stateHash();
        e.clear();
        e.type = EventType.OBSERVATION;
        e.instrumentId = 0;
        e.eventTimeNanos = 11 * MIN15;
        e.value = 10.0;
        h.onEvent(e, 11, true);
        assertTrue(Double.isNaN(side.filteredMid(e)), "observations are the valuation stage's");
        assertEquals(before, h.stateHash());
        book(e, 12 * MIN15, 100, 0);
        e.askLevels = 0;
        h.onEvent(e, 12, true);
        assertTrue(Double.isNaN(side.filteredMid(e)), "a one-sided book has no mid");
        book(e, 13 * MIN15, 10_000, 10_002);
        h.onEvent(e, 13, true);
        assertEquals(1, h.rejectedMids(0), "a jump far outside the filter's band is gated");
    }

    @Test
    void shouldGiveTheFilteredMidAndTheSquareRootOfItsVarianceBitForBit() {
        final SideBuffers side = new SideBuffers(1);
        final KalmanParams p = KalmanParams.defaults();
        final KalmanHandler h = new KalmanHandler(REGISTRY, p, side);
        final ScalarKalmanFilter f = new ScalarKalmanFilter(1, p.midProcessNoisePerHour(), p.gateSigmas(), p.maxConsecutiveRejects());
        final EngineEvent e = new EngineEvent();
        final SplittableRandom rnd = new SplittableRandom(11);
        for (int i = 0; i < 2_000; i++) {
            final long bid = 100 + rnd.nextInt(5);
            final long ask = bid + 1 + rnd.nextInt(3);
            book(e, i * MIN15 + rnd.nextInt(1_000_000), bid, ask);
            h.onEvent(e, i, true);
            final double half = 0.5 * (ask - bid);
            f.update(0, e.eventTimeNanos, 0.5 * (bid + ask), p.midMeasurementNoise() + half * half);
            if (!f.isStarted(0)) {
                assertTrue(Double.isNaN(side.filteredMidStd(e)), "a restarting filter writes no mid");
                continue;
            }
            assertEquals(Double.doubleToRawLongBits(f.estimate(0)), Double.doubleToRawLongBits(side.filteredMid(e)));
            assertEquals(Double.doubleToRawLongBits(Math.sqrt(f.variance(0))), Double.doubleToRawLongBits(side.filteredMidStd(e)));
        }
    }

    @Test
    void shouldBeDeterministicBitForBit() {
        assertEquals(run(), run());
    }

    private static long run() {
        final SideBuffers side = new SideBuffers(1);
        final KalmanHandler h = new KalmanHandler(REGISTRY, KalmanParams.defaults(), side);
        final EngineEvent e = new EngineEvent();
        final SplittableRandom rnd = new SplittableRandom(7);
        long out = 1;
        for (int i = 0; i < 1_000; i++) {
            final long bid = 100 + rnd.nextInt(5);
            book(e, i * MIN15, bid, bid + 1 + rnd.nextInt(3));
            h.onEvent(e, i, true);
            out = 31 * out + Double.doubleToRawLongBits(side.filteredMid(e)) + Double.doubleToRawLongBits(side.filteredMidStd(e));
        }
        return 31 * out + h.stateHash();
    }

    private static void book(final EngineEvent e, final long t, final long bid, final long ask) {
        e.clear();
        e.type = EventType.MARKET_BOOK;
        e.instrumentId = 0;
        e.eventTimeNanos = t;
        e.bidLevels = 1;
        e.askLevels = 1;
        e.bidPrices[0] = bid;
        e.bidQtys[0] = 1;
        e.askPrices[0] = ask;
        e.askQtys[0] = 1;
    }
}
