package io.skytrade.core.strategy;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

class OrderBookImbalanceTest {

    @Test
    void shouldStayWithinMinusOneAndOne() {
        qt().withExamples(500)
            .forAll(lists().of(longs().between(-10, 1_000_000)).ofSize(10), integers().between(1, 5), doubles().between(0.01, 1))
            .checkAssert((q, levels, decay) -> {
                final long[] bids = toArray(q.subList(0, 5));
                final long[] asks = toArray(q.subList(5, 10));
                final double i = OrderBookImbalance.compute(bids, 5, asks, 5, levels, decay);
                assertTrue(i >= -1 && i <= 1, "imbalance " + i);
            });
    }

    @Test
    void shouldWeightLevelsByDecay() {
        final long[] bids = {10, 10, 0, 0, 0};
        final long[] asks = {10, 40, 0, 0, 0};
        assertEquals((15 - 30) / 45.0, OrderBookImbalance.compute(bids, 2, asks, 2, 3, 0.5), 1e-12);
        assertEquals(0.0, OrderBookImbalance.compute(bids, 2, asks, 2, 1, 0.5), 1e-12);
        assertEquals(1.0, OrderBookImbalance.compute(bids, 2, asks, 0, 3, 0.5), 1e-12);
        assertEquals(0.0, OrderBookImbalance.compute(bids, 0, asks, 0, 3, 0.5), 1e-12);
    }

    private static long[] toArray(final List<Long> xs) {
        final long[] a = new long[xs.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = xs.get(i);
        }
        return a;
    }
}
