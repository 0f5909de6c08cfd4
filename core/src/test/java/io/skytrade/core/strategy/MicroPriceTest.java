package io.skytrade.core.strategy;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

class MicroPriceTest {
    @Test
    void shouldBeTheSizeWeightedMidLeaningAwayFromTheHeavierSide() {
        assertEquals(0.0, MicroPrice.offset(100, 5, 110, 5), 1e-12, "balanced: the mid");
        assertEquals(3.0, MicroPrice.offset(100, 8, 110, 2), 1e-12, "(100 x 2 + 110 x 8) / 10 = 108 = mid + 3");
        assertEquals(-4.0, MicroPrice.offset(100, 1, 110, 9), 1e-12);
        assertEquals(0.0, MicroPrice.offset(100, 0, 110, 9), 1e-12, "one-sided: no offset");
        assertEquals(0.0, MicroPrice.offset(110, 3, 110, 3), 1e-12, "locked: no offset");
    }

    @Test
    void shouldStayInsideTheSpread() {
        qt().withExamples(1_000).forAll(longs().between(1, 10_000), longs().between(1, 500), longs().between(1, 100),
            longs().between(1, 100)).checkAssert((bid, spread, bidQty, askQty) -> {
                final double offset = MicroPrice.offset(bid, bidQty, bid + spread, askQty);
                assertTrue(Math.abs(offset) < spread / 2.0 + 1e-9, "offset " + offset);
            });
    }
}
