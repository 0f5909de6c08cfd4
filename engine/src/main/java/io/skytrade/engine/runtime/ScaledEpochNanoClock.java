package io.skytrade.engine.runtime;

import org.agrona.concurrent.EpochNanoClock;

/**
 * The engine's ingress clock when the embedded simulator runs its world faster than real time:
 * epoch nanoseconds starting at a given world time (the wall-clock time at start, or
 * {@code venue.worldStart}) and advancing {@code scale}
 * times faster than {@link System#nanoTime()}. With scale 1 it is an ordinary epoch clock. The
 * simulator, the synthetic feeds and the stamps on every input all read the same world time.
 *
 * <p>Thread-safety: immutable once the threads that read it are started ({@link #restart()} only
 * before that: {@link Thread#start()} publishes it). Cost: one {@code System.nanoTime()} and a
 * multiply; no allocation.
 */
public final class ScaledEpochNanoClock implements EpochNanoClock {
    private final long startEpochNanos;
    private long startNanoTime;
    private final double scale;

    public ScaledEpochNanoClock(final long startEpochNanos, final double scale) {
        if (!(scale >= 1.0) || Double.isInfinite(scale)) {
            throw new IllegalArgumentException("time scale " + scale + " must be a finite number >= 1");
        }
        this.startEpochNanos = startEpochNanos;
        this.startNanoTime = System.nanoTime();
        this.scale = scale;
    }

    /**
     * Starts the world again at its start instant from now: a run calls it when the venue starts, so
     * the world begins at {@code venue.worldStart} however long the engine took to start up (at 2,400x
     * a second of start-up would be 40 world minutes gone). Only before any thread that reads the
     * clock has started, and before anything was stamped with it.
     */
    public void restart() {
        startNanoTime = System.nanoTime();
    }

    @Override
    public long nanoTime() {
        return startEpochNanos + (long) ((System.nanoTime() - startNanoTime) * scale);
    }

    /** World time at construction. */
    public long startEpochNanos() {
        return startEpochNanos;
    }

    public double scale() {
        return scale;
    }
}
