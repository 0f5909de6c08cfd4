package io.skytrade.core.strategy;

import io.skytrade.core.event.Side;
import io.skytrade.core.sizing.PositionSizer;
import io.skytrade.core.sizing.SizerParams;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.longs;

class AdaptiveStrategyTest {

    @Test
    void shouldBlendThresholdsByRegimePosterior() {
        final AdaptiveStrategy s = new AdaptiveStrategy(StrategyParams.defaults());
        s.blend(new double[] {0.5, 0.0, 0.5}, 0, 3);
        assertEquals(0.45, s.threshold(), 1e-12);
        assertEquals(0.45, s.aggressiveness(), 1e-12);
        s.blend(new double[] {0, 0, 0}, 0, 0);
        assertEquals(0.3, s.threshold(), 1e-12);
        s.blend(new double[] {0.2, 0.2, 0.2, 0.4}, 0, 4);
        assertEquals((0.3 + 0.4 + 0.6) / 3, s.threshold(), 1e-12, "unknown fourth regime ignored, rest renormalised");
    }

    @Test
    void shouldEnterAboveThresholdHoldBetweenAndExitBelow() {
        final AdaptiveStrategy s = new AdaptiveStrategy(StrategyParams.defaults());
        final PositionSizer sizer = new PositionSizer(SizerParams.defaults());
        s.blend(new double[] {1, 0, 0}, 0, 3);
        assertEquals(10, s.desiredPosition(sizer, 0.5, 500, 250, 3));
        assertEquals(3, s.desiredPosition(sizer, 0.2, 500, 250, 3));
        assertEquals(0, s.desiredPosition(sizer, 0.05, 500, 250, 3));
        assertEquals(0, s.desiredPosition(sizer, Double.NaN, 500, 250, 3));
    }

    @Test
    void shouldNeverPayBeyondFairMinusEdgeNorCrossWhenPassive() {
        final AdaptiveStrategy s = new AdaptiveStrategy(StrategyParams.defaults());
        qt().withExamples(2_000)
            .forAll(doubles().between(0, 20_000), doubles().between(-1, 1), doubles().between(-1, 1), longs().between(1, 20_000))
            .checkAssert((fair, signal, imbalance, bid) -> {
                s.blend(new double[] {0.2, 0.5, 0.3}, 0, 3);
                final long ask = bid + 1 + (bid % 5);
                final long buy = s.limitPrice(Side.BUY, fair, signal, imbalance, bid, ask);
                if (buy != 0) {
                    assertTrue(buy >= 1 && buy <= Math.floor(fair) - 2, "buy " + buy + " fair " + fair);
                    assertTrue(buy <= ask);
                }
                final long sell = s.limitPrice(Side.SELL, fair, signal, imbalance, bid, ask);
                assertTrue(sell == 0 || sell >= Math.ceil(fair) + 2, "sell " + sell + " fair " + fair);
                assertTrue(sell == 0 || sell >= bid);
            });
    }

    @Test
    void shouldTiltPassivePriceWithImbalance() {
        final AdaptiveStrategy s = new AdaptiveStrategy(StrategyParams.defaults());
        s.blend(new double[] {1, 0, 0}, 0, 3);
        assertEquals(1001, s.limitPrice(Side.BUY, 1100, 0.1, 0.8, 1000, 1005), "bid-heavy book: improve the bid");
        assertEquals(999, s.limitPrice(Side.BUY, 1100, 0.1, -0.8, 1000, 1005), "ask-heavy book: back off");
        assertEquals(1004, s.limitPrice(Side.SELL, 900, -0.1, -0.8, 1000, 1005));
        assertEquals(1005, s.limitPrice(Side.BUY, 1100, 1.0, 0.5, 1000, 1005), "conviction plus pressure crosses");
        assertEquals(1001, s.limitPrice(Side.BUY, 1100, 1.0, 0.5, 1000, 1001), "one-tick spread: crosses at the ask");
        assertEquals(0, s.limitPrice(Side.NONE, 1100, 1.0, 0.5, 1000, 1005));
    }

    @Test
    void shouldCompareParamsByValueAndValidateNamingKey() {
        assertEquals(StrategyParams.defaults(), StrategyParams.defaults());
        assertEquals(StrategyParams.defaults().hashCode(), StrategyParams.defaults().hashCode());
        final IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
            () -> new StrategyParams(new double[] {0.05}, new double[] {0.5}, 0.1, 3, 0.5, 0.3, 0.6, 1, 2, 3, 0.5, 0, 0, 1));
        assertEquals("strategy.entryThresholds[0]: 0.05 must be in [exitThreshold (0.1), 1]", e.getMessage());
    }
}
