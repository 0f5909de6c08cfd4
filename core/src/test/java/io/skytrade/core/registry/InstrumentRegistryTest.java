package io.skytrade.core.registry;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InstrumentRegistryTest {
    @Test
    void shouldAssignIdsInDeclarationOrder() {
        final InstrumentRegistry r = new InstrumentRegistry.Builder().instrument("A").instrument("B").series("s").build();
        assertEquals(1, r.instrumentId("B"));
        assertEquals(-1, r.instrumentId("Z"));
        assertEquals(0, r.requireSeries("s"));
        assertEquals("A", r.instrumentName(0));
        assertEquals("#7", r.instrumentName(7));
        assertEquals(2, r.instrumentCount());
    }

    @Test
    void shouldRejectDuplicatesAndUnknownNames() {
        final IllegalArgumentException dup = assertThrows(IllegalArgumentException.class,
            () -> InstrumentRegistry.of(List.of("A", "A"), List.of()));
        assertTrue(dup.getMessage().contains("duplicate instrument name 'A'"));
        final InstrumentRegistry r = InstrumentRegistry.of(List.of("A"), List.of());
        final IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> r.requireInstrument("B"));
        assertTrue(unknown.getMessage().contains("unknown instrument 'B'"));
    }
}
