package io.skytrade.core.valuation;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MarketBlendTest {
    private static final long MINUTE = 60_000_000_000L;
    private static final long HOUR = 60 * MINUTE;

    private static final long SESSION = 24 * HOUR;

    /** The configured share as it is (no learning). */
    private static ValuationParams params(final double shared) {
        final ValuationParams d = ValuationParams.defaults();
        return new ValuationParams(d.windowStartNanos(), d.windowEndNanos(), d.rollSessions(), d.sampleToleranceNanos(), true,
            2 * HOUR, 2.0, 5 * MINUTE, 2.0, shared, new double[0], false, 2 * HOUR, 16.0);
    }

    /** The share learned with a lag of one hour and a prior of 16 samples at {@code shared}. */
    private static ValuationParams learning(final double shared) {
        final ValuationParams d = ValuationParams.defaults();
        return new ValuationParams(d.windowStartNanos(), d.windowEndNanos(), d.rollSessions(), d.sampleToleranceNanos(), true,
            2 * HOUR, 2.0, 5 * MINUTE, 2.0, shared, new double[0], true, HOUR, 16.0);
    }

    @Test
    void shouldBlendEachProductWithItsOwnSharedErrorShare() {
        final ValuationParams d = params(0.8);
        final double[] shares = {0.5, 0.8, 0.8, 0.8, 0.8, 0.0, 0.8, 0.8, 0.8};
        final ValuationParams p = new ValuationParams(d.windowStartNanos(), d.windowEndNanos(), d.rollSessions(),
            d.sampleToleranceNanos(), true, 2 * HOUR, 2.0, 5 * MINUTE, 2.0, 0.8, shares, false, 2 * HOUR, 16.0);
        final MarketBlend b = new MarketBlend(new int[] {0, 5, -1}, p);
        final double[] expectedWeight = {850.0 / 900.0, 800.0 / 900.0, 880.0 / 900.0};
        for (int i = 0; i < 3; i++) {
            b.onMid(i, 0, 130, 100, 10, SESSION);   // disagreement 30: B = 900 - (1 - s) x 100
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
                2 * HOUR, 2.0, 5 * MINUTE, 2.0, 0.8, new double[] {0.5, 0.5}, false, 2 * HOUR, 16.0));
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
        b.onMid(0, 0, 130, Double.NaN, Double.NaN, SESSION);
        b.blend(0, 0, 100, 10);
        assertEquals(1.0, b.nowcastWeight(), "a mid seen before any nowcast teaches nothing about its noise");
    }

    @Test
    void shouldBlendAHandComputedCaseWithHalfTheNowcastsErrorShared() {
        final MarketBlend b = new MarketBlend(1, params(0.5));
        // nowcast 100 +- 10 (vn 100: shared 50, own 50), mid 130: (m - n)^2 = 900, the market's own noise B = 900 - 50 = 850
        b.onMid(0, 0, 130, 100, 10, SESSION);
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
        b.onMid(0, 0, 130, 100, 10, SESSION);          // excess 850
        b.onMid(0, 2 * HOUR, 100, 100, 10, SESSION);   // excess -50, one half-life later: 850 + 0.5 x (-50 - 850) = 400
        b.blend(0, 2 * HOUR, 100, 10);
        assertEquals(400.0 / 450, b.nowcastWeight(), 1e-12);
    }

    @Test
    void shouldReduceToPrecisionWeightingOfIndependentEstimatesWithNothingShared() {
        final MarketBlend b = new MarketBlend(1, params(0.0));
        // independent: B = 900 - 100 = 800; w = 800 / 900; variance 100 x 800 / 900, above vn / maxGain = 50
        b.onMid(0, 0, 130, 100, 10, SESSION);
        b.blend(0, 0, 100, 10);
        assertEquals(800.0 / 900, b.nowcastWeight(), 1e-12);
        assertEquals(Math.sqrt(100 * 800.0 / 900), b.std(), 1e-12);
    }

    @Test
    void shouldClaimAtMostTheMaximumPrecisionGainAndFloorTheMarketsNoise() {
        final MarketBlend b = new MarketBlend(1, params(0.0));
        b.onMid(0, 0, 100, 100, 10, SESSION);          // the market agrees exactly: B floors at minMarketStd^2 = 4
        b.blend(0, 0, 100, 10);
        assertEquals(4.0 / 104, b.nowcastWeight(), 1e-12);
        assertEquals(Math.sqrt(100 / 2.0), b.std(), 1e-12, "at most twice the nowcast's precision");
    }

    @Test
    void shouldIgnoreAStaleMidOrADisabledBlend() {
        final MarketBlend b = new MarketBlend(1, params(0.5));
        b.onMid(0, 0, 130, 100, 10, SESSION);
        b.blend(0, 5 * MINUTE + 1, 100, 10);
        assertEquals(1.0, b.nowcastWeight(), "a mid older than maxMarketAge");
        assertEquals(100, b.mean());
        final MarketBlend off = new MarketBlend(1, params(0.5).withBlend(false));
        off.onMid(0, 0, 130, 100, 10, SESSION);
        off.blend(0, 0, 100, 10);
        assertEquals(1.0, off.nowcastWeight());
        assertTrue(Double.isNaN(off.market(0)));
    }

    @Test
    void shouldKeepTheConfiguredShareUntilASampleMatures() {
        final MarketBlend b = new MarketBlend(1, learning(0.95));
        b.onMid(0, 0, 130, 100, 10, SESSION);
        b.onMid(0, HOUR - 1, 130, 100, 10, SESSION);
        assertEquals(0.95, b.sharedShare(0), 1e-15);
    }

    @Test
    void shouldNeverLeanOnTheMarketMoreThanTheConfiguredShareSays() {
        final MarketBlend b = new MarketBlend(1, learning(0.8));
        b.onMid(0, 0, 110, 100, 10, SESSION);      // sample: n 100, m 110, vn 100
        b.onMid(0, HOUR, 110, 110, 10, SESSION);   // an hour later the nowcast says 110: (100 - 110)(100 - 110) / 100 = 1
        assertEquals(0.8, b.sharedShare(0), 1e-15, "(16 x 0.2 + 1) / 17 = 0.247 is capped at the prior's 0.2");
    }

    @Test
    void shouldLearnFromAHandComputedRevisionAgainstTheMarket() {
        final MarketBlend b = new MarketBlend(1, learning(0.8));
        b.onMid(0, 0, 110, 100, 10, SESSION);      // sample: n 100, m 110, vn 100
        b.onMid(0, HOUR, 110, 95, 10, SESSION);    // the nowcast moved away from the market: (100 - 95)(100 - 110) / 100 = -0.5
        assertEquals(1.0 - (16 * 0.2 - 0.5) / (16 + 1), b.sharedShare(0), 1e-12);
    }

    @Test
    void shouldLearnThatAMarketWhoseNoiseTheNowcastNeverFollowsAddsNothing() {
        final MarketBlend b = new MarketBlend(1, learning(0.95));
        double own = 0.05;
        double sum = 0;
        double count = 0;
        for (int k = 0; k <= 40; k++) {
            final double m = k % 2 == 0 ? 110 : 90;  // the market's own noise; the nowcast stays at 100
            b.onMid(0, k * 15 * MINUTE, m, 100, 10, SESSION);
            if (k >= 4) {
                sum = (1 - 1.0 / 384) * sum;       // a matured sample whose revision is 0 adds 0
                count = (1 - 1.0 / 384) * count + 1;
                own = (16 * 0.05 + sum) / (16 + count);
            }
        }
        assertEquals(1.0 - own, b.sharedShare(0), 1e-12);
        assertTrue(b.sharedShare(0) > 0.98, "shared share " + b.sharedShare(0));
        b.onMid(0, 41 * 15 * MINUTE, 130, 100, 10, SESSION);
        b.blend(0, 41 * 15 * MINUTE, 100, 10);
        assertTrue(b.nowcastWeight() > 0.99, "the blend leans on the nowcast: " + b.nowcastWeight());
    }

    @Test
    void shouldReadASampleOnlyAgainstANowcastOfTheSameSettlement() {
        final MarketBlend b = new MarketBlend(1, learning(0.95));
        b.onMid(0, 0, 110, 100, 10, SESSION);
        b.onMid(0, HOUR, 110, 110, 10, 2 * SESSION);   // the window rolled: another settlement's nowcast
        assertEquals(0.95, b.sharedShare(0), 1e-15);
    }

    @Test
    void shouldRejectALearningLagOutsideTheRing() {
        final ValuationParams d = ValuationParams.defaults();
        final IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
            () -> new ValuationParams(d.windowStartNanos(), d.windowEndNanos(), d.rollSessions(), d.sampleToleranceNanos(), true,
                2 * HOUR, 2.0, 5 * MINUTE, 2.0, 0.8, new double[0], true, 7 * HOUR, 16.0));
        assertEquals("valuation.shareLearningLag: 25200000000000 ns must be in [900000000000, 21600000000000] (15m .. 6h)",
            e.getMessage());
    }

    @Test
    void shouldBlendBitForBitWhetherTheLastIntervalsWeightIsKeptOrComputedAgain() {
        for (final ValuationParams p : new ValuationParams[] {params(0.5), learning(0.5)}) {
            // a keeps the weight between products with the same interval; b's product 3 takes an interval of its own
            // before every other product's mid, so b computes every weight afresh
            final MarketBlend a = new MarketBlend(4, p);
            final MarketBlend b = new MarketBlend(4, p);
            final java.util.SplittableRandom random = new java.util.SplittableRandom(3);
            final long[] next = new long[3];
            long other = 0;
            for (int n = 0; n < 30_000; n++) {
                final int i = random.nextInt(3);
                // mostly the market's fixed 15 s, sometimes another interval, sometimes none
                final int kind = random.nextInt(10);
                next[i] += kind < 7 ? 15_000_000_000L : kind < 9 ? random.nextLong(1, 3 * MINUTE) : 0;
                final long t = next[i];
                final double mid = 100 + 10 * random.nextGaussian();
                final double nowcast = 100 + 5 * random.nextGaussian();
                final double std = 1 + random.nextDouble() * 9;
                a.onMid(i, t, mid, nowcast, std, SESSION);
                other += 1 + 2 * random.nextInt(1_000);
                b.onMid(3, other, 100, 100, 1, SESSION);
                b.onMid(i, t, mid, nowcast, std, SESSION);
                a.blend(i, t, nowcast, std);
                b.blend(i, t, nowcast, std);
                assertEquals(Double.doubleToRawLongBits(a.mean()), Double.doubleToRawLongBits(b.mean()), "mid " + n);
                assertEquals(Double.doubleToRawLongBits(a.std()), Double.doubleToRawLongBits(b.std()), "mid " + n);
                assertEquals(Double.doubleToRawLongBits(a.marketStd()), Double.doubleToRawLongBits(b.marketStd()), "mid " + n);
                assertEquals(Double.doubleToRawLongBits(a.sharedShare(i)), Double.doubleToRawLongBits(b.sharedShare(i)), "mid " + n);
            }
        }
    }
}
