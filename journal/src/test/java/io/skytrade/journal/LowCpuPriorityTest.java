package io.skytrade.journal;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The page toucher's thread lowers its own CPU priority, and only its own. */
class LowCpuPriorityTest {
    @Test
    void shouldSetNice19OnTheCallingThreadOnly() throws Exception {
        final Path self = Path.of("/proc/thread-self/stat");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isReadable(self), "needs Linux /proc");
        final long before = nice(self);
        final AtomicReference<Object[]> seen = new AtomicReference<>();
        final Thread helper = new Thread(() -> {
            try {
                final String failed = LowCpuPriority.applyToCurrentThread();
                seen.set(new Object[]{failed, nice(self)});
            } catch (final java.io.IOException e) {
                seen.set(new Object[]{e.toString(), -1L});
            }
        });
        helper.start();
        helper.join();
        assertNull(seen.get()[0]);
        assertEquals((long) LowCpuPriority.NICE, seen.get()[1]);
        assertEquals(before, nice(self), "the calling thread's own priority must not change");
    }

    /** Field 19 of /proc/thread-self/stat: the thread's nice value. */
    private static long nice(final Path stat) throws java.io.IOException {
        final String s = Files.readString(stat);
        final String[] fields = s.substring(s.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[16]);
    }
}
