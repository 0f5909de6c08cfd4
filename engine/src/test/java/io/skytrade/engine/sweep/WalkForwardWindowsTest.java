package io.skytrade.engine.sweep;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class WalkForwardWindowsTest {
    @Test
    void shouldCutASpanIntoEqualWindowsThatTileIt() {
        assertEquals(List.of(new TimeWindow(100, 133), new TimeWindow(133, 166), new TimeWindow(166, 200)),
            WalkForwardWindows.split(new TimeWindow(100, 200), 3));
        assertEquals(List.of(new TimeWindow(0, 2), new TimeWindow(2, 5), new TimeWindow(5, 7), new TimeWindow(7, 10)),
            WalkForwardWindows.split(new TimeWindow(0, 10), 4));
        assertEquals(List.of(new TimeWindow(-5, 5)), WalkForwardWindows.split(new TimeWindow(-5, 5), 1));
    }

    @Test
    void shouldNotOverflowOnLongSpans() {
        final long from = Long.MIN_VALUE / 2;
        final long to = Long.MAX_VALUE / 2;
        final List<TimeWindow> windows = WalkForwardWindows.split(new TimeWindow(from, to), 7);
        assertEquals(7, windows.size());
        assertEquals(from, windows.get(0).fromNanos());
        assertEquals(to, windows.get(6).toNanos());
        for (int i = 1; i < 7; i++) {
            assertEquals(windows.get(i - 1).toNanos(), windows.get(i).fromNanos());
            final long length = windows.get(i).toNanos() - windows.get(i).fromNanos();
            assertEquals((to - from) / 7, length, 1.0);
        }
    }

    @Test
    void shouldRefuseASpanShorterThanTheWindowCount() {
        assertThrows(IllegalArgumentException.class, () -> WalkForwardWindows.split(new TimeWindow(0, 2), 3));
        assertThrows(IllegalArgumentException.class, () -> WalkForwardWindows.split(new TimeWindow(0, 2), 0));
    }

    @Test
    void shouldPrintWindowBoundsAsIsoInstants() {
        assertEquals("2026-03-01T12:00:00.000000001Z", new TimeWindow(1772366400000000001L, 1772366400000000002L).isoStart());
    }
}
