package io.skytrade.core.sizing;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

class PositionSizerTest {

    @Test
    void shouldNeverExceedTargetCapAndRoundToLots() {
        qt().withExamples(1_000)
            .forAll(doubles().any(), doubles().any(), doubles().any(), integers().between(1, 7))
            .checkAssert((signal, edge, std, lot) -> {
                final SizerParams p = new SizerParams(5000, 0.5, 1e6, 100, 10, lot, 1.0);
                final long q = new PositionSizer(p).targetPosition(signal, edge, std);
                assertTrue(Math.abs(q) <= 100, "target " + q);
                assertEquals(0, q % lot);
                if (!(signal > 0) && !(signal < 0)) {
                    assertEquals(0, q);
                }
            });
    }

    @Test
    void shouldNeverExceedOrderOrPositionCaps() {
        qt().withExamples(1_000)
            .forAll(longs().between(-1_000, 1_000), longs().between(-100, 100), integers().between(1, 7), integers().between(1, 25))
            .checkAssert((desired, position, lot, maxOrder) -> {
                final SizerParams p = new SizerParams(5000, 0.5, 1e6, 100, Math.max(lot, maxOrder), lot, 1.0);
                final PositionSizer s = new PositionSizer(p);
                final long q = s.orderQuantity(desired, position);
                assertTrue(Math.abs(q) <= p.maxOrderQty(), "order " + q);
                assertEquals(0, q % lot);
                assertTrue(Math.abs(position + q) <= 100, "position " + (position + q));
                if (q != 0) {
                    assertTrue(Long.signum(q) == Long.signum(Math.max(-100, Math.min(100, desired)) - position));
                }
            });
    }

    @Test
    void shouldCapVolatilityTargetByFractionalKelly() {
        final PositionSizer s = new PositionSizer(new SizerParams(1000, 0.25, 100_000, 100, 10, 1, 1.0));
        assertEquals(10, s.targetPosition(1.0, 1000, 100));
        assertEquals(5, s.targetPosition(1.0, 2, 100), "Kelly: 0.25 x 100000 x 2 / 100^2");
        assertEquals(-5, s.targetPosition(-0.5, -1000, 100));
        assertEquals(0, s.targetPosition(1.0, -50, 100), "edge against the signal");
    }

    @Test
    void shouldValidateParamsNamingKey() {
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> new SizerParams(1000, 1.5, 1e6, 100, 10, 1, 1));
        assertEquals("sizer.kellyFraction: 1.5 must be in (0, 1]", e.getMessage());
    }
}
