package io.skytrade.core.time;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IntervalCadenceTest {
    @Test
    void shouldBeDueOnceAtTheFirstMarkThenOncePerIntervalWhileMarked() {
        final IntervalCadence c = new IntervalCadence(2, 1_000);
        assertFalse(c.takeDue(0, 0), "nothing marked: not due");
        c.mark(0);
        assertTrue(c.pending(0));
        assertEquals(Long.MIN_VALUE, c.nextAt(0));
        assertTrue(c.takeDue(0, 5), "the first mark is due at once");
        assertFalse(c.pending(0));
        assertEquals(1_005, c.nextAt(0));
        c.mark(0);
        assertFalse(c.takeDue(0, 1_004), "before the interval has passed");
        assertTrue(c.pending(0), "a turn not taken keeps the mark");
        assertTrue(c.takeDue(0, 1_005));
        assertFalse(c.takeDue(0, 3_000), "taken: the mark is cleared");
        assertFalse(c.takeDue(1, 3_000), "ids are independent");
    }
}
