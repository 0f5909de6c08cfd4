package io.skytrade.core.valuation;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MarketBlendTest {
    private static final long MINUTE = 60_000_000_000L;
    private static final long HOUR = 60 * MINUTE;

    private static ValuationParams params(final double shared) {
        final ValuationParams d = ValuationParams.defaults();
        return new ValuationParams(d.windowStartNanos(), d.windowEndNanos(), d.rollSessions(), d.sampleToleranceNanos(), true,
            2 * HOUR, 2.0, 5 * MINUTE, 2.0, shared, new double[0]);
    }

    @Test
    void shouldBlendEachProductWithItsOwnSharedErrorShare() {
        final ValuationParams d = params(0.8);
        final double[] shares = {0.5, 0.8, 0.8, 0.8, 0.8, 0.0, 0.8, 0.8, 0.8};
        final ValuationParams p = new ValuationParams(d.windowStartNanos(), d.windowEndNanos(), d.rollSessions(),
            d.sampleToleranceNanos(), true, 2 * HOUR, 2.0, 5 * MINUTE, 2.0, 0.8, shares);
        final MarketBlend b = new MarketBlend(new int[] {0, 5, -1}, p);
        final double[] expectedWeight = {850.0 / 900.0, 800.0 / 900.0, 880.0 / 900.0};
        for (int i = 0; i < 3; i++) {
            b.onMid(i, 0, 130, 100, 10);   // disagreement 30: B = 900 - (1 - s) x 100
            b.blend(i, 0, 100, 10);        // w = B / ((1 - s) x 100 + B)
            assertEquals(expectedWeight[i], b.nowcastWeight(), 1e-12, "instrument " + i);
            assertEquals(expectedWeight[i] * 100 + (1 - expectedWeight[i]) * 130, b.mean(), 1e-9, "instrument " + i);
        }
    }

    @Test
    void shouldRejectASharesListOfTheWrongLength() {
        final ValuationParams d = params(0.8);
        final IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
            () -> new ValuationParams(d.windowStartNanos(), d.windowEndNanos(), d.rollSessions(), d.sampleToleranceNanos(), true,
                2 * HOUR, 2.0, 5 * MINUTE, 2.0, 0.8, new double[] {0.5, 0.5}));
        assertEquals("valuation.sharedErrorShares: 2 values, expected 9 (one per settlement product) or none", e.getMessage());
    }

    @Test
    void shouldValueByTheNowcastAloneUntilTheMarketsNoiseIsLearned() {
        final MarketBlend b = new MarketBlend(2, params(0.5));
        b.blend(0, 0, 100, 10);
        assertEquals(100, b.mean());
        assertEquals(10, b.std());
        assertEquals(1.0, b.nowcastWeight());
        assertTrue(Double.isNaN(b.marketStd()));
        b.onMid(0, 0, 130, Double.NaN, Double.NaN);
        b.blend(0, 0, 100, 10);
        assertEquals(1.0, b.nowcastWeight(), "a mid seen before any nowcast teaches nothing about its noise");
    }

    @Test
    void shouldBlendAHandComputedCaseWithHalfTheNowcastsErrorShared() {
        final MarketBlend b = new MarketBlend(1, params(0.5));
        // nowcast 100 +- 10 (vn 100: shared 50, own 50), mid 130: (m - n)^2 = 900, the market's own noise B = 900 - 50 = 850
        b.onMid(0, 0, 130, 100, 10);
        b.blend(0, MINUTE, 100, 10);
        final double w = 850.0 / (50 + 850);
        assertEquals(w, b.nowcastWeight(), 1e-12);
        assertEquals(w * 100 + (1 - w) * 130, b.mean(), 1e-12);
        assertEquals(Math.sqrt(50 + 50 * 850.0 / 900), b.std(), 1e-12, "the shared half of the nowcast's variance stays");
        assertEquals(Math.sqrt(50 + 850), b.marketStd(), 1e-12);
        assertEquals(130, b.market(0));
    }

    @Test
    void shouldLearnTheMarketsNoiseAsAnEventTimeAverage() {
        final MarketBlend b = new MarketBlend(1, params(0.5));
        b.onMid(0, 0, 130, 100, 10);          // excess 850
        b.onMid(0, 2 * HOUR, 100, 100, 10);   // excess -50, one half-life later: 850 + 0.5 x (-50 - 850) = 400
        b.blend(0, 2 * HOUR, 100, 10);
        assertEquals(400.0 / 450, b.nowcastWeight(), 1e-12);
    }

    @Test
    void shouldReduceToPrecisionWeightingOfIndependentEstimatesWithNothingShared() {
        final MarketBlend b = new MarketBlend(1, params(0.0));
        // independent: B = 900 - 100 = 800; w = 800 / 900; variance 100 x 800 / 900, above vn / maxGain = 50
        b.onMid(0, 0, 130, 100, 10);
        b.blend(0, 0, 100, 10);
        assertEquals(800.0 / 900, b.nowcastWeight(), 1e-12);
        assertEquals(Math.sqrt(100 * 800.0 / 900), b.std(), 1e-12);
    }

    @Test
    void shouldClaimAtMostTheMaximumPrecisionGainAndFloorTheMarketsNoise() {
        final MarketBlend b = new MarketBlend(1, params(0.0));
        b.onMid(0, 0, 100, 100, 10);          // the market agrees exactly: B floors at minMarketStd^2 = 4
        b.blend(0, 0, 100, 10);
        assertEquals(4.0 / 104, b.nowcastWeight(), 1e-12);
        assertEquals(Math.sqrt(100 / 2.0), b.std(), 1e-12, "at most twice the nowcast's precision");
    }

    @Test
    void shouldIgnoreAStaleMidOrADisabledBlend() {
        final MarketBlend b = new MarketBlend(1, params(0.5));
        b.onMid(0, 0, 130, 100, 10);
        b.blend(0, 5 * MINUTE + 1, 100, 10);
        assertEquals(1.0, b.nowcastWeight(), "a mid older than maxMarketAge");
        assertEquals(100, b.mean());
        final MarketBlend off = new MarketBlend(1, params(0.5).withBlend(false));
        off.onMid(0, 0, 130, 100, 10);
        off.blend(0, 0, 100, 10);
        assertEquals(1.0, off.nowcastWeight());
        assertTrue(Double.isNaN(off.market(0)));
    }
}
