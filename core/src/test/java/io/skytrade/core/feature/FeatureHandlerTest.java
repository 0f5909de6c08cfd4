package io.skytrade.core.feature;

import io.skytrade.core.event.EngineEvent;
import io.skytrade.core.event.EventType;
import io.skytrade.core.event.Side;
import io.skytrade.core.registry.InstrumentRegistry;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FeatureHandlerTest {
    private static final InstrumentRegistry REGISTRY = InstrumentRegistry.of(List.of("A", "B"), List.of("s0", "s1"));

    @Test
    void shouldFlagNonFiniteObservationAndKeepState() {
        final FeatureHandler h = new FeatureHandler(REGISTRY, FeatureParams.defaults());
        final EngineEvent e = new EngineEvent();
        observation(e, 0, 1_000, 3.0);
        h.onEvent(e, 0, true);
        final long before = h.stateHash();
        observation(e, 0, 2_000, Double.NaN);
        h.onEvent(e, 1, true);
        assertTrue((e.flags & EngineEvent.FLAG_INPUT_REJECTED) != 0);
        assertEquals(before, h.stateHash());
        observation(e, 7, 3_000, 1.0);
        h.onEvent(e, 2, true);
        assertTrue((e.flags & EngineEvent.FLAG_INPUT_REJECTED) != 0, "unknown series id");
    }

    @Test
    void shouldWriteMidReturnAndVolatilityForBooks() {
        final FeatureHandler h = new FeatureHandler(REGISTRY, FeatureParams.defaults());
        final EngineEvent e = new EngineEvent();
        book(e, 1, 1_000, 99, 101);
        h.onEvent(e, 0, true);
        assertEquals(100.0, e.mid);
        assertEquals(0.0, e.midReturn);
        book(e, 1, 2_000, 109, 111);
        h.onEvent(e, 1, true);
        assertEquals(110.0, e.mid);
        assertEquals(0.1, e.midReturn, 1e-12);
        assertTrue(e.realisedVol > 0);
        assertFalse((e.flags & EngineEvent.FLAG_INPUT_REJECTED) != 0);
    }

    @Test
    void shouldWriteTheBooksMomentumOnlyForAReaderAndHashTheSameEitherWay() {
        final FeatureHandler quiet = new FeatureHandler(REGISTRY, FeatureParams.defaults());
        final FeatureHandler asked = new FeatureHandler(REGISTRY, FeatureParams.defaults());
        asked.publishMomentum();
        final EngineEvent e = new EngineEvent();
        for (int i = 0; i < 5; i++) {
            book(e, 1, 1_000L * (i + 1), 99 + 3 * i, 101 + 3 * i);
            quiet.onEvent(e, i, true);
            assertTrue(Double.isNaN(e.featureMomentum), "nobody reads the momentum: none computed");
            book(e, 1, 1_000L * (i + 1), 99 + 3 * i, 101 + 3 * i);
            asked.onEvent(e, i, true);
            assertTrue(i == 0 ? e.featureMomentum == 0.0 : e.featureMomentum > 0.0, "rising mids: " + e.featureMomentum);
        }
        assertEquals(asked.stateHash(), quiet.stateHash());
    }

    @Test
    void shouldBeDeterministicBitForBit() {
        assertEquals(run(), run());
    }

    private static long run() {
        final FeatureHandler h = new FeatureHandler(REGISTRY, FeatureParams.defaults());
        h.publishMomentum();
        final EngineEvent e = new EngineEvent();
        final SplittableRandom rnd = new SplittableRandom(42);
        long out = 17;
        for (int i = 0; i < 2_000; i++) {
            final long t = i * 1_000_000_000L;
            switch (rnd.nextInt(3)) {
                case 0 -> observation(e, rnd.nextInt(2), t, rnd.nextGaussian());
                case 1 -> {
                    final long bid = 100 + rnd.nextInt(10);
                    book(e, rnd.nextInt(2), t, bid, bid + 1 + rnd.nextInt(3));
                }
                default -> {
                    e.clear();
                    e.type = EventType.MARKET_TRADE;
                    e.instrumentId = rnd.nextInt(2);
                    e.eventTimeNanos = t;
                    e.tradeQty = 1 + rnd.nextInt(5);
                    e.aggressorSide = rnd.nextBoolean() ? Side.BUY : Side.SELL;
                }
            }
            h.onEvent(e, i, true);
            out = 31 * out + Double.doubleToRawLongBits(e.featureMomentum);
            out = 31 * out + Double.doubleToRawLongBits(e.realisedVol);
        }
        return 31 * out + h.stateHash();
    }

    static void observation(final EngineEvent e, final int series, final long t, final double v) {
        e.clear();
        e.type = EventType.OBSERVATION;
        e.instrumentId = series;
        e.eventTimeNanos = t;
        e.value = v;
    }

    static void book(final EngineEvent e, final int instrument, final long t, final long bid, final long ask) {
        e.clear();
        e.type = EventType.MARKET_BOOK;
        e.instrumentId = instrument;
        e.eventTimeNanos = t;
        e.bidLevels = 1;
        e.askLevels = 1;
        e.bidPrices[0] = bid;
        e.bidQtys[0] = 5;
        e.askPrices[0] = ask;
        e.askQtys[0] = 5;
    }
}
