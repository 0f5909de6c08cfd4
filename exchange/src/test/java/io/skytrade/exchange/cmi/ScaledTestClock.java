package io.skytrade.exchange.cmi;

import org.agrona.concurrent.EpochNanoClock;

/** A clock whose time runs {@code scale} times faster than the wall clock, from a fixed epoch instant (tests). */
final class ScaledTestClock implements EpochNanoClock {
    private final long start;
    private final long wallStart = System.nanoTime();
    private final double scale;

    ScaledTestClock(final long startEpochNanos, final double scale) {
        this.start = startEpochNanos;
        this.scale = scale;
    }

    @Override
    public long nanoTime() {
        return start + (long)((System.nanoTime() - wallStart) * scale);
    }
}
