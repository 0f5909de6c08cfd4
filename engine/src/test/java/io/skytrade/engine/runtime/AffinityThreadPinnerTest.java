package io.skytrade.engine.runtime;

import io.skytrade.core.pipeline.ThreadPinner;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** OpenHFT affinity behind the pipeline's ThreadPinner: the last CPU of this machine, and one that does not exist. */
class AffinityThreadPinnerTest {
    @Test
    void shouldBindTheCallingThreadToAnExistingCpuAndReleaseIt() {
        final int last = Runtime.getRuntime().availableProcessors() - 1;
        final ThreadPinner.Pin pin;
        try {
            pin = new AffinityThreadPinner().pin(last);
        } catch (final IllegalStateException e) {
            // OpenHFT's CPU locks are per machine: another process may hold this CPU right now
            assertTrue(e.getMessage().startsWith("OpenHFT affinity did not bind the thread"), e.getMessage());
            return;
        }
        try {
            assertEquals(last, pin.cpu());
        } finally {
            pin.release();
        }
    }

    @Test
    void shouldNameACpuThatCannotBeHad() {
        final IllegalStateException e = assertThrows(IllegalStateException.class, () -> new AffinityThreadPinner().pin(4096));
        assertTrue(e.getMessage().startsWith("OpenHFT affinity "), e.getMessage());
    }
}
