package io.skytrade.core.time;

import org.agrona.concurrent.EpochNanoClock;

/**
 * An {@link EpochNanoClock} that only moves when told to: for tests, replay and backtests, where
 * time is taken from the events rather than the machine.
 *
 * <p>Thread-safety: the time is a volatile field, so a driver thread may advance it while another
 * reads. Hot-path cost: one volatile read.
 */
public final class ManualEpochNanoClock implements EpochNanoClock {
    private volatile long nanos;

    public ManualEpochNanoClock(final long startNanos) {
        this.nanos = startNanos;
    }

    @Override
    public long nanoTime() {
        return nanos;
    }

    public void set(final long epochNanos) {
        this.nanos = epochNanos;
    }

    public void advance(final long deltaNanos) {
        this.nanos = nanos + deltaNanos;
    }
}
