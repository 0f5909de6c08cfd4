package io.skytrade.bench;

import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TimerSlackTest {
    /** On Linux the call succeeds (then the default 50 us is put back); elsewhere it says why not. */
    @Test
    void shouldSetTheThreadsTimerSlackOnLinuxAndSayWhyNotElsewhere() throws InterruptedException {
        final boolean linux = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux");
        final String[] results = new String[2];
        final Thread t = new Thread(() -> {
            results[0] = TimerSlack.setForCurrentThread(1_000);
            results[1] = TimerSlack.setForCurrentThread(50_000);
        });
        t.start();
        t.join();
        if (linux) {
            assertNull(results[0]);
            assertNull(results[1]);
        } else {
            assertTrue(results[0].startsWith("timer slack is a Linux setting"), results[0]);
        }
    }

    @Test
    void shouldRefuseASlackBelowOneNanosecond() {
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TimerSlack.setForCurrentThread(0));
        assertEquals("timer slack 0 ns must be at least 1", e.getMessage());
    }
}
