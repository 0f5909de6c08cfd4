package io.skytrade.engine.runtime;

import io.skytrade.core.pipeline.ThreadPinner;
import net.openhft.affinity.AffinityLock;

/**
 * Pins stage threads with OpenHFT affinity: the platform's {@link ThreadPinner}, given to the
 * pipeline by the composition root ({@link EngineAssembly}), so that {@code core} has no native or
 * platform dependency. A missing native library, a CPU out of range or a refused binding is an
 * {@link IllegalStateException} naming it (the pipeline warns once and runs the thread unpinned).
 *
 * <p>Stateless and thread-safe. Called once per stage thread at start and stop; never on the hot path.
 */
public final class AffinityThreadPinner implements ThreadPinner {
    @Override
    public Pin pin(final int cpu) {
        final AffinityLock lock;
        try {
            lock = AffinityLock.acquireLock(cpu);
        } catch (final LinkageError e) {
            throw new IllegalStateException("OpenHFT affinity is unavailable on this platform: " + e, e);
        } catch (final RuntimeException e) {
            throw new IllegalStateException("OpenHFT affinity refused CPU " + cpu + ": " + e, e);
        }
        if (!lock.isBound()) {
            final int got = lock.cpuId();
            lock.release();
            throw new IllegalStateException("OpenHFT affinity did not bind the thread (offered CPU " + got + ")");
        }
        return new Pin() {
            @Override
            public int cpu() {
                return lock.cpuId();
            }

            @Override
            public void release() {
                lock.release();
            }
        };
    }
}
