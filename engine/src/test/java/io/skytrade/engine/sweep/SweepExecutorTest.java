package io.skytrade.engine.sweep;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(30)
class SweepExecutorTest {
    @Test
    void shouldPlaceFiguresByWindowAndSetWhateverOrderTheyFinishIn() {
        final Set<String> threads = ConcurrentHashMap.newKeySet();
        final SweepExecutor.Outcomes o = new SweepExecutor(3, null).run(2, 3, (w, s) -> {
            threads.add(Thread.currentThread().getName());
            sleep((3 - s) * 20L);
            return Map.of("finalEquity", (double) (10 * w + s));
        });
        assertTrue(o.failures().isEmpty());
        for (int w = 0; w < 2; w++) {
            for (int s = 0; s < 3; s++) {
                assertEquals(10.0 * w + s, o.of(w, s).get("finalEquity"));
            }
        }
        assertTrue(threads.stream().allMatch(n -> n.startsWith("sweep-worker-")), threads.toString());
        assertTrue(threads.size() <= 3, threads.toString());
    }

    @Test
    void shouldKeepCompletedFiguresAndReportEveryFailureWithItsWindowAndSet() {
        final SweepExecutor.Outcomes o = new SweepExecutor(2, null).run(2, 2, (w, s) -> {
            if (s == 1) {
                throw new IllegalStateException("boom in window " + w);
            }
            return Map.of("finalEquity", 1.0);
        });
        assertEquals(2, o.failures().size());
        assertEquals(0, o.failures().get(0).window());
        assertEquals(1, o.failures().get(0).set());
        assertEquals("boom in window 1", o.failures().get(1).cause().getMessage());
        assertEquals(1.0, o.of(1, 0).get("finalEquity"));
        assertNull(o.of(1, 1));
    }

    @Test
    void shouldRefuseZeroWorkers() {
        assertThrows(IllegalArgumentException.class, () -> new SweepExecutor(0, null));
    }

    private static void sleep(final long millis) {
        try {
            Thread.sleep(millis);
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
