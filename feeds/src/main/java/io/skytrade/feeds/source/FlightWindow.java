package io.skytrade.feeds.source;

/**
 * The time window of a flight-count request and its 30-minute bins, derived from the fetch time
 * alone so that the request planner and the parser (including a parse of a cached body) agree:
 * the window ends at the last bin boundary at least {@code settleDelayNanos} before the fetch and
 * spans {@code lengthNanos}.
 *
 * <p>Immutable; thread-safe. Cost: a few arithmetic operations.
 *
 * @param startNanos window start, epoch nanoseconds, a multiple of {@link #BIN_NANOS}
 * @param endNanos   window end (exclusive)
 */
public record FlightWindow(long startNanos, long endNanos) {
    /** Width of one count bin: 30 minutes. */
    public static final long BIN_NANOS = 30L * 60 * 1_000_000_000L;

    /** The window ending at the last bin boundary at or before {@code fetch - settleDelay}. */
    public static FlightWindow ending(final long fetchTimeNanos, final long settleDelayNanos, final long lengthNanos) {
        final long end = Math.floorDiv(fetchTimeNanos - settleDelayNanos, BIN_NANOS) * BIN_NANOS;
        return new FlightWindow(end - lengthNanos, end);
    }

    /** Number of bins in the window. */
    public int bins() {
        return (int) ((endNanos - startNanos) / BIN_NANOS);
    }

    /** Bin index of {@code t}, or -1 when outside the window. */
    public int binOf(final long t) {
        if (t < startNanos || t >= endNanos) {
            return -1;
        }
        return (int) ((t - startNanos) / BIN_NANOS);
    }

    /** Start time of bin {@code i}. */
    public long binStart(final int i) {
        return startNanos + i * BIN_NANOS;
    }
}
