package io.skytrade.core.strategy;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.longs;

class QuoteModelTest {
    private final QuoteModel model = new QuoteModel(StrategyParams.defaults());

    @Test
    void shouldWidenWithTheFairValuesUncertaintyAndTheMarketsVolatility() {
        assertEquals(2.0, model.halfSpread(1, 0, 1), 1e-12, "never below the minimum");
        assertEquals(0.3 * 100, model.halfSpread(100, 0, 1), 1e-12);
        assertEquals(0.3 * 100 + 10, model.halfSpread(100, 10, 1), 1e-12);
        assertEquals(2 * (0.3 * 100 + 10), model.halfSpread(100, 10, 2), 1e-12, "a regime's spread scale");
    }

    @Test
    void shouldSkewTheReservationPriceAgainstTheInventory() {
        assertEquals(1000.0, model.reservation(1000, 0, 50, 10), 1e-12);
        assertEquals(995.0, model.reservation(1000, 25, 50, 10), 1e-12, "half full, long: half a half-spread lower");
        assertEquals(1010.0, model.reservation(1000, -80, 50, 10), 1e-12, "beyond the limit counts as full");
        assertEquals(990.0, model.reservation(1000, 3, 0, 10), 1e-12, "no limit: any position is full");
    }

    @Test
    void shouldPriceInsideEveryoneElsesTouchByAtMostOneTickAndNeverCross() {
        assertEquals(991, model.bidPrice(1000, 6, 1000, 990, 1010), "one tick better than the best bid");
        assertEquals(1009, model.askPrice(1000, 6, 1000, 990, 1010));
        assertEquals(901, model.bidPrice(1000, 6, 1000, 900, 1100), "a wide book: top of it, buying as cheaply as it allows");
        assertEquals(1099, model.askPrice(1000, 6, 1000, 900, 1100));
        assertEquals(994, model.bidPrice(1000, 6, 1000, 995, 1005), "a narrow book: reservation less the half-spread");
        assertEquals(1006, model.askPrice(1000, 6, 1000, 995, 1005));
        assertEquals(979, model.bidPrice(1000, 6, 1000, 978, 980), "never crosses the far touch");
        assertEquals(999, model.bidPrice(1010, 6, 1000, 1000, 1100), "never above fair value less the edge");
    }

    @Test
    void shouldShrinkTheSideThatAddsToThePositionAndNeverPassTheLimit() {
        assertEquals(5, model.quoteSize(1, 0, 50, 5));
        assertEquals(3, model.quoteSize(1, 20, 50, 5));
        assertEquals(7, model.quoteSize(-1, 20, 50, 5));
        assertEquals(0, model.quoteSize(1, 50, 50, 5), "full: no more buying");
        assertEquals(1, model.quoteSize(1, 3, 4, 20), "never beyond the limit");
        assertEquals(3, model.quoteSize(-1, 3, 0, 5), "no limit: only reduce");
        assertEquals(0, model.quoteSize(1, 3, 0, 5));
    }

    @Test
    void shouldKeepBidsBelowAsksAndBothOnTheirSideOfFairValue() {
        qt().withExamples(2_000)
            .forAll(doubles().between(10, 10_000), doubles().between(0, 500), longs().between(-100, 100),
                longs().between(0, 100))
            .checkAssert((fair, std, position, limit) -> {
                final long spreadTicks = limit % 21;
                final double half = model.halfSpread(std, 0, 1);
                final double r = model.reservation(fair, position, limit, half);
                final long bestBid = Math.round(fair) - spreadTicks;
                final long bestAsk = Math.round(fair) + spreadTicks + 1;
                final long bid = model.bidPrice(r, half, fair, bestBid, bestAsk);
                final long ask = model.askPrice(r, half, fair, bestBid, bestAsk);
                if (bid > 0 && ask > 0) {
                    assertTrue(bid < ask, bid + " vs " + ask);
                }
                if (bid > 0) {
                    assertTrue(bid < fair && bid < bestAsk, "bid " + bid);
                    assertTrue(model.keepsEdge(1, bid, fair));
                }
                if (ask > 0) {
                    assertTrue(ask > fair && ask > bestBid, "ask " + ask);
                    assertFalse(model.keepsEdge(-1, ask - 10_000, fair));
                }
            });
    }
}
