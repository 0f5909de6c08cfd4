package io.skytrade.core.event;

import org.junit.jupiter.api.Test;
import org.openjdk.jol.info.GraphLayout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The ring slot stays within 512 bytes: everything one {@link EngineEvent} holds (the object and
 * the arrays it owns, as JOL walks its object graph) on this JVM, so that variable-size outputs go
 * to {@link SideBuffers} rather than into the slot.
 */
class RingSlotSizeTest {
    @Test
    void shouldKeepTheRingSlotWithin512Bytes() {
        final GraphLayout slot = GraphLayout.parseInstance(new EngineEvent());
        assertTrue(slot.totalSize() <= 512, "a ring slot holds " + slot.totalSize() + " bytes, more than 512:\n" + slot.toFootprint());
        assertEquals(5, slot.totalCount(), "the slot and its four book-level arrays, nothing else:\n" + slot.toFootprint());
    }
}
