package io.skytrade.engine.backtest.report;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DownsampledSeriesTest {
    @Test
    void shouldKeepEverySampleWhileThereIsRoom() {
        final DownsampledSeries s = new DownsampledSeries(1, 8, 10, DownsampledSeries.Merge.LAST);
        for (int i = 0; i < 8; i++) {
            s.add(100 + i * 10L, i);
        }
        assertEquals(8, s.size());
        assertEquals(170, s.time(7));
        assertEquals(7.0, s.value(7, 0));
    }

    @Test
    void shouldMergeSamplesOfOneBucketKeepingTheLatest() {
        final DownsampledSeries s = new DownsampledSeries(2, 8, 100, DownsampledSeries.Merge.LAST);
        s.add(1000, new double[] {1, 10});
        s.add(1050, new double[] {2, 20});
        s.add(1100, new double[] {3, 30});
        assertEquals(2, s.size());
        assertEquals(1050, s.time(0));
        assertEquals(2.0, s.value(0, 0));
        assertEquals(20.0, s.value(0, 1));
        assertEquals(3.0, s.value(1, 0));
    }

    @Test
    void shouldStayWithinCapacityOverALongRunSpreadOverItsWholeSpan() {
        final int capacity = 100;
        final DownsampledSeries s = new DownsampledSeries(1, capacity, 1, DownsampledSeries.Merge.LAST);
        final long n = 1_000_000;
        for (long i = 0; i < n; i++) {
            s.add(i * 1000, i);
            assertTrue(s.size() <= capacity);
        }
        assertTrue(s.size() >= capacity / 2, "size " + s.size());
        assertEquals((n - 1) * 1000, s.time(s.size() - 1), "the last sample is kept");
        assertEquals(n - 1, s.value(s.size() - 1, 0));
        for (int r = 1; r < s.size(); r++) {
            assertTrue(s.time(r) > s.time(r - 1));
            assertEquals(s.time(r) / 1000.0, s.value(r, 0), "LAST keeps each bucket's own latest value");
        }
        final double gap = (double) s.time(s.size() - 1) / s.size();
        assertTrue(s.time(0) < 2 * gap, "the first row is near the start: " + s.time(0));
    }

    @Test
    void shouldPreserveTotalsWhenSumming() {
        final DownsampledSeries s = new DownsampledSeries(2, 16, 1, DownsampledSeries.Merge.SUM);
        double qty = 0;
        for (int i = 0; i < 10_000; i++) {
            s.add(i * 7L, new double[] {i * 2.0, 1});
            qty++;
        }
        double summed = 0;
        double weighted = 0;
        for (int r = 0; r < s.size(); r++) {
            summed += s.value(r, 1);
            weighted += s.value(r, 0);
        }
        assertEquals(qty, summed);
        assertEquals(2.0 * 9_999 * 10_000 / 2, weighted);
    }

    @Test
    void shouldRefuseTimeGoingBackwardsAndWrongWidths() {
        final DownsampledSeries s = new DownsampledSeries(2, 4, 1, DownsampledSeries.Merge.LAST);
        s.add(10, new double[] {1, 2});
        assertThrows(IllegalArgumentException.class, () -> s.add(9, new double[] {1, 2}));
        assertThrows(IllegalArgumentException.class, () -> s.add(11, 1.0));
        assertThrows(IllegalArgumentException.class, () -> s.add(11, new double[] {1}));
        assertThrows(IllegalArgumentException.class, () -> new DownsampledSeries(1, 1, 1, DownsampledSeries.Merge.LAST));
    }
}
