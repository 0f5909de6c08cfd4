package io.skytrade.exchange.fill;

import io.skytrade.core.event.EngineEvent;
import io.skytrade.core.event.EventType;
import io.skytrade.core.event.Side;
import io.skytrade.core.time.ManualEpochNanoClock;
import io.skytrade.exchange.testing.RecordingPublisher;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

/**
 * The fill model's mirror of the recorded market: after every recorded book, whatever trades and
 * settlements came before it, the matching engine rests exactly the recorded quantity at each
 * recorded level and nothing else (the per-level totals it keeps incrementally never drift).
 */
class BacktestFillModelMirrorPropertyTest {
    private static final long T0 = 1_772_193_600_000_000_000L;

    @Test
    void shouldRestExactlyTheRecordedBookAfterEveryUpdate() {
        qt().withExamples(60).forAll(longs().between(1, Long.MAX_VALUE)).checkAssert(seed -> {
            final ManualEpochNanoClock clock = new ManualEpochNanoClock(T0);
            final BacktestFillModel model = new BacktestFillModel(FillModelConfig.builder().instrumentCount(1)
                .cancelsAheadOfUs(new SplittableRandom(seed).nextBoolean()).build(), clock, new RecordingPublisher());
            final SplittableRandom random = new SplittableRandom(seed);
            final EngineEvent e = new EngineEvent();
            long mid = 1000;
            for (int step = 0; step < 300; step++) {
                final long t = T0 + step * 1_000_000L;
                clock.set(t);
                model.advanceTo(t);
                final int roll = random.nextInt(10);
                if (roll < 3) {
                    e.clear();
                    e.type = EventType.MARKET_TRADE;
                    e.eventTimeNanos = t;
                    e.aggressorSide = random.nextBoolean() ? Side.BUY : Side.SELL;
                    e.tradePriceTicks = e.aggressorSide == Side.BUY ? mid + 1 + random.nextInt(3) : mid - 1 - random.nextInt(3);
                    e.tradeQty = 1 + random.nextInt(40);
                    model.onMarketEvent(e);
                } else if (roll == 3 && random.nextInt(10) == 0) {
                    model.settle(0, mid);
                } else {
                    mid += random.nextInt(7) - 3;
                    book(e, t, mid, random);
                    model.onMarketEvent(e);
                    assertMirrors(model, e);
                }
            }
        });
    }

    private static void book(final EngineEvent e, final long t, final long mid, final SplittableRandom random) {
        e.clear();
        e.type = EventType.MARKET_BOOK;
        e.eventTimeNanos = t;
        e.bidLevels = 1 + random.nextInt(EngineEvent.BOOK_DEPTH);
        e.askLevels = 1 + random.nextInt(EngineEvent.BOOK_DEPTH);
        for (int l = 0; l < e.bidLevels; l++) {
            e.bidPrices[l] = mid - 1 - l;
            e.bidQtys[l] = 1 + random.nextInt(30);
        }
        for (int l = 0; l < e.askLevels; l++) {
            e.askPrices[l] = mid + 1 + l;
            e.askQtys[l] = 1 + random.nextInt(30);
        }
    }

    private static void assertMirrors(final BacktestFillModel engine, final EngineEvent e) {
        long bidTotal = 0;
        for (int l = 0; l < e.bidLevels; l++) {
            assertEquals(e.bidQtys[l], engine.quantityAt(0, Side.BUY, e.bidPrices[l]), "bid level " + e.bidPrices[l]);
            bidTotal += e.bidQtys[l];
        }
        long askTotal = 0;
        for (int l = 0; l < e.askLevels; l++) {
            assertEquals(e.askQtys[l], engine.quantityAt(0, Side.SELL, e.askPrices[l]), "ask level " + e.askPrices[l]);
            askTotal += e.askQtys[l];
        }
        assertEquals(e.bidPrices[0], engine.bestBid(0), "best bid");
        assertEquals(e.askPrices[0], engine.bestAsk(0), "best ask");
        long restingBids = 0;
        long restingAsks = 0;
        for (long p = e.bidPrices[0] - 200; p <= e.askPrices[0] + 200; p++) {
            restingBids += engine.quantityAt(0, Side.BUY, p);
            restingAsks += engine.quantityAt(0, Side.SELL, p);
        }
        assertEquals(bidTotal, restingBids, "no stale bid liquidity");
        assertEquals(askTotal, restingAsks, "no stale ask liquidity");
    }
}
