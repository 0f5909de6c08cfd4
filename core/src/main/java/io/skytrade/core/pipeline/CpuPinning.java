package io.skytrade.core.pipeline;

import java.util.function.Consumer;

/**
 * Binds the calling stage thread to its configured CPU through a {@link ThreadPinner}, and releases
 * it at shutdown. When pinning is unavailable (no pinner, no native library, CPU out of range, not
 * permitted) it reports one warning line through the given sink and the thread runs unpinned.
 *
 * <p>Called once per stage thread at start and stop; never on the hot path.
 */
public final class CpuPinning {
    /** CPU value meaning "do not pin". */
    public static final int NONE = -1;

    private final int cpu;
    private final Consumer<String> warnings;
    private final ThreadPinner pinner;
    private ThreadPinner.Pin lock;

    public CpuPinning(final int cpu, final Consumer<String> warnings, final ThreadPinner pinner) {
        this.cpu = cpu;
        this.warnings = warnings;
        this.pinner = pinner;
    }

    /** Pins the current thread if a CPU was configured. */
    public void pinCurrentThread(final String threadName) {
        if (cpu == NONE) {
            return;
        }
        try {
            final ThreadPinner.Pin acquired = pinner.pin(cpu);
            if (acquired.cpu() == cpu) {
                lock = acquired;
            } else {
                acquired.release();
                warnings.accept("warning: could not pin thread '" + threadName + "' to CPU " + cpu
                    + " (got " + acquired.cpu() + "); running unpinned");
            }
        } catch (final IllegalStateException e) {
            warnings.accept("warning: CPU pinning unavailable for thread '" + threadName + "' (CPU " + cpu
                + "): " + e.getMessage() + "; running unpinned");
        }
    }

    /** Releases the CPU if this thread holds one. */
    public void release() {
        if (lock != null) {
            lock.release();
            lock = null;
        }
    }

    public int cpu() {
        return cpu;
    }
}
