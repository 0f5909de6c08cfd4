package io.skytrade.core.position;

import io.skytrade.core.event.Side;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

class PositionTrackerTest {
    private final PositionTracker tracker = new PositionTracker();

    @Test
    void shouldAverageEntriesAndRealiseOnReduction() {
        tracker.onFill(0, Side.BUY, 10, 100, 1.0);
        tracker.onFill(0, Side.BUY, 10, 110, 1.0);
        assertEquals(20, tracker.position(0));
        assertEquals(105.0, tracker.averagePrice(0), 1e-9);
        tracker.onFill(0, Side.SELL, 5, 120, 0.5);
        assertEquals(15, tracker.position(0));
        assertEquals(75.0, tracker.realisedPnl(0), 1e-9);
        assertEquals(2.5, tracker.fees(0), 1e-9);
        assertEquals(105.0, tracker.averagePrice(0), 1e-9);
    }

    @Test
    void shouldFlipAndRestartAverageAtFillPrice() {
        tracker.onFill(1, Side.BUY, 4, 50, 0);
        tracker.onFill(1, Side.SELL, 10, 60, 0);
        assertEquals(-6, tracker.position(1));
        assertEquals(40.0, tracker.realisedPnl(1), 1e-9);
        assertEquals(60.0, tracker.averagePrice(1), 1e-9);
        tracker.onMark(1, 55);
        assertEquals(30.0, tracker.unrealisedPnl(1), 1e-9);
        assertEquals(70.0, tracker.equity(), 1e-9);
    }

    @Test
    void shouldRealiseAndFlattenAtSettlement() {
        tracker.onFill(2, Side.SELL, 8, 3000, 2.0);
        tracker.onMark(2, 2990);
        tracker.onSettlement(2, 2950.5);
        assertEquals(0, tracker.position(2));
        assertEquals(8 * 49.5, tracker.realisedPnl(2), 1e-9);
        assertEquals(0.0, tracker.unrealisedPnl(2), 1e-9);
        assertEquals(8 * 49.5 - 2.0, tracker.equity(), 1e-9);
        tracker.onSettlement(2, Double.NaN);
        tracker.onSettlement(-1, 100);
        tracker.onFill(2, Side.BUY, 3, 100, 0);
        assertEquals(3, tracker.position(2), "trades again in the next session");
        assertEquals(100.0, tracker.averagePrice(2), 1e-9);
    }

    @Test
    void shouldIgnoreInvalidFills() {
        tracker.onFill(-1, Side.BUY, 4, 50, 0);
        tracker.onFill(2, Side.NONE, 4, 50, 0);
        tracker.onFill(2, Side.BUY, 0, 50, 0);
        assertEquals(0, tracker.fillCount());
    }

    @Test
    void shouldKeepPositionEqualToSumOfFillsAndEquityEqualToCashPlusMark() {
        qt().withExamples(300).forAll(lists().of(integers().between(0, Integer.MAX_VALUE)).ofSizeBetween(1, 80))
            .checkAssert(ops -> {
                final PositionTracker p = new PositionTracker();
                final long[] sum = new long[3];
                final double[] cash = new double[3];
                double fees = 0;
                for (final int x : ops) {
                    final int instrument = x % 3;
                    final int side = (x >>> 2) % 2 == 0 ? Side.BUY : Side.SELL;
                    final long qty = ((x >>> 3) % 30) + 1;
                    final long price = ((x >>> 8) % 200) + 1;
                    final double fee = ((x >>> 16) % 4) * 0.25;
                    p.onFill(instrument, side, qty, price, fee);
                    sum[instrument] += Side.sign(side) * qty;
                    cash[instrument] -= Side.sign(side) * qty * (double) price;
                    fees += fee;
                }
                double expectedEquity = -fees;
                for (int i = 0; i < 3; i++) {
                    assertEquals(sum[i], p.position(i));
                    p.onMark(i, 100.0);
                    expectedEquity += cash[i] + sum[i] * 100.0;
                }
                assertEquals(expectedEquity, p.equity(), 1e-6 * Math.max(1, Math.abs(expectedEquity)));
            });
    }
}
