package io.skytrade.core.signal;

import io.skytrade.core.risk.TestEvents;
import io.skytrade.core.event.EngineEvent;
import io.skytrade.core.event.SideBuffers;
import io.skytrade.core.event.EventType;
import io.skytrade.core.registry.InstrumentRegistry;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SignalHandlerTest {
    private static final InstrumentRegistry REGISTRY = InstrumentRegistry.of(List.of("A", "B"), List.of("s"));

    @Test
    void shouldSignalBuyWhenFairIsAboveMid() {
        final SignalHandler h = new SignalHandler(REGISTRY, SignalParams.defaults(), TestEvents.SIDE);
        h.publishSignals();
        final EngineEvent e = new EngineEvent();
        fair(TestEvents.SIDE, e, 1, 1_000, 1100, 20);
        h.onEvent(e, 0, true);
        assertEquals(0, e.signalledInstruments, "no book yet");
        book(e, 1, 2_000, 999, 1001);
        h.onEvent(e, 1, true);
        assertEquals(1L << 1, e.signalledInstruments);
        assertTrue(TestEvents.SIDE.signal(e, 1) > 0.5);
        fair(TestEvents.SIDE, e, 1, 3_000, 900, 20);
        h.onEvent(e, 2, true);
        assertTrue(TestEvents.SIDE.signal(e, 1) < -0.5);
    }

    @Test
    void shouldBeDeterministicBitForBit() {
        assertEquals(run(true), run(true));
    }

    @Test
    void shouldComputeNoSignalWithoutAReaderAndKeepTheSameState() {
        final SignalHandler h = new SignalHandler(REGISTRY, SignalParams.defaults(), TestEvents.SIDE);
        final EngineEvent e = new EngineEvent();
        fair(TestEvents.SIDE, e, 1, 1_000, 1100, 20);
        h.onEvent(e, 0, true);
        book(e, 1, 2_000, 999, 1001);
        h.onEvent(e, 1, true);
        assertEquals(0, e.signalledInstruments, "nobody reads the signal: none computed");
        assertEquals(0.0, h.mispricing(1));
        assertEquals(stateHash(true), stateHash(false), "the state the signal is computed from is kept either way");
    }

    private static long stateHash(final boolean publish) {
        final SideBuffers side = new SideBuffers(1);
        final SignalHandler h = new SignalHandler(REGISTRY, SignalParams.defaults(), side);
        if (publish) {
            h.publishSignals();
        }
        drive(h, side, new SplittableRandom(11));
        return h.stateHash();
    }

    private static long run(final boolean publish) {
        final SideBuffers side = new SideBuffers(1);
        final SignalHandler h = new SignalHandler(REGISTRY, SignalParams.defaults(), side);
        if (publish) {
            h.publishSignals();
        }
        return 31 * drive(h, side, new SplittableRandom(11)) + h.stateHash();
    }

    /** 2,000 random fair values and books; returns a hash of the signals written. */
    private static long drive(final SignalHandler h, final SideBuffers side, final SplittableRandom rnd) {
        final EngineEvent e = new EngineEvent();
        long out = 1;
        for (int i = 0; i < 2_000; i++) {
            final long t = i * 1_000_000_000L;
            if (rnd.nextBoolean()) {
                fair(side, e, rnd.nextInt(2), t, 1000 + 50 * rnd.nextGaussian(), 10 + rnd.nextDouble() * 20);
            } else {
                final long bid = 990 + rnd.nextInt(20);
                book(e, rnd.nextInt(2), t, bid, bid + 1 + rnd.nextInt(4));
                e.featureMomentum = rnd.nextGaussian();
            }
            h.onEvent(e, i, true);
            out = 31 * out + e.signalledInstruments + Double.doubleToRawLongBits(side.signal(e, 0)) + Double.doubleToRawLongBits(side.signal(e, 1));
        }
        return out;
    }

    static void fair(final SideBuffers side, final EngineEvent e, final int id, final long t, final double fair, final double std) {
        e.clear();
        e.type = EventType.OBSERVATION;
        e.instrumentId = 0;
        e.eventTimeNanos = t;
        e.value = 1.0;
        side.setValuation(e, id, fair, std, fair, std, Double.NaN, Double.NaN, 1.0);
    }

    static void book(final EngineEvent e, final int id, final long t, final long bid, final long ask) {
        e.clear();
        e.type = EventType.MARKET_BOOK;
        e.instrumentId = id;
        e.eventTimeNanos = t;
        e.bidLevels = 1;
        e.askLevels = 1;
        e.bidPrices[0] = bid;
        e.bidQtys[0] = 3;
        e.askPrices[0] = ask;
        e.askQtys[0] = 3;
    }
}
